"""Run one command as a child and report its wall time and peak memory as JSON.

    python -m benchmarks.measure RESULT.json -- COMMAND [ARGS...]

Peak memory is the larger of two readings:

- ``getrusage(RUSAGE_CHILDREN).ru_maxrss``: the largest single process's maximum resident set (this
  wrapper is a fresh process per measurement, so it covers exactly one command);
- on Linux, the proportional set size (PSS) summed over the command and every process it started,
  sampled every 0.2 s at most. namerec spreads large jobs over worker processes; their memory counts
  too, and PSS shares the pages they inherit from their parent instead of counting them once per
  process. Reading a process's PSS walks its page tables: about 24 ms for each of namerec's three
  600 MB processes at 100,000 names, so sampling every 0.2 s took a third of a core from the
  measured command (on two cores) and contended for its memory map. The sampler therefore waits
  ``_SAMPLER_SHARE`` inverse times as long as its last sample took (3.6 s after a 72 ms sample),
  keeping it under 2% of a core; the exact ``ru_maxrss`` still catches the largest process's peak.

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
# The largest share of a core the PSS sampler may take from the measured command.
_SAMPLER_SHARE = 0.02


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
        wait = _SAMPLE_SECONDS
        while not done.wait(wait):
            started = time.perf_counter()
            peak_tree = max(peak_tree, tree_pss_kib(proc.pid))
            wait = max(_SAMPLE_SECONDS, (time.perf_counter() - started) / _SAMPLER_SHARE)

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
