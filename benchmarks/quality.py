"""Quality runs: namerec and every peer on the same pools and pair files, by slice, with calibration.

namerec is called in-process through an :class:`Api` (dependency injection, so the harness runs while
parts of the library are missing): :func:`namerec_api` wraps ``namerec.reconcile``,
``namerec.Reconciler().score_pairs`` and ``namerec.candidate_pairs``; :func:`fake_api` wraps the
baseline (for testing the harness only; its numbers are not namerec's). The peers are the
:class:`benchmarks.peers.Peer` objects of :func:`benchmarks.peers.all_peers` (or any factory passed in).

Datasets (:func:`discover_datasets`): every CSV of the data directory, or the files given, each
recognised by its columns: ``name,entity_id[,entity_type]`` is a cluster file, ``name1,name2,is_match``
a pair file. A run without files given adds :data:`LEXICON_PLACES`: the places of namerec's own place
lexicon (six forms each, across languages and scripts), with the lexicon switched off for namerec.

Clustering pools (per cluster file): seeded samples of 200 and 1,000 whole entities of the test split,
every test entity ("test split, all entities"), and every row of both splits ("whole file"). Every
system clusters each pool; pairwise and B-cubed P/R/F1, the largest cluster and seconds are reported,
and the recall of each slice of within-entity pairs (:mod:`benchmarks.slices`). Peers that learn are
fitted on the train split of the file first (:meth:`Peer.fit_clusters`).

Pair files: every system scores the test split (and, in full runs, the whole file): P/R/F1 at the
system's threshold, average precision, ECE (15 bins), the same per slice, and by quality tier where the
file has a ``quality`` column. Peers are fitted on the file's train split (:meth:`Peer.fit_pairs`); a
test-only file has none, so they get the pooled train splits of the run's other pair files.

Candidate-pair calibration (namerec only): on the 1,000-entity test pool of each cluster file
(200 in ``--quick`` runs), ``namerec.candidate_pairs(names, types=types)`` gives the pairs the pipeline
scored with their probabilities; their ECE against "same gold entity" is reported, with the share of the
pool's gold pairs that were listed as candidates (a lower bound on blocking recall: the pipeline lists
one row per distinct normalised form).

A system that cannot run somewhere gets ``{"system": ..., "na": reason}`` there (not installed, does
not support the dataset, raised an exception), never a silent gap.
"""

from __future__ import annotations

import csv
import os
import random
import re
import time
import traceback
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks import baseline, datasets, metrics, slices
from benchmarks.progress import log
from benchmarks.report import md_table

__all__ = [
    "Api",
    "Dataset",
    "detect_kind",
    "discover_datasets",
    "fake_api",
    "namerec_api",
    "quality_markdown",
    "run_quality",
    "select_peers",
]

ReconcileFn = Callable[[list[str], list[str]], Sequence[Hashable]]
ScorePairsFn = Callable[[list[tuple[str, str]]], Any]
CandidatePairsFn = Callable[[list[str], list[str]], tuple[Any, Any, Any]]
PeerFactory = Callable[[], list[Any]]

POOL_SIZES = (200, 1000)
CALIBRATION_POOL = 1000
N_BINS = 15
NAMEREC = "namerec"
# --quick: peers that learn get at most this much of a train split (a seeded sample)
QUICK_TRAIN_ENTITIES = 500
QUICK_TRAIN_PAIRS = 5000


@dataclass
class Api:
    """What the quality runs call. ``candidate_pairs`` is None when the library does not offer it."""

    label: str
    reconcile: ReconcileFn | None
    score_pairs: ScorePairsFn | None
    candidate_pairs: CandidatePairsFn | None
    threshold: float = 0.5
    missing: list[str] = field(default_factory=list)
    version: str = ""
    setup: str = ""
    # calibrated_scores(train_pairs, train_labels, pairs): scores after recalibrating on train pairs
    calibrated_scores: Callable[[list, list, list], Any] | None = None


@dataclass
class Dataset:
    """One labelled file: ``kind`` is "clusters" or "pairs". ``lexicon_off``: the places of namerec's
    own lexicon (:func:`benchmarks.datasets.lexicon_places`), run with the lexicon switched off."""

    name: str
    path: str
    kind: str
    test_only: bool = False
    lexicon_off: bool = False


#: The places of namerec's lexicon as a cluster file, matched with the lexicon switched off: how places
#: the lexicon does not know fare, across scripts (the place pool scaling is fitted on its train split).
LEXICON_PLACES = Dataset(
    datasets.LEXICON_PLACES, "namerec/data/place_equivalents.json", "clusters", lexicon_off=True
)


def _rows(ds: Dataset) -> list[datasets.ClusterRow]:
    return datasets.lexicon_places() if ds.lexicon_off else datasets.load_clusters(ds.path)


def _place_lexicon_for(ds: Dataset):
    """The context a dataset is run in: namerec's place lexicon off for ``LEXICON_PLACES``."""
    from namerec.equivalents import place_lexicon_off

    return place_lexicon_off() if ds.lexicon_off else nullcontext()


def _namerec_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("namerec")
    except metadata.PackageNotFoundError:
        return "unknown"


