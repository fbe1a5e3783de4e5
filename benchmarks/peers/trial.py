"""A by-hand check of every peer on small test pools, before the full quality run uses them.

    python -m benchmarks.peers.trial [--peers SUBSTR ...] [--files NAME ...] [--sizes 200 1000]

For each peer: fit on the train split of each file, then cluster one 200-entity and one 1,000-entity
test pool of each cluster file (``sample_pool(rows, n, seed=7, split="test")``) and score the test
split of each pair file. Prints pairwise F1, B-cubed F1 and seconds for pools, P/R/F1 at the peer's
``pair_threshold`` and average precision for pairs, the fit time, and the set-up each peer reports.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from benchmarks import datasets, metrics
from benchmarks.peers import Peer, all_peers


def _types_of_pairs(rows: Sequence[datasets.PairRow]) -> list[str]:
    # opensanctions says what each pair is (Person, Company, ...); the ancestry files are name parts
    return [r.extra.get("schema", "") for r in rows]


def _cluster_lines(peer: Peer, name: str, sizes: Sequence[int]) -> list[str]:
    rows = datasets.load_clusters(name)
    types = [r.entity_type for r in rows]
    reason = peer.supports(name, types)
    if reason:
        return [f"| {peer.name} | {name} | | {reason} |"]
    t = time.perf_counter()
    peer.fit_clusters(datasets.split_clusters(rows, "train"))
    fit_s = time.perf_counter() - t
    out = []
    for n in sizes:
        pool = datasets.sample_pool(rows, n, seed=7, split="test")
        names, gold = [r.name for r in pool], [r.entity_id for r in pool]
        t = time.perf_counter()
        pred = peer.cluster(names, [r.entity_type for r in pool])
        secs = time.perf_counter() - t
        assert len(pred) == len(names), f"{peer.name}: {len(pred)} labels for {len(names)} names"
        pw, b3 = metrics.pairwise(gold, pred), metrics.bcubed(gold, pred)
        out.append(
            f"| {peer.name} | {name} | {n} ent / {len(names)} names | pw F1 {pw['f1']:.3f} "
            f"(P {pw['precision']:.3f} R {pw['recall']:.3f}), B3 F1 {b3['f1']:.3f}, {secs:.1f} s "
            f"(fit {fit_s:.1f} s) |"
        )
    out.append(f"|   | {name} setup | | {peer.setup} |")
    return out


def _pair_lines(peer: Peer, name: str) -> list[str]:
    rows = datasets.load_pairs(name)
    test = datasets.split_pairs(rows, "test")
    reason = peer.supports(name, _types_of_pairs(test))
    if reason:
        return [f"| {peer.name} | {name} | | {reason} |"]
    t = time.perf_counter()
    peer.fit_pairs(datasets.split_pairs(rows, "train"))
    fit_s = time.perf_counter() - t
    t = time.perf_counter()
    scores = peer.score_pairs([(r.name1, r.name2) for r in test])
    secs = time.perf_counter() - t
    if scores is None:
        return [f"| {peer.name} | {name} | | no pair score: {peer.setup} |"]
    y = [r.is_match for r in test]
    prf = metrics.prf_at_threshold(y, scores, peer.pair_threshold)
    ap = metrics.average_precision(y, scores)
    return [
        f"| {peer.name} | {name} | {len(test)} pairs | P {prf['precision']:.3f} R {prf['recall']:.3f} "
        f"F1 {prf['f1']:.3f} at {peer.pair_threshold:.3g}, AP {ap:.3f}, {secs:.1f} s (fit {fit_s:.1f} s) |",
        f"|   | {name} setup | | {peer.setup} |",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--peers", nargs="*", default=None, help="run only peers whose name contains one of these"
    )
    ap.add_argument("--files", nargs="*", default=None, help="run only these data files")
    ap.add_argument("--sizes", nargs="*", type=int, default=[200, 1000], help="test pool sizes (entities)")
    args = ap.parse_args(argv)
    files = args.files or datasets.CLUSTER_FILES + datasets.PAIR_FILES
    print("| peer | data | pool | result |")
    print("|---|---|---|---|")
    for peer in all_peers():
        if args.peers and not any(p.lower() in peer.name.lower() for p in args.peers):
            continue
        reason = peer.unavailable()
        if reason:
            print(f"| {peer.name} | all | | {reason} |", flush=True)
            continue
        print(f"| {peer.name} | version | | {peer.version()} |", flush=True)
        for name in files:
            lines = (
                _cluster_lines(peer, name, args.sizes)
                if name in datasets.CLUSTER_FILES
                else _pair_lines(peer, name)
            )
            print("\n".join(lines), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
