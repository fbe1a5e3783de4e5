"""Person rules: initials, name order, titles, suffixes, particles."""

from __future__ import annotations

import pytest

from namerec.normalize import normalize_name
from namerec.normalize.person import person_parts, split_initial_clusters


def person(name: str) -> tuple[str, tuple[str, ...], str]:
    n = normalize_name(name, "PERSON")
    assert n.kind == "person"
    assert n.acronym == "" and not n.is_acronym and n.legal_form == ""
    return n.text, n.given, n.surname


@pytest.mark.parametrize(
    ("name", "text", "given", "surname"),
    [
        ("John Smith", "john smith", ("john",), "smith"),
        ("Smith, John", "john smith", ("john",), "smith"),
        ("SMITH, JOHN Q.", "john q smith", ("john", "q"), "smith"),
        ("King, Martin Luther, Jr.", "martin luther king", ("martin", "luther"), "king"),
        ("Smith, Dr. John", "john smith", ("john",), "smith"),
        ("Rowling, J. K., Dr.", "j k rowling", ("j", "k"), "rowling"),
        ("John Smith, PhD", "john smith", ("john",), "smith"),
        ("Смит, Джон", "dzhon smit", ("dzhon",), "smit"),
    ],
)
def test_name_order(name: str, text: str, given: tuple[str, ...], surname: str) -> None:
    assert person(name) == (text, given, surname)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Dr. Martin Luther King Jr.", "martin luther king"),
        ("Mr. John Smith", "john smith"),
        ("Mrs Smith", "smith"),
        ("Prof. Dr. Angela Merkel", "angela merkel"),
        ("President Joe Biden", "joe biden"),
        ("Gen. Colin Powell", "colin powell"),
        ("Lt. Col. Oliver North", "oliver north"),
        ("His Excellency Emmanuel Macron", "emmanuel macron"),
        ("The Hon. John Smith", "john smith"),
        ("Sheikh Mohammed bin Rashid", "mohammed bin rashid"),
        ("Herr Müller", "muller"),
        ("Mme Curie", "curie"),
        ("Dr", "dr"),  # nothing else left: the title stays
        ("Mr. Dr.", "dr"),
        ("Don Johnson", "don johnson"),  # weak title with one other token: a given name
        ("Don Vito Corleone", "vito corleone"),
        ("Lady Gaga", "gaga"),  # a title, like Lord and Master
        ("Lord Grosvenor", "grosvenor"),
    ],
)
def test_titles(name: str, text: str) -> None:
    assert person(name)[0] == text


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Martin Luther King Jr.", "martin luther king"),
        ("John Smith III", "john smith"),
        ("John Smith Sr", "john smith"),
        ("Jane Doe, MD", "jane doe"),
        ("Jane Doe MD PhD", "jane doe"),
        ("John Smith, Esq.", "john smith"),
        ("Jr.", "jr"),
        ("Yo-Yo Ma", "yo yo ma"),  # Ma is a surname, not a degree
    ],
)
def test_suffixes(name: str, text: str) -> None:
    assert person(name)[0] == text


@pytest.mark.parametrize(
    ("name", "text", "given", "surname"),
    [
        ("J.R.R. Tolkien", "j r r tolkien", ("j", "r", "r"), "tolkien"),
        ("J. R. R. Tolkien", "j r r tolkien", ("j", "r", "r"), "tolkien"),
        ("J.R.R.Tolkien", "j r r tolkien", ("j", "r", "r"), "tolkien"),
        ("JK Rowling", "j k rowling", ("j", "k"), "rowling"),
        ("George HW Bush", "george h w bush", ("george", "h", "w"), "bush"),
        ("JOHN SMITH", "john smith", ("john",), "smith"),  # all caps: no clusters
        ("JFK", "jfk", (), "jfk"),
        ("Ian McKellen", "ian mckellen", ("ian",), "mckellen"),
        ("В. В. Путин", "v v putin", ("v", "v"), "putin"),
    ],
)
def test_initials(name: str, text: str, given: tuple[str, ...], surname: str) -> None:
    assert person(name) == (text, given, surname)


def test_split_initial_clusters_leaves_titles_and_suffixes() -> None:
    assert split_initial_clusters("DR Smith") == "DR Smith"
    assert split_initial_clusters("Smith MD") == "Smith MD"
    assert split_initial_clusters("TJ Watt") == "T J Watt"
    assert split_initial_clusters("Louis XIV") == "Louis XIV"  # roman numerals have a vowel


@pytest.mark.parametrize(
    ("name", "text", "given", "surname"),
    [
        ("Ludwig van Beethoven", "ludwig van beethoven", ("ludwig",), "beethoven"),
        ("Beethoven, Ludwig van", "ludwig van beethoven", ("ludwig",), "beethoven"),
        ("van Gogh", "van gogh", (), "gogh"),
        ("Bashar al-Assad", "bashar al assad", ("bashar",), "assad"),
        ("al-Assad", "al assad", (), "assad"),
        ("Al Gore", "al gore", ("al",), "gore"),
        ("Ben Smith", "ben smith", ("ben",), "smith"),
        ("Daniel Ben Ami", "daniel ben ami", ("daniel",), "ami"),
        ("Osama bin Laden", "osama bin laden", ("osama",), "laden"),
        (
            "Muhammad ibn Musa al-Khwarizmi",
            "muhammad ibn musa al khwarizmi",
            ("muhammad", "musa"),
            "khwarizmi",
        ),
        ("Abu Bakr al-Baghdadi", "abu bakr al baghdadi", ("abu", "bakr"), "baghdadi"),
        ("Leonardo da Vinci", "leonardo da vinci", ("leonardo",), "vinci"),
        ("Charles de la Fontaine", "charles de la fontaine", ("charles",), "fontaine"),
        ("Ursula von der Leyen", "ursula von der leyen", ("ursula",), "leyen"),
        ("Maria de los Angeles", "maria de los angeles", ("maria",), "angeles"),
        ("John E. Smith", "john e smith", ("john", "e"), "smith"),  # a one-letter token is an initial
    ],
)
def test_particles(name: str, text: str, given: tuple[str, ...], surname: str) -> None:
    assert person(name) == (text, given, surname)


def test_apostrophe_names_are_joined() -> None:
    assert person("Conan O'Brien") == ("conan obrien", ("conan",), "obrien")
    assert person("Jean d'Alembert") == ("jean dalembert", ("jean",), "dalembert")


def test_person_parts_of_nothing() -> None:
    parts = person_parts("  ,  , ")
    assert (parts.tokens, parts.given, parts.surname) == ((), (), "")


def test_person_variants_follow_the_person_rules() -> None:
    n = normalize_name("Ельцин, Борис", "PERSON")
    assert n.text == "boris eltsin"
    assert "boris yeltsin" in n.variants
    assert normalize_name("Müller, Jürgen", "PERSON").variants == ("juergen mueller",)
