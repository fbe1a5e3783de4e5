"""What the peers tune on: train-split pools, one selection score, threshold picking on train pairs.

Every tuned peer uses these, so they all see the same train pools and are judged by the same rule.
The pools mirror the test pools' sizes (200 and 1,000 entities, seed 7) but come from the train split
only (``datasets.sample_pool(train, n, seed=7, split="train")``). A clustering set-up is picked by
the mean of pairwise F1 and B-cubed F1 over the pools: pairwise F1 alone would reward merging
patstat's one huge organisation, B-cubed alone is lenient on chaining.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

import numpy as np

from benchmarks import datasets, metrics
from benchmarks.datasets import ClusterRow

__all__ = ["TRAIN_POOL_SIZES", "best_candidate", "best_pair_threshold", "cluster_score", "train_pools"]

TRAIN_POOL_SIZES = (200, 1000)
T = TypeVar("T")


def train_pools(
    train: Sequence[ClusterRow], sizes: Sequence[int] = TRAIN_POOL_SIZES, seed: int = 7
) -> list[list[ClusterRow]]:
    """Seeded train-split pools of each size; a size that would take every entity is kept once."""
    n_entities = len({r.entity_id for r in train})
    pools, seen_all = [], False
    for n in sizes:
        if n >= n_entities:
            if seen_all:
                continue
            seen_all = True
        pools.append(datasets.sample_pool(train, n, seed=seed, split="train"))
    return [p for p in pools if p]


def cluster_score(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    """The selection score: mean of pairwise F1 and B-cubed F1."""
    return 0.5 * (metrics.pairwise(gold, pred)["f1"] + metrics.bcubed(gold, pred)["f1"])


def best_candidate(
    candidates: Sequence[T],
    pools: Sequence[Sequence[ClusterRow]],
    labels_for: Callable[[Sequence[str], Sequence[str]], dict[T, Sequence[Hashable]]],
) -> tuple[T, float]:
    """The candidate with the best mean :func:`cluster_score` over ``pools`` (first one wins ties).

    ``labels_for(names, types)`` returns the labels of every candidate for one pool, so a peer can run
    its expensive part once per pool and cut it at each candidate threshold.
    """
    totals = dict.fromkeys(candidates, 0.0)
    for pool in pools:
        gold = [r.entity_id for r in pool]
        by_candidate = labels_for([r.name for r in pool], [r.entity_type for r in pool])
        for c in candidates:
            totals[c] += cluster_score(gold, by_candidate[c])
    best = max(candidates, key=lambda c: totals[c])
    return best, totals[best] / max(1, len(pools))


def best_pair_threshold(
    y_true: Sequence[bool], scores: np.ndarray, grid: Sequence[float] | None = None
) -> float:
    """The threshold with the best F1 of ``score >= threshold`` on labelled pairs.

    Candidates are ``grid`` or, when it is None, every distinct score (so a peer whose probabilities
    sit far from 0.5 still gets its best cut). The first candidate wins ties.
    """
    y = np.asarray(y_true, dtype=bool)
    s = np.asarray(scores, dtype=np.float64)
    candidates = np.unique(s) if grid is None else np.asarray(grid, dtype=np.float64)
    if candidates.size == 0:
        return 0.5
    order = np.argsort(-s, kind="mergesort")
    s_desc, tp_cum = s[order], np.cumsum(y[order])
    # predicted positives at threshold t: the scores >= t, a prefix of the descending order
    n_pred = np.searchsorted(-s_desc, -candidates, side="right")
    tp = np.where(n_pred > 0, tp_cum[np.maximum(n_pred - 1, 0)], 0)
    precision = np.where(n_pred > 0, tp / np.maximum(n_pred, 1), 1.0)
    recall = tp / max(int(y.sum()), 1)
    f1 = np.where(precision + recall > 0, 2 * precision * recall / np.maximum(precision + recall, 1e-12), 0.0)
    return float(candidates[int(np.argmax(f1))])
