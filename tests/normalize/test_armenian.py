"""Armenian to Latin (namerec.normalize.armenian) and through the normaliser."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

import namerec.normalize.armenian
from namerec.normalize import normalize_name
from namerec.normalize.armenian import ARMENIAN, romanize_armenian


@pytest.mark.parametrize(
    ("armenian", "latin"),
    [
        ("Սուրեն", "Suren"),  # ու is u, not anyascii's "ow"
        ("Գյումրի", "Gyumri"),
        ("Երևան", "Yerevan"),  # the ligature և is ev; a word's first ե is ye
        ("Սևան", "Sevan"),
        ("Որոտան", "Vorotan"),  # a word's first ո is vo
        ("Ուրարտու", "Urartu"),  # but not the ու that is u
        ("Գառնի", "Garni"),  # the trilled ռ is r
        ("Աւետիս", "Avetis"),  # classical spelling: ւ alone is v
        ("Տաթև", "Tat'ev"),  # anyascii's apostrophe for an aspirate: dropped later
    ],
)
def test_romanize_armenian(armenian: str, latin: str) -> None:
    assert romanize_armenian(armenian) == latin


def test_the_second_reading_leaves_the_initial_glides_out() -> None:
    assert romanize_armenian("Երևան", glides=False) == "Erevan"
    assert normalize_name("Երևան").text == "yerevan" and "erevan" in normalize_name("Երևան").variants


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(namerec.normalize.armenian).failed == 0


@given(st.text(alphabet=st.characters(min_codepoint=0x0530, max_codepoint=0x058F) | st.sampled_from(" -")))
def test_nothing_armenian_is_left(text: str) -> None:
    assert ARMENIAN.search(romanize_armenian(text)) is None
    assert ARMENIAN.search(romanize_armenian(text, glides=False)) is None
