"""Candidate generation (namerec.blocking): unique ordered pairs, near-linear growth, variants found."""

from __future__ import annotations

import itertools
import random
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from namerec import blocking
from namerec.blocking import candidate_pairs, name_keys
from namerec.normalize import normalize_name
from namerec.normalize.transcription import spellings_of
from namerec.records import NameRecords

SYLLABLES = ["ka", "ro", "mi", "ten", "bur", "lo", "vash", "pe", "dri", "son", "gal", "fe", "nu", "zor",
             "ik", "tha", "wel", "quin", "ost", "ber"]


def records_of(names: list[str], type_: str = "") -> NameRecords:
    """Units as the pipeline lays them out: distinct non-blank normalised texts, in sorted order."""
    normalized = {}
    for name in names:
        n = normalize_name(name, type_)
        if n.text:
            normalized.setdefault(n.text, n)
    texts = sorted(normalized)
    return NameRecords.build([normalized[t] for t in texts], [type_] * len(texts))


def pairs_of(records: NameRecords, max_block_size: int = 200) -> set[tuple[int, int]]:
    left, right = candidate_pairs(records, max_block_size=max_block_size)
    return set(zip(left.tolist(), right.tolist()))


def are_candidates(a: str, b: str, *, type_: str = "", others: tuple[str, ...] = ()) -> bool:
    records = records_of([a, b, *others], type_)
    ua = records.texts.index(normalize_name(a, type_).text)
    ub = records.texts.index(normalize_name(b, type_).text)
    # One normalised form is one unit: compared once, never with itself.
    return ua == ub or (min(ua, ub), max(ua, ub)) in pairs_of(records)


def invented_surnames(count: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    out: set[str] = set()
    while len(out) < count:
        out.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize())
    return sorted(out)


POOL = ["Max Bergman", "Max Bergmann", "Ingrid Bergman", "Bergman", "Berman", "Herman", "Jon Smith",
        "John Smith", "J. Smith", "Smith, John", "Зеленский", "Zelenskiy", "Zelensky", "Volodymyr Zelenskyy",
        "Acme Widgets Ltd", "ACME WIDGETS LIMITED", "Hans Müller", "Hans Mueller", "O'Brien", "Obrien"]


# -- shape of the output ----------------------------------------------------------------------

def test_pairs_are_unique_ordered_and_in_range():
    records = records_of(POOL)
    left, right = candidate_pairs(records, max_block_size=200)
    assert left.shape == right.shape
    assert left.dtype.kind == right.dtype.kind == "i"
    assert (left < right).all()
    assert ((left >= 0) & (right < len(records))).all()
    assert len(set(zip(left.tolist(), right.tolist()))) == len(left)


def test_oversized_blocks_still_give_unique_ordered_pairs():
    records = records_of([f"John {s}" for s in invented_surnames(300)])
    left, right = candidate_pairs(records, max_block_size=10)
    assert (left < right).all()
    assert len(set(zip(left.tolist(), right.tolist()))) == len(left)


def test_no_names_no_pairs():
    for names in ([], ["Max Bergman"], ["", "!!!"]):
        left, right = candidate_pairs(records_of(names), max_block_size=200)
        assert len(left) == len(right) == 0


def test_deterministic():
    records = records_of(POOL)
    first = candidate_pairs(records, max_block_size=3)
    second = candidate_pairs(records, max_block_size=3)
    assert all(np.array_equal(a, b) for a, b in zip(first, second))


# -- growth -----------------------------------------------------------------------------------

def test_a_block_larger_than_max_block_size_gives_linearly_many_pairs():
    # Every name shares the word "john": one block of n names. Capped, it must not give n^2/2 pairs.
    counts = {}
    for n in (600, 1200):
        records = records_of([f"John {s}" for s in invented_surnames(n, seed=n)])
        assert len(records) == n
        counts[n] = len(pairs_of(records, max_block_size=20))
        assert counts[n] < n * (n - 1) / 2 / 20, "quadratic number of pairs"
        assert counts[n] <= 20 * n
    assert counts[1200] < 2.6 * counts[600], counts


def test_small_blocks_are_compared_all_pairs():
    names = [f"John {s}" for s in invented_surnames(30)]
    records = records_of(names)
    pairs = pairs_of(records, max_block_size=200)
    assert len(pairs) == len(records) * (len(records) - 1) // 2  # one block ("john"): every pair


