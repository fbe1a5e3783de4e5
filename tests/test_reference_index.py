"""ReferenceIndex: building, querying, add/remove with stable ids, save/load, and a naive oracle."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import namerec
from namerec import ReferenceIndex
from namerec.errors import FileFormatError, InputError
from namerec.io import ReferenceEntry
from namerec.normalize import normalize_name
from namerec.reference_index import ACRONYM_SCORE, token_keys

ENTRIES = [
    {"id": "P1", "name": "Halina Brzezicka", "type": "PERSON", "aliases": ["H. Brzezicka"]},
    {"id": "P2", "name": "Tomasz Wrzesniewski", "type": "PERSON"},
    {"id": "P3", "name": "Anna Wrzesniewski", "type": "PERSON"},
    {"id": "P4", "name": "Мирослава Дзюбенко", "type": "PERSON"},
    {"id": "P5", "name": "Oskar Lindqvist", "type": "PERSON", "aliases": ["Oscar Lindkvist"]},
    {"id": "O1", "name": "Baltic Institute for Marine Research", "type": "ORG", "aliases": ["BIMR"]},
    {"id": "O2", "name": "Nordhavn Logistics A/S", "type": "ORG"},
    {"id": "O3", "name": "KTRC", "type": "ORG"},
    {"id": "O4", "name": "Halvorsen", "type": "ORG"},
    {"id": "L1", "name": "Lindqvist Fjord", "type": "LOC"},
    {"id": "U1", "name": "Brzezicka Foundation"},
]
QUERIES = [
    ("Halina Brzezicka", None), ("Brzezicka", None), ("Halyna Bzezicka", "PERSON"), ("Wrzesniewski", None),
    ("Myroslava Dziubenko", None), ("Oscar Lindqvist", "PER"), ("Lindqvist", None), ("BIMR", "ORG"),
    ("Baltic Institute for Marine Research", None), ("Kessler Tidal Research Consortium", "ORG"),
    ("Nordhavn Logistics", "ORG"), ("Halvorsen", "PERSON"), ("Halvorsen", None), ("Zzyzx Qwerty", None),
]


def ids(alternatives):
    return [a.ref_id for a in alternatives]


@pytest.fixture
def index():
    return ReferenceIndex.build(ENTRIES)


def results(index, queries=QUERIES, k=5):
    return [index.query(name, type, k=k) for name, type in queries]


# ---------------------------------------------------------------------------------------------
# building


def test_build_from_dicts_entries_and_path_is_the_same(tmp_path):
    path = tmp_path / "ref.json"
    path.write_text(json.dumps({"entities": ENTRIES}, ensure_ascii=False), encoding="utf-8")
    as_entries = [
        ReferenceEntry(id=e["id"], name=e["name"], type=e.get("type", ""), aliases=e.get("aliases", []))
        for e in ENTRIES
    ]
    expected = results(ReferenceIndex.build(ENTRIES))
    assert results(ReferenceIndex.build(as_entries)) == expected
    assert results(ReferenceIndex.build(path)) == expected
    assert results(ReferenceIndex.build(str(path))) == expected


def test_len_contains_iter_get(index):
    assert len(index) == len(ENTRIES)
    assert "P1" in index and "nope" not in index and 3 not in index
    assert index.ids() == [e["id"] for e in ENTRIES]
    entry = index.get("P1")
    assert entry == ReferenceEntry(id="P1", name="Halina Brzezicka", type="PERSON", aliases=["H. Brzezicka"])
    assert index.get("missing") is None
    assert [e.id for e in index] == index.ids()
    assert index.get("L1").type == "LOC" and index.get("U1").type == ""


@pytest.mark.parametrize("bad, message", [
    ([{"name": "No Id"}], "needs an 'id'"),
    ([{"id": "X", "name": "  "}], "needs a 'name'"),
    ([{"id": "X", "name": "A", "aliases": "B"}], "aliases"),
    ([{"id": "X", "name": "A", "aliases": [3]}], "aliases"),
    ([{"id": "X", "name": "A", "type": 5}], "type"),
    ([{"id": "X", "name": "A"}, {"id": "X", "name": "B"}], "duplicate id 'X'"),
    (["just a string"], "must be a dict"),
    ("a string is a path that does not exist", "cannot read"),
    (42, "path or a list"),
])
def test_bad_references_raise_input_errors(bad, message):
    with pytest.raises(InputError, match=message):
        ReferenceIndex.build(bad)


def test_empty_reference_answers_nothing():
    index = ReferenceIndex.build([])
    assert len(index) == 0
    assert index.query("Anyone") == []


def test_type_aliases_and_blank_aliases_are_normalised():
    entry = {"id": 7, "name": "Ana Lima", "type": "per", "aliases": ["", "Ana Lima", "A. Lima"]}
    index = ReferenceIndex.build([entry])
    expected = ReferenceEntry(id="7", name="Ana Lima", type="PERSON", aliases=["Ana Lima", "A. Lima"])
    assert index.get("7") == expected


# ---------------------------------------------------------------------------------------------
# queries


def test_exact_name_scores_one_and_comes_first(index):
    found = index.query("Tomasz Wrzesniewski")
    assert found[0].ref_id == "P2" and found[0].score == 1.0
    assert found[0].ref_name == "Tomasz Wrzesniewski"


def test_variants_find_their_entry(index):
    assert ids(index.query("Halyna Bzezicka"))[0] == "P1"  # typo and respelling
    assert ids(index.query("Myroslava Dziubenko"))[0] == "P4"  # Latin query, Cyrillic entry
    assert ids(index.query("Lindqvist, Oskar", "PERSON"))[0] == "P5"  # word order
    assert "P5" in ids(index.query("Lindkvist"))


def test_acronyms_both_ways(index):
    found = index.query("KTRC")
    assert ids(found)[0] == "O3"
    assert ids(index.query("Kessler Tidal Research Consortium", "ORG"))[0] == "O3"
    assert index.query("Kessler Tidal Research Consortium", "ORG")[0].score >= ACRONYM_SCORE
    assert ids(index.query("BIMR"))[0] == "O1"


def test_type_filter(index):
    assert "O4" not in ids(index.query("Halvorsen", "PERSON"))
    assert ids(index.query("Halvorsen", "ORG"))[0] == "O4"
    assert ids(index.query("Halvorsen"))[0] == "O4"
    # an untyped entry is compatible with every type
    assert "U1" in ids(index.query("Brzezicka Foundation", "ORG"))
    # a type the reference does not use excludes every typed entry
    assert set(ids(index.query("Lindqvist", "VESSEL"))) <= {"U1"}


def test_k_limits_and_order(index):
    found = index.query("Wrzesniewski", k=1)
    assert len(found) == 1
    many = index.query("Wrzesniewski", k=10)
    assert [a.score for a in many] == sorted((a.score for a in many), reverse=True)
    assert {"P2", "P3"} <= set(ids(many))
    assert index.query("Wrzesniewski", k=0) == []


def test_query_many_is_query_each(index):
    names = [n for n, _ in QUERIES]
    types = [t for _, t in QUERIES]
    assert index.query_many(names, types=types, k=3) == [index.query(n, t, k=3) for n, t in QUERIES]
    assert index.query_many(names) == [index.query(n) for n in names]
    with pytest.raises(InputError):
        index.query_many("Ana")
    with pytest.raises(InputError):
        index.query_many(["a", "b"], types=["PERSON"])
    with pytest.raises(InputError):
        index.query(3)


def test_blank_and_symbol_queries(index):
    assert index.query("") == []
    assert index.query("   ") == []
    assert index.query("🙂 !!") == []


def test_spacing_variants_meet():
    index = ReferenceIndex.build([{"id": "S1", "name": "STMicroelectronics N.V.", "type": "ORG"},
                                  {"id": "S2", "name": "D S M N.V.", "type": "ORG"}])
    assert ids(index.query("ST Microelectronics", "ORG"))[0] == "S1"
    assert ids(index.query("DSM", "ORG"))[0] == "S2"


def test_token_keys_are_the_blocking_kinds():
    kinds = {key.split(":")[0] for _, key in token_keys("bergmann")}
    assert kinds == {"k", "p", "d"}
    assert token_keys("x") == []


# ---------------------------------------------------------------------------------------------
# add / remove, stable ids


def test_add_then_query_and_incremental_equals_batch(monkeypatch):
    batch = results(ReferenceIndex.build(ENTRIES))
    # scanned tail (no rebuild) ...
    index = ReferenceIndex.build(ENTRIES[:4])
    index.add(ENTRIES[4:])
    assert results(index) == batch
    # ... and rebuilt arrays give the same answers
    monkeypatch.setattr("namerec.reference_index._TAIL_LIMIT", 0)
    index = ReferenceIndex.build(ENTRIES[:4])
    index.add(ENTRIES[4:])
    assert results(index) == batch


def test_add_rejects_existing_ids_atomically(index):
    with pytest.raises(InputError, match="duplicate id 'P1'"):
        index.add([{"id": "N1", "name": "New One"}, {"id": "P1", "name": "Again"}])
    assert "N1" not in index and len(index) == len(ENTRIES)


def test_remove_hides_entries_and_keeps_other_ids(index):
    before = {e.id: e for e in index}
    index.remove(["P2", "O3"])
    assert "P2" not in index and "O3" not in index and len(index) == len(ENTRIES) - 2
    assert "P2" not in ids(index.query("Tomasz Wrzesniewski", k=10))
    assert ids(index.query("Tomasz Wrzesniewski"))[0] == "P3"  # the namesake is what is left
    assert "O3" not in ids(index.query("KTRC"))
    assert {e.id: e for e in index} == {k: v for k, v in before.items() if k not in ("P2", "O3")}
    # removing is the same as never having added
    fresh = ReferenceIndex.build([e for e in ENTRIES if e["id"] not in ("P2", "O3")])
    assert results(index) == results(fresh)


def test_remove_unknown_id_changes_nothing(index):
    with pytest.raises(InputError, match="no entry with id 'nope'"):
        index.remove(["P1", "nope"])
    assert "P1" in index


def test_a_removed_id_can_come_back(index):
    index.remove("P2")
    index.add([{"id": "P2", "name": "Tomasz Wrzesniewski-Nowak", "type": "PERSON"}])
    assert index.get("P2").name == "Tomasz Wrzesniewski-Nowak"
    assert ids(index.query("Tomasz Wrzesniewski-Nowak"))[0] == "P2"


# ---------------------------------------------------------------------------------------------
# save / load


def test_save_load_round_trip_gives_the_same_results(index, tmp_path):
    index.add([{"id": "N1", "name": "Nordhavn Shipping", "type": "ORG"}])
    index.remove(["P3"])
    expected = results(index)
    index.save(tmp_path / "idx")
    loaded = ReferenceIndex.load(tmp_path / "idx")
    assert results(loaded) == expected
    assert results(index) == expected  # saving compacts, without changing answers
    assert loaded.ids() == index.ids()
    assert list(loaded) == list(index)
    # a loaded index keeps working incrementally
    loaded.add([{"id": "N2", "name": "Brzezicka Holdings", "type": "ORG"}])
    index.add([{"id": "N2", "name": "Brzezicka Holdings", "type": "ORG"}])
    assert results(loaded) == results(index)


def test_saved_files_are_json_and_npy_never_pickle(index, tmp_path):
    index.save(tmp_path)
    suffixes = {p.suffix for p in tmp_path.iterdir()}
    assert suffixes <= {".json", ".jsonl", ".npy"}
    for array in tmp_path.glob("*.npy"):
        np.load(array, allow_pickle=False)  # raises if an object array (pickle) was written
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format"] == "namerec-reference-index" and manifest["entries"] == len(ENTRIES)
    lines = (tmp_path / "entries.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[3])["name"] == "Мирослава Дзюбенко"


def test_load_errors_are_file_format_errors(index, tmp_path):
    with pytest.raises(FileFormatError, match="manifest.json"):
        ReferenceIndex.load(tmp_path / "nothing-here")
    index.save(tmp_path / "a")
    manifest = tmp_path / "a" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps({**data, "version": 99}), encoding="utf-8")
    with pytest.raises(FileFormatError, match="version"):
        ReferenceIndex.load(tmp_path / "a")
    manifest.write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "a" / "post_forms.npy").unlink()
    with pytest.raises(FileFormatError, match="post_forms.npy"):
        ReferenceIndex.load(tmp_path / "a")
    index.save(tmp_path / "b")
    np.save(tmp_path / "b" / "form_offsets.npy", np.zeros(3, dtype=np.int64))
    with pytest.raises(FileFormatError, match="inconsistent"):
        ReferenceIndex.load(tmp_path / "b")
    index.save(tmp_path / "c")
    (tmp_path / "c" / "entries.jsonl").write_text('{"id": "P1", "name": "A"}\nnot json\n', encoding="utf-8")
    with pytest.raises(FileFormatError, match="row 2"):
        ReferenceIndex.load(tmp_path / "c")


def test_namerec_exports_the_index():
    assert namerec.ReferenceIndex is ReferenceIndex


# ---------------------------------------------------------------------------------------------
# the vectorised score against a naive oracle


def _oracle_scores(entries, query):
    """Every entry's index score computed the slow, obvious way (no budget: small references)."""
    forms = []  # (entry id, set of tokens)
    for e in entries:
        seen = set()
        for text in (e["name"], *e.get("aliases", [])):
            tokens = normalize_name(text, e.get("type", "")).tokens
            if tuple(tokens) in seen and tokens:
                continue
            seen.add(tuple(tokens))
            forms.append((e["id"], set(tokens)))
    n = len(forms)
    df: dict[str, int] = {}
    for _, tokens in forms:
        for t in tokens:
            df[t] = df.get(t, 0) + 1

    def rarity(t):
        low = 0.2 if len(t) == 1 or t in namerec.reference_index.ACRONYM_STOPWORDS else 1.0
        return low * math.log1p(n / df[t]) / math.log1p(n)

    q_tokens = list(dict.fromkeys(normalize_name(query).tokens))
    weight_of_kind = {0: 0.9, 1: 0.5, 2: 0.8}

    def match(q, t):
        if q == t:
            return 1.0
        qk = {key: kind for kind, key in token_keys(q)}
        best = 0.0
        for kind, key in token_keys(t):
            if key in qk:
                best = max(best, weight_of_kind[kind])
        return best

    q_info = sum(rarity(t) if t in df else (0.2 if len(t) == 1 else 1.0) for t in q_tokens)
    best: dict[str, float] = {}
    for entry_id, tokens in forms:
        gain = sum(max((match(q, t) for q in q_tokens), default=0.0) * rarity(t) for t in tokens)
        if gain == 0:
            continue
        shared = min(gain, q_info)
        info = sum(rarity(t) for t in tokens)
        best[entry_id] = max(best.get(entry_id, 0.0), shared / (q_info + info - shared))
    return best


SYLLABLES = ["ka", "lo", "mi", "ran", "tes", "bor", "vik", "sen", "ova", "dar"]
# Words of two or more syllables: no short words, so no joined-word variants (tested above).
word = st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=3).map("".join)
name = st.lists(word, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(name, min_size=1, max_size=12), name)
def test_index_scores_match_a_naive_oracle(names, query):
    entries = [{"id": f"E{i}", "name": n} for i, n in enumerate(names)]
    index = ReferenceIndex.build(entries)
    oracle = _oracle_scores(entries, query)
    found = {a.ref_id: a.score for a in index.query(query, k=len(entries))}
    assert set(found) == set(oracle)
    for entry_id, score in oracle.items():
        assert found[entry_id] == pytest.approx(score, abs=1e-4)


def test_csv_reference_path(tmp_path):
    path = Path(tmp_path) / "ref.csv"
    path.write_text("id,name,type,aliases\nQ1,Max Bergmann,PERSON,M. Bergmann|Maks Bergman\n",
                    encoding="utf-8")
    index = ReferenceIndex.build(path)
    assert index.get("Q1").aliases == ["M. Bergmann", "Maks Bergman"]
    assert ids(index.query("Maks Bergman"))[0] == "Q1"
