"""Reconciler: score_pairs, fit (and saving what it learned), explain, candidate_pairs."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import namerec
from namerec import Config, InputError, Reconciler
from namerec.pipeline import features_for_pairs, score_pairs
from namerec.scoring.features import FEATURES
from namerec.scoring.model import shipped_weights

MATCHES = [
    ("Max Bergman", "Max Bergmann"), ("Jon Smith", "John Smith"), ("Hans Müller", "Hans Mueller"),
    ("Anna Kowalski", "Anna Kowalska"), ("Зеленский", "Zelenskiy"),
    ("Acme Widgets Ltd", "ACME WIDGETS LIMITED"),
    ("Katherine Johnson", "Catherine Johnson"), ("Peter Schmidt", "Peter Schmitt"),
]
NON_MATCHES = [
    ("Max Bergman", "Ingrid Bergman"), ("John Smith", "John Brown"), ("Hans Müller", "Anna Kowalski"),
    ("Tom Hanks", "Tom Banks"), ("Acme Widgets Ltd", "Global Trade Corp"), ("Jane Doe", "John Smith"),
    ("Peter Schmidt", "Paul Schmidt"), ("Ivan Petrov", "Olga Petrova"),
]
PAIRS = MATCHES + NON_MATCHES
LABELS = [1] * len(MATCHES) + [0] * len(NON_MATCHES)


@pytest.fixture(scope="module")
def fitted() -> Reconciler:
    return Reconciler().fit(PAIRS, LABELS)


# -- score_pairs ------------------------------------------------------------------------------

def test_score_pairs_shape_and_dtype():
    scores = Reconciler().score_pairs(PAIRS)
    assert isinstance(scores, np.ndarray)
    assert scores.shape == (len(PAIRS),)
    assert scores.dtype == np.float64
    assert ((scores >= 0.0) & (scores <= 1.0)).all()


def test_score_pairs_of_nothing():
    scores = Reconciler().score_pairs([])
    assert scores.shape == (0,) and scores.dtype == np.float64


def test_score_pairs_accepts_a_generator_and_lists():
    rec = Reconciler()
    assert np.array_equal(rec.score_pairs(p for p in PAIRS), rec.score_pairs([list(p) for p in PAIRS]))


def test_shipped_scorer_separates_the_examples():
    scores = Reconciler().score_pairs(MATCHES + NON_MATCHES[:3])
    assert (scores[: len(MATCHES)] > 0.5).all()
    assert (scores[len(MATCHES):] < 0.5).all()


def test_score_pairs_with_different_types_scores_zero():
    scores = Reconciler().score_pairs(
        [("Jordan", "Jordan"), ("Jordan", "Jordan"), ("Jordan", "Jordan")],
        types=[("PERSON", "LOC"), ("PERSON", "person"), ("PERSON", None)],
    )
    assert scores[0] == 0.0
    assert scores[1] > 0.9 and scores[2] > 0.9


@pytest.mark.parametrize("bad", ["ab", ("only one",), ("a", "b", "c"), 7])
def test_malformed_pairs_raise_input_error(bad):
    with pytest.raises(InputError, match=r"pairs\[1\]"):
        Reconciler().score_pairs([("a", "b"), bad])


def test_types_for_pairs_of_the_wrong_length():
    with pytest.raises(InputError):
        Reconciler().score_pairs(PAIRS[:2], types=[("PERSON", "PERSON")])


def test_score_non_string_raises_input_error():
    with pytest.raises(InputError):
        Reconciler().score("Max Bergman", 12)


# -- fit --------------------------------------------------------------------------------------

def test_fit_returns_self_and_changes_the_weights(fitted):
    assert isinstance(fitted, Reconciler)
    assert fitted.config.scorer is not None
    assert fitted.config.scorer != shipped_weights()
    assert fitted.model_.weights == fitted.config.scorer
    assert not np.allclose(fitted.score_pairs(PAIRS), Reconciler().score_pairs(PAIRS))


def test_fit_learns_the_labels(fitted):
    scores = fitted.score_pairs(PAIRS)
    assert scores[: len(MATCHES)].mean() > scores[len(MATCHES):].mean()


def test_fit_does_not_touch_other_reconcilers(fitted):
    assert Reconciler().config.scorer is None
    assert Config().scorer is None


def test_fitted_weights_round_trip_through_a_json_config(fitted, tmp_path):
    path = tmp_path / "namerec-config.json"
    fitted.config.save(path)
    loaded = Config.load(path)
    assert loaded == fitted.config
    assert np.array_equal(Reconciler(loaded).score_pairs(PAIRS), fitted.score_pairs(PAIRS))
    names = ["Max Bergman", "Max Bergmann", "Ingrid Bergman"]
    assert Reconciler(loaded).reconcile(names) == fitted.reconcile(names)


def test_fitted_weights_describe_the_feature_basis(fitted):
    weights = fitted.config.scorer
    assert len(weights.coefficients) == len(weights.regimes) == len(weights.intercepts)
    assert all(len(row) == len(weights.features) for row in weights.coefficients)
    assert weights.trained_on


@pytest.mark.parametrize("labels", [[1] * len(PAIRS), [0] * len(PAIRS), [True] * len(PAIRS)])
def test_fit_with_one_class_raises_input_error(labels):
    with pytest.raises(InputError):
        Reconciler().fit(PAIRS, labels)


def test_fit_with_the_wrong_number_of_labels_raises_input_error():
    with pytest.raises(InputError):
        Reconciler().fit(PAIRS, LABELS[:-1])


def test_failed_fit_keeps_the_old_model():
    rec = Reconciler()
    before = rec.score_pairs(PAIRS)
    with pytest.raises(InputError):
        rec.fit(PAIRS, [1] * len(PAIRS))
    assert rec.config.scorer is None
    assert np.array_equal(rec.score_pairs(PAIRS), before)


# -- explain ----------------------------------------------------------------------------------

def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def _check_explanation(rec: Reconciler, a: str, b: str) -> None:
    explanation = rec.explain(a, b)
    assert isinstance(explanation, namerec.Explanation)
    probability = rec.score(a, b)
    assert math.isclose(explanation.probability, probability, abs_tol=1e-4)
    total = explanation.baseline_log_odds + sum(f.contribution for f in explanation.features)
    _, features, _, lowered = score_pairs([(a, b)], None, rec.config, rec.model_)
    from_features = float(rec.model_.predict(features)[0])
    # The contributions add up to the model's log-odds: the probability's, unless a prior raised it
    # (an acronym, a listed nickname) or a rule capped it (two patronymics, generations, last words),
    # which the summary then says.
    assert math.isclose(total, _logit(from_features), abs_tol=1e-3)
    if lowered[0]:
        assert probability <= from_features and "at most" in explanation.summary
        assert explanation.ruled_by == lowered[0]
    elif not math.isclose(probability, from_features, abs_tol=1e-6):
        assert probability > from_features and "alone gives" in explanation.summary
        assert explanation.ruled_by in ("acronym", "nickname")
    else:
        assert explanation.ruled_by == ""
    assert isinstance(explanation.summary, str) and explanation.summary.strip()
    assert str(explanation) == explanation.summary
    assert sorted(f.name for f in explanation.features) == sorted(FEATURES)
    for feature in explanation.features:
        assert 0.0 <= feature.value <= 1.0
        assert feature.description
    # Sorted by how far each feature moved the decision.
    sizes = [abs(f.contribution) for f in explanation.features]
    assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize("pair", PAIRS + [("Christine Bertsina", "Berzina"), ("Bergman", "Max Bergmann")])
def test_explanation_adds_up_to_the_log_odds(pair):
    rec = Reconciler()
    assert 1e-9 < rec.score(*pair) < 1 - 1e-9  # not saturated, so the logit is finite and precise
    _check_explanation(rec, *pair)


def test_explanation_of_a_fitted_model_adds_up(fitted):
    for a, b in PAIRS:
        _check_explanation(fitted, a, b)


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=20), st.text(min_size=1, max_size=20))
def test_explanation_adds_up_for_any_names(a, b):
    rec = Reconciler()
    p = rec.score(a, b)
    assume(1e-9 < p < 1 - 1e-9)
    _check_explanation(rec, a, b)


def test_explanation_names_the_normalised_forms():
    explanation = Reconciler().explain("Dr. Max BERGMANN", "Max  Bergman!")
    assert explanation.name_a == "Dr. Max BERGMANN"
    assert explanation.normalized_a == "max bergmann"
    assert explanation.normalized_b == "max bergman"


def test_explanation_of_a_blank_name():
    explanation = Reconciler().explain("", "Max Bergman")
    assert explanation.probability == 0.0
    assert "blank" in explanation.summary.lower()


# -- candidate_pairs --------------------------------------------------------------------------

POOL = ["Max Bergman", "Max Bergmann", "Ingrid Bergman", "Bergman", "Jon Smith", "John Smith", "",
        "Max Bergmann", "Зеленский", "Zelenskiy", "Acme Widgets Ltd", "ACME WIDGETS LIMITED", None]


def test_candidate_pairs_are_aligned_arrays():
    left, right, probability = Reconciler().candidate_pairs(POOL)
    assert len(left) == len(right) == len(probability) > 0
    assert left.dtype.kind == right.dtype.kind == "i"
    assert probability.dtype == np.float64
    assert ((left >= 0) & (left < len(POOL)) & (right >= 0) & (right < len(POOL))).all()
    assert (left != right).all()
    assert ((probability >= 0) & (probability <= 1)).all()
    assert len(set(zip(left.tolist(), right.tolist()))) == len(left)


def test_candidate_pairs_report_each_form_at_its_first_row():
    left, right, _ = Reconciler().candidate_pairs(POOL)
    rows = set(left.tolist()) | set(right.tolist())
    assert 7 not in rows  # a repeat of row 1
    assert not rows & {6, 12}  # blank names have no candidates


def test_candidate_pair_probabilities_are_scores_scaled_for_pools():
    rec = Reconciler()
    left, right, probability = rec.candidate_pairs(POOL)
    listed = rec.score_pairs([(POOL[i], POOL[j]) for i, j in zip(left, right)])
    assert not np.allclose(probability, listed)  # the shipped weights carry a pool scaling
    pooled = Reconciler(Config(scorer=rec.model_.in_pools().weights))
    assert np.allclose(probability, pooled.score_pairs([(POOL[i], POOL[j]) for i, j in zip(left, right)]),
                       atol=1e-9)


def test_without_pool_scaling_candidate_pairs_score_as_listed_pairs():
    rec = Reconciler(Config(scorer=shipped_weights().model_copy(update={"pool_scaling": None})))
    left, right, probability = rec.candidate_pairs(POOL)
    expected = rec.score_pairs([(POOL[i], POOL[j]) for i, j in zip(left, right)])
    assert np.allclose(probability, expected, atol=1e-9)


PLACES = ["Heraklion", "Iraklio", "Ηράκλειο", "Chania", "Hania", "Khania", "Volos", "Βόλος"]


def test_pairs_of_two_places_in_a_pool_are_scaled_for_places():
    rec = Reconciler()
    assert rec.model_.weights.place_pool_scaling is not None  # shipped
    left, right, probability = rec.candidate_pairs(PLACES, types=["LOC"] * len(PLACES))
    pairs = [(PLACES[i], PLACES[j]) for i, j in zip(left, right)]
    places = Reconciler(Config(scorer=rec.model_.in_pools(places=True).weights))
    people = Reconciler(Config(scorer=rec.model_.in_pools().weights))
    assert np.allclose(probability, places.score_pairs(pairs, types=[("LOC", "LOC")] * len(pairs)), atol=1e-9)
    # Untyped, or typed as people, the same names are scored as any pool's names.
    for kind in ("PERSON", ""):
        left, right, probability = rec.candidate_pairs(PLACES, types=[kind] * len(PLACES))
        pairs = [(PLACES[i], PLACES[j]) for i, j in zip(left, right)]
        expected = people.score_pairs(pairs, types=[(kind, kind)] * len(pairs))
        assert np.allclose(probability, expected, atol=1e-9)


def test_a_place_and_an_untyped_name_are_scored_as_any_pool_pair():
    rec = Reconciler()
    names, types = ["Hania", "Chania"], ["LOC", ""]
    _, _, probability = rec.candidate_pairs(names, types=types)
    people = Reconciler(Config(scorer=rec.model_.in_pools().weights))
    assert np.allclose(probability, people.score_pairs([tuple(names)], types=[tuple(types)]), atol=1e-9)


def test_without_a_place_scaling_places_get_the_pool_scaling():
    weights = shipped_weights().model_copy(update={"place_pool_scaling": None})
    model = Reconciler(Config(scorer=weights)).model_
    assert model.in_pools(places=True) is model.in_pools()


def test_pool_scaling_keeps_the_order_of_pairs_within_a_regime():
    pairs = [("Kahn", "Kann"), ("Salinas", "Solanas"), ("Bergman", "Berman"), ("Smith", "Smyth")]
    model = Reconciler().model_
    features, *_ = features_for_pairs(pairs, None, Config())
    listed, pooled = model.predict(features), model.in_pools().predict(features)
    assert (np.argsort(listed) == np.argsort(pooled)).all()
    assert (pooled < listed).all()  # one-word look-alikes in a pool are rarely one entity


def test_platt_scaling_gives_regimes_without_enough_pairs_the_fallback():
    from namerec.scoring.model import REGIMES, platt_scaling

    rng = np.random.default_rng(0)
    z = rng.normal(size=400)
    y = (rng.random(400) < 1 / (1 + np.exp(-2 * z))).astype(float)
    regime = np.zeros(400, dtype=int)
    regime[:5] = 1  # five pairs: too few to fit on
    fitted = platt_scaling(z, y, regime, np.ones(400), fallback=(1.0, 0.0))
    assert fitted[1] == (1.0, 0.0) and fitted[2] == (1.0, 0.0)
    assert fitted[0][0] > 1.5  # the labels follow sigmoid(2 z)
    shared = platt_scaling(z, y, regime, np.ones(400))
    assert shared[1] == shared[len(REGIMES) - 1] != (1.0, 0.0)


def test_fit_and_calibrate_drop_the_pool_scaling():
    pairs = [("Max Bergman", "Max Bergmann"), ("Max Bergman", "Ingrid Bergman")] * 30
    labels = [True, False] * 30
    for weights in (Reconciler().calibrate(pairs, labels).config.scorer,
                    Reconciler().fit(pairs, labels).config.scorer):
        assert weights.pool_scaling is None and weights.place_pool_scaling is None


def test_module_candidate_pairs_matches_the_reconciler():
    got = namerec.candidate_pairs(POOL)
    want = Reconciler().candidate_pairs(POOL)
    for a, b in zip(got, want):
        assert np.array_equal(a, b)


def test_candidate_pairs_respect_types():
    names = ["Jordan Smith", "Jordan Smith ", "Jordan Smyth"]
    left, right, _ = Reconciler().candidate_pairs(names, types=["PERSON", "ORG", "ORG"])
    pairs = set(zip(left.tolist(), right.tolist()))
    assert not any({0} & {i, j} and {1, 2} & {i, j} for i, j in pairs)


# -- calibrate --------------------------------------------------------------------------------

def _shifted_pairs():
    """Labelled pairs where matches are far more common than the shipped model expects."""
    matches = MATCHES * 6 + [("Jon Smith", "Jonathan Smith"), ("Ann Lee", "Anne Lee")] * 3
    return matches + NON_MATCHES[:3], [1] * len(matches) + [0] * 3


def test_calibrate_keeps_the_order_of_pairs_within_a_regime():
    pairs, labels = _shifted_pairs()
    before = Reconciler().score_pairs(PAIRS)
    after = Reconciler().calibrate(pairs, labels).score_pairs(PAIRS)
    regimes = namerec.scoring.model.regime_of(namerec.pipeline.features_for_pairs(PAIRS, None, Config())[0])
    for r in set(regimes.tolist()):
        idx = np.flatnonzero(regimes == r)
        assert np.array_equal(np.argsort(before[idx], kind="stable"), np.argsort(after[idx], kind="stable"))


def test_calibrate_moves_probabilities_towards_the_base_rate():
    pairs, labels = _shifted_pairs()
    rec = Reconciler().calibrate(pairs, labels)
    before, after = Reconciler().score_pairs(pairs).mean(), rec.score_pairs(pairs).mean()
    assert abs(after - np.mean(labels)) < abs(before - np.mean(labels))
    assert "recalibrated" in rec.config.scorer.trained_on


@pytest.mark.parametrize("labels", [[1] * len(PAIRS), [0] * len(PAIRS)])
def test_calibrate_with_one_class_raises_input_error(labels):
    rec = Reconciler()
    with pytest.raises(InputError):
        rec.calibrate(PAIRS, labels)
    assert rec.config.scorer is None


@pytest.mark.parametrize("field", ["pool_scaling", "place_pool_scaling"])
def test_pool_scaling_of_the_wrong_length_is_refused(field):
    weights = shipped_weights().model_copy(update={field: ((1.0, 0.0),)})
    with pytest.raises(namerec.ConfigError, match=f"{field} needs one \\(a, b\\) per regime"):
        Reconciler(Config(scorer=weights))


def test_abbreviated_given_names_of_historical_records_score_as_their_full_names():
    reconciler = Reconciler()
    same = reconciler.score_pairs([("Wm Smith", "William Smith"), ("Thos. Jones", "Tom Jones")])
    assert (same >= 0.5).all()
    assert reconciler.score("Wm Smith", "Walter Smith") < 0.1


def test_score_and_explain_take_the_two_names_types():
    rec = namerec.Reconciler()
    typed = rec.score("Bromberg", "Bydgoszcz", types=("LOC", "LOC"))
    assert typed > 0.9 > 0.1 > rec.score("Bromberg", "Bydgoszcz")
    explanation = rec.explain("Bromberg", "Bydgoszcz", types=("LOC", "LOC"))
    assert explanation.probability == pytest.approx(typed, abs=1e-4)
    assert rec.score("Max Bergmann", "Max Bergmann", types=("PERSON", "ORG")) == 0.0


def test_explanation_of_a_capped_pair_adds_up_to_the_models_log_odds():
    """Hypothesis found "O:01" / "O:10": alike but for a clearly different last word, capped at
    0.01, while the features alone give a little more. The explanation says so."""
    _check_explanation(Reconciler(), "O:01", "O:10")
    assert Reconciler().explain("O:01", "O:10").ruled_by == "last_words"
