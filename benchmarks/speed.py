"""Speed run: ``namerec cluster`` end to end on 100,000 names, beside string_grouper on the same names.

The input: the distinct names of the three cluster files pooled (76,151), topped up to N (default
100,000) with seeded synthetic variants from :mod:`benchmarks.generate`, shuffled (seeded). The first
half of that list is the N/2 input for the doubling measurement. When N is below the number of real
names (``--quick``: 20,000), a seeded sample of the real names is used and nothing is generated.

Each measurement is its own fresh process (``python -m benchmarks.measure``), which runs the command
and reads the peak resident memory of that one child. Measured: wall seconds of the whole command
(start-up, CSV read, work, CSV write), names/s, peak RSS, and t(N)/t(N/2) (2.0 = linear).

Quality on the labelled part: pairwise and B-cubed F1 over the rows that come from the shared files
and belong to exactly one entity (a string listed under two entities, or under entities of two files,
has no single gold label and is left out, as are the synthetic variants).
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import datasets, generate, metrics
from benchmarks.progress import log
from benchmarks.report import md_table

__all__ = ["SpeedPool", "build_speed_pool", "namerec_command", "run_speed", "speed_markdown"]

REPO_ROOT = Path(__file__).resolve().parent.parent
FULL_N = 100_000
QUICK_N = 20_000
TIMEOUT_S = 4 * 3600


@dataclass
class SpeedPool:
    names: list[str]
    gold: list[str | None]  # one entity per labelled real name, None otherwise
    synthetic: list[bool]
    real_distinct: int


def build_speed_pool(n_total: int = FULL_N, seed: int = 7) -> SpeedPool:
    rows = []
    for f in datasets.CLUSTER_FILES:
        # entity ids are prefixed with the file so ids of two files can never collide
        rows += [r._replace(entity_id=f"{f}:{r.entity_id}") for r in datasets.load_clusters(f)]
    entities: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        entities[r.name].add(r.entity_id)
    real = sorted(entities)
    rnd = random.Random(seed)
    rnd.shuffle(real)
    if n_total <= len(real):
        names, synthetic = real[:n_total], [False] * n_total
    else:
        variants = generate.top_up(rows, n_total, seed=seed)
        names = real + [v.name for v in variants]
        synthetic = [False] * len(real) + [True] * len(variants)
        order = list(range(len(names)))
        random.Random(seed + 1).shuffle(order)
        names = [names[i] for i in order]
        synthetic = [synthetic[i] for i in order]
    gold = [
        None if syn or len(entities[n]) != 1 else next(iter(entities[n]))
        for n, syn in zip(names, synthetic, strict=True)
    ]
    return SpeedPool(names, gold, synthetic, len(real))


def namerec_command() -> list[str] | None:
    """The installed ``namerec`` console script next to this interpreter (or on PATH)."""
    exe = Path(sys.executable).parent / ("namerec.exe" if os.name == "nt" else "namerec")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("namerec")
    return [found] if found else None


def _write_names(path: Path, names: list[str]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["name"])
        w.writerows([n] for n in names)


def _measure(cmd: list[str], workdir: Path, tag: str) -> dict[str, Any]:
    result = workdir / f"{tag}.measure.json"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
    }
    wrapper = [sys.executable, "-m", "benchmarks.measure", str(result), "--", *cmd]
    try:
        proc = subprocess.run(
            wrapper, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT_S
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {TIMEOUT_S} s"}
    if proc.returncode != 0 or not result.exists():
        return {"error": (proc.stderr.strip().splitlines() or ["measure wrapper failed"])[-1][:300]}
    out = json.loads(result.read_text(encoding="utf-8"))
    if out["returncode"] != 0:
        tail = proc.stderr.strip().splitlines() or [f"exit code {out['returncode']}"]
        out["error"] = f"exit {out['returncode']}: {tail[-1][:300]}"
    return out


def _read_labels(path: Path, column: str, names: list[str]) -> list[str]:
    with open(path, newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
    if len(got) != len(names):
        raise ValueError(f"{len(got)} output rows for {len(names)} input rows")
    if column not in (got[0] if got else {}):
        raise ValueError(f"no {column!r} column in the output")
    bad = sum(g.get("name") != n for g, n in zip(got, names, strict=True))
    if bad:
        raise ValueError(f"{bad} output rows do not repeat their input name")
    return [g[column] or f"__blank{i}" for i, g in enumerate(got)]


def _labelled_scores(pool_gold: list[str | None], pred: list[str]) -> dict[str, Any]:
    idx = [i for i, g in enumerate(pool_gold) if g is not None]
    gold = [pool_gold[i] for i in idx]
    sub = [pred[i] for i in idx]
    pw = metrics.pairwise(gold, sub)
    b3 = metrics.bcubed(gold, sub)
    return {
        "labelled_names": len(idx),
        "pairwise_p": pw["precision"], "pairwise_r": pw["recall"], "pairwise_f1": pw["f1"],
        "bcubed_f1": b3["f1"], "clusters": len(set(pred)), "largest_cluster": max(Counter(pred).values()),
    }  # fmt: skip


def _run_system(
    system: str, inp: Path, workdir: Path, names: list[str], gold: list[str | None], repeat: int = 1
) -> dict:
    tag = f"{system}-{len(names)}"
    out_csv = workdir / f"{tag}.out.csv"
    inner = workdir / f"{tag}.inner.json"  # the peer's own timing
    res: dict[str, Any] = {"system": system, "names": len(names)}
    if system == "namerec":
        base = namerec_command()
        if base is None:
            res["error"] = "n/a (namerec console script not found)"
            return res
        cmd, column = [*base, "cluster", str(inp), "--column", "name", "-o", str(out_csv)], "entity_id"
    else:
        cmd = [
            sys.executable,
            "-m",
            "benchmarks.peers",
            "string_grouper",
            str(inp),
            str(out_csv),
            str(inner),
        ]
        column = "group"
    log(f"speed: {system} on {len(names):,} names ...")
    trials = []
    for _ in range(max(1, repeat)):
        inner.unlink(missing_ok=True)
        trial = _measure(cmd, workdir, tag)
        if inner.exists():  # the peer's own in-call time, kept with its trial
            trial["inner_seconds"] = json.loads(inner.read_text(encoding="utf-8"))["seconds"]
        trials.append(trial)
        if "error" in trial:
            break
    # the fastest run is the least disturbed by other load; memory is the worst seen
    ok = [t for t in trials if "error" not in t]
    best = min(ok, key=lambda t: t["seconds"]) if ok else trials[-1]
    res.update(best)
    if len(trials) > 1:
        res["all_seconds"] = [t.get("seconds") for t in trials]
        res["max_rss_mb"] = max(t.get("max_rss_mb", 0.0) for t in trials)
    shown = {str(inp): "IN.csv", str(out_csv): "OUT.csv", str(inner): "TIMING.json", sys.executable: "python"}
    res["command"] = " ".join(shown.get(c, Path(c).name if i == 0 else c) for i, c in enumerate(cmd))
    if "error" in res:
        log(f"speed: {system} on {len(names):,} names FAILED: {res['error']}")
        return res
    res["names_per_s"] = len(names) / res["seconds"] if res["seconds"] > 0 else float("nan")
    try:
        res.update(_labelled_scores(gold, _read_labels(out_csv, column, names)))
    except (ValueError, OSError) as exc:
        res["error"] = f"output unusable: {exc}"
    log(
        f"speed: {system} on {len(names):,} names: {res['seconds']:.1f} s, {res['max_rss_mb']:.0f} MB peak"
        + (f", labelled pairwise F1 {res['pairwise_f1']:.3f}" if "pairwise_f1" in res else "")
    )
    return res


def run_speed(
    n_total: int = FULL_N,
    seed: int = 7,
    systems: tuple[str, ...] = ("namerec", "string_grouper"),
    repeat: int = 1,
) -> dict:
    log(f"speed: building the {n_total:,}-name pool")
    pool = build_speed_pool(n_total, seed)
    half = n_total // 2
    runs: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="namerec-speed-") as td:
        work = Path(td)
        inputs = {}
        for n in (half, n_total):
            inputs[n] = work / f"names-{n}.csv"
            _write_names(inputs[n], pool.names[:n])
        for system in systems:
            for n in (half, n_total):
                runs.append(_run_system(system, inputs[n], work, pool.names[:n], pool.gold[:n], repeat))
    summary: dict[str, Any] = {}
    by = {(r["system"], r["names"]): r for r in runs}
    for system in systems:
        a, b = by.get((system, half), {}), by.get((system, n_total), {})
        if "seconds" in a and "seconds" in b and "error" not in a and "error" not in b and a["seconds"] > 0:
            summary[f"{system}_doubling"] = b["seconds"] / a["seconds"]
    nr, sg = by.get(("namerec", n_total), {}), by.get(("string_grouper", n_total), {})
    if "error" not in nr and "error" not in sg and nr.get("seconds") and sg.get("seconds"):
        summary["namerec_over_string_grouper"] = nr["seconds"] / sg["seconds"]
    return {
        "n_total": n_total, "n_half": half, "seed": seed, "real_distinct_names": pool.real_distinct,
        "synthetic_names": sum(pool.synthetic), "labelled_names": sum(g is not None for g in pool.gold),
        "repeat": repeat, "runs": runs, "summary": summary,
    }  # fmt: skip


def _num(value: Any, digits: int) -> str | None:
    if not isinstance(value, int | float):
        return None
    return f"{value:,.{digits}f}"


def speed_markdown(s: dict[str, Any]) -> str:
    out = [
        f"Input: {s['n_total']:,} distinct names = {s['n_total'] - s['synthetic_names']:,} real names "
        f"from the three cluster files (of {s['real_distinct_names']:,} distinct) + "
        f"{s['synthetic_names']:,} synthetic variants (benchmarks/generate.py, seed {s['seed']}); "
        f"the first {s['n_half']:,} of the shuffled list for the doubling run. Labelled part: "
        f"{s['labelled_names']:,} real names with exactly one gold entity.\n",
        "Each run is a fresh process; seconds are wall time of the whole command (start-up and CSV I/O "
        "included)"
        + (f", the fastest of {s['repeat']} runs" if s.get("repeat", 1) > 1 else ", one run")
        + "; peak RSS is the measured process's maximum resident set (the largest single process).\n",
    ]
    rows = []
    for r in s["runs"]:
        if "error" in r and "pairwise_f1" not in r:
            rows.append([r["system"], r["names"], r["error"]] + [None] * 8)
            continue
        rows.append([
            r["system"], r["names"], _num(r.get("seconds"), 2), _num(r.get("inner_seconds"), 2),
            _num(r.get("names_per_s"), 0), _num(r.get("max_rss_mb"), 0), r.get("pairwise_p"),
            r.get("pairwise_r"), r.get("pairwise_f1"), r.get("bcubed_f1"), r.get("largest_cluster"),
        ])  # fmt: skip
    out.append(md_table(
        ["system", "names", "seconds", "in-call s", "names/s", "peak RSS MB", "labelled pw P", "pw R",
         "pw F1", "B³ F1", "largest cluster"], rows, digits=3))  # fmt: skip
    sm = s["summary"]
    items = []
    if "namerec_over_string_grouper" in sm:
        items.append(f"- time(namerec) / time(string_grouper) at {s['n_total']:,}: "
                     f"**{sm['namerec_over_string_grouper']:.2f}**")  # fmt: skip
    for system in ("namerec", "string_grouper"):
        if f"{system}_doubling" in sm:
            items.append(f"- {system} time({s['n_total']:,}) / time({s['n_half']:,}): "
                         f"**{sm[f'{system}_doubling']:.2f}** (2.0 = linear)")  # fmt: skip
    if items:
        out.append("\n" + "\n".join(items))
    cmds = sorted({r["command"] for r in s["runs"] if r.get("command")})
    if cmds:
        out.append("\nCommands (IN/OUT are temporary files):\n")
        out += [f"- `{c}`" for c in cmds]
    return "\n".join(out)
