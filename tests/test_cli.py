"""The ``namerec`` command (namerec.cli): in-process with a stand-in reconcile, and as a real command."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import namerec
from namerec.cli import main
from namerec.config import Config
from namerec.errors import InputError
from namerec.models import Entity, Member, Reconciliation

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "names.csv"
HAS_PIPELINE = hasattr(namerec, "reconcile")
needs_pipeline = pytest.mark.skipif(not HAS_PIPELINE, reason="namerec.reconcile is not implemented yet")


def _key(name: str, type_: str) -> str:
    letters = "".join(c for c in name.casefold() if c.isalnum() or c == " ")
    return type_.upper() + "|" + " ".join(sorted(letters.split()))


def fake_reconcile(names, /, *, types=None, config=None, calls=None):
    """A stand-in following the public contract: names equal up to case, punctuation and word order
    form one entity; a member spelled exactly like the canonical name has confidence 1."""
    if calls is not None:
        calls.append({"names": list(names), "types": types, "config": config})
    groups: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        groups.setdefault(_key(name, types[i] if types else "") + f"#{i}" * (not name.strip()), []).append(i)
    labels = [""] * len(names)
    entities = []
    for key, indices in sorted(groups.items()):
        entity_id = "e" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        canonical = sorted((names[i] for i in indices), key=lambda n: (-len(n), n))[0]
        members = [Member(index=i, name=names[i], confidence=1.0 if names[i] == canonical else 0.87654)
                   for i in indices]
        for i in indices:
            labels[i] = entity_id
        entities.append(Entity(id=entity_id, canonical=canonical, type="", confidence=0.9, members=members))
    return Reconciliation(labels=labels, entities=entities)


@pytest.fixture
def calls(monkeypatch):
    """Install the stand-in as namerec.reconcile and record its calls."""
    recorded: list[dict] = []

    def reconcile(names, /, *, types=None, config=None):
        return fake_reconcile(names, types=types, config=config, calls=recorded)

    monkeypatch.setattr(namerec, "reconcile", reconcile, raising=False)
    monkeypatch.delenv("NAMEREC_DEBUG", raising=False)
    return recorded


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return str(path)


def parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("namerec: error: ")
    return lines[0]


# ---------------------------------------------------------------------------------------------
# cluster, with the stand-in


def test_cluster_keeps_columns_and_order_and_appends_three(tmp_path, calls, capsys):
    path = write(tmp_path, "in.csv", 'id,name,city\n1,John Smith,Oslo\n2,"Smith, John",Bergen\n3,Ana Lima,\n')
    assert main(["cluster", path]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    rows = parse(captured.out)
    assert rows[0] == ["id", "name", "city", "entity_id", "canonical", "confidence"]
    assert [r[:3] for r in rows[1:]] == [["1", "John Smith", "Oslo"], ["2", "Smith, John", "Bergen"],
                                         ["3", "Ana Lima", ""]]
    assert rows[1][3] == rows[2][3] != rows[3][3]
    assert rows[1][4] == rows[2][4] == "Smith, John"
    assert [r[5] for r in rows[1:]] == ["0.8765", "1.0000", "1.0000"]
    assert calls[0]["names"] == ["John Smith", "Smith, John", "Ana Lima"]
    assert calls[0]["types"] is None
    assert isinstance(calls[0]["config"], Config)


def test_cluster_type_column_is_passed_raw(tmp_path, calls, capsys):
    path = write(tmp_path, "in.csv", "name,kind\nHalden,PER\nHalden,org\nX,\n")
    assert main(["cluster", path, "--type-column", "kind"]) == 0
    assert calls[0]["types"] == ["PER", "org", ""]
    rows = parse(capsys.readouterr().out)
    assert rows[1][2] != rows[2][2]


def test_cluster_other_column(tmp_path, calls, capsys):
    path = write(tmp_path, "in.csv", "person,n\nAna,1\n")
    assert main(["cluster", path, "--column", "person"]) == 0
    assert calls[0]["names"] == ["Ana"]
    assert parse(capsys.readouterr().out)[0] == ["person", "n", "entity_id", "canonical", "confidence"]


def test_cluster_txt_input(tmp_path, calls, capsys):
    path = write(tmp_path, "in.txt", "Ana Lima\n\nLIMA ANA\n")
    assert main(["cluster", path]) == 0
    rows = parse(capsys.readouterr().out)
    assert rows[0] == ["name", "entity_id", "canonical", "confidence"]
    assert [r[0] for r in rows[1:]] == ["Ana Lima", "", "LIMA ANA"]
    assert rows[1][1] == rows[3][1] != rows[2][1]
    assert all(r[1] for r in rows[1:])


def test_cluster_tsv_input_gives_csv_output(tmp_path, calls, capsys):
    path = write(tmp_path, "in.tsv", "name\tkind\nSmith, John\tPER\nAcme, Inc.\tORG\n")
    assert main(["cluster", path, "--type-column", "kind"]) == 0
    assert calls[0]["names"] == ["Smith, John", "Acme, Inc."] and calls[0]["types"] == ["PER", "ORG"]
    rows = parse(capsys.readouterr().out)
    assert rows[0] == ["name", "kind", "entity_id", "canonical", "confidence"]
    assert [r[:2] for r in rows[1:]] == [["Smith, John", "PER"], ["Acme, Inc.", "ORG"]]


def test_cluster_engine_spark_runs_the_spark_engine(tmp_path, monkeypatch, capsys):
    import namerec.engines.spark as spark_engine

    recorded: list[dict] = []

    def reconcile(names, /, *, types=None, config=None, spark=None):
        return fake_reconcile(names, types=types, config=config, calls=recorded)

    monkeypatch.setattr(spark_engine, "reconcile", reconcile)
    path = write(tmp_path, "in.csv", "name\nAna Lima\nLIMA ANA\n")
    assert main(["cluster", path, "--engine", "spark"]) == 0
    assert recorded[0]["names"] == ["Ana Lima", "LIMA ANA"]
    assert len(parse(capsys.readouterr().out)) == 3


def test_cluster_engine_spark_without_pyspark_names_the_extra(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.delenv("NAMEREC_DEBUG", raising=False)
    path = write(tmp_path, "in.csv", "name\nAna Lima\n")
    assert main(["cluster", path, "--engine", "spark"]) == 1
    assert "namerec[spark]" in one_error_line(capsys.readouterr().err)


def test_cluster_stdin(monkeypatch, calls, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Zoë\nnull\n".encode())))
    assert main(["cluster", "-"]) == 0
    assert [r[0] for r in parse(capsys.readouterr().out)[1:]] == ["Zoë", "null"]


def test_cluster_output_file_is_csv_whatever_its_extension(tmp_path, calls, capsys):
    path = write(tmp_path, "in.csv", "name\nAna\n")
    out = tmp_path / "result.json"
    assert main(["cluster", path, "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    rows = parse(out.read_text(encoding="utf-8"))
    assert rows[0] == ["name", "entity_id", "canonical", "confidence"]
    assert rows[1][0] == "Ana"


def test_cluster_hard_names_are_processed(tmp_path, calls, capsys):
    names = ["", "x" * 50_000, "😀 Ng", "bell\x07ring", "tab\there", "new\nline", "cr\rret", "Nan", "NA", " "]
    out = io.StringIO()
    csv.writer(out).writerows([["name"], *[[n] for n in names]])
    path = write(tmp_path, "in.csv", out.getvalue())
    assert main(["cluster", path]) == 0
    rows = parse(capsys.readouterr().out)
    assert [r[0] for r in rows[1:]] == names
    assert all(r[1] for r in rows[1:])
    assert calls[0]["names"] == names


def test_cluster_header_only_input_gives_header_only_output(tmp_path, calls, capsys):
    assert main(["cluster", write(tmp_path, "in.csv", "name,t\n")]) == 0
    assert capsys.readouterr().out == "name,t,entity_id,canonical,confidence\n"
    assert calls == []


def test_cluster_existing_output_columns_are_suffixed(tmp_path, calls, capsys):
    path = write(tmp_path, "in.csv", "name,entity_id,confidence_namerec\nAna,old,x\n")
    assert main(["cluster", path]) == 0
    captured = capsys.readouterr()
    assert parse(captured.out)[0] == ["name", "entity_id", "confidence_namerec", "entity_id_namerec2",
                                      "canonical_namerec2", "confidence_namerec2"]
    assert parse(captured.out)[1][:3] == ["Ana", "old", "x"]
    assert captured.err.startswith("namerec: warning: ")
    assert len(captured.err.splitlines()) == 1


def test_cluster_rerun_on_its_own_output(tmp_path, calls, capsys):
    first = tmp_path / "first.csv"
    assert main(["cluster", write(tmp_path, "in.csv", "name\nAna\n"), "-o", str(first)]) == 0
    assert main(["cluster", str(first)]) == 0
    header = parse(capsys.readouterr().out)[0]
    assert header == ["name", "entity_id", "canonical", "confidence",
                      "entity_id_namerec", "canonical_namerec", "confidence_namerec"]


def test_threshold_and_config(tmp_path, calls, capsys):
    path = write(tmp_path, "in.csv", "name\nAna\n")
    cfg = tmp_path / "cfg.json"
    Config(match_threshold=0.7, progress=False).save(cfg)
    assert main(["cluster", path, "--config", str(cfg)]) == 0
    assert calls[-1]["config"] == Config(match_threshold=0.7, progress=False)
    assert main(["cluster", path, "--config", str(cfg), "--threshold", "0.25"]) == 0
    assert calls[-1]["config"] == Config(match_threshold=0.25, progress=False)
    assert main(["cluster", path, "--threshold", "1"]) == 0
    assert calls[-1]["config"].match_threshold == 1.0


def test_bare_nicknames_option(tmp_path, calls, capsys):
    path = write(tmp_path, "in.csv", "name\nBill\n")
    assert main(["cluster", path, "--bare-nicknames", "join"]) == 0
    assert calls[-1]["config"].bare_nicknames == "join"
    cfg = tmp_path / "cfg.json"
    Config(bare_nicknames="join").save(cfg)
    assert main(["cluster", path, "--config", str(cfg), "--bare-nicknames", "apart"]) == 0
    assert calls[-1]["config"].bare_nicknames == "apart"
    assert main(["cluster", path, "--bare-nicknames", "maybe"]) == 2
    assert "--bare-nicknames" in capsys.readouterr().err


def test_untyped_places_option(tmp_path, calls, capsys):
    path = write(tmp_path, "in.csv", "name\nGrodno\n")
    assert main(["cluster", path]) == 0
    assert calls[-1]["config"].untyped_places == "auto"
    assert main(["cluster", path, "--untyped-places", "always"]) == 0
    assert calls[-1]["config"].untyped_places == "always"
    assert main(["cluster", path, "--untyped-places", "sometimes"]) == 2
    assert "--untyped-places" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["1.5", "-0.1", "nan", "high"])
def test_bad_threshold_is_a_usage_error(tmp_path, calls, capsys, value):
    assert main(["cluster", write(tmp_path, "in.csv", "name\nA\n"), "--threshold", value]) == 2
    assert "--threshold" in capsys.readouterr().err
    assert calls == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"match_threshold": 3}', "invalid namerec config: match_threshold: Input should be less than"),
        ('{"no_such_setting": 1}', "no_such_setting: Extra inputs are not permitted"),
        ("{not json", "not JSON"),
    ],
)
def test_bad_config_file_exits_2_with_one_line(tmp_path, calls, capsys, content, expected):
    cfg = write(tmp_path, "cfg.json", content)
    assert main(["cluster", write(tmp_path, "in.csv", "name\nA\n"), "--config", cfg]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert cfg in line
    assert expected in line
    assert calls == []


def test_missing_config_file(tmp_path, calls, capsys):
    path = write(tmp_path, "in.csv", "name\nA\n")
    assert main(["cluster", path, "--config", str(tmp_path / "x.json")]) == 2
    assert "cannot read config" in one_error_line(capsys.readouterr().err)


# ---------------------------------------------------------------------------------------------
# errors


def test_missing_column_exits_2(tmp_path, calls, capsys):
    path = write(tmp_path, "in.csv", "Name,type\nAna,PER\n")
    assert main(["cluster", path]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert one_error_line(captured.err) == (
        f"namerec: error: {path}, row 1: no column 'name'; the columns are: Name, type (did you mean 'Name'?)"
    )


def test_missing_type_column_exits_2(tmp_path, calls, capsys):
    path = write(tmp_path, "in.csv", "name\nAna\n")
    assert main(["cluster", path, "--type-column", "type"]) == 2
    assert "no type column 'type'" in one_error_line(capsys.readouterr().err)


def test_bad_utf8_exits_2_naming_the_row(tmp_path, calls, capsys):
    path = write(tmp_path, "in.csv", b"name\nAna\nJos\xe9\n")
    assert main(["cluster", path]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert line.startswith(f"namerec: error: {path}, row 3: not valid UTF-8 (byte 0xe9 at offset 12)")


@pytest.mark.parametrize(
    ("content", "row", "problem"),
    [
        ("name,t\nA,1\nB\n", 3, "has 1 field but the header has 2"),
        ('name\nA\n"B\n', 3, "never closed"),
        (b"name\nA\x00\n", 2, "NUL"),
        ("", None, "is empty"),
    ],
)
def test_malformed_files_exit_2(tmp_path, calls, capsys, content, row, problem):
    path = write(tmp_path, "in.csv", content)
    assert main(["cluster", path]) == 2
    line = one_error_line(capsys.readouterr().err)
    where = f"{path}, row {row}: " if row else f"{path}: "
    assert line.startswith(f"namerec: error: {where}")
    assert problem in line


def test_missing_input_file_exits_2(tmp_path, calls, capsys):
    assert main(["cluster", str(tmp_path / "nope.csv")]) == 2
    assert "cannot read the file" in one_error_line(capsys.readouterr().err)


def test_unwritable_output_exits_2(tmp_path, calls, capsys):
    out = tmp_path / "no" / "such" / "dir.csv"
    assert main(["cluster", write(tmp_path, "in.csv", "name\nA\n"), "-o", str(out)]) == 2
    assert "cannot write the file" in one_error_line(capsys.readouterr().err)


def test_usage_errors_exit_2(capsys):
    assert main([]) == 2
    assert main(["cluster"]) == 2
    assert main(["frobnicate", "x"]) == 2
    assert main(["cluster", "in.csv", "--no-such-option"]) == 2
    assert "usage: namerec" in capsys.readouterr().err


def test_version_and_help_exit_0(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("namerec ")
    assert main(["cluster", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--column", "--type-column", "--output", "--config", "--threshold", "exit codes"):
        assert option in out


def test_internal_error_exits_1_with_one_line(tmp_path, monkeypatch, capsys):
    def broken(names, /, *, types=None, config=None):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(namerec, "reconcile", broken, raising=False)
    monkeypatch.delenv("NAMEREC_DEBUG", raising=False)
    path = write(tmp_path, "in.csv", "name\nA\n")
    out = tmp_path / "out.csv"
    assert main(["cluster", path, "-o", str(out)]) == 1
    line = one_error_line(capsys.readouterr().err)
    assert line.startswith("namerec: error: internal error: ZeroDivisionError: boom")
    assert not out.exists()  # nothing is written when the work fails

    monkeypatch.setenv("NAMEREC_DEBUG", "1")
    assert main(["cluster", path]) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err
    assert err.splitlines()[-1] == "namerec: error: internal error: ZeroDivisionError: boom"


def test_result_breaking_the_contract_is_an_internal_error(tmp_path, monkeypatch, capsys):
    def short(names, /, *, types=None, config=None):
        return fake_reconcile(names[:-1])

    monkeypatch.setattr(namerec, "reconcile", short, raising=False)
    assert main(["cluster", write(tmp_path, "in.csv", "name\nA\nB\n")]) == 1
    assert "1 labels for 2 names" in one_error_line(capsys.readouterr().err)


def test_input_error_from_the_library_exits_2(tmp_path, monkeypatch, capsys):
    def refuse(names, /, *, types=None, config=None):
        raise InputError("name 0 is not a string")

    monkeypatch.setattr(namerec, "reconcile", refuse, raising=False)
    path = write(tmp_path, "in.csv", "name\nA\n")
    assert main(["cluster", path]) == 2
    assert one_error_line(capsys.readouterr().err) == f"namerec: error: {path}: name 0 is not a string"


# ---------------------------------------------------------------------------------------------
# the installed command


def command() -> list[str]:
    script = Path(sys.executable).with_name("namerec.exe" if os.name == "nt" else "namerec")
    return [str(script)] if script.exists() else [sys.executable, "-m", "namerec.cli"]


def run(args: list[str], stdin: bytes | None = None, module: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "NAMEREC_DEBUG"}
    cmd = [sys.executable, "-m", "namerec.cli"] if module else command()
    return subprocess.run(cmd + args, input=stdin, capture_output=True, env=env, timeout=300)


def test_command_version_exits_0():
    result = run(["--version"])
    assert result.returncode == 0
    assert result.stdout.decode().startswith("namerec ")


def test_command_header_only_input_exits_0(tmp_path):
    result = run(["cluster", write(tmp_path, "in.csv", "name,kind\n")])
    assert result.returncode == 0, result.stderr
    assert result.stdout == b"name,kind,entity_id,canonical,confidence\n"


def test_command_missing_column_exits_2(tmp_path):
    path = write(tmp_path, "in.csv", "who\nAna\n")
    result = run(["cluster", path, "--column", "name"])
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode().splitlines() == [
        f"namerec: error: {path}, row 1: no column 'name'; the columns are: who "
        "(if the file has no header, add the line 'name' at the top, or name it .txt)"
    ]


def test_command_bad_utf8_exits_2_as_module(tmp_path):
    path = write(tmp_path, "in.txt", b"Ana\n\xff\n")
    result = run(["cluster", path], module=True)
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        f"namerec: error: {path}, row 2: not valid UTF-8 (byte 0xff at offset 4); re-save the file as UTF-8"
    ]


def test_command_bad_arguments_exit_2():
    assert run(["cluster"]).returncode == 2


# ---------------------------------------------------------------------------------------------
# the real pipeline


@needs_pipeline
def test_example_file_end_to_end(capsys):
    assert main(["cluster", str(EXAMPLE), "--type-column", "entity_type"]) == 0
    rows = parse(capsys.readouterr().out)
    with open(EXAMPLE, encoding="utf-8", newline="") as handle:
        original = list(csv.reader(handle))
    assert rows[0] == original[0] + ["entity_id", "canonical", "confidence"]
    assert [r[:2] for r in rows[1:]] == original[1:]
    assert all(r[2] for r in rows[1:])
    assert all(0.0 <= float(r[4]) <= 1.0 and len(r[4].split(".")[1]) == 4 for r in rows[1:])
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Halvorsen"][2] != by_name["Halvorsen Consulting AS"][2]  # PERSON vs ORG


@needs_pipeline
def test_real_pipeline_blank_and_odd_names(tmp_path, capsys):
    path = write(tmp_path, "in.txt", "Ana Lima\n\n\n😀\nbell\x07\n" + "y" * 5000 + "\n")
    assert main(["cluster", path]) == 0
    rows = parse(capsys.readouterr().out)
    assert len(rows) == 7
    assert all(r[1] for r in rows[1:])


@needs_pipeline
def test_command_real_run_exits_0(tmp_path):
    out = tmp_path / "out.csv"
    result = run(["cluster", str(EXAMPLE), "--type-column", "entity_type", "-o", str(out)])
    assert result.returncode == 0, result.stderr
    with open(EXAMPLE, encoding="utf-8") as handle:
        assert len(parse(out.read_text(encoding="utf-8"))) == len(handle.read().splitlines())


@needs_pipeline
def test_command_stdin_exits_0():
    result = run(["cluster", "-"], stdin=b"Ana Lima\nLima, Ana\n")
    assert result.returncode == 0, result.stderr
    assert len(parse(result.stdout.decode())) == 3


# ---------------------------------------------------------------------------------------------
# the progress helper (namerec.progress)


def test_progress_is_silent_when_stderr_is_not_a_terminal(capsys):
    from namerec.progress import progress

    assert list(progress(range(3), desc="names")) == [0, 1, 2]
    with progress(total=5, desc="pairs") as bar:
        bar.update(5)
    assert capsys.readouterr().err == ""


def test_progress_can_be_forced_on_and_off(capsys):
    from namerec.progress import progress

    assert list(progress([1, 2], desc="names", enabled=True)) == [1, 2]
    assert "names" in capsys.readouterr().err
    with progress(total=2, enabled=False) as bar:
        bar.update(2)
    assert capsys.readouterr().err == ""


def test_explain_prints_the_summary_and_json(capsys):
    assert main(["explain", "Max Bergman", "Ingrid Bergman"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("'Max Bergman' vs 'Ingrid Bergman': match probability")
    assert main(["explain", "Wien", "Vienna", "--types", "LOC", "LOC", "--json"]) == 0
    explanation = namerec.Explanation.model_validate_json(capsys.readouterr().out)
    assert explanation.probability > 0.9 and explanation.normalized_a == explanation.normalized_b


def test_explain_with_a_missing_config_exits_2(tmp_path, capsys):
    assert main(["explain", "a", "b", "--config", str(tmp_path / "missing.json")]) == 2
    assert "missing.json" in capsys.readouterr().err