def namerec_api() -> Api:
    """The installed namerec's public API, with whatever parts it does not have yet listed in ``missing``."""
    version = _namerec_version()
    try:
        import namerec
    except Exception as exc:  # noqa: BLE001 - the tree may be mid-change; report instead of crashing
        why = f"import namerec failed: {_error(exc)}"
        return Api(NAMEREC, None, None, None, 0.5, [why], version)

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
    setup = (
        "namerec.reconcile(names, types=types) and Reconciler().score_pairs with the default Config "
        f"(match threshold {threshold}); shipped weights, fitted on train splits only"
    )
    calibrated_scores = None
    if hasattr(namerec, "Reconciler") and hasattr(namerec.Reconciler, "calibrate"):

        def calibrated_scores(train_pairs: list, train_labels: list, pairs: list) -> np.ndarray:
            recalibrated = namerec.Reconciler().calibrate(train_pairs, train_labels)
            return np.asarray(recalibrated.score_pairs(pairs), dtype=np.float64)

    return Api(NAMEREC, reconcile, score_pairs, candidate_pairs, threshold, missing, version, setup,
               calibrated_scores)


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

    return Api(
        "fake (baseline JW)",
        reconcile,
        baseline.jw_pair_scores,
        candidate_pairs,
        0.9,
        [],
        "fake",
        "the JW >= 0.9 baseline wired in as the API (plumbing test only)",
    )


def _missing(api: Api, what: str) -> str:
    return f"{what} not available" + (f" ({'; '.join(api.missing)})" if api.missing else "")


def _error(exc: BaseException) -> str:
    last = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return last[:300]


# ---------------------------------------------------------------------------------------------- datasets


def display_path(path: str | Path) -> str:
    """``path`` relative to the repository when it is inside it or next to it (as the shared data is),
    so results files do not carry one machine's absolute paths; else as it is."""
    p = Path(path).resolve()
    try:
        rel = Path(os.path.relpath(p, datasets.REPO_ROOT))
    except ValueError:  # another drive (Windows)
        return str(p)
    return rel.as_posix() if rel.parts[:2] != ("..", "..") else str(p)


def detect_kind(path: str | Path) -> str | None:
    """ "clusters" (columns name, entity_id), "pairs" (name1, name2, is_match) or None, from the header."""
    with open(path, newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh), [])
    cols = {c.strip() for c in header}
    if {"name1", "name2", "is_match"} <= cols:
        return "pairs"
    if {"name", "entity_id"} <= cols:
        return "clusters"
    return None


def discover_datasets(
    data_dir: str | Path | None = None, files: Sequence[str | Path] | None = None
) -> list[Dataset]:
    """The datasets of a run: ``files`` when given (each must be a cluster or pair CSV), else every CSV
    of ``data_dir`` (default ``datasets.DATA_DIR``) that is one, the shared files first in their usual
    order, then :data:`LEXICON_PLACES`. A file whose stem is in ``datasets.TEST_ONLY_FILES`` is
    test-only."""
    if files:
        paths = [Path(f).resolve() for f in files]
        for p in paths:
            if not p.is_file():
                raise FileNotFoundError(f"dataset file not found: {p}")
    else:
        base = Path(data_dir) if data_dir is not None else datasets.DATA_DIR
        if not base.is_dir():
            raise FileNotFoundError(f"data directory not found: {base}")
        known = datasets.CLUSTER_FILES + datasets.PAIR_FILES
        paths = sorted(
            base.glob("*.csv"),
            key=lambda p: (known.index(p.stem) if p.stem in known else len(known), p.name),
        )
    out: list[Dataset] = []
    seen: set[str] = set()
    for p in paths:
        kind = detect_kind(p)
        if kind is None:
            if files:
                raise ValueError(
                    f"{p}: neither a cluster file (name,entity_id[,entity_type]) "
                    "nor a pair file (name1,name2,is_match)"
                )
            log(f"datasets: skipping {p.name} (neither a cluster nor a pair file)")
            continue
        name, k = p.stem, 2
        while name in seen:
            name, k = f"{p.stem}-{k}", k + 1
        seen.add(name)
        out.append(Dataset(name, str(p), kind, p.stem in datasets.TEST_ONLY_FILES))
    if not files:
        out.append(LEXICON_PLACES)
    return out


# ---------------------------------------------------------------------------------------------- systems


def select_peers(names: Sequence[str] | None, factory: PeerFactory | None = None) -> PeerFactory:
    """A factory of the peers whose name or class name contains one of ``names`` (case-insensitive);
    ``names=None`` keeps all, ``[]`` none."""
    if factory is None:
        from benchmarks.peers import all_peers

        factory = all_peers
    if names is None:
        return factory
    wanted = [n.strip().casefold() for n in names if n.strip()]

    def chosen() -> list[Any]:
        return [
            p
            for p in factory()
            if any(w in p.name.casefold() or w in type(p).__name__.casefold() for w in wanted)
        ]

    return chosen


def _call(fn: Callable[[], Any], what: str) -> tuple[Any, str | None]:
    try:
        return fn(), None
    except Exception as exc:  # noqa: BLE001 - a peer's failure is reported, not fatal
        return None, f"error in {what}: {_error(exc)}"


def _peer_info(peer: Any) -> dict[str, Any]:
    version, err = _call(peer.version, "version()")
    why, err2 = _call(peer.unavailable, "unavailable()")
    return {
        "system": peer.name,
        "version": version if err is None else "unknown",
        "setup": getattr(peer, "setup", ""),
        "pair_threshold": getattr(peer, "pair_threshold", None),
        "unavailable": _reason(why or err2),
    }


