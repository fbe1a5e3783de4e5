"""NameRecords: units laid out as arrays, and records extended with more units."""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from namerec.normalize import normalize_name
from namerec.records import NameRecords

ENTRIES = [
    ("John Smith", ""), ("IBM Corp", ""), ("Jon Smyth 22", ""), ("Moskva", "LOC"), ("Москва", "LOC"),
    ("International Business Machines", "ORG"), ("Smith, John", "PERSON"), ("Зеленський", ""),
    ("Hans Müller", "PERSON"), ("", ""), ("N.A.S.A.", ""), ("Bill Gates", ""), ("Firenze", "LOC"),
]


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


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(ENTRIES), max_size=8), st.lists(st.sampled_from(ENTRIES), max_size=8))
def test_extended_records_are_the_records_of_all_the_names(head, tail):
    extended = _records(head).extended([normalize_name(n, t) for n, t in tail], [t for _, t in tail])
    assert _same(extended, _records(head + tail))


def test_extending_leaves_the_original_records_unchanged():
    records = _records(ENTRIES[:3])
    before = (list(records.tokens.strings), len(records.token_attributes), dict(records._key_ids))
    records.extended([normalize_name("Zbigniew Brzezinski")], [""])
    assert (records.tokens.strings, len(records.token_attributes), records._key_ids) == before
    assert _same(records, _records(ENTRIES[:3]))