# -- which pairs are candidates ---------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("Bergman", "Bergmann"),
    ("Max Bergman", "Max Bergmann"),
    ("Zelenskiy", "Zelensky"),
    ("Зеленский", "Zelenskiy"),
    ("Volodymyr Zelenskyy", "Vladimir Zelensky"),
    ("Jon Smith", "John Smith"),
    ("J. Smith", "John Smith"),
    ("Smith, John", "John Smith"),
    ("Hans Müller", "Hans Mueller"),
    ("Christine Bertsina", "Berzina"),
    ("Bertsyna", "Berzina"),
    ("Katherine Johnson", "Catherine Johnson"),
    ("Bergman", "Max Bergmann"),
])
def test_variants_are_candidates(a, b):
    assert are_candidates(a, b)


@pytest.mark.parametrize("a, b", [
    ("Acme Widgets Ltd", "ACME WIDGETS LIMITED"),
    ("International Business Machines", "IBM"),
])
def test_organisation_variants_are_candidates(a, b):
    assert are_candidates(a, b, type_="ORG")


def test_variants_are_found_inside_a_crowd():
    crowd = tuple(f"John {s}" for s in invented_surnames(400, seed=7))
    assert are_candidates("John Bergman", "John Bergmann", others=crowd)
    assert are_candidates("John Zelenskiy", "John Zelensky", others=crowd)


def test_a_nickname_meets_its_given_name_under_a_crowded_family_name():
    # 400 Smiths: the block of "smith" is searched for near spellings only, and Bob is none of Robert.
    crowd = tuple(f"{given} Smith" for given in invented_surnames(400, seed=3))
    assert are_candidates("Bob Smith", "Robert Smith", type_="PERSON", others=crowd)
    assert are_candidates("Peggy Smith", "Margaret Smith", others=crowd)
    assert are_candidates("Bill Jones Smith", "William Smith", others=crowd)  # a middle name between
    assert not are_candidates("Bob Smith", "Margaret Smith", others=crowd)


def test_a_latin_name_meets_the_cyrillic_reading_of_its_russian_spelling():
    # "Приск" reads "prisk"; no key of "Priscus" is that (the Latin ending is dropped in Russian).
    records = records_of(["Priscus", "Приск", "Prisca", "Петров"])
    assert not set(name_keys(records, records.texts.index("priscus"))) & set(
        name_keys(records, records.texts.index("prisk")))
    assert are_candidates("Priscus", "Приск", others=("Prisca", "Петров"))
    assert not are_candidates("Priscus", "Петров", others=("Приск",))
    # Without a Cyrillic name there is nothing to meet.
    assert blocking._transcription_pairs(records_of(["Priscus", "Prisk"]))[0].size == 0


@pytest.mark.parametrize("a, b, any_type", [
    ("Shenzhen", "Shen-chen", False), ("Xinzhu", "Hsinchu", False),
    ("高雄", "Kaohsiung", True),  # Han characters are Chinese whatever the type
])
def test_a_chinese_place_meets_its_wade_giles_spelling(a, b, any_type):
    # Their keys share nothing but the letters of the Wade-Giles spelling, written without spaces.
    others = ("Shenyang", "Hangzhou", "Taichung")
    assert are_candidates(a, b, type_="LOC", others=others)
    # One word of pinyin syllables is read as pinyin only in a place's name (see wade_giles.py).
    assert are_candidates(a, b, type_="PERSON", others=others) == any_type


def test_a_transcription_by_ear_one_edit_from_a_spelling_is_paired():
    # No spelling rule gives the "i" of ピーター ("pita") or 피터 ("piteo") for Peter ("peta",
    # "peteo"), nor the "jia" of 加西亚 ("gasiya") for Garcia ("gasia"): one edit apart, they are
    # paired all the same.
    others = ("Robertson", "ロバートソン")
    assert are_candidates("Peter", "ピーター", others=others)
    assert are_candidates("Peter", "피터", others=others)
    assert are_candidates("Garcia", "加西亚", others=others)
    assert not are_candidates("Peter", "ロバートソン", others=("Robertson", "ピーター"))
    # Russian transcription is spelt by rule, letter by letter: a Cyrillic reading must be a spelling
    # exactly.
    assert "cyrillic" not in blocking.SYLLABIC_SCRIPTS


def test_a_deletion_key_shared_by_many_written_names_joins_nothing():
    # Each written key is "kyasari" plus a letter: "kyasari", a deletion of every one of them, is
    # over the block limit, so a Latin name spelt "kyasari" meets only the keys one edit from it
    # through another deletion key: none of these.
    written = {f"kyasari{letter}": [k] for k, letter in enumerate("abcdefghijklmnopqrstu")}
    spelt = [(99, set(spellings_of(normalize_name("Kyasari").text, "kana")))]
    assert set(blocking._one_edit_pairs(written, spelt)) == set()
    few = dict(list(written.items())[: blocking._ONE_EDIT_BLOCK])
    assert len(set(blocking._one_edit_pairs(few, spelt))) == blocking._ONE_EDIT_BLOCK