def _reason(reason: str | None) -> str | None:
    """A peer's reason without a leading "n/a:" of its own (the report adds one)."""
    if reason is None:
        return None
    return re.sub(r"^\s*n/a\s*:\s*", "", str(reason)) or "n/a"


def _na(system: str, reason: str) -> dict[str, Any]:
    return {"system": system, "na": _reason(reason)}


def _sample(rows: list, cap: int, seed: int) -> list:
    if len(rows) <= cap:
        return rows
    return random.Random(seed).sample(rows, cap)


def _train_clusters(rows: list[datasets.ClusterRow], quick: bool, seed: int) -> list[datasets.ClusterRow]:
    train = datasets.split_clusters(rows, "train")
    if quick:
        train = datasets.sample_pool(train, QUICK_TRAIN_ENTITIES, seed=seed, split="all")
    return train


# ---------------------------------------------------------------------------------------------- clustering


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
    if quick and not out and n_test:
        out.append(
            (f"all {n_test:,} test entities", "test", datasets.sample_pool(rows, 0, seed=seed, split="test"))
        )
    if not quick:
        if n_test:
            all_test = datasets.sample_pool(rows, 0, seed=seed, split="test")
            out.append(("test split, all entities", "test", all_test))
        out.append(("whole file", "all", datasets.sample_pool(rows, 0, seed=seed, split="all")))
    return out


def _run_labels(
    system: str, fn: Callable[[], Sequence[Hashable]], gold: list, by_slice: dict | None
) -> dict[str, Any]:
    t = time.perf_counter()
    try:
        pred = list(fn())
        seconds = time.perf_counter() - t
        if len(pred) != len(gold):
            raise ValueError(f"{len(pred)} labels for {len(gold)} names")
    except Exception as exc:  # noqa: BLE001 - report and carry on
        return _na(system, f"error: {_error(exc)}")
    out: dict[str, Any] = {"system": system, **_cluster_scores(gold, pred), "seconds": seconds}
    if by_slice:
        out["slice_recall"] = slices.cluster_recall_by_slice(by_slice, pred)
    return out


def _with_gazetteer(api: Api, names: list[str], types: list[str], gold: list) -> dict[str, Any]:
    """namerec on a pool of ``LEXICON_PLACES`` with its own lexicon off but the place gazetteer on
    (``namerec.gazetteer``, built from CLDR and GeoNames, not from namerec's lexicon): what a place
    typed LOC gets when the gazetteer knows it."""
    from namerec.equivalents import place_lexicon_off

    assert api.reconcile is not None
    with place_lexicon_off(keep_gazetteer=True):
        return _run_labels(api.label, lambda: api.reconcile(names, types), gold, None)


def run_cluster_file(
    ds: Dataset,
    api: Api,
    peers: PeerFactory,
    quick: bool,
    seed: int,
    with_slices: bool = True,
    peer_max_names: int | None = None,
) -> tuple[list[dict], list[dict]]:
    """(pool results, peer fit records) of one cluster file; peers skip pools above ``peer_max_names``."""
    rows = _rows(ds)
    types_all = sorted({r.entity_type for r in rows})
    pools = _pools(rows, quick, seed)
    # the peers: fresh instances per file, fitted once on its train split
    active: list[tuple[Any, str | None]] = []
    fits = []
    train = None
    for peer in peers():
        why = _call(peer.unavailable, "unavailable()")
        why = why[0] or why[1]
        if why is None:
            sup = _call(lambda p=peer: p.supports(ds.name, types_all), "supports()")
            why = sup[0] or sup[1]
        if why is None:
            if train is None:
                train = _train_clusters(rows, quick, seed)
            log(f"quality: {ds.name}: fit {peer.name} on {len(train):,} train names")
            t = time.perf_counter()
            _, err = _call(lambda p=peer, tr=train: p.fit_clusters(tr), "fit_clusters()")
            fits.append(
                {
                    "file": ds.name,
                    "system": peer.name,
                    "train_rows": len(train),
                    "seconds": time.perf_counter() - t,
                    **({"na": err} if err else {}),
                }
            )
            why = err
        active.append((peer, why))

    results = []
    for label, split, pool in pools:
        names = [r.name for r in pool]
        types = [r.entity_type for r in pool]
        gold = [r.entity_id for r in pool]
        by_slice = slices.gold_pairs_by_slice(names, gold, types) if with_slices else None
        res: dict[str, Any] = {
            "file": ds.name,
            "pool": label,
            "split": split,
            "entities": len(set(gold)),
            "rows": len(pool),
            "gold_pairs": metrics.pairwise(gold, gold)["true_pairs"],
        }
        if by_slice is not None:
            res["slice_pairs"] = {s: len(i) for s, (i, _) in by_slice.items()}
        systems = []
        if api.reconcile is None:
            systems.append(_na(api.label, _missing(api, "namerec.reconcile")))
        else:
            log(f"quality: {ds.name} / {label}: {api.label} on {len(pool):,} names")
            systems.append(
                _run_labels(api.label, lambda n=names, t=types: api.reconcile(n, t), gold, by_slice)
            )
        for peer, why in active:
            if why:
                systems.append(_na(peer.name, why))
                continue
            if peer_max_names is not None and len(pool) > peer_max_names:
                systems.append(_na(peer.name, f"pool above --peer-max-names {peer_max_names:,}"))
                continue
            log(f"quality: {ds.name} / {label}: {peer.name} on {len(pool):,} names")
            systems.append(
                _run_labels(peer.name, lambda p=peer, n=names, t=types: p.cluster(n, t), gold, by_slice)
            )
        res["results"] = systems
        if ds.lexicon_off and api.reconcile is not None:
            log(f"quality: {ds.name} / {label}: {api.label} with the place gazetteer on {len(pool):,} names")
            res["with_gazetteer"] = _with_gazetteer(api, names, types, gold)
        log(
            f"quality: {ds.name} / {label}: pairwise / B3 F1 "
            + "; ".join(
                f"{s['system']} {s['pairwise_f1']:.3f} / {s['bcubed_f1']:.3f}"
                if "na" not in s
                else f"{s['system']} n/a"
                for s in systems
            )
        )
        results.append(res)
    return results, fits


