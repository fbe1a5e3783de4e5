"""Properties over arbitrary text: totality, output shape, idempotence."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from namerec.normalize import normalize_name, normalize_text
from namerec.normalize.lexicons import SUFFIXES, TITLES, WEAK_TITLES
from namerec.normalize.translit import SCRIPTS

_SHAPE = re.compile(r"(?:[a-z0-9]+(?: [a-z0-9]+)*)?")
_KINDS = {"person", "org", "other"}
_SCRIPTS = set(SCRIPTS)

# Any code point, surrogates included: str from a file or a socket can hold them.
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=60)
entity_types = st.sampled_from(["", "PERSON", "ORG", "LOC", "VESSEL"])
languages = st.sampled_from(["auto", "ru", "uk", "bg", "sr", "mk", "be"])
# Name-like text: words from Latin, Cyrillic (with the letters of the Japanese and Chinese readings),
# Greek, Arabic and Hebrew letters with name punctuation between them.
_NAME_CHARACTERS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,'-&üēñßøłЗелнскийщъєїΑλέξης"
    "дзцюяёэчжоауДЖЦ" "ابتحسنروياةأعلى" "אבוחיירשלםע"
)
name_like = st.text(st.sampled_from(list(_NAME_CHARACTERS)), max_size=40)

common = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@common
@given(any_text, languages)
@example("\ud800", "auto")
@example("", "auto")
@example("Trump's", "auto")
def test_normalize_text_is_total_and_well_shaped(text: str, language: str) -> None:
    out = normalize_text(text, cyrillic_language=language)
    assert _SHAPE.fullmatch(out), out


@common
@given(st.one_of(any_text, name_like), languages)
def test_normalize_text_is_idempotent(text: str, language: str) -> None:
    once = normalize_text(text, cyrillic_language=language)
    assert normalize_text(once, cyrillic_language=language) == once


@common
@given(st.one_of(any_text, name_like), entity_types, languages)
@example("\ud800\udc00", "PERSON", "auto")
@example(", , ,", "PERSON", "auto")
@example("the the", "ORG", "auto")
def test_normalize_name_is_total_and_consistent(name: str, entity_type: str, language: str) -> None:
    n = normalize_name(name, entity_type, cyrillic_language=language)
    assert n.original == name
    assert _SHAPE.fullmatch(n.text)
    assert n.tokens == tuple(n.text.split())
    assert n.kind in _KINDS and n.script in _SCRIPTS
    assert n.text not in n.variants and "" not in n.variants
    assert all(_SHAPE.fullmatch(v) for v in n.variants)
    if n.kind == "person":
        assert n.surname == (n.tokens[-1] if n.tokens else "")
        assert set(n.given) <= set(n.tokens)
        assert n.acronym == "" and n.legal_form == ""
    else:
        assert n.given == () and n.surname == ""
    if n.kind != "org":
        assert n.legal_form == ""
    assert re.fullmatch(r"[a-z0-9]*", n.acronym)


def _has_no_affixes(text: str) -> bool:
    tokens = text.split()
    return not tokens or (tokens[0] not in TITLES | WEAK_TITLES and tokens[-1] not in SUFFIXES)


@common
@given(name_like, entity_types)
def test_normalize_name_text_is_a_fixed_point(name: str, entity_type: str) -> None:
    text = normalize_name(name, entity_type).text
    if entity_type or _has_no_affixes(text):  # untyped: a leftover title could change the guess
        assert normalize_name(text, entity_type).text == text


def test_long_input_is_fine() -> None:
    name = ("Dr. Kristīne Bērziņa-Зеленский, Inc. 🙂 " * 300)[:10_000]
    for entity_type in ("", "PERSON", "ORG"):
        n = normalize_name(name, entity_type)
        assert n.text and _SHAPE.fullmatch(n.text)
