"""Run one command as a child and report its wall time and peak memory as JSON.

    python -m benchmarks.measure RESULT.json -- COMMAND [ARGS...]

Peak memory is the larger of two readings:

- ``getrusage(RUSAGE_CHILDREN).ru_maxrss``: the largest single process's maximum resident set (this
  wrapper is a fresh process per measurement, so it covers exactly one command);
- on Linux, the proportional set size (PSS) summed over the command and every process it started,
  sampled every 0.2 s. namerec spreads large jobs over worker processes; their memory counts too,
  and PSS shares the pages they inherit from their parent instead of counting them once per process.

``ru_maxrss`` is in KiB on Linux. The command's stdout and stderr pass through; the result file gets
``{"seconds", "max_rss_mb", "largest_process_mb", "process_tree_mb", "returncode"}``.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

_SAMPLE_SECONDS = 0.2


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            out.extend(int(c) for c in task.read_text().split())
        except OSError:
            pass  # the task ended while being read
    return out


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def tree_pss_kib(root: int) -> int:
    """PSS of ``root`` and all its descendants, in KiB (0 where /proc cannot tell)."""
    total, stack, seen = 0, [root], set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += _pss_kib(pid)
        stack.extend(_children(pid))
    return total


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print("usage: python -m benchmarks.measure RESULT.json -- COMMAND [ARGS...]", file=sys.stderr)
        return 2
    out_path, cmd = argv[0], argv[2:]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd)
    peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.wait(_SAMPLE_SECONDS):
            peak_tree = max(peak_tree, tree_pss_kib(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if sys.platform.startswith("linux"):
        sampler.start()
    rc = proc.wait()
    seconds = time.perf_counter() - t
    done.set()
    if sampler.is_alive():
        sampler.join()
    kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # macOS reports bytes
    largest = kib * 1024 / scale / 1024
    tree = peak_tree / 1024
    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump({"seconds": seconds, "max_rss_mb": max(largest, tree), "largest_process_mb": largest,
                   "process_tree_mb": tree, "returncode": rc}, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
