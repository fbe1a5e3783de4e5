"""Bridged pairs: two names in two non-Latin scripts that match one Latin name of the pool, and two
given names one name stands for.

The model reads a name written in another script through its romanisations, which serve to compare
it with a Latin name: Japanese テイラー reads "teira" and Korean 테일러 "teilleo", and each matches
Taylor (0.99), but against each other they are two transcriptions seen through lossy readings and
score low (0.15). In a pool with Taylor, average linkage would then keep most of Taylor's
transcriptions out of its entity, however well each matches Taylor.

When a Latin name X matches both Y and Z, the two are one name at least as surely as both are X:
P(Y = Z) >= P(Y = X) + P(Z = X) - 1 (the Fréchet bound, which holds whatever the dependence between
the two matches). A pair of names in two different non-Latin scripts gets at least the best such
bound over the Latin names of the pool (each match at least 0.5), as a candidate pair of its own if
blocking did not pair them. Pairs the model reads directly (Latin with Latin or with another script,
two names in one script) are left as scored. A name in another script bridging two Latin
romanisations of itself (Хрущёв: Khrushchev, Chruschtschow) was tried: with both matches at 0.8 or
more it raised three train-split wikidata_ru_translit pools of 1,000 entities from 0.9194 to 0.9222
pairwise F1, but took the whole 50,000-name file from 0.665 to 0.643 (precision 0.542 -> 0.509:
at that scale a Cyrillic name matches several unrelated Latin look-alikes surely), and limited to a
hub with no more than two such matches it gained nothing; so it is not done.

In a list of given names (``Config.bare_nicknames``) the same bound joins two names through the name
both are forms of (``nickname_bridges``): Bill is listed under William and Liam is William in Irish,
but no lexicon entry holds both, so without William between them the two stay apart.
"""

from __future__ import annotations

import numpy as np

from .given_names import is_canonical_of
from .records import NameRecords

_NONE = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
# A Latin name bridges only names it matches at least this well: below it, the bound is under 0.
_BRIDGE_FLOOR = 0.5


def bridged_pairs(
    records: NameRecords, left: np.ndarray, right: np.ndarray, probability: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(left, right, bound) of pairs of names in two different non-Latin scripts that share a Latin
    name matched to both with probabilities p and q (each at least ``_BRIDGE_FLOOR``), with
    bound = max over such Latin names of p + q - 1; left < right, each pair once, sorted."""
    latin_id = records.script_id("latin")
    scripts = records.script_ids
    foreign = (scripts >= 0) & (scripts != latin_id)
    if latin_id < 0 or len(np.unique(scripts[foreign])) < 2:  # most pools: nothing to bridge
        return _NONE
    latin = scripts == latin_id
    # Every strong pair of a Latin name (the hub) and a name in another script (a spoke).
    strong = probability >= _BRIDGE_FLOOR
    latin_left = strong & latin[left] & foreign[right]
    latin_right = strong & latin[right] & foreign[left]
    hub = np.concatenate([left[latin_left], right[latin_right]])
    spoke = np.concatenate([right[latin_left], left[latin_right]])
    weight = np.concatenate([probability[latin_left], probability[latin_right]])
    a, b, p, q = _spoke_pairs(hub, spoke, weight)
    apart = scripts[a] != scripts[b]  # two transcriptions into one script are the model's to judge
    return _best_bounds(a[apart], b[apart], p[apart] + q[apart] - 1.0)


def nickname_bridges(
    records: NameRecords, left: np.ndarray, right: np.ndarray, probability: np.ndarray,
    nicknames: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(left, right, bound), as ``bridged_pairs`` gives them, of two one-word given names that a
    third stands for, in a list of given names: Bill and Liam through William (Bill is listed under
    William, Liam is William in Irish), Alex and Sasha through Alexander. ``nicknames`` flags the
    pairs the lexicons make one name (``listed_nickname_pairs``); a hub bridges only the names it is
    the canonical name of (``given_names.is_canonical_of``), so a nickname of two names (Alex, of
    Alexander and Alexandra) joins neither to the other."""
    rows = np.flatnonzero(nicknames & (probability >= _BRIDGE_FLOOR))
    if len(rows) < 2:
        return _NONE
    texts = records.texts
    hub, spoke, weight = [], [], []
    for k, a, b in zip(rows.tolist(), left[rows].tolist(), right[rows].tolist()):
        for x, y in ((a, b), (b, a)):
            if is_canonical_of(texts[x], texts[y]):
                hub.append(x)
                spoke.append(y)
                weight.append(probability[k])
    a, b, p, q = _spoke_pairs(np.asarray(hub, dtype=np.int64), np.asarray(spoke, dtype=np.int64),
                              np.asarray(weight, dtype=np.float64))
    return _best_bounds(a, b, p + q - 1.0)


def _spoke_pairs(hub: np.ndarray, spoke: np.ndarray, weight: np.ndarray):
    """(a, b, p, q): every two spokes a, b of one hub, with the weights p, q of their edges to it."""
    order = np.lexsort((spoke, hub))
    spoke, weight = spoke[order], weight[order]
    # Every two spokes of one hub, k < m in the sorted order: k is paired with the spokes after it.
    position = np.arange(len(hub))
    sorted_hub = hub[order]
    group_stop = np.searchsorted(sorted_hub, sorted_hub, side="right")
    later = group_stop - position - 1
    k = np.repeat(position, later)
    m = k + 1 + np.arange(len(k)) - np.repeat(np.cumsum(later) - later, later)
    return spoke[k], spoke[m], weight[k], weight[m]


def _best_bounds(a: np.ndarray, b: np.ndarray, bound: np.ndarray):
    """Each pair once (left < right, sorted) with its best bound, where that is above 0."""
    if not len(a):
        return _NONE
    low, high = np.minimum(a, b), np.maximum(a, b)
    # The best bound per pair: sort by pair, then bound descending, and keep each pair's first.
    order = np.lexsort((-bound, high, low))
    low, high, bound = low[order], high[order], bound[order]
    first = np.r_[True, (low[1:] != low[:-1]) | (high[1:] != high[:-1])]
    keep = first & (bound > 0) & (low != high)
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
