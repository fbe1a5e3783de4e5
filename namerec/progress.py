"""Progress bars on stderr, shown only to a person watching a terminal.

>>> total = 0
>>> for n in progress(range(3), desc="names", enabled=False):
...     total += n
>>> with progress(total=10, desc="pairs", enabled=False) as bar:
...     bar.update(10)
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from tqdm import tqdm

__all__ = ["progress", "stderr_is_terminal"]


def stderr_is_terminal() -> bool:
    """True when stderr is an interactive terminal (False when it is a file, a pipe or missing)."""
    stream = sys.stderr
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):  # closed or unusual streams
        return False


def progress(
    iterable: Iterable[Any] | None = None,
    *,
    total: int | float | None = None,
    desc: str = "",
    enabled: bool | None = None,
) -> tqdm:
    """A tqdm progress bar on stderr.

    ``enabled=None`` shows it only when stderr is a terminal (so logs and pipes stay clean);
    True or False force it on or off (pass ``Config.progress``). Iterate over the result like the
    iterable, or use it as a context manager and call ``.update(n)``. When disabled it costs
    next to nothing and prints nothing.
    """
    show = stderr_is_terminal() if enabled is None else bool(enabled) and sys.stderr is not None
    return tqdm(
        iterable,
        total=total,
        desc=desc or None,
        disable=not show,
        file=sys.stderr,
        leave=False,
        dynamic_ncols=True,
        mininterval=0.2,
    )
