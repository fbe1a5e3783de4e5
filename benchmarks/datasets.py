"""Loaders and the train/test split for the labelled name-variant files.

The files live in ``DATA_DIR`` (default ``<repo>/../shared/data/variants``); pass ``data_dir=`` to any
loader, call :func:`set_data_dir`, or set ``DATA_DIR`` on this module to read them elsewhere.

Split rule (shared with the acceptance tools): a key is in the **test** split when the last hex digit
of ``sha1(key.encode("utf-8")).hexdigest()`` is 0, 1, 2 or 3 (about a quarter). Cluster files are
split by ``entity_id`` (whole entities never straddle the split); pair files by ``name1``.
``opensanctions_namebench_pairs`` is test-only: every one of its rows is in the test split.

Example:
    >>> from benchmarks import datasets
    >>> rows = datasets.load_clusters("patstat_orgs")          # doctest: +SKIP
    >>> pool = datasets.sample_pool(rows, 200, seed=7)         # doctest: +SKIP
"""

from __future__ import annotations

import csv
import hashlib
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "CLUSTER_FILES",
    "DATA_DIR",
    "FILE_KEY",
    "LEXICON_PLACES",
    "PAIR_FILES",
    "TEST_ONLY_FILES",
    "ClusterRow",
    "PairRow",
    "in_test_split",
    "lexicon_places",
    "load_clusters",
    "load_pairs",
    "sample_pool",
    "set_data_dir",
    "split_clusters",
    "split_pairs",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR: Path = (REPO_ROOT / ".." / "shared" / "data" / "variants").resolve()

CLUSTER_FILES: list[str] = ["splink_historical50k", "wikidata_ru_translit", "patstat_orgs"]
PAIR_FILES: list[str] = [
    "ancestry_surnames_pairs",
    "ancestry_givennames_pairs",
    "opensanctions_namebench_pairs",
]
# Never fit or tune on these: all their rows count as test.
TEST_ONLY_FILES: frozenset[str] = frozenset({"opensanctions_namebench_pairs"})
#: The name of the dataset :func:`lexicon_places` makes (not a file).
LEXICON_PLACES = "namerec_lexicon_places"

SPLITS = ("train", "test", "all")


class ClusterRow(NamedTuple):
    name: str
    entity_id: str
    entity_type: str


class PairRow(NamedTuple):
    name1: str
    name2: str
    is_match: bool
    extra: dict[str, str]  # the file's other columns, plus "_file": the file's stem


FILE_KEY = "_file"  # key in PairRow.extra naming the source file (decides test-only handling)


def set_data_dir(path: str | Path) -> None:
    """Point the loaders at another directory of variant files."""
    global DATA_DIR
    DATA_DIR = Path(path).resolve()


def in_test_split(key: str) -> bool:
    """True when ``key`` (an entity_id, or a pair's name1) belongs to the test split."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[-1] in "0123"


def _path(name: str, data_dir: str | Path | None) -> Path:
    base = Path(data_dir) if data_dir is not None else DATA_DIR
    p = Path(name)
    if p.suffix == ".csv" and p.exists():
        return p
    return base / (name if name.endswith(".csv") else name + ".csv")


def _stem(name: str) -> str:
    return Path(name).name.removesuffix(".csv")


def _parse_bool(value: str) -> bool:
    v = value.strip().casefold()
    if v in ("true", "1", "yes", "t", "y"):
        return True
    if v in ("false", "0", "no", "f", "n", ""):
        return False
    raise ValueError(f"not a boolean: {value!r}")


def load_clusters(name: str, data_dir: str | Path | None = None) -> list[ClusterRow]:
    """Rows of a cluster file (columns name,entity_id,entity_type), in file order, cells as strings."""
    with open(_path(name, data_dir), newline="", encoding="utf-8") as fh:
        return [ClusterRow(r["name"], r["entity_id"], r.get("entity_type") or "") for r in csv.DictReader(fh)]


def load_pairs(name: str, data_dir: str | Path | None = None) -> list[PairRow]:
    """Rows of a pair file (name1,name2,is_match,...); other columns go to ``extra``."""
    source = _stem(name)
    out: list[PairRow] = []
    with open(_path(name, data_dir), newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            extra = {k: v for k, v in r.items() if k not in ("name1", "name2", "is_match")}
            extra[FILE_KEY] = source
            out.append(PairRow(r["name1"], r["name2"], _parse_bool(r["is_match"]), extra))
    return out


def _check_split(split: str) -> None:
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, got {split!r}")


def split_clusters(rows: Iterable[ClusterRow], split: str) -> list[ClusterRow]:
    """Rows whose entity is in ``split`` ("train", "test" or "all")."""
    _check_split(split)
    if split == "all":
        return list(rows)
    want_test = split == "test"
    return [r for r in rows if in_test_split(r.entity_id) == want_test]


def split_pairs(rows: Sequence[PairRow], split: str, test_only: bool | None = None) -> list[PairRow]:
    """Pairs in ``split`` by the rule on ``name1``.

    Rows of a test-only file (opensanctions) are all test: "test"/"all" return them, "train" returns
    none. ``test_only`` overrides the detection from ``extra["_file"]``.
    """
    _check_split(split)
    rows = list(rows)
    if split == "all":
        return rows
    want_test = split == "test"
    out = []
    for r in rows:
        t_only = test_only if test_only is not None else r.extra.get(FILE_KEY) in TEST_ONLY_FILES
        is_test = True if t_only else in_test_split(r.name1)
        if is_test == want_test:
            out.append(r)
    return out


def sample_pool(
    rows: Iterable[ClusterRow], n_entities: int, seed: int = 7, split: str = "test"
) -> list[ClusterRow]:
    """A seeded sample of ``n_entities`` whole entities from ``split``, rows shuffled.

    ``n_entities <= 0`` takes every entity of the split. Same sampling as the shared
    ``cluster_eval.py`` (sorted entity ids shuffled by ``random.Random(seed)``), so pools match.
    """
    _check_split(split)
    by_ent: dict[str, list[ClusterRow]] = defaultdict(list)
    for r in split_clusters(rows, split):
        by_ent[r.entity_id].append(r)
    ents = sorted(by_ent)
    rnd = random.Random(seed)
    rnd.shuffle(ents)
    chosen = ents if n_entities <= 0 else ents[:n_entities]
    out = [r for e in chosen for r in by_ent[e]]
    rnd.shuffle(out)
    return out


def lexicon_places(forms_per_place: int = 6, seed: int = 0) -> list[ClusterRow]:
    """Places as a cluster file: the places of namerec's own lexicon (``place_equivalents.json``,
    its Latin forms title-cased, and ``place_scripts.json``, as written), ``forms_per_place`` forms of
    each drawn with ``seed`` (all when it has no more), typed LOC, ``entity_id`` ``place:<name>``
    (split as the cluster files are). Only meaningful with the lexicon switched off
    (``namerec.equivalents.place_lexicon_off``): it measures places matched by their spellings
    alone, as a place the lexicon does not know is (Heraklion / Iraklio / Ηράκλειο).
    """
    from namerec.normalize.lexicons import load_data

    scripts = load_data("place_scripts.json")["forms"]
    rnd = random.Random(seed)
    rows: list[ClusterRow] = []
    for group in load_data("place_equivalents.json")["groups"]:
        forms = list(dict.fromkeys([form.title() for form in group] + list(scripts.get(group[0], ()))))
        if len(forms) > forms_per_place:
            forms = rnd.sample(forms, forms_per_place)
        rows.extend(ClusterRow(form, f"place:{group[0]}", "LOC") for form in forms)
    return rows
