"""Where namerec's work runs.

By default everything runs in this process, with the heavy chunks of work (normalising names,
finding neighbours in large blocks, scoring candidate pairs, naming entities) spread over the
machine's cores in forked processes (:mod:`namerec.parallel`).

:mod:`namerec.engines.spark` (extra ``namerec[spark]``) runs those chunks as the tasks of Spark jobs
instead, on a cluster's executors, with the same functions on the same inputs: the same Config gives
the same entities on either engine. Importing this package imports no engine.
"""

__all__: list[str] = []
