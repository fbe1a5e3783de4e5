"""Quality runs: clustering on pools of the cluster files, pair scoring on the pair files, calibration.

Everything is called in-process through an :class:`Api` (dependency injection), so the plumbing can be
run before namerec's own entry points exist: :func:`namerec_api` wraps ``namerec.reconcile``,
``namerec.Reconciler().score_pairs`` and ``namerec.candidate_pairs``; :func:`fake_api` wraps the
baseline (for testing the harness only; its numbers are not namerec's).

Clustering pools (per cluster file): seeded samples of 200 and 1,000 whole entities of the test split,
every test entity ("test split, all entities"), and every row of both splits ("whole file"). Each pool
reports pairwise and B-cubed P/R/F1, seconds, and the baseline (``benchmarks.baseline``) on the same
pool.

Pair files: probabilities from ``score_pairs`` on the test split and on the whole file: P/R/F1 at the
match threshold, average precision, ECE (15 bins); the baseline's JW >= 0.9 decision and AP beside.

Candidate-pair calibration: on the 1,000-entity test pool of each cluster file,
``namerec.candidate_pairs(names, types=types)`` gives the pairs the pipeline scored with their
probabilities; their ECE against "same gold entity" is reported, with the share of the pool's gold
pairs that were listed as candidates (a lower bound on blocking recall: the pipeline lists one row per
distinct normalised form).
"""

from __future__ import annotations

import time
import traceback
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from benchmarks import baseline, datasets, metrics
from benchmarks.progress import log
from benchmarks.report import md_table

__all__ = ["Api", "fake_api", "namerec_api", "quality_markdown", "run_quality"]

ReconcileFn = Callable[[list[str], list[str]], Sequence[Hashable]]
ScorePairsFn = Callable[[list[tuple[str, str]]], Any]
CandidatePairsFn = Callable[[list[str], list[str]], tuple[Any, Any, Any]]

POOL_SIZES = (200, 1000)
CALIBRATION_POOL = 1000
N_BINS = 15


@dataclass
class Api:
    """What the quality runs call. ``candidate_pairs`` is None when the library does not offer it."""

    label: str
    reconcile: ReconcileFn | None
    score_pairs: ScorePairsFn | None
    candidate_pairs: CandidatePairsFn | None
    threshold: float = 0.5
    missing: list[str] = field(default_factory=list)


def namerec_api() -> Api:
    """The installed namerec's public API, with whatever parts it does not have yet listed in ``missing``."""
    try:
        import namerec
    except Exception as exc:  # noqa: BLE001 - the tree may be mid-change; report instead of crashing
        why = f"import namerec failed: {_error(exc)}"
        return Api("namerec", None, None, None, 0.5, [why])

    missing = []
    reconcile = score_pairs = candidate_pairs = None
    threshold = 0.5
    if hasattr(namerec, "reconcile"):

        def reconcile(names: list[str], types: list[str]) -> list[Hashable]:
            return list(namerec.reconcile(names, types=types).labels)
    else:
        missing.append("namerec.reconcile")
    try:
        rec = namerec.Reconciler() if hasattr(namerec, "Reconciler") else None
    except Exception as exc:  # noqa: BLE001
        rec = None
        missing.append(f"Reconciler() failed: {_error(exc)}")
    if rec is not None:

        def score_pairs(pairs: list[tuple[str, str]]) -> np.ndarray:
            return np.asarray(rec.score_pairs(pairs), dtype=np.float64)

        try:
            threshold = float(rec.config.match_threshold)
        except Exception:  # noqa: BLE001 - an unfinished Config must not stop the run
            missing.append("Reconciler().config.match_threshold (0.5 used)")
    elif not hasattr(namerec, "Reconciler"):
        missing.append("namerec.Reconciler")
    if hasattr(namerec, "candidate_pairs"):

        def candidate_pairs(names: list[str], types: list[str]) -> tuple[Any, Any, Any]:
            return namerec.candidate_pairs(names, types=types)
    else:
        missing.append("namerec.candidate_pairs")
    return Api("namerec", reconcile, score_pairs, candidate_pairs, threshold, missing)


