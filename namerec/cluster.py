"""From scored candidate pairs to entities, without chaining.

Four phases over the units (distinct normalised names):

1. names of two or more words are clustered with constrained average linkage;
2. each one-word name (a surname or given name alone) joins a multi-word cluster only when exactly
   one is compatible with it; with two or more (Max Bergmann and Ingrid Bergman for a bare
   "Bergman") it stays apart. "Compatible" is judged against the rivals: a bare "Georgina" scores
   low against "Georgina King" (one word says little), but with no other Georgina in the list it
   joins her; and a bare "Slater" joins Richard Slater, the only one with that word as written,
   though Arthur Salter looks alike;
3. the one-word names left are clustered among themselves with average linkage and a threshold of
   their own (``Config.one_word_threshold``): one word is thin evidence; and two clusters that
   each hold together better than they link to each other stay apart (a word and its
   transliteration do not absorb the look-alike pair next to them);
4. each one-word cluster then joins a multi-word cluster by the rule of phase 2.

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
import struct
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

# Scored pairs needed before a mean probability is trusted (measured on train-split pools of the
# three cluster files: 5 was best or within 0.005 of best on each).
_MIN_EVIDENCE = 5
# Weight of an unscored pair between multi-word clusters (one-word clusters use 1). Where an
# organisation's name is involved, and neither cluster is mostly people's names, it counts nothing:
# on patstat_orgs' train split even 0.02 split its 300-form organisation (pairwise F1 0.97 -> 0.81).
# Otherwise it counts some: a person has few variants, and weightless unscored pairs let clusters of
# look-alike people chain ("john fox", "jean fox", "jean mayer", ...). A stray name read as an
# organisation ("William Banks": banks is an organisation word) must not make a cluster of people
# weightless: when it did, 200,000 untyped names formed a cluster of 2,216 people (labelled pairwise
# F1 0.27; 0.58 once two clusters both mostly people's weighed their unscored pairs, and 0.64 -> 0.70
# on 100,000 names). "Neither" (rather than "not both") keeps a cluster of people from joining a
# company's on a few strong pairs ("Ned Philipp" / "N. Philips"): 200,000 untyped names 0.61 ->
# 0.66, the largest cluster 653 -> 432 names (all but 16 one company's); 100,000 names 0.704 / 0.703.
# On train-split pools, 0 / 0.05 / 0.1 / 0.2 / 0.35 / 0.6 / 1 gave splink_historical50k's 1,000-entity
# pools (s11-s14, mean pairwise F1) 0.769 / 0.774 / 0.776 / 0.776 / 0.774 / 0.768 / 0.760 and its
# whole train split 0.606 / 0.640 / 0.648 / 0.656 / 0.660 / 0.657 / 0.653; wikidata_ru_translit
# (s11, s12, whole) and patstat_orgs unchanged.
_MULTI_WORD_UNSCORED_WEIGHT = 0.0
_PERSON_UNSCORED_WEIGHT = 0.2
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
# Two clusters written in no common script are not held apart so ("Brown", "Μπράουν" beside
# "Браун", "ブラウン", "브라운": each script's forms cohere best among themselves): lexicon places
# (lexicon off) on train-split pools of 200, 0.565 -> 0.576, the whole train split 0.542 -> 0.555;
# wikidata_ru_translit's train pools unchanged (whole train split 0.7084 -> 0.7086). Nor are two
# clusters of places: on train-split pools of 200 of the lexicon's places that took pairwise F1 from
# 0.594 to 0.616 with the lexicon off and from 0.786 to 0.798 with the gazetteer alone.
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
# A one-word cluster joins the only multi-word cluster whose names end in its word as written, when
# a pair into it reaches the threshold and its best pair into any other is below this share of that
# pair. On three train-split splink pools of 1,000 entities (s11-s13), pairwise F1 0.7916 / 0.7696 /
# 0.7751 became 0.7925 / 0.7703 / 0.7761 at a rival below the threshold, 0.7927 / 0.7708 / 0.7758 at
# 0.6, 0.7934 / 0.7718 / 0.7767 at 0.75 and 0.7940 / 0.7727 / 0.7774 at 0.9; the whole train split
# 0.6605 -> 0.6644; wikidata_ru_translit and patstat_orgs unchanged. At 0.9, 46 of 65 bare words
# joined this way belonged there (0.71), their confidence: a rival close to 1 (Max Bergmann and
# Ingrid Bergman for a bare "Bergman", 0.99 each) still leaves the word apart.
_WRITTEN_RIVAL_SHARE = 0.9
_WRITTEN_ATTACH_CONFIDENCE = 0.7


@dataclass(frozen=True)
class ClusterResult:
    labels: np.ndarray  # int64 per unit: the smallest unit id of its cluster
    confidence: np.ndarray  # float64 per unit: how surely the unit belongs to its cluster


_DOUBLE, _UINT64 = struct.Struct("<d"), struct.Struct("<Q")
_TOP_BITS = (1 << 63) - 1


def _float_bits(value: float) -> int:
    """The bits of a float as an int: for floats >= 0, in the same order as the floats."""
    return _UINT64.unpack(_DOUBLE.pack(value))[0]


class _Linkage:
    """Constrained average-linkage agglomeration over a sparse weighted graph.

    A link between two clusters is one complex number, (sum of probabilities) + (number of scored
    pairs)j: a third of the memory of a tuple of two floats (links are the bulk of the memory of a
    million names), and ``+`` adds both parts exactly as two float additions would.
    """

    def __init__(
        self,
        n: int,
        type_keys: list[str],
        on_merge: Callable[[int], object] | None = None,
        personal: np.ndarray | None = None,
        organisation: np.ndarray | None = None,
        scripts: np.ndarray | None = None,
        latin: int = -1,
        place: np.ndarray | None = None,
    ) -> None:
        self.unscored_weight = 1.0
        # Per cluster: the scripts its names are written in, one bit per script id (0: unknown), and
        # for a cluster in two or more scripts its names per script (see ``comparable_pairs``).
        self.scripts: list[int] = (
            [0] * n if scripts is None
            else [1 << s if s >= 0 else 0 for s in np.asarray(scripts, dtype=np.int64).tolist()]
        )
        self.latin = 1 << latin if latin >= 0 else 0
        self.script_counts: dict[int, dict[int, int]] = {}
        # Per cluster: how many of its names are people's and organisations' (see ``linkage``).
        self.people: list[int] = (
            [1] * n if personal is None else np.asarray(personal, dtype=np.int64).tolist()
        )
        self.organisations: list[int] = (
            [0] * n if organisation is None else np.asarray(organisation, dtype=np.int64).tolist()
        )
        # Per unit: typed as a place? And per cluster: does it hold such a name (see ``_attach_partial``)?
        self.unit_places = np.zeros(n, dtype=bool) if place is None else np.asarray(place, dtype=bool)
        self.places: list[bool] = self.unit_places.tolist()
        self.org_unscored_weight = 1.0
        self.on_merge = on_merge  # told of each merge (a progress bar's update)
        self.parent = list(range(n))
        self.size = [1] * n
        # links[a][b]: the link between clusters a and b
        self.links: list[dict[int, complex]] = [{} for _ in range(n)]
        self.cannot: dict[int, set[int]] = {}  # clusters a cluster must never merge with (few have any)
        type_sets = {t: frozenset({t}) if t else frozenset() for t in set(type_keys)}
        self.types: list[frozenset[str]] = [type_sets[t] for t in type_keys]
        # inner[a]: the sum of probabilities and number of scored pairs among the members of a, as a link
        self.inner: list[complex] = [0j] * n
        self.edges: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def find(self, u: int) -> int:
        while self.parent[u] != u:
            self.parent[u] = self.parent[self.parent[u]]
            u = self.parent[u]
        return u

    def roots(self) -> np.ndarray:
        """``find(u)`` for every unit u, by following every parent pointer at once in numpy."""
        return _followed_to_the_end(np.asarray(self.parent, dtype=np.int64))

    def add_edges(self, left: np.ndarray, right: np.ndarray, weight: np.ndarray) -> None:
        """Add all the edges, distinct, between single units (once, before any merge)."""
        self.edges = (left, right, weight)
        ends = np.concatenate([left, right])
        order = np.argsort(ends, kind="stable")
        # The two directions of an edge share one link object, and every key is the one int object
        # of its unit: tens of millions of dict entries, each pointing to shared objects.
        ids = list(range(len(self.parent)))
        others = list(map(ids.__getitem__, np.concatenate([right, left])[order].tolist()))
        edge_links = (np.asarray(weight, dtype=np.float64) + 1j).tolist()
        links = list(map(edge_links.__getitem__, (order % max(len(left), 1)).tolist()))
        sorted_ends = ends[order]
        bounds = np.flatnonzero(np.diff(sorted_ends)) + 1
        starts = np.concatenate(([0], bounds)).tolist() if len(order) else []
        stops = np.concatenate((bounds, [len(order)])).tolist() if len(order) else []
        for node, start, stop in zip(sorted_ends[starts].tolist(), starts, stops):
            self.links[node] = dict(zip(others[start:stop], links[start:stop]))

    def forbid(self, u: int, v: int) -> None:
        a, b = self.find(u), self.find(v)
        if a != b:
            self.cannot.setdefault(a, set()).add(b)
            self.cannot.setdefault(b, set()).add(a)

    def can_merge(self, a: int, b: int) -> bool:
        return b not in self.cannot.get(a, ()) and len(self.types[a] | self.types[b]) <= 1

    def may_join_weakly(self, a: int, b: int) -> bool:
        """May cluster a join cluster b on evidence below the threshold? Not across a known type and
        an unknown one, and not as a name that is no organisation's into a cluster of organisations'
        names (not mostly people's): a bare "katz" is no variant of "Akzo Nobel N.V.", however
        unrivalled its weak pair to it."""
        if self.types[a] != self.types[b]:
            return False
        if self.organisations[a] or not self.organisations[b]:
            return True
        return 2 * self.people[b] > self.size[b]

    def looser_than_members(self, a: int, b: int, linkage: float, margin: float) -> bool:
        """True when clusters a and b (two or more names each, in a script they share) hold together
        better than they link.

        Cohesion is the mean probability over a cluster's scored member pairs; the link must reach
        the weaker cohesion less ``margin``. Places are not held apart so: a place's spellings vary
        more than a person's (Nafplio and Ναύπλιο cohere, Nafplion and Nauplion too, and all four are
        one town), and look-alike places are told apart by the gazetteer and the place rules.
        Clusters written in no common script are not held apart either: each is then the name in
        some of its scripts ("Brown", "Μπράουν"; "Браун", "ブラウン", "브라운"), and their forms cohere
        best script by script.
        """
        if self.size[a] < 2 or self.size[b] < 2 or self.places[a] or self.places[b]:
            return False
        if self.scripts[a] and self.scripts[b] and not self.scripts[a] & self.scripts[b]:
            return False
        inner_a, inner_b = self.inner[a], self.inner[b]
        if not inner_a.imag or not inner_b.imag:
            return False
        return linkage < min(inner_a.real / inner_a.imag, inner_b.real / inner_b.imag) - margin

    def linkage(self, a: int, b: int, link: complex) -> float:
        """The linkage of clusters a and b: their mean probability over their member pairs.

        ``link`` is (sum of probabilities) + (number of scored pairs)j. Blocking scores only some
        pairs of a large entity, so unscored pairs cannot weigh fully as 0 (a 300-form organisation
        would never hold together); but blocking also picks the look-alike pairs, so a mean over
        scored pairs alone is biased upwards and lets large clusters chain. Unscored pairs therefore
        count as 0 with a reduced weight: ``org_unscored_weight`` when either cluster holds an
        organisation's name and neither is mostly people's names, else ``unscored_weight``. At least
        min(_MIN_EVIDENCE, pairs) pairs of evidence are required. It never rises as clusters grow.
        """
        scored = link.imag
        if not scored:
            return 0.0
        size, people, organisations = self.size, self.people, self.organisations
        pairs = size[a] * size[b]
        if (organisations[a] or organisations[b]) and not (
            2 * people[a] > size[a] or 2 * people[b] > size[b]
        ):
            weight = self.org_unscored_weight
        else:
            weight = self.unscored_weight
        unscored = pairs - scored
        others = (self.scripts[a] | self.scripts[b]) & ~self.latin
        if weight and others & (others - 1):  # two scripts besides Latin: some pairs not comparable
            unscored = max(self.comparable_pairs(a, b) - scored, 0.0)
        return link.real / max(scored + weight * unscored, min(pairs, _MIN_EVIDENCE))

    def _script_counts(self, a: int) -> dict[int, int]:
        return self.script_counts.get(a) or {self.scripts[a]: self.size[a]}

    def comparable_pairs(self, a: int, b: int) -> int:
        """How many member pairs of clusters a and b blocking can compare: two names in one script,
        or one of them Latin (a name in another script is read and spelt against Latin names). Two
        names in two other scripts (Greek and Hebrew, kana and Armenian) meet only through shared
        keys, so their unscored pair says nothing of them, and ``linkage`` does not count it."""
        latin = self.latin
        total = 0
        for script_a, names_a in self._script_counts(a).items():
            for script_b, names_b in self._script_counts(b).items():
                if not script_a or not script_b or script_a == script_b or (script_a | script_b) & latin:
                    total += names_a * names_b
        return total

    def merge(self, a: int, b: int) -> tuple[int, dict[int, complex]]:
        """Merge b into a (or a into b, keeping the larger dict).

        Returns the survivor and the other's former links but the one between them: the clusters
        whose link to the survivor has changed.
        """
        links = self.links
        if len(links[a]) < len(links[b]):
            a, b = b, a
        links_a, links_b = links[a], links[b]
        links_b.pop(a, None)
        self.inner[a] = self.inner[a] + self.inner[b] + links_a.pop(b, 0j)
        if self.scripts[a] != self.scripts[b] or a in self.script_counts or b in self.script_counts:
            counts = dict(self._script_counts(a))  # (read before the sizes change)
            for script, names in self._script_counts(b).items():
                counts[script] = counts.get(script, 0) + names
            self.script_counts[a] = counts
            self.script_counts.pop(b, None)
        self.scripts[a] |= self.scripts[b]
        self.parent[b] = a
        self.size[a] += self.size[b]
        self.people[a] += self.people[b]
        self.organisations[a] += self.organisations[b]
        self.places[a] = self.places[a] or self.places[b]
        self.types[a] = self.types[a] | self.types[b]
        linked_to_a = links_a.get
        for other, link in links_b.items():
            old = linked_to_a(other)
            if old is not None:  # a neighbour of both: the sums add up (else b's link moves over as is)
                link = old + link
            links_a[other] = link
            links_other = links[other]
            links_other[a] = link
            del links_other[b]
        links[b] = {}
        cannot_b = self.cannot.pop(b, None)
        if cannot_b:
            cannot_a = self.cannot.setdefault(a, set())
            for other in cannot_b:
                cannot_other = self.cannot[other]
                cannot_other.discard(b)
                if other != a:
                    cannot_other.add(a)
                    cannot_a.add(other)
            cannot_a.discard(b)
        return a, links_b

    def agglomerate(self, nodes: list[int], threshold: float, cohesion_margin: float | None = None) -> None:
        """Merge clusters among ``nodes`` while the best average linkage reaches ``threshold``.

        ``nodes`` must still be single units, linked only by the edges given to ``add_edges``. With
        ``cohesion_margin``, two clusters of two or more names that cohere better than they link
        (see ``looser_than_members``) are not merged.

        The best pair comes from a heap of (-linkage, a, b) entries whose linkage may be out of date
        but never too low: a merge lowers every unchanged link of the survivor (more pairs, same
        evidence), and only the links it changed, and pairs refused while both clusters stayed as
        they were, get new entries. A popped entry whose linkage is out of date goes back with the
        current one, so pairs are merged in exactly the order of an always-current heap, while
        a merge costs only the links of the smaller cluster, not those of the growing one.
        """
        n = len(self.parent)
        member = np.zeros(n, dtype=bool)
        member[np.asarray(nodes, dtype=np.int64)] = True
        # Heap entries are ints that sort as the tuples (-linkage, a, b) would: the heap compares
        # one object instead of a tuple and a float, several times faster on a large heap.
        id_bits = max(n - 1, 1).bit_length()
        id_mask, score_shift = (1 << id_bits) - 1, 2 * id_bits
        pair_mask = (1 << score_shift) - 1

        def entry(linkage: float, a: int, b: int) -> int:
            return (_TOP_BITS - _float_bits(linkage)) << score_shift | a << id_bits | b

        # At the start every linkage is an edge's own probability: the first entries, sorted once.
        left, right, weight = self.edges if self.edges is not None else (np.zeros(0, dtype=np.int64),) * 3
        first = member[left] & member[right] & (weight >= threshold)
        lo, hi = np.minimum(left, right)[first], np.maximum(left, right)[first]
        score = np.asarray(weight[first], dtype=np.float64)
        order = np.lexsort((hi, lo, -score))
        seeds = [
            top << score_shift | ids for top, ids in zip(
                (np.uint64(_TOP_BITS) - score[order].view(np.uint64)).tolist(),
                (lo[order] << id_bits | hi[order]).tolist(),
            )
        ]
        member = member.tolist()
        # Popping the smaller head of the sorted seeds and of a heap of the entries pushed after
        # merges gives the pops of one heap holding both.
        next_seed = 0
        heap: list[int] = []
        parent, size, links, linkage_of = self.parent, self.size, self.links, self.linkage

        def side(a: int) -> tuple[bool, bool]:
            """What ``linkage`` reads of a cluster to weigh its unscored pairs: mostly people's
            names? any organisation's?"""
            return 2 * self.people[a] > size[a], self.organisations[a] > 0

        refused: dict[int, set[int]] = {}  # pairs refused since either cluster last changed
        # The entry last pushed for a pair (seeds are not listed): only it stands for the pair. An
        # older one is skipped unread, so a pair whose link was renewed several times does not keep
        # one entry per renewal, each popped and pushed back (at 200,000 names the pushes grew x3.7
        # for x2.1 merges).
        latest: dict[int, int] = {}
        seed_count = len(seeds)
        while next_seed < seed_count or heap:
            if heap and (next_seed == seed_count or heap[0] < seeds[next_seed]):
                key = heapq.heappop(heap)
            else:
                key = seeds[next_seed]
                next_seed += 1
            pair = key & pair_mask
            a, b = pair >> id_bits, pair & id_mask
            if parent[a] != a or parent[b] != b or latest.get(pair, key) != key or b in refused.get(a, ()):
                continue
            linkage = linkage_of(a, b, links[a][b])
            bits, stored = _float_bits(linkage), _TOP_BITS - (key >> score_shift)
            if bits != stored:
                # Out of date, so lower: back in line (a link that rose was renewed, in a newer entry).
                if linkage >= threshold and bits < stored:
                    latest[pair] = renewed = (_TOP_BITS - bits) << score_shift | pair
                    heapq.heappush(heap, renewed)
                continue
            if not self.can_merge(a, b) or (
                cohesion_margin is not None and self.looser_than_members(a, b, linkage, cohesion_margin)
            ):
                refused.setdefault(a, set()).add(b)
                refused.setdefault(b, set()).add(a)
                continue
            before = {a: side(a), b: side(b)}
            survivor, changed = self.merge(a, b)
            if self.on_merge is not None:
                self.on_merge(1)
            renew = set(changed)
            if side(survivor) != before[survivor] and self.org_unscored_weight != self.unscored_weight:
                # The survivor changed side: its unchanged links weigh unscored pairs differently now.
                renew.update(links[survivor])
            for gone in (a, b):
                for other in refused.pop(gone, ()):
                    refused[other].discard(gone)
                    renew.add(other)
            links_survivor = links[survivor]
            for other in renew:
                if other == survivor or not member[other]:
                    continue
                link = links_survivor[other]
                if link.real < threshold * link.imag:
                    # The mean of the scored pairs bounds the linkage from above (unscored pairs only
                    # add weight): below the threshold, skip computing it (about four renewed links in
                    # ten at 200,000 names).
                    continue
                linkage = linkage_of(survivor, other, link)
                if linkage >= threshold:
                    low, high = (survivor, other) if survivor < other else (other, survivor)
                    renewed = entry(linkage, low, high)
                    latest[renewed & pair_mask] = renewed
                    heapq.heappush(heap, renewed)


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
    personal: np.ndarray | None = None,
    organisation: np.ndarray | None = None,
    lone_word_in: np.ndarray | None = None,
    scripts: np.ndarray | None = None,
    latin_script: int = -1,
    place: np.ndarray | None = None,
    place_word_among: np.ndarray | None = None,
) -> ClusterResult:
    """Cluster units given their scored candidate pairs.

    Multi-word clusters merge while their mean probability reaches ``_MULTI_WORD_LINKAGE_SHARE``
    times ``threshold``;
    ``one_word_threshold`` (default: ``threshold``) applies to merges of one-word names;
    ``cannot_link[k]`` forbids pair k (and so any merge of the clusters holding it);
    ``type_keys`` are user-supplied types ("" = unknown), never merged when they differ;
    ``on_merge(1)`` is called after each merge of the linkage phases (for a progress bar);
    ``personal`` and ``organisation`` mark the units that are people's names (default: all) and
    organisations' (default: none), which decide how unscored pairs weigh between multi-word clusters;
    ``lone_word_in[k]`` says pair k is a one-word name and a longer name ending in that very word;
    ``scripts`` gives each unit's script id (-1: none; default: unknown) and ``latin_script`` the id
    of Latin, for the cohesion rule of one-word clusters (``_Linkage.looser_than_members``) and the
    weight of unscored pairs (``_Linkage.comparable_pairs``); ``place`` marks the units typed as
    places, which join no multi-word cluster on its best pair alone (see ``_attach_partial``) unless
    ``place_word_among[k]`` (pair k is a one-word place and a longer one with that very word among
    its words) holds for some pair into it.
    """
    linkage_threshold = threshold * _MULTI_WORD_LINKAGE_SHARE
    graph = _Linkage(n_units, type_keys, on_merge, personal, organisation, scripts, latin_script, place)
    same_kind = single_word[left] == single_word[right]
    # Only names joined by a chain of pairs at or above the lowest threshold can ever share a cluster:
    # a linkage is a mean, never above the best pair it averages. Other pairs are left out.
    low = min(threshold, linkage_threshold)
    component = _components(n_units, left[same_kind & (probability >= low)],
                            right[same_kind & (probability >= low)])
    relevant = same_kind & (component[left] == component[right])
    keep = relevant & (probability >= _EDGE_FLOOR)
    graph.add_edges(left[keep], right[keep], probability[keep])
    # Every veto, a one-word name's with a longer name's too: attaching lone words heeds them.
    for u, v in zip(left[cannot_link].tolist(), right[cannot_link].tolist()):
        graph.forbid(u, v)

    multi_nodes = np.flatnonzero(~single_word).tolist()
    single_nodes = np.flatnonzero(single_word).tolist()
    # Multi-word names of one entity share words, so blocking reaches many of their pairs and an
    # unscored pair is weak evidence; one-word names of different entities are look-alikes whose
    # unscored pairs really are unlikely, so there an unscored pair counts fully as 0.
    graph.unscored_weight, graph.org_unscored_weight = _PERSON_UNSCORED_WEIGHT, _MULTI_WORD_UNSCORED_WEIGHT
    graph.agglomerate(multi_nodes, linkage_threshold)
    graph.unscored_weight = graph.org_unscored_weight = 1.0
    confidence_floor = np.zeros(n_units)
    if attach_partial:
        # Lone words first: clustering look-alike bare surnames ("broughton", "bruton") before they
        # attach would make each ambiguous between the two full names they clearly belong to.
        # A lone word with a one-word partner it matches better than any longer name ("Guiyana",
        # "Guyana" beside "British Guiana") is not joined on weak evidence before they cluster.
        both_single = single_word[left] & single_word[right]
        one_word_partner = np.zeros(n_units)
        for ends in (left, right):
            np.maximum.at(one_word_partner, ends[both_single], probability[both_single])
        confidence_floor = _attach_partial(
            graph, left, right, probability, single_word, threshold, lone_word_in, one_word_partner,
            place_word_among)
        single_nodes = [u for u in single_nodes if graph.size[graph.find(u)] == 1]
    graph.agglomerate(single_nodes, threshold if one_word_threshold is None else one_word_threshold,
                      cohesion_margin=_ONE_WORD_COHESION_MARGIN)
    if attach_partial:
        confidence_floor = np.maximum(confidence_floor, _attach_partial(
            graph, left, right, probability, single_word, threshold, lone_word_in,
            place_word_among=place_word_among))

    roots = graph.roots()
    smallest = np.full(n_units, n_units, dtype=np.int64)  # relabel each cluster by its smallest unit id
    np.minimum.at(smallest, roots, np.arange(n_units, dtype=np.int64))
    labels = smallest[roots]
    confidence = _member_confidence(labels, left, right, probability, single_word)
    # A bare word joined on weak but unrivalled evidence is as sure as such joins proved to be.
    confidence = np.maximum(confidence, confidence_floor)
    return ClusterResult(labels, confidence)


