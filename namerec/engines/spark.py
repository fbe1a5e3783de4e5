"""namerec on Apache Spark (extra ``namerec[spark]``).

The pipeline is the same; what changes is where its heavy chunks of work run. Normalising the
distinct names, hashing their blocking keys, finding the nearest neighbours in large blocks, scoring
the candidate pairs (with their re-readings) and naming the entities are cut into chunks as on one
machine, and each chunk runs as a task of a Spark job on the cluster's executors: what a task needs
is broadcast once per job, and the results come back in the order of the chunks, so the entities are
the ones the in-process engine finds (keys are hashed with a hash every process computes alike,
where forked processes share Python's string hashing). The driver keeps the rest: the distinct names
and their records, grouping the keys into blocks, the scored graph, clustering and the result. It
needs the memory one machine would for those (about 1.3 GB per 100,000 names); the executors take
the CPU time, most of it scoring.

Work is only cut up from the sizes where it pays on one machine (20,000 distinct names for
normalising, 20,000 for hashing keys, 200,000 candidate pairs for scoring): a smaller pool runs on
the driver alone.

    from pyspark.sql import SparkSession
    from namerec.engines.spark import reconcile, reconcile_dataframe

    spark = SparkSession.builder.getOrCreate()
    result = reconcile(names, types=types, spark=spark)          # a Reconciliation, as namerec.reconcile
    out = reconcile_dataframe(df, column="name", spark=spark)    # df + entity_id, canonical, confidence
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..errors import MissingExtraError
from ..models import Reconciliation
from ..parallel import engine_in_use, set_in_worker

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["SparkEngine", "reconcile", "reconcile_dataframe"]

#: The columns ``reconcile_dataframe`` adds.
ADDED_COLUMNS = ("entity_id", "canonical", "confidence")


def _require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise MissingExtraError("the Spark engine (namerec.engines.spark)", "spark", "pyspark") from None


def _session(spark: SparkSession | None) -> SparkSession:
    """``spark``, else the active session, else a new local one whose tasks run this Python (so they
    find namerec as this process does)."""
    _require_pyspark()
    from pyspark.sql import SparkSession

    if spark is not None:
        return spark
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    builder = SparkSession.builder.appName("namerec")
    if not os.environ.get("PYSPARK_PYTHON"):
        builder = builder.config("spark.pyspark.python", sys.executable)
    return builder.getOrCreate()


def _run_chunk(function: Callable[[Any, Any], Any], shared, chunk: Any) -> Any:
    """One chunk, in a Spark task: work it would split again stays in this task."""
    set_in_worker()
    return function(shared.value, chunk)


class SparkEngine:
    """Runs ``parallel.fork_map``'s chunks as the tasks of Spark jobs, a partition per chunk."""

    def __init__(self, spark: SparkSession) -> None:
        self.context = spark.sparkContext

    @property
    def workers(self) -> int:
        return max(1, int(self.context.defaultParallelism))

    def map(self, function: Callable[[Any, Any], Any], shared: Any, chunks: Sequence[Any]) -> list[Any]:
        broadcast = self.context.broadcast(shared)
        try:
            tasks = self.context.parallelize(list(chunks), numSlices=len(chunks))
            # collect() returns the partitions in order: one chunk each.
            return tasks.map(partial(_run_chunk, function, broadcast)).collect()
        finally:
            broadcast.unpersist()


def reconcile(
    names: Sequence[object], /, *, types: Sequence[object] | None = None, config: Config | None = None,
    spark: SparkSession | None = None,
) -> Reconciliation:
    """``namerec.reconcile`` with its heavy chunks of work run on Spark (``spark``, or the active
    session, or a new local one): the same result, labels, entities and confidences alike."""
    from ..pipeline import reconcile as reconcile_here

    with engine_in_use(SparkEngine(_session(spark))):
        return reconcile_here(names, types=types, config=config)


def reconcile_dataframe(
    df: DataFrame, *, column: str = "name", type_column: str | None = None, config: Config | None = None,
    spark: SparkSession | None = None,
) -> DataFrame:
    """``df`` with the columns ``entity_id``, ``canonical`` and ``confidence`` added to every row,
    as ``namerec cluster`` adds them to a file's rows; no row is lost. The names (and types) are
    collected to the driver, reconciled with :func:`reconcile`, and joined back to their rows."""
    from pyspark.sql import types as T

    session = _session(spark)
    for wanted in filter(None, (column, type_column)):
        if wanted not in df.columns:
            raise KeyError(f"no column {wanted!r}; the columns are: {', '.join(df.columns)}")
    clash = [c for c in ADDED_COLUMNS if c in df.columns]
    if clash:
        raise ValueError(f"df already has the column(s) {', '.join(clash)}; rename them first")
    row_id = "__namerec_row"
    # Each row numbered, its columns and their types kept as they are.
    schema = T.StructType([*df.schema.fields, T.StructField(row_id, T.LongType(), False)])
    numbered = session.createDataFrame(df.rdd.zipWithIndex().map(lambda pair: (*pair[0], pair[1])), schema)
    picked = [column] + ([type_column] if type_column else [])
    rows = numbered.select(row_id, *picked).orderBy(row_id).collect()
    names = [row[column] for row in rows]
    types = [row[type_column] for row in rows] if type_column else None
    result = reconcile(names, types=types, config=config, spark=session)
    canonical = {entity.id: entity.canonical for entity in result.entities}
    confidence = {member.index: member.confidence for entity in result.entities for member in entity.members}
    added = session.createDataFrame(
        [(row[row_id], label, canonical[label], confidence[index])
         for index, (row, label) in enumerate(zip(rows, result.labels))],
        T.StructType([T.StructField(row_id, T.LongType(), False),
                      T.StructField("entity_id", T.StringType(), False),
                      T.StructField("canonical", T.StringType(), False),
                      T.StructField("confidence", T.DoubleType(), False)]),
    )
    return numbered.join(added, on=row_id).orderBy(row_id).drop(row_id)
