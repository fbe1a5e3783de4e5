"""benchmarks.plots draws every plot from a results dict (skipped without matplotlib)."""

from __future__ import annotations

import pytest

from benchmarks import plots

pytest.importorskip("matplotlib")


def _bins(pairs):
    out = []
    for k in range(15):
        lo, hi = k / 15, (k + 1) / 15
        c = pairs if k in (1, 7, 14) else 0
        mid = (lo + hi) / 2
        out.append({"lower": lo, "upper": hi, "count": c, "mean_prob": mid if c else None,
                    "frac_pos": min(1.0, mid * 0.9) if c else None, "gap": 0.05 if c else None})  # fmt: skip
    return out


def _data():
    pool = lambda n, rows, f1s: {  # noqa: E731
        "file": "my data/x", "pool": f"{n} test entities", "split": "test", "entities": n, "rows": rows,
        "slice_pairs": {"typo": 10, "nickname": 5},
        "results": [{"system": s, "pairwise_f1": f, "bcubed_f1": f,
                     "slice_recall": {"typo": f, "nickname": 1 - f}} for s, f in f1s]
                   + [{"system": "peer b", "na": "not installed"}],
    }  # fmt: skip
    return {
        "quality": {
            "systems": [{"system": "namerec"}, {"system": "peer a"}, {"system": "peer b"}],
            "clusters": [pool(200, 900, [("namerec", 0.8), ("peer a", 0.6)]),
                         pool(1000, 4500, [("namerec", 0.7), ("peer a", 0.3)])],
            "pairs": [{"file": "pairs", "split": "test", "slice_counts": {"typo": {"pairs": 9, "matches": 4}},
                       "results": [{"system": "namerec", "reliability": _bins(30), "ece": 0.05,
                                    "slices": {"typo": {"f1": 0.9}}},
                                   {"system": "peer a", "slices": {"typo": {"f1": 0.5}}}]}],
            "candidate_calibration": [
                {"file": "my data/x", "rows": 900, "reliability": _bins(100), "ece": 0.01}
            ],
        },
        "speed": {"systems": ["namerec", "string_grouper"], "runs": [
            {"system": "namerec", "names": 5000, "seconds": 3.0, "max_rss_mb": 300.0},
            {"system": "namerec", "names": 10000, "seconds": 7.0, "max_rss_mb": 500.0},
            {"system": "namerec", "names": 1000000, "na": "above --max-n 10,000"},
            {"system": "string_grouper", "names": 5000, "seconds": 4.0, "max_rss_mb": 200.0},
            {"system": "string_grouper", "names": 10000, "seconds": 5.0, "max_rss_mb": 210.0},
        ]},
    }  # fmt: skip


def test_draw_all(tmp_path):
    (tmp_path / "speed.png").write_bytes(b"stale")
    (tmp_path / "f1_vs_pool_gone.png").write_bytes(b"stale")
    (tmp_path / "logo.png").write_bytes(b"keep")
    got = plots.draw_all(_data(), tmp_path)
    assert got["skipped"] is None
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert names == [
        "f1_vs_pool_my_data_x.png",
        "logo.png",
        "reliability_candidates_my_data_x.png",
        "reliability_pairs.png",
        "slices_my_data_x.png",
        "slices_pairs.png",
        "speed.png",
    ]
    assert (tmp_path / "logo.png").read_bytes() == b"keep"
    for f in got["files"]:
        assert open(f["path"], "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    assert {f["kind"] for f in got["files"]} == {"f1_vs_pool", "slices", "reliability", "speed"}


def test_missing_matplotlib_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(plots, "available", lambda: "no matplotlib")
    assert plots.draw_all(_data(), tmp_path) == {"skipped": "no matplotlib", "files": []}


def test_slug():
    assert plots.slug("my data/x.csv") == "my_data_x.csv"
    assert plots.slug("///") == "dataset"
