"""Evaluation measures used by the benchmarks (numpy only; no scikit-learn).

Clustering (one label per record, gold and predicted; labels are any hashable values):
    - :func:`pairwise`: precision/recall/F1 over the set of co-clustered record pairs.
    - :func:`bcubed`: B-cubed precision/recall/F1 (per-record overlap of gold and predicted clusters).
    Both are linear in the number of records (counted through a contingency table of label pairs).

Pair scores (a probability or score per labelled pair):
    - :func:`prf_at_threshold`: precision/recall/F1 when ``score >= threshold`` predicts a match.
    - :func:`average_precision`: step-wise AP, ``sum_k (R_k - R_{k-1}) * P_k`` over the distinct
      score thresholds in decreasing order (the definition scikit-learn's ``average_precision_score``
      uses; tied scores form one step).
    - :func:`calibration`: expected calibration error over equal-width bins of [0, 1] (default 15)
      with the per-bin table a reliability diagram is drawn from.

Conventions: precision with no predicted positives is 1.0, recall with no gold positives is 1.0;
F1 is 0.0 when both precision and recall are 0.

Example:
    >>> pairwise(["a", "a", "b"], [1, 1, 1])["precision"]
    0.3333333333333333
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np

__all__ = [
    "average_precision",
    "bcubed",
    "calibration",
    "f1_score",
    "pairwise",
    "prf_at_threshold",
]


def f1_score(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0.0 when both are 0)."""
    s = precision + recall
    return 2.0 * precision * recall / s if s > 0 else 0.0


def _check_lengths(gold: Sequence[Any], pred: Sequence[Any]) -> None:
    if len(gold) != len(pred):
        raise ValueError(f"gold and pred differ in length: {len(gold)} != {len(pred)}")


def _n_pairs(sizes: Counter[Any]) -> int:
    return sum(c * (c - 1) // 2 for c in sizes.values())


def pairwise(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    """Pairwise P/R/F1: a pair of records is positive when both share a cluster.

    Returns precision, recall, f1, and the counts true_pairs (gold), pred_pairs and correct_pairs.
    """
    _check_lengths(gold, pred)
    cells = Counter(zip(gold, pred, strict=True))
    correct = _n_pairs(cells)
    gold_pairs = _n_pairs(Counter(gold))
    pred_pairs = _n_pairs(Counter(pred))
    precision = correct / pred_pairs if pred_pairs else 1.0
    recall = correct / gold_pairs if gold_pairs else 1.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1_score(precision, recall),
        "true_pairs": gold_pairs,
        "pred_pairs": pred_pairs,
        "correct_pairs": correct,
    }


def bcubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    """B-cubed P/R/F1 (Bagga & Baldwin 1998), averaged over records.

    A record's precision is the share of its predicted cluster that shares its gold cluster; its
    recall the share of its gold cluster that shares its predicted cluster. Records in one cell of the
    contingency table (same gold, same predicted label) have identical values, so each cell of size c
    contributes c * c / |cluster|.
    """
    _check_lengths(gold, pred)
    n = len(gold)
    if n == 0:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    cells = Counter(zip(gold, pred, strict=True))
    gold_size = Counter(gold)
    pred_size = Counter(pred)
    p_sum = 0.0
    r_sum = 0.0
    for (g, p), c in cells.items():
        p_sum += c * c / pred_size[p]
        r_sum += c * c / gold_size[g]
    precision, recall = p_sum / n, r_sum / n
    return {"precision": precision, "recall": recall, "f1": f1_score(precision, recall)}


def _as_arrays(y_true: Any, scores: Any) -> tuple[np.ndarray, np.ndarray]:
    y = np.asarray(y_true, dtype=bool).ravel()
    s = np.asarray(scores, dtype=np.float64).ravel()
    if y.shape != s.shape:
        raise ValueError(f"y_true and scores differ in length: {y.size} != {s.size}")
    if np.isnan(s).any():
        raise ValueError("scores contain NaN")
    return y, s


def prf_at_threshold(y_true: Any, scores: Any, threshold: float = 0.5) -> dict[str, float]:
    """Precision/recall/F1 of the decision ``score >= threshold`` against boolean labels."""
    y, s = _as_arrays(y_true, scores)
    pred = s >= threshold
    tp = int(np.count_nonzero(pred & y))
    fp = int(np.count_nonzero(pred & ~y))
    fn = int(np.count_nonzero(~pred & y))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1_score(precision, recall),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "threshold": float(threshold),
    }


def average_precision(y_true: Any, scores: Any) -> float:
    """Step-wise average precision; NaN when there are no positive labels."""
    y, s = _as_arrays(y_true, scores)
    n_pos = int(np.count_nonzero(y))
    if n_pos == 0:
        return float("nan")
    order = np.argsort(-s, kind="mergesort")
    s_sorted = s[order]
    y_sorted = y[order]
    tp_cum = np.cumsum(y_sorted)
    # the last index of each run of tied scores is where a threshold step ends
    ends = np.flatnonzero(np.r_[s_sorted[1:] != s_sorted[:-1], True])
    tp = tp_cum[ends].astype(np.float64)
    predicted = (ends + 1).astype(np.float64)
    precision = tp / predicted
    recall = tp / n_pos
    d_recall = np.diff(np.r_[0.0, recall])
    return float(np.sum(d_recall * precision))


def calibration(y_true: Any, probs: Any, n_bins: int = 15) -> dict[str, Any]:
    """Expected calibration error with ``n_bins`` equal-width bins over [0, 1].

    Bin k holds probabilities in (k/n, (k+1)/n]; bin 0 also holds exactly 0. Values outside [0, 1]
    raise. ECE = sum over bins of (count / total) * |mean probability - fraction of positives|.

    Returns ``{"ece", "n", "n_bins", "bins": [{"lower", "upper", "count", "mean_prob", "frac_pos",
    "gap"}, ...]}``; empty bins are listed with count 0 and None for the means.
    """
    if n_bins < 1:
        raise ValueError("n_bins must be >= 1")
    y, p = _as_arrays(y_true, probs)
    if p.size and (p.min() < 0.0 or p.max() > 1.0):
        raise ValueError("probabilities must lie in [0, 1]")
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    idx = np.clip(np.searchsorted(edges, p, side="left") - 1, 0, n_bins - 1)
    counts = np.bincount(idx, minlength=n_bins)
    prob_sums = np.bincount(idx, weights=p, minlength=n_bins)
    pos_sums = np.bincount(idx, weights=y.astype(np.float64), minlength=n_bins)
    total = int(p.size)
    bins = []
    ece = 0.0
    for k in range(n_bins):
        c = int(counts[k])
        if c:
            mean_prob = float(prob_sums[k] / c)
            frac_pos = float(pos_sums[k] / c)
            gap = abs(mean_prob - frac_pos)
            ece += c / total * gap
        else:
            mean_prob = frac_pos = gap = None
        bins.append(
            {
                "lower": float(edges[k]),
                "upper": float(edges[k + 1]),
                "count": c,
                "mean_prob": mean_prob,
                "frac_pos": frac_pos,
                "gap": gap,
            }
        )
    return {"ece": float(ece) if total else float("nan"), "n": total, "n_bins": n_bins, "bins": bins}
