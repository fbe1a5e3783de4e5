"""Machine information, Markdown tables and the results files (results/<name>.md and .json)."""

from __future__ import annotations

import json
import math
import os
import platform
import re
import subprocess
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = [
    "DISCUSSION_FILE",
    "QUICK_DIR",
    "RESULTS_DIR",
    "RESULTS_MD",
    "fmt",
    "losses",
    "machine_info",
    "md_table",
    "render",
    "write_report",
    "write_results",
]

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"
RESULTS_MD = BENCH_DIR / "RESULTS.md"  # the full report; its plots and JSON go to RESULTS_DIR
QUICK_DIR = RESULTS_DIR / "quick"  # --quick reports: RESULTS.md, plots and JSON together
DISCUSSION_FILE = BENCH_DIR / "discussion.md"
REPORT_JSON = "report.json"
PACKAGES = [
    "namerec",
    "numpy",
    "rapidfuzz",
    "anyascii",
    "jellyfish",
    "doublemetaphone",
    "nicknames",
    "pydantic",
    "string-grouper",
    "pandas",
    "scipy",
    "scikit-learn",
    "sparse-dot-topn",
    "sp-matmul-rs",
    "matplotlib",
    "splink",
    "duckdb",
    "dedupe",
    "tqdm",
]


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float | None:
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _git_commit() -> str | None:
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if head.returncode != 0:
        return None
    return head.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def machine_info() -> dict[str, Any]:
    versions = {}
    for pkg in PACKAGES:
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = None
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        load = None
    return {
        "load_average_at_start": load,
        "cpu_count": os.cpu_count(),
        "cpus_usable": usable,
        "cpu_model": _cpu_model(),
        "memory_gb": _memory_gb(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "git_commit": _git_commit(),
        "packages": versions,
    }


def fmt(value: Any, digits: int = 3) -> str:
    """Table cell text: floats rounded, None/NaN as an em dash."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isnan(value):
            return "—"
        return f"{value:.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def md_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], digits: int = 3) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(fmt(v, digits) for v in row) + " |")
    return "\n".join(lines)


def _json_default(obj: Any) -> Any:
    try:
        import numpy as np

        if isinstance(obj, np.generic):
            return obj.item()
        if isinstance(obj, np.ndarray):
            return obj.tolist()
    except ImportError:
        pass
    if isinstance(obj, Path):
        return str(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def _clean(obj: Any) -> Any:  # NaN is not JSON: write null
    if isinstance(obj, float) and math.isnan(obj):
        return None
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_clean(v) for v in obj]
    return obj


def write_results(
    name: str, markdown: str, data: dict[str, Any], out_dir: Path | None = None
) -> tuple[Path, Path]:
    out = Path(out_dir) if out_dir is not None else RESULTS_DIR
    out.mkdir(parents=True, exist_ok=True)
    md_path, json_path = out / f"{name}.md", out / f"{name}.json"
    md_path.write_text(markdown.rstrip() + "\n", encoding="utf-8")
    json_path.write_text(
        json.dumps(_clean(data), indent=1, ensure_ascii=False, default=_json_default) + "\n", encoding="utf-8"
    )
    return md_path, json_path


# ---------------------------------------------------------------------------------------------- rendering

EPS = 0.0005  # differences below this are rounding, not a loss
SLICE_MIN_PAIRS = 20  # slices with fewer pairs are not compared in the generated discussion
SLICE_MARGIN = 0.02  # a slice counts as lost when a peer is ahead by more than this


def _header(data: dict[str, Any]) -> list[str]:
    m = data["machine"]
    pk = ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v)
    load = m.get("load_average_at_start")
    bench = data.get("benchmark", "")
    return [
        f"Command: `{data['command']}` (from the repository root)",
        "",
        f"Run {data['started_utc']}, {data['total_seconds'] / 60:.1f} min in all. "
        f"Machine: {m['cpu_count']} CPUs ({m['cpus_usable']} usable, {m['cpu_model']}), "
        f"{m['memory_gb']} GB RAM, {m['platform']}; Python {m['python']}; "
        f"commit {m['git_commit'] or 'unknown'}"
        + (f"; load average {load[0]:.2f} at the start (above 0: other work shared the CPUs)" if load else "")
        + ".",
        "",
        f"Packages: {pk}.",
        "",
        f"Data: {data.get('data_dir', '—')}" + (f" ({bench} run)" if bench else ""),
        "",
        "Split rule: an entity (cluster files) or a pair's name1 (pair files) is in the test split when "
        "the last hex digit of its sha1 is 0-3; opensanctions_namebench_pairs is test-only. "
        "See docs/benchmarks.md.",
    ]


def _system_rows(r: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["system"]: s for s in r.get("results", [])}


def _f(v: Any) -> str:
    return fmt(v, 3)


def losses(data: dict[str, Any]) -> tuple[list[str], dict[str, int]]:
    """Where namerec is behind a peer, as Markdown bullets generated from the numbers, and a tally
    ``{"compared", "behind"}`` of the head-to-head comparisons (pool or pair file x peer x measure)."""
    from benchmarks import quality, slices
    from benchmarks import speed as speed_mod

    out: list[str] = []
    tally = {"compared": 0, "behind": 0}
    q = data.get("quality")
    if q:
        q = quality.upgrade_legacy(q)
        me = q["systems"][0]["system"]
        for s in q["systems"][1:]:
            if s.get("unavailable"):
                out.append(f"not compared with **{s['system']}**: n/a ({quality._reason(s['unavailable'])})")

        def compare(where: str, res: dict[str, dict], measures: list[tuple[str, str]]) -> None:
            mine = res.get(me)
            if mine is None:
                return
            if "na" in mine:
                out.append(f"{me} did not run on {where}: {mine['na']}")
                return
            for name, other in res.items():
                if name == me or "na" in other:
                    continue
                behind = []
                for key, label in measures:
                    a, b = mine.get(key), other.get(key)
                    if not isinstance(a, int | float) or not isinstance(b, int | float):
                        continue
                    if math.isnan(a) or math.isnan(b):
                        continue
                    tally["compared"] += 1
                    if b > a + EPS:
                        tally["behind"] += 1
                        behind.append(f"{label} {a:.3f} vs {b:.3f}")
                if behind:
                    out.append(f"{me} is behind **{name}** on {where}: " + ", ".join(behind))

        for r in q["clusters"]:
            compare(
                f"{r['file']} / {r['pool']}",
                _system_rows(r),
                [("pairwise_f1", "pairwise F1"), ("bcubed_f1", "B³ F1")],
            )
        for r in q["pairs"]:
            if r["split"].startswith("test"):
                compare(
                    f"{r['file']} ({r['split']})",
                    _system_rows(r),
                    [("f1", "F1"), ("average_precision", "AP")],
                )
        # slices, one line per slice with every peer ahead. Clustering: recall, with the pool's pairwise
        # precision beside it (recall alone favours merging)
        for f in dict.fromkeys(r["file"] for r in q["clusters"]):
            r = quality.slice_pool(q, f)
            if r is None:
                continue
            res = _system_rows(r)
            mine = res.get(me, {})
            if "slice_recall" not in mine:
                continue
            for s in slices.SLICES:
                n = r["slice_pairs"].get(s, 0)
                a = mine["slice_recall"].get(s)
                if n < SLICE_MIN_PAIRS or a is None:
                    continue
                ahead = [
                    (name, other["slice_recall"][s], other.get("pairwise_p"))
                    for name, other in res.items()
                    if name != me
                    and other.get("slice_recall", {}).get(s) is not None
                    and other["slice_recall"][s] > a + SLICE_MARGIN
                ]
                if ahead:
                    out.append(
                        f"on the *{s}* slice of {f} ({r['pool']}, {n:,} gold pairs) {me} keeps fewer pairs "
                        f"together: recall {a:.3f} vs "
                        + ", ".join(f"**{name}** {b:.3f}" for name, b, _ in ahead)
                        + f" (pairwise precision on the whole pool: {me} {_f(mine.get('pairwise_p'))}, "
                        + ", ".join(f"{name} {_f(p)}" for name, _, p in ahead)
                        + ")"
                    )
        # pair files: F1, or for a slice of non-matches only the false-positive rate (lower is better)
        for r in q["pairs"]:
            if not r["split"].startswith("test") or not r.get("slice_counts"):
                continue
            res = _system_rows(r)
            mine = res.get(me, {})
            if "slices" not in mine:
                continue
            for s in slices.SLICES:
                c = r["slice_counts"].get(s)
                ms = mine["slices"].get(s)
                if not c or c["pairs"] < SLICE_MIN_PAIRS or ms is None:
                    continue
                others = [(n, o["slices"][s]) for n, o in res.items() if n != me and s in o.get("slices", {})]
                where = f"the *{s}* slice of {r['file']} ({c['pairs']:,} pairs, {c['matches']:,} matches)"
                if c["matches"] == 0:
                    a = ms.get("false_positive_rate")
                    ahead = [(n, o.get("false_positive_rate")) for n, o in others]
                    ahead = [
                        (n, b) for n, b in ahead if a is not None and b is not None and a > b + SLICE_MARGIN
                    ]
                    if ahead:
                        out.append(
                            f"on {where} {me} accepts more non-matches: false-positive rate {a:.3f} vs "
                            + ", ".join(f"**{n}** {b:.3f}" for n, b in ahead)
                        )
                    continue
                ahead = [(n, o["f1"]) for n, o in others if o["f1"] > ms["f1"] + SLICE_MARGIN]
                if ahead:
                    out.append(
                        f"on {where} {me} is behind: F1 {ms['f1']:.3f} vs "
                        + ", ".join(f"**{n}** {b:.3f}" for n, b in ahead)
                    )
        for r in q["pairs"]:
            mine = _system_rows(r).get(me, {})
            if r["split"].startswith("test") and (mine.get("ece") or 0) > 0.05:
                out.append(
                    f"{me}'s probabilities are off on {r['file']}: ECE {mine['ece']:.3f} (see its "
                    "reliability diagram)"
                )
        for r in q["candidate_calibration"]:
            if (r.get("ece") or 0) > 0.05:
                out.append(
                    f"{me}'s probabilities on the candidate pairs of {r['file']} are off: ECE {r['ece']:.3f}"
                )
    sp = data.get("speed")
    if sp and sp.get("runs"):
        sp = speed_mod.upgrade_legacy(sp)
        ok = {(r["system"], r["names"]): r for r in sp["runs"] if "na" not in r}
        for (system, n), r in sorted(ok.items(), key=lambda kv: kv[0][1]):
            if system == "namerec" or ("namerec", n) not in ok:
                continue
            mine = ok[("namerec", n)]
            if r["seconds"] < mine["seconds"]:
                out.append(
                    f"namerec is slower than **{system}** at {n:,} names: {mine['seconds']:.1f} s vs "
                    f"{r['seconds']:.1f} s ({mine['seconds'] / r['seconds']:.1f}x)"
                )
            if r.get("max_rss_mb", 0) < mine.get("max_rss_mb", 0):
                out.append(
                    f"namerec needs more memory than **{system}** at {n:,} names: "
                    f"{mine['max_rss_mb']:,.0f} MB vs {r['max_rss_mb']:,.0f} MB peak"
                )
        g = sp.get("growth", {})
        mine = g.get("namerec", {}).get("fit_per_doubling")
        for system, other in g.items():
            theirs = other.get("fit_per_doubling")
            if system != "namerec" and mine and theirs and mine > theirs + 0.05:
                out.append(
                    f"namerec's time grows faster than **{system}**'s: x{mine:.2f} vs x{theirs:.2f} per "
                    "doubling of the input (fit over all sizes)"
                )
        for r in sp["runs"]:
            if r["system"] == "namerec" and "na" in r:
                out.append(f"namerec has no speed result at {r['names']:,} names: {r['na']}")
    return out, tally


def _img(path: str, md_dir: Path, alt: str) -> str:
    rel = os.path.relpath(path, md_dir).replace(os.sep, "/")
    return f"![{alt}]({rel})"


def _plots_of(plots: dict[str, Any] | None, kind: str) -> list[dict[str, Any]]:
    return [p for p in (plots or {}).get("files", []) if p["kind"] == kind]


def render(
    data: dict[str, Any],
    plots: dict[str, Any] | None = None,
    md_dir: Path | None = None,
    discussion: str | None = None,
) -> str:
    """The Markdown of a results dict: the full report (``benchmark == "report"``) or the plain layout of
    the core/quality/speed commands. ``plots`` is :func:`benchmarks.plots.draw_all`'s answer."""
    if data.get("benchmark") == "report":
        return _render_report(data, plots, md_dir or RESULTS_DIR, discussion)
    from benchmarks import quality, speed

    bench = data.get("benchmark") or data["command"].split()[3]
    lines = [f"# namerec benchmark: {bench}{' (quick)' if data['quick'] else ''}", "", *_header(data)]
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


def _render_report(
    data: dict[str, Any], plots: dict[str, Any] | None, md_dir: Path, discussion: str | None
) -> str:
    from benchmarks import quality, speed

    quick = data.get("quick")
    out = [
        "# namerec benchmark results" + (" (quick run)" if quick else ""),
        "",
        "Generated by `python -m benchmarks report"
        + (" --quick" if quick else "")
        + "`: every table, plot and the generated discussion below come from one run; "
        "`python -m benchmarks render` rebuilds this file from the run's JSON without rerunning. What "
        "each number means, the slice rules and how to run it on your own data: docs/benchmarks.md.",
        "",
        *_header(data),
    ]
    if quick:
        out += [
            "",
            "**Quick run**: 200-entity pools only, no whole files, test splits only, speed at small "
            "sizes, peers trained on capped train samples. For a smoke check, not for quoting.",
        ]
    if data.get("fake"):
        out += [
            "",
            "**FAKE RUN: the 'namerec' numbers are the baseline wired in as the API (plumbing test).**",
        ]
    if plots and plots.get("skipped"):
        out += ["", f"**Plots skipped**: {plots['skipped']}."]
    q = quality.upgrade_legacy(data["quality"]) if data.get("quality") else None
    sp = data.get("speed")
    toc = [
        "Systems",
        "Where namerec loses",
        "Discussion",
        "Clustering",
        "Pair files",
        "Slices by phenomenon",
        "Calibration",
        "Speed",
    ]
    out += ["", "Contents: " + " · ".join(f"[{t}](#{t.lower().replace(' ', '-')})" for t in toc)]

    out += ["", "## Systems", ""]
    if q:
        out.append(quality.systems_markdown(q))
    else:
        out.append("(no quality run)")

    bullets, tally = losses(data)
    out += [
        "",
        "## Where namerec loses",
        "",
        "Generated from the numbers of this run (test splits; differences under 0.0005 ignored; slices with "
        f"at least {SLICE_MIN_PAIRS} pairs and a gap over {SLICE_MARGIN}), so it is never stale.",
    ]
    if tally["compared"]:
        out.append(
            "Head to head (pool or pair file x peer x measure: pairwise and B³ F1 on pools, F1 and AP on "
            f"pair files): namerec is behind in **{tally['behind']} of {tally['compared']}** comparisons."
        )
    out.append("")
    out += (
        [f"- {b}" for b in bullets]
        if bullets
        else ["- Nowhere: namerec is ahead of or level with every peer that ran, on every measure compared."]
    )

    out += ["", "## Discussion", ""]
    # included verbatim; a file holding only HTML comments (the committed template) counts as empty
    written = re.sub(r"<!--.*?-->", "", discussion or "", flags=re.S).strip()
    out.append(
        discussion.strip()
        if written
        else "_Not written yet: the hand-written discussion is read from benchmarks/discussion.md._"
    )

    if q:
        out += [
            "",
            "## Clustering",
            "",
            f"Every system clusters the same pools (seeded samples of whole entities of the test split, seed "
            f'{q["seed"]}; "whole file" = both splits). pw = pairwise, B³ = B-cubed; largest = the largest '
            "predicted cluster; s = seconds of the call.",
            "",
        ]
        out.append(quality.clusters_markdown(q))
        for p in _plots_of(plots, "f1_vs_pool"):
            out += ["", _img(p["path"], md_dir, p["title"])]
        gazetteer = quality.gazetteer_markdown(q)
        if gazetteer:
            out += ["", "### Places with the place gazetteer", "", gazetteer]
        out += [
            "",
            "## Pair files",
            "",
            "Each system scores the labelled pairs; a pair is a predicted match when its score is at least "
            "the system's threshold. AP = average precision (threshold-free); ECE = expected calibration "
            "error "
            "over 15 equal-width bins (meaningful only for systems whose score is a probability).",
            "",
        ]
        out.append(quality.pairs_markdown(q))
        out += [
            "",
            "## Slices by phenomenon",
            "",
            "Each gold pair is put in one slice by the heuristic of benchmarks/slices.py (first rule that "
            "holds: case/punctuation, transliteration, org legal form, acronym, order swap, surname-only, "
            "initials, nickname, dropped token, typo, other; see docs/benchmarks.md). Cluster files: recall "
            "of the slice's within-entity pairs (share put in one cluster); recall alone favours systems "
            "that merge more, so read it with the pool's precision above. Pair files: P / R / F1 per slice, "
            "negatives sliced the same way.",
            "",
        ]
        out.append(quality.slices_markdown(q))
        for p in _plots_of(plots, "slices"):
            out += ["", _img(p["path"], md_dir, p["title"])]
        out += [
            "",
            "## Calibration",
            "",
            "namerec's match probability against the truth. Pair files: the test-split pairs (table above). "
            f"Candidate pairs: on the {q.get('calibration_pool', 1000):,}-entity test pool of each cluster "
            'file, the pairs the pipeline actually scored (`namerec.candidate_pairs`), against "same gold '
            "entity\"; gold-pair coverage is the share of the pool's gold pairs among them (a lower bound "
            "on blocking recall). A reliability diagram plots the share of true matches against the mean "
            "probability per bin: on the diagonal is calibrated, below it over-confident.",
            "",
        ]
        out.append(quality.calibration_markdown(q))
        calibrated = quality.calibrated_markdown(q)
        if calibrated:
            out.append(
                "\nA probability is calibrated for the mix of pairs it was fitted on; on a pair list where "
                "matches are much more or less common, `Reconciler.calibrate(pairs, labels)` refits only the "
                "mapping from score to probability (per regime, ranking unchanged; docs/scoring.md). Below: "
                "the shipped model on each pair file's test split, and the same after `calibrate` on that "
                "file's train split (held out from the test split by the split rule).\n"
            )
            out.append(calibrated)
        for p in _plots_of(plots, "reliability"):
            out += ["", _img(p["path"], md_dir, p["title"])]
        rel = quality.reliability_markdown(q)
        if rel:
            out += [
                "",
                "<details><summary>Reliability tables (15 bins; empty bins omitted)</summary>",
                "",
                rel,
                "",
                "</details>",
            ]
    out += ["", "## Speed", ""]
    if sp and sp.get("runs"):
        out.append(speed.speed_markdown(sp))
        for p in _plots_of(plots, "speed"):
            out += ["", _img(p["path"], md_dir, p["title"])]
    else:
        out.append(f"(not run{': ' + sp['na'] if sp and sp.get('na') else ''})")
    return "\n".join(out)


def combine_halves(quality_data: dict[str, Any], speed_data: dict[str, Any]) -> dict[str, Any]:
    """One report's data from a ``quality`` run and a ``speed`` run (for example the speed half rerun on
    an idle machine). The machine described is the speed run's, since its timings depend on it; the
    quality run's commit and load are named beside it."""
    for data, half in ((quality_data, "quality"), (speed_data, "speed")):
        if half not in data:
            raise ValueError(f"the {half} results JSON has no {half!r} section (is it a `{half}` run?)")
    combined = dict(quality_data)
    quality_machine = quality_data.get("machine", {})
    machine = dict(speed_data.get("machine", quality_machine))
    if quality_machine.get("git_commit") != machine.get("git_commit"):
        machine["git_commit"] = (
            f"{machine.get('git_commit')} (quality half at {quality_machine.get('git_commit')}, "
            f"load average {quality_machine.get('load_average_at_start')} at its start)"
        )
    combined.update(
        benchmark="report",
        command=f"python -m benchmarks report, run as its two halves: {quality_data.get('command')}; "
                f"{speed_data.get('command')}",
        machine=machine,
        speed=speed_data["speed"],
        total_seconds=quality_data.get("total_seconds", 0.0) + speed_data.get("total_seconds", 0.0),
    )
    return combined


def write_report(
    data: dict[str, Any],
    json_path: Path,
    md_path: Path,
    draw: bool = True,
    discussion_file: Path | None = DISCUSSION_FILE,
) -> tuple[Path, Path, dict[str, Any]]:
    """Write the JSON, the plots (next to the JSON) and the Markdown report. Returns the paths and the plot
    record (``{"skipped", "files"}``)."""
    json_path.parent.mkdir(parents=True, exist_ok=True)
    md_path.parent.mkdir(parents=True, exist_ok=True)
    data["layout"] = {"markdown": os.path.relpath(md_path, json_path.parent).replace(os.sep, "/")}
    json_path.write_text(
        json.dumps(_clean(data), indent=1, ensure_ascii=False, default=_json_default) + "\n", encoding="utf-8"
    )
    if draw:
        from benchmarks import plots as plots_mod

        clean = json.loads(json_path.read_text(encoding="utf-8"))  # what render sees later, NaN as None
        plots = plots_mod.draw_all(clean, json_path.parent)
    else:
        plots = {"skipped": "--no-plots", "files": []}
    discussion = None
    if discussion_file is not None and Path(discussion_file).is_file():
        discussion = Path(discussion_file).read_text(encoding="utf-8")
    md_path.write_text(render(data, plots, md_path.parent, discussion).rstrip() + "\n", encoding="utf-8")
    return md_path, json_path, plots
