"""From scored candidate pairs to entities, without chaining.

Three phases over the units (distinct normalised names):

1. names of two or more words are clustered with constrained average linkage;
2. one-word names (a surname or given name alone) are clustered among themselves the same way,
   with a higher threshold (``Config.one_word_threshold``): one word is thin evidence; and two
   clusters that each hold together better than they link to each other stay apart (a word and
   its transliteration do not absorb the look-alike pair next to them);
3. each one-word cluster joins a multi-word cluster only when exactly one is compatible with it;
   with two or more (Max Bergmann and Ingrid Bergman for a bare "Bergman") it stays apart.
   "Compatible" is judged against the rivals: a bare "Georgina" scores low against "Georgina
   King" (one word says little), but with no other Georgina in the list it joins her.

Average linkage merges two clusters only while the mean match probability over their scored member
pairs reaches the threshold (see ``_Linkage.agglomerate``). A chain Bergman - Bergmann - Berman - Herman
therefore cannot form: the strong pair is outvoted by the weak ones around it. Cannot-link
constraints (clearly different given names, different user-supplied types) veto merges of whole
clusters, not just of the two names involved.

Ties are broken by unit id, and units are numbered in sorted order of their normalised text, so
the result does not depend on input order.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

# Scored pairs needed before a mean probability is trusted (measured on train-split pools of the
# three cluster files: 5 was best or within 0.005 of best on each).
_MIN_EVIDENCE = 5
# Weight of an unscored pair between multi-word clusters (one-word clusters use 1): measured on
# patstat_orgs' train split, even 0.02 split its 300-form organisation (pairwise F1 0.97 -> 0.81).
_MULTI_WORD_UNSCORED_WEIGHT = 0.0
# Edges below this probability are dropped from linkage: they change averages by very little.
_EDGE_FLOOR = 0.05
# Multi-word clusters merge while their mean probability reaches this share of the threshold: the mean
# also covers a cluster's more distant variants of one another (a typo against a nickname form), so
# it runs below the probability of a single good pair. Measured on train-split pools (pairwise F1,
# splink 0.746 -> 0.756 at 0.8; wikidata and patstat unchanged or better). With the pool scaling
# (two-word pairs about +0.37 log-odds in pools), 0.8/0.9/1.0 gave splink 1,000-entity pools
# 0.776/0.751, 0.772/0.750, 0.767/0.750 and its whole train split 0.567, 0.591, 0.606.
_MULTI_WORD_LINKAGE_SHARE = 0.9
# Two one-word clusters of two or more names merge only while the link between them is at least the
# weaker cluster's own cohesion (mean probability among its members) less this margin. A lone word
# and its transliteration ("maran", "маран") are one another's best match; a look-alike pair
# ("maren", "марен") links to them almost as well (0.92-0.95) but less well than they cohere (0.997),
# and must stay apart. Measured on train-split wikidata_ru_translit: 1,000-entity pools pairwise F1
# 0.852/0.871 -> 0.861/0.875, the whole train split 0.46 -> 0.56; splink and patstat unchanged.
_ONE_WORD_COHESION_MARGIN = 0.03
# A one-word cluster is ambiguous when a second multi-word cluster links to it at least this
# fraction of the threshold.
_AMBIGUITY_SHARE = 0.6
# A one-word cluster whose best pair into one multi-word cluster is weak (below the threshold) still
# joins it when that pair reaches the floor and every pair into other clusters is at most this
# ratio of it. Measured on train-split splink pools of 1,000 entities: pairwise F1 0.769/0.744 ->
# 0.774/0.753 (floors 0.05-0.2 and ratios 0.1-0.33 all within 0.001 of that).
_WEAK_ATTACH_FLOOR = 0.1
_CLEAR_BEST_RATIO = 0.2
# Their confidence: of the bare words joined this way on three train-split splink pools, 178 of 220
# (0.81) belonged there; their own mean probability (the pair model's, blind to rivals) says less.
_WEAK_ATTACH_CONFIDENCE = 0.8


@dataclass(frozen=True)
class ClusterResult:
    labels: np.ndarray  # int64 per unit: the smallest unit id of its cluster
    confidence: np.ndarray  # float64 per unit: how surely the unit belongs to its cluster


class _Linkage:
    """Constrained average-linkage agglomeration over a sparse weighted graph."""

    def __init__(self, n: int, type_keys: list[str], on_merge: Callable[[int], object] | None = None) -> None:
        self.unscored_weight = 1.0
        self.on_merge = on_merge  # told of each merge (a progress bar's update)
        self.parent = list(range(n))
        self.size = [1] * n
        # links[a][b] = (sum of probabilities, number of scored pairs) between clusters a and b
        self.links: list[dict[int, tuple[float, float]]] = [{} for _ in range(n)]
        self.cannot: list[set[int]] = [set() for _ in range(n)]
        self.types: list[frozenset[str]] = [frozenset({t}) if t else frozenset() for t in type_keys]
        self.version = [0] * n
        # inner[a] = (sum of probabilities, number of scored pairs) among the members of cluster a
        self.inner: list[tuple[float, float]] = [(0.0, 0.0)] * n

    def find(self, u: int) -> int:
        while self.parent[u] != u:
            self.parent[u] = self.parent[self.parent[u]]
            u = self.parent[u]
        return u

    def add_edges(self, left: np.ndarray, right: np.ndarray, weight: np.ndarray) -> None:
        """Add many distinct edges between singleton clusters at once (before any merge)."""
        ends = np.concatenate([left, right])
        order = np.argsort(ends, kind="stable")
        others = np.concatenate([right, left])[order].tolist()
        links = [(w, 1.0) for w in np.concatenate([weight, weight])[order].tolist()]
        sorted_ends = ends[order]
        bounds = np.flatnonzero(np.diff(sorted_ends)) + 1
        starts = np.concatenate(([0], bounds)).tolist() if len(order) else []
        stops = np.concatenate((bounds, [len(order)])).tolist() if len(order) else []
        for node, start, stop in zip(sorted_ends[starts].tolist(), starts, stops):
            self.links[node] = dict(zip(others[start:stop], links[start:stop]))

    def forbid(self, u: int, v: int) -> None:
        a, b = self.find(u), self.find(v)
        if a != b:
            self.cannot[a].add(b)
            self.cannot[b].add(a)

    def can_merge(self, a: int, b: int) -> bool:
        return b not in self.cannot[a] and len(self.types[a] | self.types[b]) <= 1

    def looser_than_members(self, a: int, b: int, linkage: float, margin: float) -> bool:
        """True when clusters a and b (two or more names each) hold together better than they link.

        Cohesion is the mean probability over a cluster's scored member pairs; the link must reach
        the weaker cohesion less ``margin``.
        """
        if self.size[a] < 2 or self.size[b] < 2:
            return False
        (total_a, scored_a), (total_b, scored_b) = self.inner[a], self.inner[b]
        if not scored_a or not scored_b:
            return False
        return linkage < min(total_a / scored_a, total_b / scored_b) - margin

    def merge(self, a: int, b: int) -> int:
        """Merge b into a (or a into b, keeping the larger dict); returns the survivor."""
        if len(self.links[a]) < len(self.links[b]):
            a, b = b, a
        (inner_a, scored_a), (inner_b, scored_b) = self.inner[a], self.inner[b]
        cross, cross_scored = self.links[a].get(b, (0.0, 0.0))
        self.inner[a] = (inner_a + inner_b + cross, scored_a + scored_b + cross_scored)
        self.parent[b] = a
        self.size[a] += self.size[b]
        self.types[a] = self.types[a] | self.types[b]
        links, links_a = self.links, self.links[a]
        for other, link in links[b].items():
            if other == a:
                continue
            old = links_a.get(other)
            if old is not None:  # a neighbour of both: the sums add up (else b's link moves over as is)
                link = (old[0] + link[0], old[1] + link[1])
            links_a[other] = link
            links_other = links[other]
            links_other[a] = link
            del links_other[b]
        self.links[a].pop(b, None)
        self.links[b] = {}
        for other in self.cannot[b]:
            self.cannot[other].discard(b)
            if other != a:
                self.cannot[other].add(a)
                self.cannot[a].add(other)
        self.cannot[a].discard(b)
        self.cannot[b] = set()
        self.version[a] += 1
        self.version[b] += 1
        return a

    def agglomerate(self, nodes: list[int], threshold: float, cohesion_margin: float | None = None) -> None:
        """Merge clusters among ``nodes`` while the best average linkage reaches ``threshold``.

        With ``cohesion_margin``, two clusters of two or more names that cohere better than they
        link (see ``looser_than_members``) are not merged.
        """
        members = set(nodes)
        version, size, unscored_weight = self.version, self.size, self.unscored_weight
        # The linkage of clusters a and b is their mean probability over their member pairs, an
        # unscored pair weighing ``unscored_weight``. Blocking scores only some pairs of a large
        # entity, so unscored pairs cannot weigh fully as 0 (a 300-form organisation would never hold
        # together); but blocking also picks the look-alike pairs, so a mean over scored pairs alone
        # is biased upwards and lets large clusters chain. Unscored pairs therefore count as 0 with a
        # reduced weight, and at least min(_MIN_EVIDENCE, |a| * |b|) pairs of evidence are required.
        # The formula is written out here and below rather than called: these loops run once per
        # edge and once per neighbour of every merged cluster.
        seeds = []
        for a in nodes:
            for b, (total, scored) in self.links[a].items():
                if a < b and b in members:
                    pairs = size[a] * size[b]
                    score = (
                        total / max(scored + unscored_weight * (pairs - scored), min(pairs, _MIN_EVIDENCE))
                        if scored else 0.0
                    )
                    if score >= threshold:
                        seeds.append((-score, a, b, version[a], version[b]))
        # The first entries, sorted once, and a heap of the entries pushed after merges: popping
        # the smaller head of the two gives the pops of one heap holding both (entries are unique
        # and totally ordered), with far fewer heap operations.
        seeds.sort()
        next_seed = 0
        heap: list[tuple[float, int, int, int, int]] = []
        parent = self.parent
        while next_seed < len(seeds) or heap:
            if heap and (next_seed == len(seeds) or heap[0] < seeds[next_seed]):
                negative_score, a, b, va, vb = heapq.heappop(heap)
            else:
                negative_score, a, b, va, vb = seeds[next_seed]
                next_seed += 1
            if version[a] != va or version[b] != vb or parent[a] != a or parent[b] != b:
                continue
            if not self.can_merge(a, b):
                continue
            margin = cohesion_margin
            if margin is not None and self.looser_than_members(a, b, -negative_score, margin):
                continue
            survivor = self.merge(a, b)
            members.add(survivor)
            if self.on_merge is not None:
                self.on_merge(1)
            survivor_size = size[survivor]
            for other, (total, scored) in self.links[survivor].items():
                if other not in members:
                    continue
                pairs = survivor_size * size[other]
                score = total / max(scored + unscored_weight * (pairs - scored), min(pairs, _MIN_EVIDENCE))
                if score >= threshold:
                    lo, hi = (survivor, other) if survivor < other else (other, survivor)
                    heapq.heappush(heap, (-score, lo, hi, version[lo], version[hi]))


def cluster_units(
    n_units: int,
    left: np.ndarray,
    right: np.ndarray,
    probability: np.ndarray,
    *,
    single_word: np.ndarray,
    cannot_link: np.ndarray,
    type_keys: list[str],
    threshold: float,
    one_word_threshold: float | None = None,
    attach_partial: bool = True,
    on_merge: Callable[[int], object] | None = None,
) -> ClusterResult:
    """Cluster units given their scored candidate pairs.

    Multi-word clusters merge while their mean probability reaches ``0.8 * threshold``;
    ``one_word_threshold`` (default: ``threshold``) applies to merges of one-word names;
    ``cannot_link[k]`` forbids pair k (and so any merge of the clusters holding it);
    ``type_keys`` are user-supplied types ("" = unknown), never merged when they differ;
    ``on_merge(1)`` is called after each merge of the linkage phases (for a progress bar).
    """
    linkage_threshold = threshold * _MULTI_WORD_LINKAGE_SHARE
    graph = _Linkage(n_units, type_keys, on_merge)
    same_kind = single_word[left] == single_word[right]
    # Only names joined by a chain of pairs at or above the lowest threshold can ever share a cluster:
    # a linkage is a mean, never above the best pair it averages. Other pairs are left out.
    low = min(threshold, linkage_threshold)
    component = _components(n_units, left[same_kind & (probability >= low)],
                            right[same_kind & (probability >= low)])
    relevant = same_kind & (component[left] == component[right])
    keep = relevant & (probability >= _EDGE_FLOOR)
    graph.add_edges(left[keep], right[keep], probability[keep])
    for u, v in zip(left[cannot_link & relevant].tolist(), right[cannot_link & relevant].tolist()):
        graph.forbid(u, v)

    multi_nodes = [u for u in range(n_units) if not single_word[u]]
    single_nodes = [u for u in range(n_units) if single_word[u]]
    # Multi-word names of one entity share words, so blocking reaches many of their pairs and an
    # unscored pair is weak evidence; one-word names of different entities are look-alikes whose
    # unscored pairs really are unlikely, so there an unscored pair counts fully as 0.
    graph.unscored_weight = _MULTI_WORD_UNSCORED_WEIGHT
    graph.agglomerate(multi_nodes, linkage_threshold)
    graph.unscored_weight = 1.0
    graph.agglomerate(single_nodes, threshold if one_word_threshold is None else one_word_threshold,
                      cohesion_margin=_ONE_WORD_COHESION_MARGIN)
    joined_weakly = np.zeros(n_units, dtype=bool)
    if attach_partial:
        joined_weakly = _attach_partial(graph, left, right, probability, single_word, threshold)

    roots = np.fromiter((graph.find(u) for u in range(n_units)), dtype=np.int64, count=n_units)
    labels = np.full(n_units, -1, dtype=np.int64)
    for u in range(n_units):  # relabel each cluster by its smallest unit id
        if labels[roots[u]] < 0:
            labels[roots[u]] = u
    labels = labels[roots]
    confidence = _member_confidence(labels, left, right, probability, single_word)
    # A bare word joined on weak but unrivalled evidence is as sure as such joins proved to be.
    confidence[joined_weakly] = np.maximum(confidence[joined_weakly], _WEAK_ATTACH_CONFIDENCE)
    return ClusterResult(labels, confidence)


def _components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Connected-component id per node of the graph with the given edges (union-find)."""
    parent = list(range(n))

    def find(u: int) -> int:
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    for u, v in zip(left.tolist(), right.tolist()):
        a, b = find(u), find(v)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return np.fromiter((find(u) for u in range(n)), dtype=np.int64, count=n)


