"""normalize_name: the public record, kind selection and guessing, golden cases."""

from __future__ import annotations

import dataclasses

import pytest

from namerec.errors import InputError, NamerecError
from namerec.normalize import STEPS, NormalizedName, normalize_name, normalize_text

# (name, entity_type, text, kind)
GOLDEN = [
    ("Kristīne Bērziņa", "PERSON", "kristine berzina", "person"),
    ("Kristīne Bērziņa", "", "kristine berzina", "other"),
    ("Зеленский", "PERSON", "zelenskiy", "person"),
    ("Володимир Зеленський", "PERSON", "volodymyr zelenskyi", "person"),
    ("Smith, John", "PERSON", "john smith", "person"),
    ("Dr. Martin Luther King Jr.", "", "martin luther king", "person"),
    ("Dr. Martin Luther King Jr.", "PERSON", "martin luther king", "person"),
    ("GENENCOR INTERNATIONAL, INC.", "ORG", "genencor international", "org"),
    ("GENENCOR INTERNATIONAL, INC.", "", "genencor international", "org"),
    ("The Brookings Institution", "", "brookings institution", "org"),
    ("The Brookings Institution", "ORG", "brookings institution", "org"),
    (
        "Center for Strategic and International Studies",
        "",
        "center for strategic and international studies",
        "org",
    ),
    ("NATO", "", "nato", "other"),
    ("NATO", "ORG", "nato", "org"),
    ("Trump's", "", "trump", "other"),
    ("Trump's", "PERSON", "trump", "person"),
    ("Gen. Intl. Ctr.", "ORG", "general international center", "org"),
    ("Gen. Intl. Ctr.", "", "general international center", "org"),
    ("New York", "LOC", "new york", "other"),
    ("The Hague", "LOC", "the hague", "other"),  # no org rules for places
    ("HMS Victory", "VESSEL", "hms victory", "other"),
    ("", "", "", "other"),
    ("", "PERSON", "", "person"),
    ("   ", "ORG", "", "org"),
]


@pytest.mark.parametrize(("name", "entity_type", "text", "kind"), GOLDEN)
def test_golden(name: str, entity_type: str, text: str, kind: str) -> None:
    n = normalize_name(name, entity_type)
    assert (n.text, n.kind) == (text, kind)
    assert n.original == name
    assert n.tokens == tuple(text.split())
    assert text not in n.variants and "" not in n.variants


def test_bulgarian_table_when_asked() -> None:
    assert normalize_name("Щерба", "PERSON", cyrillic_language="bg").text == "shterba"


def test_person_fields() -> None:
    n = normalize_name("Dr. Martin Luther King Jr.")
    assert (n.given, n.surname, n.acronym, n.is_acronym, n.legal_form) == (
        ("martin", "luther"),
        "king",
        "",
        False,
        "",
    )


def test_org_fields() -> None:
    n = normalize_name("GENENCOR INTERNATIONAL, INC.", "ORG")
    assert (n.legal_form, n.acronym, n.is_acronym, n.given, n.surname) == ("inc", "gi", False, (), "")
    csis = normalize_name("Center for Strategic and International Studies")
    assert csis.acronym == "csis" and not csis.is_acronym


