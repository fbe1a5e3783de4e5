"""Speed runs: ``namerec cluster`` end to end at several input sizes, beside string_grouper on the same names.

The input of size N: the distinct names of the run's cluster files pooled (76,151 for the shared files),
shuffled (seeded); when N is below that, the first N of them, and when it is above, all of them topped up
to N with seeded synthetic variants from :mod:`benchmarks.generate`, shuffled again. Sizes: 10,000,
20,000, 50,000, 100,000 and 1,000,000 names (``--quick``: 5,000 and 10,000); ``--max-n`` caps them.

Each measurement is its own fresh process (``python -m benchmarks.measure``), which runs the command and
reads the peak resident memory of that one child. Measured: wall seconds of the whole command
(start-up, CSV read, work, CSV write), names/s, peak RSS; and how time grows: per step between two
sizes, t(n2)/t(n1) expressed per doubling of the input ((t2/t1) ** (log 2 / log(n2/n1)): 2.0 = linear,
4.0 = quadratic), and the same from a least-squares fit of log t on log n over every size.

A system that cannot run at a size gets a row with ``"na"`` and the reason: above ``--max-n``, not
installed, failed or timed out at a smaller size, or the error of this run.

Quality on the labelled part: pairwise and B-cubed F1 over the rows that come from the cluster files and
belong to exactly one entity (a string listed under two entities, or under entities of two files, has no
single gold label and is left out, as are the synthetic variants).

Systems: ``namerec`` (the console script), ``string_grouper`` (``python -m benchmarks.peers
string_grouper``), or the name of any peer of :func:`benchmarks.peers.all_peers`, run untrained through
``Peer.cluster`` in its own process (``python -m benchmarks.speed peer NAME IN.csv OUT.csv TIMING.json``).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import datasets, generate, metrics
from benchmarks.progress import log
from benchmarks.report import md_table

__all__ = [
    "FULL_SIZES",
    "QUICK_SIZES",
    "SpeedPool",
    "build_speed_pool",
    "growth",
    "namerec_command",
    "run_speed",
    "speed_markdown",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
FULL_SIZES = (10_000, 20_000, 50_000, 100_000, 1_000_000)
QUICK_SIZES = (5_000, 10_000)
SYSTEMS = ("namerec", "string_grouper")
TIMEOUT_S = 4 * 3600
# kept for callers of the two-size interface (core/speed commands)
FULL_N = 100_000
QUICK_N = 20_000


@dataclass
class SpeedPool:
    names: list[str]
    gold: list[str | None]  # one entity per labelled real name, None otherwise
    synthetic: list[bool]
    real_distinct: int


def _source_rows(sources: Sequence[str] | None) -> list[datasets.ClusterRow]:
    rows = []
    for f in sources if sources is not None else datasets.CLUSTER_FILES:
        stem = Path(f).stem
        # entity ids are prefixed with the file so ids of two files can never collide
        rows += [r._replace(entity_id=f"{stem}:{r.entity_id}") for r in datasets.load_clusters(f)]
    return rows


def build_speed_pool(
    n_total: int = FULL_N, seed: int = 7, sources: Sequence[str] | None = None, rows: list | None = None
) -> SpeedPool:
    """The ``n_total``-name input: real names of the cluster files ``sources`` (default: the shared
    ones), topped up with synthetic variants when there are fewer."""
    rows = rows if rows is not None else _source_rows(sources)
    if not rows:
        raise ValueError("no cluster rows to draw names from")
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


def _measure(cmd: list[str], workdir: Path, tag: str, timeout: float) -> dict[str, Any]:
    result = workdir / f"{tag}.measure.json"
    result.unlink(missing_ok=True)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
    }
    wrapper = [sys.executable, "-m", "benchmarks.measure", str(result), "--", *cmd]
    try:
        proc = subprocess.run(
            wrapper, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:,.0f} s"}
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
        "pairwise_p": pw["precision"],
        "pairwise_r": pw["recall"],
        "pairwise_f1": pw["f1"],
        "bcubed_f1": b3["f1"],
        "clusters": len(set(pred)),
        "largest_cluster": max(Counter(pred).values()),
    }


def _system_unavailable(system: str) -> str | None:
    if system == "namerec":
        return None if namerec_command() else "namerec console script not found (pip install -e .)"
    if system == "string_grouper":
        if importlib.util.find_spec("string_grouper") is None:
            return "string_grouper not installed (pip install -e '.[bench]')"
        return None
    peer = _find_peer(system)
    if peer is None:
        return f"no system or peer named {system!r}"
    try:
        return peer.unavailable()
    except Exception as exc:  # noqa: BLE001
        return f"error in unavailable(): {exc}"[:300]


def _find_peer(name: str) -> Any:
    from benchmarks.peers import all_peers

    want = name.casefold()
    for p in all_peers():
        if p.name.casefold() == want or type(p).__name__.casefold() == want:
            return p
    for p in all_peers():
        if want in p.name.casefold() or want in type(p).__name__.casefold():
            return p
    return None


def _command(system: str, inp: Path, out_csv: Path, inner: Path) -> tuple[list[str], str]:
    if system == "namerec":
        base = namerec_command() or ["namerec"]
        return [*base, "cluster", str(inp), "--column", "name", "-o", str(out_csv)], "entity_id"
    if system == "string_grouper":
        return [
            sys.executable,
            "-m",
            "benchmarks.peers",
            "string_grouper",
            str(inp),
            str(out_csv),
            str(inner),
        ], "group"
    return [
        sys.executable,
        "-m",
        "benchmarks.speed",
        "peer",
        system,
        str(inp),
        str(out_csv),
        str(inner),
    ], "group"


def _run_files(system: str, n: int, workdir: Path) -> tuple[str, Path, Path]:
    """A system's run at ``n`` names: its tag, output CSV and the peer's own timing file."""
    tag = f"{''.join(c if c.isalnum() else '_' for c in system)}-{n}"
    return tag, workdir / f"{tag}.out.csv", workdir / f"{tag}.inner.json"


def _trial(system: str, inp: Path, workdir: Path, n: int, timeout: float) -> dict[str, Any]:
    """One timed run of ``system`` on ``inp`` (``n`` names) in a fresh process."""
    tag, out_csv, inner = _run_files(system, n, workdir)
    inner.unlink(missing_ok=True)
    trial = _measure(_command(system, inp, out_csv, inner)[0], workdir, tag, timeout)
    if inner.exists():  # the peer's own in-call time, kept with its trial
        trial["inner_seconds"] = json.loads(inner.read_text(encoding="utf-8"))["seconds"]
    return trial


def _summarise(
    system: str, trials: list[dict], inp: Path, workdir: Path, names: list[str], gold: list[str | None]
) -> dict:
    """One result row from a system's trials at one size: the fastest run, the worst memory, quality."""
    _, out_csv, inner = _run_files(system, len(names), workdir)
    res: dict[str, Any] = {"system": system, "names": len(names)}
    cmd, column = _command(system, inp, out_csv, inner)
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
        res["na"] = f"error: {res.pop('error')}"
        log(f"speed: {system} on {len(names):,} names FAILED: {res['na']}")
        return res
    res["names_per_s"] = len(names) / res["seconds"] if res["seconds"] > 0 else float("nan")
    try:
        res.update(_labelled_scores(gold, _read_labels(out_csv, column, names)))
    except (ValueError, OSError) as exc:
        res["output_error"] = f"output unusable: {exc}"
    log(
        f"speed: {system} on {len(names):,} names: {res['seconds']:.1f} s, {res['max_rss_mb']:.0f} MB peak"
        + (f", labelled pairwise F1 {res['pairwise_f1']:.3f}" if "pairwise_f1" in res else "")
    )
    return res


