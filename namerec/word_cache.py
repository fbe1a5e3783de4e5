"""Per-word caches that worker processes can fill ahead of use.

A pool has far fewer distinct words than mentions, so per-word work (phonetic codes, spellings of
transcriptions) is cached. In a large pool, working the words out one by one in one process costs
seconds: ``fill_ahead`` computes the words not yet cached over the worker processes, and the values
go into the caches, where every later call, and every worker forked afterwards, finds them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

from .parallel import fork_map

__all__ = ["WordCache", "fill_ahead"]

_Value = TypeVar("_Value")
# Words per task when fill_ahead spreads them over the cores.
_CHUNK = 5_000


class WordCache(dict, Generic[_Value]):
    """A per-word function's values, each computed on first use or stored by ``fill_ahead``.
    Emptied when full, so it never holds more than an lru_cache of ``size`` would."""

    def __init__(self, function: Callable[[str], _Value], size: int) -> None:
        super().__init__()
        self.function = function
        self.size = size

    def __missing__(self, word: str) -> _Value:
        if len(self) >= self.size:
            self.clear()
        value = self[word] = self.function(word)
        return value


def fill_ahead(caches: Sequence[WordCache], words: Iterable[str], workers: int) -> None:
    """Store every cache's value of each of ``words`` (those the first cache lacks; the caches are
    filled together), computed over ``workers`` processes. Words beyond the caches' room are left
    to be computed when used."""
    room = min(cache.size - len(cache) for cache in caches)
    first = caches[0]
    todo = sorted({word for word in words if word not in first})[: max(room, 0)]
    chunks = [todo[start : start + _CHUNK] for start in range(0, len(todo), _CHUNK)]
    # Forked workers only: the caches (this process's) would otherwise be shipped to the work.
    for chunk, values in zip(chunks, fork_map(_fill_chunk, caches, chunks, workers, forked_only=True)):
        for cache, chunk_values in zip(caches, values):
            cache.update(zip(chunk, chunk_values))


def _fill_chunk(caches: Sequence[WordCache], words: list[str]) -> tuple[list, ...]:
    """Each cache's function's values for a chunk of words, in a worker process when there are many."""
    return tuple([cache.function(word) for word in words] for cache in caches)
