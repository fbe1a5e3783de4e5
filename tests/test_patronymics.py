"""Two clearly different patronymics: two people, in listed pairs and in pools."""

from __future__ import annotations

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import namerec
import namerec.patronymics
from namerec import Reconciler
from namerec.normalize import normalize_name
from namerec.patronymics import CEILING, patronymic, patronymic_conflicts
from namerec.records import NameRecords


def records_of(names: list[str]) -> NameRecords:
    normalized = [normalize_name(name) for name in names]
    return NameRecords.build(normalized, [""] * len(normalized))


def test_the_module_examples_hold():
    assert doctest.testmod(namerec.patronymics).failed == 0


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (("anna", "ivanovna", "petrova"), "ivanovna"),
        (("taras", "hryhorovych", "shevchenko"), "hryhorovych"),  # Ukrainian
        (("lesya", "petrivna", "kosach"), "petrivna"),
        (("ivanovich", "sergey", "lavrov"), ""),  # the first word is no patronymic
        (("milan", "petrovich"), ""),  # two words: a family name (Petrović)
        (("anna", "ivanovna", "petrovna", "smirnova"), ""),  # two: which one is not known
    ],
)
def test_a_patronymic_is_the_one_later_word_with_its_ending(tokens, expected):
    assert patronymic(tokens) == expected


def test_only_clearly_different_patronymics_conflict():
    records = records_of([
        "Sergey Viktorovich Lavrov", "Sergey Ivanovich Lavrov", "Sergey Victorovich Lavrov",
        "Sergey Lavrov", "Viktorovich Holdings Ivanovich Group Ltd",
    ])
    unit = {text: u for u, text in enumerate(records.texts)}
    pairs = [("sergey viktorovich lavrov", "sergey ivanovich lavrov"),
             ("sergey viktorovich lavrov", "sergey victorovich lavrov"),  # one father spelt two ways
             ("sergey viktorovich lavrov", "sergey lavrov")]  # no patronymic says nothing
    left = np.array([unit[a] for a, _ in pairs])
    right = np.array([unit[b] for _, b in pairs])
    assert patronymic_conflicts(records, left, right).tolist() == [True, False, False]


def test_a_listed_pair_with_two_fathers_scores_at_most_the_ceiling():
    rec = Reconciler()
    assert rec.score("Rustam Ibrahimovich Aselderov", "Rustam Magomedovich Aselderov") <= CEILING
    assert rec.score("Anna Ivanovna Petrova", "Anna Petrovna Petrova") <= CEILING
    assert rec.score("Sergey Viktorovich Lavrov", "Сергей Викторович Лавров") > 0.9
    assert rec.score("Sergey Viktorovich Lavrov", "Sergey Lavrov") > 0.5
    explanation = rec.explain("Sergey Viktorovich Lavrov", "Sergey Ivanovich Lavrov")
    assert explanation.probability <= CEILING
    assert "patronymics" in explanation.summary


def test_two_fathers_never_share_an_entity_in_a_pool():
    names = ["Sergey Viktorovich Lavrov", "Sergey Ivanovich Lavrov", "Sergey Lavrov",
             "Sergei Viktorovich Lavrov", "S. V. Lavrov"]
    labels = namerec.reconcile(names).labels
    assert labels[0] != labels[1]
    assert labels[0] == labels[3]  # Sergey and Sergei, one father


FRAGMENTS = ["Sergey", "Sergei", "Anna", "Viktorovich", "Victorovich", "Ivanovich", "Ivanovna", "Petrovna",
             "Lavrov", "Petrova", "Friedrich", "Heinrich", "Holdings", "Ltd"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4).map(" ".join),
                min_size=2, max_size=8, unique=True))
def test_a_conflict_does_not_depend_on_the_order_of_the_two_names(names):
    records = records_of(names)
    n = len(records)
    left, right = (np.asarray(side, dtype=np.int64) for side in np.triu_indices(n, k=1))
    assert (patronymic_conflicts(records, left, right) == patronymic_conflicts(records, right, left)).all()
    assert not patronymic_conflicts(records, np.arange(n), np.arange(n)).any()  # a name and itself
