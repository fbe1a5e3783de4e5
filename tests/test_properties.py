"""Property tests (hypothesis): the scorer's scale and symmetry, and clustering as an order-free partition."""

from __future__ import annotations

import functools
import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import namerec
from namerec.normalize import normalize_name


@functools.lru_cache(maxsize=1)
def rec() -> namerec.Reconciler:
    return namerec.Reconciler()


GIVEN = ["Max", "Ingrid", "Jon", "John", "J.", "Jane", "Bill", "William", "Anna", "Ivan", "Иван",
         "Владимир", "Volodymyr", "Hans", "Katherine", "Catherine", "Mohammed", "Muhammad", "Li", "Wei"]
SURNAMES = ["Bergman", "Bergmann", "Berman", "Herman", "Smith", "Smyth", "Zelenskiy", "Зеленский",
            "Zelensky", "Müller", "Mueller", "Kowalski", "Kowalska", "Petrov", "Петров", "O'Brien",
            "van der Berg", "al-Rashid", "Garcia", "GARCIA", "Nguyen"]
ORGS = ["Acme Widgets Ltd", "ACME WIDGETS LIMITED", "Acme Ltd", "Siemens AG", "Global Trade Corp",
        "Global Trading Corporation", "The Widget Company", "IBM", "Univ. of Somewhere"]

realistic = st.one_of(
    st.builds(lambda g, s: f"{g} {s}", st.sampled_from(GIVEN), st.sampled_from(SURNAMES)),
    st.builds(lambda g, s: f"{s}, {g}", st.sampled_from(GIVEN), st.sampled_from(SURNAMES)),
    st.sampled_from(SURNAMES),
    st.sampled_from(ORGS),
)
any_text = st.text(max_size=24)
names = st.one_of(realistic, realistic, any_text)
name_lists = st.lists(st.one_of(names, st.none()), max_size=12)

SETTINGS = settings(max_examples=60, deadline=None)


# -- the scorer -------------------------------------------------------------------------------

@SETTINGS
@given(names, names)
def test_score_is_symmetric_and_a_probability(a, b):
    ab, ba = rec().score(a, b), rec().score(b, a)
    assert 0.0 <= ab <= 1.0
    assert math.isclose(ab, ba, abs_tol=1e-9)


@SETTINGS
@given(names)
def test_identical_names_score_very_high(a):
    # Restricted to names with something left after normalisation: a name whose characters all
    # normalise away (blank, punctuation, emoji, or letters anyascii cannot romanise such as some
    # CJK Extension B ideographs) is a blank name, and a blank name matches nothing (probability 0).
    assume(any(ch.isalpha() for ch in a) and normalize_name(a).text)
    assert rec().score(a, a) >= 0.9


@pytest.mark.parametrize("blank", ["", "   ", "!!!", "\U0001F600"])
def test_blank_names_match_nothing(blank):
    assert rec().score(blank, blank) == 0.0
    assert rec().score(blank, "Max Bergman") == 0.0


@SETTINGS
@given(st.lists(st.tuples(names, names), max_size=8))
def test_score_pairs_agrees_with_score(pairs):
    vector = rec().score_pairs(pairs)
    assert vector.shape == (len(pairs),)
    for (a, b), value in zip(pairs, vector):
        assert math.isclose(float(value), rec().score(a, b), abs_tol=1e-9)


# -- clustering -------------------------------------------------------------------------------

def _partition(values, labels) -> list[list]:
    """The partition as sorted groups of (repr of) names, independent of positions and ids."""
    groups: dict[str, list[str]] = {}
    for value, label in zip(values, labels):
        groups.setdefault(label, []).append(repr(value))
    return sorted(sorted(g) for g in groups.values())


def _is_blank(value) -> bool:
    return value is None or not normalize_name(value).text


@SETTINGS
@given(name_lists)
def test_clustering_is_a_partition(values):
    result = namerec.reconcile(values)
    assert len(result.labels) == len(values)
    indices = sorted(m.index for e in result.entities for m in e.members)
    assert indices == list(range(len(values)))
    for entity in result.entities:
        assert {result.labels[m.index] for m in entity.members} == {entity.id}
        assert 0.0 <= entity.confidence <= 1.0
        assert all(0.0 <= m.confidence <= 1.0 for m in entity.members)


@SETTINGS
@given(name_lists.flatmap(lambda values: st.tuples(st.just(values), st.permutations(values))))
def test_clustering_does_not_depend_on_input_order(data):
    values, shuffled = data
    first, second = namerec.reconcile(values), namerec.reconcile(shuffled)
    assert _partition(values, first.labels) == _partition(shuffled, second.labels)
    assert sorted(first.labels) == sorted(second.labels)
    # A non-blank name has one id, wherever it stands.
    id_of = {v: label for v, label in zip(values, first.labels) if not _is_blank(v)}
    for value, label in zip(shuffled, second.labels):
        if not _is_blank(value):
            assert id_of[value] == label
    assert sorted((e.id, e.canonical) for e in first.entities) == sorted(
        (e.id, e.canonical) for e in second.entities
    )


@SETTINGS
@given(name_lists)
def test_clustering_is_deterministic(values):
    assert namerec.reconcile(values) == namerec.reconcile(values)


@SETTINGS
@given(name_lists)
def test_identical_nonblank_names_share_an_entity(values):
    result = namerec.reconcile(values + values)
    n = len(values)
    for i, value in enumerate(values):
        if not _is_blank(value):
            assert result.labels[i] == result.labels[i + n]
