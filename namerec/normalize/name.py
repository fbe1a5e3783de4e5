"""normalize_name: the generic steps, then the rules of the name's kind, into one record.

>>> n = normalize_name("Smith, John", "PERSON")
>>> n.text, n.given, n.surname, n.kind
('john smith', ('john',), 'smith', 'person')
>>> n = normalize_name("Center for Strategic & Int'l Studies")
>>> n.text, n.kind, n.acronym
('center for strategic and international studies', 'org', 'csis')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..entity_types import is_place_type
from ..errors import InputError
from .abbreviations import PLACE_ABBREVIATION_STEP, expand_place_abbreviations, written_abbreviations
from .acronym import capital_words, initials_acronym, written_as_acronym
from .arabic_compounds import joined_compounds
from .cyrillic import LANGUAGES
from .digit_typos import DIGITS_AS_LETTERS_STEP, digits_as_letters
from .divisions import kind_in_english, set_apart_kind
from .fused_particles import fused_particle_readings
from .han_transcription import syllable_transcription_reading
from .korean import korean_given_name_joined, korean_reading
from .kunrei import hepburn_reading
from .lexicons import PERSON_CUES, SUFFIX_CUES
from .org import ORG_RULES, looks_like_org, org_parts, org_tokens
from .person import (
    PERSON_RULES,
    PersonParts,
    generation,
    inverted_parts,
    person_parts,
    split_initial_clusters,
)
from .translit import dominant_script
from .unicode import GENERIC_STEPS, clean, punctuation, romanize, spaced_arabic_article
from .unicode import normalize_text as _normalize_text

__all__ = ["STEPS", "NormalizedName", "normalize_name", "normalize_text"]

#: Every named step, in order: the generic ones, place abbreviations, digits read as letters, then the
#: person rules, then the org rules. A name goes through the generic steps, place abbreviations and the
#: rules of its own kind only (place abbreviations run inside the person and org rules, see
#: .abbreviations); digits are read as letters in persons' and untyped names only (.digit_typos).
STEPS: tuple[str, ...] = (
    GENERIC_STEPS
    + (PLACE_ABBREVIATION_STEP, DIGITS_AS_LETTERS_STEP)
    + tuple(f"person.{rule}" for rule in PERSON_RULES)
    + tuple(f"org.{rule}" for rule in ORG_RULES)
)

_CACHE_SIZE = 200_000
_KIND_OF_TYPE = {"PERSON": "person", "ORG": "org"}


@dataclass(frozen=True, slots=True)
class NormalizedName:
    """A name after normalisation; ``original`` is kept exactly as given.

    ``text`` is lowercase ASCII tokens joined by single spaces ("" when nothing is left) and
    ``tokens`` is ``text.split()``. ``given``/``surname`` are filled for persons, ``acronym`` and
    ``legal_form`` for organisations (``acronym`` also for "other"). ``variants`` holds other
    plausible normalised forms (other transliteration tables, German umlauts as ae/oe/ue, an
    organisation name without its abbreviations expanded); it never contains ``text``.
    """

    original: str
    text: str
    tokens: tuple[str, ...]
    kind: str
    given: tuple[str, ...]
    surname: str
    acronym: str
    is_acronym: bool
    legal_form: str
    script: str
    variants: tuple[str, ...]
    # The generation a person's stripped suffix names ("2" for Jr. or II, "1" for Sr.; see
    # ``person.generation``), else "": John Smith Jr. and John Smith Sr. are two people.
    generation: str = ""


def _check_language(cyrillic_language: str) -> None:
    if cyrillic_language not in LANGUAGES:
        raise InputError(
            f"cyrillic_language must be one of {', '.join(LANGUAGES)}; got {cyrillic_language!r}"
        )


def _variants(text: str, candidates: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for candidate in candidates:
        if candidate and candidate != text and candidate not in out:
            out.append(candidate)
    return tuple(out)


def _romanisations(text: str, script: str, personal: bool = True) -> tuple[str | None, ...]:
    """A Latin name's Kunrei-shiki Japanese in Hepburn, and, when it may be a person's (``personal``),
    a Korean personal name read alike across romanisations (readings of other scripts are namerec's
    own)."""
    if script != "latin":
        return ()
    return hepburn_reading(text), korean_reading(text) if personal else None


def _guess_kind(form: str) -> str:
    """Kind of an untyped name: org evidence beats person evidence; "other" without either.

    Org evidence is a legal form, "& Co." or a cue word (see :func:`looks_like_org`). Person
    evidence is a title or suffix, or a name written "Surname, Given" whose first word after the
    comma is an initial or a known given name ("Smith, John A."; "Paris, France" is no person).
    """
    if looks_like_org(form, _known_given_names()):
        return "org"
    tokens = org_tokens(form)
    if len(tokens) > 1 and (tokens[0] in PERSON_CUES or tokens[-1] in SUFFIX_CUES):
        return "person"
    parts = inverted_parts(form) if "," in form else None
    if parts is None:
        return "other"
    given = parts[1][0]
    if len(given) == 1 or _is_known_given_name(given):
        return "person"
    return "person" if _plainly_inverted(parts) else "other"


def _plainly_inverted(parts: tuple[list[str], list[str]]) -> bool:
    """The two sides of a name written "Surname, Given" (``inverted_parts``) with one or two words of
    three letters or more each, none of them a known place and neither side an organisation's name:
    a person's, in a list, though the given name is unknown or misspelt ("Dubieyr, Kqdie"); "Paris,
    France" and "Sydney, Australia" are places."""
    if not all(len(side) <= 2 for side in parts):
        return False
    words = [word for side in parts for word in side]
    # Three letters or more: "Philips NV, NL" ends in a country's code.
    if not all(word.isalpha() and len(word) > 2 for word in words):
        return False
    sides = [" ".join(side) for side in parts]
    if any(looks_like_org(side) for side in sides):  # "Unilever NV, Rotterdam"
        return False
    from ..equivalents import place_group  # here: the place lexicon normalises its forms with this module

    return not any(place_group(text) is not None for text in (*words, *sides))


