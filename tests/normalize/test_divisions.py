"""Division kind words of place names (namerec.normalize.divisions) and through the normaliser."""

from __future__ import annotations

import doctest

import pytest

import namerec.normalize.divisions
from namerec.normalize import normalize_name
from namerec.normalize.divisions import kind_in_english, set_apart_kind


@pytest.mark.parametrize(
    "forms",
    [
        ("Moscow Oblast", "Moscow Region"),
        ("Moskovskaya Oblast", "Московская область"),  # "moskov": near Moscow, but a spelling apart
        ("Krasnodar Krai", "Krasnodar Territory", "Krasnodarskiy kray", "Краснодарский край"),
        ("Gyeonggi-do", "Gyeonggi Province", "경기도"),
        ("Osaka Prefecture", "Ōsaka-fu"),
        ("Kyiv Oblast", "Kyivska oblast"),
        ("Nara-shi", "Nara City"),
    ],
)
def test_one_division_in_several_languages_reads_alike(forms: tuple[str, ...]) -> None:
    texts = {normalize_name(form, "LOC").text for form in forms}
    assert len(texts) == 1, texts


def test_the_kind_word_is_kept_so_a_city_and_its_prefecture_stay_two_names() -> None:
    assert normalize_name("Osaka Prefecture", "LOC").text == "osaka prefecture"
    assert normalize_name("Osaka City", "LOC").text == "osaka city"
    assert normalize_name("大阪府", "LOC").text.endswith(" prefecture")
    assert normalize_name("大阪市", "LOC").text.endswith(" city")


def test_only_names_typed_as_places_are_rewritten() -> None:
    assert normalize_name("Moscow Oblast").text == "moscow oblast"
    assert normalize_name("Nara-shi", "PERSON").text != "nara city"
    assert normalize_name("경기도", "ORG").text == "gyeonggido"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("广东省", "广东 province"),
        ("서울특별시", "서울 city"),
        ("香港特別行政區", "香港 region"),
        ("建昌镇", "建昌 town"),
        ("市桥街道", "市桥 subdistrict"),
        ("北海道", "北海道"),  # 道 is Hokkaido's own
        ("대구", "대구"),  # too short to end in a kind word: Daegu
        ("京都", "京都"),
    ],
)
def test_set_apart_kind(text: str, expected: str) -> None:
    assert set_apart_kind(text) == expected


def test_short_kind_words_need_a_hyphen_and_a_long_enough_name() -> None:
    assert kind_in_english(["chao", "xian"], attached=False) == ["chao", "xian"]  # Korea, read from Chinese
    assert kind_in_english(["suwon", "si"], attached=True) == ["suwon", "city"]
    assert kind_in_english(["rui", "shi"], attached=True) == ["rui", "shi"]  # Switzerland, read from Chinese
    assert kind_in_english(["oblast"], attached=False) == ["oblast"]
    # Adjectives lose their endings before a Russian kind of division only.
    assert kind_in_english(["nebraska", "state"], attached=False) == ["nebraska", "state"]


def test_pinyin_kind_words_stand_apart_only_in_latin_names_after_two_syllables() -> None:
    assert kind_in_english(["nancheng", "xian"], attached=False, latin=True) == ["nancheng", "county"]
    assert kind_in_english(["shiqiao", "jiedao"], attached=False, latin=True) == ["shiqiao", "subdistrict"]
    assert kind_in_english(["nancheng", "xian"], attached=False) == ["nancheng", "xian"]  # a reading of Han
    assert kind_in_english(["shen", "zhen"], attached=False, latin=True) == ["shen", "zhen"]  # Shenzhen
    # One division written in pinyin and in Han characters reads alike.
    assert normalize_name("Nancheng Xian", "LOC").text == "nancheng county"
    assert normalize_name("南城县", "LOC").text == "nancheng county"
    assert normalize_name("Jianchang Zhen", "LOC").text == normalize_name("建昌镇", "LOC").text


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(namerec.normalize.divisions).failed == 0
