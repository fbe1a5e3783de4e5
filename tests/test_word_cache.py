"""Per-word caches filled ahead over worker processes (namerec.word_cache)."""

from __future__ import annotations

from namerec.word_cache import WordCache, fill_ahead


def test_a_cache_computes_a_missing_word_once():
    calls: list[str] = []

    def upper(word: str) -> str:
        calls.append(word)
        return word.upper()

    cache = WordCache(upper, size=10)
    assert cache["ab"] == "AB" and cache["ab"] == "AB"
    assert calls == ["ab"]


def test_a_full_cache_is_emptied_rather_than_grown():
    cache = WordCache(str.upper, size=2)
    for word in ("a", "b", "c"):
        _ = cache[word]
    assert len(cache) <= 2 and cache["c"] == "C"


def test_filling_ahead_over_workers_gives_every_cache_the_values_of_its_function():
    words = [f"w{i}" for i in range(12_000)]  # more than one chunk: the work is spread
    caches = [WordCache(str.upper, size=100_000), WordCache(len, size=100_000)]
    fill_ahead(caches, words + words[:10], workers=2)
    assert all(caches[0][w] == w.upper() and caches[1][w] == len(w) for w in words)
    assert set(caches[0]) == set(caches[1]) == set(words)


def test_filling_ahead_stops_at_the_room_left():
    cache = WordCache(str.upper, size=5)
    fill_ahead([cache], ["a", "b", "c", "d", "e", "f", "g"], workers=1)
    assert len(cache) == 5
