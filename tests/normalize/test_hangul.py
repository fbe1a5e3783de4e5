"""Korean hangul by Revised Romanization (namerec.normalize.hangul), plain and loanword readings."""

from __future__ import annotations

import doctest
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import namerec.normalize.hangul
from namerec.normalize.hangul import romanize_hangul


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