def test_other_fields() -> None:
    nato = normalize_name("NATO")
    assert (nato.kind, nato.acronym, nato.is_acronym) == ("other", "nato", True)
    un = normalize_name("U.N.")
    assert (un.text, un.acronym, un.is_acronym) == ("u n", "un", True)
    place = normalize_name("Rio de Janeiro", "LOC")
    assert (place.acronym, place.is_acronym, place.given, place.legal_form) == ("rj", False, (), "")
    assert normalize_name("Paris").acronym == ""  # fewer than two significant words


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Acme Widgets LLC", "org"),
        ("Harvard Univ.", "org"),
        ("Ministry of Defence", "org"),
        ("Deutsche Bank", "org"),
        ("Smith & Co.", "org"),
        ("General Motors", "org"),  # "motors" is an organisation word
        ("General Grant", "other"),  # a rank is no evidence of a person
        ("General Electric Company", "org"),
        ("Mr. Smith", "person"),
        ("Prof. Angela Merkel", "person"),
        ("John Smith Jr.", "person"),
        ("World War II", "other"),
        ("John Smith", "other"),
        ("Maria Sa", "other"),
        ("Dr. Smith Foundation", "org"),  # org evidence wins
        ("Dr", "other"),  # a title alone is not a person
        # "Surname, Given": a person when the first word after the comma is a given name or initial
        ("SMITH, John A.", "person"),
        ("Smith, J.", "person"),
        ("Garcia Lopez, Maria", "person"),
        ("Paris, France", "other"),
        ("Sydney, Australia", "other"),  # a known place on either side: no "Surname, Given"
        # One or two plain words on each side, none a known place: a person's, given name unknown or
        # misspelt (the lexicons know no US state: "Springfield, Illinois" reads so too).
        ("Dubieyr, Kqdie", "person"),
        ("Dubieyr, Kqdie Anm", "person"),
        ("Dubieyr, Kqdie Anm Lez", "other"),
        ("Dubieyr, Kadie Anm Lez", "person"),  # Kadie: the name-gender list knows it
        ("New York, NY", "other"),
        ("Acme, Inc.", "org"),
        ("Smith, John, Jones, Mary", "other"),  # two commas: a list, not one inverted name
    ],
)
def test_kind_guessing(name: str, kind: str) -> None:
    assert normalize_name(name).kind == kind


def test_an_untyped_name_gets_its_capital_consonants_spelt_as_initials_in_a_variant() -> None:
    name = normalize_name("TJ Miller")
    assert name.text == "tj miller" and "t j miller" in name.variants
    assert normalize_name("TJ Miller", "PERSON").text == "t j miller"
    assert normalize_name("NATO").variants == ()  # all capitals: no clusters are spelt


def test_an_untyped_inverted_name_is_read_in_given_surname_order() -> None:
    assert normalize_name("SMITH, John A.").text == "john a smith"
    assert normalize_name("Paris, France").text == "paris france"


def test_type_decides_kind() -> None:
    assert normalize_name("Acme Widgets LLC", "PERSON").kind == "person"
    assert normalize_name("Mr. Smith", "ORG").kind == "org"
    assert normalize_name("Mr. Smith", "LOC").kind == "other"
    assert normalize_name("Mr. Smith", "LOC").text == "mr smith"


def test_scripts() -> None:
    assert normalize_name("Владимир Путин").script == "cyrillic"
    assert normalize_name("Kristīne").script == "latin"
    assert normalize_name("ＮＡＴＯ").script == "latin"  # read after NFKC
    assert normalize_name("🙂").script == "none"


def test_record_is_frozen_and_slotted() -> None:
    n = normalize_name("John Smith")
    assert isinstance(n, NormalizedName)
    with pytest.raises(dataclasses.FrozenInstanceError):
        n.text = "x"  # type: ignore[misc]
    assert not hasattr(n, "__dict__")
    assert [f.name for f in dataclasses.fields(NormalizedName)] == [
        "original",
        "text",
        "tokens",
        "kind",
        "given",
        "surname",
        "acronym",
        "is_acronym",
        "legal_form",
        "script",
        "variants",
        "generation",
    ]


def test_a_stripped_generational_suffix_is_kept_as_the_generation() -> None:
    assert [normalize_name(name).generation for name in
            ("John Smith Jr.", "Smith, John, Jr.", "John Smith Sr.", "John Smith III", "John Smith")] == [
        "2", "2", "1", "", ""]  # an untyped "John Smith III" keeps "iii" in its text
    assert normalize_name("John Smith III", "PERSON").generation == "3"
    assert normalize_name("John Smith Jr.").text == normalize_name("John Smith Sr.").text == "john smith"


def test_results_are_cached() -> None:
    assert normalize_name("Jane Q. Public", "PERSON") is normalize_name("Jane Q. Public", "PERSON")
    assert normalize_name("Jane Q. Public") is not normalize_name("Jane Q. Public", "PERSON")


