"""Every error namerec raises derives from :class:`NamerecError`.

The tree::

    NamerecError
    ├── InputError (also ValueError)        bad names, lists or tables passed in
    │   └── FileFormatError                 an unreadable, undecodable or malformed file
    ├── ConfigError (also ValueError)       an invalid or unreadable configuration / model file
    └── MissingExtraError (also ImportError) an optional part whose extra is not installed

Messages say what went wrong, where (index, file, row) and what to do about it.
"""

from __future__ import annotations


class NamerecError(Exception):
    """Root of every error raised by namerec."""


class InputError(NamerecError, ValueError):
    """Input that namerec cannot process; the message names the index or row and the problem."""


class FileFormatError(InputError):
    """A file that cannot be read, decoded or parsed; the message names the file, row and problem."""

    def __init__(self, path: str, problem: str, row: int | None = None) -> None:
        self.path = path
        self.row = row
        self.problem = problem
        where = f"{path}, row {row}" if row is not None else path
        super().__init__(f"{where}: {problem}")


class ConfigError(NamerecError, ValueError):
    """An invalid configuration or model file."""


class MissingExtraError(NamerecError, ImportError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, feature: str, extra: str, package: str) -> None:
        super().__init__(
            f"{feature} needs the optional package {package!r}: "
            f'install it with  pip install "namerec[{extra}]"'
        )