@lru_cache(maxsize=1)  # asked for every untyped name: the import statement alone costs microseconds
def _known_given_names() -> frozenset[str]:
    # Imported here: the given-name lexicon normalises its own entries with this module.
    from ..given_names import known_given_names

    return known_given_names()


def _is_known_given_name(word: str) -> bool:
    from ..given_names import is_known_given_name  # here: see _known_given_names

    return is_known_given_name(word)


def _person(name: str, cleaned: str, script: str, forms: tuple[str, ...], language: str) -> NormalizedName:
    spelled = split_initial_clusters(cleaned)
    if spelled != cleaned:
        forms = romanize(spelled, language)
    parts = [person_parts(form) for form in forms]
    korean = korean_given_name_joined(parts[0].tokens) if script == "latin" else None
    if korean:  # its given name's syllables as one word (parts as person_parts lays them out)
        parts[0] = PersonParts(korean, korean[:-1], korean[-1])
    text = " ".join(parts[0].tokens)
    return NormalizedName(
        original=name,
        text=text,
        tokens=parts[0].tokens,
        kind="person",
        given=parts[0].given,
        surname=parts[0].surname,
        acronym="",
        is_acronym=False,
        legal_form="",
        script=script,
        variants=_variants(text, [*(" ".join(p.tokens) for p in parts[1:]), *_romanisations(text, script),
                                  joined_compounds(text), *fused_particle_readings(text)]),
        generation=generation(forms[0], parts[0].tokens),
    )


def _org(name: str, cleaned: str, script: str, forms: tuple[str, ...], language: str) -> NormalizedName:
    written = written_abbreviations(cleaned)
    parts = [org_parts(form, written) for form in forms]
    first = parts[0]
    text = " ".join(first.tokens)
    core = "".join(first.unexpanded)
    # "IBM Corp.": the name without its legal form is written as an acronym.
    is_acronym = written_as_acronym(cleaned) or (
        len(first.unexpanded) == 1
        and any(_normalize_text(word, cyrillic_language=language) == core for word in capital_words(cleaned))
    )
    candidates = [" ".join(first.unexpanded)] + [" ".join(p.tokens) for p in parts[1:]]
    return NormalizedName(
        original=name,
        text=text,
        tokens=first.tokens,
        kind="org",
        given=(),
        surname="",
        acronym=core if is_acronym else initials_acronym(first.tokens),
        is_acronym=is_acronym,
        legal_form=first.legal_form,
        script=script,
        variants=_variants(text, candidates),
    )


def _other(name: str, cleaned: str, script: str, forms: tuple[str, ...], language: str,
           untyped: bool = False, place: bool = False) -> NormalizedName:
    # Capital consonants that may be a person's initials ("JP Sartre"): spelt apart in a variant,
    # as the kind is unknown ("BMW Group" is written the same way).
    spelled = split_initial_clusters(cleaned)
    if spelled != cleaned:
        forms = (*forms, romanize(spelled, language)[0])
    if place:  # Az Zarqa as Az-Zarqa: "al zarqa"
        forms = tuple(spaced_arabic_article(form) for form in forms)
    words = [expand_place_abbreviations(punctuation(form).split()) for form in forms]
    if place:  # a division's kind in English (Ōsaka-fu, Osaka Prefecture: "osaka prefecture")
        attached = _HYPHENATED_LAST_WORD.search(cleaned) is not None
        words = [kind_in_english(form_words, attached, latin=script == "latin") for form_words in words]
    texts = [" ".join(form_words) for form_words in words]
    if place and script == "arabic" and texts[0].startswith("al ") and len(words[0]) > 1:
        # Arabic script writes a place's article that its Latin spellings mostly drop (البترون, Batroun).
        texts.append(texts[0][3:])
    if place and script != "latin":
        texts.extend(_without_qualifier(cleaned, language))
    elif place:
        # A Chinese transcription romanised syllable by syllable ("sai en de", 塞恩德, Sehnde), as
        # gazetteers' machine romanisations write it: also read by the sounds it transcribes.
        reading = syllable_transcription_reading(words[0])
        if reading:
            texts.append(reading)
    tokens = tuple(texts[0].split())
    # An untyped name may be a Korean person's (not so one typed as a place: Gang Guo Jin).
    korean = korean_given_name_joined(tokens) if script == "latin" and untyped else None
    if korean:
        tokens = korean
    text = " ".join(tokens)
    is_acronym = written_as_acronym(cleaned)
    return NormalizedName(
        original=name,
        text=text,
        tokens=tokens,
        kind="other",
        given=(),
        surname="",
        acronym=text.replace(" ", "") if is_acronym else initials_acronym(tokens),
        is_acronym=is_acronym,
        legal_form="",
        script=script,
        # A place's words are no Korean person's (Jung Gu, a district of Seoul, would read as one).
        variants=_variants(text, [*texts[1:], *_romanisations(text, script, personal=untyped),
                                  joined_compounds(text), *fused_particle_readings(text)]),
    )