def test_a_latin_place_of_several_words_meets_its_transcription_written_as_one_word():
    # Katakana, hangul and Chinese characters write a place's name of several words as one.
    assert are_candidates("San Luis Obispo", "サンルイスオビスポ", type_="LOC")
    assert are_candidates("Crystal Lake", "クリスタルレイク", type_="LOC")
    assert not are_candidates("San Luis Obispo", "サンルイスオビスポ")  # a place's only


@pytest.mark.parametrize(("a", "b"), [("Porlamaras", "Porlamar"), ("Sarapulas", "Sarapul"),
                                      ("Pozarevacas", "Pozarevac")])
def test_a_place_meets_its_lithuanian_form_with_a_case_ending(a, b):
    assert are_candidates(a, b, type_="LOC")
    assert not are_candidates(a, b)  # a place's only: no other key joins them


def test_only_a_case_ending_after_a_consonant_is_taken_off():
    assert blocking._without_case_ending("porlamaras") == "porlamar"
    assert blocking._without_case_ending("tokijas") == "tokij"  # a consonant before: its letters go
    assert blocking._without_case_ending("nicosias") is None  # a vowel before the ending
    assert blocking._without_case_ending("texas") is None  # too short to be a name and an ending
    assert blocking._without_case_ending("bangkok") is None


def test_unrelated_names_are_not_candidates():
    assert not are_candidates("Max Bergman", "Olga Petrova")
    assert not are_candidates("Acme Widgets Ltd", "Global Trade Corp", type_="ORG")


# -- the naive oracle -------------------------------------------------------------------------

def test_name_keys_of_a_blank_unit_are_empty():
    records = NameRecords.build([normalize_name("")], [""])
    assert list(name_keys(records, 0)) == []


FRAGMENTS = ["Max", "Ingrid", "Bergman", "Bergmann", "Berman", "Jon", "John", "J.", "Smith", "Smyth",
             "Zelenskiy", "Зеленский", "Acme", "Ltd", "Hans", "Müller", "Mueller", "van", "der", "Berg"]
names = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=3).map(" ".join),
    st.text(max_size=12),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(names, max_size=12))
def test_small_pools_pair_exactly_the_names_that_share_a_key(pool):
    # With no block over the cap, the candidates are exactly the pairs sharing at least one key, and
    # the pairs of a Cyrillic name and a Latin one one of whose Russian spellings it reads as.
    records = records_of(pool)
    keys = [set(name_keys(records, u)) for u in range(len(records))]
    expected = {(u, v) for u, v in itertools.combinations(range(len(records)), 2) if keys[u] & keys[v]}
    expected |= set(zip(*(side.tolist() for side in blocking._transcription_pairs(records))))
    with mock.patch.object(blocking, "COARSE_BLOCK_SIZE", 200):
        assert pairs_of(records, max_block_size=200) == expected


_UNCACHED_HASHED_WORD_KEYS = blocking._hashed_word_keys.__wrapped__


def _crowd_sharing_one_key(monkeypatch, key: str, count: int = 40) -> NameRecords:
    """``count`` one-word names whose only shared key is ``key`` (each word's other key is its own)."""
    monkeypatch.setattr(blocking, "word_keys", lambda token: (key, "d:" + token))
    # The cache of hashed word keys would hold the real keys (and must not keep these).
    monkeypatch.setattr(blocking, "_hashed_word_keys", _UNCACHED_HASHED_WORD_KEYS)
    monkeypatch.setattr(blocking, "_whole_name_keys", lambda records, unit: [])
    return records_of(invented_surnames(count, seed=4))


def test_a_precise_key_block_under_the_cap_is_compared_all_pairs(monkeypatch):
    records = _crowd_sharing_one_key(monkeypatch, "d:same")
    assert len(pairs_of(records, max_block_size=50)) == 40 * 39 // 2


def test_a_coarse_key_block_meets_only_near_neighbours(monkeypatch):
    # Phonetic codes are shared by many unrelated names: beyond COARSE_BLOCK_SIZE names, each name
    # is paired only with its COARSE_NEIGHBOURS nearest.
    records = _crowd_sharing_one_key(monkeypatch, "p:dm:746000")
    pairs = pairs_of(records, max_block_size=50)
    assert 40 <= len(pairs) <= 40 * blocking.COARSE_NEIGHBOURS
    small = _crowd_sharing_one_key(monkeypatch, "p:dm:746000", count=blocking.COARSE_BLOCK_SIZE)
    assert len(pairs_of(small, max_block_size=50)) == len(small) * (len(small) - 1) // 2


