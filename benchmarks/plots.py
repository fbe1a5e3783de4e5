"""The report's PNG plots, drawn from a results dict (the JSON of a run), with matplotlib's Agg backend.

matplotlib is imported only when a plot is drawn; without it :func:`draw_all` draws nothing and says why
(the report is written anyway). Files (``<slug>`` is a dataset name made safe for a file name):

- ``f1_vs_pool_<slug>.png``: pairwise and B-cubed F1 against pool size (names, log axis), one line per
  system, for each cluster file;
- ``slices_<slug>.png``: per slice, the recall of gold pairs (cluster files, the pool the report's slice
  table shows) or F1 (pair files, test split; slices without true matches are left out), one bar per
  system;
- ``reliability_<slug>.png`` (pair files, test split) and ``reliability_candidates_<slug>.png``
  (candidate pairs of a cluster file): namerec's reliability diagram, mean probability against the share
  of true matches per bin (15 bins), with the number of pairs per bin below;
- ``speed.png``: seconds and peak memory against input size, log-log, one line per system.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

__all__ = ["PREFIXES", "available", "draw_all", "slug"]

PREFIXES = ("f1_vs_pool_", "slices_", "reliability_", "speed")
_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]


def available() -> str | None:
    """None when matplotlib can be imported, else why not."""
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        return f"matplotlib is not installed ({exc}); pip install -e '.[bench]'"
    return None


def slug(name: str) -> str:
    return re.sub(r"[^0-9A-Za-z_.-]+", "_", name).strip("_") or "dataset"


def _plt() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _colour(systems: list[str], name: str) -> str:
    return _COLOURS[systems.index(name) % len(_COLOURS)] if name in systems else "#333333"


def _ok(v: Any) -> bool:
    return isinstance(v, int | float) and not (isinstance(v, float) and math.isnan(v))


def _short(v: float) -> str:
    if v >= 1_000_000:
        return f"{v / 1_000_000:g}M"
    if v >= 1_000:
        return f"{v / 1_000:g}k"
    return f"{v:g}"


def _log_axis(axis: Any, ticks: list[float] | None = None) -> None:
    """Readable log-scale ticks: at ``ticks`` when given, else 1-2-5 steps; plain numbers, no 10^x."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    if ticks:
        axis.set_ticks(sorted(set(ticks)))
    else:
        axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: _short(v)))
    axis.set_minor_formatter(NullFormatter())


def _save(fig: Any, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=110, bbox_inches="tight")
    _plt().close(fig)
    return path


def _results(r: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["system"]: s for s in r.get("results", []) if "na" not in s}


def f1_vs_pool(q: dict[str, Any], file: str, path: Path) -> Path | None:
    plt = _plt()
    systems = [s["system"] for s in q["systems"]]
    pools = [r for r in q["clusters"] if r["file"] == file]
    if not pools:
        return None
    fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharey=True)
    drawn = False
    for ax, key, title in ((axes[0], "pairwise_f1", "pairwise F1"), (axes[1], "bcubed_f1", "B-cubed F1")):
        for name in systems:
            pts = sorted((r["rows"], _results(r)[name][key], r["pool"]) for r in pools if name in _results(r))
            pts = [p for p in pts if _ok(p[1])]
            if not pts:
                continue
            drawn = True
            ax.plot(
                [p[0] for p in pts], [p[1] for p in pts], marker="o", label=name, color=_colour(systems, name)
            )
        ax.set_xscale("log")
        _log_axis(ax.xaxis, [r["rows"] for r in pools])
        ax.set_xlabel("names in the pool (log scale)")
        ax.set_title(title)
        ax.set_ylim(0, 1.02)
        ax.grid(True, alpha=0.3)
    if not drawn:
        plt.close(fig)
        return None
    axes[0].set_ylabel("F1")
    axes[1].legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.02, 1.0))
    labels = ", ".join(f"{r['pool']} = {r['rows']:,} names" for r in sorted(pools, key=lambda r: r["rows"]))
    fig.suptitle(f"{file}: F1 against pool size\n{labels}", fontsize=10)
    return _save(fig, path)


