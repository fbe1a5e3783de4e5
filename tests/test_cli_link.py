"""``namerec link``: one row per input row with ref_id, ref_name, confidence and alternatives."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from namerec import ReferenceIndex
from namerec.cli import main

NAMEREC = Path(sys.executable).with_name("namerec")

REFERENCE = {
    "entities": [
        {"id": "P-tomasz", "name": "Tomasz Wrzesniewski", "type": "PERSON"},
        {"id": "P-anna", "name": "Anna Wrzesniewski", "type": "PERSON"},
        {"id": "O-bimr", "name": "Baltic Institute for Marine Research", "type": "ORG"},
        {"id": "O-halvorsen", "name": "Halvorsen", "type": "ORG"},
        {"id": "P-myroslava", "name": "Мирослава Дзюбенко", "type": "PERSON"},
    ]
}
LINK_COLUMNS = ["ref_id", "ref_name", "confidence", "alternatives"]


@pytest.fixture(autouse=True)
def _no_debug(monkeypatch):
    monkeypatch.delenv("NAMEREC_DEBUG", raising=False)


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return str(path)


@pytest.fixture
def ref(tmp_path) -> str:
    return write(tmp_path, "ref.json", json.dumps(REFERENCE, ensure_ascii=False))


def parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def run(capsys, *argv) -> tuple[int, list[list[str]], str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, parse(captured.out), captured.err


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("namerec: error: ")
    return lines[0]


def test_link_keeps_rows_and_columns_and_appends_four(tmp_path, ref, capsys):
    path = write(tmp_path, "in.csv",
                 "id,name,city\n1,Tomasz Wrzesniewski,Gdansk\n2,Wrzesniewski,\n"
                 "3,Theodora Quillfeather,Oslo\n4,BIMR,Riga\n5,Myroslava Dziubenko,Kyiv\n")
    code, rows, err = run(capsys, "link", path, "--reference", ref)
    assert code == 0 and err == ""
    assert rows[0] == ["id", "name", "city", *LINK_COLUMNS]
    assert [r[:3] for r in rows[1:]] == [["1", "Tomasz Wrzesniewski", "Gdansk"], ["2", "Wrzesniewski", ""],
                                         ["3", "Theodora Quillfeather", "Oslo"], ["4", "BIMR", "Riga"],
                                         ["5", "Myroslava Dziubenko", "Kyiv"]]
    by_name = {r[1]: dict(zip(LINK_COLUMNS, r[3:])) for r in rows[1:]}
    # the bare surname is reconciled with the full name and inherits its link
    assert by_name["Tomasz Wrzesniewski"]["ref_id"] == by_name["Wrzesniewski"]["ref_id"] == "P-tomasz"
    assert by_name["Wrzesniewski"]["ref_name"] == "Tomasz Wrzesniewski"
    nobody = by_name["Theodora Quillfeather"]
    assert nobody["ref_id"] == "" and nobody["ref_name"] == ""
    assert by_name["BIMR"]["ref_id"] == "O-bimr"
    assert by_name["Myroslava Dziubenko"]["ref_name"] == "Мирослава Дзюбенко"
    for row in by_name.values():
        assert len(row["confidence"].split(".")[1]) == 4 and 0 <= float(row["confidence"]) <= 1
        alternatives = json.loads(row["alternatives"])
        assert isinstance(alternatives, list) and len(alternatives) <= 3
        for alternative in alternatives:
            assert set(alternative) == {"ref_id", "ref_name", "score"}
            assert isinstance(alternative["score"], float)
    assert "P-anna" in [a["ref_id"] for a in json.loads(by_name["Tomasz Wrzesniewski"]["alternatives"])]


def test_link_type_column(tmp_path, ref, capsys):
    path = write(tmp_path, "in.csv", "name,kind\nHalvorsen,PER\nHalvorsen,company\nHalvorsen,\n")
    code, rows, _ = run(capsys, "link", path, "--reference", ref, "--type-column", "kind")
    assert code == 0
    assert [r[2] for r in rows[1:]] == ["", "O-halvorsen", "O-halvorsen"]


def test_link_txt_and_stdin_input(tmp_path, ref, capsys, monkeypatch):
    path = write(tmp_path, "in.txt", "Tomasz Wrzesniewski\n\nBIMR\n")
    code, rows, _ = run(capsys, "link", path, "--reference", ref)
    assert code == 0
    assert rows[0] == ["name", *LINK_COLUMNS]
    expected = [("Tomasz Wrzesniewski", "P-tomasz"), ("", ""), ("BIMR", "O-bimr")]
    assert [(r[0], r[1]) for r in rows[1:]] == expected
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"BIMR\nNan\n")))
    code, rows, _ = run(capsys, "link", "-", "--reference", ref)
    assert [(r[0], r[1]) for r in rows[1:]] == [("BIMR", "O-bimr"), ("Nan", "")]


def test_link_reference_formats_agree(tmp_path, ref, capsys):
    path = write(tmp_path, "in.csv", "name\nTomasz Wrzesniewski\nBIMR\nMiroslava Dzyubenko\nNobody Atall\n")
    entities = REFERENCE["entities"]
    jsonl = write(tmp_path, "ref.jsonl", "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities))
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow(["id", "name", "type", "aliases"])
    writer.writerows([e["id"], e["name"], e["type"], "|".join(e.get("aliases", []))] for e in entities)
    csv_ref = write(tmp_path, "ref.csv", table.getvalue())
    ReferenceIndex.build(ref).save(tmp_path / "index")
    outputs = []
    for reference in (ref, jsonl, csv_ref, str(tmp_path / "index")):
        code, rows, err = run(capsys, "link", path, "--reference", reference)
        assert code == 0, err
        outputs.append(rows)
    assert all(rows == outputs[0] for rows in outputs)


def test_link_output_file_and_header_only(tmp_path, ref, capsys):
    out = tmp_path / "out.json"
    path = write(tmp_path, "in.csv", "name\nBIMR\n")
    assert main(["link", path, "--reference", ref, "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert parse(out.read_text(encoding="utf-8"))[0] == ["name", *LINK_COLUMNS]  # CSV whatever the name
    code, rows, _ = run(capsys, "link", write(tmp_path, "empty.csv", "name,x\n"), "--reference", ref)
    assert code == 0 and rows == [["name", "x", *LINK_COLUMNS]]


def test_link_existing_columns_are_suffixed(tmp_path, ref, capsys):
    path = write(tmp_path, "in.csv", "name,ref_id\nBIMR,old\n")
    code = main(["link", path, "--reference", ref])
    captured = capsys.readouterr()
    assert code == 0
    rows = parse(captured.out)
    assert rows[0] == ["name", "ref_id", *[c + "_namerec" for c in LINK_COLUMNS]]
    assert rows[1][:3] == ["BIMR", "old", "O-bimr"]
    assert captured.err.startswith("namerec: warning: ")


def test_link_threshold_option(tmp_path, ref, capsys):
    path = write(tmp_path, "in.csv", "name\nBIMR\n")
    code, rows, _ = run(capsys, "link", path, "--reference", ref, "--threshold", "0.99")
    assert code == 0 and rows[1][1] == ""
    assert json.loads(rows[1][4])[0]["ref_id"] == "O-bimr"


@pytest.mark.parametrize("content, problem", [
    ('{"entities": [{"id": "A", "name": "X"}, {"id": "A", "name": "Y"}]}', "duplicate id 'A'"),
    ('{"entities": [{"id": "A"}]}', "has no 'name'"),
    ('{"entities": [', "not valid JSON"),
    ("", "is empty"),
    ("id,label\nA,X\n", "no column 'name'"),
    (b"\xff\xfe{}", "UTF-16"),
])
def test_bad_reference_file_exits_2_naming_the_file(tmp_path, capsys, content, problem):
    path = write(tmp_path, "in.csv", "name\nBIMR\n")
    is_json = isinstance(content, str) and content.startswith("{")
    bad = write(tmp_path, "bad.json" if is_json else "bad.csv", content)
    out = tmp_path / "out.csv"
    code = main(["link", path, "--reference", bad, "-o", str(out)])
    line = one_error_line(capsys.readouterr().err)
    assert code == 2
    assert bad in line and problem in line
    assert not out.exists()


def test_missing_reference_file_and_missing_option(tmp_path, capsys):
    path = write(tmp_path, "in.csv", "name\nBIMR\n")
    assert main(["link", path, "--reference", str(tmp_path / "nope.json")]) == 2
    assert "nope.json" in one_error_line(capsys.readouterr().err)
    assert main(["link", path]) == 2
    assert "--reference" in capsys.readouterr().err


def test_bad_input_file_exits_2(tmp_path, ref, capsys):
    assert main(["link", write(tmp_path, "in.csv", "person\nA\n"), "--reference", ref]) == 2
    assert "no column 'name'" in one_error_line(capsys.readouterr().err)
    assert main(["link", write(tmp_path, "in2.csv", "name,x\nA\n"), "--reference", ref]) == 2
    assert "row 2" in one_error_line(capsys.readouterr().err)


def test_broken_index_directory_exits_2(tmp_path, ref, capsys):
    ReferenceIndex.build(ref).save(tmp_path / "index")
    (tmp_path / "index" / "vocabulary.json").write_text("[1, 2", encoding="utf-8")
    assert main(["link", write(tmp_path, "in.csv", "name\nA\n"), "--reference", str(tmp_path / "index")]) == 2
    assert "vocabulary.json" in one_error_line(capsys.readouterr().err)


def test_the_installed_command(tmp_path, ref):
    if not NAMEREC.exists():
        pytest.skip("the namerec console script is not installed next to this Python")
    path = write(tmp_path, "in.csv", "name\nWrzesniewski\nTomasz Wrzesniewski\n")
    done = subprocess.run([str(NAMEREC), "link", path, "--reference", ref], capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = parse(done.stdout.decode("utf-8"))
    assert [r[1] for r in rows[1:]] == ["P-tomasz", "P-tomasz"]
    help_text = subprocess.run([str(NAMEREC), "link", "--help"], capture_output=True, text=True, timeout=60)
    assert help_text.returncode == 0 and "--reference" in help_text.stdout
