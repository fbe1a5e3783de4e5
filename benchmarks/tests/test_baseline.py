"""The baseline's vectorised connected components against a plain union-find."""

from __future__ import annotations

import numpy as np

from benchmarks import baseline


def _naive(n, a, b):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for x, y in zip(a, b, strict=True):
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
    return [find(x) for x in range(n)]


def _same_partition(p, q):
    return len(set(p)) == len(set(q)) == len(set(zip(p, q, strict=True)))


def test_components_match_union_find():
    rng = np.random.default_rng(5)
    for _ in range(200):
        n = int(rng.integers(1, 60))
        m = int(rng.integers(0, 2 * n))
        a, b = rng.integers(0, n, m), rng.integers(0, n, m)
        got = baseline.components(n, a, b).tolist()
        assert _same_partition(got, _naive(n, a.tolist(), b.tolist()))
    chain = np.arange(999)
    assert set(baseline.components(1000, chain, chain + 1).tolist()) == {0}


def test_baseline_labels_small():
    labels = baseline.baseline_labels(["Max Bergmann", "max  bergman", "Pavel Baev", "MAX BERGMANN!"])
    assert labels[0] == labels[1] == labels[3] != labels[2]
