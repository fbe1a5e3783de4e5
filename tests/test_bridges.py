"""Bridged pairs: two names in two non-Latin scripts that match one Latin name."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import namerec
from namerec.bridges import bridged_pairs, nickname_bridges, with_bridges
from namerec.normalize import normalize_name
from namerec.records import NameRecords


def _records(*names: str) -> NameRecords:
    return NameRecords.build([normalize_name(n, "PERSON") for n in names], ["PERSON"] * len(names))


def _pairs(*pairs: tuple[int, int, float]):
    left, right, probability = (np.asarray(column) for column in zip(*pairs))
    return left.astype(np.int64), right.astype(np.int64), probability.astype(np.float64)


def test_the_bound_is_p_plus_q_minus_one_over_the_best_latin_name():
    # 0 Taylor, 1 Tailor (Latin), 2 テイラー (kana), 3 테일러 (hangul)
    records = _records("Taylor", "Tailor", "テイラー", "테일러")
    low, high, bound = bridged_pairs(records, *_pairs((0, 2, 0.9), (0, 3, 0.7), (1, 2, 0.95), (1, 3, 0.95)))
    assert list(zip(low.tolist(), high.tolist())) == [(2, 3)]  # two Latin names are not bridged
    assert bound[0] == pytest.approx(0.9)  # through Tailor: 0.95 + 0.95 - 1; Taylor gives only 0.6


def test_no_bridge_within_one_script_nor_below_the_floor():
    # 0 Taylor; 1 and 2 both kana; 3 hangul, matched to Taylor below the floor
    records = _records("Taylor", "テイラー", "テーラー", "테일러")
    low, _, _ = bridged_pairs(records, *_pairs((0, 1, 0.99), (0, 2, 0.99), (0, 3, 0.4)))
    assert len(low) == 0


def test_no_bridge_without_a_latin_name():
    records = _records("Тейлор", "テイラー", "테일러")  # Cyrillic, kana, hangul
    low, _, _ = bridged_pairs(records, *_pairs((0, 1, 0.99), (0, 2, 0.99)))
    assert len(low) == 0


def test_merged_pairs_keep_the_larger_probability_and_stay_sorted():
    left, right, probability = _pairs((0, 1, 0.2), (0, 3, 0.9), (1, 2, 0.3))
    flags = np.array([[True, False], [False, True], [True, True]])
    bridges = (np.array([0, 1]), np.array([1, 3]), np.array([0.7, 0.6]))
    merged_left, merged_right, merged_probability, merged_flags = with_bridges(
        4, left, right, probability, flags, bridges)
    assert list(zip(merged_left.tolist(), merged_right.tolist())) == [(0, 1), (0, 3), (1, 2), (1, 3)]
    assert merged_probability.tolist() == [0.7, 0.9, 0.3, 0.6]
    assert merged_flags.tolist() == [[True, False], [False, True], [True, True], [False, False]]
    assert probability.tolist() == [0.2, 0.9, 0.3]  # the caller's array is not changed


def test_transcriptions_of_one_latin_name_into_several_scripts_form_one_entity():
    names = ["Taylor", "テイラー", "테일러", "Τέιλορ", "Miller", "ミラー", "밀러", "Μίλερ"]
    result = namerec.reconcile(names, types=["PERSON"] * len(names))
    assert len(set(result.labels[:4])) == 1
    assert len(set(result.labels[4:])) == 1
    assert result.labels[0] != result.labels[4]


def test_a_name_bridges_two_names_it_is_the_canonical_name_of():
    # 0 William, 1 Bill, 2 Liam, 3 Alex, 4 Alexander, 5 Alexandra: each pair flagged as one name by
    # the lexicons. Bill is listed under William, and Liam is William in Irish: William bridges them.
    # Alex is a nickname of Alexander and of Alexandra, but stands for neither.
    records = _records("William", "Bill", "Liam", "Alex", "Alexander", "Alexandra")
    left, right, probability = _pairs((0, 1, 0.9), (0, 2, 0.8), (3, 4, 0.8), (3, 5, 0.8))
    low, high, bound = nickname_bridges(records, left, right, probability, np.ones(4, dtype=bool))
    assert list(zip(low.tolist(), high.tolist())) == [(1, 2)]
    assert bound[0] == pytest.approx(0.7)
    # Pairs the lexicons do not make one name bridge nothing.
    assert len(nickname_bridges(records, left, right, probability, np.zeros(4, dtype=bool))[0]) == 0


def test_in_a_list_of_given_names_two_nicknames_of_one_name_join_through_it():
    names = ["William", "Bill", "Will", "Billy", "Liam", "Katherine", "Kathy", "Mary", "Peggy", "Margaret"]
    labels = namerec.reconcile(names).labels
    assert labels[4] == labels[0] == labels[1]  # Liam, through William
    assert labels[0] != labels[5]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=6, max_size=6))
def test_nickname_bounds_are_probabilities_below_the_weaker_edge(weights):
    # 0 William, 1 Bill, 2 Liam, 3 Will, 4 Alexander, 5 Alex: every pair flagged as one name.
    records = _records("William", "Bill", "Liam", "Will", "Alexander", "Alex")
    edges = [(0, 1), (0, 2), (0, 3), (1, 3), (4, 5), (2, 3)]
    left, right, probability = _pairs(*((a, b, w) for (a, b), w in zip(edges, weights)))
    low, high, bound = nickname_bridges(records, left, right, probability, np.ones(len(edges), dtype=bool))
    assert ((0 < bound) & (bound <= 1)).all()
    assert (low < high).all() and len(set(zip(low.tolist(), high.tolist()))) == len(low)
    weight = dict(zip(edges, weights))
    for a, b, value in zip(low.tolist(), high.tolist(), bound.tolist()):
        # Through a hub h: p(h, a) + p(h, b) - 1, at most the weaker of the two.
        assert any(value <= min(weight.get((min(h, x), max(h, x)), 0) for x in (a, b)) + 1e-12
                   for h in range(6))