@pytest.mark.parametrize("name, type_, key", [
    ("Hewlett Packard", "", "n:hp"),  # two initials of a name that is no organisation: coarse
    ("General Electric", "ORG", "a:ge"),  # an organisation's initials: its acronym
    ("Bank of New York", "", "a:bny"),  # three initials: an acronym whatever the kind
])
def test_initials_keys(name, type_, key):
    records = records_of([name], type_)
    assert key in set(name_keys(records, 0))
    assert blocking._coarse_flags([key]) == [key.startswith("n:")]


@pytest.mark.parametrize("key, coarse", [
    ("p:dm:746000", True), ("p:mp:PRSN", True), ("k:barsana", True), ("n:hp", True),
    ("d:jon", True),  # three letters: a short word, or a four-letter word less one letter
    ("d:john", False), ("d:bergman", False), ("w:john smith", False), ("i:j smath", False),
    ("a:ibm", False),
])
def test_which_keys_are_coarse(key, coarse):
    assert blocking._coarse_flags([key]) == [coarse]


@settings(max_examples=25, deadline=None)
@given(st.lists(names, max_size=12), st.integers(min_value=2, max_value=6))
def test_capped_pools_give_a_subset_of_the_uncapped_pairs(pool, cap):
    records = records_of(pool)
    assert pairs_of(records, max_block_size=cap) <= pairs_of(records, max_block_size=200)


def test_oversized_blocks_searched_over_processes_give_the_same_pairs(monkeypatch):
    from namerec import blocking

    records = records_of([f"John {s}" for s in invented_surnames(600, seed=3)])
    serial = candidate_pairs(records, max_block_size=5)
    monkeypatch.setattr(blocking, "_PARALLEL_MEMBERS", 1)
    monkeypatch.setattr(blocking, "default_workers", lambda: 2)
    parallel = candidate_pairs(records, max_block_size=5)
    assert np.array_equal(parallel[0], serial[0]) and np.array_equal(parallel[1], serial[1])


def test_the_documented_coarse_limit_is_the_one_applied():
    from namerec.config import Config

    description = Config.model_fields["max_block_size"].description
    assert f"smaller of this and {blocking.COARSE_BLOCK_SIZE}" in description


def test_bare_nicknames_are_candidates_only_when_asked():
    records = records_of(["William", "Bill", "Margaret", "Peggy", "Bill Smith", "Xqzv"])
    texts = records.texts
    unit = {text: texts.index(text) for text in ("william", "bill", "margaret", "peggy", "bill smith")}
    asked = candidate_pairs(records, max_block_size=50, bare_nicknames=True)
    joined = set(zip(*(side.tolist() for side in asked)))
    assert (unit["bill"], unit["william"]) in joined or (unit["william"], unit["bill"]) in joined
    assert tuple(sorted((unit["margaret"], unit["peggy"]))) in joined
    assert tuple(sorted((unit["bill"], unit["william"]))) not in pairs_of(records, 50)
    # One-word names only: a full name is paired by its own keys, not by its given name's group.
    left, right = blocking.nickname_pairs(records, 50)
    assert unit["bill smith"] not in set(left.tolist()) | set(right.tolist())
    # Nor organisations' names.
    companies = records_of(["William", "Bill"], "ORG")
    assert len(blocking.nickname_pairs(companies, 50)[0]) == 0


class _HereEngine:
    """An engine that runs the chunks in this process, as another process would: with stable hashes."""

    workers = 2

    def map(self, function, shared, chunks):
        return [function(shared, chunk) for chunk in chunks]


def test_keys_hashed_for_an_engine_give_the_same_pairs(monkeypatch):
    from namerec.parallel import engine_in_use

    monkeypatch.setattr(blocking, "_PARALLEL_UNITS", 1)
    monkeypatch.setattr(blocking, "_KEY_CHUNK", 7)
    records = records_of(invented_surnames(60, seed=9) + ["Max Bergmann", "Max Bergman", "Bergmann, Max"])
    here = pairs_of(records, max_block_size=8)
    hashed = []
    real = blocking._hashed_keys

    def recording(shared, span):
        hashed.append(shared[1])
        return real(shared, span)

    monkeypatch.setattr(blocking, "_hashed_keys", recording)
    with engine_in_use(_HereEngine()):
        assert pairs_of(records, max_block_size=8) == here
    assert hashed and all(hashed)  # every chunk hashed stably
