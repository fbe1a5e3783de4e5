"""Process pools: independent chunks of work spread over the machine's cores, or over a cluster.

Results always come back in the order of the chunks, so the outcome never depends on how many
processes did the work. A pool is only worth its start-up for large inputs: callers decide when.

By default the chunks run in processes forked from this one. Inside ``engine_in_use(engine)`` they
run on that engine instead (``namerec.engines.spark``: as the tasks of a Spark job), all but the
work that must run in this process's forks (``fork_map(..., forked_only=True)``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Protocol

# What fork_map's workers inherit from their parent instead of receiving it pickled.
_inherited: Any = None
# Set in fork_map's workers: the cores are already shared out among processes.
_in_worker = False


class ChunkEngine(Protocol):
    """Runs independent chunks of work elsewhere than in forked processes (see ``engine_in_use``)."""

    @property
    def workers(self) -> int:
        """How many chunks it runs at once: what callers cut their work into."""
        ...

    def map(self, function: Callable[[Any, Any], Any], shared: Any, chunks: Sequence[Any]) -> list[Any]:
        """``function(shared, chunk)`` for each chunk, in the order of the chunks, each run after
        ``set_in_worker()`` in its process, so work the function splits again runs where it is."""
        ...


_engine: ContextVar[ChunkEngine | None] = ContextVar("namerec_engine", default=None)


@contextmanager
def engine_in_use(engine: ChunkEngine) -> Iterator[None]:
    """Within the block, ``fork_map`` runs its chunks on ``engine``."""
    token = _engine.set(engine)
    try:
        yield
    finally:
        _engine.reset(token)


def engine_active() -> bool:
    """Would ``fork_map`` here run its chunks on an engine (one is in use, and this is no worker)?"""
    return not _in_worker and _engine.get() is not None


def set_in_worker() -> None:
    """Mark this process as one of a pool's workers (an engine's task calls it before its work)."""
    global _in_worker
    _in_worker = True


def _local_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def thread_workers() -> int:
    """``workers`` for rapidfuzz's process functions: all cores (-1), but one thread inside a pool
    worker, where more threads would only compete with the other workers for the same cores."""
    return 1 if _in_worker else -1


def default_workers() -> int:
    """Processes for a pool: one per core (up to 8), but none more inside a pool's worker; with an
    engine in use, the chunks it runs at once."""
    if _in_worker:
        return 1
    engine = _engine.get()
    return engine.workers if engine is not None else _local_workers()


def even_spans(total: int, largest: int, workers: int) -> list[tuple[int, int]]:
    """(start, stop) spans covering ``total`` items: of (nearly) equal size, at most ``largest`` items
    each, and as many as a multiple of ``workers``, so that no worker is left with the last one alone."""
    if total <= 0:
        return []
    parts = -(-total // max(largest, 1))
    parts = -(-parts // workers) * workers
    bounds = [total * k // parts for k in range(parts + 1)]
    return [(start, stop) for start, stop in zip(bounds[:-1], bounds[1:]) if stop > start]


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def pool_map(function: Callable[..., Any], chunks: Sequence[Any], workers: int) -> list[Any]:
    """``function(*chunk)`` for each chunk, in order, over up to ``workers`` processes."""
    if workers <= 1 or len(chunks) <= 1:
        return [function(*chunk) for chunk in chunks]
    context = multiprocessing.get_context("fork" if can_fork() else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_call, [(function, chunk) for chunk in chunks]))


def _call(job: tuple[Any, Any]) -> Any:
    function, args = job
    return function(*args)


def fork_map(
    function: Callable[[Any, Any], Any], shared: Any, chunks: Sequence[Any], workers: int,
    meanwhile: Callable[[], object] | None = None, *, forked_only: bool = False,
) -> Iterator[Any]:
    """``function(shared, chunk)`` for each chunk, yielded in order, over up to ``workers`` forked processes.

    ``shared`` (large arrays, say) reaches the workers through fork, copy-on-write, and is never
    pickled; only the chunks and the results are. Where fork is unavailable the work runs here.
    ``meanwhile`` runs here once, after the workers are forked (they never see what it changes) and
    while they work: this process's work that would otherwise wait. Without workers it runs first.

    With an engine in use (``engine_in_use``) the chunks run on it, ``meanwhile`` first; not with
    ``forked_only``: work on this process's own state (its caches, which forked processes share
    and others would have to be sent) runs in forked processes, at most one per core.
    """
    engine = _engine.get() if engine_active() and not forked_only else None
    if engine is not None and workers > 1 and len(chunks) > 1:
        if meanwhile is not None:
            meanwhile()
        yield from engine.map(function, shared, chunks)
        return
    workers = min(workers, _local_workers())
    if workers <= 1 or len(chunks) <= 1 or not can_fork():
        if meanwhile is not None:
            meanwhile()
        for chunk in chunks:
            yield function(shared, chunk)
        return
    global _inherited
    _inherited = shared  # set before the pool forks its workers
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=context) as pool:
            # map submits every chunk at once, and the workers are forked as they are submitted: what
            # ``meanwhile`` then changes here, they never see.
            results = pool.map(_call_inherited, [(function, chunk) for chunk in chunks])
            if meanwhile is not None:
                meanwhile()
            yield from results
    finally:
        _inherited = None


def _call_inherited(job: tuple[Any, Any]) -> Any:
    set_in_worker()
    function, chunk = job
    return function(_inherited, chunk)