def _run_systems(
    systems: Sequence[str],
    inp: Path,
    workdir: Path,
    names: list[str],
    gold: list[str | None],
    repeat: int = 1,
    timeout: float = TIMEOUT_S,
) -> list[dict]:
    """Every system on one input, ``repeat`` rounds.

    The rounds interleave the systems (A B, A B, ...) rather than repeating each back to back, so
    that a spell of load from outside the run slows both systems of a round, not one system's runs.
    Each row keeps its own round's seconds in ``all_seconds`` (in round order); a system that fails
    is not run again.
    """
    trials: dict[str, list[dict]] = {s: [] for s in systems}
    for round_ in range(max(1, repeat)):
        for s in systems:
            if trials[s] and "error" in trials[s][-1]:
                continue
            log(f"speed: {s} on {len(names):,} names, run {round_ + 1} of {max(1, repeat)} ...")
            trials[s].append(_trial(s, inp, workdir, len(names), timeout))
    return [_summarise(s, trials[s], inp, workdir, names, gold) for s in systems]


def paired_ratios(a: dict, b: dict) -> list[float]:
    """time(a) / time(b) round by round, for two rows measured in the same interleaved rounds."""
    sa, sb = a.get("all_seconds") or [a["seconds"]], b.get("all_seconds") or [b["seconds"]]
    return [x / y for x, y in zip(sa, sb) if x and y]


