"""Peers run on the same input as ``namerec cluster`` for the speed runs, each as its own process.

    python -m benchmarks.peers string_grouper IN.csv OUT.csv [TIMING.json]

IN.csv has a ``name`` column; OUT.csv gets ``name,group`` (one row per input row, in order). The
optional TIMING.json gets the seconds spent inside the peer's own call (without start-up and CSV I/O).

string_grouper is called the way its README recommends for deduplicating one column:
``group_similar_strings(pd.Series(names))`` with its defaults (TF-IDF of character
3-grams, cosine >= 0.8, up to 20 matches per string, connected components, centroid representative).
"""

from __future__ import annotations

import csv
import json
import sys
import time


def string_grouper_groups(names: list[str]) -> list[str]:
    import pandas as pd
    from string_grouper import group_similar_strings

    out = group_similar_strings(pd.Series(names, dtype=object))
    # 0.8 returns a frame with the representative's row index; older versions a Series of strings
    if isinstance(out, pd.DataFrame):
        col = "group_rep_index" if "group_rep_index" in out.columns else out.columns[0]
        return [str(v) for v in out[col].tolist()]
    return [str(v) for v in out.tolist()]


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
