"""The contract of namerec.reconcile: labels, ids, partitions, blanks, types, canonical names, goldens."""

from __future__ import annotations

import random
from collections import Counter

import pytest

import namerec
from namerec import InputError
from namerec.entity_types import canonical_type
from namerec.pipeline import score_units
from namerec.two_people import _slavic_masculine_forms

POOL = [
    "Max Bergman", "Max Bergmann", "Ingrid Bergman", "Bergman",
    "Jon Smith", "John Smith", "J. Smith", "Jane Smith",
    "Зеленский", "Zelenskiy", "Volodymyr Zelensky",
    "Acme Widgets Ltd", "ACME WIDGETS LIMITED", "Acme Ltd",
    "Hans Müller", "Hans Mueller", "Katherine Johnson", "Catherine Johnson",
    "", None, float("nan"), "   ", "Max Bergmann",
]
# Names with several readings (Cyrillic romanisations, umlauts), so that re-reading has work to spread.
READINGS_POOL = [
    "Юлия Тимошенко", "Yulia Tymoshenko", "Yuliya Timoshenko", "Jürgen Möller", "Juergen Moeller",
    "Мария Захарова", "Maria Zakharova", "Зеленський", "Сергей Лавров", "Sergei Lavrov", "Sergey Lavrov",
]


def _groups(names, labels) -> list[list[int]]:
    by_label: dict[str, list[int]] = {}
    for index, label in enumerate(labels):
        by_label.setdefault(label, []).append(index)
    return sorted(by_label.values())


def _together(names, *wanted, types=None) -> bool:
    labels = namerec.reconcile(names, types=types).labels
    return len({labels[names.index(w)] for w in wanted}) == 1


def _apart(names, a, b, types=None) -> bool:
    labels = namerec.reconcile(names, types=types).labels
    return labels[names.index(a)] != labels[names.index(b)]


def _shape(result) -> list[tuple[str, tuple[str, ...]]]:
    """Order-free view of a result: each entity id with its members' names (as text)."""
    return sorted(
        (e.id, tuple(sorted(repr(m.name) for m in e.members))) for e in result.entities
    )


# -- labels and entities ----------------------------------------------------------------------

def test_one_label_per_input_in_input_order():
    result = namerec.reconcile(POOL)
    assert len(result.labels) == len(POOL)
    for index, label in enumerate(result.labels):
        entity = result.entity_of(index)
        assert entity.id == label
        assert index in {m.index for m in entity.members}


def test_labels_are_nonempty_strings():
    result = namerec.reconcile(POOL)
    assert all(isinstance(label, str) and label for label in result.labels)


def test_entities_partition_the_input():
    result = namerec.reconcile(POOL)
    indices = [m.index for e in result.entities for m in e.members]
    assert sorted(indices) == list(range(len(POOL)))
    assert len({e.id for e in result.entities}) == len(result.entities)
    for entity in result.entities:
        assert entity.members, "an entity without members"
        for member in entity.members:
            assert result.labels[member.index] == entity.id


def test_members_keep_the_input_string():
    names = ["  Max  Bergmann ", "MAX BERGMANN"]
    result = namerec.reconcile(names)
    for entity in result.entities:
        for member in entity.members:
            assert member.name == names[member.index]


def test_empty_input():
    result = namerec.reconcile([])
    assert result.labels == [] and result.entities == []


def test_accepts_any_sequence():
    assert namerec.reconcile(("Max Bergman", "Max Bergmann")).labels == namerec.reconcile(
        ["Max Bergman", "Max Bergmann"]
    ).labels


# -- determinism and order independence --------------------------------------------------------

def test_deterministic_across_runs():
    assert namerec.reconcile(POOL) == namerec.reconcile(POOL)


@pytest.mark.parametrize("seed", range(5))
def test_ids_and_partition_do_not_depend_on_input_order(seed):
    base = namerec.reconcile(POOL)
    order = list(range(len(POOL)))
    random.Random(seed).shuffle(order)
    shuffled_names = [POOL[i] for i in order]
    shuffled = namerec.reconcile(shuffled_names)
    # The same entities with the same ids and the same members (as names).
    assert _shape(shuffled) == _shape(base)
    # Every non-blank name gets the same id wherever it stands.
    for new_index, old_index in enumerate(order):
        name = POOL[old_index]
        if isinstance(name, str) and name.strip():
            assert shuffled.labels[new_index] == base.labels[old_index], name
    # Canonical names and types do not depend on order either.
    assert sorted((e.id, e.canonical, e.type) for e in shuffled.entities) == sorted(
        (e.id, e.canonical, e.type) for e in base.entities
    )


