"""The Spark engine against the in-process one on the speed benchmark's input.

    python -m benchmarks.spark_speed [--names 100000] [--master local[2]]

Reconciles the speed benchmark's input of ``--names`` names (``speed.build_speed_pool``) in this
process, then with ``namerec.engines.spark.reconcile`` on a Spark session of ``--master``, checks the
two results are equal, and writes the seconds of each (Spark's start-up left out) to
benchmarks/results/spark_speed.md. Needs the ``spark`` extra and a Java runtime.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "spark_speed.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", type=int, default=100_000, help="input size (default: %(default)s)")
    parser.add_argument("--master", default="local[2]", help="Spark master (default: %(default)s)")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    import namerec
    from benchmarks.speed import build_speed_pool
    from namerec.config import Config
    from namerec.engines.spark import reconcile as reconcile_on_spark

    names = build_speed_pool(args.names).names
    config = Config(progress=False)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master(args.master).appName("namerec-spark-speed")
             .config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    start = time.perf_counter()
    on_spark = reconcile_on_spark(names, config=config, spark=spark)
    spark_seconds = time.perf_counter() - start
    spark.stop()
    start = time.perf_counter()
    here = namerec.reconcile(names, config=config)
    local_seconds = time.perf_counter() - start
    same = here.model_dump() == on_spark.model_dump()
    RESULTS.write_text("\n".join([
        "# The Spark engine against the in-process one", "",
        f"Command: `python -m benchmarks.spark_speed --names {args.names} --master {args.master}`. "
        f"Machine: {os.cpu_count()} CPUs, {platform.platform()}; Python {platform.python_version()}.",
        "Seconds of the reconcile call alone (Spark's start-up left out), one run each.", "",
        "| names | engine | seconds | same result |", "|---|---|---|---|",
        f"| {len(names):,} | in-process | {local_seconds:.1f} | — |",
        f"| {len(names):,} | Spark `{args.master}` | {spark_seconds:.1f} | {'yes' if same else 'NO'} |",
    ]) + "\n", encoding="utf-8")
    print(f"in-process {local_seconds:.1f} s, Spark {spark_seconds:.1f} s, same result: {same}; "
          f"wrote {RESULTS}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
