"""Reading name files and reference files, and writing CSV results.

Every problem with a file raises :class:`~namerec.errors.FileFormatError`, whose message names the
file, the row and the problem. Row numbers are 1-based line numbers: in a CSV file the header is
row 1 and a data row's number is the line on which it starts; in a one-name-per-line file (``.txt``
or ``-`` for stdin) it is simply the line number.

Cells are always kept as the exact strings in the file: nothing is stripped, and nothing is
turned into a missing value (a person may be called "Nan", "NA" or "Null").
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .entity_types import canonical_type
from .errors import FileFormatError

__all__ = ["NameTable", "ReferenceEntry", "read_names", "read_reference", "write_csv", "STDIN"]

STDIN = "-"
"""The path that means: read one name per line from standard input."""

_STDIN_NAME = "<stdin>"
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_LINE_FILE_SUFFIXES = (".txt",)
# Files read as tab-separated values; any other name but a line file is comma-separated CSV.
_TAB_SEPARATED_SUFFIXES = (".tsv", ".tab")
_JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
_ALIAS_SEPARATOR = "|"


@dataclass
class NameTable:
    """The names read from a file, with every original cell kept.

    ``rows[i]`` holds the cells of the i-th data row (as many as the header has), ``names[i]``
    its name, ``types[i]`` its raw type cell (``None`` when no type column was asked for), and
    ``row_numbers[i]`` its row number in the file, for messages.
    """

    header: list[str]
    rows: list[list[str]]
    names: list[str]
    types: list[str] | None
    row_numbers: list[int]
    path: str
    name_column: int = 0
    type_column: int | None = None

    def __len__(self) -> int:
        return len(self.rows)


class ReferenceEntry(BaseModel):
    """One known entity of a reference list: an id, a name, an optional type and aliases."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="The entry's id, unique within the reference list.")
    name: str = Field(description="The entry's preferred spelling.")
    type: str = Field("", description="Canonical entity type ('' when not given).")
    aliases: list[str] = Field(default_factory=list, description="Other known spellings.")


# --------------------------------------------------------------------------------------------
# bytes -> text


def _display_name(path: str | Path) -> str:
    return _STDIN_NAME if str(path) == STDIN else str(path)


def _read_bytes(path: str, display: str) -> bytes | str:
    """The raw content of ``path``; stdin may give ``str`` when it has no byte buffer."""
    if path == STDIN:
        buffer = getattr(sys.stdin, "buffer", None)
        return buffer.read() if buffer is not None else sys.stdin.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise FileFormatError(display, "is a directory, not a file") from None
    except OSError as exc:
        raise FileFormatError(display, f"cannot read the file: {exc.strerror or exc}") from None


def _line_of(text: str, index: int) -> int:
    """1-based line number of ``text[index]`` (lines end at "\\n")."""
    return text.count("\n", 0, index) + 1


def _csv_row_of(text: str, index: int, delimiter: str = ",") -> int:
    """Row number (line where its CSV record starts) of the record holding ``text[index]``."""
    reader = csv.reader(io.StringIO(text[:index] + "x", newline=""), delimiter=delimiter)
    row = 1
    try:
        while True:
            start = reader.line_num + 1
            next(reader)
            row = start
    except StopIteration:
        return row
    except csv.Error:
        return _line_of(text, index)


def _decode(data: bytes | str, display: str, row_of: Callable[[str, int], int]) -> str:
    """Decode UTF-8 (with or without a byte-order mark) and refuse NUL bytes."""
    if isinstance(data, str):
        text = data[1:] if data.startswith("\ufeff") else data
    else:
        offset = 0
        if data.startswith(_UTF8_BOM):
            offset = len(_UTF8_BOM)
        elif data.startswith(_UTF16_BOMS):
            raise FileFormatError(
                display, "is UTF-16 (it starts with a UTF-16 byte-order mark); re-save the file as UTF-8"
            )
        try:
            text = data[offset:].decode("utf-8")
        except UnicodeDecodeError as exc:
            prefix = data[offset : offset + exc.start].decode("utf-8")
            bad = data[offset + exc.start]
            raise FileFormatError(
                display,
                f"not valid UTF-8 (byte 0x{bad:02x} at offset {offset + exc.start}); "
                "re-save the file as UTF-8",
                row=row_of(prefix, len(prefix)),
            ) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise FileFormatError(
            display,
            "contains a NUL byte; is it a binary or UTF-16 file? Re-save it as UTF-8 text",
            row=row_of(text, nul),
        )
    return text


