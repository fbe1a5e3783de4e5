"""namerec for spaCy: the ``namerec`` pipeline component and a candidate generator for
spaCy's ``entity_linker``.

The component reconciles a document's entities (``doc.ents`` with the configured labels)::

    nlp.add_pipe("namerec", config={"reference": None, "labels": ["PERSON", "ORG"], "config": {}})
    doc = nlp(text)
    ent.kb_id_                 # the reference id when linked, else namerec's entity id
    ent._.namerec_id           # namerec's entity id; also namerec_canonical, namerec_confidence
    doc._.namerec_entities     # [{"id", "canonical", "type", "confidence", "ref_id", "mentions"}]

The model's labels are soft evidence: "Trump" tagged ORG still joins "Donald Trump" (PERSON),
and the entity's type is decided in the document. ``doc._.namerec_entities`` is plain data kept in
``doc.user_data``, so it survives ``Doc.to_bytes``, ``DocBin(store_user_data=True)`` and
``nlp.pipe(n_process=...)``; the span attributes are read from it. Reading the attribute gives a
fresh copy: assign to it (``doc._.namerec_entities = ...``) to change what is stored. In a process
that only loads a DocBin, import this module (or add the pipe) to register the attributes.

``namerec.CandidateGenerator.v1`` (spaCy's ``misc`` registry) gives the ``entity_linker`` the
knowledge-base entries whose aliases match a mention by spelling, sound or transliteration,
scored by namerec's matcher instead of spaCy's exact alias lookup.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import ConfigError, MissingExtraError
from ..text.resolve import resolve
from ..text.spacy_extract import candidates_from_span

try:
    from spacy.language import Language
    from spacy.tokens import Doc, Span
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise MissingExtraError("namerec's spaCy integration", "spacy", "spacy") from exc

__all__ = [
    "NamerecComponent",
    "make_candidate_batch_generator",
    "make_candidate_generator",
    "register_extensions",
]

_REFERENCE_FILE = "reference.json"
_DOC_ATTRIBUTE = "namerec_entities"
# Where the entities are kept: a plain key of doc.user_data, which Doc.to_bytes and
# DocBin(store_user_data=True) save (msgpack; lists come back as tuples, the getter mends that).
_USER_DATA_KEY = "namerec.entities"


# --------------------------------------------------------------------------------------------
# extension attributes


def _plain(value: Any) -> Any:
    """msgpack (DocBin, Doc.to_bytes) gives tuples back: lists again, dicts kept."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _get_entities(doc: Doc) -> list[dict[str, Any]] | None:
    stored = doc.user_data.get(_USER_DATA_KEY)
    return None if stored is None else _plain(stored)


def _set_entities(doc: Doc, value: list[dict[str, Any]] | None) -> None:
    doc.user_data[_USER_DATA_KEY] = None if value is None else _plain(value)


def _mention_of(span: Span) -> tuple[dict[str, Any], dict[str, Any]] | None:
    entities = span.doc.user_data.get(_USER_DATA_KEY)
    for entity in entities or ():
        for mention in entity.get("mentions", ()):
            if mention.get("start") == span.start_char and mention.get("end") == span.end_char:
                return entity, mention
    return None


def _span_id(span: Span) -> str | None:
    found = _mention_of(span)
    return found[0]["id"] if found else None


def _span_canonical(span: Span) -> str | None:
    found = _mention_of(span)
    return found[0]["canonical"] if found else None


def _span_confidence(span: Span) -> float | None:
    found = _mention_of(span)
    return found[1]["confidence"] if found else None


def register_extensions() -> None:
    """Register ``Doc._.namerec_entities`` and the ``Span._.namerec_*`` getters (idempotent)."""
    if not Doc.has_extension(_DOC_ATTRIBUTE):
        Doc.set_extension(_DOC_ATTRIBUTE, getter=_get_entities, setter=_set_entities)
    for name, getter in (
        ("namerec_id", _span_id),
        ("namerec_canonical", _span_canonical),
        ("namerec_confidence", _span_confidence),
    ):
        if not Span.has_extension(name):
            Span.set_extension(name, getter=getter)


register_extensions()


# --------------------------------------------------------------------------------------------
# the component


