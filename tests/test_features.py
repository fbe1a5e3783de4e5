"""Pair features (namerec.scoring.features): one scale, symmetric, and described."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namerec.normalize import normalize_name
from namerec.records import NameRecords
from namerec.scoring.features import FEATURE_DESCRIPTIONS, FEATURES, pair_features
from namerec.scoring.model import BASIS_FEATURE, REGIMES, regime_of

COLUMN = {name: i for i, name in enumerate(FEATURES)}

FRAGMENTS = ["Max", "Ingrid", "Bergman", "Bergmann", "Berman", "Herman", "Jon", "John", "J.", "Bill",
             "William", "Smith", "Smyth", "Zelenskiy", "Зеленский", "Acme", "Widgets", "Ltd", "IBM",
             "Hans", "Müller", "Mueller", "van", "der", "Berg", "2nd", "Co.", "Ivan", "Иван"]
names = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4).map(" ".join),
    st.text(max_size=16),
)
types = st.sampled_from(["", "PERSON", "ORG"])


def records_of(entries: list[tuple[str, str]]) -> NameRecords:
    return NameRecords.build([normalize_name(n, t) for n, t in entries], [t for _, t in entries])


def features_of(a: str, b: str, type_a: str = "", type_b: str = "") -> dict[str, float]:
    records = records_of([(a, type_a), (b, type_b)])
    row = pair_features(records, np.array([0]), np.array([1]))[0]
    return dict(zip(FEATURES, row.tolist()))


# -- the feature list -------------------------------------------------------------------------

def test_features_and_descriptions_agree():
    assert tuple(FEATURE_DESCRIPTIONS) == FEATURES
    assert len(set(FEATURES)) == len(FEATURES)
    for name in FEATURES:
        description = FEATURE_DESCRIPTIONS[name]
        assert isinstance(description, str) and description.strip(), name


def test_every_feature_has_basis_terms():
    assert set(BASIS_FEATURE) == set(FEATURES)


def test_output_shape_and_dtype():
    records = records_of([("Max Bergman", ""), ("Max Bergmann", ""), ("Ingrid Bergman", "")])
    out = pair_features(records, np.array([0, 0, 1]), np.array([1, 2, 2]))
    assert out.shape == (3, len(FEATURES))
    assert out.dtype == np.float32


def test_no_pairs():
    records = records_of([("Max Bergman", "")])
    out = pair_features(records, np.array([], dtype=np.int64), np.array([], dtype=np.int64))
    assert out.shape == (0, len(FEATURES))


# -- properties over many names ---------------------------------------------------------------

@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(names, types), min_size=1, max_size=8))
def test_features_are_in_unit_interval_and_symmetric(entries):
    records = records_of(entries)
    pairs = list(itertools.combinations_with_replacement(range(len(entries)), 2))
    left = np.array([p[0] for p in pairs], dtype=np.int64)
    right = np.array([p[1] for p in pairs], dtype=np.int64)
    forward = pair_features(records, left, right)
    backward = pair_features(records, right, left)
    assert np.isfinite(forward).all()
    assert ((forward >= 0.0) & (forward <= 1.0)).all()
    np.testing.assert_allclose(forward, backward, atol=1e-5)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(names, types), min_size=1, max_size=8))
def test_string_measures_computed_for_some_pairs_only_equal_rapidfuzz_on_all(entries):
    """token_set and affixes skip the pairs that cannot differ from a cheaper value: the result
    must be rapidfuzz's own on every pair."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Postfix, Prefix

    records = records_of(entries)
    pairs = list(itertools.product(range(len(entries)), repeat=2))
    left = np.array([p[0] for p in pairs], dtype=np.int64)
    right = np.array([p[1] for p in pairs], dtype=np.int64)
    out = pair_features(records, left, right)
    for k, (a, b) in enumerate(pairs):
        text_a, text_b = records.texts[a], records.texts[b]
        token_set = np.float32(fuzz.token_set_ratio(text_a, text_b)) / np.float32(100)
        assert out[k, COLUMN["token_set"]] == token_set
        shared = Prefix.similarity(text_a, text_b) + Postfix.similarity(text_a, text_b)
        expected = min(np.float32(shared) / max(np.float32(max(len(text_a), len(text_b))), 1.0), 1.0)
        assert out[k, COLUMN["affixes"]] == pytest.approx(expected, abs=1e-6)


@settings(max_examples=50, deadline=None)
@given(names, types)
def test_identical_names_have_indel_one(name, type_):
    normalized = normalize_name(name, type_)
    records = NameRecords.build([normalized], [type_])
    row = pair_features(records, np.array([0]), np.array([0]))[0]
    if normalized.text:
        assert row[COLUMN["indel"]] == pytest.approx(1.0)
        assert row[COLUMN["jaro_winkler"]] == pytest.approx(1.0)
        assert row[COLUMN["token_sort"]] == pytest.approx(1.0)
        assert row[COLUMN["given_conflict"]] == 0.0
        assert row[COLUMN["digits_mismatch"]] == 0.0
        assert row[COLUMN["cross_script"]] == 0.0


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(names, types), min_size=2, max_size=6))
def test_a_pair_scores_the_same_whatever_else_is_in_the_pool(entries):
    # Features depend only on the two names (rarity comes from shipped data, not from the pool).
    alone = records_of(entries[:2])
    pooled = records_of(entries)
    np.testing.assert_allclose(
        pair_features(alone, np.array([0]), np.array([1])),
        pair_features(pooled, np.array([0]), np.array([1])),
        atol=1e-6,
    )