def growth(runs: list[dict], system: str) -> dict[str, Any]:
    """How time (and peak memory) grow with the input for one system: per step and fitted, per doubling."""
    ok = sorted(
        (r for r in runs if r["system"] == system and "na" not in r and r.get("seconds", 0) > 0),
        key=lambda r: r["names"],
    )
    steps = []
    for a, b in zip(ok, ok[1:]):
        ratio = b["seconds"] / a["seconds"]
        steps.append(
            {
                "from": a["names"],
                "to": b["names"],
                "time_ratio": ratio,
                "per_doubling": ratio ** (math.log(2) / math.log(b["names"] / a["names"])),
            }
        )
    out: dict[str, Any] = {"steps": steps}
    if len(ok) >= 2:
        x = [math.log(r["names"]) for r in ok]
        for key, field in (("fit_per_doubling", "seconds"), ("memory_fit_per_doubling", "max_rss_mb")):
            y = [math.log(max(r.get(field) or 0.0, 1e-9)) for r in ok]
            mx, my = sum(x) / len(x), sum(y) / len(y)
            sxx = sum((a - mx) ** 2 for a in x)
            slope = sum((a - mx) * (b - my) for a, b in zip(x, y)) / sxx if sxx else float("nan")
            out[key] = 2.0**slope
            if key == "fit_per_doubling":
                out["exponent"] = slope
    return out


def run_speed(
    sizes: Sequence[int] = FULL_SIZES,
    seed: int = 7,
    systems: Sequence[str] = SYSTEMS,
    repeat: int = 1,
    max_n: int | None = None,
    sources: Sequence[str] | None = None,
    timeout: float = TIMEOUT_S,
    repeat_max_n: int | None = None,
) -> dict:
    """Every system at every size (ascending); ``sources``: cluster files to draw names from. Each
    size is run ``repeat`` times, or once when it is above ``repeat_max_n``."""
    sizes = sorted(set(int(n) for n in sizes))
    log(f"speed: sizes {', '.join(f'{n:,}' for n in sizes)}; systems {', '.join(systems)}")
    rows = _source_rows(sources)
    unavailable = {s: _system_unavailable(s) for s in systems}
    failed: dict[str, str] = {}
    runs: list[dict] = []
    pools: list[dict] = []
    real_distinct = len({r.name for r in rows})
    with tempfile.TemporaryDirectory(prefix="namerec-speed-") as td:
        work = Path(td)
        for n in sizes:
            if max_n is not None and n > max_n:
                runs += [{"system": s, "names": n, "na": f"above --max-n {max_n:,}"} for s in systems]
                continue
            todo = [s for s in systems if not unavailable[s] and s not in failed]
            for s in systems:
                if unavailable[s]:
                    runs.append({"system": s, "names": n, "na": unavailable[s]})
                elif s in failed:
                    runs.append({"system": s, "names": n, "na": failed[s]})
            if not todo:
                continue
            log(f"speed: building the {n:,}-name input")
            t = time.perf_counter()
            pool = build_speed_pool(n, seed, rows=rows)
            pools.append(
                {
                    "names": n,
                    "real": n - sum(pool.synthetic),
                    "synthetic": sum(pool.synthetic),
                    "labelled": sum(g is not None for g in pool.gold),
                    "build_seconds": time.perf_counter() - t,
                }
            )
            inp = work / f"names-{n}.csv"
            _write_names(inp, pool.names)
            rounds = 1 if repeat_max_n is not None and n > repeat_max_n else repeat
            for r in _run_systems(todo, inp, work, pool.names, pool.gold, rounds, timeout):
                runs.append(r)
                if "na" in r:
                    failed[r["system"]] = f"failed at {n:,} names ({r['na'][:120]})"
            inp.unlink(missing_ok=True)
    order = {s: i for i, s in enumerate(systems)}
    runs.sort(key=lambda r: (order.get(r["system"], 99), r["names"]))
    summary: dict[str, Any] = {}
    by = {(r["system"], r["names"]): r for r in runs if "na" not in r}
    if "namerec" in systems and "string_grouper" in systems:
        summary["namerec_over_string_grouper"] = {
            str(n): by[("namerec", n)]["seconds"] / by[("string_grouper", n)]["seconds"]
            for n in sizes
            if ("namerec", n) in by
            and ("string_grouper", n) in by
            and by[("string_grouper", n)]["seconds"] > 0
        }
        # the same ratio round by round: each round's two runs shared the machine's load
        summary["namerec_over_string_grouper_rounds"] = {
            str(n): paired_ratios(by[("namerec", n)], by[("string_grouper", n)])
            for n in sizes
            if ("namerec", n) in by and ("string_grouper", n) in by
        }
    return {
        "sizes": sizes,
        "max_n": max_n,
        "seed": seed,
        "repeat": repeat,
        "repeat_max_n": repeat_max_n,
        "systems": list(systems),
        "sources": [Path(f).stem for f in (sources if sources is not None else datasets.CLUSTER_FILES)],
        "real_distinct_names": real_distinct,
        "pools": pools,
        "runs": runs,
        "growth": {s: growth(runs, s) for s in systems},
        "summary": summary,
    }


