"""Work spread over processes: spans of work and results in the order of the chunks."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from namerec.parallel import default_workers, engine_in_use, even_spans, fork_map


@given(st.integers(0, 5000), st.integers(1, 700), st.integers(1, 8))
def test_even_spans_cover_the_items_in_order_in_a_multiple_of_the_workers(total, largest, workers):
    spans = even_spans(total, largest, workers)
    assert [i for start, stop in spans for i in range(start, stop)] == list(range(total))
    assert all(0 < stop - start <= largest for start, stop in spans)
    parts = math.ceil(math.ceil(total / largest) / workers) * workers
    if total >= parts > 0:  # enough items for every span to get some
        assert len(spans) % workers == 0
        sizes = [stop - start for start, stop in spans]
        assert max(sizes) - min(sizes) <= 1


def _scaled(factor, chunk):
    return [factor * x for x in chunk]


def test_fork_map_gives_the_results_in_the_order_of_the_chunks():
    chunks = [list(range(k, k + 3)) for k in range(0, 30, 3)]
    assert list(fork_map(_scaled, 2, chunks, workers=2)) == [[2 * x for x in c] for c in chunks]


_state: dict[str, int] = {}


def _read_state(_, chunk):
    return [_state.get("meanwhile", 0) for _ in chunk]


def test_meanwhile_runs_here_once_and_forked_workers_never_see_it():
    chunks = [[0], [1], [2], [3]]

    def meanwhile():
        _state["meanwhile"] = _state.get("meanwhile", 0) + 1

    _state.clear()
    assert list(fork_map(_read_state, None, chunks, workers=2, meanwhile=meanwhile)) == [[0]] * 4
    assert _state == {"meanwhile": 1}
    _state.clear()
    # Without workers the work runs here, after it.
    assert list(fork_map(_read_state, None, chunks, workers=1, meanwhile=meanwhile)) == [[1]] * 4
    assert _state == {"meanwhile": 1}


class _RecordingEngine:
    """An engine that runs the chunks here, as a pool's worker would, and records them."""

    workers = 3

    def __init__(self) -> None:
        self.ran: list[tuple[str, int]] = []

    def map(self, function, shared, chunks):
        self.ran.append((function.__name__, len(chunks)))
        return [function(shared, chunk) for chunk in chunks]


def _add(shared, chunk):
    return [shared + x for x in chunk]


def test_with_an_engine_in_use_chunks_run_on_it_but_forked_only_work_does_not():
    engine = _RecordingEngine()
    with engine_in_use(engine):
        assert default_workers() == 3
        assert list(fork_map(_add, 10, [[1], [2, 3]], default_workers())) == [[11], [12, 13]]
        assert list(fork_map(_add, 10, [[4], [5]], default_workers(), forked_only=True)) == [[14], [15]]
        assert list(fork_map(_add, 10, [[6]], default_workers())) == [[16]]  # one chunk: run here
    assert engine.ran == [("_add", 2)]
    # Outside the block the chunks run in forked processes again.
    assert list(fork_map(_add, 10, [[1], [2]], 2)) == [[11], [12]]
    assert engine.ran == [("_add", 2)]


def test_meanwhile_runs_once_before_an_engine_runs_the_chunks():
    engine, order = _RecordingEngine(), []

    def meanwhile():
        order.append(len(engine.ran))

    with engine_in_use(engine):
        list(fork_map(_add, 0, [[1], [2]], 2, meanwhile))
    assert order == [0] and engine.ran == [("_add", 2)]
