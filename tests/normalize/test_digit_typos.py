"""Digits typed or scanned in place of letters in persons' names."""

from __future__ import annotations

import pytest

from namerec import Reconciler
from namerec.normalize import normalize_name
from namerec.normalize.digit_typos import digits_as_letters


@pytest.mark.parametrize(
    ("form", "readings"),
    [
        ("ma4garet sewell", ("margaret sewell", "maegaret sewell")),  # a keyboard slip: 4 for r or e
        ("h0luman", ("holuman", "hpluman")),  # 0 for o (OCR, keyboard) or p (keyboard)
        ("1ovis kerrie", ("lovis kerrie", "iovis kerrie")),  # OCR: 1 for l or I, in front of a word
        ("cecil t9rr", ("cecil torr", "cecil tirr")),
    ],
)
def test_a_digit_among_letters_is_read_as_its_two_likeliest_letters(form, readings):
    assert digits_as_letters(form, person=False) == readings


@pytest.mark.parametrize("form", ["sir 1st baronet", "12th earl", "john smith", "e1m", "b2b", "covid19"])
def test_ordinals_numbers_and_short_or_numbered_words_stay_as_written(form):
    assert digits_as_letters(form, person=True) == (form,)


def test_a_final_digit_is_read_only_in_a_name_typed_a_persons():
    assert digits_as_letters("lev8", person=True) == ("levi", "levb")
    assert digits_as_letters("web3 labs", person=False) == ("web3 labs",)


def test_persons_and_untyped_names_are_read_so_places_and_organisations_are_not():
    assert normalize_name("Franci He1m", "PERSON").text == "franci helm"
    assert normalize_name("Franci He1m", "PERSON").variants == ("franci heim",)
    assert normalize_name("1OVIS KERRIE").text == "lovis kerrie"
    assert normalize_name("Ho4ton Ltd", "ORG").text == "ho4ton"
    assert normalize_name("Ro4ton", "LOC").text == "ro4ton"


def test_a_name_with_a_digit_for_a_letter_meets_the_name():
    rec = Reconciler()
    people = ("PERSON", "PERSON")
    assert rec.score("Franci He1m", "Franci Helm", types=people) > 0.9
    assert rec.score("Ma4garet Sewell", "Margaret Sewell", types=people) > 0.9
    # Either letter: 9 for o (Torr) as for i (Tirr).
    assert rec.score("Cecil T9rr", "Cecil Tirr", types=people) > 0.5
