"""Command line: ``python -m benchmarks {core,quality,speed} [options]`` (run from the repository root).

- ``core``: the quality runs and the speed run; writes ``benchmarks/results/core.md`` and ``core.json``.
- ``quality`` / ``speed``: one half only; writes ``results/quality.*`` / ``results/speed.*``.
- ``--quick``: 200-entity pools only, no whole files, speed at 20,000 names. Quick runs write
  ``<name>-quick.*`` so they never overwrite the committed full results.
- ``render RESULTS.json``: rewrite the Markdown next to a results file from its JSON (no rerun).

Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from benchmarks import datasets
from benchmarks.progress import log


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=["core", "quality", "speed", "render"])
    ap.add_argument("results", nargs="?", type=Path, help="render: the results JSON to render")
    ap.add_argument(
        "--quick", action="store_true", help="200-entity pools only, no whole files, speed at 20k"
    )
    ap.add_argument("--data-dir", type=Path, default=None, help=f"variant CSVs (default {datasets.DATA_DIR})")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--speed-n", type=int, default=None, help="names in the speed run (default 100,000)")
    ap.add_argument("--repeat", type=int, default=1, help="speed: runs per measurement, fastest kept")
    ap.add_argument("--no-baseline", action="store_true", help="skip the JW baseline in quality runs")
    ap.add_argument(
        "--out-dir", type=Path, default=None, help="where results go (default benchmarks/results)"
    )
    ap.add_argument("--name", default=None, help="results file stem (default: the command, +'-quick')")
    # the baseline wired in as the API, to test the plumbing only
    ap.add_argument("--fake", action="store_true", help=argparse.SUPPRESS)
    return ap


def render(data: dict[str, Any]) -> str:
    """The Markdown report of a results dict (as written to the JSON)."""
    from benchmarks import quality, speed

    m = data["machine"]
    bench = data.get("benchmark") or shlex.split(data["command"])[3]
    pk = ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v)
    lines = [
        f"# namerec benchmark: {bench}{' (quick)' if data['quick'] else ''}",
        "",
        f"Command: `{data['command']}` (from the repository root)",
        "",
        f"Run {data['started_utc']}, {data['total_seconds'] / 60:.1f} min in all. "
        f"Machine: {m['cpu_count']} CPUs ({m['cpus_usable']} usable, {m['cpu_model']}), "
        f"{m['memory_gb']} GB RAM, {m['platform']}; "
        f"Python {m['python']}; commit {m['git_commit'] or 'unknown'}.",
        "",
        f"Packages: {pk}.",
        "",
        "Split rule: an entity (cluster files) or a pair's name1 (pair files) is in the test split when "
        "the last hex digit of its sha1 is 0-3; opensanctions_namebench_pairs is test-only. "
        "See docs/benchmarks.md.",
    ]
    if data.get("fake"):
        lines += [
            "",
            "**FAKE RUN: the 'namerec' numbers are the baseline wired in as the API (plumbing test).**",
        ]
    sections = ["\n".join(lines)]
    if "quality" in data:
        sections.append("## Quality\n\n" + quality.quality_markdown(data["quality"]))
    if "speed" in data:
        sections.append("## Speed\n\n" + speed.speed_markdown(data["speed"]))
    return "\n\n".join(sections)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    a = _parser().parse_args(argv)
    from benchmarks import report

    if a.command == "render":
        if a.results is None:
            _parser().error("render needs the results JSON")
        data = json.loads(a.results.read_text(encoding="utf-8"))
        md = a.results.with_suffix(".md")
        md.write_text(render(data).rstrip() + "\n", encoding="utf-8")
        log(f"wrote {md}")
        return 0
    if a.data_dir is not None:
        datasets.set_data_dir(a.data_dir)
    from benchmarks import quality, speed

    t0 = time.perf_counter()
    command = shlex.join(["python", "-m", "benchmarks", *argv])
    data: dict[str, Any] = {
        "benchmark": a.command,
        "command": command,
        "started_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "quick": a.quick,
        "fake": a.fake,
        "data_dir": str(datasets.DATA_DIR),
        "machine": report.machine_info(),
    }
    log(f"{command}  (data: {datasets.DATA_DIR})")
    if a.command in ("core", "quality"):
        api = quality.fake_api() if a.fake else quality.namerec_api()
        data["quality"] = quality.run_quality(
            api, quick=a.quick, seed=a.seed, with_baseline=not a.no_baseline
        )
    if a.command in ("core", "speed"):
        n = a.speed_n or (speed.QUICK_N if a.quick else speed.FULL_N)
        data["speed"] = speed.run_speed(n, seed=a.seed, repeat=a.repeat)
    data["total_seconds"] = time.perf_counter() - t0
    name = a.name or (a.command + ("-quick" if a.quick else ""))
    md, js = report.write_results(name, render(data), data, a.out_dir)
    log(f"wrote {md} and {js}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
