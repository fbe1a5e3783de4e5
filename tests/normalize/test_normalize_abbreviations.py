"""The place_abbreviations step: St. -> saint, Mt. -> mount, Ft. -> fort, in every kind of name."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namerec.normalize import STEPS, normalize_name
from namerec.normalize.abbreviations import expand_place_abbreviations, written_abbreviations


@pytest.mark.parametrize(
    ("name", "entity_type", "text"),
    [
        ("St. Petersburg", "LOC", "saint petersburg"),
        ("St Petersburg", "LOC", "saint petersburg"),
        ("ST. PETERSBURG", "LOC", "saint petersburg"),
        ("st petersburg", "LOC", "saint petersburg"),
        ("St. Petersburg", "", "saint petersburg"),
        ("Ste-Foy", "LOC", "sainte foy"),
        ("Sta. Cruz", "LOC", "santa cruz"),
        ("Sto. Domingo", "LOC", "santo domingo"),
        ("Mt. Everest", "LOC", "mount everest"),
        ("Mt Kilimanjaro", "", "mount kilimanjaro"),
        ("Ft. Worth", "LOC", "fort worth"),
        ("Ft Lauderdale", "", "fort lauderdale"),
        ("Pto. Montt", "LOC", "puerto montt"),
        ("Main St", "LOC", "main street"),
        ("Wall St.", "", "wall street"),
        ("Blue Mts", "LOC", "blue mountains"),
        ("St. Mary's Hospital", "", "saint mary hospital"),
        ("Mt. Sinai Hospital", "ORG", "mount sinai hospital"),
    ],
)
def test_abbreviations_are_spelled_out(name: str, entity_type: str, text: str) -> None:
    assert normalize_name(name, entity_type).text == text


@pytest.mark.parametrize(
    ("name", "entity_type", "text"),
    [
        ("St", "LOC", "st"),  # alone: nothing says what it stands for
        ("Pt. Reyes", "LOC", "pt reyes"),  # Port or Point: left alone
        ("ST Microelectronics", "ORG", "st microelectronics"),  # letters of a company name
        ("MT Bank", "ORG", "mt bank"),
        ("st jude medical", "ORG", "st jude medical"),
        ("John St", "PERSON", "john st"),  # a person's last word is no street
    ],
)
def test_what_is_left_alone(name: str, entity_type: str, text: str) -> None:
    assert normalize_name(name, entity_type).text == text


def test_both_spellings_meet() -> None:
    for entity_type in ("", "LOC", "PERSON", "ORG"):
        for short, full in [("St. Petersburg", "Saint Petersburg"), ("Mt. Vernon", "Mount Vernon"),
                            ("St. Jude Medical", "Saint Jude Medical")]:
            assert normalize_name(short, entity_type).text == normalize_name(full, entity_type).text


def test_persons_lose_the_title_either_way() -> None:
    """Saint is a title for persons; the abbreviation is spelled out before titles are stripped."""
    assert normalize_name("St. Francis of Assisi", "PERSON").text == "francis of assisi"
    assert normalize_name("Saint Francis of Assisi", "PERSON").text == "francis of assisi"
    henry = normalize_name("Henry St. John", "PERSON")
    assert henry.text == "henry saint john"
    assert henry.given == ("henry", "saint") and henry.surname == "john"
    assert normalize_name("St. John, Henry", "PERSON").text == "henry saint john"


def test_organisations_keep_the_unexpanded_form_as_a_variant() -> None:
    n = normalize_name("St. Jude Medical, Inc.", "ORG")
    assert n.text == "saint jude medical" and "st jude medical" in n.variants


def test_written_abbreviations() -> None:
    assert written_abbreviations("St. Jude") == {"st"}
    assert written_abbreviations("St James's Place") == {"st"}
    assert written_abbreviations("ST. JUDE") == {"st"}
    assert written_abbreviations("ST Engineering") == frozenset()
    assert written_abbreviations("Sté Générale") == frozenset()


def test_expand_place_abbreviations() -> None:
    assert expand_place_abbreviations(["st", "st"]) == ["saint", "street"]
    assert expand_place_abbreviations(["st", "st"], at_end=False) == ["saint", "st"]
    assert expand_place_abbreviations(["mt", "st"], only={"mt"}) == ["mount", "st"]
    tokens = ["ft", "worth"]
    assert expand_place_abbreviations(tokens) == ["fort", "worth"] and tokens == ["ft", "worth"]


def test_the_step_is_listed() -> None:
    assert STEPS.index("place_abbreviations") == STEPS.index("punctuation") + 1


_WORDS = ["St", "St.", "ST", "st", "Ste", "Sta.", "Mt.", "MT", "Ft", "Mts", "Pto.", "Saint", "Mount",
          "Petersburg", "John", "Main", "Jude", "Inc.", "Dr.", "Smith,", "Co.", "Everest"]
abbreviated = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(abbreviated, st.sampled_from(["PERSON", "ORG", "LOC", "VESSEL"]))
def test_text_stays_a_fixed_point(name: str, entity_type: str) -> None:
    text = normalize_name(name, entity_type).text
    assert normalize_name(text, entity_type).text == text


@settings(max_examples=200, deadline=None)
@given(abbreviated)
def test_no_abbreviation_survives_before_a_word_outside_organisations(name: str) -> None:
    for entity_type in ("LOC", "PERSON"):
        tokens = normalize_name(name, entity_type).tokens
        assert not {"st", "mt", "ft", "sta", "ste"} & set(tokens[:-1])