def test_ids_depend_on_content_not_on_the_rest_of_the_pool():
    alone = namerec.reconcile(["Max Bergman", "Max Bergmann"]).labels[0]
    with_others = namerec.reconcile(["Jon Smith", "Max Bergmann", "Zelenskiy", "Max Bergman"]).labels[1]
    assert alone == with_others


def test_identical_strings_share_an_entity():
    names = ["Ingrid Bergman", "Jon Smith", "Ingrid Bergman", "Ingrid Bergman"]
    labels = namerec.reconcile(names).labels
    assert labels[0] == labels[2] == labels[3]


# -- blank and missing names ------------------------------------------------------------------

def test_blank_none_and_nan_each_get_an_entity_of_their_own():
    names = ["", None, float("nan"), "   ", "\t\n", "Max Bergman", "", "\u200b", "!!!", "Max Bergmann"]
    result = namerec.reconcile(names)
    blank_rows = [0, 1, 2, 3, 4, 6, 7, 8]
    blank_labels = [result.labels[i] for i in blank_rows]
    assert len(set(blank_labels)) == len(blank_rows), "blank rows must not share an entity"
    assert not set(blank_labels) & {result.labels[5], result.labels[9]}
    for row in blank_rows:
        entity = result.entity_of(row)
        assert [m.index for m in entity.members] == [row]
        assert 0.0 <= entity.confidence <= 1.0


def test_none_and_nan_are_reported_as_blank_strings():
    result = namerec.reconcile([None, float("nan")])
    assert [result.entity_of(i).members[0].name for i in range(2)] == ["", ""]
    assert all(isinstance(m.name, str) for e in result.entities for m in e.members)


def test_only_blanks():
    result = namerec.reconcile(["", "", None])
    assert len(set(result.labels)) == 3


# -- invalid input ----------------------------------------------------------------------------

@pytest.mark.parametrize("bad", [42, 3.5, b"Max Bergman", ["Max", "Bergman"], object()])
def test_non_string_names_raise_input_error_naming_the_index(bad):
    with pytest.raises(InputError, match=r"names\[2\]"):
        namerec.reconcile(["Max Bergman", "Ingrid Bergman", bad])


def test_input_error_is_a_value_error():
    with pytest.raises(ValueError):
        namerec.reconcile([1])


def test_a_single_string_is_rejected():
    with pytest.raises(InputError):
        namerec.reconcile("Max Bergman")


@pytest.mark.parametrize("types", [["PERSON"], ["PERSON"] * 4, []])
def test_types_of_the_wrong_length_raise_input_error(types):
    with pytest.raises(InputError, match="types"):
        namerec.reconcile(["Max Bergman", "Max Bergmann", "Ingrid Bergman"], types=types)


def test_types_as_a_single_string_is_rejected():
    with pytest.raises(InputError):
        namerec.reconcile(["Max Bergman", "Max Bergmann"], types="PERSON")


# -- types ------------------------------------------------------------------------------------

def test_names_of_two_different_types_never_share_an_entity():
    names = ["Jordan", "Jordan", "Acme Widgets Ltd", "Acme Widgets Ltd", "Max Bergman", "Max Bergmann"]
    types = ["PERSON", "LOC", "ORG", "PERSON", "PERSON", "ORG"]
    result = namerec.reconcile(names, types=types)
    for entity in result.entities:
        known = {canonical_type(types[m.index]) for m in entity.members} - {""}
        assert len(known) <= 1, entity


def test_type_aliases_are_one_type():
    names = ["Acme Widgets Ltd", "ACME WIDGETS LIMITED", "Acme Widgets Limited"]
    result = namerec.reconcile(names, types=["ORG", "organization", "Company"])
    assert len(set(result.labels)) == 1
    assert result.entities[0].type == "ORG"


def test_unknown_type_is_compatible_with_any():
    result = namerec.reconcile(["Max Bergman", "Max Bergmann"], types=["PERSON", None])
    assert result.labels[0] == result.labels[1]
    assert result.entities[0].type == "PERSON"


def test_types_never_merge_even_with_a_bridge():
    # An untyped name that matches both must not bridge a PERSON and an ORG into one entity.
    names = ["Jordan Smith", "Jordan Smith", "Jordan Smith"]
    result = namerec.reconcile(names, types=["PERSON", "", "ORG"])
    assert result.labels[0] != result.labels[2]


