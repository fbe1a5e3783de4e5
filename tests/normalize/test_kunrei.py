"""Kunrei-shiki Japanese read in Hepburn (namerec.normalize.kunrei)."""

import doctest

from hypothesis import given
from hypothesis import strategies as st

from namerec.normalize import normalize_name
from namerec.normalize.kunrei import hepburn_reading


def test_kunrei_syllables_are_written_as_hepburn_writes_them():
    assert hepburn_reading("huzita") == "fujita"
    assert hepburn_reading("tusima") == "tsushima"
    assert hepburn_reading("sinzyuku") == "shinjuku"
    assert hepburn_reading("zyunitiro koizumi") == "junichiro koizumi"
    assert hepburn_reading("syotoku taisi") == "shotoku taishi"
    assert hepburn_reading("kotti mati") == "kotchi machi"  # a doubled consonant stays doubled


def test_names_not_wholly_japanese_or_too_short_are_left_as_written():
    assert hepburn_reading("tina turner") is None  # turner is no Japanese word
    assert hepburn_reading("christina") is None
    assert hepburn_reading("tina") is None  # two syllables: too many European names read so
    assert hepburn_reading("shinjuku") is None  # Hepburn already
    assert hepburn_reading("") is None


def test_the_reading_is_a_variant_of_the_name():
    name = normalize_name("Huzita Sinzyuku", "PERSON")
    assert name.text == "huzita sinzyuku"
    assert "fujita shinjuku" in name.variants


_SYLLABLES = ["ka", "si", "ti", "tu", "hu", "zi", "sya", "tyo", "zyu", "no", "mo", "ri", "n",
              "shi", "chi", "tsu"]


@given(st.lists(st.sampled_from(_SYLLABLES), min_size=1, max_size=8))
def test_hepburn_is_a_fixed_point(syllables):
    word = "".join(syllables)
    read = hepburn_reading(word)
    assert read is None or hepburn_reading(read) is None


def test_the_module_examples_hold():
    import namerec.normalize.kunrei

    assert doctest.testmod(namerec.normalize.kunrei).failed == 0
