"""The place gazetteer (namerec.gazetteer) and how names typed as places use it (namerec.equivalents)."""

from __future__ import annotations

import random

import namerec
from namerec.equivalents import (
    GAZETTEER_GROUP_BASE,
    form_readings,
    place_group,
    place_key,
    place_lexicon_off,
    place_match,
)
from namerec.gazetteer import DOMINANCE, TERRITORY_POPULATION, form_owners, gazetteer_places
from namerec.normalize import normalize_name


def _whole(name: str, entity_type: str = "LOC") -> int | None:
    return place_match(normalize_name(name, entity_type), entity_type).whole


def _cities():
    return [place for place in gazetteer_places() if not place.is_territory]


def test_territories_come_first_then_cities_most_populous_first() -> None:
    places = gazetteer_places()
    territories = [place for place in places if place.is_territory]
    assert 250 < len(territories) < 300 and places[: len(territories)] == tuple(territories)
    assert all(place.population == TERRITORY_POPULATION for place in territories)
    cities = _cities()
    assert len(cities) > 30_000
    populations = [city.population for city in cities]
    assert populations == sorted(populations, reverse=True)
    assert all(place.latin for place in places)
    munich = next(city for city in cities if city.latin[0] == "munich")
    assert {"muenchen", "monaco di baviera"} <= set(munich.latin)
    assert "Мюнхен" in {written.form for written in munich.written}
    germany = next(place for place in territories if place.ident == "cldr:DE")
    assert germany.latin[0] == "germany" and {"allemagne", "almanya", "niemcy"} <= set(germany.latin)
    assert {"Германия", "ドイツ", "ጀርመን"} <= {written.form for written in germany.written}


def test_stored_forms_are_what_the_normaliser_makes_of_them_now() -> None:
    # The file stores Latin forms normalised and the readings of the other forms; when the normaliser
    # changes, scripts/build_place_gazetteer.py must be run again, and this test says so.
    places = random.Random(0).sample(gazetteer_places(), 300)
    for place in places:
        for text in place.latin:
            assert normalize_name(text, "LOC").text == text
        for written in place.written:
            primary, others = form_readings(written.form)
            assert written.readings == (primary, *others), written.form


def test_a_form_stands_for_a_city_that_dominates_the_others_that_have_it() -> None:
    populations = [1_000_000, int(1_000_000 / DOMINANCE), int(1_000_000 / DOMINANCE) + 1, 5]
    owners = form_owners({"a": [0, 1], "b": [0, 2], "c": [3], "d": [2, 2]}, populations)
    assert owners == {"a": 0, "c": 3, "d": 2}


def test_a_city_is_one_place_across_languages_and_scripts() -> None:
    munich = _whole("Munich")
    assert munich is not None
    assert munich == place_group("munich")  # a place of namerec's own lexicon: the city joins it
    for form in ("München", "Muenchen", "Monaco di Baviera", "Мюнхен", "ミュンヘン", "מינכן"):
        assert _whole(form) == munich, form
    chemnitz = _whole("Chemnitz")
    assert chemnitz is not None and chemnitz >= GAZETTEER_GROUP_BASE  # not in namerec's lexicon
    assert _whole("Karl-Marx-Stadt") == _whole("Хемниц") == chemnitz


def test_a_city_whose_english_name_is_no_form_of_the_lexicons_place_still_joins_it() -> None:
    # GeoNames writes Basrah; namerec's lexicon has Basra, with three of the city's other forms.
    assert _whole("Basrah") == _whole("Basra") == place_group("basra")
    assert _whole("Al-Basrah") == _whole("البصرة") == place_group("basra")


def test_only_names_typed_as_places_are_read_as_the_gazetteers_cities() -> None:
    # Eugene, Oregon: a city, and a man's name.
    assert _whole("Eugene") is not None
    assert _whole("Eugene", "PERSON") is None
    assert place_match(normalize_name("Eugene"), "").whole is None
    assert place_match(normalize_name("Karl-Marx-Stadt"), "").whole is None  # untyped


