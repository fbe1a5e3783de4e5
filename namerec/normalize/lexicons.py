"""The word lists behind the person and organisation rules, read once from ``namerec/data/*.json``.

Every entry is stored already normalised (lowercase ASCII tokens separated by single spaces), so the
rules compare tokens with plain set and dict look-ups. Multi-word entries become token tuples.

>>> "dr" in TITLES, ("his", "excellency") in TITLE_SEQUENCES, LEGAL_FORMS_AT_END[("s", "a", "de", "c", "v")]
(True, True, 'sa de cv')
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

__all__ = [
    "load_data",
    "ACRONYM_STOPWORDS",
    "GUESS_LEGAL_FORMS",
    "INNER_PARTICLES",
    "LEADING_PARTICLES",
    "LEGAL_FORMS_AT_END",
    "LEGAL_FORMS_AT_START",
    "ORG_ABBREVIATIONS",
    "ORG_CUE_WORDS",
    "PARTICLES",
    "PERSON_CUES",
    "PLACE_ABBREVIATIONS_AT_END",
    "PLACE_ABBREVIATIONS_BEFORE_WORD",
    "SUFFIXES",
    "SUFFIX_CUES",
    "TITLES",
    "TITLE_SEQUENCES",
    "WEAK_TITLES",
]


def load_data(name: str) -> dict[str, Any]:
    """One of namerec's ``data/*.json`` files, parsed."""
    # importlib.resources keeps this working when the package is installed as a zip or wheel.
    text = files("namerec").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _tuples(entries: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(entry.split()) for entry in entries)


_titles = load_data("person_titles.json")
_suffixes = load_data("person_suffixes.json")
_particles = load_data("name_particles.json")
_legal = load_data("org_legal_forms.json")

#: Single-token titles stripped from the front of a person name (honorifics and ranks).
TITLES: frozenset[str] = frozenset(t for t in _titles["honorifics"] + _titles["ranks"] if " " not in t)
#: Multi-token titles ("his excellency", "lt col"), matched as token sequences.
TITLE_SEQUENCES: frozenset[tuple[str, ...]] = frozenset(
    seq for seq in _tuples(_titles["honorifics"] + _titles["ranks"]) if len(seq) > 1
)
#: Titles that are also given names ("Don"): stripped only when two other tokens remain.
WEAK_TITLES: frozenset[str] = frozenset(_titles["weak"])
#: Titles that make an untyped name a person (ranks such as "general" do not: "General Motors").
PERSON_CUES: frozenset[str] = frozenset(t for t in _titles["honorifics"] if " " not in t)

#: Single-token titles that say nothing of who a person is: not also a common family name (King, Major).
IDENTITY_FREE_TITLES: frozenset[str] = TITLES - frozenset(_titles["also_family_names"])

SUFFIXES: frozenset[str] = frozenset(_suffixes["generational"] + _suffixes["other"])
#: Suffixes that make an untyped name a person (Jr, Sr; not "II": "World War II").
SUFFIX_CUES: frozenset[str] = frozenset(_suffixes["cues"])

#: Particles that count as particles wherever they stand ("van Gogh").
LEADING_PARTICLES: frozenset[str] = frozenset(_particles["anywhere"])
#: Particles that are also given names ("Al Gore"): particles only after the first token or
#: when hyphenated to the next word ("al-Assad").
INNER_PARTICLES: frozenset[str] = frozenset(_particles["inner"])
PARTICLES: frozenset[str] = LEADING_PARTICLES | INNER_PARTICLES

#: Legal-form token sequence -> canonical form, for the end of a name.
LEGAL_FORMS_AT_END: dict[tuple[str, ...], str] = {
    tuple(variant.split()): form["canonical"] for form in _legal["forms"] for variant in form["variants"]
}
#: The same for forms also written before the name ("OOO Romashka").
LEGAL_FORMS_AT_START: dict[tuple[str, ...], str] = {
    tuple(variant.split()): form["canonical"]
    for form in _legal["forms"]
    if form.get("leading")
    for variant in form["variants"]
}
#: Legal forms distinctive enough to make an untyped name an organisation: three letters or more,
#: because two-letter forms are also surnames and initials ("Maria Sa", "John A. G.").
#: "& Co." counts too: the ampersand says what a bare "Co" cannot.
GUESS_LEGAL_FORMS: frozenset[tuple[str, ...]] = frozenset(
    seq for seq in LEGAL_FORMS_AT_END if len("".join(seq)) >= 3 and seq != ("publ",)
) | {("and", "co")}

ORG_ABBREVIATIONS: dict[str, str] = dict(load_data("org_abbreviations.json")["expansions"])
ORG_CUE_WORDS: frozenset[str] = frozenset(load_data("org_cue_words.json")["words"])
ACRONYM_STOPWORDS: frozenset[str] = frozenset(load_data("acronym_stopwords.json")["words"])

_place = load_data("place_abbreviations.json")
#: Abbreviations expanded when another word follows them ("st petersburg" -> saint petersburg).
PLACE_ABBREVIATIONS_BEFORE_WORD: dict[str, str] = dict(_place["before_a_word"])
#: Abbreviations expanded as the last word of a longer name that is not a person ("main st").
PLACE_ABBREVIATIONS_AT_END: dict[str, str] = dict(_place["at_the_end"])

del _titles, _suffixes, _particles, _legal, _place
