"""The report pipeline end to end on a tiny data directory (fake namerec API, the baseline peer only),
and the pieces it is built from: dataset discovery, peer selection, growth, the generated discussion."""

from __future__ import annotations

import csv
import json
import random

import pytest

from benchmarks import __main__ as cli
from benchmarks import plots, quality, report, speed
from benchmarks.peers import BaselinePeer

FIRST = ["John", "Robert", "William", "Anna", "Maria", "Peter", "Olga", "Ivan", "James", "Mary"]
LAST = ["Smith", "Bergman", "Ivanov", "Petrova", "Brown", "Miller", "Baev", "Nowak", "Schulz", "Weber"]


def _write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


@pytest.fixture
def data_dir(tmp_path):
    rnd = random.Random(3)
    rows = []
    for e in range(40):
        f, s = rnd.choice(FIRST), f"{rnd.choice(LAST)}{e}"
        forms = {f"{f} {s}", f"{f[0]}. {s}", f"{s}, {f}", s, f"{f} {s}".upper(), f"{f} {s[:-1]}x"}
        rows += [(v, f"e{e}", "PER") for v in sorted(forms)]
    pairs = []
    for i in range(120):
        f, s = rnd.choice(FIRST), rnd.choice(LAST)
        other = (f"{f[0]}. {s}", True) if i % 2 else (f"{rnd.choice(FIRST)} {rnd.choice(LAST)}x", False)
        pairs.append((f"{f} {s}", other[0], other[1], "MEDIUM" if i % 3 else "WEAK"))
    d = tmp_path / "data"
    d.mkdir()
    _write(d / "my_people.csv", ["name", "entity_id", "entity_type"], rows)
    _write(d / "my_pairs.csv", ["name1", "name2", "is_match", "quality"], pairs)
    (d / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")  # neither format: skipped
    return d


def test_discover_datasets(data_dir):
    found = quality.discover_datasets(data_dir)
    assert [(d.name, d.kind) for d in found] == [
        ("my_pairs", "pairs"), ("my_people", "clusters"), ("namerec_lexicon_places", "clusters")
    ]
    assert [d.lexicon_off for d in found] == [False, False, True]
    one = quality.discover_datasets(files=[data_dir / "my_people.csv"])
    assert [d.kind for d in one] == ["clusters"]
    with pytest.raises(ValueError, match="neither"):
        quality.discover_datasets(files=[data_dir / "notes.csv"])
    with pytest.raises(FileNotFoundError):
        quality.discover_datasets(files=[data_dir / "missing.csv"])


def test_select_peers():
    factory = quality.select_peers(["baselinepeer"], lambda: [BaselinePeer()])
    assert [type(p) for p in factory()] == [BaselinePeer]
    assert quality.select_peers([], lambda: [BaselinePeer()])() == []


def test_growth_per_doubling():
    runs = [
        {"system": "s", "names": 1000, "seconds": 1.0, "max_rss_mb": 100.0},
        {"system": "s", "names": 4000, "seconds": 16.0, "max_rss_mb": 400.0},
        {"system": "s", "names": 8000, "na": "above --max-n 4,000"},
    ]
    g = speed.growth(runs, "s")
    assert g["steps"][0]["time_ratio"] == pytest.approx(16.0)
    assert g["steps"][0]["per_doubling"] == pytest.approx(4.0)  # quadratic
    assert g["fit_per_doubling"] == pytest.approx(4.0)
    assert g["memory_fit_per_doubling"] == pytest.approx(2.0)  # linear


def test_speed_rounds_interleave_the_systems(tmp_path, monkeypatch):
    order = []
    seconds = {("a", 1): 4.0, ("b", 1): 2.0, ("a", 2): 9.0, ("b", 2): 3.0}

    def fake_trial(system, inp, workdir, n, timeout):
        order.append(system)
        return {"seconds": seconds[(system, order.count(system))], "max_rss_mb": 10.0, "returncode": 0}

    monkeypatch.setattr(speed, "_trial", fake_trial)
    monkeypatch.setattr(speed, "_command", lambda system, inp, out, inner: (["x"], "entity_id"))
    monkeypatch.setattr(speed, "_read_labels", lambda path, column, names: ["e"] * len(names))
    rows = speed._run_systems(["a", "b"], tmp_path / "in.csv", tmp_path, ["n1", "n2"], [None, None], repeat=2)
    assert order == ["a", "b", "a", "b"]  # not a, a, b, b
    a, b = rows
    assert a["seconds"] == 4.0 and a["all_seconds"] == [4.0, 9.0] and b["all_seconds"] == [2.0, 3.0]
    assert speed.paired_ratios(a, b) == [2.0, 3.0]


def test_sizes_above_repeat_max_n_run_once(tmp_path, monkeypatch):
    rounds = {}

    def fake_run_systems(systems, inp, workdir, names, gold, repeat, timeout):
        rounds[len(names)] = repeat
        return [{"system": s, "names": len(names), "seconds": 1.0, "max_rss_mb": 1.0} for s in systems]

    rows = [speed.datasets.ClusterRow(f"name {i}", f"e{i}", "PERSON") for i in range(30)]
    monkeypatch.setattr(speed, "_source_rows", lambda sources: rows)
    monkeypatch.setattr(speed, "_system_unavailable", lambda system: None)
    monkeypatch.setattr(speed, "_run_systems", fake_run_systems)
    s = speed.run_speed([10, 20, 30], systems=["namerec"], repeat=3, repeat_max_n=20)
    assert rounds == {10: 3, 20: 3, 30: 1}
    assert "the fastest of 3 runs up to 20 names and one run above" in speed.speed_markdown(s)


def test_speed_markdown_shows_the_round_by_round_ratio():
    s = {"sizes": [10], "real_distinct_names": 10, "seed": 7, "repeat": 2, "sources": ["f"],
         "pools": [{"names": 10, "real": 10, "synthetic": 0, "labelled": 10}], "runs": [
        {"system": "namerec", "names": 10, "seconds": 3.0, "max_rss_mb": 50.0, "all_seconds": [3.0, 5.0]},
        {"system": "string_grouper", "names": 10, "seconds": 1.0, "max_rss_mb": 90.0,
         "all_seconds": [1.5, 1.0]},
    ], "growth": {}, "summary": {"namerec_over_string_grouper": {"10": 3.0},
                                 "namerec_over_string_grouper_rounds": {"10": [2.0, 5.0]}}}  # fmt: skip
    md = speed.speed_markdown(s)
    assert "**3.00** at 10 (fastest run over fastest run)" in md
    assert "10: 2.00, 5.00 (median 3.50)" in md


def test_losses_are_generated_from_the_numbers():
    data = {
        "quality": {
            "api": "namerec",
            "systems": [
                {"system": "namerec"}, {"system": "peer"}, {"system": "gone", "unavailable": "no pkg"}
            ],
            "clusters": [
                {"file": "f", "pool": "200 test entities", "split": "test", "results": [
                    {"system": "namerec", "pairwise_f1": 0.70, "bcubed_f1": 0.90},
                    {"system": "peer", "pairwise_f1": 0.80, "bcubed_f1": 0.85},
                    {"system": "gone", "na": "no pkg"},
                ]},
            ],
            "pairs": [],
            "candidate_calibration": [],
        },
        "speed": {"sizes": [10], "runs": [
            {"system": "namerec", "names": 10, "seconds": 3.0, "max_rss_mb": 50.0},
            {"system": "string_grouper", "names": 10, "seconds": 1.0, "max_rss_mb": 90.0},
        ], "growth": {}},
    }  # fmt: skip
    bullets, tally = report.losses(data)
    text = "\n".join(bullets)
    assert "behind **peer** on f / 200 test entities: pairwise F1 0.700 vs 0.800" in text
    assert "B³" not in text  # namerec is ahead there
    assert "not compared with **gone**: n/a (no pkg)" in text
    assert "slower than **string_grouper** at 10 names: 3.0 s vs 1.0 s (3.0x)" in text
    assert "more memory" not in text
    assert tally == {"compared": 2, "behind": 1}


def test_legacy_results_still_render():
    legacy = {
        "api": "namerec", "missing": [], "threshold": 0.5, "seed": 7, "warm_up": {"seconds": 0.1},
        "clusters": [{"file": "f", "pool": "p", "split": "test", "entities": 2, "rows": 3, "pairwise_f1": 0.5,
                      "bcubed_f1": 0.6, "baseline": {"pairwise_f1": 0.4, "bcubed_f1": 0.5}}],
        "pairs": [{"file": "g", "split": "test", "pairs": 4, "matches": 2, "f1": 0.7}],
        "candidate_calibration": [{"file": "f", "entities": 2, "rows": 3, "error": "n/a"}],
    }  # fmt: skip
    md = quality.quality_markdown(legacy)
    assert "| f | p | 2 | 3 | namerec |" in md and "| f | p | 2 | 3 | rapidfuzz JW>=0.9 |" in md


def test_report_pipeline(data_dir, tmp_path, monkeypatch):
    out = tmp_path / "out"
    disc = tmp_path / "discussion.md"
    disc.write_text("Hand-written: namerec loses on *tiny* data.\n", encoding="utf-8")
    argv = ["report", "--quick", "--fake", "--data-dir", str(data_dir), "--out-dir", str(out),
            "--peers", "BaselinePeer", "--speed-sizes", "60,120", "--speed-systems", "baseline",
            "--discussion", str(disc)]  # fmt: skip
    assert cli.main(argv) == 0
    md = (out / "RESULTS.md").read_text(encoding="utf-8")
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    for heading in ("## Systems", "## Where namerec loses", "## Clustering", "## Pair files",
                    "## Slices by phenomenon", "## Calibration", "## Speed"):  # fmt: skip
        assert heading in md
    assert "Hand-written: namerec loses on *tiny* data." in md
    assert "| my_people | all " in md and "rapidfuzz JW>=0.9" in md
    assert "by quality tier" in md
    assert {r["names"] for r in data["speed"]["runs"]} == {60, 120}
    assert all("na" not in r for r in data["speed"]["runs"]), data["speed"]["runs"]
    if plots.available() is None:
        pngs = sorted(p.name for p in out.glob("*.png"))
        assert "f1_vs_pool_my_people.png" in pngs and "speed.png" in pngs
        assert "reliability_my_pairs.png" in pngs and "reliability_candidates_my_people.png" in pngs
        assert "](f1_vs_pool_my_people.png)" in md
    else:
        assert "Plots skipped" in md

    # render rebuilds the same report from the JSON alone
    (out / "RESULTS.md").unlink()
    assert cli.main(["render", str(out / "report.json"), "--no-plots", "--discussion", str(disc)]) == 0
    again = (out / "RESULTS.md").read_text(encoding="utf-8")
    assert "## Where namerec loses" in again and "Plots skipped**: --no-plots" in again

    # the committed template (comments only) counts as not written
    disc.write_text("<!--\ntemplate\n-->\n", encoding="utf-8")
    assert cli.main(["render", str(out / "report.json"), "--no-plots", "--discussion", str(disc)]) == 0
    assert "_Not written yet" in (out / "RESULTS.md").read_text(encoding="utf-8")


def test_report_without_matplotlib(data_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(plots, "available", lambda: "matplotlib is not installed (test)")
    out = tmp_path / "out"
    argv = ["report", "--quick", "--fake", "--dataset", str(data_dir / "my_pairs.csv"), "--out-dir", str(out),
            "--no-peers", "--no-slices"]  # fmt: skip
    assert cli.main(argv) == 0
    md = (out / "RESULTS.md").read_text(encoding="utf-8")
    assert "**Plots skipped**: matplotlib is not installed (test)." in md
    assert not list(out.glob("*.png"))
    assert "no cluster file in the run" in md  # a pair file alone: no speed input


def test_namerec_is_also_measured_after_calibrating_on_the_train_split(data_dir):
    pairs_file = quality.discover_datasets(data_dir)[0]
    results, _ = quality.run_pair_file(pairs_file, quality.namerec_api(), lambda: [], quick=True)
    test = next(r for r in results if r["split"] == "test")
    after = test["calibrated"]
    assert "na" not in after, after
    assert after["train_pairs"] > 0 and 0.0 <= after["ece"] <= 1.0
    markdown = quality.calibrated_markdown({"pairs": results, "systems": [{"system": "namerec"}]})
    assert "ECE calibrated" in markdown


def test_combine_builds_one_report_from_a_quality_run_and_a_speed_run(data_dir, tmp_path, monkeypatch):
    halves = tmp_path / "halves"
    common = ["--quick", "--fake", "--data-dir", str(data_dir), "--out-dir", str(halves)]
    monkeypatch.setenv("PYTHONHASHSEED", "0")
    assert cli.main(["quality", *common, "--peers", "BaselinePeer", "--no-slices"]) == 0
    assert cli.main(["speed", *common, "--speed-sizes", "60,120", "--speed-systems", "baseline"]) == 0
    quality_json, speed_json = halves / "quality-quick.json", halves / "speed-quick.json"
    out = tmp_path / "out"
    assert cli.main(["combine", str(quality_json), str(speed_json), "--out-dir", str(out), "--no-plots"]) == 0
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data["benchmark"] == "report" and "quality" in data and "speed" in data
    assert data["command"].startswith("python -m benchmarks report, run as its two halves: PYTHONHASHSEED=0 ")
    md = (out / "RESULTS.md").read_text(encoding="utf-8")
    assert "## Clustering" in md and "## Speed" in md
    # the halves in the wrong order are refused with a message, not a traceback
    with pytest.raises(SystemExit):
        cli.main(["combine", str(speed_json), str(quality_json), "--out-dir", str(out)])


def test_the_lexicon_places_run_with_the_lexicon_off_for_namerec_only():
    from namerec import equivalents

    seen = []

    def reconcile(names, types):
        seen.append((equivalents._lexicon_on, equivalents._gazetteer_on))
        return list(range(len(names)))

    api = quality.Api("namerec", reconcile, None, None)
    def run():
        return quality.run_cluster_file(quality.LEXICON_PLACES, api, lambda: [], quick=True, seed=7,
                                        with_slices=False)[0]

    # run_cluster_file alone leaves the lexicon on, but for the run with the gazetteer alone
    results = run()
    assert results and all("with_gazetteer" in r for r in results)
    assert set(seen) == {(True, True), (False, True)}
    seen.clear()
    with quality._place_lexicon_for(quality.LEXICON_PLACES):
        results = run()
    assert set(seen) == {(False, False), (False, True)}
    assert equivalents._lexicon_on and equivalents._gazetteer_on
    q = {"api": "namerec", "clusters": results}
    table = quality.gazetteer_markdown(q)
    assert "lexicon off, gazetteer on" in table
    assert table.count("| namerec_lexicon_places |") == 2 * len(results)
    rows = {r.entity_type for r in quality._rows(quality.LEXICON_PLACES)}
    assert rows == {"LOC"}