# --------------------------------------------------------------------------------------------
# CSV records


def _csv_problem(exc: csv.Error) -> str:
    message = str(exc)
    if "unexpected end of data" in message:
        return 'a quoted field is never closed: its opening " runs to the end of the file'
    if "expected after" in message:
        return (
            'text follows a closing " inside a field (write a literal " inside a quoted field as "", '
            "and put a comma after the closing quote)"
        )
    return f"malformed CSV: {message}"


def _read_csv_records(text: str, display: str, delimiter: str = ",") -> list[tuple[int, list[str]]]:
    """All CSV records as (row number, cells); an empty line gives an empty list of cells."""
    old_limit = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # very long names are names too
    try:
        reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter)
        records: list[tuple[int, list[str]]] = []
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return records
            except csv.Error as exc:
                raise FileFormatError(display, _csv_problem(exc), row=start) from None
            records.append((start, cells))
    finally:
        csv.field_size_limit(old_limit)


def _show(value: str) -> str:
    """A header cell as it should appear in a one-line message."""
    if value and value.isprintable() and value == value.strip():
        return value
    return repr(value)


def _missing_column(display: str, header: list[str], column: str, role: str) -> FileFormatError:
    shown = ", ".join(_show(h) for h in header[:30])
    if len(header) > 30:
        shown += f", ... ({len(header) - 30} more)"
    problem = f"no {role}column {column!r}; the columns are: {shown}"
    near = [h for h in header if h.strip().casefold() == column.strip().casefold()]
    if near:
        problem += f" (did you mean {near[0]!r}?)"
    elif len(header) == 1 and ("\t" in header[0] or ";" in header[0]):
        if "\t" in header[0]:
            problem += " (the file looks tab-separated: name it .tsv, and namerec reads it so)"
        else:
            problem += " (the file looks semicolon-separated; namerec reads comma-separated CSV)"
    elif len(header) == 1 and not role:
        problem += " (if the file has no header, add the line 'name' at the top, or name it .txt)"
    return FileFormatError(display, problem, row=1)


def _column_index(display: str, header: list[str], column: str, role: str = "") -> int:
    hits = [i for i, cell in enumerate(header) if cell == column]
    if not hits:
        raise _missing_column(display, header, column, role)
    if len(hits) > 1:
        raise FileFormatError(
            display,
            f"the header has {len(hits)} columns called {column!r} (columns "
            f"{', '.join(str(i + 1) for i in hits)}); rename all but one",
            row=1,
        )
    return hits[0]


def _ragged(display: str, row: int, got: int, want: int, delimiter: str = ",") -> FileFormatError:
    problem = f"has {got} field{'s' if got != 1 else ''} but the header has {want}"
    if got > want:
        separator = "tab" if delimiter == "\t" else "comma"
        problem += f" (a value containing a {separator} must be in double quotes)"
    return FileFormatError(display, problem, row=row)


# --------------------------------------------------------------------------------------------
# name files


def _is_line_file(path: str) -> bool:
    return path == STDIN or path.lower().endswith(_LINE_FILE_SUFFIXES)


def read_names(path: str | Path, column: str | None = "name", type_column: str | None = None) -> NameTable:
    """Read the names to reconcile from a CSV file, a ``.txt`` file or stdin (``-``).

    * CSV (any name not ending in ``.txt``): UTF-8, comma-separated (tab-separated for a name ending
      in ``.tsv`` or ``.tab``), with a header row. ``column`` names the column of names (``None`` =
      the first column); ``type_column`` an optional column of entity types. Every row must have as
      many fields as the header. Empty lines are skipped, except in a one-column file, where an
      empty line is a blank name.
    * ``.txt`` or ``-``: one name per line; the single column is called ``name``. Every line is a
      name, blank lines included; only the newline that ends the last line is not a row.

    Raises :class:`FileFormatError` naming the file, row and problem.
    """
    path = str(path)
    display = _display_name(path)
    if _is_line_file(path):
        return _read_line_table(path, display, column, type_column)
    return _read_csv_table(path, display, column, type_column)


