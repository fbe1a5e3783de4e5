"""Chinese places a syllable apart (namerec.chinese_places)."""

from __future__ import annotations

import doctest

import namerec
import namerec.chinese_places
from namerec.chinese_places import chinese_place_syllables
from namerec.normalize import normalize_name


def _syllables(name: str, entity_type: str = "LOC"):
    return chinese_place_syllables(normalize_name(name, entity_type))


def test_han_names_are_read_a_syllable_a_character_without_their_kind_word() -> None:
    assert _syllables("河北省") == (("he", "bei"), True)
    assert _syllables("廣東") == _syllables("广东") == (("guang", "dong"), True)
    assert _syllables("Hebei Province") == (("he", "bei"), False)
    assert _syllables("Henan") is None  # no letter shows pinyin: Henan could be another language's
    assert _syllables("New York") is None and _syllables("斋浦尔斋浦尔") is None


def test_two_han_places_a_syllable_apart_never_share_an_entity() -> None:
    names = ["河北省", "湖北省", "河南省", "湖南省", "河北", "湖北"]
    labels = namerec.reconcile(names, types=["LOC"] * len(names)).labels
    assert labels[0] == labels[4] and labels[1] == labels[5]
    assert len({labels[0], labels[1], labels[2], labels[3]}) == 4


def test_a_character_read_the_other_way_or_a_typo_does_not_part_a_place() -> None:
    # 成都: anyascii reads 都 "dou"; the city is Chengdu. One letter apart is not two places.
    names = ["成都", "Chengdu", "Guangzhou", "Guangzou"]
    labels = namerec.reconcile(names, types=["LOC"] * len(names)).labels
    assert labels[0] == labels[1]
    veto = namerec.chinese_places._two_places((("guang", "zhou"), False), (("guang", "zou"), False))
    assert not veto


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(namerec.chinese_places).failed == 0
