"""The plain baseline printed next to namerec's numbers, for context.

Key: anyascii transliteration, casefold, every run of characters other than [0-9a-z] to one space.
Match: rapidfuzz Jaro-Winkler similarity >= 0.9 on the whole key (all pairs, chunked
``process.cdist``; no blocking). Clusters: connected components of the match graph. This is the
"threshold + connected components" design whose chaining namerec must avoid.

Example:
    >>> baseline_labels(["Max Bergmann", "max bergman", "Pavel Baev"])  # doctest: +SKIP
    [0, 0, 2]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

__all__ = ["JW_THRESHOLD", "baseline_key", "baseline_labels", "components", "jw_pair_scores"]

JW_THRESHOLD = 0.9
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def baseline_key(name: str) -> str:
    from anyascii import anyascii

    return _NON_ALNUM.sub(" ", anyascii(name).casefold()).strip()


def _hook(parent: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Merge the components joined by edges (a, b) into ``parent`` (a forest with parent[x] <= x).

    Rounds of hooking (each root joined by an edge to a smaller root points to the smallest such
    root) and pointer jumping (every node points straight at its root), until no edge crosses two
    components. Vectorised, so millions of edges cost a handful of numpy passes.
    """
    while True:
        while True:  # pointer jumping: make every tree a star
            grand = parent[parent]
            if np.array_equal(grand, parent):
                break
            parent = grand
        ra, rb = parent[a], parent[b]
        cross = ra != rb
        if not cross.any():
            return parent
        ra, rb = ra[cross], rb[cross]
        lo, hi = np.minimum(ra, rb), np.maximum(ra, rb)
        np.minimum.at(parent, hi, lo)
        a, b = a[cross], b[cross]


def components(n: int, edges_a: np.ndarray, edges_b: np.ndarray) -> np.ndarray:
    """Connected-component label (the smallest member index) of each of ``n`` nodes."""
    parent = np.arange(n, dtype=np.int64)
    if len(edges_a):
        parent = _hook(parent, np.asarray(edges_a, np.int64), np.asarray(edges_b, np.int64))
    return parent


def baseline_labels(names: Sequence[str], threshold: float = JW_THRESHOLD, chunk: int = 1000) -> list[int]:
    """Cluster label per name: JW >= threshold on baseline keys, connected components."""
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler

    keys = [baseline_key(n) for n in names]
    uniq, inverse = np.unique(np.array(keys, dtype=object), return_inverse=True)
    uniq_list = uniq.tolist()
    m = len(uniq_list)
    parent = np.arange(m, dtype=np.int64)
    for start in range(0, m, chunk):
        # uint8 scores (x100) keep a chunk x m block small; the cutoff applies before scaling
        block = process.cdist(
            uniq_list[start : start + chunk],
            uniq_list[start:],
            scorer=JaroWinkler.normalized_similarity,
            score_cutoff=threshold,
            score_multiplier=100,
            dtype=np.uint8,
            workers=-1,
        )
        ia, ib = np.nonzero(block)
        if ia.size:
            parent = _hook(parent, ia + start, ib + start)
    return parent[np.asarray(inverse).ravel()].tolist()


def jw_pair_scores(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    """Baseline similarity of aligned pairs: JW of the baseline keys, in [0, 1]."""
    from rapidfuzz import process
    from rapidfuzz.distance import JaroWinkler

    a = [baseline_key(x) for x, _ in pairs]
    b = [baseline_key(y) for _, y in pairs]
    return np.asarray(
        process.cpdist(a, b, scorer=JaroWinkler.normalized_similarity, workers=-1), dtype=np.float64
    )