def fake_api() -> Api:
    """The baseline dressed as the API (JW on keys as the 'probability'): for testing the plumbing."""

    def reconcile(names: list[str], types: list[str]) -> list[Hashable]:
        return baseline.baseline_labels(names)

    def candidate_pairs(names: list[str], types: list[str]) -> tuple[Any, Any, Any]:
        from rapidfuzz import process
        from rapidfuzz.distance import JaroWinkler

        keys = [baseline.baseline_key(n) for n in names]
        ii, jj, pp = [], [], []
        for s in range(0, len(keys), 1000):
            block = process.cdist(
                keys[s : s + 1000],
                keys,
                scorer=JaroWinkler.normalized_similarity,
                score_cutoff=0.8,
                dtype=np.float32,
                workers=-1,
            )
            a, b = np.nonzero(block)
            keep = b > a + s
            ii.append(a[keep] + s)
            jj.append(b[keep])
            pp.append(block[a[keep], b[keep]])
        return np.concatenate(ii), np.concatenate(jj), np.concatenate(pp).astype(np.float64)

    return Api("fake (baseline JW)", reconcile, baseline.jw_pair_scores, candidate_pairs, 0.9, [])


def _error(exc: BaseException) -> str:
    last = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return last[:300]


def _cluster_scores(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, Any]:
    pw = metrics.pairwise(gold, pred)
    b3 = metrics.bcubed(gold, pred)
    sizes = Counter(pred)
    return {
        "pairwise_p": pw["precision"],
        "pairwise_r": pw["recall"],
        "pairwise_f1": pw["f1"],
        "bcubed_p": b3["precision"],
        "bcubed_r": b3["recall"],
        "bcubed_f1": b3["f1"],
        "clusters": len(sizes),
        "largest_cluster": max(sizes.values()) if sizes else 0,
    }


def _pools(rows: list[datasets.ClusterRow], quick: bool, seed: int) -> list[tuple[str, str, list]]:
    """(label, split, rows) per pool; a size that would take every test entity is not run twice."""
    n_test = len({r.entity_id for r in datasets.split_clusters(rows, "test")})
    sizes = POOL_SIZES[:1] if quick else POOL_SIZES
    out = [
        (f"{n:,} test entities", "test", datasets.sample_pool(rows, n, seed=seed, split="test"))
        for n in sizes
        if n < n_test
    ]
    if quick and not out:
        out.append(
            (f"all {n_test:,} test entities", "test", datasets.sample_pool(rows, 0, seed=seed, split="test"))
        )
    if not quick:
        all_test = datasets.sample_pool(rows, 0, seed=seed, split="test")
        out.append(("test split, all entities", "test", all_test))
        out.append(("whole file", "all", datasets.sample_pool(rows, 0, seed=seed, split="all")))
    return out


def run_cluster_file(name: str, api: Api, quick: bool, seed: int, with_baseline: bool = True) -> list[dict]:
    rows = datasets.load_clusters(name)
    results = []
    for label, split, pool in _pools(rows, quick, seed):
        names = [r.name for r in pool]
        types = [r.entity_type for r in pool]
        gold = [r.entity_id for r in pool]
        res: dict[str, Any] = {
            "file": name,
            "pool": label,
            "split": split,
            "entities": len(set(gold)),
            "rows": len(pool),
        }
        if api.reconcile is None:
            res["error"] = "n/a (namerec.reconcile not available)"
        else:
            log(f"quality: {name} / {label}: reconcile {len(pool):,} names")
            t = time.perf_counter()
            try:
                pred = list(api.reconcile(names, types))
                res["seconds"] = time.perf_counter() - t
                if len(pred) != len(pool):
                    raise ValueError(f"{len(pred)} labels for {len(pool)} names")
                res.update(_cluster_scores(gold, pred))
            except Exception as exc:  # noqa: BLE001 - report and carry on with the other pools
                res["error"] = _error(exc)
                log(f"quality: {name} / {label}: FAILED {res['error']}")
        if with_baseline:
            t = time.perf_counter()
            b = baseline.baseline_labels(names)
            bsec = time.perf_counter() - t
            res["baseline"] = {**_cluster_scores(gold, b), "seconds": bsec}
        log(
            f"quality: {name} / {label}: pairwise F1 {res.get('pairwise_f1', float('nan')):.3f}, "
            f"B3 F1 {res.get('bcubed_f1', float('nan')):.3f}"
            + (
                f" (baseline {res['baseline']['pairwise_f1']:.3f} / {res['baseline']['bcubed_f1']:.3f})"
                if with_baseline
                else ""
            )
        )
        results.append(res)
    return results


