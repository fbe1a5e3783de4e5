"""Place names across languages and scripts: abbreviations, the exonym lexicon, blocking and clustering."""

from __future__ import annotations

import numpy as np
import pytest

import namerec
from namerec.blocking import candidate_pairs, name_keys
from namerec.equivalents import place_group, place_lexicon_off
from namerec.normalize import normalize_name
from namerec.records import NameRecords
from namerec.scoring.features import FEATURES, pair_features

COLUMN = {name: i for i, name in enumerate(FEATURES)}

EXAMPLE = [
    "Москва", "Moscow", "Moskva", "München", "Munich", "Muenchen", "Αθήνα", "Athens", "Athina",
    "北京", "Beijing", "Peking", "St. Petersburg", "Saint Petersburg", "Sankt-Peterburg",
    "Kiev", "Kyiv", "Київ",
]
EXPECTED = [
    {"Москва", "Moscow", "Moskva"},
    {"München", "Munich", "Muenchen"},
    {"Αθήνα", "Athens", "Athina"},
    {"北京", "Beijing", "Peking"},
    {"St. Petersburg", "Saint Petersburg", "Sankt-Peterburg"},
    {"Kiev", "Kyiv", "Київ"},
]


def _partition(names: list[str], labels: list[str]) -> list[set[str]]:
    groups: dict[str, set[str]] = {}
    for name, label in zip(names, labels):
        groups.setdefault(label, set()).add(name)
    return sorted(groups.values(), key=lambda g: sorted(g))


def test_the_example_clusters_place_by_place() -> None:
    result = namerec.reconcile(EXAMPLE, types=["LOC"] * len(EXAMPLE))
    assert _partition(EXAMPLE, result.labels) == sorted(EXPECTED, key=lambda g: sorted(g))


def test_the_example_clusters_in_any_order() -> None:
    names = EXAMPLE[::-1]
    result = namerec.reconcile(names, types=["GPE"] * len(names))
    assert _partition(names, result.labels) == sorted(EXPECTED, key=lambda g: sorted(g))


def test_more_exonyms_cluster() -> None:
    names = ["Wien", "Vienna", "Vienne", "Viena", "Köln", "Cologne", "Koeln", "Praha", "Prague", "Prag",
             "Warszawa", "Warsaw", "Varsovie", "Bombay", "Mumbai", "Calcutta", "Kolkata", "Den Haag",
             "The Hague", "'s-Gravenhage", "La Haye", "Deutschland", "Germany", "Allemagne", "Alemania"]
    labels = namerec.reconcile(names, types=["LOC"] * len(names)).labels
    expected = [{"Wien", "Vienna", "Vienne", "Viena"}, {"Köln", "Cologne", "Koeln"},
                {"Praha", "Prague", "Prag"}, {"Warszawa", "Warsaw", "Varsovie"}, {"Bombay", "Mumbai"},
                {"Calcutta", "Kolkata"}, {"Den Haag", "The Hague", "'s-Gravenhage", "La Haye"},
                {"Deutschland", "Germany", "Allemagne", "Alemania"}]
    assert _partition(names, labels) == sorted(expected, key=lambda g: sorted(g))


def test_untyped_place_names_cluster_too() -> None:
    names = ["Peking", "Beijing", "北京", "Den Haag", "The Hague", "Munich", "München"]
    labels = namerec.reconcile(names).labels
    assert _partition(names, labels) == sorted(
        [{"Peking", "Beijing", "北京"}, {"Den Haag", "The Hague"}, {"Munich", "München"}],
        key=lambda g: sorted(g),
    )


@pytest.mark.parametrize(
    ("a", "b", "type_a", "type_b"),
    [
        ("Vienna", "Venice", "LOC", "LOC"),
        ("Wien", "Venezia", "LOC", "LOC"),
        ("Georgia", "George", "LOC", "PERSON"),
        ("Paris", "Perth", "LOC", "LOC"),
        ("Austria", "Australia", "LOC", "LOC"),
        ("Sweden", "Switzerland", "LOC", "LOC"),
        ("Slovakia", "Slovenia", "LOC", "LOC"),
    ],
)
def test_different_places_stay_apart(a: str, b: str, type_a: str, type_b: str) -> None:
    labels = namerec.reconcile([a, b], types=[type_a, type_b]).labels
    assert labels[0] != labels[1]