def _read_line_table(path: str, display: str, column: str | None, type_column: str | None) -> NameTable:
    kind = "standard input" if path == STDIN else "a .txt file"
    if column not in (None, "name"):
        raise FileFormatError(
            display, f"no column {column!r}; {kind} has one name per line, in a column called 'name'"
        )
    if type_column is not None:
        raise FileFormatError(
            display,
            f"no type column {type_column!r}; {kind} has one name per line and no types "
            "(use a CSV file with a type column)",
        )
    text = _decode(_read_bytes(path, display), display, _line_of)
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the newline that ends the last line does not start another row
    names = [line[:-1] if line.endswith("\r") else line for line in lines]
    return NameTable(
        header=["name"],
        rows=[[name] for name in names],
        names=names,
        types=None,
        row_numbers=list(range(1, len(names) + 1)),
        path=display,
    )


def _delimiter_of(path: str) -> str:
    return "\t" if path.lower().endswith(_TAB_SEPARATED_SUFFIXES) else ","


def _read_csv_table(path: str, display: str, column: str | None, type_column: str | None) -> NameTable:
    delimiter = _delimiter_of(path)
    text = _decode(_read_bytes(path, display), display, partial(_csv_row_of, delimiter=delimiter))
    records = _read_csv_records(text, display, delimiter)
    if not records:
        raise FileFormatError(display, "is empty; a CSV file needs a header line naming its columns")
    header = records[0][1]
    if not header:
        raise FileFormatError(display, "the header line is empty; it should name the columns", row=1)
    name_index = 0 if column is None else _column_index(display, header, column)
    type_index = None if type_column is None else _column_index(display, header, type_column, "type ")
    width = len(header)
    rows: list[list[str]] = []
    row_numbers: list[int] = []
    for row_number, cells in records[1:]:
        if not cells:
            if width > 1:
                continue  # an empty line holds no record
            cells = [""]  # in a one-column file it is a blank name
        if len(cells) != width:
            raise _ragged(display, row_number, len(cells), width, delimiter)
        rows.append(cells)
        row_numbers.append(row_number)
    return NameTable(
        header=list(header),
        rows=rows,
        names=[cells[name_index] for cells in rows],
        types=None if type_index is None else [cells[type_index] for cells in rows],
        row_numbers=row_numbers,
        path=display,
        name_column=name_index,
        type_column=type_index,
    )


# --------------------------------------------------------------------------------------------
# writing