class NamerecComponent:
    """Reconciles the entities of each document; see the module's documentation."""

    def __init__(
        self,
        nlp: Language | None,
        name: str = "namerec",
        *,
        reference: str | None = None,
        labels: Sequence[str] = ("PERSON", "ORG"),
        config: dict[str, Any] | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.labels = list(labels)
        self._wanted = {label.upper() for label in self.labels}
        self.reference_path = reference
        try:
            self.config = Config.model_validate(config or {})
        except Exception as exc:
            raise ConfigError(f"invalid namerec config for the spaCy component: {exc}") from exc
        self.reference: list[dict[str, Any]] | None = None
        if reference is not None and Path(reference).exists():
            self.reference = _read_reference(reference)
        self._reconciler = None

    # -- processing --------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if self.reference is None and self.reference_path is not None:
            self.reference = _read_reference(self.reference_path)  # a clear error if it is missing
        ents = list(doc.ents)
        text = doc.text
        candidates = []
        for k, ent in enumerate(ents):
            if ent.label_.upper() in self._wanted:
                found = candidates_from_span(ent, text, source=k, split_pairs=False)
                candidates.extend(found[:1])
        result, kept = resolve(
            text, candidates, config=self.config, reference=self._entries(), reconciler=self._matcher(),
        )
        by_source = {c.source: m for c, m in zip(kept, result.mentions)}
        new_ents = []
        for k, ent in enumerate(ents):
            mention = by_source.get(k)
            if mention is None:
                new_ents.append(ent)
            else:
                kb_id = mention.ref_id or mention.entity_id
                new_ents.append(Span(doc, ent.start, ent.end, label=ent.label_, kb_id=kb_id))
        doc.ents = new_ents
        entities = []
        for entity in result.entities:
            members = []
            for member in entity.members:
                ent = ents[kept[member.index].source]
                members.append({
                    "text": ent.text, "start": ent.start_char, "end": ent.end_char,
                    "start_token": ent.start, "end_token": ent.end, "label": ent.label_,
                    "confidence": member.confidence,
                })
            entities.append({
                "id": entity.id,
                "canonical": entity.canonical,
                "type": entity.type,
                "confidence": entity.confidence,
                "ref_id": result.mentions[entity.members[0].index].ref_id,
                "mentions": members,
            })
        doc._.set(_DOC_ATTRIBUTE, entities)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)

    def _matcher(self):
        if self._reconciler is None:
            from ..reconciler import Reconciler

            self._reconciler = Reconciler(self.config)
        return self._reconciler

    def _entries(self) -> list[Any] | None:
        if self.reference is None:
            return None
        from ..io import ReferenceEntry

        return [ReferenceEntry(**entry) for entry in self.reference]

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_reconciler"] = None  # rebuilt on demand in the receiving process
        return state

    # -- serialisation -----------------------------------------------------------------------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps({"reference": self.reference}).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> NamerecComponent:
        self.reference = json.loads(data.decode("utf-8")).get("reference")
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.reference is not None:
            text = json.dumps(self.reference, ensure_ascii=False)
            (path / _REFERENCE_FILE).write_text(text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> NamerecComponent:
        file = Path(path) / _REFERENCE_FILE
        if file.exists():
            self.reference = json.loads(file.read_text(encoding="utf-8"))
        return self


def _read_reference(path: str | Path) -> list[dict[str, Any]]:
    from ..io import read_reference

    return [entry.model_dump() for entry in read_reference(path)]


# --------------------------------------------------------------------------------------------
# candidate generation for the entity linker


class _AliasIndex:
    """A knowledge base's aliases, normalised once, for fuzzy look-ups."""

    def __init__(self, kb: Any) -> None:
        from ..normalize import normalize_text

        self.aliases = sorted(kb.get_alias_strings())
        self.keys = [normalize_text(alias) for alias in self.aliases]
        self.size = len(self.aliases)

    def matches(self, mention: str, matcher: Any, threshold: float, limit: int) -> list[tuple[str, float]]:
        from rapidfuzz import fuzz, process

        from ..normalize import normalize_text

        key = normalize_text(mention)
        if not key or not self.keys:
            return []
        shortlist = process.extract(key, self.keys, scorer=fuzz.WRatio, limit=limit, score_cutoff=50)
        aliases = [self.aliases[index] for _, _, index in shortlist]
        if not aliases:
            return []
        scores = matcher.score_pairs([(mention, alias) for alias in aliases])
        return [(alias, float(p)) for alias, p in zip(aliases, scores) if p >= threshold]


def make_candidate_generator(threshold: float = 0.5, limit: int = 20) -> Callable[[Any, Span], list[Any]]:
    """A ``get_candidates(kb, span)`` for spaCy's entity_linker: the entries of every alias that
    namerec scores at least ``threshold`` against the mention (``limit`` aliases are shortlisted
    by a fast string similarity first). A candidate's prior is its alias prior times that score."""
    from spacy.kb import Candidate

    from ..reconciler import Reconciler

    matcher = Reconciler()
    indexes: dict[int, tuple[Any, _AliasIndex]] = {}

    def index_of(kb: Any) -> _AliasIndex:
        cached = indexes.get(id(kb))
        if cached is None or cached[0] is not kb or cached[1].size != kb.get_size_aliases():
            cached = (kb, _AliasIndex(kb))
            indexes[id(kb)] = cached
        return cached[1]

    def get_candidates(kb: Any, span: Span) -> list[Any]:
        best: dict[int, Any] = {}
        for alias, score in index_of(kb).matches(span.text, matcher, threshold, limit):
            for c in kb.get_alias_candidates(alias):
                prior = float(c.prior_prob) * score
                if c.entity not in best or best[c.entity].prior_prob < prior:
                    best[c.entity] = Candidate(
                        kb=kb, entity_hash=c.entity, entity_freq=c.entity_freq,
                        entity_vector=c.entity_vector, alias_hash=c.alias, prior_prob=prior,
                    )
        return sorted(best.values(), key=lambda c: (-c.prior_prob, c.entity_))

    return get_candidates


def make_candidate_batch_generator(
    threshold: float = 0.5, limit: int = 20
) -> Callable[[Any, Iterable[Span]], list[list[Any]]]:
    """The batch form of :func:`make_candidate_generator` (spaCy's ``get_candidates_batch``)."""
    single = make_candidate_generator(threshold=threshold, limit=limit)

    def get_candidates_batch(kb: Any, spans: Iterable[Span]) -> list[list[Any]]:
        return [single(kb, span) for span in spans]

    return get_candidates_batch
