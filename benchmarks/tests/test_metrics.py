"""Hand-computed cases for benchmarks.metrics, and average precision against a brute-force oracle."""

from __future__ import annotations

import itertools
import math
import random

import numpy as np
import pytest

from benchmarks import metrics


def _brute_pairwise(gold, pred):
    n = len(gold)
    same_g = {(i, j) for i, j in itertools.combinations(range(n), 2) if gold[i] == gold[j]}
    same_p = {(i, j) for i, j in itertools.combinations(range(n), 2) if pred[i] == pred[j]}
    p = len(same_g & same_p) / len(same_p) if same_p else 1.0
    r = len(same_g & same_p) / len(same_g) if same_g else 1.0
    return p, r


def _brute_bcubed(gold, pred):
    n = len(gold)
    ps, rs = [], []
    for i in range(n):
        pc = [j for j in range(n) if pred[j] == pred[i]]
        gc = [j for j in range(n) if gold[j] == gold[i]]
        both = [j for j in pc if gold[j] == gold[i]]
        ps.append(len(both) / len(pc))
        rs.append(len(both) / len(gc))
    return sum(ps) / n, sum(rs) / n


def test_pairwise_hand_computed():
    gold = ["a", "a", "a", "b", "b", "c"]
    pred = [1, 1, 2, 2, 2, 3]
    # gold pairs: aa x3 + bb x1 = 4; pred pairs: (0,1) + (2,3),(2,4),(3,4) = 4; correct: (0,1),(3,4) = 2
    m = metrics.pairwise(gold, pred)
    assert (m["true_pairs"], m["pred_pairs"], m["correct_pairs"]) == (4, 4, 2)
    assert m["precision"] == pytest.approx(0.5)
    assert m["recall"] == pytest.approx(0.5)
    assert m["f1"] == pytest.approx(0.5)


def test_pairwise_edges():
    assert metrics.pairwise([1, 2, 3], [1, 2, 3])["f1"] == 1.0
    singletons = metrics.pairwise([1, 1, 2], [1, 2, 3])
    assert singletons["precision"] == 1.0 and singletons["recall"] == 0.0 and singletons["f1"] == 0.0
    lumped = metrics.pairwise([1, 2, 3], [0, 0, 0])
    assert lumped["precision"] == 0.0 and lumped["recall"] == 1.0
    with pytest.raises(ValueError):
        metrics.pairwise([1], [1, 2])


def test_bcubed_hand_computed():
    gold = ["a", "a", "a", "b", "b", "c"]
    pred = [1, 1, 2, 2, 2, 3]
    # precision per record: 1, 1, 1/3, 2/3, 2/3, 1 -> 14/3 / 6 = 7/9
    # recall per record: 2/3, 2/3, 1/3, 1, 1, 1 -> 14/3 / 6 = 7/9
    m = metrics.bcubed(gold, pred)
    assert m["precision"] == pytest.approx(7 / 9)
    assert m["recall"] == pytest.approx(7 / 9)
    assert m["f1"] == pytest.approx(7 / 9)


def test_clustering_metrics_match_brute_force():
    rnd = random.Random(3)
    for _ in range(50):
        n = rnd.randint(1, 25)
        gold = [rnd.randint(0, 5) for _ in range(n)]
        pred = [rnd.choice("xyzw") for _ in range(n)]
        p, r = _brute_pairwise(gold, pred)
        m = metrics.pairwise(gold, pred)
        assert m["precision"] == pytest.approx(p) and m["recall"] == pytest.approx(r)
        p, r = _brute_bcubed(gold, pred)
        m = metrics.bcubed(gold, pred)
        assert m["precision"] == pytest.approx(p) and m["recall"] == pytest.approx(r)


def test_prf_at_threshold():
    y = [True, True, False, False, True]
    s = [0.9, 0.5, 0.5, 0.1, 0.2]
    m = metrics.prf_at_threshold(y, s, 0.5)  # predicted: 0, 1, 2 -> tp 2, fp 1, fn 1
    assert (m["tp"], m["fp"], m["fn"]) == (2, 1, 1)
    assert m["precision"] == pytest.approx(2 / 3) and m["recall"] == pytest.approx(2 / 3)
    none = metrics.prf_at_threshold(y, s, 0.95)
    assert none["precision"] == 1.0 and none["recall"] == 0.0 and none["f1"] == 0.0


def _brute_ap(y, s):
    """AP from its definition: one step per distinct threshold, highest first."""
    n_pos = sum(y)
    ap, prev_r = 0.0, 0.0
    for t in sorted(set(s), reverse=True):
        chosen = [yy for yy, ss in zip(y, s, strict=True) if ss >= t]
        tp = sum(chosen)
        p, r = tp / len(chosen), tp / n_pos
        ap += (r - prev_r) * p
        prev_r = r
    return ap


def test_average_precision_hand_computed():
    # ranking: + - + -  -> precision at the positives 1 and 2/3 -> (1 + 2/3) / 2
    assert metrics.average_precision([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1]) == pytest.approx(5 / 6)
    assert metrics.average_precision([1, 1, 0], [0.3, 0.2, 0.1]) == pytest.approx(1.0)
    # all tied: one step with precision = base rate
    assert metrics.average_precision([1, 0, 0, 1], [0.5] * 4) == pytest.approx(0.5)
    assert math.isnan(metrics.average_precision([0, 0], [0.1, 0.2]))


def test_average_precision_matches_brute_force_with_ties():
    rng = np.random.default_rng(11)
    for _ in range(100):
        n = int(rng.integers(1, 40))
        y = rng.random(n) < 0.4
        if not y.any():
            y[0] = True
        s = np.round(rng.random(n), 1)  # coarse rounding makes ties common
        assert metrics.average_precision(y, s) == pytest.approx(_brute_ap(y.tolist(), s.tolist()))


def test_calibration_hand_computed():
    # 3 bins: (0, 1/3], (1/3, 2/3], (2/3, 1]
    y = [0, 0, 1, 1, 1, 0]
    p = [0.0, 0.2, 0.5, 0.6, 0.9, 1.0]
    c = metrics.calibration(y, p, n_bins=3)
    counts = [b["count"] for b in c["bins"]]
    assert counts == [2, 2, 2]
    # bin gaps: |0.1 - 0| = 0.1; |0.55 - 1| = 0.45; |0.95 - 0.5| = 0.45 -> weighted (2/6 each)
    assert c["ece"] == pytest.approx((0.1 + 0.45 + 0.45) / 3)
    assert c["bins"][1]["frac_pos"] == pytest.approx(1.0)


def test_calibration_bin_edges_and_empty_bins():
    c = metrics.calibration([1, 0], [1 / 15, 14 / 15], n_bins=15)
    counts = [b["count"] for b in c["bins"]]
    assert counts[0] == 1 and counts[13] == 1 and sum(counts) == 2
    assert c["bins"][5]["mean_prob"] is None
    perfect = metrics.calibration([1, 1, 0, 0], [1.0, 1.0, 0.0, 0.0])
    assert perfect["ece"] == 0.0
    with pytest.raises(ValueError):
        metrics.calibration([1], [1.5])