def test_cities_that_share_a_name_keep_apart() -> None:
    places = gazetteer_places()
    springfields = [index for index, place in enumerate(places) if place.latin[0] == "springfield"]
    assert len(springfields) >= 3
    assert _whole("Springfield") is None  # no Springfield dominates the others
    keys = {place_key(GAZETTEER_GROUP_BASE + index) for index in springfields}
    assert len(keys) == len(springfields)


def test_the_lexicon_switched_off_can_keep_the_gazetteer() -> None:
    with place_lexicon_off():
        assert _whole("Aachen") is None
        assert _whole("Deutschland") is None
    with place_lexicon_off(keep_gazetteer=True):
        assert _whole("Aachen") == _whole("Aix-la-Chapelle") is not None  # a city of both
        assert _whole("Deutschland") == _whole("Niemcy") != place_group("germany")  # a CLDR territory
        assert _whole("Donau") is None  # a river: namerec's own lexicon only
    assert _whole("Deutschland") == place_group("germany") == _whole("Almanya") == _whole("ጀርመን")
    assert _whole("Donau") == place_group("danube")


def test_a_pool_of_places_typed_loc_clusters_by_the_gazetteer() -> None:
    places = [
        {"Bydgoszcz", "Bromberg", "Быдгощ"},
        {"Daugavpils", "Dvinsk", "Dünaburg", "Даугавпилс"},
        {"Chemnitz", "Karl-Marx-Stadt", "Хемниц"},
    ]
    names = sorted(set().union(*places))
    result = namerec.reconcile(names, types=["LOC"] * len(names))
    found: dict[int, set[str]] = {}
    for name, label in zip(names, result.labels):
        found.setdefault(label, set()).add(name)
    assert sorted(found.values(), key=sorted) == sorted(places, key=sorted)
    # Untyped, the same names are matched by their spellings alone: Chemnitz is not Karl-Marx-Stadt.
    untyped = namerec.reconcile(names)
    label = dict(zip(names, untyped.labels))
    assert label["Chemnitz"] != label["Karl-Marx-Stadt"] and label["Bydgoszcz"] != label["Bromberg"]


def test_the_module_examples_hold() -> None:
    import doctest

    import namerec.gazetteer

    assert doctest.testmod(namerec.gazetteer).failed == 0


def test_a_kind_of_place_as_type_reads_names_as_places_and_is_kept_as_given() -> None:
    names = ["Bydgoszcz", "Bromberg", "Быдгощ", "Chemnitz", "Karl-Marx-Stadt"]
    result = namerec.reconcile(names, types=["City"] * len(names))
    labels = result.labels
    assert labels[0] == labels[1] == labels[2] != labels[3] == labels[4]
    assert {entity.type for entity in result.entities} == {"City"}


def test_a_place_qualified_by_its_country_is_that_place() -> None:
    assert _whole("Paris, France") == _whole("Париж") == place_group("paris")
    assert _whole("Bydgoszcz, Poland") == _whole("Bromberg")
    assert _whole("Paris, Texas") is None  # Texas is no country: the words keep their groups
    assert _whole("Georgia, USA") is None  # two countries (the state is meant)
    names = ["Paris, France", "Париж", "Paris, Texas", "Lyon, France", "France"]
    labels = namerec.reconcile(names, types=["LOC"] * len(names)).labels
    assert labels[0] == labels[1] and len({labels[0], *labels[2:]}) == 4


def test_no_form_of_two_letters_or_fewer_stands_for_a_place_but_its_own_name() -> None:
    # "al" (Halle, read from another script) would make the Arabic article a place; NY, LA, HK too.
    assert all(len(form) > 2 for place in gazetteer_places() for form in place.latin[1:])
    assert place_match(normalize_name("al suira", "LOC"), "LOC").token_groups[0] == 0  # no place
