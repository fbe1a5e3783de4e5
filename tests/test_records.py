"""NameRecords: units laid out as arrays, and records extended (or appended to) with more units."""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from namerec import records as records_module
from namerec.normalize import normalize_name
from namerec.records import NameRecords

ENTRIES = [
    ("John Smith", ""), ("IBM Corp", ""), ("Jon Smyth 22", ""), ("Moskva", "LOC"), ("Москва", "LOC"),
    ("International Business Machines", "ORG"), ("Smith, John", "PERSON"), ("Зеленський", ""),
    ("Hans Müller", "PERSON"), ("", ""), ("N.A.S.A.", ""), ("Bill Gates", ""), ("Firenze", "LOC"),
    ("Roberta Smith", ""), ("Robert Smith", "PERSON"), ("Mario Rossi", ""), ("Maria Rossi", ""),
    ("Banco Santander México", "ORG"), ("Smith Smith", ""),
]
PER_UNIT_CACHES = records_module._PER_UNIT_CACHES


def _records(entries) -> NameRecords:
    return NameRecords.build([normalize_name(n, t) for n, t in entries], [t for _, t in entries])


def _same(a: NameRecords, b: NameRecords) -> bool:
    for field in dataclasses.fields(NameRecords):
        x, y = getattr(a, field.name), getattr(b, field.name)
        if field.name == "tokens":
            same = x.strings == y.strings and x.place_groups == y.place_groups
        elif field.name == "token_attributes":
            same = all(np.array_equal(getattr(x, f.name), getattr(y, f.name)) for f in dataclasses.fields(x))
        elif isinstance(x, np.ndarray):
            same = np.array_equal(x, y)
        else:
            same = x == y
        if not same:
            return False
    return True


def _grown(records: NameRecords, entries, how: str) -> NameRecords:
    """``records`` with ``entries`` added: by ``extended`` (a new object), or by ``append`` (in place)
    in two calls, as re-reading adds forms chunk after chunk."""
    names, types = [normalize_name(n, t) for n, t in entries], [t for _, t in entries]
    if how == "extended":
        return records.extended(names, types)
    half = len(names) // 2
    records.append(names[:half], types[:half])
    records.append(names[half:], types[half:])
    return records


GROWN = st.sampled_from(["extended", "append"])


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(ENTRIES), max_size=8), st.lists(st.sampled_from(ENTRIES), max_size=8), GROWN)
def test_grown_records_are_the_records_of_all_the_names(head, tail, how):
    assert _same(_grown(_records(head), tail, how), _records(head + tail))


def test_extending_leaves_the_original_records_unchanged():
    records = _records(ENTRIES[:3])
    before = (list(records.tokens.strings), len(records.token_attributes), dict(records._key_ids))
    records.extended([normalize_name("Zbigniew Brzezinski")], [""])
    assert (records.tokens.strings, len(records.token_attributes), records._key_ids) == before
    assert _same(records, _records(ENTRIES[:3]))


def _same_value(x, y) -> bool:
    if isinstance(x, tuple):
        return all(np.array_equal(a, b) for a, b in zip(x, y))
    return np.array_equal(x, y) if isinstance(x, np.ndarray) else x == y


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(ENTRIES), max_size=8), st.lists(st.sampled_from(ENTRIES), max_size=8), GROWN)
def test_grown_records_carry_cached_values_that_equal_a_fresh_computation(head, tail, how):
    records = _records(head)
    for name in (*PER_UNIT_CACHES, "token_string_array", "gender_forms", "word_ids"):
        getattr(records, name)  # worked out before extending, so carried over
    extended = _grown(records, tail, how)
    fresh = _records(head + tail)
    for name in (*PER_UNIT_CACHES, "token_string_array"):
        assert name in extended.__dict__
        assert _same_value(getattr(extended, name), getattr(fresh, name)), name
    # Ids may be numbered differently; which tokens they tell alike must not differ.
    tokens = np.arange(len(fresh.tokens.strings))
    a, b = np.repeat(tokens, len(tokens)), np.tile(tokens, len(tokens))
    words, fresh_words = extended.word_ids, fresh.word_ids
    assert np.array_equal(words[a] == words[b], fresh_words[a] == fresh_words[b])
    assert np.array_equal(extended.gender_forms.gendered(a, b), fresh.gender_forms.gendered(a, b))


def test_every_cached_value_of_appended_records_is_carried_over_or_worked_out_anew():
    """A cached value ``append`` does not carry over would describe the records before it."""
    records = _records(ENTRIES[:3])
    for name in records_module._CACHED_PROPERTIES:
        getattr(records, name)
    records.append([normalize_name("Zbigniew Brzezinski")], [""])
    fresh = _records([*ENTRIES[:3], ("Zbigniew Brzezinski", "")])
    for name in records_module._CACHED_PROPERTIES:
        if name not in ("gender_forms", "_word_numbering"):  # (numbered differently: tested above)
            assert _same_value(getattr(records, name), getattr(fresh, name)), name


def test_gender_forms_followed_by_more_tokens_find_pairs_across_them():
    forms = records_module.GenderForms.of(["robert", "mario"]).followed_by(["roberta", "maria", "anna"])
    pairs = forms.gendered(np.array([0, 1, 0, 2]), np.array([2, 3, 4, 4]))
    assert pairs.tolist() == [True, True, False, False]


def test_titles_and_suffixes_weigh_as_little_as_particles():
    """A title or a suffix says nothing of who a person is, whatever its count in the background
    names; a title that is also a family name keeps the rarity of a family name."""
    generic = records_module.token_rarity("van")
    for word in ("capt", "sir", "dr", "iii", "jr", "md"):
        assert records_module.token_rarity(word) == generic
    assert records_module.token_rarity("king") > generic
    assert records_module.token_rarity("hamilton") > generic


def test_a_doubled_final_a_is_no_womans_ending():
    """Asmaa spells out a long vowel of Asma (both known given names); Paula is Paul's feminine form."""
    forms = records_module.GenderForms.of(["asma", "asmaa", "paul", "paula"])
    assert not forms.gendered(np.array([0]), np.array([1]))[0]
    assert forms.gendered(np.array([2]), np.array([3]))[0]


def test_only_known_given_names_have_gendered_forms():
    """A word one letter short of a known name is more often a typo than a man's name: Melit and
    Aloinz (no known given names) are not read as the men's forms of Melita and Aloinza."""
    forms = records_module.GenderForms.of(["melit", "melita", "aloinz", "aloinza", "robert", "roberta"])
    pairs = forms.gendered(np.array([0, 2, 4]), np.array([1, 3, 5]))
    assert pairs.tolist() == [False, False, True]
    # Bare one-word names ask about any words: Gery / Gerya are two names as a rule.
    assert forms.gendered(np.array([0, 2]), np.array([1, 3]), known_only=False).tolist() == [True, True]