# -- what the features say --------------------------------------------------------------------

def test_flags_describe_the_pair():
    f = features_of("Max Bergman", "Ingrid Bergman")
    assert f["given_conflict"] == 1.0
    assert f["last_sim"] == pytest.approx(1.0)
    assert features_of("Max Bergman", "Max Bergmann")["given_conflict"] == 0.0
    assert features_of("Bill Gates", "William Gates")["nickname"] == 1.0
    # A rarer spelling of a known name (Katharine, one letter from Katherine) is the name.
    assert features_of("Kate Smith", "Katharine Smith")["nickname"] == 1.0
    assert features_of("J. Smith", "John Smith")["initials"] == 1.0
    assert features_of("Bergman", "Max Bergman")["partial"] == 1.0
    assert features_of("Bergman", "Bergmann")["single_words"] == 1.0
    assert features_of("Зеленский", "Zelenskiy")["cross_script"] == 1.0
    assert features_of("Acme 2 Ltd", "Acme 3 Ltd", "ORG", "ORG")["digits_mismatch"] == 1.0
    assert features_of("IBM", "International Business Machines", "ORG", "ORG")["acronym"] == 1.0
    assert features_of("Acme Widgets Ltd", "Acme Widgets", "ORG", "")["organisation"] == 1.0
    assert features_of("Li", "Lee")["short"] == 1.0
    assert features_of("Robert Smith", "Roberta Smith")["gendered_given"] == 1.0
    assert features_of("Mario Rossi", "Maria Rossi")["gendered_given"] == 1.0
    assert features_of("Alexander Ivanov", "Alexandra Ivanova")["gendered_given"] == 1.0  # -er / -ra
    assert features_of("Julius Weber", "Julia Weber")["gendered_given"] == 1.0  # -us / -a
    assert features_of("Peter Weber", "Peter Webber")["gendered_given"] == 0.0
    assert features_of("Narender Modi", "Narendra Modi")["gendered_given"] == 0.0  # one Hindi name
    assert features_of("Andre Rossi", "Andrea Rossi")["gendered_given"] == 0.0  # one name (lexicon)
    assert features_of("Robert Smith", "Robert Smyth")["gendered_given"] == 0.0
    assert features_of("Melita Siold", "Melit Siole")["gendered_given"] == 0.0  # a typo: Melit is no name
    assert features_of("Austria", "Australia", "LOC", "LOC")["different_places"] == 1.0
    assert features_of("Wien", "Vienna", "LOC", "LOC")["different_places"] == 0.0  # one place
    # A person named like a place is no place.
    assert features_of("Austria", "Australia", "PERSON", "PERSON")["different_places"] == 0.0


def test_similar_names_score_higher_than_different_ones():
    near = features_of("Max Bergman", "Max Bergmann")
    far = features_of("Max Bergman", "Olga Petrova")
    for name in ("indel", "jaro_winkler", "token_sort", "me_short", "last_sim"):
        assert near[name] > far[name], name


def test_regimes():
    records = records_of([("Bergman", ""), ("Bergmann", ""), ("Max Bergman", ""), ("Max Bergmann", ""),
                          ("Acme Widgets Ltd", "ORG")])
    out = pair_features(records, np.array([0, 0, 2, 4]), np.array([1, 2, 3, 2]))
    assert [REGIMES[r] for r in regime_of(out)] == ["single_words", "partial", "multi_words", "organisation"]


def test_scoring_doc_lists_every_feature():
    # docs/scoring.md has a table row "| `feature` | description |" for every feature.
    doc = Path(__file__).resolve().parents[1] / "docs" / "scoring.md"
    rows = [line for line in doc.read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    documented = {line.split("`")[1] for line in rows}
    assert set(FEATURES) <= documented, f"docs/scoring.md lacks {sorted(set(FEATURES) - documented)}"


def test_organisations_naming_different_places_are_different_places() -> None:
    def flag(a: str, b: str) -> float:
        return features_of(a, b, "ORG", "ORG")["different_places"]

    assert flag("Banco Santander México S.A.", "Banco Santander Chile S.A.") == 1.0
    assert flag("Bank of China (Hong Kong) Limited", "Bank of China (Singapore) Limited") == 1.0
    assert flag("Bank of China Limited", "Bank of China (Hong Kong) Limited") == 0.0  # one side only
    assert flag("Siemens AG", "Siemens AG Munich") == 0.0
    # People's names that hold place words are no organisations.
    assert features_of("Paris Hilton", "London Hilton", "PERSON", "PERSON")["different_places"] == 0.0