# -- confidences ------------------------------------------------------------------------------

def test_confidences_are_probabilities():
    result = namerec.reconcile(POOL)
    for entity in result.entities:
        assert 0.0 <= entity.confidence <= 1.0
        for member in entity.members:
            assert 0.0 <= member.confidence <= 1.0


def test_clear_pairs_are_confident():
    result = namerec.reconcile(["Max Bergmann", "Max Bergmann", "Max Bergman", "Ingrid Bergman"])
    assert result.entity_of(0).confidence >= 0.8
    assert result.entity_of(3).confidence >= 0.8


# -- canonical names --------------------------------------------------------------------------

def test_canonical_is_the_most_complete_form():
    names = ["M. Bergmann", "BERGMANN", "Max Bergmann", "max bergmann"]
    result = namerec.reconcile(names)
    assert len(set(result.labels)) == 1
    entity = result.entities[0]
    assert entity.canonical == "Max Bergmann"
    assert entity.canonical_reason


@pytest.mark.parametrize("seed", range(4))
def test_canonical_does_not_depend_on_order(seed):
    names = ["Catherine Johnson", "Katherine Johnson", "M. Bergmann", "Max Bergmann", "MAX BERGMANN"]
    expected = {e.canonical for e in namerec.reconcile(names).entities}
    random.Random(seed).shuffle(names)
    assert {e.canonical for e in namerec.reconcile(names).entities} == expected


def test_canonical_ties_break_on_frequency_then_lexicographically():
    # Same completeness, same form, same number of letters: the more frequent spelling wins ...
    result = namerec.reconcile(["Catherine Johnson", "Katherine Johnson", "Katherine Johnson"])
    assert [e.canonical for e in result.entities] == ["Katherine Johnson"]
    # ... and with equal counts the lexicographically smallest normalised form.
    for names in (["Katherine Johnson", "Catherine Johnson"], ["Catherine Johnson", "Katherine Johnson"]):
        assert [e.canonical for e in namerec.reconcile(names).entities] == ["Catherine Johnson"]


@pytest.mark.parametrize("types", [["LOC"] * 8, None])
def test_a_known_place_is_named_by_its_own_name(types):
    names = ["Monaco di Baviera", "München", "Мюнхен", "Munich", "Warszawa", "Varsovie", "Варшава", "Warsaw"]
    result = namerec.reconcile(names, types=types)
    assert sorted(e.canonical for e in result.entities) == ["Munich", "Warsaw"]


def test_a_bare_place_word_beside_a_person_does_not_name_the_person():
    result = namerec.reconcile(["Chad Smith", "Chad Smith", "Chad"])
    assert {e.canonical for e in result.entities} <= {"Chad Smith", "Chad"}
    assert result.entities[0].canonical == "Chad Smith"


def test_canonical_is_one_of_the_members():
    result = namerec.reconcile(POOL)
    for entity in result.entities:
        assert entity.canonical in {m.name for m in entity.members}


# -- awkward strings --------------------------------------------------------------------------

def test_awkward_strings_are_processed():
    names = [
        "x" * 10_000,
        "Max " + "Bergmann" * 1250,
        "Max\x00 Berg\x07mann\x1b",
        "\U0001F600 Max Bergmann \U0001F680",
        "\U0001F600\U0001F600",
        "Иван Petrov 王小明",
        "Ολυμπία Παπαδοπούλου",
        "محمد علي",
        "\u202eMax Bergmann\u202c",
        "Max\u00a0Bergmann",
        "Max Bergmann",
    ]
    result = namerec.reconcile(names)
    assert len(result.labels) == len(names)
    assert sorted(m.index for e in result.entities for m in e.members) == list(range(len(names)))
    # Controls, invisible marks and emoji do not hide the name.
    assert result.labels[2] == result.labels[10]
    assert result.labels[3] == result.labels[10]
    assert result.labels[9] == result.labels[10]


def test_long_name_scores_within_range():
    rec = namerec.Reconciler()
    assert 0.0 <= rec.score("x" * 10_000, "x" * 9_999) <= 1.0


# -- golden cases -----------------------------------------------------------------------------

def test_golden_spelling_variant_of_a_given_name():
    assert _together(["Jon Smith", "John Smith", "Ingrid Bergman"], "Jon Smith", "John Smith")


