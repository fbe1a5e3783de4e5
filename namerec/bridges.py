"""Bridged pairs: two names that one name of another script matches, each through its own reading.

The model reads a name written in another script through its romanisations, which serve to compare
it with a Latin name: Japanese テイラー reads "teira" and Korean 테일러 "teilleo", and each matches
Taylor (0.99), but against each other they are two transcriptions seen through lossy readings and
score low (0.15). Likewise Хрущёв meets its German romanisation Chruschtschow and its English one
Khrushchev, each through the spelling rules of its language, while the two Latin words against
each other look only half alike (0.42). In a pool, average linkage then keeps such names apart
however well each matches the name they share.

When a name X matches both Y and Z, the two are one name at least as surely as both are X:
P(Y = Z) >= P(Y = X) + P(Z = X) - 1 (the Fréchet bound, which holds whatever the dependence between
the two matches). Two names get at least the best such bound over the names of the pool that bridge
them, as a candidate pair of its own if blocking did not pair them:

- a Latin name bridges two names in two different other scripts (each match at least 0.5);
- a name in another script bridges two Latin names (each match at least 0.8).

Other pairs (two names in one other script, a Latin name and one in another script) are left as
scored: there the model reads the two names against each other as well as through a third.
"""

from __future__ import annotations

import numpy as np

from .records import NameRecords

# A Latin name bridges only names it matches at least this well: below it, the bound is under 0.
_BRIDGE_FLOOR = 0.5
# A name in another script bridges two Latin names only when it matches both at least this well (a
# bound of 0.6 or more): the model reads two Latin names directly, and a romanisation's look-alike
# often matches the original moderately too. On three train-split wikidata_ru_translit pools of 1,000
# entities, floors of 0.5 / 0.6 / 0.7 / 0.8 / 0.95 gave mean pairwise F1 0.9153 / 0.9192 / 0.9199 /
# 0.9222 / 0.9224 (none: 0.9194), and 16 Russian names and places in up to six European
# romanisations (development probe) 0.795 / 0.770 / 0.733 / 0.733 / 0.705 (none: 0.682).
_ROMANISATION_FLOOR = 0.8


def bridged_pairs(
    records: NameRecords, left: np.ndarray, right: np.ndarray, probability: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(left, right, bound) of the pairs a name of the pool bridges (see the module's docstring),
    bound = max over those names of p + q - 1 (p and q: its probabilities with the two); left < right,
    each pair once, sorted."""
    empty = np.zeros(0, dtype=np.int64)
    latin_id = records.script_id("latin")
    scripts = records.script_ids
    foreign = (scripts >= 0) & (scripts != latin_id)
    if latin_id < 0 or not foreign.any():  # a pool in one script: nothing to bridge
        return empty, empty, np.zeros(0)
    latin = scripts == latin_id
    # Every strong pair of a Latin name and a name in another script, seen from either end.
    across = (probability >= _BRIDGE_FLOOR) & (
        (latin[left] & foreign[right]) | (foreign[left] & latin[right]))
    hub = np.concatenate([left[across], right[across]])
    spoke = np.concatenate([right[across], left[across]])
    weight = np.concatenate([probability[across], probability[across]])
    order = np.lexsort((spoke, hub))
    spoke, weight = spoke[order], weight[order]
    # Every two spokes of one hub, k < m in the sorted order: k is paired with the spokes after it.
    position = np.arange(len(hub))
    sorted_hub = hub[order]
    group_stop = np.searchsorted(sorted_hub, sorted_hub, side="right")
    later = group_stop - position - 1
    k = np.repeat(position, later)
    m = k + 1 + np.arange(len(k)) - np.repeat(np.cumsum(later) - later, later)
    a, b, p, q = spoke[k], spoke[m], weight[k], weight[m]
    # A Latin hub bridges names in two other scripts; a hub in another script, two Latin names.
    bridged = (scripts[a] != scripts[b]) | (latin[a] & (np.minimum(p, q) >= _ROMANISATION_FLOOR))
    a, b, bound = a[bridged], b[bridged], p[bridged] + q[bridged] - 1.0
    if not len(a):
        return empty, empty, np.zeros(0)
    low, high = np.minimum(a, b), np.maximum(a, b)
    # The best bound per pair: sort by pair, then bound descending, and keep each pair's first.
    order = np.lexsort((-bound, high, low))
    low, high, bound = low[order], high[order], bound[order]
    first = np.r_[True, (low[1:] != low[:-1]) | (high[1:] != high[:-1])]
    keep = first & (bound > 0)
    return low[keep], high[keep], bound[keep]


def with_bridges(
    n_units: int, left: np.ndarray, right: np.ndarray, probability: np.ndarray, flags: np.ndarray,
    bridges: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The sorted pairs (left < right) with the ``bridges`` (``bridged_pairs``) merged in: a scored
    pair keeps the larger of its probability and its bound; a bridged pair blocking did not find is
    added, with no flags set. Pairs stay sorted by (left, right)."""
    low, high, bound = bridges
    if not len(low):
        return left, right, probability, flags
    n = max(n_units, 1)
    scored_keys = left * n + right
    bridged_keys = low * n + high
    position = np.searchsorted(scored_keys, bridged_keys)
    found = position < len(scored_keys)
    found[found] = scored_keys[position[found]] == bridged_keys[found]
    probability = probability.copy()
    np.maximum.at(probability, position[found], bound[found])
    new = ~found
    keys = np.concatenate([scored_keys, bridged_keys[new]])
    order = np.argsort(keys, kind="stable")
    new_flags = np.zeros((int(new.sum()), flags.shape[1]), dtype=flags.dtype)
    return (
        np.concatenate([left, low[new]])[order],
        np.concatenate([right, high[new]])[order],
        np.concatenate([probability, bound[new]])[order],
        np.concatenate([flags, new_flags])[order],
    )
