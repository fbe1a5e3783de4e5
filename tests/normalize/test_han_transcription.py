"""Foreign names written in Han transcription characters, read back as the letters they stand for."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from namerec.normalize import normalize_name
from namerec.normalize.han_transcription import syllable_transcription_reading, transcription_reading


@pytest.mark.parametrize(
    ("written", "reading"),
    [
        ("斯摩棱斯克", "smolensk"),  # 斯 and 克 are a lone s and k, not si and ke
        ("雅罗斯拉夫尔", "yaroslavl"),  # 夫 the v, a final 尔 the l
        ("瓦尔纳", "varna"),  # 尔 inside a name is its r
        ("德布勒森", "deblesen"),  # a lone consonant opening a word before another keeps a vowel
        ("克拉科夫", "klakov"),  # ... but not before l or r
    ],
)
def test_transcription_characters_read_by_their_values(written: str, reading: str) -> None:
    assert transcription_reading(written) == reading


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [("賽克斯頓", "赛克斯顿"), ("舒格蘭", "舒格兰"), ("維爾紐斯", "维尔纽斯"), ("羅馬尼亞", "罗马尼亚")],
)
def test_traditional_characters_read_as_their_simplified_forms(traditional: str, simplified: str) -> None:
    assert transcription_reading(traditional) == transcription_reading(simplified)
    assert transcription_reading(simplified) is not None


def test_a_transcription_romanised_syllable_by_syllable_reads_as_its_characters_do() -> None:
    # Gazetteers' machine romanisations write 塞恩德 (Sehnde) "sai en de", 马拉维 (Malawi) "ma la wei".
    assert syllable_transcription_reading("sai en de".split()) == transcription_reading("塞恩德")
    assert syllable_transcription_reading("ma la wei".split()) == "malawi"
    assert syllable_transcription_reading(["malawi"]) is None  # one word: a name as written
    assert syllable_transcription_reading(["ma", "london"]) is None  # a word that is no syllable
    assert normalize_name("ma la wei", "LOC").variants == ("malawi",)
    assert "malawi" not in normalize_name("ma la wei", "PERSON").variants  # a place's reading only


def test_native_names_are_left_to_pinyin() -> None:
    assert transcription_reading("习近平") is None  # 习, 近 and 平 transcribe no foreign sound
    assert transcription_reading("毛泽东") is None  # one character outside the table is enough
    assert transcription_reading("Smolensk") is None


def test_a_dotted_name_reads_its_one_character_parts() -> None:
    assert transcription_reading("乔·拜登") == "jo·baiden"
    assert transcription_reading("乔") is None  # alone, one character is more likely a word


def test_the_reading_is_a_variant_and_pinyin_stays_primary() -> None:
    name = normalize_name("巴拉克·奥巴马", "PERSON")
    assert name.text == "balake aobama"
    assert "balak obama" in name.variants
    assert "barak obama" in name.variants  # one sound for l and r: the r reading too


@given(st.text(alphabet=st.sampled_from("斯摩棱克拉尔夫习近平·・ a"), max_size=12))
def test_reading_never_raises_and_keeps_what_it_does_not_read(text: str) -> None:
    reading = transcription_reading(text)
    assert reading is None or all(ch in reading for ch in text if ch in "习近平·・ a")