# ---------------------------------------------------------------------------------------------- pair files


def _pair_scores(
    y: np.ndarray, p: np.ndarray, threshold: float, labels: list[str] | None, tiers: list[str] | None
) -> dict[str, Any]:
    at = metrics.prf_at_threshold(y, p, threshold)
    out: dict[str, Any] = {
        "precision": at["precision"],
        "recall": at["recall"],
        "f1": at["f1"],
        "threshold": threshold,
        "average_precision": metrics.average_precision(y, p) if y.any() else float("nan"),
    }
    if p.size and p.min() >= 0.0 and p.max() <= 1.0:
        cal = metrics.calibration(y, p, N_BINS)
        out["ece"] = cal["ece"]
        out["reliability"] = cal["bins"]
    if labels is not None:
        out["slices"] = _by_group(labels, y, p, threshold)
    if tiers is not None:
        out["by_quality"] = _by_group(tiers, y, p, threshold)
    return out


def _by_group(groups: list[str], y: np.ndarray, p: np.ndarray, threshold: float) -> dict[str, dict]:
    g = np.asarray(groups, dtype=object)
    out = {}
    for key in sorted(set(groups)):
        m = g == key
        at = metrics.prf_at_threshold(y[m], p[m], threshold)
        pos = int(np.count_nonzero(y[m]))
        neg = int(m.sum()) - pos
        out[key or "(none)"] = {
            "precision": at["precision"],
            "recall": at["recall"],
            "f1": at["f1"],
            "positives": pos,
            # share of the group's non-matches accepted as matches (None without non-matches)
            "false_positive_rate": at["fp"] / neg if neg else None,
        }
    return out


def _group_counts(groups: list[str], y: np.ndarray) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for key, yy in zip(groups, y.tolist(), strict=True):
        c = out.setdefault(key or "(none)", {"pairs": 0, "matches": 0})
        c["pairs"] += 1
        c["matches"] += int(yy)
    return out


def _run_scores(
    system: str,
    fn: Callable[[], Any],
    y: np.ndarray,
    threshold: float,
    labels: list[str] | None,
    tiers: list[str] | None,
) -> dict[str, Any]:
    t = time.perf_counter()
    try:
        raw = fn()
        seconds = time.perf_counter() - t
        if raw is None:
            return _na(system, "no pair score")
        p = np.asarray(raw, dtype=np.float64).ravel()
        if p.shape != y.shape:
            raise ValueError(f"{p.size} scores for {y.size} pairs")
        return {"system": system, **_pair_scores(y, p, threshold, labels, tiers), "seconds": seconds}
    except Exception as exc:  # noqa: BLE001
        return _na(system, f"error: {_error(exc)}")


def _pair_train(ds: Dataset, rows: list[datasets.PairRow], others: list[Dataset], quick: bool, seed: int):
    if not ds.test_only:
        train = datasets.split_pairs(rows, "train")
        source = "its train split"
    else:
        train = []
        for o in others:
            if o.kind == "pairs" and not o.test_only:
                train += datasets.split_pairs(datasets.load_pairs(o.path), "train")
        source = "the train splits of the other pair files (test-only file)"
    if quick:
        train = _sample(train, QUICK_TRAIN_PAIRS, seed)
    return train, source


def _calibrated_on_train(ds: Dataset, rows, api: Api, pairs, y, quick: bool, seed: int) -> dict[str, Any]:
    """namerec after ``Reconciler.calibrate`` on the file's train split, scored on its test split."""
    train, _ = _pair_train(ds, rows, [], quick, seed)
    log(f"quality: {ds.name} / test: {api.label} calibrated on {len(train):,} train pairs")
    result = _run_scores(
        api.label + " + calibrate(train)",
        lambda: api.calibrated_scores(
            [(r.name1, r.name2) for r in train], [r.is_match for r in train], pairs
        ),
        y, api.threshold, None, None,
    )
    return {**result, "train_pairs": len(train)}