def _attach_partial(graph, left, right, probability, single_word, threshold) -> np.ndarray:
    """Phase 3: a one-word cluster joins the one multi-word cluster it clearly belongs to, if any.

    It joins when its mean probability to one multi-word cluster reaches the threshold and to every
    other stays below ``_AMBIGUITY_SHARE`` of it; or, failing that, when its best pair into one
    cluster reaches ``_WEAK_ATTACH_FLOOR`` and is at least ``1 / _CLEAR_BEST_RATIO`` times its best
    pair into any other: a bare given name scores low against its full name (one word is little
    evidence), yet with no rival full name in the list it is unambiguous.

    Returns a mask of the units that joined on such weak evidence.
    """
    cross = (single_word[left] != single_word[right]) & (probability >= _EDGE_FLOOR)
    cluster_of = np.fromiter((graph.find(u) for u in range(len(single_word))), dtype=np.int64,
                             count=len(single_word))
    single_end = np.where(single_word[left], left, right)
    multi_end = np.where(single_word[left], right, left)
    sums: dict[int, dict[int, float]] = {}
    best_pair: dict[int, dict[int, float]] = {}
    for s, m, p in zip(cluster_of[single_end[cross]].tolist(), cluster_of[multi_end[cross]].tolist(),
                       probability[cross].tolist()):
        sums_s, best_s = sums.setdefault(s, {}), best_pair.setdefault(s, {})
        sums_s[m] = sums_s.get(m, 0.0) + p
        best_s[m] = max(best_s.get(m, 0.0), p)
    decisions = []
    weak: set[int] = set()
    for s in sorted(sums):
        means = sorted(
            ((total / (graph.size[s] * graph.size[m]), m) for m, total in sums[s].items()),
            key=lambda item: (-item[0], item[1]),
        )
        best, target = means[0]
        runner_up = means[1][0] if len(means) > 1 else 0.0
        if best >= threshold and runner_up < threshold * _AMBIGUITY_SHARE:
            decisions.append((s, target))
            continue
        pairs = sorted(((p, m) for m, p in best_pair[s].items()), key=lambda item: (-item[0], item[1]))
        best, target = pairs[0]
        runner_up = pairs[1][0] if len(pairs) > 1 else 0.0
        # Weak evidence is not enough to bridge a known type and an unknown one ("Florence", a
        # place, and an untyped "Florence Nightingale").
        same_types = graph.types[s] == graph.types[target]
        if same_types and best >= _WEAK_ATTACH_FLOOR and runner_up <= _CLEAR_BEST_RATIO * best:
            decisions.append((s, target))
            weak.add(s)
    # Decide first, then merge: attaching one partial must not change another's candidates.
    weakly_merged: list[int] = []
    for s, target in decisions:
        a, b = graph.find(s), graph.find(target)
        if a != b and graph.can_merge(a, b):
            graph.merge(a, b)
            if s in weak:
                weakly_merged.append(s)
    return np.isin(cluster_of, weakly_merged)


def _member_confidence(labels, left, right, probability, single_word) -> np.ndarray:
    """Mean probability to fellow members; for a name alone, 1 - its best outside probability.

    A bare one-word name that fits a full name does not make the full name less sure of being
    its own entity, so those pairs count only for the one-word side.
    """
    n = len(labels)
    inside = labels[left] == labels[right]
    total = np.zeros(n)
    count = np.zeros(n)
    for ends in (left, right):
        np.add.at(total, ends[inside], probability[inside])
        np.add.at(count, ends[inside], 1)
    best_outside = np.zeros(n)
    for ends, others in ((left, right), (right, left)):
        counts = ~inside & ~(single_word[others] & ~single_word[ends])
        np.maximum.at(best_outside, ends[counts], probability[counts])
    sizes = np.bincount(labels, minlength=n)[labels]
    together = np.where(count > 0, total / np.maximum(count, 1), 0.5)
    return np.where(sizes == 1, 1.0 - best_outside, together)