def _pair_scores(y: np.ndarray, p: np.ndarray, threshold: float) -> dict[str, Any]:
    at = metrics.prf_at_threshold(y, p, threshold)
    return {
        "precision": at["precision"],
        "recall": at["recall"],
        "f1": at["f1"],
        "threshold": threshold,
        "average_precision": metrics.average_precision(y, p),
    }


def run_pair_file(name: str, api: Api, quick: bool, with_baseline: bool = True) -> list[dict]:
    rows = datasets.load_pairs(name)
    test_only = name in datasets.TEST_ONLY_FILES
    splits = [("test", datasets.split_pairs(rows, "test"))]
    if not quick and not test_only:
        splits.append(("whole file", rows))
    results = []
    for label, part in splits:
        pairs = [(r.name1, r.name2) for r in part]
        y = np.array([r.is_match for r in part], dtype=bool)
        res: dict[str, Any] = {
            "file": name,
            "split": label + (" (test-only file: all rows)" if test_only else ""),
            "pairs": len(part),
            "matches": int(y.sum()),
        }
        if api.score_pairs is None:
            res["error"] = "n/a (namerec.Reconciler not available)"
        else:
            log(f"quality: {name} / {label}: score {len(part):,} pairs")
            t = time.perf_counter()
            try:
                p = np.asarray(api.score_pairs(pairs), dtype=np.float64).ravel()
                res["seconds"] = time.perf_counter() - t
                if p.shape != y.shape:
                    raise ValueError(f"{p.size} probabilities for {y.size} pairs")
                res.update(_pair_scores(y, p, api.threshold))
                cal = metrics.calibration(y, p, N_BINS)
                res["ece"] = cal["ece"]
                res["reliability"] = cal["bins"]
            except Exception as exc:  # noqa: BLE001
                res["error"] = _error(exc)
                log(f"quality: {name} / {label}: FAILED {res['error']}")
        if with_baseline:
            jw = baseline.jw_pair_scores(pairs)
            res["baseline"] = _pair_scores(y, jw, baseline.JW_THRESHOLD)
        if test_only and name == "opensanctions_namebench_pairs" and "error" not in res:
            res["by_quality"] = _by_group(part, y, p, api.threshold, "quality")
        log(
            f"quality: {name} / {label}: F1 {res.get('f1', float('nan')):.3f}, "
            f"AP {res.get('average_precision', float('nan')):.3f}, ECE {res.get('ece', float('nan')):.3f}"
        )
        results.append(res)
    return results


def _by_group(
    part: list[datasets.PairRow], y: np.ndarray, p: np.ndarray, threshold: float, column: str
) -> list[dict]:
    groups = np.array([r.extra.get(column, "") for r in part])
    out = []
    for g in sorted(set(groups.tolist())):
        m = groups == g
        at = metrics.prf_at_threshold(y[m], p[m], threshold)
        out.append(
            {
                column: g or "(none)",
                "pairs": int(m.sum()),
                "matches": int(y[m].sum()),
                "precision": at["precision"],
                "recall": at["recall"],
                "f1": at["f1"],
            }
        )
    return out