def run_pair_file(
    ds: Dataset,
    api: Api,
    peers: PeerFactory,
    quick: bool,
    seed: int = 7,
    all_datasets: list[Dataset] | None = None,
    with_slices: bool = True,
) -> tuple[list[dict], list[dict]]:
    rows = datasets.load_pairs(ds.path)
    splits = [("test", datasets.split_pairs(rows, "test", test_only=ds.test_only))]
    if not quick and not ds.test_only:
        splits.append(("whole file", rows))
    active: list[tuple[Any, str | None]] = []
    fits = []
    train: list | None = None
    source = ""
    for peer in peers():
        why = _call(peer.unavailable, "unavailable()")
        why = why[0] or why[1]
        if why is None:
            ptypes = sorted({r.extra.get("schema", r.extra.get("entity_type", "")) for r in rows})
            sup = _call(lambda p=peer, t=ptypes: p.supports(ds.name, t), "supports()")
            why = sup[0] or sup[1]
        if why is None:
            if train is None:
                train, source = _pair_train(ds, rows, all_datasets or [], quick, seed)
            log(f"quality: {ds.name}: fit {peer.name} on {len(train):,} train pairs")
            t = time.perf_counter()
            _, err = _call(lambda p=peer, tr=train: p.fit_pairs(tr), "fit_pairs()")
            fits.append(
                {
                    "file": ds.name,
                    "system": peer.name,
                    "train_rows": len(train),
                    "source": source,
                    "seconds": time.perf_counter() - t,
                    **({"na": err} if err else {}),
                }
            )
            why = err
        active.append((peer, why))

    results = []
    for label, part in splits:
        pairs = [(r.name1, r.name2) for r in part]
        y = np.array([r.is_match for r in part], dtype=bool)
        types = [r.extra.get("schema") or r.extra.get("entity_type") or "" for r in part]
        labels = slices.classify_pairs(pairs, types) if with_slices else None
        tiers = [r.extra.get("quality", "") for r in part] if part and "quality" in part[0].extra else None
        res: dict[str, Any] = {
            "file": ds.name,
            "split": label + (" (test-only file: all rows)" if ds.test_only else ""),
            "pairs": len(part),
            "matches": int(y.sum()),
        }
        if labels is not None:
            res["slice_counts"] = _group_counts(labels, y)
        if tiers is not None:
            res["tier_counts"] = _group_counts(tiers, y)
        systems = []
        if api.score_pairs is None:
            systems.append(_na(api.label, _missing(api, "namerec.Reconciler")))
        else:
            log(f"quality: {ds.name} / {label}: {api.label} scores {len(part):,} pairs")
            systems.append(
                _run_scores(api.label, lambda x=pairs: api.score_pairs(x), y, api.threshold, labels, tiers)
            )
        if api.calibrated_scores is not None and not ds.test_only and label == "test":
            res["calibrated"] = _calibrated_on_train(ds, rows, api, pairs, y, quick, seed)
        for peer, why in active:
            if why:
                systems.append(_na(peer.name, why))
                continue
            log(f"quality: {ds.name} / {label}: {peer.name} scores {len(part):,} pairs")
            thr = float(getattr(peer, "pair_threshold", 0.5))
            systems.append(
                _run_scores(peer.name, lambda p=peer, x=pairs: p.score_pairs(x), y, thr, labels, tiers)
            )
        res["results"] = systems
        log(
            f"quality: {ds.name} / {label}: F1 / AP "
            + "; ".join(
                f"{s['system']} {s['f1']:.3f} / {s['average_precision']:.3f}"
                if "na" not in s
                else f"{s['system']} n/a"
                for s in systems
            )
        )
        results.append(res)
    return results, fits


# ---------------------------------------------------------------------------------------------- calibration


def run_candidate_calibration(ds: Dataset, api: Api, seed: int, pool_size: int = CALIBRATION_POOL) -> dict:
    rows = _rows(ds)
    pool = datasets.sample_pool(rows, pool_size, seed=seed, split="test")
    names = [r.name for r in pool]
    types = [r.entity_type for r in pool]
    gold = np.array([r.entity_id for r in pool], dtype=object)
    res: dict[str, Any] = {"file": ds.name, "entities": len(set(gold.tolist())), "rows": len(pool)}
    if api.candidate_pairs is None:
        res["na"] = "namerec.candidate_pairs not available"
        return res
    if not pool:
        res["na"] = "no test entities"
        return res
    log(f"quality: candidate-pair calibration on {ds.name} ({len(pool):,} names)")
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
        log(f"quality: {ds.name}: candidate ECE {res['ece']:.3f} over {i.size:,} pairs")
    except Exception as exc:  # noqa: BLE001
        res["na"] = f"error: {_error(exc)}"
        log(f"quality: candidate calibration on {ds.name}: FAILED {res['na']}")
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


