"""The lexicons are well formed: normalised entries, no expansion loops, examples that run."""

from __future__ import annotations

import doctest
import json
import re
from importlib.resources import files

import pytest

import namerec.normalize.abbreviations
import namerec.normalize.abjad
import namerec.normalize.acronym
import namerec.normalize.cyrillic
import namerec.normalize.greek
import namerec.normalize.hangul
import namerec.normalize.kana
import namerec.normalize.lexicons
import namerec.normalize.name
import namerec.normalize.org
import namerec.normalize.person
import namerec.normalize.translit
import namerec.normalize.unicode
from namerec.normalize import normalize_text
from namerec.normalize.lexicons import (
    ACRONYM_STOPWORDS,
    INNER_PARTICLES,
    LEADING_PARTICLES,
    LEGAL_FORMS_AT_END,
    LEGAL_FORMS_AT_START,
    ORG_ABBREVIATIONS,
    ORG_CUE_WORDS,
    PERSON_CUES,
    PLACE_ABBREVIATIONS_AT_END,
    PLACE_ABBREVIATIONS_BEFORE_WORD,
    SUFFIX_CUES,
    SUFFIXES,
    TITLE_SEQUENCES,
    TITLES,
    WEAK_TITLES,
)

_TOKEN = re.compile(r"[a-z0-9]+")
LEXICON_FILES = [
    "acronym_stopwords.json",
    "name_particles.json",
    "org_abbreviations.json",
    "org_cue_words.json",
    "org_legal_forms.json",
    "person_suffixes.json",
    "person_titles.json",
    "place_abbreviations.json",
]


@pytest.mark.parametrize("name", LEXICON_FILES)
def test_lexicon_files_describe_themselves(name: str) -> None:
    data = json.loads(files("namerec").joinpath("data").joinpath(name).read_text(encoding="utf-8"))
    assert data["description"]


def _all_words() -> set[str]:
    words = set(TITLES) | WEAK_TITLES | SUFFIXES | LEADING_PARTICLES | INNER_PARTICLES
    words |= ORG_CUE_WORDS | ACRONYM_STOPWORDS | set(ORG_ABBREVIATIONS) | set(ORG_ABBREVIATIONS.values())
    words |= {t for seq in TITLE_SEQUENCES for t in seq}
    words |= {t for seq in LEGAL_FORMS_AT_END for t in seq} | set(LEGAL_FORMS_AT_END.values())
    for table in (PLACE_ABBREVIATIONS_BEFORE_WORD, PLACE_ABBREVIATIONS_AT_END):
        words |= set(table) | set(table.values())
    return words


def test_entries_are_already_normalised() -> None:
    for word in _all_words():
        assert normalize_text(word) == word, word


def test_expansions_do_not_chain() -> None:
    """No expansion is itself expanded, so expanding twice changes nothing (idempotence)."""
    assert not set(ORG_ABBREVIATIONS.values()) & set(ORG_ABBREVIATIONS)
    place = set(PLACE_ABBREVIATIONS_BEFORE_WORD) | set(PLACE_ABBREVIATIONS_AT_END)
    expansions = set(PLACE_ABBREVIATIONS_BEFORE_WORD.values()) | set(PLACE_ABBREVIATIONS_AT_END.values())
    assert not expansions & (place | set(ORG_ABBREVIATIONS))
    assert not set(ORG_ABBREVIATIONS.values()) & place


def test_cues_are_subsets() -> None:
    assert PERSON_CUES <= TITLES
    assert SUFFIX_CUES <= SUFFIXES
    assert set(LEGAL_FORMS_AT_START) <= set(LEGAL_FORMS_AT_END)


def test_particles_are_not_initials() -> None:
    """A one-letter particle would swallow initials ("John E. Smith")."""
    assert all(len(p) > 1 for p in LEADING_PARTICLES | INNER_PARTICLES)


@pytest.mark.parametrize(
    "module",
    [
        namerec.normalize.abbreviations,
        namerec.normalize.acronym,
        namerec.normalize.arabic,
        namerec.normalize.cyrillic,
        namerec.normalize.greek,
        namerec.normalize.hangul,
        namerec.normalize.hebrew,
        namerec.normalize.kana,
        namerec.normalize.abjad,
        namerec.normalize.lexicons,
        namerec.normalize.name,
        namerec.normalize.org,
        namerec.normalize.palladius,
        namerec.normalize.person,
        namerec.normalize.translit,
        namerec.normalize.unicode,
        namerec.normalize,
    ],
    ids=lambda m: m.__name__,
)
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)  # type: ignore[arg-type]
    assert result.failed == 0