def test_golden_one_letter_surname_variant_but_not_a_relative():
    names = ["Max Bergmann", "Max Bergman", "Ingrid Bergman"]
    assert _together(names, "Max Bergmann", "Max Bergman")
    assert _apart(names, "Max Bergman", "Ingrid Bergman")
    assert _apart(names, "Max Bergmann", "Ingrid Bergman")


@pytest.mark.parametrize(("man", "woman"), [("Paul Smith", "Paula Smith"), ("Robert Kane", "Roberta Kane"),
                                          ("Mario Rossi", "Maria Rossi")])
def test_golden_a_man_and_a_woman_of_one_family_stay_apart(man: str, woman: str):
    # One letter apart, but a man's and a woman's form of one given name.
    names = [man, woman, "Paul Smyth"]
    assert _apart(names, man, woman)


def test_golden_a_nickname_of_both_does_not_join_a_man_and_a_woman():
    # "Sasha" is a nickname of Alexander and of Alexandra: each Sasha goes with the family name's
    # form of its own gender, and the man and the woman never share an entity.
    names = ["Alexander Petrov", "Sasha Petrov", "Alexandra Petrova", "Sasha Petrova",
             "Александр Петров", "Александра Петрова"]
    assert _together(names, "Alexander Petrov", "Sasha Petrov")
    assert _together(names, "Alexandra Petrova", "Sasha Petrova")
    assert _together(names, "Alexander Petrov", "Александр Петров")
    assert _apart(names, "Alexander Petrov", "Alexandra Petrova")
    assert _apart(names, "Sasha Petrov", "Sasha Petrova")


def test_golden_relatives_stay_apart_with_types():
    names = ["Max Bergmann", "Max Bergman", "Ingrid Bergman"]
    assert _apart(names, "Max Bergman", "Ingrid Bergman", types=["PERSON"] * 3)


def test_golden_cyrillic_and_latin_spellings():
    assert _together(["Зеленский", "Zelenskiy"], "Зеленский", "Zelenskiy")
    names = ["Владимир Зеленский", "Volodymyr Zelenskyy", "Vladimir Zelensky"]
    assert _together(names, *names)


def test_golden_transliteration_of_a_full_name():
    assert _together(["Ivan Petrov", "Иван Петров"], "Ivan Petrov", "Иван Петров")


def test_golden_organisation_legal_forms():
    names = ["Acme Widgets Ltd", "ACME WIDGETS LIMITED", "Acme Widgets Limited"]
    assert _together(names, *names)
    assert _together(names, *names, types=["ORG"] * 3)


def test_golden_diacritics_and_their_ascii_spellings():
    names = ["Hans Müller", "Hans Mueller", "Hans Muller"]
    assert _together(names, *names)


def test_golden_nickname():
    assert _together(["William Gates", "Bill Gates"], "William Gates", "Bill Gates")


def test_golden_surname_first_order():
    assert _together(["Smith, John", "John Smith"], "Smith, John", "John Smith")


def test_golden_title_dropped():
    assert _together(["Dr. Jane Doe", "Jane Doe"], "Dr. Jane Doe", "Jane Doe")


def test_golden_different_people_with_one_surname():
    names = ["John Smith", "Robert Brown", "Alice Smith"]
    assert _apart(names, "John Smith", "Alice Smith")
    assert _apart(names, "John Smith", "Robert Brown")


def test_golden_chain_of_surnames_is_not_one_entity():
    names = ["Bergman", "Bergmann", "Berman", "Herman"]
    labels = namerec.reconcile(names).labels
    assert len(set(labels)) > 1
    assert labels[0] == labels[1]
    assert labels[0] != labels[3]


@pytest.mark.xfail(
    reason="a shared given name outweighs clearly different surnames: score('Max Bergman', 'Max Herman') "
    "is about 0.94 with the shipped weights, so average linkage merges the whole chain into one entity",
    strict=True,
)
def test_golden_chain_of_full_names_is_not_one_entity():
    names = ["Max Bergman", "Max Bergmann", "Max Berman", "Max Herman"]
    labels = namerec.reconcile(names).labels
    assert labels[0] == labels[1]
    assert labels[0] != labels[3]


@pytest.mark.xfail(
    reason="a one-letter difference in a short, common surname with a shared given name scores high: "
    "score('Tom Hanks', 'Tom Banks') is about 0.94 with the shipped weights",
    strict=True,
)
def test_golden_different_surnames_one_letter_apart():
    assert _apart(["Tom Hanks", "Tom Banks"], "Tom Hanks", "Tom Banks")