def upgrade_legacy(s: dict[str, Any]) -> dict[str, Any]:
    """A speed dict of the earlier two-size layout (n_half, n_total) in the current shape."""
    if "n_total" not in s:
        return s
    runs = [
        {**{k: v for k, v in r.items() if k != "error"}, **({"na": r["error"]} if "error" in r else {})}
        for r in s.get("runs", [])
    ]
    systems = list(dict.fromkeys(r["system"] for r in runs))
    n = s["n_total"]
    ratio = s.get("summary", {}).get("namerec_over_string_grouper")
    return {
        "sizes": [s["n_half"], n],
        "max_n": None,
        "seed": s.get("seed"),
        "repeat": s.get("repeat", 1),
        "systems": systems,
        "sources": datasets.CLUSTER_FILES,
        "real_distinct_names": s["real_distinct_names"],
        "pools": [
            {
                "names": n,
                "real": n - s["synthetic_names"],
                "synthetic": s["synthetic_names"],
                "labelled": s["labelled_names"],
            }
        ],
        "runs": runs,
        "growth": {x: growth(runs, x) for x in systems},
        "summary": {"namerec_over_string_grouper": {str(n): ratio}} if ratio else {},
    }


def _num(value: Any, digits: int) -> str | None:
    if not isinstance(value, int | float):
        return None
    return f"{value:,.{digits}f}"


def _runs_phrase(s: dict[str, Any]) -> str:
    """How many runs each size's seconds are the fastest of."""
    repeat, cap = s.get("repeat", 1), s.get("repeat_max_n")
    if repeat <= 1:
        return ", one run"
    if cap is not None and any(n > cap for n in s.get("sizes", ())):
        return f", the fastest of {repeat} runs up to {cap:,} names and one run above"
    return f", the fastest of {repeat} runs"


