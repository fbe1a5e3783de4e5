"""``namerec text``: JSON lines out, one object per mention, exact offsets; errors and exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from namerec.cli import main

FIELDS = ["text", "start", "end", "type", "entity_id", "canonical", "confidence", "ref_id"]
TEXT = (
    "Max Bergman of the Brookings Institution met Pavel Baev on Tuesday.\n"
    "“Bergman's view is clear,” Baev said. Kristīne Bērziņa agreed with Baev.\n"
)


def run_cli(args, capsys) -> tuple[int, list[dict], str]:
    code = main(args)
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    return code, rows, err


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_json_lines_with_exact_offsets(article, capsys):
    code, rows, err = run_cli(["text", str(article), "--extractor", "builtin"], capsys)
    assert code == 0, err
    assert [r["text"] for r in rows] == [
        "Max Bergman", "Brookings Institution", "Pavel Baev", "Bergman", "Baev", "Kristīne Bērziņa", "Baev",
    ]
    for row in rows:
        assert list(row) == FIELDS
        assert TEXT[row["start"]:row["end"]] == row["text"]
        assert row["entity_id"] and row["ref_id"] is None
        assert 0.0 <= row["confidence"] <= 1.0
    by_text = {r["text"]: r for r in rows}
    assert by_text["Bergman"]["entity_id"] == by_text["Max Bergman"]["entity_id"]
    assert by_text["Baev"]["canonical"] == "Pavel Baev"
    assert by_text["Brookings Institution"]["type"] == "ORG"


def test_output_file_and_stdout_agree(article, tmp_path, capsys):
    out = tmp_path / "mentions.csv"  # the format is JSON lines whatever the extension
    code, _, err = run_cli(["text", str(article), "--extractor", "builtin", "-o", str(out)], capsys)
    assert code == 0, err
    from_file = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    _, from_stdout, _ = run_cli(["text", str(article), "--extractor", "builtin"], capsys)
    assert from_file == from_stdout
    assert out.read_text(encoding="utf-8").endswith("\n")


def test_non_ascii_is_written_as_utf8(article, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    main(["text", str(article), "--extractor", "builtin", "-o", str(out)])
    assert "Kristīne Bērziņa" in out.read_text(encoding="utf-8")


def test_byte_order_mark_is_not_counted(tmp_path, capsys):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfAngela Merkel spoke.")
    code, rows, _ = run_cli(["text", str(path), "--extractor", "builtin"], capsys)
    assert code == 0
    assert (rows[0]["start"], rows[0]["end"]) == (0, 13)


def test_crlf_text_keeps_offsets(tmp_path, capsys):
    text = "First line.\r\nAngela Merkel spoke.\r\nMerkel left.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    code, rows, _ = run_cli(["text", str(path), "--extractor", "builtin"], capsys)
    assert code == 0
    assert [text[r["start"]:r["end"]] for r in rows] == ["Angela Merkel", "Merkel"]


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Pavel Baev spoke. Baev left.")))
    code, rows, _ = run_cli(["text", "-", "--extractor", "builtin"], capsys)
    assert code == 0
    assert [r["text"] for r in rows] == ["Pavel Baev", "Baev"]


def test_empty_file_gives_no_lines(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    code, rows, _ = run_cli(["text", str(path), "--extractor", "builtin"], capsys)
    assert code == 0 and rows == []


def test_reference_links_mentions(article, tmp_path, capsys):
    reference = tmp_path / "ref.csv"
    reference.write_text("id,name,type,aliases\nQ1,Max Bergmann,PERSON,\nQ2,Ingrid Bergman,PERSON,\n"
                         "Q3,Pavel Baev,PERSON,Pavel K. Baev\n", encoding="utf-8")
    code, rows, err = run_cli(["text", str(article), "--extractor", "builtin", "--reference", str(reference)],
                              capsys)
    assert code == 0, err
    refs = {r["text"]: r["ref_id"] for r in rows}
    assert refs["Max Bergman"] == refs["Bergman"] == "Q1"
    assert refs["Pavel Baev"] == refs["Baev"] == "Q3"
    assert refs["Brookings Institution"] is None


def test_threshold_and_config_are_accepted(article, tmp_path, capsys):
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"partial_names": "separate"}), encoding="utf-8")
    code, rows, err = run_cli(["text", str(article), "--extractor", "builtin", "--config", str(config),
                               "--threshold", "0.6"], capsys)
    assert code == 0, err
    by_text = {r["text"]: r for r in rows}
    assert by_text["Bergman"]["entity_id"] != by_text["Max Bergman"]["entity_id"]


@pytest.mark.parametrize("problem, args", [
    ("missing file", ["text", "/no/such/file.txt"]),
    ("bad extractor", ["text", "FILE", "--extractor", "stanza"]),
    ("bad threshold", ["text", "FILE", "--threshold", "2"]),
    ("malformed reference", ["text", "FILE", "--reference", "BADREF"]),
])
def test_usage_errors_exit_2_with_one_line(problem, args, article, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    args = [str(article) if a == "FILE" else str(bad) if a == "BADREF" else a for a in args]
    code = main(args)
    _, err = capsys.readouterr()
    assert code == 2, problem
    lines = err.strip().splitlines()
    assert lines and "error:" in lines[-1]  # argparse prints its usage first, namerec one line
    assert lines[-1].startswith("namerec") and (len(lines) == 1 or lines[0].startswith("usage:"))


def test_undecodable_file_exits_2(tmp_path, capsys):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café Müller".encode("latin-1"))
    code = main(["text", str(path), "--extractor", "builtin"])
    _, err = capsys.readouterr()
    assert code == 2 and "UTF-8" in err and len(err.strip().splitlines()) == 1


def test_spacy_extractor_without_a_pipeline_fails_cleanly(article, capsys):
    pytest.importorskip("spacy")
    code = main(["text", str(article), "--extractor", "spacy", "--spacy-model", "xx_no_such_pipeline"])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("namerec: error:") and "spacy-model.txt" in err


def test_help_lists_the_text_command(capsys):
    assert main(["--help"]) == 0
    assert "text" in capsys.readouterr().out
    assert main(["text", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--extractor" in out and "--spacy-model" in out and "--reference" in out


def test_real_command(article):
    command = [sys.executable, "-m", "namerec.cli", "text", str(article), "--extractor", "builtin"]
    done = subprocess.run(command, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    rows = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert rows[0]["text"] == "Max Bergman"