# A comma in any script: Latin, Arabic, full-width and small (CJK), halfwidth ideographic.
_QUALIFIER_COMMA = re.compile("[,\u060c\uff0c\ufe50\uff64]")


def _without_qualifier(cleaned: str, language: str) -> list[str]:
    """The reading of a place written "place, the state or country it is in" without the latter
    (لونگویئو، ٹیکساس, Longview, Texas: "lunguiiu"), the way Persian and Urdu write the names of
    towns that share theirs with others; [] when the name has no comma. Only for names in other
    scripts: a Latin name's words are compared with the other name's one by one, and "Longview,
    Texas" meets "Longview" as it is, but a name read by its sounds meets a Latin one only when the
    two have as many words."""
    place = _QUALIFIER_COMMA.split(cleaned, maxsplit=1)[0]
    if place == cleaned or not place.strip():
        return []
    core = _normalize_name(place, "LOC", language)
    return [core.text, *core.variants[:1]]


# A last word joined to the one before by a hyphen (Gyeonggi-do, Nara-shi).
_HYPHENATED_LAST_WORD = re.compile(r"\w[-\u2010-\u2015]\s*\w+\W*$")


@lru_cache(maxsize=_CACHE_SIZE)
def _normalize_name(name: str, entity_type: str, language: str) -> NormalizedName:
    cleaned = clean(name)
    script = dominant_script(cleaned)
    place = bool(entity_type) and is_place_type(entity_type)
    # Korean readings of a name as a person's (김정은 "kim jeongeun") only where it may be one: 담양
    # (Damyang, a county) read "dam yang" met 단양 (Danyang) as one word met another.
    forms = romanize(set_apart_kind(cleaned) if place else cleaned, language,
                     personal=entity_type in ("", "PERSON"))
    if not place and entity_type in ("", "PERSON"):
        # Each form read with its likelier letters first; the other readings follow as variants.
        readings = [digits_as_letters(form, entity_type == "PERSON") for form in forms]
        forms = tuple(dict.fromkeys([*(r[0] for r in readings), *(x for r in readings for x in r[1:])]))
    kind = _KIND_OF_TYPE.get(entity_type, "other") if entity_type else _guess_kind(forms[0])
    if kind == "person":
        return _person(name, cleaned, script, forms, language)
    if kind == "org":
        return _org(name, cleaned, script, forms, language)
    return _other(name, cleaned, script, forms, language, untyped=not entity_type, place=place)


def normalize_name(name: str, entity_type: str = "", *, cyrillic_language: str = "auto") -> NormalizedName:
    """Normalise one name: the generic steps, then the rules of its kind.

    ``entity_type`` is a canonical type ("PERSON", "ORG", "LOC", "" for unknown, or any other
    string); "PERSON" and "ORG" choose the person and organisation rules, "" guesses the kind from
    the name (a legal form or an organisation word -> org, a personal title -> person), anything
    else applies the generic steps only. Never raises for any ``name``; results are cached.

    >>> normalize_name("GENENCOR INTERNATIONAL, INC.", "ORG").legal_form
    'inc'
    """
    if cyrillic_language != "auto":
        _check_language(cyrillic_language)
    return _normalize_name(name, entity_type, cyrillic_language)


@lru_cache(maxsize=_CACHE_SIZE)
def _cached_text(name: str, language: str) -> str:
    return _normalize_text(name, cyrillic_language=language)


def normalize_text(name: str, *, cyrillic_language: str = "auto") -> str:
    """The generic steps only (no person or organisation rules); cached.

    >>> normalize_text("Dr. Kristīne Bērziņa's")
    'dr kristine berzina'
    """
    if cyrillic_language != "auto":
        _check_language(cyrillic_language)
    return _cached_text(name, cyrillic_language)
