"""The Brahmic scripts of India (namerec.normalize.indic)."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

import namerec.normalize.indic
from namerec.normalize import normalize_name
from namerec.normalize.indic import romanize_indic


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("अमिताभ बच्चन", "amitabh bachchan"),  # final schwa dropped; च्च a cluster
        ("मनमोहन सिंह", "manmohan singh"),  # a middle schwa between kept vowels; anusvara before h
        ("नरेन्द्र", "narendra"),  # a word ending in a cluster keeps its a
        ("प्रियंका चोपड़ा", "priyanka chopra"),  # nukta ड़ is r
        ("शाहरुख़ ख़ान", "shahrukh khan"),
        ("मुंबई", "mumbai"),  # anusvara before b is m
        ("রবীন্দ্রনাথ ঠাকুর", "rabindranath thakur"),  # Bengali, same layout
        ("ਅੰਮ੍ਰਿਤਸਰ", "amritsar"),  # Gurmukhi; a nasal sign before m is that m said long
        ("ਮਨਮੋਹਨ ਸਿੰਘ", "manmohan singh"),  # Gurmukhi tippi, a nasal
        ("ਪੰਜਾਬ", "panjab"),
        ("ਭੱਟੀ", "bhatti"),  # Gurmukhi addak doubles the next consonant
        ("ৰাহুল গান্ধী", "rahul gandhi"),  # Assamese ৰ, r
        ("গুৱাহাটী", "guwahati"),  # Assamese ৱ, w
        ("கமல் ஹாசன்", "kamal hasan"),  # Tamil: the pulli marks a vowelless consonant; ச is s inside a word
        ("சென்னை", "chennai"),  # and ch at its start
        ("തിരുവനന്തപുരം", "thiruvananthapuram"),  # Malayalam: dental t as th, final anusvara m
        ("१२३", "123"),
        ("कृष्ण", "krishna"),  # so do most clusters
        ("पार्थ", "parth"),  # but not r before a stop
        ("रॉबर्ट", "robart"),
        ("विलियम्स", "viliyams"),  # nor m or n before s, a loanword's plural
        ("राजकमल", "rajkamal"),  # middle schwas from the start of the word: compounds
    ],
)
def test_romanize_indic(written: str, latin: str) -> None:
    assert romanize_indic(written) == latin


@pytest.mark.parametrize(
    ("written", "latin"),
    [("एंडरसन", "endarsan"), ("पीटरसन", "pitarsan"), ("मनमोहन", "manmohan"), ("रिचर्ड", "richard")],
)
def test_schwas_deleted_from_the_end_back_as_loanwords_say_them(written: str, latin: str) -> None:
    assert romanize_indic(written, from_the_end=True) == latin
    assert romanize_indic(written) == latin or written in ("एंडरसन", "पीटरसन")  # endrasan, pitrasan


def test_other_text_is_left_alone() -> None:
    assert romanize_indic("Modi मोदी 12") == "Modi modi 12"


@given(st.text(alphabet=[chr(c) for c in range(0x0900, 0x0D80)] + [" ", "a", "\u200d"], max_size=24))
def test_never_raises_and_leaves_no_indic_letter(text: str) -> None:
    out = romanize_indic(text)
    assert isinstance(out, str)
    assert not any(0x0900 <= ord(c) < 0x0D80 for c in out)


def test_docstring_examples() -> None:
    assert doctest.testmod(namerec.normalize.indic).failed == 0


def test_tamil_and_malayalam_zh_is_also_read_l() -> None:
    # ழ is zh in Kozhikode and Azhagiri, l in Tamil and Alagiri: both readings.
    for text, zh, el in (("தமிழ்நாடு", "thamizhnadu", "thamilnadu"), ("அழகிரி", "azhagiri", "alagiri")):
        name = normalize_name(text)
        assert name.text == zh and el in name.variants
    assert all("l" not in variant for variant in normalize_name("மதுரை").variants)
