"""The public facade: an honest, sorted ``__all__``, a light import, and one error tree."""

from __future__ import annotations

import ast
import builtins
import inspect
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

import namerec
from namerec import errors

INIT = Path(namerec.__file__)


def _names_defined_in_init() -> set[str]:
    """Names bound at the top level of namerec/__init__.py by defs, assignments and relative imports."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.ImportFrom) and node.level > 0:  # from .x import Y: re-exported API
            names.update(alias.asname or alias.name for alias in node.names)
    names.discard("__all__")
    return names


def test_all_is_sorted():
    assert list(namerec.__all__) == sorted(namerec.__all__)


def test_all_has_no_duplicates():
    assert len(set(namerec.__all__)) == len(namerec.__all__)


def test_everything_listed_exists():
    missing = [name for name in namerec.__all__ if not hasattr(namerec, name)]
    assert not missing


def test_every_public_name_is_listed():
    public = {name for name in _names_defined_in_init() if not name.startswith("_")}
    assert public, "found no public names in namerec/__init__.py"
    assert sorted(public - set(namerec.__all__)) == []


def test_every_public_object_of_namerec_is_listed():
    # The same check at run time: classes and functions of namerec reachable from the package.
    unlisted = []
    for name, value in vars(namerec).items():
        if name.startswith("_") or isinstance(value, types.ModuleType):
            continue
        module = getattr(value, "__module__", "") or ""
        if (inspect.isclass(value) or inspect.isfunction(value)) and module.startswith("namerec"):
            if name not in namerec.__all__:
                unlisted.append(name)
    assert unlisted == []


def test_version_is_a_string():
    assert isinstance(namerec.__version__, str) and namerec.__version__


def test_import_is_light():
    # A fresh interpreter: the test session itself may have imported anything.
    heavy = ["spacy", "pyspark", "pandas"]
    code = f"import sys, namerec; print(sorted(set({heavy!r}) & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", f"import namerec imported {done.stdout.strip()}"


def _documented_tree() -> dict[str, str | None]:
    """Error name -> the builtin its line in the errors module docstring says it also is."""
    tree: dict[str, str | None] = {}
    for line in (errors.__doc__ or "").splitlines():
        match = re.search(r"(\w+Error)\b(?:\s*\(also (\w+)\))?", line)
        if match:
            tree[match.group(1)] = match.group(2)
    return tree


def _error_classes() -> dict[str, type]:
    return {
        name: value for name, value in vars(errors).items()
        if inspect.isclass(value) and issubclass(value, BaseException) and value.__module__ == errors.__name__
    }


def test_error_tree_is_documented_and_complete():
    documented = _documented_tree()
    assert "NamerecError" in documented
    assert set(documented) == set(_error_classes())


@pytest.mark.parametrize("name", sorted(_error_classes()))
def test_every_error_derives_from_the_root_and_its_builtin(name):
    cls = _error_classes()[name]
    assert issubclass(cls, errors.NamerecError)
    builtin = _documented_tree().get(name)
    if builtin is not None:
        assert issubclass(cls, getattr(builtins, builtin)), f"{name} should also be a {builtin}"


def test_documented_builtins():
    # Pinned explicitly as well, so a docstring edit cannot quietly change the contract.
    assert issubclass(errors.InputError, ValueError)
    assert issubclass(errors.FileFormatError, errors.InputError)
    assert issubclass(errors.ConfigError, ValueError)
    assert issubclass(errors.MissingExtraError, ImportError)


def test_exported_errors_are_the_errors_module_ones():
    for name in namerec.__all__:
        value = getattr(namerec, name)
        if inspect.isclass(value) and issubclass(value, BaseException):
            assert value is getattr(errors, name)
            assert issubclass(value, errors.NamerecError)


def test_missing_extra_message_names_the_install_command():
    message = str(errors.MissingExtraError("the spaCy component", "spacy", "spacy"))
    assert 'pip install "namerec[spacy]"' in message


def test_file_format_error_names_file_and_row():
    exc = errors.FileFormatError("names.csv", "missing column 'name'", row=3)
    assert str(exc) == "names.csv, row 3: missing column 'name'"
    assert (exc.path, exc.row, exc.problem) == ("names.csv", 3, "missing column 'name'")
