"""The loaders and the split rule (small files written on the fly; the shared data is not needed)."""

from __future__ import annotations

import hashlib

import pytest

from benchmarks import datasets as ds
from benchmarks.datasets import ClusterRow


def test_split_rule():
    for key in ["Q42", "ru-клаус", "leuven-1", "", "aa"]:
        expected = hashlib.sha1(key.encode("utf-8")).hexdigest()[-1] in "0123"
        assert ds.in_test_split(key) is expected
    share = sum(ds.in_test_split(f"e{i}") for i in range(4000)) / 4000
    assert 0.2 < share < 0.3


@pytest.fixture
def files(tmp_path):
    (tmp_path / "clu.csv").write_text(
        'name,entity_id,entity_type\nNan,e1,PER\nnan b,e1,PER\nACME,e2,ORG\n"Smith, J",e3,\n',
        encoding="utf-8",
    )
    (tmp_path / "prs.csv").write_text(
        "name1,name2,is_match,flag\nann,anne,True,x\nbob,rob,False,y\n", encoding="utf-8"
    )
    (tmp_path / "opensanctions_namebench_pairs.csv").write_text(
        "case_group,name1,name2,is_match\ng,a,b,True\ng,c,d,false\n", encoding="utf-8"
    )
    return tmp_path


def test_load_clusters_keeps_strings(files):
    rows = ds.load_clusters("clu", data_dir=files)
    assert rows[0] == ClusterRow("Nan", "e1", "PER")  # never a missing value
    assert rows[3] == ClusterRow("Smith, J", "e3", "")


def test_load_pairs_and_split(files):
    rows = ds.load_pairs("prs", data_dir=files)
    assert [(r.name1, r.name2, r.is_match) for r in rows] == [("ann", "anne", True), ("bob", "rob", False)]
    assert rows[0].extra["flag"] == "x"
    test = ds.split_pairs(rows, "test")
    train = ds.split_pairs(rows, "train")
    assert len(test) + len(train) == 2
    assert all(ds.in_test_split(r.name1) for r in test)
    assert ds.split_pairs(rows, "all") == rows


def test_test_only_file(files):
    rows = ds.load_pairs("opensanctions_namebench_pairs", data_dir=files)
    assert [r.is_match for r in rows] == [True, False]
    assert ds.split_pairs(rows, "test") == rows
    assert ds.split_pairs(rows, "train") == []


def test_split_clusters_and_bad_split():
    rows = [ClusterRow(f"n{i}", f"e{i % 40}", "PER") for i in range(200)]
    test = ds.split_clusters(rows, "test")
    train = ds.split_clusters(rows, "train")
    assert len(test) + len(train) == 200
    assert {r.entity_id for r in test}.isdisjoint({r.entity_id for r in train})
    with pytest.raises(ValueError):
        ds.split_clusters(rows, "dev")


def test_sample_pool_whole_entities_and_seeded():
    rows = [ClusterRow(f"n{i}", f"e{i % 50}", "PER") for i in range(500)]
    a = ds.sample_pool(rows, 5, seed=7, split="all")
    assert a == ds.sample_pool(rows, 5, seed=7, split="all")
    assert a != ds.sample_pool(rows, 5, seed=8, split="all")
    ents = {r.entity_id for r in a}
    assert len(ents) == 5 and len(a) == 50  # whole entities: every one of their 10 rows
    assert a != sorted(a)  # rows shuffled
    all_test = ds.sample_pool(rows, 0, split="test")
    assert sorted(all_test) == sorted(ds.split_clusters(rows, "test"))


def test_lexicon_places_are_the_lexicon_places_typed_loc():
    rows = ds.lexicon_places(forms_per_place=4, seed=1)
    by_place: dict[str, list[str]] = {}
    for row in rows:
        assert row.entity_type == "LOC" and row.entity_id.startswith("place:")
        by_place.setdefault(row.entity_id, []).append(row.name)
    assert all(2 <= len(forms) <= 4 for forms in by_place.values())
    assert "place:moscow" in by_place and "place:germany" in by_place
    assert ds.lexicon_places(forms_per_place=4, seed=1) == rows  # seeded
    assert ds.lexicon_places(forms_per_place=4, seed=2) != rows
    every = ds.lexicon_places(forms_per_place=1000)
    assert {"Germany", "Deutschland", "Германия"} <= {r.name for r in every if r.entity_id == "place:germany"}
    test = ds.split_clusters(every, "test")
    assert 0.15 < len({r.entity_id for r in test}) / len({r.entity_id for r in every}) < 0.35
