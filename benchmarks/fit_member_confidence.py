"""Fit the map from raw to calibrated member confidence shipped with namerec, on TRAIN splits only.

    python -m benchmarks.fit_member_confidence [--check]

Reconciles seeded train-split pools (1,000 entities of splink_historical50k and of
wikidata_ru_translit, three seeds each, and patstat_orgs's whole train split) with the map off, and
fits an isotonic (monotone) regression of "the name is in the right entity" on the raw confidence of
every member of an entity of two or more names: right when its own gold entity is the one most of
its entity's names belong to (ties: the smallest id). The fit is kept as its value at 21 evenly
spaced raw confidences, read by linear interpolation, in namerec/data/member_confidence.json.

It then reports the expected calibration error (15 bins) of those members on held-out test pools
(1,000 entities of each file, seeds 0 and 1; patstat_orgs's whole test split), with the map off and
on, and writes that to benchmarks/results/member_confidence.md. ``--check`` only reports, with the
map as shipped.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from benchmarks import datasets, metrics

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "namerec" / "data" / "member_confidence.json"
RESULTS = REPO / "benchmarks" / "results" / "member_confidence.md"
TRAIN = (("splink_historical50k", 1000, (11, 12, 13)), ("wikidata_ru_translit", 1000, (11, 12, 13)),
         ("patstat_orgs", 0, (0,)))
TEST = (("splink_historical50k", 1000, (0, 1)), ("wikidata_ru_translit", 1000, (0, 1)),
        ("patstat_orgs", 0, (0,)))
GRID = np.linspace(0.0, 1.0, 21)


def rightly_placed(gold: list[str], labels: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per row: is it in the right entity (see the module docstring), and is its entity shared
    with other rows? A row alone is right when no other row has its gold entity."""
    by_label: dict[str, Counter[str]] = defaultdict(Counter)
    for truth, label in zip(gold, labels):
        by_label[label][truth] += 1
    majority = {label: min(counts, key=lambda g: (-counts[g], g)) for label, counts in by_label.items()}
    gold_sizes, sizes = Counter(gold), Counter(labels)
    right = [gold_sizes[t] == 1 if sizes[label] == 1 else majority[label] == t
             for t, label in zip(gold, labels)]
    return np.asarray(right, dtype=float), np.asarray([sizes[label] > 1 for label in labels])


def members(split: str, plan) -> tuple[np.ndarray, np.ndarray]:
    """(confidence, rightly placed) of every row in an entity with other rows, over the pools of ``plan``."""
    import namerec
    from namerec.config import Config

    confidence, right = [], []
    for name, entities, seeds in plan:
        clusters = datasets.load_clusters(name)
        for seed in seeds:
            rows = (datasets.sample_pool(clusters, entities, seed=seed, split=split) if entities
                    else datasets.split_clusters(clusters, split))
            result = namerec.reconcile([r.name for r in rows], types=[r.entity_type for r in rows],
                                       config=Config(progress=False))
            per_row = np.zeros(len(rows))
            for entity in result.entities:
                for member in entity.members:
                    per_row[member.index] = member.confidence
            placed, shared = rightly_placed([r.entity_id for r in rows], result.labels)
            confidence.append(per_row[shared])
            right.append(placed[shared])
            print(f"  {split} {name} seed {seed}: {len(rows):,} names, {int(shared.sum()):,} members",
                  flush=True)
    return np.concatenate(confidence), np.concatenate(right)


def isotonic(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The isotonic (non-decreasing) least-squares fit of y on x, read at ``GRID``: pool adjacent
    violators into blocks, each block's value held from its first to its last x and linear between
    blocks (as scikit-learn's IsotonicRegression predicts)."""
    order = np.argsort(x, kind="stable")
    values: list[float] = []
    weights: list[float] = []
    spans: list[list[float]] = []  # each block's first and last x
    for xi, yi in zip(x[order].tolist(), y[order].tolist()):
        values.append(yi)
        weights.append(1.0)
        spans.append([xi, xi])
        while len(values) > 1 and values[-2] > values[-1]:
            w = weights[-2] + weights[-1]
            values[-2] = (values[-2] * weights[-2] + values[-1] * weights[-1]) / w
            weights[-2] = w
            spans[-2][1] = spans[-1][1]
            del values[-1], weights[-1], spans[-1]
    xs = [edge for span in spans for edge in span]
    ys = [value for value in values for _ in range(2)]
    return np.clip(np.interp(GRID, xs, ys), 0.0, 1.0)


def report() -> dict[str, dict[str, float]]:
    """ECE of shared-entity members on the test pools, the map off and on."""
    from namerec.member_confidence import uncalibrated

    out = {}
    for plan in TEST:
        with uncalibrated():
            raw, right = members("test", [plan])
        calibrated, _ = members("test", [plan])
        out[plan[0]] = {"members": int(len(right)),
                        "ece_raw": round(metrics.calibration(right, raw)["ece"], 4),
                        "ece_calibrated": round(metrics.calibration(right, calibrated)["ece"], 4)}
        print(plan[0], out[plan[0]], flush=True)
    lines = [
        "# Member confidence: calibration on held-out test pools", "",
        "Command: `python -m benchmarks.fit_member_confidence` (`--check` to re-measure the shipped map).",
        "Members of entities of two or more names; a member is right when its gold entity is the one most",
        "of its entity's names belong to. ECE with 15 equal-width bins, the map off (raw: the mean match",
        "probability to fellow members) and on (as shipped). Pools: 1,000 test entities, seeds 0 and 1;",
        "patstat_orgs: its whole test split.", "",
        "| file | members | ECE raw | ECE calibrated |", "|---|---|---|---|",
        *(f"| {name} | {row['members']:,} | {row['ece_raw']:.4f} | {row['ece_calibrated']:.4f} |"
          for name, row in out.items()),
    ]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report the shipped map's test ECE")
    args = parser.parse_args(argv)
    if not args.check:
        from namerec.member_confidence import _knots, uncalibrated

        with uncalibrated():
            raw, right = members("train", TRAIN)
        fitted = isotonic(raw, right)
        OUT.write_text(json.dumps({
            "description": "Raw member confidence (mean match probability to fellow members) -> the "
                           "probability of being in the right entity, for members of entities of two or more "
                           "names; read by linear interpolation. Written by python -m "
                           "benchmarks.fit_member_confidence from train-split pools only "
                           f"({len(right):,} members).",
            "knots": [[round(float(a), 4), round(float(b), 4)] for a, b in zip(GRID, fitted)],
        }, indent=1) + "\n", encoding="utf-8")
        _knots.cache_clear()
        print(f"wrote {OUT} ({len(right):,} train members; train ECE "
              f"{metrics.calibration(right, raw)['ece']:.4f} raw)", flush=True)
    report()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