def run_quality(
    api: Api,
    quick: bool = False,
    seed: int = 7,
    peers: PeerFactory | None = None,
    data: list[Dataset] | None = None,
    with_slices: bool = True,
    peer_max_names: int | None = None,
) -> dict[str, Any]:
    """Every dataset (default: :func:`discover_datasets`), namerec and every peer of ``peers()``; peers
    skip clustering pools of more than ``peer_max_names`` names (an n/a cell)."""
    peers = peers if peers is not None else select_peers(None)
    data = data if data is not None else discover_datasets()
    log(f"quality: api = {api.label}; missing: {', '.join(api.missing) or 'nothing'}")
    log(f"quality: datasets: {', '.join(f'{d.name} ({d.kind})' for d in data) or 'none'}")
    systems = [
        {
            "system": api.label,
            "version": api.version,
            "setup": api.setup,
            "pair_threshold": api.threshold,
            "unavailable": None,
        }
    ]
    systems += [_peer_info(p) for p in peers()]
    log(
        "quality: peers: "
        + (
            ", ".join(
                f"{s['system']}" + (f" (n/a: {s['unavailable']})" if s["unavailable"] else "")
                for s in systems[1:]
            )
            or "none"
        )
    )
    warm = _warm_up(api)
    clusters, pairs, fits = [], [], []
    for d in data:
        with _place_lexicon_for(d):
            if d.kind == "clusters":
                got, f = run_cluster_file(d, api, peers, quick, seed, with_slices, peer_max_names)
            else:
                got, f = run_pair_file(d, api, peers, quick, seed, data, with_slices)
        (clusters if d.kind == "clusters" else pairs).extend(got)
        fits.extend(f)
    cal_size = POOL_SIZES[0] if quick else CALIBRATION_POOL
    calib = []
    for d in data:
        if d.kind == "clusters":
            with _place_lexicon_for(d):
                calib.append(run_candidate_calibration(d, api, seed, cal_size))
    return {
        "api": api.label,
        "missing": api.missing,
        "threshold": api.threshold,
        "seed": seed,
        "quick": quick,
        "calibration_pool": cal_size,
        "warm_up": warm,
        "datasets": [{**asdict(d), "path": display_path(d.path)} for d in data],
        "systems": systems,
        "fits": fits,
        "clusters": clusters,
        "pairs": pairs,
        "candidate_calibration": calib,
    }


# ---------------------------------------------------------------------------------------------- Markdown


def upgrade_legacy(q: dict[str, Any]) -> dict[str, Any]:
    """A quality dict written before peers (namerec fields at top level, a "baseline" sub-dict) in the
    current shape, so old results JSON still renders."""
    if "systems" in q:
        return q
    base = "rapidfuzz JW>=0.9"
    q = dict(q)
    label = q.get("api", NAMEREC)
    q["systems"] = [
        {
            "system": label,
            "version": "",
            "setup": "",
            "pair_threshold": q.get("threshold"),
            "unavailable": None,
        },
        {
            "system": base,
            "version": "",
            "setup": "anyascii + casefold key, Jaro-Winkler >= 0.9, connected components",
            "pair_threshold": baseline.JW_THRESHOLD,
            "unavailable": None,
        },
    ]
    keys_c = (
        "pairwise_p",
        "pairwise_r",
        "pairwise_f1",
        "bcubed_p",
        "bcubed_r",
        "bcubed_f1",
        "clusters",
        "largest_cluster",
        "seconds",
    )
    keys_p = ("precision", "recall", "f1", "threshold", "average_precision", "ece", "reliability", "seconds")
    for section, keys in (("clusters", keys_c), ("pairs", keys_p)):
        rows = []
        for r in q.get(section, []):
            new = {
                k: v for k, v in r.items() if k not in keys and k not in ("baseline", "error", "by_quality")
            }
            own = {"system": label, **{k: r[k] for k in keys if k in r}}
            if "error" in r:
                own = _na(label, r["error"])
            elif r.get("by_quality"):
                own["by_quality"] = {
                    g["quality"]: {k: g[k] for k in ("precision", "recall", "f1")} for g in r["by_quality"]
                }
                new["tier_counts"] = {
                    g["quality"]: {"pairs": g["pairs"], "matches": g["matches"]} for g in r["by_quality"]
                }
            new["results"] = [own] + ([{"system": base, **r["baseline"]}] if "baseline" in r else [])
            rows.append(new)
        q[section] = rows
    q["candidate_calibration"] = [
        {**r, **({"na": r["error"]} if "error" in r else {})} for r in q.get("candidate_calibration", [])
    ]
    return q


def _sys_names(q: dict[str, Any]) -> list[str]:
    return [s["system"] for s in q["systems"]]


def _result(r: dict[str, Any], system: str) -> dict[str, Any] | None:
    for s in r.get("results", []):
        if s["system"] == system:
            return s
    return None


def _na_text(s: dict[str, Any] | None) -> str:
    if s is None:
        return "n/a: not run"
    return f"n/a: {_reason(s['na'])}"


def systems_markdown(q: dict[str, Any]) -> str:
    rows = [
        [
            s["system"],
            s.get("version") or "—",
            s.get("setup") or "—",
            f"n/a: {_reason(s['unavailable'])}" if s.get("unavailable") else "available",
        ]
        for s in q["systems"]
    ]
    out = [md_table(["system", "version", "set-up", "status"], rows)]
    # a fit under 5 ms is a peer that does not learn: not worth a row
    fits = [f for f in q.get("fits") or [] if f.get("na") or (f.get("seconds") or 0) >= 0.005]
    if fits:
        out.append(
            "\nTraining of the peers that learn (train split only; seconds of `fit_clusters` / "
            "`fit_pairs`; peers whose fit takes under 5 ms do not learn and are not listed):\n"
        )
        out.append(
            md_table(
                ["file", "system", "train rows", "s", "status"],
                [
                    [
                        f["file"],
                        f["system"],
                        f["train_rows"],
                        f.get("seconds"),
                        f"n/a: {f['na']}"
                        if f.get("na")
                        else "fitted"
                        + (f" on {f['source']}" if f.get("source", "").startswith("the") else ""),
                    ]
                    for f in fits
                ],
            )
        )
    return "\n".join(out)