@pytest.mark.xfail(
    reason="John and Jane share phonetic codes, so given_conflict is not set and the veto never fires; "
    "score('John Smith', 'Jane Smith') is about 0.64 with the shipped weights, above the 0.5 threshold",
    strict=True,
)
def test_golden_different_given_names_with_a_shared_phonetic_code():
    assert _apart(["John Smith", "Jane Smith"], "John Smith", "Jane Smith")


@pytest.mark.xfail(
    reason="score('Acme Widgets Ltd', 'Acme Gadgets Ltd') is about 0.85: the multi-word model learned "
    "from typo-heavy data that one changed word is a typo; generated organisation negatives fixed it but "
    "cost 6 points of B-cubed F1 on patstat_orgs, so they were not shipped",
    strict=True,
)
def test_golden_sister_companies_stay_apart():
    names = ["Acme Widgets Ltd", "Acme Gadgets Ltd"]
    assert _apart(names, *names, types=["ORG", "ORG"])


def test_golden_partial_name_attaches_only_when_unambiguous():
    # One Max Bergmann: the bare surname is his.
    names = ["Max Bergmann", "Max Bergman", "Bergmann"]
    assert _together(names, *names)
    # Max and Ingrid: a bare "Bergman" could be either, so it stays apart from both.
    names = ["Max Bergmann", "Ingrid Bergman", "Bergman"]
    labels = namerec.reconcile(names).labels
    assert labels[2] not in (labels[0], labels[1])


def test_partial_names_separate_keeps_one_word_names_apart():
    config = namerec.Config(partial_names="separate")
    labels = namerec.reconcile(["Max Bergmann", "Max Bergman", "Bergmann"], config=config).labels
    assert labels[0] == labels[1] != labels[2]


def test_golden_initial_joins_its_full_name():
    names = ["J. Smith", "John Smith", "Jon Smith"]
    assert _together(names, *names)


def test_higher_threshold_never_merges_more():
    names = [n for n in POOL if isinstance(n, str)]
    loose = Counter(namerec.reconcile(names, config=namerec.Config(match_threshold=0.3)).labels)
    strict = Counter(namerec.reconcile(names, config=namerec.Config(match_threshold=0.95)).labels)
    assert len(strict) >= len(loose)


@pytest.mark.xfail(
    reason="a name whose letters anyascii cannot romanise (here CJK Extension B ideographs) is left "
    "blank by normalisation, and every blank row becomes its own entity, so two identical "
    "non-blank strings get two entities",
    strict=True,
)
def test_identical_names_in_rare_script_share_an_entity():
    name = "\U0002144B\U0002144B"  # two CJK Extension B ideographs with no romanisation in anyascii
    labels = namerec.reconcile([name, name]).labels
    assert labels[0] == labels[1]


@pytest.mark.parametrize("module, chunk, threshold", [
    ("namerec.pipeline", "_SCORE_CHUNK", "_PARALLEL_PAIRS"),  # pair scoring
    ("namerec.pipeline", "_NORMALIZE_CHUNK", "_PARALLEL_NAMES"),  # normalisation
    ("namerec.pipeline", "_ENTITY_CHUNK", "_PARALLEL_NAMES"),  # entity ids and canonical names
    ("namerec.blocking", "_KEY_CHUNK", "_PARALLEL_UNITS"),  # blocking keys
    ("namerec.scoring.readings", "_CHUNK", "_PARALLEL_COMBINATIONS"),  # re-reading with variants
])
def test_work_spread_over_processes_gives_the_same_result(monkeypatch, module, chunk, threshold):
    """Large pools spread work over forked workers; the result must not depend on it."""
    import importlib

    spread = importlib.import_module(module)
    pool = POOL * 3 + READINGS_POOL
    serial = namerec.reconcile(pool)
    monkeypatch.setattr(spread, chunk, 4)
    monkeypatch.setattr(spread, threshold, 1)
    monkeypatch.setattr(spread, "default_workers", lambda: 2)
    parallel = namerec.reconcile(pool)
    assert parallel.labels == serial.labels
    assert [e.model_dump() for e in parallel.entities] == [e.model_dump() for e in serial.entities]