@pytest.mark.parametrize(("a", "b"), [("Austria", "Australia"), ("Niger", "Nigeria"), ("Mali", "Malawi")])
@pytest.mark.parametrize("place_type", ["LOC", ""])
def test_look_alike_places_are_unlikely_matches(a: str, b: str, place_type: str) -> None:
    # Spelt alike, but the lexicon knows them as two places (the different_places feature).
    assert namerec.Reconciler().score_pairs([(a, b)], types=[(place_type, place_type)])[0] < 0.2


def test_a_person_named_after_a_place_is_not_the_place() -> None:
    names = ["Florence Nightingale", "Florence", "Firenze", "Florenz"]
    for person_type in ("PERSON", ""):
        result = namerec.reconcile(names, types=[person_type, "LOC", "LOC", "LOC"])
        labels = result.labels
        assert labels[0] not in labels[1:]
        assert labels[1] == labels[2] == labels[3]
    rec = namerec.Reconciler()
    assert rec.score_pairs([("Florence Nightingale", "Firenze")], types=[("", "LOC")])[0] < 0.1
    # Two persons called Florence and Firenze get no help from the place lexicon.
    records = _records([("Florence", "PERSON"), ("Firenze", "PERSON")])
    assert pair_features(records, np.array([0]), np.array([1]))[0][COLUMN["nickname"]] == 0.0


def _records(entries: list[tuple[str, str]]) -> NameRecords:
    return NameRecords.build([normalize_name(n, t) for n, t in entries], [t for _, t in entries])


def test_place_words_count_as_equivalent_words() -> None:
    records = _records([("Moskva", "LOC"), ("Moscow", "LOC"), ("Moscow", "PERSON")])
    row = pair_features(records, np.array([0]), np.array([1]))[0]
    assert row[COLUMN["nickname"]] == 1.0 and row[COLUMN["first_sim"]] >= 0.9
    assert row[COLUMN["skeleton"]] == 1.0  # typed LOC and wholly a known form: one skeleton per place
    # The same word in a person's name keeps its ordinary token, without the place group.
    assert records.token_ids[records.offsets[1]] != records.token_ids[records.offsets[2]]
    row = pair_features(records, np.array([0]), np.array([2]))[0]
    assert row[COLUMN["nickname"]] == 0.0


def test_a_known_place_still_meets_spellings_the_lexicon_lacks() -> None:
    """Only between two known places do place keys stand in for the skeletons."""
    records = _records([("Baghdad", "LOC"), ("Bagdadh", "LOC"), ("Austria", "LOC"), ("Australia", "LOC")])
    skeleton = pair_features(records, np.array([0, 2]), np.array([1, 3]))[:, COLUMN["skeleton"]]
    assert place_group("bagdadh") is None
    assert skeleton[0] >= 0.9  # a spelling the lexicon lacks: compared as spelt
    assert skeleton[1] < 0.5  # two known places: their keys, however alike the spellings


def test_features_do_not_depend_on_the_pool() -> None:
    pair = [("Florence", "LOC"), ("Firenze", "LOC")]
    alone = pair_features(_records(pair), np.array([0]), np.array([1]))
    crowded = _records([("Florence Nightingale", ""), *pair, ("Florence", "PERSON"), ("Florenz", "")])
    among_others = pair_features(crowded, np.array([1]), np.array([2]))
    np.testing.assert_array_equal(alone, among_others)


def test_place_groups_are_blocking_keys_only_where_they_apply() -> None:
    records = _records([("Peking", ""), ("Beijing", ""), ("Florence", "PERSON"), ("Firenze", "LOC")])
    keys = [set(name_keys(records, u)) for u in range(len(records))]
    group = place_group("beijing")
    assert group is not None
    place_keys = {k for k in keys[0] if k.startswith("e:")}
    assert place_keys and place_keys <= keys[1]
    assert not any(k.startswith("e:") for k in keys[2])
    left, right = candidate_pairs(records, max_block_size=50)
    assert (0, 1) in set(zip(left.tolist(), right.tolist()))