def clusters_markdown(q: dict[str, Any]) -> str:
    rows = []
    for r in q["clusters"]:
        for name in _sys_names(q):
            s = _result(r, name)
            if s is None:
                continue
            if "na" in s:
                rows.append([r["file"], r["pool"], r["entities"], r["rows"], name, _na_text(s)] + [None] * 8)
                continue
            rows.append(
                [
                    r["file"],
                    r["pool"],
                    r["entities"],
                    r["rows"],
                    name,
                    s.get("pairwise_p"),
                    s.get("pairwise_r"),
                    s.get("pairwise_f1"),
                    s.get("bcubed_p"),
                    s.get("bcubed_r"),
                    s.get("bcubed_f1"),
                    s.get("largest_cluster"),
                    s.get("seconds"),
                ]
            )
    return md_table(
        [
            "file",
            "pool",
            "entities",
            "names",
            "system",
            "pw P",
            "pw R",
            "pw F1",
            "B³ P",
            "B³ R",
            "B³ F1",
            "largest",
            "s",
        ],
        rows,
    )


def gazetteer_markdown(q: dict[str, Any]) -> str:
    """namerec on the lexicon's places with its lexicon off, without and with the place gazetteer."""
    rows = []
    for r in q["clusters"]:
        with_gazetteer, without = r.get("with_gazetteer"), _result(r, q["api"])
        if with_gazetteer is None or without is None:
            continue
        for label, s in (("lexicon off", without), ("lexicon off, gazetteer on", with_gazetteer)):
            rows.append([r["file"], r["pool"], r["entities"], r["rows"], label]
                        + ([_na_text(s)] + [None] * 5 if "na" in s else
                           [s.get(k) for k in ("pairwise_p", "pairwise_r", "pairwise_f1", "bcubed_f1")]
                           + [s.get("seconds")]))
    if not rows:
        return ""
    intro = (
        "The places of namerec's lexicon (typed LOC), matched with that lexicon off, without and with "
        "the place gazetteer (`namerec.gazetteer`: the CLDR's 287 territories with their names in every "
        "CLDR locale, and 34,006 cities with their GeoNames alternate names: independent sources). It "
        "knows countries, world regions and cities, not historical regions, rivers, seas or mountains. "
        "The first call loads it and reads the forms of each script met (a few seconds, counted in "
        "the first pool's time).\n\n"
    )
    return intro + md_table(["file", "pool", "entities", "names", "namerec", "pw P", "pw R", "pw F1", "B³ F1",
                             "s"], rows)


def pairs_markdown(q: dict[str, Any]) -> str:
    rows = []
    for r in q["pairs"]:
        for name in _sys_names(q):
            s = _result(r, name)
            if s is None:
                continue
            if "na" in s:
                rows.append([r["file"], r["split"], r["pairs"], r["matches"], name, _na_text(s)] + [None] * 6)
                continue
            rows.append(
                [
                    r["file"],
                    r["split"],
                    r["pairs"],
                    r["matches"],
                    name,
                    s.get("precision"),
                    s.get("recall"),
                    s.get("f1"),
                    s.get("threshold"),
                    s.get("average_precision"),
                    s.get("ece"),
                    s.get("seconds"),
                ]
            )
    out = [
        md_table(
            ["file", "split", "pairs", "matches", "system", "P", "R", "F1", "threshold", "AP", "ECE", "s"],
            rows,
        )
    ]
    for r in q["pairs"]:
        if not r.get("tier_counts"):
            continue
        names = [n for n in _sys_names(q) if (_result(r, n) or {}).get("by_quality")]
        trows = []
        for tier, c in sorted(r["tier_counts"].items()):
            trows.append(
                [tier, c["pairs"], c["matches"]]
                + [_prf(_result(r, n)["by_quality"].get(tier)) for n in names]
            )
        out.append(f"\n{r['file']} ({r['split']}) by quality tier, P / R / F1:\n")
        out.append(md_table(["tier", "pairs", "matches", *names], trows))
    return "\n".join(out)


def _prf(d: dict | None) -> str:
    """ "P / R / F1"; for a group with no true matches (P, R, F1 say nothing) the false-positive rate."""
    if not d:
        return "—"
    if d.get("positives") == 0 and d.get("false_positive_rate") is not None:
        return f"FPR {d['false_positive_rate']:.2f}"
    return f"{d['precision']:.2f} / {d['recall']:.2f} / {d['f1']:.2f}"


def slice_pool(q: dict[str, Any], file: str) -> dict[str, Any] | None:
    """The pool of a cluster file whose slices the report shows: 1,000 test entities when run, else the
    largest test pool."""
    pools = [
        r for r in q["clusters"] if r["file"] == file and r.get("split") == "test" and r.get("slice_pairs")
    ]
    if not pools:
        return None
    exact = [r for r in pools if r["entities"] == CALIBRATION_POOL and r["pool"].startswith("1,000")]
    return exact[0] if exact else max(pools, key=lambda r: r["rows"])


