"""Japanese family names in kanji (namerec.normalize.japanese)."""

from __future__ import annotations

import doctest

import namerec
import namerec.normalize.japanese
from namerec.normalize import normalize_name
from namerec.normalize.lexicons import load_data


def test_a_listed_family_name_gets_its_japanese_reading_as_a_variant() -> None:
    name = normalize_name("田中")
    assert name.text == "tianzhong"  # the characters' Mandarin reading stays the primary one
    assert "tanaka" in name.variants
    assert "watanabe" in normalize_name("渡辺").variants


def test_other_han_names_get_no_japanese_reading() -> None:
    assert normalize_name("毛泽东").variants == ("mao zedong",)
    assert namerec.normalize.japanese.japanese_reading("田中角栄") is None  # a full name is not listed


def test_the_lexicon_reads_in_lower_case_latin() -> None:
    readings = load_data("japanese_family_names.json")["readings"]
    assert len(readings) >= 200
    assert all(reading.isascii() and reading.isalpha() and reading.islower() for reading in readings.values())


def test_family_names_in_kanji_meet_their_romanised_and_katakana_forms_in_a_pool() -> None:
    forms = [("Tanaka", "田中", "タナカ"), ("Suzuki", "鈴木", "スズキ"), ("Yamamoto", "山本", "ヤマモト"),
             ("Watanabe", "渡辺", "ワタナベ"), ("Kobayashi", "小林", "コバヤシ")]
    names = [form for row in forms for form in row]
    labels = namerec.reconcile(names).labels
    assert len(set(labels)) == len(forms)
    assert all(len({labels[3 * k], labels[3 * k + 1], labels[3 * k + 2]}) == 1 for k in range(len(forms)))


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(namerec.normalize.japanese).failed == 0
