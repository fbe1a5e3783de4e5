"""Peers run on the same input as ``namerec cluster`` for the speed runs, each as its own process.

    python -m benchmarks.peers string_grouper IN.csv OUT.csv [TIMING.json]

IN.csv has a ``name`` column; OUT.csv gets ``name,group`` (one row per input row, in order). The
optional TIMING.json gets the seconds spent inside the peer's own call (without start-up and CSV I/O).

string_grouper is called the way its README recommends for deduplicating one column:
``group_similar_strings(pd.Series(names))`` with its defaults (TF-IDF of character
3-grams, cosine >= 0.8, up to 20 matches per string, connected components, centroid representative);
see :func:`benchmarks.peers.string_grouper_peer.string_grouper_groups`.
"""

from __future__ import annotations

import csv
import json
import sys
import time

from benchmarks.peers.string_grouper_peer import string_grouper_groups

__all__ = ["main", "string_grouper_groups"]


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[0] != "string_grouper":
        print(
            "usage: python -m benchmarks.peers string_grouper IN.csv OUT.csv [TIMING.json]", file=sys.stderr
        )
        return 2
    with open(argv[1], newline="", encoding="utf-8") as fh:
        names = [r["name"] for r in csv.DictReader(fh)]
    t = time.perf_counter()
    groups = string_grouper_groups(names)
    seconds = time.perf_counter() - t
    with open(argv[2], "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "group"])
        w.writerows(zip(names, groups, strict=True))
    if len(argv) > 3:
        with open(argv[3], "w", encoding="utf-8") as fh:
            json.dump({"seconds": seconds}, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