def slices_markdown(q: dict[str, Any]) -> str:
    out = []
    names = _sys_names(q)
    files = list(dict.fromkeys(r["file"] for r in q["clusters"]))
    for f in files:
        r = slice_pool(q, f)
        if r is None:
            continue
        ran = [n for n in names if (_result(r, n) or {}).get("slice_recall")]
        rows = []
        for s in slices.SLICES:
            n = r["slice_pairs"].get(s)
            if not n:
                continue
            rows.append([s, n] + [_result(r, x)["slice_recall"].get(s) for x in ran])
        out.append(f"\n{f}, {r['pool']}: recall of the gold pairs of each slice (share put in one cluster)\n")
        out.append(md_table(["slice", "gold pairs", *ran], rows))
    for r in q["pairs"]:
        if not r.get("slice_counts"):
            continue
        ran = [n for n in names if (_result(r, n) or {}).get("slices")]
        rows = []
        for s in slices.SLICES:
            c = r["slice_counts"].get(s)
            if not c:
                continue
            rows.append([s, c["pairs"], c["matches"]] + [_prf(_result(r, x)["slices"].get(s)) for x in ran])
        out.append(
            f"\n{r['file']} ({r['split']}): P / R / F1 per slice, each system at its own threshold (a slice "
            "with no true matches shows the false-positive rate, FPR: the share of its pairs accepted)\n"
        )
        out.append(md_table(["slice", "pairs", "matches", *ran], rows))
    return "\n".join(out)


def calibration_markdown(q: dict[str, Any]) -> str:
    rows = [
        [
            r["file"],
            r["entities"],
            r["rows"],
            r.get("candidate_pairs", f"n/a: {r['na']}" if "na" in r else None),
            r.get("base_rate"),
            r.get("mean_probability"),
            r.get("ece"),
            r.get("average_precision"),
            r.get("gold_pair_coverage", r.get("blocking_recall")),
            r.get("seconds"),
        ]
        for r in q["candidate_calibration"]
    ]
    return md_table(
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


def calibrated_markdown(q: dict[str, Any]) -> str:
    """namerec's pair-file scores before and after ``Reconciler.calibrate`` on the train split."""
    rows = []
    for r in q["pairs"]:
        after = r.get("calibrated")
        before = _result(r, q["systems"][0]["system"]) if q.get("systems") else None
        if not after:
            continue
        if "na" in after:
            rows.append([r["file"], r["split"], None, _na_text(after)] + [None] * 6)
            continue
        rows.append([
            r["file"], r["split"], after.get("train_pairs"),
            (before or {}).get("ece"), after.get("ece"),
            (before or {}).get("f1"), after.get("f1"),
            (before or {}).get("average_precision"), after.get("average_precision"),
            after.get("seconds"),
        ])
    if not rows:
        return ""
    return md_table(
        ["file", "split", "train pairs", "ECE shipped", "ECE calibrated", "F1 shipped", "F1 calibrated",
         "AP shipped", "AP calibrated", "s"],
        rows,
    )


def reliability_tables(q: dict[str, Any]) -> list[tuple[str, list[dict]]]:
    """(title, bins) of namerec's reliability data: each pair file split, then candidate pairs."""
    label = q["systems"][0]["system"] if q.get("systems") else q.get("api", NAMEREC)
    rel = []
    for r in q["pairs"]:
        s = _result(r, label)
        if s and s.get("reliability"):
            rel.append((f"{r['file']} ({r['split']})", s["reliability"]))
    rel += [
        (f"{r['file']} candidate pairs", r["reliability"])
        for r in q["candidate_calibration"]
        if r.get("reliability")
    ]
    return rel


def reliability_markdown(q: dict[str, Any]) -> str:
    out = []
    for title, bins in reliability_tables(q):
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


def quality_markdown(q: dict[str, Any]) -> str:
    """The quality sections as Markdown (no plots): systems, clustering, pair files, slices, calibration."""
    q = upgrade_legacy(q)
    out = []
    note = f" Missing from the library: {', '.join(q['missing'])}." if q.get("missing") else ""
    out.append(f"Implementation measured: **{q['api']}**.{note}")
    if q.get("warm_up", {}).get("seconds") is not None:
        out.append(f"Warm-up call (lazy loading, not counted below): {q['warm_up']['seconds']:.2f} s.")
    out.append("\n### Systems\n")
    out.append(systems_markdown(q))
    out.append("\n### Clustering (in-process, the same pools for every system)\n")
    out.append(f"Pools are seeded samples of whole entities (seed {q['seed']}).\n")
    out.append(clusters_markdown(q))
    gazetteer = gazetteer_markdown(q)
    if gazetteer:
        out.append("\n### Places with the place gazetteer\n")
        out.append(gazetteer)
    out.append("\n### Pair files\n")
    out.append(
        "Decision: score >= the system's threshold. AP = average precision (threshold-free). "
        "ECE over 15 equal-width bins (only meaningful for probabilities).\n"
    )
    out.append(pairs_markdown(q))
    if any(r.get("slice_pairs") for r in q["clusters"]) or any(r.get("slice_counts") for r in q["pairs"]):
        out.append("\n### Slices by phenomenon\n")
        out.append(slices_markdown(q))
    out.append("\n### Candidate-pair calibration (`namerec.candidate_pairs`)\n")
    out.append(calibration_markdown(q))
    rel = reliability_markdown(q)
    if rel:
        out.append("\n### Reliability tables (15 bins; empty bins omitted)\n")
        out.append(rel)
    return "\n".join(out)