def run_candidate_calibration(name: str, api: Api, seed: int) -> dict:
    rows = datasets.load_clusters(name)
    pool = datasets.sample_pool(rows, CALIBRATION_POOL, seed=seed, split="test")
    names = [r.name for r in pool]
    types = [r.entity_type for r in pool]
    gold = np.array([r.entity_id for r in pool], dtype=object)
    res: dict[str, Any] = {"file": name, "entities": len(set(gold.tolist())), "rows": len(pool)}
    if api.candidate_pairs is None:
        res["error"] = "n/a (not available)"
        return res
    log(f"quality: candidate-pair calibration on {name} ({len(pool):,} names)")
    t = time.perf_counter()
    try:
        i, j, p = api.candidate_pairs(names, types)
        res["seconds"] = time.perf_counter() - t
        i = np.asarray(i, dtype=np.int64).ravel()
        j = np.asarray(j, dtype=np.int64).ravel()
        p = np.asarray(p, dtype=np.float64).ravel()
        if not (i.shape == j.shape == p.shape):
            raise ValueError(f"i, j, probability lengths differ: {i.size}, {j.size}, {p.size}")
        y = gold[i] == gold[j] if i.size else np.zeros(0, dtype=bool)
        y = np.asarray(y, dtype=bool)
        cal = metrics.calibration(y, p, N_BINS)
        gold_pairs = metrics.pairwise(gold.tolist(), gold.tolist())["true_pairs"]
        # unordered distinct candidate pairs, so a pair listed twice is counted once. A lower bound on
        # blocking recall: the pipeline reports one row per distinct normalised form, so pairs inside a
        # form (merged before scoring) and pairs of its other rows are not listed.
        lo, hi = np.minimum(i, j), np.maximum(i, j)
        distinct = np.unique(np.stack([lo, hi], axis=1), axis=0) if i.size else np.zeros((0, 2), np.int64)
        covered = int(np.count_nonzero(gold[distinct[:, 0]] == gold[distinct[:, 1]])) if len(distinct) else 0
        res.update(
            {
                "candidate_pairs": int(i.size),
                "base_rate": float(y.mean()) if y.size else float("nan"),
                "mean_probability": float(p.mean()) if p.size else float("nan"),
                "ece": cal["ece"],
                "reliability": cal["bins"],
                "gold_pairs": gold_pairs,
                "gold_pair_coverage": covered / gold_pairs if gold_pairs else float("nan"),
                "average_precision": metrics.average_precision(y, p) if y.any() else float("nan"),
            }
        )
        log(f"quality: {name}: candidate ECE {res['ece']:.3f} over {i.size:,} pairs")
    except Exception as exc:  # noqa: BLE001
        res["error"] = _error(exc)
        log(f"quality: candidate calibration on {name}: FAILED {res['error']}")
    return res


def _warm_up(api: Api) -> dict[str, Any]:
    """One tiny call of each entry point, so lazy loading is not charged to the first pool."""
    names = ["Max Bergmann", "Max Bergman", "ACME B.V."]
    types = ["PER", "PER", "ORG"]
    out: dict[str, Any] = {}
    t = time.perf_counter()
    try:
        if api.reconcile is not None:
            api.reconcile(names, types)
        if api.score_pairs is not None:
            api.score_pairs([("Max Bergmann", "Max Bergman")])
    except Exception as exc:  # noqa: BLE001 - the real runs will report it per pool
        out["error"] = _error(exc)
    out["seconds"] = time.perf_counter() - t
    return out


def run_quality(api: Api, quick: bool = False, seed: int = 7, with_baseline: bool = True) -> dict[str, Any]:
    log(f"quality: api = {api.label}; missing: {', '.join(api.missing) or 'nothing'}")
    warm = _warm_up(api)
    clusters = [
        r for f in datasets.CLUSTER_FILES for r in run_cluster_file(f, api, quick, seed, with_baseline)
    ]
    pairs = [r for f in datasets.PAIR_FILES for r in run_pair_file(f, api, quick, with_baseline)]
    calib = [run_candidate_calibration(f, api, seed) for f in datasets.CLUSTER_FILES]
    return {
        "api": api.label,
        "missing": api.missing,
        "threshold": api.threshold,
        "seed": seed,
        "warm_up": warm,
        "clusters": clusters,
        "pairs": pairs,
        "candidate_calibration": calib,
    }


