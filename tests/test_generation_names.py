"""Korean generation names: one family, given names sharing one syllable of two, two people."""

from __future__ import annotations

import doctest

import numpy as np
import pytest

import namerec
import namerec.generation_names
from namerec.generation_names import generation_name_conflicts, given_syllables
from namerec.normalize import normalize_name
from namerec.records import NameRecords


def test_the_module_examples_hold():
    assert doctest.testmod(namerec.generation_names).failed == 0


@pytest.mark.parametrize("name", ["Kim Jong-un", "Gim Jeong-eun", "Kim Jong Un", "김정은", "Jong-un Kim",
                                  "Dr. Kim Jong-un"])
def test_the_syllables_are_read_from_hyphenated_spaced_and_hangul_names(name):
    assert given_syllables(normalize_name(name, "PERSON")) == ("kim", "jong", "on")


@pytest.mark.parametrize("name", ["Kim Jongun", "John Smith", "Syngman Rhee", "Kim", "金正恩"])
def test_names_whose_syllables_cannot_be_told_have_none(name):
    assert given_syllables(normalize_name(name, "PERSON")) is None


def test_only_one_syllable_alike_in_one_family_is_a_conflict():
    names = ["Kim Jong-un", "Kim Jong-il", "Gim Jeong-eun", "Kim Il-sung", "Park Jong-un", "Gim Jeongil"]
    normalized = [normalize_name(name, "PERSON") for name in names]
    records = NameRecords.build(normalized, ["PERSON"] * len(names))
    unit = {name: records.texts.index(n.text) for name, n in zip(names, normalized)}
    pairs = [("Kim Jong-un", "Kim Jong-il"),  # jong alike, un and il not: two people
             ("Kim Jong-un", "Gim Jeong-eun"),  # one name in two romanisations
             ("Kim Jong-il", "Kim Il-sung"),  # il in other places: nothing said
             ("Kim Jong-un", "Park Jong-un"),  # two families
             ("Kim Jong-un", "Gim Jeongil")]  # syllables not written apart: nothing said
    left = np.array([unit[a] for a, _ in pairs])
    right = np.array([unit[b] for _, b in pairs])
    assert generation_name_conflicts(records, left, right).tolist() == [True, False, False, False, False]


@pytest.mark.parametrize(("a", "b", "relatives"), [
    (("kim", "jong", "il"), ("kim", "jong", "on"), True),
    (("kim", "jong", "il"), ("kim", "jong", "il"), False),  # one name
    (("kim", "pong", "ryol"), ("kim", "pyong", "ryol"), False),  # one letter apart: a typo
    (("kim", "jong", "il"), ("pak", "jong", "on"), False),  # two families
    (("kim", "jong", "il"), ("kim", "il", "song"), False),  # no syllable alike in its place
])
def test_one_generation_needs_one_family_one_syllable_alike_and_one_clearly_not(a, b, relatives):
    assert namerec.generation_names.one_generation(a, b) is relatives
    assert namerec.generation_names.one_generation(b, a) is relatives


def test_a_father_and_his_son_never_share_an_entity_in_a_pool():
    names = ["Kim Jong-il", "Kim Jong Il", "김정일", "Kim Jong-un", "Kim Jong Un", "김정은", "Gim Jeong-eun"]
    labels = namerec.reconcile(names).labels
    assert len(set(labels[:3])) == 1 and len(set(labels[3:])) == 1
    assert labels[0] != labels[3]


def test_a_listed_pair_is_left_to_the_model():
    # Sanctions lists give one person aliases a syllable apart: only a pool says two names are two people.
    assert namerec.Reconciler().score("Kim Jong-un", "Kim Jong-il") > 0.5
