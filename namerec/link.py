"""Linking names to a reference list of known entities, with NIL ("no entry") when none fits.

``link(names, reference)`` works on entities, not on single strings:

1. the names are reconciled together (:func:`namerec.reconcile`), so a bare "Bergman" beside
   "Max Bergmann" is one entity with him;
2. each member's distinct spelling asks the :class:`~namerec.reference_index.ReferenceIndex` for
   candidate entries (never all pairs); an entity's candidates are the union, best
   ``CANDIDATES_PER_ENTITY`` kept, minus entries whose known type differs from the entity's;
3. every (member, entry name or alias) pair gets a *link score*, the best of four views:

   - ``direct``: the calibrated pair probability of the core model (Reconciler.score_pairs);
   - ``surname``: for a one-word mention and a longer person name, the chain
     P(mention ~ the name's last word) x P(last word ~ the name): "Bertsyna" reaches
     "Kristine Berzina" through "Berzina", where the direct one-word-vs-full-name probability
     is low for a respelled surname;
   - ``acronym``: an acronym and an organisation name whose initials spell it, either way round
     (NATO ~ North Atlantic Treaty Organization): ``ACRONYM_PROBABILITY``, a prior, because
     acronyms are shared by unrelated bodies;
   - ``coverage``: for two organisation-like names, how much of the reference name's
     distinctive content the mention contains, ``COVERAGE_CAP x c_ref^2 x c_mention``, where
     ``c_ref`` is the share of the reference name's token weight found in the mention and
     ``c_mention`` the share of the mention's found in the reference name; weights are token
     rarity within the reference list, so "for", "and" and a common "Center" count little.
     A garbled "Stewart Center for Strategic and International Studies" covers all of the
     Center for Strategic and International Studies and little of the Stimson Center;

   for two organisation names where *each* has a distinctive word the other lacks ("Institute for
   Lunar Agriculture" vs "Institute for Marine Agriculture") the direct view's odds are first
   multiplied by ``SUBSTITUTION_LIKELIHOOD_RATIO`` (fitted on labelled organisation pairs); an
   entry scores its best name or alias;
4. the entity's score for an entry is the mean of its members' scores weighted by how much each
   member says (the summed background rarity of its words, see namerec.records.token_rarity;
   initials count a fifth). A one-word member agreeing with a decoy ("Bergman" ~ Ingrid Bergman)
   is outweighed by the full names that disagree with it;
5. entity scores s_e become link probabilities under the constraint that an entity is at most
   one entry: with odds o_e = s_e / (1 - s_e), P(entry e) = o_e / (1 + sum of all o) and
   P(no entry) = 1 / (1 + sum of all o). Two entries that fit equally well share the probability,
   so an ambiguous name is not forced onto either;
6. the best entry is linked when its probability reaches ``config.match_threshold``; otherwise the
   entity is NIL with confidence 1 - that probability. Up to three runner-up entries are returned
   as alternatives with their probabilities. A linked entity's canonical name is the reference's.

The full rationale and measurements are in docs/linking.md.

>>> reference = [{"id": "Q1", "name": "Max Bergmann", "type": "PERSON"},
...              {"id": "Q2", "name": "Ingrid Bergman", "type": "PERSON"}]
>>> [(x.name, x.ref_id) for x in link(["Max Bergman", "Bergman", "Janelle Dumalon"], reference)]
[('Max Bergman', 'Q1'), ('Bergman', 'Q1'), ('Janelle Dumalon', None)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz.distance import JaroWinkler

from .config import Config
from .entity_types import types_compatible
from .models import Alternative, Link, Reconciliation
from .normalize import NormalizedName, normalize_name
from .normalize.lexicons import ACRONYM_STOPWORDS
from .phonetic import skeleton
from .pipeline import clean_names, clean_types
from .reconciler import Reconciler
from .records import token_rarity
from .reference_index import ReferenceIndex
from .scoring.priors import ACRONYM_PROBABILITY  # the prior the pair scores give an acronym too

__all__ = [
    "ACRONYM_PROBABILITY", "COVERAGE_CAP", "SUBSTITUTION_LIKELIHOOD_RATIO", "EntityLink", "link",
    "link_entities", "organisation_evidence",
]

#: Highest link score the coverage view can give (token coverage alone is never certain).
COVERAGE_CAP = 0.9
#: Candidate entries asked of the index per member spelling, and kept per entity.
CANDIDATES_PER_NAME = 10
CANDIDATES_PER_ENTITY = 20
MAX_ALTERNATIVES = 3
# Link scores are capped here before they become odds: the pair model is not calibrated finely above
# 0.99, and odds there would let a difference of 0.995 vs 0.993 decide between two namesakes.
_MAX_SCORE = 0.99
_LOW_INFORMATION = 0.2
_TOKEN_AGREEMENT = 0.9  # Jaro-Winkler at which two tokens count as the same word (coverage view)
_DISTINCTIVE = 0.5  # reference rarity from which a word is distinctive (df <= sqrt(forms) or so)
#: Likelihood ratio of "each organisation name has a distinctive word the other lacks" for same vs
#: different organisations (see docs/linking.md); it updates the pair model's odds.
SUBSTITUTION_LIKELIHOOD_RATIO = 0.3
_SCORE_CHUNK = 100_000


@dataclass(frozen=True)
class EntityLink:
    """The link decision for one entity: its entry (None = NIL), confidence and runner-ups."""

    entity_id: str
    ref_id: str | None
    ref_name: str | None
    confidence: float
    alternatives: list[Alternative] = field(default_factory=list)


def link(
    names: Sequence[object], reference: Any, /, *, types: Sequence[object] | None = None,
    config: Config | None = None,
) -> list[Link]:
    """Link each name to an entry of ``reference``, or to none (``ref_id`` None).

    ``reference`` is a path to a reference file (JSON ``{"entities": [...]}``, JSON lines or CSV,
    see :func:`namerec.io.read_reference`), a list of entries (dicts with ``id``, ``name``,
    optional ``type`` and ``aliases``, or :class:`~namerec.io.ReferenceEntry`), or a
    :class:`~namerec.ReferenceIndex`. ``types`` gives one type per name, as for
    :func:`namerec.reconcile`; a name and an entry of two different known types never link.

    The names are reconciled together first and every member of an entity gets the entity's link.
    Returns one :class:`~namerec.Link` per name, in input order.
    """
    config = config or Config()
    reconciler = Reconciler(config)
    index = ReferenceIndex.build(reference, config=config)
    clean = clean_names(names)
    kinds = clean_types(types, len(clean))
    result = reconciler.reconcile(clean, types=kinds)
    decided = link_entities(result, clean, kinds, index, reconciler=reconciler)
    out = []
    for row, label in enumerate(result.labels):
        decision = decided[label]
        out.append(Link(name=clean[row], ref_id=decision.ref_id, ref_name=decision.ref_name,
                        confidence=decision.confidence, alternatives=decision.alternatives))
    return out


# --------------------------------------------------------------------------------------------
# entity-level linking


@dataclass
class _Member:
    name: str
    type: str
    normalized: NormalizedName
    weight: float


def _information(name: NormalizedName) -> float:
    """How much a spelling says: the summed background rarity of its words (initials and function
    words a fifth)."""
    return sum(
        _LOW_INFORMATION * token_rarity(t) if len(t) == 1 or t in ACRONYM_STOPWORDS else token_rarity(t)
        for t in name.tokens
    )


def link_entities(
    result: Reconciliation, names: Sequence[str], types: Sequence[str], index: ReferenceIndex, *,
    reconciler: Reconciler | None = None,
) -> dict[str, EntityLink]:
    """Link the entities of a reconciliation: entity id -> :class:`EntityLink`.

    ``names`` and ``types`` are the (cleaned) inputs that ``result`` was computed from; the
    members of each entity are read from ``result``. Used by :func:`link` and by text
    reconciliation.
    """
    reconciler = reconciler or Reconciler()
    config = reconciler.config
    language = config.cyrillic_language
    members_of: dict[str, list[_Member]] = {}
    for entity in result.entities:
        seen: set[tuple[str, str]] = set()
        members: list[_Member] = []
        for member in entity.members:
            key = (names[member.index], types[member.index])
            if key in seen:
                continue
            seen.add(key)
            normalized = normalize_name(key[0], key[1], cyrillic_language=language)
            if normalized.tokens:
                members.append(_Member(key[0], key[1], normalized, max(_information(normalized), 1e-3)))
        members_of[entity.id] = members

    # candidates: the index's best entries for every distinct spelling, pooled per entity
    found: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for members in members_of.values():
        for m in members:
            key = (m.name, m.type)
            if key not in found:
                rows, scores = index.search(m.normalized, m.type, CANDIDATES_PER_NAME)
                found[key] = list(zip(rows, scores))
    candidates_of: dict[str, list[str]] = {}
    for entity in result.entities:
        best: dict[int, float] = {}
        for m in members_of[entity.id]:
            for row, score in found[(m.name, m.type)]:
                best[row] = max(best.get(row, 0.0), score)
        ranked = sorted(best, key=lambda r: (-best[r], r))
        ids = [index._ids[r] for r in ranked]
        generations = {m.normalized.generation for m in members_of[entity.id]} - {""}
        candidates_of[entity.id] = [
            i for i in ids if types_compatible(entity.type, index.entry_type(i))
            and not _other_generation(generations, i, index, language)
        ][:CANDIDATES_PER_ENTITY]

    scorer = _PairScorer(reconciler, index)
    for entity in result.entities:
        for m in members_of[entity.id]:
            for entry_id in candidates_of[entity.id]:
                scorer.request(m, entry_id)
    scorer.run()

    decisions: dict[str, EntityLink] = {}
    for entity in result.entities:
        members = members_of[entity.id]
        candidates = candidates_of[entity.id]
        if not members or not candidates:
            decisions[entity.id] = EntityLink(entity.id, None, None, 1.0, [])
            continue
        weights = np.array([m.weight for m in members])
        scores = np.array([[scorer.score(m, e) for e in candidates] for m in members])
        entity_scores = weights @ scores / weights.sum()
        decisions[entity.id] = _decide(entity.id, candidates, entity_scores, index, config.match_threshold)
    return decisions


def _other_generation(generations: set[str], entry_id: str, index: ReferenceIndex, language: str) -> bool:
    """Do an entity's generational suffixes (``generations``: John Smith Sr.) name another generation
    than every one the entry's names carry (John Smith Jr.)? Then it is another person, however well
    its other names (a bare John Smith) fit the entry."""
    if not generations:
        return False
    entry_type = index.entry_type(entry_id)
    entry = {normalize_name(name, entry_type, cyrillic_language=language).generation
             for name in index.entry_names(entry_id)} - {""}
    return bool(entry) and not entry & generations


def _decide(entity_id: str, candidates: list[str], scores: np.ndarray, index: ReferenceIndex,
            threshold: float) -> EntityLink:
    """One-match posterior over the candidates, then the threshold."""
    s = np.clip(scores, 0.0, _MAX_SCORE)
    odds = s / (1.0 - s)
    probability = odds / (1.0 + odds.sum())
    order = sorted(range(len(candidates)), key=lambda i: (-probability[i], candidates[i]))
    best = order[0]
    linked = probability[best] >= threshold and probability[best] > 0
    runner_ups = order[1:] if linked else order
    alternatives = [
        Alternative(ref_id=candidates[i], ref_name=index.entry_names(candidates[i])[0],
                    score=round(float(probability[i]), 4))
        for i in runner_ups[:MAX_ALTERNATIVES]
        if round(float(probability[i]), 4) > 0
    ]
    if linked:
        return EntityLink(entity_id, candidates[best], index.entry_names(candidates[best])[0],
                          round(float(probability[best]), 4), alternatives)
    return EntityLink(entity_id, None, None, round(1.0 - float(probability[best]), 4), alternatives)


# --------------------------------------------------------------------------------------------
# pair link scores


class _PairScorer:
    """Collects (member, entry) requests, scores all their pairs in batches, answers by lookup."""

    def __init__(self, reconciler: Reconciler, index: ReferenceIndex) -> None:
        self.reconciler = reconciler
        self.index = index
        self.language = reconciler.config.cyrillic_language
        self.pairs: dict[tuple[str, str, str, str], int] = {}  # (a, type a, b, type b) -> row
        self.requests: dict[tuple[str, str, str], list[tuple[str, str, Any]]] = {}
        self.probability = np.zeros(0)
        self.results: dict[tuple[str, str, str], float] = {}

    def _pair(self, a: str, type_a: str, b: str, type_b: str) -> int:
        key = (a, type_a, b, type_b)
        row = self.pairs.get(key)
        if row is None:
            row = self.pairs[key] = len(self.pairs)
        return row

    def request(self, member: _Member, entry_id: str) -> None:
        key = (member.name, member.type, entry_id)
        if key in self.requests:
            return
        entry_type = self.index.entry_type(entry_id)
        views = []
        for ref_name in self.index.entry_names(entry_id):
            ref = normalize_name(ref_name, entry_type, cyrillic_language=self.language)
            direct = self._pair(member.name, member.type, ref_name, entry_type)
            via = None
            last = ref.tokens[-1] if ref.tokens else ""
            if (len(member.normalized.tokens) == 1 and len(ref.tokens) >= 2 and len(last) >= 2
                    and "org" not in (ref.kind, member.normalized.kind)):
                via = (self._pair(member.name, member.type, last, entry_type),
                       self._pair(last, entry_type, ref_name, entry_type))
            views.append((ref_name, ref, direct, via))
        self.requests[key] = views

    def run(self) -> None:
        ordered = sorted(self.pairs.items(), key=lambda item: item[1])
        pairs = [(a, b) for (a, _, b, _), _ in ordered]
        types = [(ta, tb) for (_, ta, _, tb), _ in ordered]
        parts = [
            self.reconciler.score_pairs(pairs[i : i + _SCORE_CHUNK], types=types[i : i + _SCORE_CHUNK])
            for i in range(0, len(pairs), _SCORE_CHUNK)
        ]
        self.probability = np.concatenate(parts) if parts else np.zeros(0)

    def score(self, member: _Member, entry_id: str) -> float:
        key = (member.name, member.type, entry_id)
        cached = self.results.get(key)
        if cached is not None:
            return cached
        best = 0.0
        mention = member.normalized
        for _, ref, direct, via in self.requests[key]:
            value = float(self.probability[direct])
            if via is not None:
                value = max(value, float(self.probability[via[0]] * self.probability[via[1]]))
            if _organisation_pair(mention, ref):
                coverage, substituted = self._organisation_evidence(mention, ref)
                if substituted:
                    value = _update(value, SUBSTITUTION_LIKELIHOOD_RATIO)
                value = max(value, coverage)
            if _acronym_agrees(mention, ref):
                value = max(value, ACRONYM_PROBABILITY)
            best = max(best, value)
        self.results[key] = best
        return best

    def _organisation_evidence(self, mention: NormalizedName, ref: NormalizedName) -> tuple[float, bool]:
        """(coverage view score, whether a distinctive word was substituted) for two organisation
        names, with word weights = rarity in the reference list."""
        return organisation_evidence(mention.tokens, ref.tokens, self.index.token_rarity)


def _organisation_pair(a: NormalizedName, b: NormalizedName) -> bool:
    return ("org" in (a.kind, b.kind) and "person" not in (a.kind, b.kind)
            and len(a.tokens) >= 2 and len(b.tokens) >= 2)


def organisation_evidence(mention_tokens, ref_tokens, rarity) -> tuple[float, bool]:
    """Token evidence for two organisation names (see the module docs).

    Returns the coverage score ``COVERAGE_CAP x c_ref^2 x c_mention`` (0 when the reference name has
    fewer than two distinctive words) and whether each name has a distinctive word the other lacks.
    ``rarity`` maps a list of tokens to weights in [0, 1].
    """
    ref_tokens = list(dict.fromkeys(ref_tokens))
    mention_tokens = list(dict.fromkeys(mention_tokens))
    ref_weights = np.asarray(rarity(ref_tokens), dtype=np.float64)
    mention_weights = np.asarray(rarity(mention_tokens), dtype=np.float64)
    ref_missing = np.array(_unmatched(ref_tokens, mention_tokens))
    mention_extra = np.array(_unmatched(mention_tokens, ref_tokens))
    substituted = bool((ref_weights[ref_missing] >= _DISTINCTIVE).any()
                       and (mention_weights[mention_extra] >= _DISTINCTIVE).any()
                       and not ref_missing.all())
    if int((ref_weights >= _DISTINCTIVE).sum()) < 2:
        return 0.0, substituted
    c_ref = float(ref_weights @ ~ref_missing / ref_weights.sum())
    c_mention = float(mention_weights @ ~mention_extra / mention_weights.sum())
    return COVERAGE_CAP * c_ref * c_ref * c_mention, substituted


def _update(probability: float, likelihood_ratio: float) -> float:
    """Bayes' rule on the odds: the probability after evidence with this likelihood ratio."""
    p = min(max(probability, 0.0), 1.0)
    if p >= 1.0:
        return 1.0
    odds = p / (1.0 - p) * likelihood_ratio
    return odds / (1.0 + odds)


def _same_word(a: str, b: str) -> bool:
    """Two normalised words that name the same thing: equal, a typo or respelling (same skeleton,
    Jaro-Winkler >= 0.9), or an abbreviation (a word of three or more letters that begins the other:
    ind ~ industries, tech ~ technology)."""
    if a == b:
        return True
    if len(a) < 3 or len(b) < 3:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    return skeleton(a) == skeleton(b) or JaroWinkler.normalized_similarity(a, b) >= _TOKEN_AGREEMENT


def _unmatched(tokens: list[str], others: list[str]) -> list[bool]:
    return [not any(_same_word(t, u) for u in others) for t in tokens]


def _acronym_agrees(a: NormalizedName, b: NormalizedName) -> bool:
    """One name is written as an acronym and the other has those initials: an organisation name, or
    an untyped name of three or more significant words (two initials are too easily a person's)."""
    for short, full in ((a, b), (b, a)):
        if short.is_acronym and not full.is_acronym and short.acronym and short.acronym == full.acronym:
            if full.kind == "org" or (full.kind == "other" and len(full.acronym) >= 3):
                return True
    return False