def speed_markdown(s: dict[str, Any]) -> str:
    s = upgrade_legacy(s)
    pools = ", ".join(
        f"{p['names']:,} = {p['real']:,} real + {p['synthetic']:,} synthetic ({p['labelled']:,} labelled)"
        for p in s["pools"]
    )
    out = [
        f"Input: the {s['real_distinct_names']:,} distinct names of the cluster files "
        f"({', '.join(s['sources'])}), shuffled (seed {s['seed']}); below that size a prefix, above it "
        f"topped up with synthetic variants (benchmarks/generate.py). Inputs: {pools or 'none run'}. "
        "Labelled = real names with exactly one gold entity.\n",
        "Each run is a fresh process; seconds are wall time of the whole command (start-up and CSV I/O "
        "included)"
        + _runs_phrase(s)
        + "; peak RSS is the larger of the largest single process's maximum resident set and the "
        "proportional set size summed over the command and its worker processes (sampled every 0.2 s; "
        "namerec spreads large inputs over the cores).\n",
    ]
    rows = []
    for r in s["runs"]:
        if "na" in r:
            rows.append([r["system"], r["names"], f"n/a: {r['na']}"] + [None] * 8)
            continue
        rows.append(
            [
                r["system"],
                r["names"],
                _num(r.get("seconds"), 2),
                _num(r.get("inner_seconds"), 2),
                _num(r.get("names_per_s"), 0),
                _num(r.get("max_rss_mb"), 0),
                r.get("pairwise_p"),
                r.get("pairwise_r"),
                r.get("pairwise_f1"),
                r.get("bcubed_f1"),
                r.get("largest_cluster"),
            ]
        )
    out.append(
        md_table(
            [
                "system",
                "names",
                "seconds",
                "in-call s",
                "names/s",
                "peak RSS MB",
                "labelled pw P",
                "pw R",
                "pw F1",
                "B³ F1",
                "largest cluster",
            ],
            rows,
            digits=3,
        )
    )
    grow = []
    for system, g in s.get("growth", {}).items():
        for st in g.get("steps", []):
            grow.append([system, f"{st['from']:,} → {st['to']:,}", st["time_ratio"], st["per_doubling"]])
        if "fit_per_doubling" in g:
            grow.append([system, "fit over all sizes (time)", None, g["fit_per_doubling"]])
            grow.append([system, "fit over all sizes (peak RSS)", None, g["memory_fit_per_doubling"]])
    if grow:
        out.append(
            "\nGrowth: time ratio between consecutive sizes, and the same per doubling of the input "
            "(2.0 = linear, 4.0 = quadratic; the fits are least squares of log t on log n):\n"
        )
        out.append(md_table(["system", "sizes", "time ratio", "per doubling"], grow, digits=2))
    ratios = s.get("summary", {}).get("namerec_over_string_grouper") or {}
    if ratios:
        out.append(
            "\ntime(namerec) / time(string_grouper): "
            + ", ".join(f"**{v:.2f}** at {int(k):,}" for k, v in ratios.items())
            + " (fastest run over fastest run)."
        )
    rounds = {k: v for k, v in (s.get("summary", {}).get("namerec_over_string_grouper_rounds") or {}).items()
              if len(v) > 1}
    if rounds:
        out.append(
            "Round by round (the systems' runs interleave, so each round's two runs shared the "
            "machine's load): "
            + "; ".join(
                f"{int(k):,}: {', '.join(f'{x:.2f}' for x in v)} (median {statistics.median(v):.2f})"
                for k, v in rounds.items()
            )
            + "."
        )
    cmds = sorted({r["command"] for r in s["runs"] if r.get("command")})
    if cmds:
        out.append("\nCommands (IN/OUT are temporary files):\n")
        out += [f"- `{c}`" for c in cmds]
    return "\n".join(out)


def _peer_main(argv: list[str]) -> int:
    """``python -m benchmarks.speed peer NAME IN.csv OUT.csv [TIMING.json]``: one peer, untrained."""
    if len(argv) < 4:
        print("usage: python -m benchmarks.speed peer NAME IN.csv OUT.csv [TIMING.json]", file=sys.stderr)
        return 2
    peer = _find_peer(argv[1])
    if peer is None:
        print(f"no peer named {argv[1]!r}", file=sys.stderr)
        return 2
    with open(argv[2], newline="", encoding="utf-8") as fh:
        names = [r["name"] for r in csv.DictReader(fh)]
    t = time.perf_counter()
    labels = peer.cluster(names, [""] * len(names))
    seconds = time.perf_counter() - t
    with open(argv[3], "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "group"])
        w.writerows(zip(names, [str(x) for x in labels], strict=True))
    if len(argv) > 4:
        Path(argv[4]).write_text(json.dumps({"seconds": seconds}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "peer":
        sys.exit(_peer_main(sys.argv[1:]))
    print(__doc__, file=sys.stderr)
    sys.exit(2)