def test_an_acronym_joins_its_expansion_unless_two_expansions_claim_it() -> None:
    names = ["IBM", "International Business Machines", "CSIS",
             "Center for Strategic and International Studies"]
    labels = namerec.reconcile(names, types=["ORG"] * 4).labels
    assert labels[0] == labels[1] != labels[2] == labels[3]
    assert namerec.Reconciler().score("IBM", "International Business Machines") == pytest.approx(0.8)
    assert namerec.Reconciler().score("JS", "John Smith") < 0.5  # two initials: too easily a person's
    explanation = namerec.Reconciler().explain("NATO", "North Atlantic Treaty Organization")
    assert explanation.probability == pytest.approx(0.8) and "acronym" in explanation.summary
    # Two organisations with the same initials: the acronym could be either, so it stays apart.
    rivals = ["CIA", "Central Intelligence Agency", "Culinary Institute of America"]
    labels = namerec.reconcile(rivals, types=["ORG"] * 3).labels
    assert len(set(labels)) == 3


def test_an_untyped_list_mixing_name_orders_reconciles_them():
    # "Surname, Given" (a comma, then a given name or an initial) is read as a person, untyped
    names = ["SMITH, John A.", "John A. Smith", "Paris, France", "Park Chung-hee", "Chung-hee Park"]
    labels = namerec.reconcile(names).labels
    assert labels[0] == labels[1]
    assert labels[3] == labels[4]
    assert len({labels[0], labels[2], labels[3]}) == 3


def test_a_bare_surname_joins_the_only_person_with_it_not_a_look_alike() -> None:
    names = ["Richard Slater", "Dick Slater", "Arthur Salter", "Art Salter", "Slater"]
    labels = namerec.reconcile(names, types=["PERSON"] * len(names)).labels
    assert labels[4] == labels[0] == labels[1] != labels[2]


def test_lone_word_in_marks_a_word_and_a_longer_name_ending_in_it() -> None:
    import numpy as np

    from namerec.normalize import normalize_name
    from namerec.pipeline import lone_word_in
    from namerec.records import NameRecords

    texts = ["slater", "richard slater", "arthur salter", "slater richard", "slater", "richard"]
    records = NameRecords.build([normalize_name(t) for t in texts], [""] * len(texts))
    left, right = np.array([0, 0, 0, 1, 2, 4, 5]), np.array([1, 2, 3, 2, 3, 1, 1])
    # Only the last word counts (the family name), and only between a lone word and a longer name.
    assert lone_word_in(records, left, right).tolist() == [True, False, False, False, False, True, False]


def test_place_word_among_marks_a_lone_place_and_a_longer_one_with_its_word() -> None:
    import numpy as np

    from namerec.normalize import normalize_name
    from namerec.pipeline import place_word_among
    from namerec.records import NameRecords

    texts = ["guangdong", "guangdong province", "west guangdong hills", "guangxi province", "guangdong"]
    types = ["LOC", "LOC", "LOC", "LOC", ""]
    records = NameRecords.build([normalize_name(t, ty) for t, ty in zip(texts, types)], types)
    left, right = np.array([0, 0, 2, 0, 1, 4]), np.array([1, 2, 0, 3, 2, 1])
    # Any word of the longer name counts, between two names typed as places, one of them one word.
    assert place_word_among(records, left, right).tolist() == [True, True, True, False, False, False]
    # Guangdong and Guangdong Province in a list are one place; Guangxi Province is another.
    names = ["Guangdong", "Kwangtung", "Guangdong Province", "广东省", "Guangxi Province"]
    labels = namerec.reconcile(names, types=["LOC"] * len(names)).labels
    assert labels[0] == labels[2] == labels[3] != labels[4]


def test_slavic_family_names_masculine_forms():
    strings = ["petrova", "petrov", "kowalska", "kowalski", "novakova", "novak", "tolstaya", "tolstoy",
               "smith", "smitha", "anna", "ann"]
    masculine = _slavic_masculine_forms(strings, range(len(strings)))
    found = {(strings[woman], strings[man]) for woman, man in masculine.items()}
    assert found == {("petrova", "petrov"), ("kowalska", "kowalski"), ("novakova", "novak"),
                     ("tolstaya", "tolstoy")}


def test_bare_nicknames_join_in_a_list_of_given_names():
    names = ["William", "Bill", "Margaret", "Peggy"]
    for config in (None, namerec.Config(bare_nicknames="join")):
        joined = namerec.reconcile(names, config=config).labels
        assert joined[0] == joined[1] and joined[2] == joined[3] and joined[0] != joined[2]
    apart = namerec.reconcile(names, config=namerec.Config(bare_nicknames="apart")).labels
    assert apart[0] != apart[1] and apart[2] != apart[3]