def test_bad_cyrillic_language_is_an_input_error() -> None:
    with pytest.raises(InputError, match="cyrillic_language"):
        normalize_name("x", cyrillic_language="de")
    with pytest.raises(NamerecError):
        normalize_text("x", cyrillic_language="press")
    for language in ("auto", "ru", "uk", "bg", "sr", "mk", "be"):
        assert normalize_name("Щерба", cyrillic_language=language).text


def test_steps_are_listed_in_order() -> None:
    assert STEPS[:8] == (
        "nfkc",
        "strip_invisible",
        "transliterate",
        "casefold",
        "strip_diacritics",
        "apostrophes",
        "arabic_article",
        "punctuation",
    )
    assert STEPS[8:] == (
        "place_abbreviations",
        "digits_as_letters",
        "person.initial_clusters",
        "person.name_order",
        "person.titles",
        "person.suffixes",
        "person.particles",
        "org.dotted_letters",
        "org.ampersand",
        "org.article",
        "org.legal_forms",
        "org.abbreviations",
    )


@pytest.mark.parametrize("name", [row[0] for row in GOLDEN] + ["Acme Co., Ltd.", "J.R.R. Tolkien"])
@pytest.mark.parametrize("entity_type", ["", "PERSON", "ORG", "LOC"])
def test_text_is_a_fixed_point(name: str, entity_type: str) -> None:
    text = normalize_name(name, entity_type).text
    assert normalize_name(text, entity_type).text == text


def test_the_initials_variant_of_an_untyped_name_gets_the_same_steps_as_its_text() -> None:
    assert normalize_name("JP St. Louis").variants == ("j p saint louis",)


def test_a_place_s_arabic_article_written_apart_reads_as_hyphenated() -> None:
    # Gazetteers write Az Zarqa and Ad Dawhah; Latin texts Az-Zarqa, Al-Zarqa.
    assert normalize_name("Az Zarqa", "LOC").text == normalize_name("Az-Zarqa", "LOC").text == "al zarqa"
    assert normalize_name("Ad Dawhah", "LOC").text == "al dawhah"
    # Only before the same consonant, and only for places: "at the", French "et", a person's "An".
    assert normalize_name("Trinite et Tobago", "LOC").text == "trinite et tobago"
    assert normalize_name("Stratford at the Bridge", "LOC").text == "stratford at the bridge"
    assert normalize_name("Az Zarqa").text == "az zarqa"
    assert normalize_name("An Nguyen", "PERSON").text == "an nguyen"


def test_a_place_in_another_script_is_also_read_without_the_state_after_its_comma() -> None:
    # Persian and Urdu write a town sharing its name with others as "town، state" (Longview, Texas).
    town = normalize_name("لونگویئو", "LOC").text
    assert town in normalize_name("لونگویئو، ٹیکساس", "LOC").variants
    assert town in normalize_name("لونگویئو, ٹیکساس", "LOC").variants  # a Latin comma too
    assert normalize_name("Longview, Texas", "LOC").variants == ()  # a Latin name's words meet as they are
    assert town not in normalize_name("لونگویئو، ٹیکساس", "").variants  # a place's only
    assert normalize_name("، ٹیکساس", "LOC").variants == ()  # nothing before the comma


def test_persian_and_urdu_waw_in_a_foreign_name_is_also_read_as_they_write_it() -> None:
    assert "dnwil" in normalize_name("دنویل", "LOC").variants  # Danville: و before ی is w
    assert "aubama" in normalize_name("أوباما").variants  # Obama: و after an initial alif is a vowel
    assert normalize_name("دنویل", "LOC").text == "dnuil"  # the plain reading stays primary


def test_an_arabic_place_is_also_read_without_its_article() -> None:
    assert "btrun" in normalize_name("البترون", "LOC").variants  # Batroun
    assert "btrun" not in normalize_name("البترون", "PERSON").variants