def _write_rows(stream: Any, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    # "\n" line ends keep the output friendly to line tools; the csv module only quotes the
    # characters of its line terminator, so a row holding a bare "\r" is written fully quoted.
    plain = csv.writer(stream, lineterminator="\n")
    quoted = csv.writer(stream, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in _chain(header, rows):
        cells = ["" if cell is None else str(cell) for cell in row]
        (quoted if any("\r" in cell for cell in cells) else plain).writerow(cells)


def _chain(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterable[Sequence[Any]]:
    yield header
    yield from rows


def write_csv(path: str | Path | None, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Write a UTF-8 CSV file (``\\n`` line ends, no BOM) to ``path``, or to stdout for None or ``-``.

    Raises :class:`OSError` when the file cannot be written.
    """
    if path is not None and str(path) != STDIN:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            _write_rows(handle, header, rows)
        return
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        _write_rows(stream, header, rows)
        return
    # Write UTF-8 whatever the console encoding, without newline translation.
    stream.flush()
    wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
    try:
        _write_rows(wrapper, header, rows)
        wrapper.flush()
    finally:
        wrapper.detach()


# --------------------------------------------------------------------------------------------
# reference files


def read_reference(path: str | Path) -> list[ReferenceEntry]:
    """Read a reference list of known entities.

    Accepted forms (UTF-8):

    * JSON ``{"entities": [entry, ...]}`` (other top-level keys are ignored) or a bare JSON list;
    * JSON lines: one entry object per line (blank lines skipped);
    * CSV with a header: ``id`` and ``name`` required, ``type`` and ``aliases`` optional, aliases
      separated by ``|``; other columns are ignored.

    An entry is ``{"id", "name", "type"?, "aliases"?}``; ids are strings (or integers) and must be
    unique, names must not be blank; keys other than these four are ignored. Types are stored in
    their canonical spelling (``per`` -> ``PERSON``); blank and repeated aliases are dropped.
    """
    path = str(path)
    display = _display_name(path)
    suffix = Path(path).suffix.lower()
    data = _read_bytes(path, display)
    row_of = _line_of if suffix == ".json" or suffix in _JSON_LINES_SUFFIXES else _csv_row_of
    text = _decode(data, display, row_of)
    if not text.strip():
        raise FileFormatError(display, "is empty; expected a reference list (JSON, JSON lines or CSV)")
    start = text.lstrip()[0]
    if suffix in _JSON_LINES_SUFFIXES:
        return _reference_from_json_lines(text, display)
    if start in "[{":
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            if start == "{" and exc.msg == "Extra data" and _first_line_is_object(text):
                return _reference_from_json_lines(text, display)
            raise _json_error(display, exc) from None
        one_entry = isinstance(document, dict) and "entities" not in document
        if one_entry and ("id" in document or "name" in document):
            return _reference_from_json_lines(text, display)  # JSON lines holding one entry
        return _reference_from_json(document, text, display)
    if suffix == ".json":
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            raise _json_error(display, exc) from None
        raise FileFormatError(display, 'expected {"entities": [...]} or a JSON list of entries')
    return _reference_from_csv(text, display)


def _first_line_is_object(text: str) -> bool:
    first = next(line for line in text.split("\n") if line.strip())
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def _json_error(display: str, exc: json.JSONDecodeError, row: int | None = None) -> FileFormatError:
    problem = f"not valid JSON: {exc.msg} (column {exc.colno})"
    return FileFormatError(display, problem, row=exc.lineno if row is None else row)


class _Entries:
    """Validates entries one by one and remembers ids, for duplicate detection."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.seen: dict[str, str] = {}
        self.entries: list[ReferenceEntry] = []

    def fail(self, where: str, row: int | None, problem: str) -> FileFormatError:
        return FileFormatError(self.display, f"{where}{problem}" if row is None else problem, row=row)

    def add(
        self, *, where: str, row: int | None, id_: Any, name: Any, type_: Any, aliases: list[Any]
    ) -> None:
        if isinstance(id_, bool) or not isinstance(id_, (str, int)):
            problem = "has no 'id'" if id_ is None else f"'id' must be a string, not {type(id_).__name__}"
            raise self.fail(where, row, f"the entry {problem}")
        entry_id = str(id_).strip()
        if not entry_id:
            raise self.fail(where, row, "the entry has a blank 'id'")
        label = f"the entry {entry_id!r}"
        if not isinstance(name, str):
            problem = (
                "has no 'name'" if name is None else f"'name' must be a string, not {type(name).__name__}"
            )
            raise self.fail(where, row, f"{label} {problem}")
        if not name.strip():
            raise self.fail(where, row, f"{label} has a blank 'name'")
        if type_ is not None and not isinstance(type_, str):
            raise self.fail(where, row, f"{label}: 'type' must be a string, not {type(type_).__name__}")
        kept: list[str] = []
        for alias in aliases:
            if not isinstance(alias, str):
                raise self.fail(where, row, f"{label}: 'aliases' must be a list of strings")
            if alias.strip() and alias not in kept:
                kept.append(alias)
        if entry_id in self.seen:
            raise self.fail(where, row, f"duplicate id {entry_id!r} (first used {self.seen[entry_id]})")
        self.seen[entry_id] = f"at row {row}" if row is not None else f"by {where.rstrip(': ')}"
        self.entries.append(ReferenceEntry(id=entry_id, name=name, type=canonical_type(type_), aliases=kept))

    def add_object(self, obj: Any, where: str, row: int | None) -> None:
        if not isinstance(obj, dict):
            raise self.fail(where, row, f"an entry must be a JSON object, not {type(obj).__name__}")
        aliases = obj.get("aliases")
        if aliases is None:
            aliases = []
        elif not isinstance(aliases, list):
            raise self.fail(where, row, "'aliases' must be a list of strings")
        self.add(where=where, row=row, id_=obj.get("id"), name=obj.get("name"), type_=obj.get("type"),
                 aliases=aliases)


def _reference_from_json(document: Any, text: str, display: str) -> list[ReferenceEntry]:
    if isinstance(document, dict):
        if "entities" not in document:
            raise FileFormatError(display, 'expected {"entities": [...]} or a JSON list of entries')
        items = document["entities"]
        if not isinstance(items, list):
            raise FileFormatError(display, "'entities' must be a JSON list of entries")
    elif isinstance(document, list):
        items = document
    else:
        raise FileFormatError(display, 'expected {"entities": [...]} or a JSON list of entries')
    lines = _json_item_lines(text, len(items))
    entries = _Entries(display)
    for number, obj in enumerate(items, 1):
        entries.add_object(obj, f"entry {number}: ", lines[number - 1] if lines else None)
    return entries.entries


def _reference_from_json_lines(text: str, display: str) -> list[ReferenceEntry]:
    entries = _Entries(display)
    for row, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _json_error(display, exc, row) from None
        entries.add_object(obj, "", row)
    return entries.entries


def _reference_from_csv(text: str, display: str) -> list[ReferenceEntry]:
    records = _read_csv_records(text, display)
    header = [cell.strip().casefold() for cell in records[0][1]]
    index: dict[str, int] = {}
    for key in ("id", "name", "type", "aliases"):
        hits = [i for i, cell in enumerate(header) if cell == key]
        if len(hits) > 1:
            raise FileFormatError(display, f"the header has {len(hits)} columns called {key!r}", row=1)
        if hits:
            index[key] = hits[0]
        elif key in ("id", "name"):
            shown = ", ".join(_show(h) for h in records[0][1])
            raise FileFormatError(
                display,
                f"no column {key!r}; the columns are: {shown} (a CSV reference needs the columns "
                "id,name and may have type,aliases)",
                row=1,
            )
    entries = _Entries(display)
    for row, cells in records[1:]:
        if not cells:
            continue
        if len(cells) != len(header):
            raise _ragged(display, row, len(cells), len(header))
        aliases = cells[index["aliases"]].split(_ALIAS_SEPARATOR) if "aliases" in index else []
        entries.add(
            where="",
            row=row,
            id_=cells[index["id"]],
            name=cells[index["name"]],
            type_=cells[index["type"]] if "type" in index else None,
            aliases=[alias.strip() for alias in aliases],
        )
    return entries.entries


def _json_item_lines(text: str, count: int) -> list[int] | None:
    """Line number on which each item of the entry list starts, or None if it cannot be found."""
    decoder = json.JSONDecoder()

    def skip(pos: int) -> int:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        return pos

    try:
        pos = skip(0)
        if text[pos] == "{":  # find the value of "entities"
            pos = skip(pos + 1)
            while True:
                key, pos = decoder.raw_decode(text, pos)
                pos = skip(skip(pos) + 1)  # past ':'
                if key == "entities":
                    break
                _, pos = decoder.raw_decode(text, pos)
                pos = skip(skip(pos) + 1)  # past ','
        if text[pos] != "[":
            return None
        pos = skip(pos + 1)
        lines: list[int] = []
        while len(lines) < count:
            lines.append(_line_of(text, pos))
            _, pos = decoder.raw_decode(text, pos)
            pos = skip(skip(pos) + 1)  # past ',' or ']'
        return lines
    except (ValueError, IndexError):
        return None
