"""Arabic compound names written in Latin letters (namerec.normalize.arabic_compounds)."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

import namerec.normalize.arabic_compounds
from namerec import Reconciler
from namerec.normalize import normalize_name
from namerec.normalize.arabic_compounds import joined_compounds


@pytest.mark.parametrize(
    "spellings",
    [
        ["nur al din", "nur ad din", "nureddin", "nuruddin", "nur eddin"],
        ["salah al din", "salahuddin", "salah ud din"],
        ["abd al rahman", "abdul rahman", "abdulrahman", "abdurrahman", "abderrahmane"],
        ["abdullah", "abdallah", "abd allah", "abdulla", "abdellah"],
        ["abdelaziz", "abdul aziz", "abd al aziz"],
    ],
)
def test_spellings_of_one_compound_meet(spellings: list[str]) -> None:
    assert len({joined_compounds(spelling) for spelling in spellings}) == 1, spellings


@pytest.mark.parametrize("text", ["john smith", "aladdin", "jardin", "abdi", "din", "camden", "abdul"])
def test_other_words_are_left_alone(text: str) -> None:
    assert joined_compounds(text) == text


def test_different_compounds_stay_different() -> None:
    assert joined_compounds("abdul rahman") != joined_compounds("abdul rahim")
    assert joined_compounds("nur al din") != joined_compounds("salah al din")


def test_the_compound_is_a_variant_and_names_meet() -> None:
    assert "nuraldin zangi" in normalize_name("Nur al-Din Zangi", "PERSON").variants
    scores = Reconciler().score_pairs([("Nur al-Din Zangi", "Nureddin Zangi"),
                                       ("Abd al-Rahman Khalid", "Abderrahmane Khalid")])
    assert (scores > 0.9).all(), scores


def test_docstring_examples() -> None:
    assert doctest.testmod(namerec.normalize.arabic_compounds).failed == 0


@given(st.text(alphabet="abdeilnrsuz ", max_size=40))
def test_idempotent(text: str) -> None:
    once = joined_compounds(text)
    assert joined_compounds(once) == once