def _components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Connected-component id per node of the graph with the given edges: the smallest node of its
    component. Labels are propagated along the edges, then shortcut to their own labels, until
    nothing changes (in numpy: a Python union-find over a million edges costs most of a second)."""
    labels = np.arange(n, dtype=np.int64)
    left, right = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
    while len(left):
        lowest = np.minimum(labels[left], labels[right])
        before = labels.copy()
        np.minimum.at(labels, left, lowest)
        np.minimum.at(labels, right, lowest)
        # Every label is a node of the same component, no larger than the node: follow them down.
        labels = _followed_to_the_end(labels)
        if np.array_equal(labels, before):
            break
    return labels


def _followed_to_the_end(pointers: np.ndarray) -> np.ndarray:
    """Per node, the node reached by following ``pointers`` until a node points to itself (the
    pointers must lead there without a cycle), jumping all nodes at once."""
    while True:
        further = pointers[pointers]
        if np.array_equal(further, pointers):
            return pointers
        pointers = further


def _attach_partial(graph, left, right, probability, single_word, threshold, lone_word_in=None,
                    one_word_partner=None, place_word_among=None) -> np.ndarray:
    """Phases 2 and 4: a one-word cluster joins the one multi-word cluster it clearly belongs to, if any.

    It joins a multi-word cluster by the first of three rules that holds:

    - its mean probability to that cluster reaches the threshold, and to every other stays below
      ``_AMBIGUITY_SHARE`` of it;
    - that cluster alone has names ending in its word as written (``lone_word_in[k]``: pair k is a
      one-word name and a longer name ending in that very word), a pair into it reaches the
      threshold, and no pair into another reaches ``_WRITTEN_RIVAL_SHARE`` of that pair: a bare
      "slater" with Richard Slater and Arthur Salter in the list is Slater's, however alike the
      two surnames look. Only the last word counts: a bare given name is shared by many people,
      and joined this way it was another person's more often than not on train-split pools;
    - its best pair into that cluster reaches ``_WEAK_ATTACH_FLOOR`` and is at least
      ``1 / _CLEAR_BEST_RATIO`` times its best pair into any other: a bare given name scores low
      against its full name (one word is little evidence), yet with no rival full name in the list
      it is unambiguous.

    The last is not taken while the word matches another one-word name better than any longer
    name and at least at the threshold (``one_word_partner``, per unit; phase 2 only): the two
    cluster first (phase 3) and then attach together.

    The last two are weaker evidence, not enough to bridge a known type and an unknown one
    ("Washington", a place, and an untyped "George Washington"), nor to join a word that is no
    organisation's name to organisations' names (``_Linkage.may_join_weakly``): on 100,000 pooled
    names bare surnames had joined companies ("katz" Akzo Nobel N.V.), and refusing that raised the
    labelled names' pairwise precision from 0.634 to 0.666 (F1 0.712 to 0.731); train-split pools of
    the three cluster files did not move. Returns, per unit, the confidence
    a join by one of them proved to deserve (``_WRITTEN_ATTACH_CONFIDENCE``,
    ``_WEAK_ATTACH_CONFIDENCE``), else 0.
    """
    n = len(single_word)
    cluster_of = graph.roots()
    # A one-word name that has joined a multi-word cluster is one of its names and never a lone word
    # to attach. Its pairs count as the cluster's only between places (Hassakeh's pair with Hasakah,
    # joined to Al-Hasakah, does): between people's names they let lone words chain into a cluster
    # (on wikidata_ru_translit's whole file pairwise F1 fell from 0.673 to 0.660 when they counted).
    holds_words = np.zeros(n, dtype=bool)
    holds_words[cluster_of[~single_word]] = True
    in_multi = holds_words[cluster_of]
    counts_for_cluster = ~(in_multi & single_word) | graph.unit_places
    cross = ((in_multi[left] != in_multi[right]) & (probability >= _EDGE_FLOOR)
             & np.where(in_multi[left], counts_for_cluster[left], counts_for_cluster[right]))
    single_end = cluster_of[np.where(in_multi[left], right, left)[cross]]
    multi_end = cluster_of[np.where(in_multi[left], left, right)[cross]]
    # One row per (one-word cluster s, multi-word cluster m), sorted by s then m: the sum of their
    # probabilities (bincount adds them in pair order, as a running sum does) and the best one.
    group, inverse = np.unique(single_end * n + multi_end, return_inverse=True)
    s, m = group // n, group % n
    total = np.bincount(inverse, weights=probability[cross], minlength=len(group))
    best_pair = np.zeros(len(group))
    np.maximum.at(best_pair, inverse, probability[cross])
    sizes = np.asarray(graph.size, dtype=np.int64)
    mean = total / (sizes[s] * sizes[m])
    # A cluster the word may never join (a cannot-link: 习近平 and Xi Yuanping, brothers) is no rival to
    # the one it may: it neither makes the word ambiguous nor takes it.
    vetoed = [k for k, (a, b) in enumerate(zip(s.tolist(), m.tolist()))
              if a in graph.cannot and not graph.can_merge(a, b)]
    mean[vetoed] = best_pair[vetoed] = 0.0
    firsts = np.flatnonzero(np.r_[True, s[1:] != s[:-1]]) if len(s) else np.zeros(0, dtype=np.int64)

    def best_two(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per s: the best value (ties: the smallest m), its m, the runner-up value (else 0), and
        the row (of ``group``) of the best."""
        order = np.lexsort((m, -values, s))
        ranked = values[order]
        has_second = np.r_[firsts[1:], len(s)] - firsts > 1
        runner_up = np.where(has_second, ranked[np.minimum(firsts + 1, len(s) - 1)], 0.0)
        return ranked[firsts], m[order][firsts], runner_up, order[firsts]

    best_mean, mean_target, mean_runner_up, _ = best_two(mean)
    best_single, pair_target, pair_runner_up, pair_row = best_two(best_pair)
    # Per s: how many multi-word clusters end names in its word as written, and (when it is one)
    # the best pair into that holder and into any other cluster.
    written = np.zeros(len(group), dtype=bool)
    if lone_word_in is not None:
        np.logical_or.at(written, inverse, lone_word_in[cross])
    holders = np.add.reduceat(written.astype(np.int64), firsts) if len(firsts) else np.zeros(0, np.int64)
    owner = np.repeat(np.arange(len(firsts)), np.diff(np.r_[firsts, len(s)]))
    holder = np.full(len(firsts), -1, dtype=np.int64)
    holder[owner[written]] = m[written]
    best_into_holder = np.zeros(len(firsts))
    best_into_holder[owner[written]] = best_pair[written]
    best_into_rival = np.zeros(len(firsts))
    np.maximum.at(best_into_rival, owner[~written], best_pair[~written])
    # Per (s, m): is the word of s one of the words of a name of m (places only; see below)?
    shared = np.zeros(len(group), dtype=bool)
    if place_word_among is not None:
        np.logical_or.at(shared, inverse, place_word_among[cross])
    decisions = []
    weak: dict[int, float] = {}  # unit -> the confidence its join deserves
    for k, unit in enumerate(s[firsts].tolist()):
        if best_mean[k] >= threshold and mean_runner_up[k] < threshold * _AMBIGUITY_SHARE:
            decisions.append((unit, int(mean_target[k])))
            continue
        written_into = int(holder[k])
        if (holders[k] == 1 and graph.may_join_weakly(unit, written_into)
                and best_into_holder[k] >= threshold
                and best_into_rival[k] < _WRITTEN_RIVAL_SHARE * best_into_holder[k]):
            decisions.append((unit, written_into))
            weak[unit] = _WRITTEN_ATTACH_CONFIDENCE
            continue
        best, target = float(best_single[k]), int(pair_target[k])
        clear_best = best >= _WEAK_ATTACH_FLOOR and pair_runner_up[k] <= _CLEAR_BEST_RATIO * best
        if one_word_partner is not None and one_word_partner[unit] >= max(threshold, best):
            continue  # a one-word name it matches better: they cluster first (phase 3), then attach
        # A one-word place is a short form only of a longer one that has its word (Guangdong,
        # Guangdong Province); otherwise a weak pair is a look-alike (馬籠, Magome, read "ma long",
        # beside Mae Hong Son).
        if clear_best and (not graph.places[target] or shared[pair_row[k]]) and graph.may_join_weakly(
                unit, target):
            decisions.append((unit, target))
            weak[unit] = _WEAK_ATTACH_CONFIDENCE
    # Decide first, then merge: attaching one partial must not change another's candidates.
    floor_of_cluster = np.zeros(n)
    for unit, target in decisions:
        a, b = graph.find(unit), graph.find(target)
        if a != b and graph.can_merge(a, b):
            graph.merge(a, b)
            floor_of_cluster[unit] = weak.get(unit, 0.0)
    return floor_of_cluster[cluster_of]


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
        count += np.bincount(ends[inside], minlength=n)  # np.add.at with a scalar is many times slower
    best_outside = np.zeros(n)
    for ends, others in ((left, right), (right, left)):
        counts = ~inside & ~(single_word[others] & ~single_word[ends])
        np.maximum.at(best_outside, ends[counts], probability[counts])
    sizes = np.bincount(labels, minlength=n)[labels]
    together = np.where(count > 0, total / np.maximum(count, 1), 0.5)
    return np.where(sizes == 1, 1.0 - best_outside, together)