def quality_markdown(q: dict[str, Any]) -> str:
    out = []
    note = f" Missing from the library: {', '.join(q['missing'])}." if q["missing"] else ""
    out.append(f"Implementation measured: **{q['api']}**.{note}")
    if q["warm_up"].get("seconds") is not None:
        out.append(f"Warm-up call (lazy loading, not counted below): {q['warm_up']['seconds']:.2f} s.")

    out.append("\n### Clustering (`namerec.reconcile(names, types=types)`, in-process)\n")
    out.append(
        "Pools are seeded samples of whole entities (seed "
        f"{q['seed']}); baseline = anyascii+casefold key, Jaro-Winkler >= 0.9, connected components.\n"
    )
    rows = []
    for r in q["clusters"]:
        b = r.get("baseline", {})
        rows.append(
            [
                r["file"],
                r["pool"],
                r["entities"],
                r["rows"],
                r.get("pairwise_p"),
                r.get("pairwise_r"),
                r.get("pairwise_f1", r.get("error")),
                r.get("bcubed_p"),
                r.get("bcubed_r"),
                r.get("bcubed_f1"),
                r.get("largest_cluster"),
                r.get("seconds"),
                b.get("pairwise_f1"),
                b.get("bcubed_f1"),
                b.get("largest_cluster"),
                b.get("seconds"),
            ]
        )
    out.append(
        md_table(
            [
                "file",
                "pool",
                "entities",
                "names",
                "pw P",
                "pw R",
                "pw F1",
                "B³ P",
                "B³ R",
                "B³ F1",
                "largest",
                "s",
                "base pw F1",
                "base B³ F1",
                "base largest",
                "base s",
            ],
            rows,
        )
    )

    out.append("\n### Pair files (`Reconciler().score_pairs`)\n")
    out.append(
        f"Decision: probability >= {q['threshold']} (the match threshold). AP = average precision "
        "(threshold-free). ECE over 15 equal-width bins. Baseline: JW >= 0.9 on the same keys.\n"
    )
    rows = []
    for r in q["pairs"]:
        b = r.get("baseline", {})
        rows.append(
            [
                r["file"],
                r["split"],
                r["pairs"],
                r["matches"],
                r.get("precision"),
                r.get("recall"),
                r.get("f1", r.get("error")),
                r.get("average_precision"),
                r.get("ece"),
                r.get("seconds"),
                b.get("f1"),
                b.get("average_precision"),
            ]
        )
    out.append(
        md_table(
            ["file", "split", "pairs", "matches", "P", "R", "F1", "AP", "ECE", "s", "base F1", "base AP"],
            rows,
        )
    )
    for r in q["pairs"]:
        if r.get("by_quality"):
            out.append(f"\n{r['file']} by quality tier (test):\n")
            out.append(
                md_table(
                    ["tier", "pairs", "matches", "P", "R", "F1"],
                    [
                        [g["quality"], g["pairs"], g["matches"], g["precision"], g["recall"], g["f1"]]
                        for g in r["by_quality"]
                    ],
                )
            )

    out.append("\n### Candidate-pair calibration (`namerec.candidate_pairs`, 1,000-entity test pools)\n")
    out.append(
        "ECE of the pipeline's probability for the pairs it scored against 'same gold entity'; "
        "gold-pair coverage = share of the pool's gold pairs listed among the candidates; a lower bound on "
        "blocking recall, as the pipeline lists one row per distinct normalised form (pairs inside a form "
        "are merged before scoring and not listed).\n"
    )
    rows = [
        [
            r["file"],
            r["entities"],
            r["rows"],
            r.get("candidate_pairs", r.get("error")),
            r.get("base_rate"),
            r.get("mean_probability"),
            r.get("ece"),
            r.get("average_precision"),
            r.get("gold_pair_coverage", r.get("blocking_recall")),
            r.get("seconds"),
        ]
        for r in q["candidate_calibration"]
    ]
    out.append(
        md_table(
            [
                "file",
                "entities",
                "names",
                "candidate pairs",
                "match rate",
                "mean prob",
                "ECE",
                "AP",
                "gold-pair coverage",
                "s",
            ],
            rows,
        )
    )

    rel = [(f"{r['file']} ({r['split']})", r["reliability"]) for r in q["pairs"] if r.get("reliability")]
    rel += [
        (f"{r['file']} candidate pairs", r["reliability"])
        for r in q["candidate_calibration"]
        if r.get("reliability")
    ]
    if rel:
        out.append("\n### Reliability tables (15 bins; empty bins omitted)\n")
        for title, bins in rel:
            out.append(f"\n{title}:\n")
            out.append(
                md_table(
                    ["bin", "pairs", "mean prob", "match rate", "gap"],
                    [
                        [
                            f"({b['lower']:.2f}, {b['upper']:.2f}]",
                            b["count"],
                            b["mean_prob"],
                            b["frac_pos"],
                            b["gap"],
                        ]
                        for b in bins
                        if b["count"]
                    ],
                )
            )
    return "\n".join(out)