def test_a_latin_organisation_name_holds_no_reading_of_a_foreign_spelling() -> None:
    # "malt" and "rus" are readings of Arabic spellings of places, "sin" of a Hebrew one: words of a
    # Latin name are not such readings.
    from namerec.equivalents import _lexicon, organisation_places

    assert "malt" in _lexicon("arabic").group_of and "sin" in _lexicon("hebrew").group_of
    assert organisation_places(("malt", "industries")) == frozenset()
    assert organisation_places(("sin", "corporation"), "latin") == frozenset()
    sberbank = normalize_name("Сбербанк Россия", "ORG")
    assert organisation_places(sberbank.tokens, sberbank.script) == {place_group("russia")}


def test_a_name_meets_the_readings_of_its_own_script_only() -> None:
    from namerec.equivalents import place_match

    cairo = place_group("cairo")
    assert place_match(normalize_name("القاهرة", "LOC"), "LOC").whole == cairo
    assert place_match(normalize_name("Κάιρο", "LOC"), "LOC").whole == cairo
    assert place_match(normalize_name("東京", "LOC"), "LOC").whole == place_group("tokyo")
    assert place_match(normalize_name("トウキョウ", "LOC"), "LOC").whole == place_group("tokyo")  # kana
    # "sin" is the reading of a Hebrew spelling of China; a Latin "Sin" is not China in namerec's
    # lexicon (untyped here: typed as a place, the gazetteer has it, as some languages' name of China).
    assert place_match(normalize_name("סין", "LOC"), "LOC").whole == place_group("china")
    assert place_match(normalize_name("Sin"), "").whole is None


# Places the lexicon does not know, matched by spelling and transliteration alone.
UNKNOWN_PLACES = [
    {"Chania", "Hania", "Khania", "Χανιά"},
    {"Gwangju", "Kwangju", "광주"},
    {"Daegu", "Taegu", "대구"},
    {"Yaroslavl", "Jaroslawl", "Ярославль"},
    {"Khabarovsk", "Chabarowsk", "Хабаровск"},
    {"Volos", "Βόλος"},
]


@pytest.mark.parametrize("scaled_for_places", [True, False])
def test_places_the_lexicon_does_not_know_cluster_across_spellings_and_scripts(scaled_for_places):
    from namerec.scoring.model import shipped_weights

    names = sorted(set().union(*UNKNOWN_PLACES))
    assert all(place_group(normalize_name(n, "LOC").text) is None for n in names)
    weights = shipped_weights()
    if not scaled_for_places:  # as before place pairs had a scaling of their own
        weights = weights.model_copy(update={"place_pool_scaling": None})
    # The gazetteer knows these cities: switched off with the lexicon, they are matched by spelling.
    with place_lexicon_off():
        result = namerec.reconcile(names, types=["LOC"] * len(names), config=namerec.Config(scorer=weights))
    found = {}
    for name, label in zip(names, result.labels):
        found.setdefault(label, set()).add(name)
    if scaled_for_places:
        assert sorted(found.values(), key=sorted) == sorted(UNKNOWN_PLACES, key=sorted)
    else:
        assert sorted(found.values(), key=sorted) != sorted(UNKNOWN_PLACES, key=sorted)


_UNTYPED_TOWNS = ["Hrodna", "Grodno", "Гродно", "Zaporizhzhia", "Zaporozhye", "Запоріжжя", "Ivano-Frankivsk",
                  "Stanislav"]


def test_an_untyped_list_of_places_is_matched_as_places_and_keeps_its_types():
    result = namerec.reconcile(_UNTYPED_TOWNS)
    labels = result.labels
    assert labels[0] == labels[1] == labels[2]  # the gazetteer knows Hrodna's forms
    assert labels[6] == labels[7]  # and Ivano-Frankivsk's former name
    assert labels[0] != labels[3]
    assert {entity.type for entity in result.entities} == {""}


def test_untyped_places_never_leaves_untyped_names_to_their_spelling():
    labels = namerec.reconcile(_UNTYPED_TOWNS, config=namerec.Config(untyped_places="never")).labels
    assert labels[6] != labels[7]


def test_a_list_of_people_is_no_list_of_places_though_some_names_are_places():
    from namerec.equivalents import reads_as_place_list
    from namerec.normalize import normalize_name

    people = ["Florence Nightingale", "Jordan", "Paris Hilton", "Max Bergmann", "Georgia O'Keeffe", "Chad"]
    assert not reads_as_place_list([normalize_name(name) for name in people])
    assert reads_as_place_list([normalize_name(name) for name in _UNTYPED_TOWNS])