def test_bare_nicknames_stay_apart_by_default_in_a_list_of_people():
    names = ["William", "Bill", "Ada Lovelace", "Charles Babbage", "Mary Somerville", "Alan Turing"]
    assert _apart(names, "William", "Bill")


def test_a_list_reads_as_given_names_when_most_names_are_one_known_given_name():
    from namerec.pipeline import joins_bare_nicknames

    def reads(names, mode="auto"):
        records = score_units(names, [""] * len(names), namerec.Config(), None).records
        return joins_bare_nicknames(mode, records)

    assert reads(["William", "Bill", "Margaret", "Peggy"])
    assert not reads(["William", "Bill", "Ada Lovelace", "Charles Babbage", "Mary Somerville"])
    assert not reads(["berthelot", "бертло", "chitose", "титосэ", "bill", "билл"])  # mostly not given names
    assert reads(["Александр", "Саша", "Мария", "Маша"])  # given names in another script
    places = ["Florence", "Georgia", "Victoria", "Charlotte"]  # one-word names typed as places
    assert not joins_bare_nicknames("auto", score_units(places, ["LOC"] * 4, namerec.Config(), None).records)
    assert reads(["Ada Lovelace"], "join") and not reads(["Bill", "Will"], "apart")



def test_a_bare_given_name_and_its_other_gender_form_stay_apart_whatever_nicknames_they_share():
    names = ["Alexander", "Alexandra", "Sasha", "Alex", "Robert", "Roberta", "Bob", "William", "Bill"]
    labels = namerec.reconcile(names).labels
    assert labels[0] != labels[1]
    assert labels[4] != labels[5]


def test_a_gendered_pair_the_lexicons_make_one_name_is_no_veto():
    import numpy as np

    from namerec.normalize import normalize_name
    from namerec.records import NameRecords
    from namerec.two_people import bare_gendered_forms

    names = ["Andre", "Andrea", "Alexander", "Alexandra"]
    records = NameRecords.build([normalize_name(n, "") for n in names], [""] * len(names))
    unit = {text: u for u, text in enumerate(records.texts)}
    left = np.array([unit["andre"], unit["alexander"]])
    right = np.array([unit["andrea"], unit["alexandra"]])
    # Andrea is also a man's name (Italian Andrew): the lexicons make the two one name.
    assert bare_gendered_forms(records, left, right).tolist() == [False, True]


def test_siblings_of_one_double_family_name_a_man_and_a_woman_stay_apart():
    names = ["Gabriel García Márquez", "Gabriel Garcia Marquez", "Aída García Márquez", "Aida Garcia Marquez"]
    labels = namerec.reconcile(names).labels
    assert labels[0] == labels[1] and labels[2] == labels[3]
    assert labels[0] != labels[2]


def test_a_man_and_a_woman_whose_names_the_lexicons_make_one_are_no_veto():
    import numpy as np

    from namerec.normalize import normalize_name
    from namerec.records import NameRecords
    from namerec.two_people import opposite_genders

    names = ["Alexey Smith", "Lesha Smith", "Alexander Smith", "Elsie Smith", "Jean Smith", "Joan Smith"]
    records = NameRecords.build([normalize_name(n, "") for n in names], [""] * len(names))
    unit = {text.split()[0]: u for u, text in enumerate(records.texts)}
    left = np.array([unit["alexey"], unit["alexander"], unit["alexander"], unit["joan"]])
    right = np.array([unit["lesha"], unit["elsie"], unit["jean"], unit["elsie"]])
    # Lesha, listed as a woman's name, is a Russian pet form of Alexey; Jean and Joan are borne by
    # men and women alike.
    assert opposite_genders(records, left, right).tolist() == [False, True, False, False]


def test_a_father_and_a_son_of_one_name_stay_apart_and_the_bare_name_is_ambiguous():
    names = ["John Smith Jr.", "John Smith, Jr.", "John Smith Sr.", "John Smith",
             "Ken Griffey Jr.", "Ken Griffey"]
    result = namerec.reconcile(names)
    labels = result.labels
    assert labels[0] == labels[1]
    assert len({labels[0], labels[2], labels[3]}) == 3  # the bare name could be either, or neither
    assert labels[4] == labels[5]  # with only one generation in the list, the bare name joins it
    reconciler = namerec.Reconciler()
    assert reconciler.score("John Smith Jr.", "John Smith Sr.") <= 0.02
    assert "generational suffixes" in reconciler.explain("John Smith Jr.", "John Smith Sr.").summary
    assert reconciler.score("John Smith Jr.", "John Smith") > 0.9