def _bars(
    title: str,
    ylabel: str,
    slices_: list[str],
    series: dict[str, list[float | None]],
    systems: list[str],
    counts: list[str],
    path: Path,
) -> Path | None:
    if not slices_ or not series:
        return None
    plt = _plt()
    fig, ax = plt.subplots(figsize=(max(6, 1.1 * len(slices_) + 2), 4))
    width = 0.8 / len(series)
    for k, (name, vals) in enumerate(series.items()):
        xs = [i + (k - (len(series) - 1) / 2) * width for i in range(len(slices_))]
        ax.bar(xs, [v if _ok(v) else 0 for v in vals], width, label=name, color=_colour(systems, name))
    ax.set_xticks(range(len(slices_)))
    ax.set_xticklabels([f"{s}\n({c})" for s, c in zip(slices_, counts)], fontsize=8, rotation=20, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel(ylabel)
    ax.set_title(title, fontsize=10)
    ax.grid(True, axis="y", alpha=0.3)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return _save(fig, path)


def slices_clusters(q: dict[str, Any], file: str, path: Path) -> Path | None:
    from benchmarks import quality, slices

    r = quality.slice_pool(q, file)
    if r is None:
        return None
    systems = [s["system"] for s in q["systems"]]
    res = {k: v for k, v in _results(r).items() if v.get("slice_recall")}
    names = [s for s in slices.SLICES if r["slice_pairs"].get(s)]
    series = {n: [res[n]["slice_recall"].get(s) for s in names] for n in systems if n in res}
    counts = [f"{r['slice_pairs'][s]:,}" for s in names]
    return _bars(
        f"{file}, {r['pool']}: recall of gold pairs per slice", "recall", names, series, systems, counts, path
    )


def slices_pairs(q: dict[str, Any], r: dict[str, Any], path: Path) -> Path | None:
    from benchmarks import slices

    systems = [s["system"] for s in q["systems"]]
    res = {k: v for k, v in _results(r).items() if v.get("slices")}
    # slices without true matches have no meaningful F1 (the table gives their false-positive rate)
    names = [s for s in slices.SLICES if ((r.get("slice_counts") or {}).get(s) or {}).get("matches")]
    series = {n: [(res[n]["slices"].get(s) or {}).get("f1") for s in names] for n in systems if n in res}
    counts = [f"{r['slice_counts'][s]['pairs']:,}" for s in names]
    return _bars(f"{r['file']} ({r['split']}): F1 per slice", "F1", names, series, systems, counts, path)


def reliability(
    title: str, bins: list[dict[str, Any]], ece: float | None, path: Path, label: str = "namerec",
    second: tuple[str, list[dict[str, Any]], float | None] | None = None,
) -> Path | None:
    """A reliability diagram; ``second`` = (label, bins, ECE) adds another curve (e.g. after calibrate)."""
    full = [b for b in bins if b.get("count")]
    if not full:
        return None
    plt = _plt()
    fig, (ax, ax2) = plt.subplots(2, 1, figsize=(5, 5.6), sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    ax.plot([0, 1], [0, 1], linestyle="--", color="#999999", label="perfect calibration")
    ax.plot(
        [b["mean_prob"] for b in full],
        [b["frac_pos"] for b in full],
        marker="o",
        color=_COLOURS[0],
        label=label,
    )
    if second is not None:
        other = [b for b in second[1] if b.get("count")]
        other_ece = f" (ECE {second[2]:.3f})" if _ok(second[2]) else ""
        ax.plot([b["mean_prob"] for b in other], [b["frac_pos"] for b in other], marker="s",
                color=_COLOURS[1], label=second[0] + other_ece)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_ylabel("share of true matches")
    ece_txt = f" (ECE {ece:.3f})" if _ok(ece) else ""
    ax.set_title(f"{title}{ece_txt}", fontsize=9)
    ax.legend(fontsize=8, loc="upper left")
    ax.grid(True, alpha=0.3)
    ax2.bar(
        [(b["lower"] + b["upper"]) / 2 for b in full],
        [b["count"] for b in full],
        width=(full[0]["upper"] - full[0]["lower"]) * 0.9,
        color=_COLOURS[0],
    )
    ax2.set_yscale("log")
    _log_axis(ax2.yaxis)
    ax2.set_ylabel("pairs")
    ax2.set_xlabel("predicted probability (15 equal-width bins)")
    return _save(fig, path)


def speed(s: dict[str, Any], path: Path) -> Path | None:
    plt = _plt()
    systems = list(s.get("systems") or dict.fromkeys(r["system"] for r in s["runs"]))
    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    drawn = False
    for ax, key, label in (
        (axes[0], "seconds", "seconds (wall, whole command)"),
        (axes[1], "max_rss_mb", "peak RSS (MB)"),
    ):
        for name in systems:
            pts = sorted(
                (r["names"], r[key])
                for r in s["runs"]
                if r["system"] == name and "na" not in r and _ok(r.get(key)) and r[key] > 0
            )
            if not pts:
                continue
            drawn = True
            ax.plot(
                [p[0] for p in pts], [p[1] for p in pts], marker="o", label=name, color=_colour(systems, name)
            )
        ax.set_xscale("log")
        ax.set_yscale("log")
        ys = [r[key] for r in s["runs"] if "na" not in r and _ok(r.get(key)) and r[key] > 0]
        if ys:  # at least a factor of 4 top to bottom, so a flat line looks flat
            ax.set_ylim(min(ys) / 2, max(ys) * 2)
        _log_axis(ax.xaxis, [r["names"] for r in s["runs"] if "na" not in r])
        _log_axis(ax.yaxis)
        ax.set_xlabel("names (log scale)")
        ax.set_ylabel(label)
        ax.grid(True, which="major", alpha=0.3)
    # a dotted line of slope 1 (time proportional to names) through namerec's smallest run, for reference
    first = sorted(
        (r["names"], r["seconds"])
        for r in s["runs"]
        if r["system"] == (systems[0] if systems else "") and "na" not in r and _ok(r.get("seconds"))
    )
    sizes = sorted({r["names"] for r in s["runs"] if "na" not in r})
    if first and len(sizes) > 1:
        n0, t0 = first[0]
        axes[0].plot(
            sizes, [t0 * n / n0 for n in sizes], linestyle=":", color="#777777", label="linear growth"
        )
    if not drawn:
        plt.close(fig)
        return None
    axes[0].set_title("time against input size", fontsize=10)
    axes[1].set_title("peak memory against input size", fontsize=10)
    handles, labels = axes[0].get_legend_handles_labels()
    axes[1].legend(handles, labels, fontsize=8, loc="upper left", bbox_to_anchor=(1.02, 1.0))
    return _save(fig, path)


def draw_all(data: dict[str, Any], out_dir: str | Path) -> dict[str, Any]:
    """Every plot of a results dict into ``out_dir``; old plot files there are removed first.

    Returns ``{"skipped": reason or None, "files": [{"kind", "key", "title", "path"}]}`` where kind is
    f1_vs_pool, slices, reliability or speed and key the dataset (or "candidates:<dataset>").
    """
    why = available()
    if why:
        return {"skipped": why, "files": []}
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        if old.name.startswith(PREFIXES):
            old.unlink()
    files: list[dict[str, Any]] = []

    def add(kind: str, key: str, title: str, got: Path | None) -> None:
        if got is not None:
            files.append({"kind": kind, "key": key, "title": title, "path": str(got)})

    q = data.get("quality")
    if q:
        from benchmarks import quality

        q = quality.upgrade_legacy(q)
        for f in dict.fromkeys(r["file"] for r in q["clusters"]):
            add(
                "f1_vs_pool",
                f,
                f"{f}: F1 against pool size",
                f1_vs_pool(q, f, out / f"f1_vs_pool_{slug(f)}.png"),
            )
            add("slices", f, f"{f}: recall per slice", slices_clusters(q, f, out / f"slices_{slug(f)}.png"))
        for r in q["pairs"]:
            if not r["split"].startswith("test"):
                continue
            f = r["file"]
            add("slices", f, f"{f}: F1 per slice", slices_pairs(q, r, out / f"slices_{slug(f)}.png"))
            label = q["systems"][0]["system"]
            own = _results(r).get(label)
            if own and own.get("reliability"):
                after = r.get("calibrated") or {}
                second = (
                    (f"after calibrate on {after.get('train_pairs', 0):,} train pairs", after["reliability"],
                     after.get("ece"))
                    if after.get("reliability") else None
                )
                add(
                    "reliability",
                    f,
                    f"{f} ({r['split']})",
                    reliability(
                        f"{label}, {f} ({r['split']})",
                        own["reliability"],
                        own.get("ece"),
                        out / f"reliability_{slug(f)}.png",
                        label,
                        second,
                    ),
                )
        label = q["systems"][0]["system"] if q.get("systems") else "namerec"
        for r in q["candidate_calibration"]:
            if r.get("reliability"):
                f = r["file"]
                add(
                    "reliability",
                    f"candidates:{f}",
                    f"{f}: candidate pairs",
                    reliability(
                        f"{label}, candidate pairs of {f} ({r['rows']:,} names)",
                        r["reliability"],
                        r.get("ece"),
                        out / f"reliability_candidates_{slug(f)}.png",
                        label,
                    ),
                )
    sp = data.get("speed")
    if sp and sp.get("runs"):
        from benchmarks import speed as speed_mod

        add(
            "speed",
            "speed",
            "time and peak memory against input size",
            speed(speed_mod.upgrade_legacy(sp), out / "speed.png"),
        )
    return {"skipped": None, "files": files}
