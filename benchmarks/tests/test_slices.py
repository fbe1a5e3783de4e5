"""The slice heuristics of benchmarks.slices (each rule, its precedence, and the per-slice recall)."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks import slices
from benchmarks.slices import classify


@pytest.mark.parametrize(
    ("a", "b", "entity_type", "expected"),
    [
        ("ACME Corp.", "acme corp", "ORG", "case/punctuation"),
        ("Kerr-Lawson", "kerr lawson", "", "case/punctuation"),
        ("Зеленский", "Zelenskiy", "PER", "transliteration"),
        ("Brontë", "Bronte", "PER", "transliteration"),
        ("Siemens AG", "Siemens Aktiengesellschaft", "ORG", "org legal form"),
        ("Philips Electronics N. V.", "Philips Electronics Co., Ltd.", None, "org legal form"),
        ("CSIS", "Center for Strategic and International Studies", "ORG", "acronym"),
        ("I.B.M.", "International Business Machines", "", "acronym"),
        ("Smith, John", "John Smith", "PER", "order swap"),
        ("Bergman", "Max Bergman", "PER", "surname-only"),
        ("Bergmann", "Bergman, Max", "PER", "surname-only"),
        ("J. Smith", "John Smith", "PER", "initials"),
        ("Hans J Friedrich", "Hans Joachim Friedrich", "PER", "initials"),
        ("N.N.", "Nursultan Nazarbayev", "PER", "initials"),  # a person: never an acronym
        ("Bob Smith", "Robert Smith", "PER", "nickname"),
        ("bill", "william", "", "nickname"),
        ("Walter Bryant", "Walter John Bryant", "PER", "dropped token"),
        ("Max Bergmann", "Max Bergman", "PER", "typo"),
        ("smith", "smyth", "", "typo"),
        ("Octavian Scholz", "Olaf Scholz", "PER", "other"),
    ],
)
def test_classify(a, b, entity_type, expected):
    assert classify(a, b, entity_type) == expected
    assert classify(b, a, entity_type) == expected  # symmetric


def test_every_label_is_a_slice():
    pairs = [("a b", "b a"), ("x", "y"), ("Jon", "John"), ("", "x")]
    assert set(slices.classify_pairs(pairs)) <= set(slices.SLICES)


def test_no_legal_form_for_persons():
    # "Co" is a legal form for an organisation, not for a person typed PER
    assert classify("Maria Co", "Maria", "ORG") == "org legal form"
    assert classify("Maria Co", "Maria", "PER") != "org legal form"


def test_gold_pairs_and_recall_by_slice():
    names = ["John Smith", "J. Smith", "Smith", "Acme Inc", "ACME Ltd", "Olaf Scholz"]
    gold = ["p", "p", "p", "o", "o", "x"]
    types = ["PER", "PER", "PER", "ORG", "ORG", "PER"]
    by = slices.gold_pairs_by_slice(names, gold, types)
    assert {s: len(i) for s, (i, _) in by.items()} == {
        "org legal form": 1,
        "surname-only": 2,
        "initials": 1,
    }
    pred = [1, 1, 2, 3, 3, 4]  # "Smith" alone, the organisation merged
    rec = slices.cluster_recall_by_slice(by, pred)
    assert rec == {"org legal form": 1.0, "surname-only": 0.0, "initials": 1.0}
    i, j = by["initials"]
    assert isinstance(i, np.ndarray) and (names[i[0]], names[j[0]]) == ("John Smith", "J. Smith")
