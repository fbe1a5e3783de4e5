"""In-document resolution: from candidate mentions to entities.

1. Full mentions and partial ones are clustered together by the core (:func:`namerec.reconcile`)
   on the mentions' strings. Only types that a cue makes certain are passed as types (an
   organisation word, a personal title): names of two different given types are never merged, so
   a model's noisy NER labels stay soft evidence and are not passed.
2. Each partial mention (a surname, a given name, an acronym, a short organisation name) that the
   core left apart joins the one full-name entity of the document it is compatible with (the best
   match probability against the entity's full names, or the acronym of its name). With two or
   more compatible entities (Max and Ingrid Bergman for a bare "Bergman") it stays apart, with a
   low confidence; a one-word mention the core attached is taken back in that case too.
3. An entity's type is the one its cues make certain, else the weight of the soft evidence of its
   full mentions ("Donald Trump" is a person even where the model tagged "Trump" ORG), else that
   of all its mentions; every mention takes its entity's type.
4. With a reference list, each entity is linked (:func:`namerec.link`) and its mentions inherit the
   link; the canonical name is then the reference's name.
"""

from __future__ import annotations

import warnings
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from rapidfuzz.distance import JaroWinkler

from ..canonical import choose_canonical
from ..config import Config
from ..models import Entity, Member, Mention, Reconciliation, TextReconciliation
from ..normalize import NormalizedName, normalize_name
from ..normalize.acronym import initials_acronym
from ..normalize.lexicons import ACRONYM_STOPWORDS, PARTICLES
from ..pipeline import entity_id
from ..reconciler import Reconciler
from .extract import LOC, ORG, PERSON, Candidate
from .lexicon import ORG_CONNECTORS, ORG_CUES

__all__ = ["resolve"]

# A partial mention is ambiguous when a second entity reaches this share of the threshold (the
# core's phases 2 and 4 use the same share).
_AMBIGUITY_SHARE = 0.6
# Confidence given to an acronym that spells the initials of exactly one entity's name.
_ACRONYM_CONFIDENCE = 0.9
# Compatibility of a one-word mention written as a word of a person's full name in the document.
_PART_OF_NAME = 0.9
# Soft evidence of full mentions counts this much more than that of partial ones.
_FULL_WEIGHT = 3.0


_GENERIC_ORG_WORDS = frozenset(ORG_CUES | ORG_CONNECTORS | ACRONYM_STOPWORDS | {"center"})
_SAME_WORD = 0.88


