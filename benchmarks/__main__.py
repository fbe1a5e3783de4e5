"""Command line: ``python -m benchmarks {report,core,quality,speed,render,combine} [options]`` (repo root).

- ``report``: everything, namerec beside every peer: quality per dataset and pool, slices by phenomenon,
  calibration, speed at 10k-1M names; writes ``benchmarks/RESULTS.md``, the plots
  (``benchmarks/results/*.png``) and ``benchmarks/results/report.json``. With ``--quick`` (200-entity
  pools, no whole files, speed at 5k and 10k) everything goes to ``benchmarks/results/quick/`` instead,
  so a quick run never overwrites the committed full results.
- ``core``: quality and a two-size speed run, as tables only; writes ``results/core.md`` and ``core.json``.
- ``quality`` / ``speed``: one half only; writes ``results/quality.*`` / ``results/speed.*``.
- ``render RESULTS.json``: rebuild the Markdown (and, for a report, the plots) from a results JSON.
- ``combine QUALITY.json SPEED.json``: the full report (``RESULTS.md``, plots, ``report.json``) from a
  ``quality`` run and a ``speed`` run, e.g. to time the speed half alone on an idle machine.

Progress goes to stderr, one line per step with the elapsed time.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from benchmarks import datasets
from benchmarks.progress import log

COMMANDS = ["report", "core", "quality", "speed", "render", "combine"]


def _int_list(text: str) -> list[int]:
    """ "10000,20000" or "10k,20k,1M" -> [10000, 20000, 1000000]."""
    out = []
    for part in text.replace("_", "").split(","):
        part = part.strip().lower()
        if not part:
            continue
        scale = {"k": 1_000, "m": 1_000_000}.get(part[-1], 1)
        try:
            out.append(int(float(part[:-1] if scale > 1 else part) * scale))
        except ValueError as exc:
            raise argparse.ArgumentTypeError(f"not a list of sizes: {text!r}") from exc
    return out


def _name_list(text: str) -> list[str]:
    return [x.strip() for x in text.split(",") if x.strip()]


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="namerec's benchmarks: quality, slices, calibration and speed beside the peer systems. "
        "`report` regenerates benchmarks/RESULTS.md and its plots (--quick: benchmarks/results/quick/); "
        "see docs/benchmarks.md.",
    )
    ap.add_argument("command", choices=COMMANDS)
    ap.add_argument("results", nargs="*", type=Path,
                    help="render: the results JSON to render; combine: the quality JSON, then the speed JSON")
    ap.add_argument(
        "--quick",
        action="store_true",
        help="200-entity pools only, no whole files, speed at small sizes (report: 5k, 10k; core: 20k); "
        "writes to a separate location",
    )
    ap.add_argument(
        "--data-dir", type=Path, default=None, help=f"directory of CSVs (default {datasets.DATA_DIR})"
    )
    ap.add_argument(
        "--dataset",
        action="append",
        type=Path,
        default=None,
        metavar="CSV",
        help="a cluster (name,entity_id[,entity_type]) or pair (name1,name2,is_match) CSV; repeat for "
        "several; replaces the data directory's files",
    )
    ap.add_argument(
        "--seed", type=int, default=7, help="seed of every sample and of the generator (default 7)"
    )
    ap.add_argument(
        "--peers", type=_name_list, default=None, metavar="A,B", help="only these peers (name substrings)"
    )
    ap.add_argument("--no-peers", action="store_true", help="namerec only")
    ap.add_argument(
        "--peer-max-names",
        type=int,
        default=None,
        metavar="N",
        help="peers skip clustering pools of more than N names (an n/a cell; default: no limit)",
    )
    ap.add_argument("--no-baseline", action="store_true", help=argparse.SUPPRESS)  # old name of --no-peers
    ap.add_argument("--no-slices", action="store_true", help="skip the slices by phenomenon")
    ap.add_argument("--no-plots", action="store_true", help="report/render: do not draw the PNG plots")
    ap.add_argument(
        "--speed-sizes",
        type=_int_list,
        default=None,
        metavar="N,N",
        help="input sizes of the speed run, e.g. 10k,50k (report default 10k,20k,50k,100k,1M; quick 5k,10k)",
    )
    ap.add_argument("--speed-n", type=int, default=None, help="core/speed: sizes N/2 and N (default 100,000)")
    ap.add_argument("--max-n", type=int, default=None, help="speed: skip sizes above N (they get an n/a row)")
    ap.add_argument(
        "--speed-systems",
        type=_name_list,
        default=None,
        metavar="A,B",
        help="speed: systems to time (default namerec,string_grouper; any peer name works, untrained)",
    )
    ap.add_argument(
        "--repeat", type=int, default=1, help="speed: runs per size in interleaved rounds, fastest kept"
    )
    ap.add_argument(
        "--repeat-max-n",
        type=int,
        default=None,
        metavar="N",
        help="speed: sizes above N are run once, whatever --repeat says (a 1,000,000-name run takes minutes)",
    )
    ap.add_argument(
        "--speed-timeout", type=float, default=None, help="speed: seconds before a run is stopped"
    )
    ap.add_argument("--out-dir", type=Path, default=None, help="where results go (report: everything in it)")
    ap.add_argument("--name", default=None, help="core/quality/speed: results file stem")
    ap.add_argument(
        "--discussion",
        type=Path,
        default=None,
        help="report/render: the hand-written discussion to include (default benchmarks/discussion.md)",
    )
    # the baseline wired in as the API, to test the plumbing only
    ap.add_argument("--fake", action="store_true", help=argparse.SUPPRESS)
    return ap


def render(data: dict[str, Any]) -> str:
    """The Markdown of a results dict (kept for callers of the earlier interface)."""
    from benchmarks import report

    return report.render(data)


def _render(a: argparse.Namespace) -> int:
    from benchmarks import report

    if len(a.results) != 1:
        _parser().error("render needs one results JSON")
    results = a.results[0]
    data = json.loads(results.read_text(encoding="utf-8"))
    if data.get("benchmark") == "report":
        md = (results.parent / data.get("layout", {}).get("markdown", "RESULTS.md")).resolve()
        report.write_report(
            data, results, md, draw=not a.no_plots, discussion_file=a.discussion or report.DISCUSSION_FILE
        )
    else:
        md = results.with_suffix(".md")
        md.write_text(report.render(data).rstrip() + "\n", encoding="utf-8")
    log(f"wrote {md}")
    return 0


def _combine(a: argparse.Namespace) -> int:
    from benchmarks import report

    if len(a.results) != 2:
        _parser().error("combine needs the quality results JSON and the speed results JSON")
    quality_data, speed_data = (json.loads(p.read_text(encoding="utf-8")) for p in a.results)
    try:
        data = report.combine_halves(quality_data, speed_data)
    except ValueError as exc:
        _parser().error(str(exc))
    out_dir = a.out_dir or report.RESULTS_DIR
    md = out_dir / "RESULTS.md" if a.out_dir is not None else report.RESULTS_MD
    md, js, _ = report.write_report(
        data, out_dir / report.REPORT_JSON, md, draw=not a.no_plots,
        discussion_file=a.discussion or report.DISCUSSION_FILE,
    )
    log(f"wrote {md} and {js}")
    return 0


def _speed_sizes(a: argparse.Namespace) -> list[int]:
    from benchmarks import speed

    if a.speed_sizes:
        return a.speed_sizes
    if a.command == "report" and a.speed_n is None:
        return list(speed.QUICK_SIZES if a.quick else speed.FULL_SIZES)
    n = a.speed_n or (speed.QUICK_N if a.quick else speed.FULL_N)
    return [n // 2, n]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    a = _parser().parse_args(argv)
    if a.command == "render":
        return _render(a)
    if a.command == "combine":
        return _combine(a)
    if a.data_dir is not None:
        datasets.set_data_dir(a.data_dir)
    from benchmarks import quality, report, speed

    t0 = time.perf_counter()
    command = shlex.join(["python", "-m", "benchmarks", *argv])
    if "PYTHONHASHSEED" in os.environ:  # dedupe's results depend on it: say how the run was made
        command = f"PYTHONHASHSEED={os.environ['PYTHONHASHSEED']} {command}"
    data: dict[str, Any] = {
        "benchmark": a.command,
        "command": command,
        "started_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "quick": a.quick,
        "fake": a.fake,
        "data_dir": quality.display_path(datasets.DATA_DIR)
        if not a.dataset
        else ", ".join(quality.display_path(p) for p in a.dataset),
        "machine": report.machine_info(),
    }
    log(f"{command}  (data: {data['data_dir']})")
    data_sets = quality.discover_datasets(None, a.dataset)
    if not data_sets:
        log("no datasets found: pass --data-dir or --dataset")
        return 2
    if a.command in ("report", "core", "quality"):
        api = quality.fake_api() if a.fake else quality.namerec_api()
        peers = quality.select_peers([] if (a.no_peers or a.no_baseline) else a.peers)
        data["quality"] = quality.run_quality(
            api,
            quick=a.quick,
            seed=a.seed,
            peers=peers,
            data=data_sets,
            with_slices=not a.no_slices,
            peer_max_names=a.peer_max_names,
        )
    if a.command in ("report", "core", "speed"):
        # The speed input is the shared cluster files pooled (the lexicon's places are not a file).
        sources = [d.path for d in data_sets if d.kind == "clusters" and not d.lexicon_off]
        if not sources:
            data["speed"] = {"na": "no cluster file in the run to draw names from", "runs": []}
        else:
            data["speed"] = speed.run_speed(
                _speed_sizes(a),
                seed=a.seed,
                systems=a.speed_systems or speed.SYSTEMS,
                repeat=a.repeat,
                repeat_max_n=a.repeat_max_n,
                max_n=a.max_n,
                sources=sources,
                timeout=a.speed_timeout or speed.TIMEOUT_S,
            )
    data["total_seconds"] = time.perf_counter() - t0
    if a.command == "report":
        if a.out_dir is not None:
            out_dir, md = a.out_dir, a.out_dir / "RESULTS.md"
        elif a.quick:
            out_dir, md = report.QUICK_DIR, report.QUICK_DIR / "RESULTS.md"
        else:
            out_dir, md = report.RESULTS_DIR, report.RESULTS_MD
        md, js, plots = report.write_report(
            data,
            out_dir / report.REPORT_JSON,
            md,
            draw=not a.no_plots,
            discussion_file=a.discussion or report.DISCUSSION_FILE,
        )
        log(
            f"wrote {md}, {js} and {len(plots['files'])} plots"
            + (f" ({plots['skipped']})" if plots["skipped"] else "")
        )
        log(f"done in {data['total_seconds'] / 60:.1f} min")
        return 0
    name = a.name or (a.command + ("-quick" if a.quick else ""))
    md, js = report.write_results(name, report.render(data), data, a.out_dir)
    log(f"wrote {md} and {js}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
