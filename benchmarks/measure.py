"""Run one command as a child and report its wall time and peak memory as JSON.

    python -m benchmarks.measure RESULT.json -- COMMAND [ARGS...]

Started in a fresh process per measurement, so ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` covers exactly
one command (the counter is a maximum over every child a process has waited for). On Linux
``ru_maxrss`` is in KiB. The command's stdout and stderr pass through; the result file gets
``{"seconds", "max_rss_mb", "returncode"}``.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print("usage: python -m benchmarks.measure RESULT.json -- COMMAND [ARGS...]", file=sys.stderr)
        return 2
    out_path, cmd = argv[0], argv[2:]
    t = time.perf_counter()
    rc = subprocess.run(cmd).returncode
    seconds = time.perf_counter() - t
    kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # macOS reports bytes
    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump({"seconds": seconds, "max_rss_mb": kib * 1024 / scale / 1024, "returncode": rc}, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
