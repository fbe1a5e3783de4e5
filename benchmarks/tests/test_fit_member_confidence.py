"""The fit of the member-confidence map: who is rightly placed, and the isotonic fit."""

from __future__ import annotations

import numpy as np

from benchmarks.fit_member_confidence import GRID, isotonic, rightly_placed


def test_a_member_is_right_in_the_entity_most_of_its_names_belong_to():
    gold = ["a", "a", "b", "c", "d", "d"]
    labels = ["x", "x", "x", "y", "z", "w"]
    right, shared = rightly_placed(gold, labels)
    # x holds two names of a and one of b: the b is misplaced; c is rightly alone; each d is not.
    assert right.tolist() == [1.0, 1.0, 0.0, 1.0, 0.0, 0.0]
    assert shared.tolist() == [True, True, True, False, False, False]


def test_isotonic_fit_is_monotone_and_pools_violators():
    x = np.array([0.1, 0.2, 0.3, 0.4, 0.9, 0.95])
    y = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 1.0])
    fitted = isotonic(x, y)
    assert len(fitted) == len(GRID)
    assert (np.diff(fitted) >= 0).all()
    assert np.isclose(fitted[GRID <= 0.1], 0.5).all()  # the first four pooled to their mean
    assert fitted[-1] == 1.0
