"""Entity type labels (namerec.entity_types)."""

from __future__ import annotations

import doctest

import pytest

import namerec.entity_types
from namerec.entity_types import LOC, ORG, PERSON, canonical_type, is_place_type, types_compatible


@pytest.mark.parametrize(("given", "canonical"), [
    ("per", PERSON), ("Organisation", ORG), ("gpe", LOC), ("Location", LOC), ("City", "City"),
    (None, ""), (float("nan"), ""), ("  ", ""),
])
def test_aliases_are_canonical_and_other_types_are_kept(given, canonical) -> None:
    assert canonical_type(given) == canonical


def test_kinds_of_place_are_places_without_becoming_loc() -> None:
    assert all(is_place_type(canonical_type(t)) for t in ("LOC", "GPE", "place", "City", "COUNTRY", "town"))
    # However the data writes a kind of place: case, "_", "-" and spaces do not count.
    kinds = ("place_name", "Populated-Place", " island ", "State")
    assert all(is_place_type(canonical_type(t)) for t in kinds)
    assert not any(is_place_type(canonical_type(t)) for t in ("PER", "ORG", "Vessel", "", None))
    assert not types_compatible("City", LOC)  # kept as given: a City and a LOC are two types


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(namerec.entity_types).failed == 0
