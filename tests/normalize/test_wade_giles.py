"""Wade-Giles spellings of Chinese names (namerec.normalize.wade_giles)."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

import namerec
import namerec.normalize.wade_giles
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
