"""Wade-Giles spellings of Chinese names (namerec.normalize.wade_giles)."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

import namerec
import namerec.normalize.wade_giles
from namerec.equivalents import place_lexicon_off
from namerec.normalize.wade_giles import han_in_wade_giles, pinyin_in_wade_giles, wade_giles_syllable


@pytest.mark.parametrize(
    ("pinyin", "wade_giles"),
    [("zhou", "chou"), ("xiao", "hsiao"), ("ping", "ping"), ("zedong", None), ("ze", "tse"), ("dong", "tung"),
     ("jin", "chin"), ("qian", "chien"), ("xue", "hsueh"), ("shi", "shih"), ("si", "ssu"), ("guo", "kuo"),
     ("luo", "lo"), ("gui", "kuei"), ("yan", "yen"), ("cai", "tsai"), ("ri", "jih")],
)
def test_syllables(pinyin: str, wade_giles: str | None) -> None:
    if wade_giles is not None:
        assert wade_giles_syllable(pinyin) == wade_giles


def test_han_names_and_places() -> None:
    assert han_in_wade_giles("周恩来") == "chou en lai"
    assert han_in_wade_giles("蔡英文") == "tsai ying wen"
    assert han_in_wade_giles("新竹 city") == "hsin chu city"


def test_only_names_that_look_like_pinyin_are_respelt() -> None:
    assert pinyin_in_wade_giles("mao zedong") == "mao tse tung"
    assert pinyin_in_wade_giles("hu jintao") == "hu chin tao"
    for name in ("maria cannan", "alice owen", "li peng", "zola budd", "kumazawa", "zhang", "liza anne"):
        assert pinyin_in_wade_giles(name) is None, name


def test_a_place_in_one_word_of_pinyin_is_respelt() -> None:
    assert pinyin_in_wade_giles("shenzhen", place=True) == "shen chen"
    assert pinyin_in_wade_giles("wulumuqi", place=True) == "wu lu mu chi"
    # A voiced initial shows pinyin in a place's name (Wade-Giles writes it t).
    assert pinyin_in_wade_giles("chengdu", place=True) == "cheng tu"
    # Syllables after the first open with a consonant: pinyin would write Xi'an with an apostrophe.
    assert pinyin_in_wade_giles("diana", place=True) == "tia na"
    for place in ("london", "xian", "hogan", "zhang"):
        assert pinyin_in_wade_giles(place, place=True) is None, place
    # One word of any other type is not read: Japanese and Western names are pinyin syllables too.
    for name in ("shenzhen", "kumazawa", "sagan"):
        assert pinyin_in_wade_giles(name) is None, name


@pytest.mark.parametrize(
    ("a", "b"),
    [("Shenzhen", "Shen-chen"), ("Chengdu", "Ch'eng-tu"), ("Xinzhu", "Hsinchu"), ("Taibei", "Taipei"),
     ("高雄", "Kaohsiung"), ("新竹", "Hsinchu")],
)
def test_places_meet_their_wade_giles_spelling_by_spelling_alone(a: str, b: str) -> None:
    with place_lexicon_off():
        assert namerec.Reconciler().score(a, b, types=("LOC", "LOC")) >= 0.9


def test_a_reading_of_one_word_is_set_against_names_written_its_way_only() -> None:
    # Jiduo (基多, Quito) reads "chi to": no "Chiwa", as a hyphenated spelling would be two words.
    with place_lexicon_off():
        assert namerec.Reconciler().score("Jiduo", "Chiwa", types=("LOC", "LOC")) < 0.5


def test_a_place_in_three_spellings_is_one_entity() -> None:
    names = ["Shenzhen", "深圳", "Shen-chen", "Chengdu", "成都", "Ch'eng-tu", "Hangzhou", "Hang-chou"]
    with place_lexicon_off():
        labels = namerec.reconcile(names, types=["LOC"] * len(names)).labels
    assert len(set(labels[:3])) == len(set(labels[3:6])) == len(set(labels[6:])) == 1
    assert len({labels[0], labels[3], labels[6]}) == 3


@pytest.mark.parametrize(
    ("a", "b"),
    [("毛泽东", "Mao Tse-tung"), ("周恩来", "Chou En-lai"), ("蔡英文", "Tsai Ing-wen"),
     ("Mao Zedong", "Mao Tse-tung"), ("Deng Xiaoping", "Teng Hsiao-ping")],
)
def test_pinyin_and_han_names_meet_their_wade_giles_spelling(a: str, b: str) -> None:
    assert namerec.Reconciler().score(a, b) >= 0.9


def test_two_han_names_do_not_meet_in_wade_giles() -> None:
    # 陈刚 chen gang and 陈康 chen kang are both "chen kang" in Wade-Giles without apostrophes.
    reconciler = namerec.Reconciler()
    assert "kang" not in reconciler.explain("陈刚", "陈康")


def test_a_name_in_three_spellings_is_one_entity() -> None:
    names = ["毛泽东", "Mao Tse-tung", "Mao Zedong", "周恩来", "Chou En-lai", "Zhou Enlai"]
    labels = namerec.reconcile(names).labels
    assert len(set(labels[:3])) == 1 and len(set(labels[3:])) == 1 and labels[0] != labels[3]


@given(st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz "), max_size=20))
def test_pinyin_respelling_never_raises(text: str) -> None:
    out = pinyin_in_wade_giles(text)
    assert out is None or (out and out.isascii())


def test_docstring_examples() -> None:
    assert doctest.testmod(namerec.normalize.wade_giles).failed == 0
