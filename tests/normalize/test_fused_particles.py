"""Family names with their particles run into one word (namerec.normalize.fused_particles)."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

import namerec.normalize.fused_particles
from namerec import Reconciler
from namerec.normalize import normalize_name
from namerec.normalize.fused_particles import fused_particle_readings


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("desfiennes", "des fiennes"),
        ("vandenberg", "van den berg"),
        ("vanderbilt", "van der bilt"),
        ("delacroix", "de la croix"),
        ("delosbundy", "de los bundy"),
        ("saintclair", "saint clair"),
        ("devries", "de vries"),
        ("john vonbaden", "john von baden"),
    ],
)
def test_the_particles_are_split_off_first(text: str, reading: str) -> None:
    assert fused_particle_readings(text)[0] == reading


def test_a_word_that_splits_two_ways_gives_both() -> None:
    assert set(fused_particle_readings("delaney")) == {"de laney", "del aney"}
    assert "della rosa" in fused_particle_readings("dellarosa")


@pytest.mark.parametrize(
    "text", ["delia", "smith", "von", "de", "stclair", "leblanc", "oconnell", "", "desfiennes john"]
)
def test_other_words_give_no_reading(text: str) -> None:
    # too short a rest, no particle, particles that open many ordinary words, or not the last word
    assert fused_particle_readings(text) == ()


@given(st.text(alphabet="abdelnorsv ", max_size=24))
def test_readings_keep_the_letters_and_never_equal_the_text(text: str) -> None:
    for reading in fused_particle_readings(text):
        assert reading != text
        assert reading.replace(" ", "") == text.replace(" ", "")


def test_the_readings_are_variants_of_a_name() -> None:
    assert "des fiennes" in normalize_name("Desfiennes", "PERSON").variants
    assert "van den berg" in normalize_name("Vandenberg").variants
    assert normalize_name("Desfiennes", "PERSON").text == "desfiennes"


def test_a_fused_name_meets_its_family_name() -> None:
    pairs = [("Desfiennes", "Fiennes"), ("Delosbundy", "Bundy"), ("Pierre Delacroix", "Pierre Croix")]
    assert all(p > 0.5 for p in Reconciler().score_pairs(pairs))


def test_doctests() -> None:
    assert doctest.testmod(namerec.normalize.fused_particles).failed == 0
