"""benchmarks.measure: wall time and peak memory of one command, workers included."""

from __future__ import annotations

import json
import sys

import pytest

from benchmarks import measure

# A parent that starts a worker; each holds 60 MB for a second.
_HOLD = "import time; b = bytearray(60_000_000); time.sleep(1)"
_TWO_PROCESSES = (
    "import subprocess, sys\n"
    f"child = subprocess.Popen([sys.executable, '-c', {_HOLD!r}])\n"
    "b = bytearray(60_000_000); child.wait()\n"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the process tree is read from /proc")
def test_peak_memory_counts_the_worker_processes_too(tmp_path):
    out = tmp_path / "m.json"
    assert measure.main([str(out), "--", sys.executable, "-c", _TWO_PROCESSES]) == 0
    got = json.loads(out.read_text())
    assert got["returncode"] == 0 and got["seconds"] >= 1
    assert got["largest_process_mb"] >= 55
    assert got["process_tree_mb"] >= 110  # both processes' 60 MB
    assert got["max_rss_mb"] == max(got["largest_process_mb"], got["process_tree_mb"])


def test_a_failing_command_reports_its_exit_code(tmp_path):
    out = tmp_path / "m.json"
    assert measure.main([str(out), "--", sys.executable, "-c", "raise SystemExit(3)"]) == 0
    assert json.loads(out.read_text())["returncode"] == 3
