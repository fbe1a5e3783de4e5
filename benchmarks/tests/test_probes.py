"""Probe files and their scoring (benchmarks.probes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import probes


def _write(tmp_path: Path, text: str, name: str = "tiny.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_probe_file_is_read_with_its_header(tmp_path: Path) -> None:
    path = _write(tmp_path, "# title: Two people\n# type: PERSON\n# status: held out\n"
                            "max|Max Bergmann;Max Bergman\n\ningrid|Ingrid Bergman\n")
    probe = probes.read_probe(path)
    header = (probe.name, probe.title, probe.entity_type, probe.status)
    assert header == ("tiny", "Two people", "PERSON", "held out")
    assert probe.rows == [("Max Bergmann", "max"), ("Max Bergman", "max"), ("Ingrid Bergman", "ingrid")]


@pytest.mark.parametrize("line", ["no bar here", "|Max Bergman", "max|", "max| ; "])
def test_a_malformed_line_is_named_with_its_file_and_number(tmp_path: Path, line: str) -> None:
    path = _write(tmp_path, f"# title: x\nok|A B\n{line}\n")
    with pytest.raises(ValueError, match=r"tiny\.txt:3"):
        probes.read_probe(path)


def test_scores_list_the_entities_split_and_merged(tmp_path: Path) -> None:
    probe = probes.read_probe(_write(tmp_path, "a|A1;A2\nb|B1\nc|C1\n"))
    result = probes.score_probe(probe, ["x", "y", "y", "z"])  # A split; A2 merged with B
    assert result["split"] == {"a": [["A1"], ["A2"]]}
    assert result["merged"] == [["a", "b"]]
    assert result["pairwise_p"] == 0.0 and result["pairwise_r"] == 0.0
    perfect = probes.score_probe(probe, ["x", "x", "y", "z"])
    assert perfect["pairwise_f1"] == 1.0 and not perfect["split"] and not perfect["merged"]


def test_every_shipped_probe_reads_and_states_its_status() -> None:
    files = sorted(probes.PROBE_DIR.glob("*.txt"))
    assert files
    for path in files:
        probe = probes.read_probe(path)
        assert probe.status != "not stated", path
        assert len({entity for _, entity in probe.rows}) >= 5, path


def test_the_runner_writes_a_report(tmp_path: Path) -> None:
    _write(tmp_path, "# title: Spellings\n# type:\n# status: test\nmax|Max Bergmann;Max Bergman\n"
                     "ingrid|Ingrid Bergman\n", "spellings.txt")
    out = tmp_path / "out" / "probes.md"
    assert probes.main(["--probe-dir", str(tmp_path), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "| Spellings (`spellings`) | untyped | 3 | 2 |" in text
    assert out.with_suffix(".json").exists()