def test_names_alike_but_for_a_clearly_different_last_word_are_two_people():
    reconciler = namerec.Reconciler()
    first, second = "Ayman Sabawi Ibrahim Hasan al-Tikriti", "Ayman Sabawi Ibrahim Hasan al-Dulaimi"
    assert reconciler.score(first, second) <= 0.1
    assert reconciler.score("Juan Garcia", "Juan Lopez") <= 0.01
    # Another spelling of a word before the last is still the same word.
    assert reconciler.score("Aiman Sabawi Ibrahim Hassan al-Tikriti", second) <= 0.1
    summary = reconciler.explain(first, second).summary
    assert "clearly different last words" in summary and "patronymics" not in summary
    # A typo, or another romanisation of the family name, is no different last word.
    assert reconciler.score(first, "Ayman Sabawi Ibrahim Hasan al-Tikrity") > 0.5
    assert reconciler.score("Wen Hsu", "Wen Xu") > 0.5
    # In a list the two stay apart, while the first name written in capitals joins it.
    labels = namerec.reconcile([first, second, first.upper(), "Ayman Hasan al-Tikriti"]).labels
    assert labels[0] == labels[2] != labels[1]


def test_the_last_word_rule_needs_every_other_word_alike_and_as_many_words():
    import numpy as np

    from namerec.normalize import normalize_name
    from namerec.records import NameRecords
    from namerec.two_people import different_last_words

    names = ["Juan Garcia Lopez", "Juan Garcia Perez", "Juan Pablo Perez", "Juan Perez", "Juan Garcia L.",
             "Acme Steel Corp", "Acme Paper Corp"]
    types = ["", "", "", "", "", "ORG", "ORG"]
    records = NameRecords.build([normalize_name(n, t) for n, t in zip(names, types)], types)
    unit = {text: u for u, text in enumerate(records.texts)}
    pairs = [("juan garcia lopez", "juan garcia perez"), ("juan garcia perez", "juan pablo perez"),
             ("juan garcia lopez", "juan perez"), ("juan garcia l", "juan garcia perez")]
    left = np.array([unit[a] for a, _ in pairs])
    right = np.array([unit[b] for _, b in pairs])
    # The features said the last words clearly differ for every pair; the rule also needs the rest alike.
    differ = np.ones(len(pairs), dtype=bool)
    # ... and two last words that are no initial (Juan Garcia L. may be Juan Garcia Perez's truncation).
    assert different_last_words(records, left, right, differ).tolist() == [True, False, False, False]
    assert not different_last_words(records, left[:1], right[:1], np.zeros(1, dtype=bool))[0]
    organisations = np.array([unit[records.texts[5]]]), np.array([unit[records.texts[6]]])
    assert not different_last_words(records, *organisations, np.ones(1, dtype=bool))[0]


def test_names_alike_but_for_the_fathers_name_after_bin_are_two_people():
    reconciler = namerec.Reconciler()
    first, second = "Habib ben Mohamed al-Loubiri", "Habib ben Ahmed al-Loubiri"
    assert reconciler.score(first, second) <= 0.02
    assert "fathers' names" in reconciler.explain(first, second).summary
    # Another spelling of the father's name is one father; a name of another length may name a
    # family rather than the father (Osama bin Laden), and "Ben" opening a name is a given name.
    assert reconciler.score("Khalid bin Muhammad al-Harbi", "Khaled bin Mohamed al-Harbi") > 0.5
    assert reconciler.score("Osama bin Laden", "Usama bin Muhammad bin Awad bin Ladin") > 0.5

    import numpy as np

    from namerec.normalize import normalize_name
    from namerec.records import NameRecords
    from namerec.two_people import different_fathers

    names = [first, second, "Ben Adam Smith", "Ben Eve Smith"]
    records = NameRecords.build([normalize_name(n, "") for n in names], [""] * len(names))
    unit = {text: u for u, text in enumerate(records.texts)}
    texts = [normalize_name(n, "").text for n in names]
    left, right = np.array([unit[texts[0]], unit[texts[2]]]), np.array([unit[texts[1]], unit[texts[3]]])
    assert different_fathers(records, left, right).tolist() == [True, False]
