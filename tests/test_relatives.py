"""Korean and Chinese relatives: one family name, clearly different given names, two people in a pool."""

from __future__ import annotations

import doctest

import numpy as np
import pytest

import namerec
import namerec.relatives
from namerec.normalize import normalize_name
from namerec.records import NameRecords
from namerec.relatives import given_syllables, relatives, two_relatives


def test_the_module_examples_hold():
    assert doctest.testmod(namerec.relatives).failed == 0


@pytest.mark.parametrize("name", ["Kim Jong-un", "Gim Jeong-eun", "Kim Jong Un", "김정은", "Jong-un Kim",
                                  "Dr. Kim Jong-un"])
def test_the_syllables_are_read_from_hyphenated_spaced_and_hangul_names(name):
    assert given_syllables(normalize_name(name, "PERSON")) == ("ko:kim", "jong", "on")


@pytest.mark.parametrize("name", ["Xi Jinping", "Hsi Chin-p'ing", "习近平", "President Xi Jinping"])
def test_chinese_names_are_read_in_wade_giles_from_pinyin_wade_giles_and_han(name):
    assert given_syllables(normalize_name(name, "PERSON")) == ("zh:hsi", "chin", "ping")


@pytest.mark.parametrize("name", ["Kim Jongun", "John Smith", "Syngman Rhee", "Kim", "Sun Yat-sen", "Li Na"])
def test_names_whose_syllables_cannot_be_told_have_none(name):
    assert given_syllables(normalize_name(name, "PERSON")) is None


def test_one_family_and_clearly_different_given_names_make_relatives():
    names = ["Kim Jong-un", "Kim Jong-il", "Gim Jeong-eun", "Kim Il-sung", "Park Jong-un", "Gim Jeongil"]
    normalized = [normalize_name(name, "PERSON") for name in names]
    records = NameRecords.build(normalized, ["PERSON"] * len(names))
    unit = {name: records.texts.index(n.text) for name, n in zip(names, normalized)}
    pairs = [("Kim Jong-un", "Kim Jong-il"),  # jong alike, un and il not: two people
             ("Kim Jong-un", "Gim Jeong-eun"),  # one name in two romanisations
             ("Kim Jong-il", "Kim Il-sung"),  # no syllable alike in its place: two names
             ("Kim Jong-un", "Park Jong-un"),  # two families
             ("Kim Jong-un", "Gim Jeongil")]  # syllables not written apart: nothing said
    left = np.array([unit[a] for a, _ in pairs])
    right = np.array([unit[b] for _, b in pairs])
    assert relatives(records, left, right).tolist() == [True, False, True, False, False]


@pytest.mark.parametrize(("a", "b", "relatives"), [
    (("ko:kim", "jong", "il"), ("ko:kim", "jong", "on"), True),  # a generation syllable alike
    (("ko:jong", "jo", "yong"), ("ko:jong", "mong", "ko"), True),  # father and son: none alike
    (("zh:mao", "tse", "tung"), ("zh:mao", "tse", "min"), True),  # brothers
    (("ko:kim", "jong", "il"), ("ko:kim", "jong", "il"), False),  # one name
    (("ko:kim", "pong", "ryol"), ("ko:kim", "pyong", "ryol"), False),  # one letter apart: a typo
    (("ko:kim", "pong", "il"), ("ko:kim", "pyong", "son"), False),  # a typo in one syllable: not clear
    (("ko:kim", "jong", "il"), ("ko:pak", "jong", "on"), False),  # two families
    (("ko:han", "tae", "ho"), ("zh:han", "tae", "ko"), False),  # a Korean and a Chinese reading
])
def test_relatives_need_one_family_and_given_names_clearly_different(a, b, relatives):
    assert two_relatives(a, b) is relatives
    assert two_relatives(b, a) is relatives


def test_a_father_and_his_son_never_share_an_entity_in_a_pool():
    names = ["Kim Jong-il", "Kim Jong Il", "김정일", "Kim Jong-un", "Kim Jong Un", "김정은", "Gim Jeong-eun"]
    labels = namerec.reconcile(names).labels
    assert len(set(labels[:3])) == 1 and len(set(labels[3:])) == 1
    assert labels[0] != labels[3]
    names = ["Chung Ju-yung", "Jeong Ju-yeong", "Chung Mong-koo", "Jeong Mong-gu"]
    labels = namerec.reconcile(names).labels
    assert labels[0] == labels[1] and labels[2] == labels[3] and labels[0] != labels[2]


def test_brothers_in_pinyin_wade_giles_and_han_make_two_entities():
    # 习近平 matches Xi Yuanping at 0.96 as well as Xi Jinping: a veto makes the brother no rival.
    names = ["Xi Jinping", "Hsi Chin-ping", "习近平", "Xi Yuanping", "习远平",
             "Mao Zedong", "毛泽东", "Mao Zemin"]
    labels = namerec.reconcile(names, types=["PERSON"] * len(names)).labels
    assert len(set(labels[:3])) == 1 and labels[3] == labels[4] and labels[0] != labels[3]
    assert labels[5] == labels[6] != labels[7]


def test_a_listed_pair_is_left_to_the_model():
    # Sanctions lists give one person aliases a syllable apart: only a pool says two names are two people.
    assert namerec.Reconciler().score("Kim Jong-un", "Kim Jong-il") > 0.5