def _share_word(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return True  # nothing distinctive on one side: no evidence that they differ
    return any(x == y or JaroWinkler.similarity(x, y) >= _SAME_WORD for x in a for y in b)


def _root(parent: list[int], k: int) -> int:
    while parent[k] != k:
        k = parent[k]
    return k


class _Group:
    """One entity under construction: the indices of its mentions."""

    def __init__(self, indices: list[int]) -> None:
        self.indices = indices


def resolve(
    text: str,
    candidates: Sequence[Candidate],
    *,
    config: Config | None = None,
    reference: Any = None,
    reconciler: Reconciler | None = None,
) -> tuple[TextReconciliation, list[Candidate]]:
    """Resolve candidates (not LOC) into a TextReconciliation; also returns the kept candidates,
    in the order of the mentions."""
    config = config or Config()
    kept = sorted((c for c in candidates if c.certain != LOC), key=lambda c: (c.start, c.end))
    if not kept:
        return TextReconciliation(mentions=[], entities=[]), []
    rec = reconciler or Reconciler(config)
    resolver = _Resolver(kept, config, rec)
    groups = resolver.split_unrelated_orgs(resolver.cluster())
    if config.partial_names == "attach_unique":
        groups = resolver.attach_partials(groups)
    links = _link(resolver, groups, reference)
    return resolver.build(groups, links), kept


class _Resolver:
    def __init__(self, mentions: list[Candidate], config: Config, rec: Reconciler) -> None:
        self.mentions = mentions
        self.config = config
        self.rec = rec
        certain: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            if m.certain:
                certain[m.text].add(m.certain)
        # one sense per document: a cue on one occurrence holds for every occurrence of the string
        self.types = {
            m.text: next(iter(certain[m.text])) if len(certain[m.text]) == 1 else "" for m in mentions
        }
        self.norm: dict[str, NormalizedName] = {
            s: normalize_name(s, t, cyrillic_language=config.cyrillic_language) for s, t in self.types.items()
        }
        self.confidence = [1.0] * len(mentions)
        self._acronyms = {m.text for m in mentions if m.acronym}
        self._acronyms |= {s for s, n in self.norm.items() if n.is_acronym}
        self._org_cache: dict[str, frozenset[str]] = {}
        self._containers: dict[str, list[str]] = {}

    # -- helpers -----------------------------------------------------------------------------
    def is_full(self, s: str) -> bool:
        n = self.norm[s]
        return len(n.tokens) >= 2 and not n.is_acronym

    def is_acronym(self, s: str) -> bool:
        return s in self._acronyms

    def strings(self, group: _Group) -> list[str]:
        return sorted({self.mentions[i].text for i in group.indices})

    def certain_types(self, group: _Group) -> set[str]:
        return {self.types[s] for s in self.strings(group) if self.types[s]}

    # -- 1. the core -------------------------------------------------------------------------
    def cluster(self) -> list[_Group]:
        names = [m.text for m in self.mentions]
        types = [self.types[m.text] for m in self.mentions]
        result = self.rec.reconcile(names, types=types if any(types) else None)
        by_label: dict[str, list[int]] = defaultdict(list)
        for index, label in enumerate(result.labels):
            by_label[label].append(index)
        for entity in result.entities:
            for member in entity.members:
                self.confidence[member.index] = member.confidence
        return [_Group(indices) for indices in by_label.values()]

    def split_unrelated_orgs(self, groups: list[_Group]) -> list[_Group]:
        """Two organisation names written in full that share no distinctive word are two bodies.

        "Center for the United States and Europe" and "Stewart Center for Strategic and
        International Studies" share only "Center for ... and": different organisations, however
        alike their shapes. Distinctive words are those that are not organisation words or
        connectors; a typo still counts as the same word (Jaro-Winkler >= 0.88). A group whose
        full organisation names fall apart is split; its other mentions are attached again below.
        """
        out: list[_Group] = []
        for g in groups:
            orgs = [s for s in self.strings(g) if self.is_full(s) and self._org_words(s)]
            if len(orgs) < 2:
                out.append(g)
                continue
            parent = list(range(len(orgs)))
            for a in range(len(orgs)):
                for b in range(a + 1, len(orgs)):
                    if _share_word(self._org_words(orgs[a]), self._org_words(orgs[b])):
                        parent[_root(parent, b)] = _root(parent, a)
            components: dict[int, list[str]] = defaultdict(list)
            for k, name in enumerate(orgs):
                components[_root(parent, k)].append(name)
            if len(components) == 1:
                out.append(g)
                continue
            placed = {name for names in components.values() for name in names}
            for names in components.values():
                part = _Group([i for i in g.indices if self.mentions[i].text in names])
                if len(names) == 1:  # its only rival is ruled out: nothing else claims it
                    for i in part.indices:
                        self.confidence[i] = 1.0
                out.append(part)
            for rest in sorted({self.mentions[i].text for i in g.indices} - placed):
                out.append(_Group([i for i in g.indices if self.mentions[i].text == rest]))
        return out

    def _org_words(self, s: str) -> frozenset[str]:
        """The distinctive words of an organisation name; empty for a name that is not one."""
        cached = self._org_cache.get(s)
        if cached is None:
            cached = frozenset()
            if self.norm[s].kind == "org" or self.types[s] == ORG:
                tokens = normalize_name(s, ORG, cyrillic_language=self.config.cyrillic_language).tokens
                cached = frozenset(t for t in tokens if t not in _GENERIC_ORG_WORDS)
            self._org_cache[s] = cached
        return cached

    # -- 2. partial mentions -----------------------------------------------------------------
    def attach_partials(self, groups: list[_Group]) -> list[_Group]:
        threshold = self.config.match_threshold
        full = [g for g in groups if any(self.is_full(s) and not self.contained(s, g)
                                         for s in self.strings(g))]
        partial = [g for g in groups if g not in full]
        # one-word strings the core put in a full entity, but that another full entity fits as well
        scores = self._scores(full, groups)
        for g in full:
            for s in self.strings(g):
                if self.is_full(s):
                    continue
                rivals = [scores.get((s, id(other)), 0.0) for other in full if other is not g]
                if rivals and max(rivals) >= threshold:
                    moved = [i for i in g.indices if self.mentions[i].text == s]
                    g.indices = [i for i in g.indices if self.mentions[i].text != s]
                    partial.append(_Group(moved))
        scores = self._scores(full, partial)
        decisions: list[tuple[_Group, _Group, dict[str, float]]] = []
        for p in partial:
            ranked = sorted(
                ((max(scores.get((s, id(f)), 0.0) for s in self.strings(p)), k) for k, f in enumerate(full)),
                key=lambda item: (-item[0], item[1]),
            )
            if not ranked:
                continue
            best, target = ranked[0]
            runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
            if best < threshold:
                continue
            if runner_up >= threshold * _AMBIGUITY_SHARE:
                for i in p.indices:  # ambiguous: stays apart, and says how unsure it is
                    self.confidence[i] = min(self.confidence[i], round(1.0 - best, 4))
                continue
            per_string = {s: scores.get((s, id(full[target])), 0.0) for s in self.strings(p)}
            decisions.append((p, full[target], per_string))
        for p, f, per_string in decisions:
            for i in p.indices:
                own = per_string.get(self.mentions[i].text, 0.0)
                self.confidence[i] = round(own if own >= threshold else max(per_string.values()), 4)
            f.indices = f.indices + p.indices
            p.indices = []
        return [g for g in full + partial if g.indices]

    def _scores(self, full: list[_Group], others: list[_Group]) -> dict[tuple[str, int], float]:
        """Best compatibility of each one-word or acronym string of ``others`` with each full group."""
        pairs: list[tuple[str, str]] = []
        owners: list[tuple[str, int]] = []
        result: dict[tuple[str, int], float] = {}
        for f in full:
            full_strings = [s for s in self.strings(f) if self.is_full(s)]
            f_types = self.certain_types(f)
            for g in others:
                for s in self.strings(g):
                    if self.is_full(s) and not self.contained(s, g):
                        continue
                    if self.types[s] and f_types and self.types[s] not in f_types:
                        continue
                    if self.is_acronym(s):
                        if any(self._spells(s, name) for name in full_strings):
                            result[(s, id(f))] = _ACRONYM_CONFIDENCE
                        continue
                    for name in full_strings:
                        pairs.append((s, name))
                        owners.append((s, id(f)))
                        if self._names_part(s, name) or self._short_org_name(s, name):
                            result[(s, id(f))] = max(result.get((s, id(f)), 0.0), _PART_OF_NAME)
        if pairs:
            probabilities = self.rec.score_pairs(pairs)
            for owner, p in zip(owners, probabilities):
                result[owner] = max(result.get(owner, 0.0), float(p))
        return result

    def contained(self, s: str, group: _Group) -> bool:
        """Whether a person's name is part of a longer name of another group ("García Márquez",
        "bin Salman", "Al-Assad" beside "Gabriel García Márquez", "Mohammed bin Salman"...)."""
        containers = self._containers.get(s)
        if containers is None:
            containers = self._containers[s] = [t for t in self.norm if self._names_part(s, t)]
        mine = set(self.strings(group))
        return any(t not in mine for t in containers)

    def _names_part(self, part: str, name: str) -> bool:
        """Whether ``part`` is written as a word or a run of words of a person's longer name.

        In one text a surname or given name alone names the person named in full before: the
        pool-level probability ("Smith" vs "Jane Smith" is unsure, Smith being common) understates it.
        """
        if part == name or self._org_words(name) or self._org_words(part) or self.is_acronym(part):
            return False
        words, tokens = self.norm[part].tokens, self.norm[name].tokens
        if not words or len(words) >= len(tokens) or all(w in PARTICLES for w in words):
            return False
        return any(tokens[k:k + len(words)] == words for k in range(len(tokens) - len(words) + 1))

    def _short_org_name(self, short: str, name: str) -> bool:
        """Whether ``short`` is an organisation's name without its organisation words and
        connectors ("Brookings" for "Brookings Institution", "Carnegie" for "Carnegie Foundation")."""
        if not self._org_words(name):
            return False
        tokens = normalize_name(name, ORG, cyrillic_language=self.config.cyrillic_language).tokens
        core = tuple(t for t in tokens if t not in _GENERIC_ORG_WORDS)
        return bool(core) and core == self.norm[short].tokens

    def _spells(self, acronym: str, name: str) -> bool:
        """Whether ``acronym`` is the initials of ``name`` (with or without its particles)."""
        letters = "".join(ch for ch in acronym.casefold() if ch.isalnum())
        if len(letters) < 2:
            return False
        as_org = normalize_name(name, ORG, cyrillic_language=self.config.cyrillic_language)
        tokens = self.norm[name].tokens
        spelled = {
            as_org.acronym,
            initials_acronym(as_org.tokens),
            "".join(t[0] for t in tokens),
            "".join(t[0] for t in tokens if t not in PARTICLES),
        }
        return letters in spelled

    # -- 3. and 4. entities and mentions -----------------------------------------------------
    def entity_type(self, group: _Group) -> str:
        certain = Counter(t for t in (self.types[self.mentions[i].text] for i in group.indices) if t)
        if certain:
            return min(certain, key=lambda t: (-certain[t], t))
        weights: Counter[str] = Counter()
        for i in group.indices:
            m = self.mentions[i]
            factor = _FULL_WEIGHT if self.is_full(m.text) else 1.0
            for kind, weight in m.hints.items():
                if kind in (PERSON, ORG):
                    weights[kind] += factor * weight
        if not weights or max(weights.values()) <= 0:
            return ""
        return min(weights, key=lambda t: (-weights[t], t))

    def build(self, groups: list[_Group], links: dict[int, tuple[str, str]]) -> TextReconciliation:
        mention_of: dict[int, Mention] = {}
        entities: list[Entity] = []
        for g in groups:
            indices = sorted(g.indices)
            strings = [self.mentions[i].text for i in indices]
            ident = entity_id([f"{self.types[s]}\x1f{self.norm[s].text}" for s in strings])
            kind = self.entity_type(g)
            ref_id, ref_name = links.get(id(g), (None, None))
            if ref_name:
                canonical, reason = ref_name, f"the reference's name (linked to {ref_id})"
            else:
                canonical, reason = choose_canonical(strings, [self.norm[s] for s in strings])
            members = []
            for i in indices:
                m = self.mentions[i]
                confidence = round(float(self.confidence[i]), 4)
                members.append(Member(index=i, name=m.text, confidence=confidence))
                mention_of[i] = Mention(
                    text=m.text, start=m.start, end=m.end, type=kind, entity_id=ident, canonical=canonical,
                    confidence=confidence, ref_id=ref_id,
                )
            entities.append(Entity(
                id=ident, canonical=canonical, type=kind,
                confidence=round(sum(x.confidence for x in members) / len(members), 4),
                members=members, canonical_reason=reason,
            ))
        entities.sort(key=lambda e: e.members[0].index)
        mentions = [mention_of[i] for i in range(len(self.mentions))]
        return TextReconciliation(mentions=mentions, entities=entities)


# --------------------------------------------------------------------------------------------
# linking


def _link(resolver: _Resolver, groups: list[_Group], reference: Any) -> dict[int, tuple[str, str]]:
    """ref_id and reference name per group (by id), from the linker's entity-level decisions.

    Each entity of the document is linked as one (:func:`namerec.link.link_entities`): all its
    spellings speak, weighted by how much they say, so a bare "Bergman" beside "Max Bergmann" is
    his, not Ingrid Bergman's. Only certain types constrain the link (a model's labels do not).
    """
    if reference is None:
        return {}
    try:
        from ..link import link_entities
        from ..reference_index import ReferenceIndex
    except ImportError:
        warnings.warn(
            "namerec's linker is not available in this installation: mentions are not linked (ref_id None)",
            RuntimeWarning, stacklevel=3,
        )
        return {}
    index = ReferenceIndex.build(_load_reference(reference), config=resolver.config)
    names: list[str] = []
    types: list[str] = []
    labels: list[str] = []
    entities: list[Entity] = []
    for k, g in enumerate(groups):
        certain = resolver.certain_types(g)
        kind = next(iter(certain)) if len(certain) == 1 else ""
        members = []
        for s in resolver.strings(g):
            members.append(Member(index=len(names), name=s, confidence=1.0))
            names.append(s)
            types.append(kind)
            labels.append(str(k))
        entities.append(
            Entity(id=str(k), canonical=members[0].name, type=kind, confidence=1.0, members=members)
        )
    decided = link_entities(
        Reconciliation(labels=labels, entities=entities), names, types, index, reconciler=resolver.rec,
    )
    out: dict[int, tuple[str, str]] = {}
    for k, g in enumerate(groups):
        decision = decided.get(str(k))
        if decision is not None and decision.ref_id is not None:
            out[id(g)] = (decision.ref_id, decision.ref_name or "")
    return out


def _load_reference(reference: Any) -> Any:
    """A path to a reference file is read; anything else is passed to the index as given."""
    from pathlib import Path

    if isinstance(reference, (str, Path)):
        from ..io import read_reference

        return read_reference(reference)
    return reference
