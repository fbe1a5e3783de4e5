"""Priors for listed pairs: a nickname listed for a one-word given name."""

from __future__ import annotations

import numpy as np
import pytest

import namerec
from namerec.normalize import normalize_name
from namerec.pipeline import features_for_pairs, score_units
from namerec.records import NameRecords
from namerec.scoring.model import model_for
from namerec.scoring.priors import NICKNAME_PROBABILITY, listed_nickname_pairs


def _records(*names: str) -> NameRecords:
    return NameRecords.build([normalize_name(n, "") for n in names], [""] * len(names))


def test_only_one_word_names_listed_as_nicknames_are_flagged() -> None:
    records = _records("margaret", "peggy", "mary", "rose", "margaret smith", "peggy smith")
    left, right = np.array([0, 2, 4]), np.array([1, 3, 5])
    assert listed_nickname_pairs(records, left, right).tolist() == [True, False, False]


def test_a_listed_nickname_scores_at_least_the_prior() -> None:
    pairs = [("Margaret", "Peggy"), ("Richard", "Dick"), ("William", "Bill")]
    scores = namerec.Reconciler().score_pairs(pairs)
    assert (scores >= NICKNAME_PROBABILITY).all()


def test_a_rarer_spelling_of_a_name_has_its_listed_nicknames() -> None:
    """Katharine, unknown to the lexicons, is read as Katherine, of which Kate is a listed nickname;
    Katharyne, two letters from it, is not."""
    records = _records("kate", "katharine", "kate", "katharyne")
    assert listed_nickname_pairs(records, np.array([0, 2]), np.array([1, 3])).tolist() == [True, False]
    assert namerec.Reconciler().score("Katharine", "Kate") >= NICKNAME_PROBABILITY


def test_the_prior_is_for_people_only() -> None:
    scores = namerec.Reconciler().score_pairs([("Sandy", "Alexander")] * 3,
                                              types=[("PERSON", "PERSON"), ("", ""), ("LOC", "LOC")])
    assert scores[0] >= NICKNAME_PROBABILITY and scores[1] >= NICKNAME_PROBABILITY
    assert scores[2] < NICKNAME_PROBABILITY


def test_names_of_their_own_under_one_canonical_name_get_no_prior() -> None:
    # The nickname package lists Rose and Mary under Rosemary, Robert and William under Bill.
    scores = namerec.Reconciler().score_pairs([("Mary", "Rose"), ("William", "Robert")])
    assert (scores < 0.5).all(), scores


def test_the_prior_is_not_applied_in_pools_of_people() -> None:
    # Ada and Addy are listed, and blocking pairs them: in a pool the model's probability stands.
    apart = namerec.Config(bare_nicknames="apart")
    scored = score_units(["ada", "addy"], ["", ""], apart, model_for(None))
    assert len(scored.probability) == 1
    assert scored.probability[0] < NICKNAME_PROBABILITY
    assert namerec.Reconciler().score("ada", "addy") >= NICKNAME_PROBABILITY
    # Nor by default where most names are full names.
    people = ["ada", "addy", "Ada Lovelace", "Charles Babbage", "Mary Somerville"]
    scored = score_units(people, [""] * len(people), namerec.Config(), model_for(None))
    texts = scored.records.texts
    pair = [k for k, (a, b) in enumerate(zip(scored.left, scored.right))
            if {texts[a], texts[b]} == {"ada", "addy"}]
    assert len(pair) == 1 and scored.probability[pair[0]] < NICKNAME_PROBABILITY


def test_in_a_list_of_given_names_nicknames_of_one_name_get_the_prior() -> None:
    names = ["william", "bill", "will", "margaret", "peggy"]
    scored = score_units(names, [""] * len(names), namerec.Config(), model_for(None))
    texts = scored.records.texts
    probability = {frozenset((texts[a], texts[b])): p
                   for a, b, p in zip(scored.left.tolist(), scored.right.tolist(), scored.probability)}
    for pair in (("william", "bill"), ("bill", "will"), ("margaret", "peggy")):
        assert probability[frozenset(pair)] >= NICKNAME_PROBABILITY, pair
    assert probability.get(frozenset(("bill", "peggy")), 0.0) < 0.5


def test_explain_says_the_prior_set_the_probability() -> None:
    explanation = namerec.Reconciler().explain("Margaret", "Peggy")
    assert explanation.probability == NICKNAME_PROBABILITY
    assert "listed as the other's nickname" in explanation.summary


def test_weights_fitted_or_calibrated_by_the_user_get_no_prior() -> None:
    pairs = [("Margaret", "Peggy"), ("Margaret", "Mary"), ("John", "Jon"), ("Anna", "Hannah")] * 10
    calibrated = namerec.Reconciler().calibrate(pairs, [1, 0, 1, 0] * 10)
    assert calibrated.config.scorer is not None
    features, *_ = features_for_pairs([("Margaret", "Peggy")], None, calibrated.config)
    model_says = float(calibrated.model_.predict(features)[0])
    assert calibrated.score("Margaret", "Peggy") == pytest.approx(model_says)
    explanation = calibrated.explain("Margaret", "Peggy")
    assert "listed as the other's nickname" not in explanation.summary
    assert explanation.probability == pytest.approx(model_says, abs=1e-4)
