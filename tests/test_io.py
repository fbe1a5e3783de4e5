"""Reading name files and reference files (namerec.io)."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from namerec.errors import FileFormatError, InputError
from namerec.io import NameTable, ReferenceEntry, read_names, read_reference, write_csv


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return str(path)


def error_of(call, *args, **kwargs) -> FileFormatError:
    with pytest.raises(FileFormatError) as info:
        call(*args, **kwargs)
    return info.value


# ---------------------------------------------------------------------------------------------
# CSV name files


def test_csv_keeps_every_cell_as_a_string(tmp_path):
    path = write(tmp_path, "n.csv", 'id,name,type\n1,John Smith,PER\n2,"Smith, John",PER\n3,, \n')
    table = read_names(path)
    assert isinstance(table, NameTable)
    assert table.header == ["id", "name", "type"]
    assert table.rows == [["1", "John Smith", "PER"], ["2", "Smith, John", "PER"], ["3", "", " "]]
    assert table.names == ["John Smith", "Smith, John", ""]
    assert table.types is None
    assert table.row_numbers == [2, 3, 4]
    assert len(table) == 3


def test_csv_type_column(tmp_path):
    path = write(tmp_path, "n.csv", "name,kind\nAcme Ltd,org\nJo Ode,\n")
    table = read_names(path, type_column="kind")
    assert table.types == ["org", ""]
    assert table.type_column == 1


@pytest.mark.parametrize("suffix", [".tsv", ".TAB"])
def test_a_tsv_file_is_read_tab_separated(tmp_path, suffix):
    path = write(tmp_path, "n" + suffix, 'name\tkind\n"Smith, John"\tPER\nAcme, Inc.\tORG\n"Tab\there"\t\n')
    table = read_names(path, type_column="kind")
    assert table.names == ["Smith, John", "Acme, Inc.", "Tab\there"]
    assert table.types == ["PER", "ORG", ""]


def test_a_ragged_tsv_row_is_named_with_the_tab_hint(tmp_path):
    path = write(tmp_path, "n.tsv", "name\tkind\nAna\tPER\textra\n")
    with pytest.raises(FileFormatError, match=r"row 2.*3 fields.*containing a tab"):
        read_names(path)


def test_a_tab_separated_csv_file_is_told_to_be_named_tsv(tmp_path):
    path = write(tmp_path, "n.csv", "name\tkind\nAna\tPER\n")
    with pytest.raises(FileFormatError, match=r"tab-separated: name it \.tsv"):
        read_names(path)


def test_csv_other_name_column_and_first_column(tmp_path):
    path = write(tmp_path, "n.csv", "who,where\nAna,Lisboa\n")
    assert read_names(path, column="where").names == ["Lisboa"]
    assert read_names(path, column=None).names == ["Ana"]


@pytest.mark.parametrize("value", ["Nan", "NaN", "NA", "N/A", "null", "NULL", "None", "nan", "#N/A", "-"])
def test_missing_value_spellings_are_names(tmp_path, value):
    path = write(tmp_path, "n.csv", f"name,type\n{value},{value}\n")
    table = read_names(path, type_column="type")
    assert table.names == [value]
    assert table.types == [value]


def test_whitespace_quotes_and_unicode_are_kept(tmp_path):
    rows = ["  padded  ", 'O"Brien', "Zoë 😀 Ng", "tab\tinside", "bell\x07", "new\nline", "x" * 200_000]
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["name"], *[[r] for r in rows]])
    path = write(tmp_path, "n.csv", buffer.getvalue())
    assert read_names(path).names == rows


def test_header_only_csv_has_no_rows(tmp_path):
    table = read_names(write(tmp_path, "n.csv", "name,type\n"), type_column="type")
    assert (table.rows, table.names, table.types) == ([], [], [])


def test_crlf_line_ends(tmp_path):
    table = read_names(write(tmp_path, "n.csv", "name,t\r\nA,1\r\nB,2\r\n"))
    assert table.rows == [["A", "1"], ["B", "2"]]


def test_blank_lines_are_skipped_in_multi_column_csv(tmp_path):
    table = read_names(write(tmp_path, "n.csv", "name,t\nA,1\n\nB,2\n\n"))
    assert table.names == ["A", "B"]
    assert table.row_numbers == [2, 4]


def test_blank_lines_are_blank_names_in_one_column_csv(tmp_path):
    table = read_names(write(tmp_path, "n.csv", 'name\nA\n\n""\nB\n'))
    assert table.names == ["A", "", "", "B"]


def test_row_numbers_follow_multi_line_cells(tmp_path):
    path = write(tmp_path, "n.csv", 'name,t\n"two\nlines",1\nB,2\nC\n')
    err = error_of(read_names, path)
    assert err.row == 5
    assert read_names(write(tmp_path, "m.csv", 'name,t\n"two\nlines",1\nB,2\n')).row_numbers == [2, 4]


def test_utf8_bom_is_removed(tmp_path):
    table = read_names(write(tmp_path, "n.csv", b"\xef\xbb\xbfname,type\nJos\xc3\xa9,PER\n"))
    assert table.header == ["name", "type"]
    assert table.names == ["José"]


def test_bad_utf8_names_byte_offset_and_row(tmp_path):
    path = write(tmp_path, "n.csv", b"name,type\nAnna,PER\nJos\xe9,PER\n")
    err = error_of(read_names, path)
    assert err.row == 3
    assert err.path == path
    assert "not valid UTF-8 (byte 0xe9 at offset 22)" in err.problem
    assert "re-save the file as UTF-8" in err.problem
    assert str(err).startswith(f"{path}, row 3: ")
    assert isinstance(err, InputError) and isinstance(err, ValueError)


def test_bad_utf8_offset_counts_the_bom_and_row_follows_quoted_newlines(tmp_path):
    path = write(tmp_path, "n.csv", b'\xef\xbb\xbfname\n"a\nb"\nx\xff\n')
    err = error_of(read_names, path)
    assert err.row == 4  # the record starting on line 4 (the quoted cell spans lines 2-3)
    assert "offset 15" in err.problem


def test_utf16_is_refused_with_advice(tmp_path):
    path = write(tmp_path, "n.csv", "name\nAnna\n".encode("utf-16"))
    assert "UTF-16" in error_of(read_names, path).problem


def test_nul_byte_is_malformed(tmp_path):
    err = error_of(read_names, write(tmp_path, "n.csv", b"name\nok\nA\x00B\n"))
    assert err.row == 3
    assert "NUL" in err.problem


def test_unterminated_quote(tmp_path):
    err = error_of(read_names, write(tmp_path, "n.csv", 'name,t\nA,1\n"B,2\nC,3\n'))
    assert err.row == 3
    assert "never closed" in err.problem


def test_text_after_closing_quote(tmp_path):
    err = error_of(read_names, write(tmp_path, "n.csv", 'name\n"Smith"son\n'))
    assert err.row == 2


def test_row_with_too_many_fields_is_malformed(tmp_path):
    err = error_of(read_names, write(tmp_path, "n.csv", "name\nAnna\nSmith, John\n"))
    assert err.row == 3
    assert "has 2 fields but the header has 1" in err.problem
    assert "double quotes" in err.problem


def test_row_with_too_few_fields_is_malformed(tmp_path):
    err = error_of(read_names, write(tmp_path, "n.csv", "name,type,id\nAnna,PER,1\nBob,PER\n"))
    assert err.row == 3
    assert "has 2 fields but the header has 3" in err.problem


def test_missing_column_lists_the_columns(tmp_path):
    path = write(tmp_path, "n.csv", "Name,type\nAnna,PER\n")
    err = error_of(read_names, path)
    assert err.problem.startswith("no column 'name'; the columns are: Name, type")
    assert "did you mean 'Name'?" in err.problem
    assert "no type column 'kind'" in error_of(read_names, path, column="Name", type_column="kind").problem


def test_missing_column_hints_at_a_missing_header(tmp_path):
    err = error_of(read_names, write(tmp_path, "n.csv", "John Smith\nAna Lima\n"))
    assert "no column 'name'; the columns are: John Smith (if the file has no header" in err.problem


def test_missing_column_hints_at_tab_separated_files(tmp_path):
    err = error_of(read_names, write(tmp_path, "n.csv", "name\ttype\nAnna\tPER\n"))
    assert "tab-separated" in err.problem


def test_duplicate_selected_column(tmp_path):
    err = error_of(read_names, write(tmp_path, "n.csv", "name,name\na,b\n"))
    assert "2 columns called 'name'" in err.problem


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf"])
def test_empty_csv_is_an_error(tmp_path, content):
    assert "header" in error_of(read_names, write(tmp_path, "n.csv", content)).problem


def test_missing_file_and_directory(tmp_path):
    assert "cannot read the file" in error_of(read_names, str(tmp_path / "nope.csv")).problem
    assert "directory" in error_of(read_names, str(tmp_path)).problem


def test_path_objects_are_accepted(tmp_path):
    assert read_names(Path(write(tmp_path, "n.csv", "name\nA\n"))).names == ["A"]


# ---------------------------------------------------------------------------------------------
# one name per line: .txt and stdin


def test_txt_one_name_per_line_keeps_blank_lines(tmp_path):
    table = read_names(write(tmp_path, "n.txt", "Anna Berg\n\n  Smith, John \nNan\n"))
    assert table.header == ["name"]
    assert table.names == ["Anna Berg", "", "  Smith, John ", "Nan"]
    assert table.rows == [[n] for n in table.names]
    assert table.row_numbers == [1, 2, 3, 4]
    assert table.types is None


def test_txt_last_line_without_newline_and_crlf(tmp_path):
    assert read_names(write(tmp_path, "a.TXT", "A\r\nB")).names == ["A", "B"]
    assert read_names(write(tmp_path, "b.txt", "A\n\n")).names == ["A", ""]
    assert read_names(write(tmp_path, "c.txt", "")).names == []
    assert read_names(write(tmp_path, "d.txt", "\n")).names == [""]


def test_txt_quotes_and_commas_are_plain_text(tmp_path):
    assert read_names(write(tmp_path, "n.txt", '"Smith, John"\nA,B\n')).names == ['"Smith, John"', "A,B"]


def test_txt_bad_utf8_row(tmp_path):
    err = error_of(read_names, write(tmp_path, "n.txt", b"A\nB\n\xc3(\n"))
    assert err.row == 3
    assert "byte 0xc3 at offset 4" in err.problem


def test_txt_has_no_other_column_and_no_types(tmp_path):
    path = write(tmp_path, "n.txt", "A\n")
    assert "'name'" in error_of(read_names, path, column="who").problem
    assert "no types" in error_of(read_names, path, type_column="type").problem
    assert read_names(path, column=None).names == ["A"]


def test_stdin_text_stream(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Anna\n\nnull\n"))
    table = read_names("-")
    assert table.names == ["Anna", "", "null"]
    assert table.path == "<stdin>"


def test_stdin_bytes_with_bom(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfJos\xc3\xa9\nB\n")))
    assert read_names("-").names == ["José", "B"]


def test_stdin_bad_utf8(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"A\nB\xff\n")))
    err = error_of(read_names, "-")
    assert (err.path, err.row) == ("<stdin>", 2)
    assert str(err).startswith("<stdin>, row 2: not valid UTF-8")


# ---------------------------------------------------------------------------------------------
# writing


def test_write_csv_round_trips_awkward_cells(tmp_path):
    rows = [["a,b", 'say "hi"', "multi\nline", "cr\ronly", "", "  x  ", "😀"]]
    header = ["c1", "c2", "c3", "c4", "c5", "c6", "c7"]
    out = tmp_path / "out.tsv"
    write_csv(str(out), header, rows)
    with open(out, encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle)) == [header, *rows]
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert out.read_bytes().startswith(b"c1,c2")


def test_write_csv_to_stdout(capsys):
    write_csv(None, ["name", "n"], iter([["Zoë", 1], ["B", None]]))
    assert capsys.readouterr().out == "name,n\nZoë,1\nB,\n"
    write_csv("-", ["name"], [[""]])
    assert capsys.readouterr().out == 'name\n""\n'


def test_written_blank_names_read_back_as_blank(tmp_path):
    out = tmp_path / "o.csv"
    write_csv(str(out), ["name"], [["A"], [""], ["B"]])
    assert read_names(str(out)).names == ["A", "", "B"]


# ---------------------------------------------------------------------------------------------
# reference files

ENTRIES = [
    {"id": "Q-1", "type": "PERSON", "name": "Agnieszka Wrona", "aliases": ["A. Wrona", "Agnes Wrona"]},
    {"id": "Q-2", "type": "org", "name": "Tidewater Mills Ltd", "aliases": []},
    {"id": "Q-3", "name": "Nobody Typed"},
]
EXPECTED = [
    ReferenceEntry(id="Q-1", name="Agnieszka Wrona", type="PERSON", aliases=["A. Wrona", "Agnes Wrona"]),
    ReferenceEntry(id="Q-2", name="Tidewater Mills Ltd", type="ORG", aliases=[]),
    ReferenceEntry(id="Q-3", name="Nobody Typed", type="", aliases=[]),
]


def test_reference_json_object(tmp_path):
    path = write(tmp_path, "r.json", json.dumps({"note": "x", "entities": ENTRIES}, indent=1))
    assert read_reference(path) == EXPECTED


def test_reference_bare_json_list(tmp_path):
    assert read_reference(write(tmp_path, "r.json", json.dumps(ENTRIES))) == EXPECTED


@pytest.mark.parametrize("name", ["r.jsonl", "r.ndjson", "r.json", "reference"])
def test_reference_json_lines(tmp_path, name):
    text = "\n".join(json.dumps(e) for e in ENTRIES[:2]) + "\n\n" + json.dumps(ENTRIES[2]) + "\n"
    assert read_reference(write(tmp_path, name, text)) == EXPECTED


def test_reference_json_lines_with_one_entry(tmp_path):
    assert read_reference(write(tmp_path, "r.jsonl", json.dumps(ENTRIES[0]))) == EXPECTED[:1]
    assert read_reference(write(tmp_path, "r.json", json.dumps(ENTRIES[0]))) == EXPECTED[:1]


def test_reference_csv(tmp_path):
    text = (
        "\ufeffID,Name,Type,Aliases,notes\n"
        "Q-1,Agnieszka Wrona,PERSON,A. Wrona | Agnes Wrona||A. Wrona,x\n"
        'Q-2,Tidewater Mills Ltd,org,,"a, b"\n'
        "\n"
        "Q-3,Nobody Typed,,,\n"
    )
    assert read_reference(write(tmp_path, "r.csv", text)) == EXPECTED


def test_reference_csv_without_optional_columns(tmp_path):
    entries = read_reference(write(tmp_path, "r.csv", "id,name\n7,Null\n"))
    assert entries == [ReferenceEntry(id="7", name="Null")]


def test_reference_shipped_example_file():
    path = Path("/work/shared/data/article/reference.json")
    if not path.exists():
        pytest.skip("shared article data not present")
    entries = read_reference(str(path))
    assert len(entries) == len(json.loads(path.read_text(encoding="utf-8"))["entities"])
    assert entries[0].id and entries[0].name


def test_reference_bad_json_names_the_line(tmp_path):
    text = '{"entities": [\n {"id": "a", "name": "A"}\n {"id"'
    err = error_of(read_reference, write(tmp_path, "r.json", text))
    assert err.row == 3
    assert "not valid JSON" in err.problem


def test_reference_bad_json_line(tmp_path):
    text = json.dumps(ENTRIES[0]) + "\n" + '{"id": "x", "name": }\n'
    err = error_of(read_reference, write(tmp_path, "r.jsonl", text))
    assert err.row == 2
    assert "not valid JSON" in err.problem


def test_reference_missing_id_and_name_in_json_give_the_line(tmp_path):
    doc = {"entities": [ENTRIES[0], {"name": "No Id"}]}
    err = error_of(read_reference, write(tmp_path, "r.json", json.dumps(doc, indent=2)))
    assert "has no 'id'" in err.problem
    assert err.row == 12  # the line where the entry opens
    doc = [ENTRIES[0], {"id": "Q-9", "name": "  "}]
    err = error_of(read_reference, write(tmp_path, "r2.json", json.dumps(doc)))
    assert "the entry 'Q-9' has a blank 'name'" in err.problem
    assert err.row == 1


def test_reference_missing_name_in_csv_and_json_lines(tmp_path):
    err = error_of(read_reference, write(tmp_path, "r.csv", "id,name\nQ-1,A\nQ-2,\n"))
    assert (err.row, err.problem) == (3, "the entry 'Q-2' has a blank 'name'")
    err = error_of(read_reference, write(tmp_path, "r.jsonl", '{"id": "a", "name": "A"}\n{"id": "b"}\n'))
    assert (err.row, err.problem) == (2, "the entry 'b' has no 'name'")
    err = error_of(read_reference, write(tmp_path, "r2.csv", "name,type\nA,PER\n"))
    assert err.problem.startswith("no column 'id'")


def test_reference_duplicate_ids(tmp_path):
    err = error_of(read_reference, write(tmp_path, "r.csv", "id,name\nQ-1,A\nQ-2,B\n Q-1 ,C\n"))
    assert (err.row, err.problem) == (4, "duplicate id 'Q-1' (first used at row 2)")
    err = error_of(read_reference, write(tmp_path, "r.json", json.dumps([ENTRIES[0], ENTRIES[0]])))
    assert "duplicate id 'Q-1'" in err.problem


def test_reference_wrong_shapes(tmp_path):
    assert "JSON object" in error_of(read_reference, write(tmp_path, "a.json", '["x"]')).problem
    assert "entities" in error_of(read_reference, write(tmp_path, "b.json", '{"items": []}')).problem
    assert "entities" in error_of(read_reference, write(tmp_path, "c.json", '{"entities": {}}')).problem
    bad_aliases = json.dumps([{"id": "a", "name": "A", "aliases": "B"}])
    assert "list of strings" in error_of(read_reference, write(tmp_path, "d.json", bad_aliases)).problem
    bad_id = json.dumps([{"id": ["a"], "name": "A"}])
    assert "'id' must be a string" in error_of(read_reference, write(tmp_path, "e.json", bad_id)).problem
    assert "is empty" in error_of(read_reference, write(tmp_path, "f.json", " \n")).problem
    assert "not valid JSON" in error_of(read_reference, write(tmp_path, "g.json", "id,name\n")).problem


def test_reference_integer_ids_become_strings(tmp_path):
    entries = read_reference(write(tmp_path, "r.json", json.dumps([{"id": 12, "name": "A"}])))
    assert entries[0].id == "12"
