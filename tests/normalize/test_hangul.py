"""Korean hangul by Revised Romanization (namerec.normalize.hangul), plain and loanword readings."""

from __future__ import annotations

import doctest
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import namerec.normalize.hangul
from namerec.normalize import normalize_name
from namerec.normalize.hangul import (
    korean_name_readings,
    mccune_reischauer,
    romanize_hangul,
    romanize_korean_name,
)


@pytest.mark.parametrize(
    ("hangul", "plain", "loanword"),
    [
        ("베를린", "bereullin", "berlin"),  # final and initial ㄹ: ll; loanword: one l
        ("서울", "seoul", "seoul"),
        ("런던", "reondeon", "reondeon"),
        ("파리", "pari", "pari"),
        ("노보시비르스크", "nobosibireuseukeu", "nobosibirsk"),
        ("타브리즈", "tabeurijeu", "tabrij"),
        ("스웨덴", "seuweden", "sweden"),
        ("그리스", "geuriseu", "gris"),
        ("모스크바", "moseukeuba", "moskba"),
        ("블라디미르", "beulladimireu", "bladimir"),
        ("은", "eun", "eun"),  # no initial consonant: the eu is real
        ("스", "seu", "seu"),  # no vowel would be left
        ("한국", "hanguk", "hanguk"),
        ("서울이", "seouri", "seouri"),  # ㄹ before a vowel is r
        ("블라디미르 푸틴", "beulladimireu putin", "bladimir putin"),
    ],
)
def test_romanize_hangul(hangul: str, plain: str, loanword: str) -> None:
    assert romanize_hangul(hangul) == plain
    assert romanize_hangul(hangul, loanword=True) == loanword


def test_conjoining_jamo_are_composed() -> None:
    assert romanize_hangul("\u1109\u1165\u110b\u116e\u11af") == "seoul"


@pytest.mark.parametrize("text", ["Seoul 12", "東京", "ギリシャ", "ㄱㄴ", ""])
def test_other_characters_are_left_alone(text: str) -> None:
    assert romanize_hangul(text) == text
    assert romanize_hangul(text, loanword=True) == text


def test_docstring_examples() -> None:
    assert doctest.testmod(namerec.normalize.hangul).failed == 0


@given(st.text(), st.booleans())
def test_never_raises_and_leaves_text_without_hangul(text: str, loanword: bool) -> None:
    latin = romanize_hangul(text, loanword=loanword)
    assert isinstance(latin, str)
    if not re.search("[\u1100-\u11ff\uac00-\ud7a3]", text):
        assert latin == text


_SYLLABLES = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)


@given(st.text(alphabet=_SYLLABLES | st.just(" "), max_size=30))
def test_hangul_becomes_ascii(text: str) -> None:
    plain = romanize_hangul(text)
    loanword = romanize_hangul(text, loanword=True)
    assert plain.isascii() and loanword.isascii()
    assert len(loanword) <= len(plain)


@pytest.mark.parametrize(
    ("hangul", "press"),
    [
        ("최순실", "choi soon sil"),  # ㅜ as oo
        ("반기문", "ban ki moon"),  # a given name opening with ㄱ: k
        ("노무현", "roh moo hyun"),  # ㅕ as yu
        ("김영삼", "kim young sam"),
        ("정몽준", "chung mong joon"),  # the press's surname
        ("박근혜", "park keun hye"),  # ㅡ keeps eu
    ],
)
def test_press_spellings_of_korean_names(hangul: str, press: str) -> None:
    assert romanize_korean_name(hangul, vowels="press", apart=True) == press
    surname, given = press.split(" ", 1)
    assert romanize_korean_name(hangul, vowels="press") == f"{surname} {given.replace(' ', '')}"


def test_a_korean_personal_name_is_read_as_one_first() -> None:
    readings, personal = korean_name_readings("윤석열")
    assert personal and readings[:2] == ("yoon suk yul", "yoon seok yeol")
    # Foreign names in hangul are longer or in several words; a non-surname opening is no name.
    assert not korean_name_readings("블라디미르 푸틴")[1]
    assert not korean_name_readings("스웨덴")[1]


def test_a_place_or_an_organisation_in_hangul_is_not_read_as_a_persons_name() -> None:
    # 담양 (Damyang, a county) read as surname and given name, "dam yang", met 단양 (Danyang) as one
    # word met another.
    assert "dam yang" in normalize_name("담양").variants
    assert "dam yang" in normalize_name("담양", "PERSON").variants
    for entity_type in ("LOC", "ORG", "City"):
        name = normalize_name("담양", entity_type)
        assert name.text == "damyang" and "dam yang" not in name.variants, entity_type
        assert "tamyang" in name.variants  # McCune-Reischauer is no personal reading


@pytest.mark.parametrize(
    ("hangul", "mccune"),
    [
        ("부산", "pusan"),  # a plain stop starting a word: unvoiced
        ("대구", "taegu"),  # between vowels: voiced
        ("제주", "cheju"),
        ("인천", "inchon"),  # ㅓ as o
        ("함흥", "hamhung"),  # ㅡ as u
        ("강릉", "kangnung"),  # ㄹ after ㅇ: n
        ("학교", "hakkyo"),  # after a stop: unvoiced
        ("서울", "soul"),
    ],
)
def test_mccune_reischauer(hangul: str, mccune: str) -> None:
    assert mccune_reischauer(hangul) == mccune


@given(st.text(alphabet=_SYLLABLES | st.just(" "), max_size=30))
def test_mccune_reischauer_is_ascii(text: str) -> None:
    assert mccune_reischauer(text).isascii()
