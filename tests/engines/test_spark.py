"""The Spark engine (namerec.engines.spark): the same entities as in-process, on a local Spark.

Needs pyspark (``namerec[spark]``) and a Java runtime; skips without them. The pool is small, so
the thresholds from which work is cut into chunks are lowered: every chunked stage then runs as
Spark tasks (a test checks which ran there).
"""

from __future__ import annotations

import csv
import os
import shutil
import sys
from pathlib import Path

import pytest

import namerec
import namerec.blocking
import namerec.pipeline
import namerec.scoring.readings
from namerec.config import Config
from namerec.errors import MissingExtraError

pyspark = pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

from namerec.engines import spark as spark_engine  # noqa: E402

VARIANTS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "variants"


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("namerec-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture
def chunked(monkeypatch):
    """Cut every chunked stage into several chunks even for a small pool."""
    for module, name, value in (
        (namerec.pipeline, "_PARALLEL_NAMES", 1), (namerec.pipeline, "_PARALLEL_PAIRS", 1),
        (namerec.pipeline, "_SCORE_CHUNK", 5_000), (namerec.pipeline, "_NORMALIZE_CHUNK", 300),
        (namerec.pipeline, "_ENTITY_CHUNK", 200), (namerec.blocking, "_PARALLEL_MEMBERS", 1),
        (namerec.blocking, "_PARALLEL_UNITS", 1), (namerec.scoring.readings, "_PARALLEL_COMBINATIONS", 1),
        (namerec.scoring.readings, "_CHUNK", 2_000),
    ):
        monkeypatch.setattr(module, name, value)


def _pool(limit: int = 900) -> tuple[list[str], list[str]]:
    """The first names of two shared cluster files, typed: transliterations and people with typos."""
    names: list[str] = []
    types: list[str] = []
    for file in ("wikidata_ru_translit.csv", "splink_historical50k.csv"):
        with open(VARIANTS / file, encoding="utf-8", newline="") as handle:
            for k, row in enumerate(csv.DictReader(handle)):
                if k == limit:
                    break
                names.append(row["name"])
                types.append(row.get("entity_type", ""))
    return names, types


def test_the_same_entities_as_in_process(spark, chunked, monkeypatch):
    names, types = _pool()
    names += ["", "Max Bergmann", "Bergmann", "Зеленский", "Zelenskiy"]
    types += ["", "PERSON", "PERSON", "", ""]
    config = Config(progress=False)
    here = namerec.reconcile(names, types=types, config=config)
    ran: list[str] = []
    run_chunks = spark_engine.SparkEngine.map

    def recording(self, function, shared, chunks):
        ran.append(function.__name__)
        return run_chunks(self, function, shared, chunks)

    monkeypatch.setattr(spark_engine.SparkEngine, "map", recording)
    there = spark_engine.reconcile(names, types=types, config=config, spark=spark)
    assert {"_normalize_chunk", "_hashed_keys", "_nearest_pairs", "_score_chunk", "_identify"} <= set(ran)
    assert "_fill_chunk" not in ran  # the driver's own word caches are filled in its forks
    assert there.model_dump() == here.model_dump()


def test_reconcile_dataframe_adds_three_columns_to_every_row(spark):
    rows = [("1", "Max Bergmann", "PERSON"), ("2", "Max Bergman", "PERSON"),
            ("3", "Ingrid Bergman", "PERSON"), ("4", "", ""), ("5", "Max Bergmann", "PERSON")]
    df = spark.createDataFrame(rows, ["id", "name", "kind"])
    out = spark_engine.reconcile_dataframe(df, column="name", type_column="kind", spark=spark)
    assert out.columns == ["id", "name", "kind", "entity_id", "canonical", "confidence"]
    got = {row["id"]: row for row in out.collect()}
    assert sorted(got) == ["1", "2", "3", "4", "5"]
    expected = namerec.reconcile([r[1] for r in rows], types=[r[2] for r in rows])
    for k, (ident, *_rest) in enumerate(rows):
        assert got[ident]["entity_id"] == expected.labels[k]
    assert got["1"]["entity_id"] == got["2"]["entity_id"] != got["3"]["entity_id"]
    assert got["1"]["canonical"] == "Max Bergmann" and 0 <= got["3"]["confidence"] <= 1


def test_reconcile_dataframe_keeps_column_types_and_reads_a_null_name_as_blank(spark):
    from pyspark.sql import types as T

    schema = T.StructType([T.StructField("n", T.IntegerType()), T.StructField("name", T.StringType()),
                           T.StructField("empty", T.StringType())])
    df = spark.createDataFrame([(1, "Ana Lima", None), (2, None, None), (3, "LIMA, Ana", None)], schema)
    out = spark_engine.reconcile_dataframe(df, spark=spark)
    assert out.schema["n"].dataType == T.IntegerType() and out.schema["empty"].dataType == T.StringType()
    rows = {row["n"]: row for row in out.collect()}
    assert rows[1]["entity_id"] == rows[3]["entity_id"] != rows[2]["entity_id"]
    assert rows[2]["name"] is None and rows[2]["confidence"] == 1.0


def test_reconcile_dataframe_names_a_missing_or_clashing_column(spark):
    df = spark.createDataFrame([("Ana", "x")], ["who", "entity_id"])
    with pytest.raises(KeyError, match="no column 'name'"):
        spark_engine.reconcile_dataframe(df, spark=spark)
    with pytest.raises(ValueError, match="already has the column"):
        spark_engine.reconcile_dataframe(df, column="who", spark=spark)


def test_without_pyspark_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(MissingExtraError, match=r"namerec\[spark\]"):
        spark_engine.reconcile(["Ana"])
