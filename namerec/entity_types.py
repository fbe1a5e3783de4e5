"""Entity type labels: one spelling per kind, whatever the user or an NER model wrote."""

from __future__ import annotations

import math
from functools import lru_cache

PERSON = "PERSON"
ORG = "ORG"
LOC = "LOC"

_ALIASES = {
    "PER": PERSON,
    "PERSON": PERSON,
    "ORG": ORG,
    "ORGANIZATION": ORG,
    "ORGANISATION": ORG,
    "COMPANY": ORG,
    "LOC": LOC,
    "GPE": LOC,
    "PLACE": LOC,
    "LOCATION": LOC,
}


# Types that name kinds of place: kept as given (the contract keeps types outside the alias table as
# written), but their names are read as places as LOC's are (place lexicon, gazetteer).
# Written as the user's data writes them: case, "-", "_" and spaces do not count ("place_name").
_PLACE_KINDS = frozenset({
    "CITY", "TOWN", "VILLAGE", "HAMLET", "MUNICIPALITY", "SETTLEMENT", "LOCALITY", "POPULATED PLACE",
    "CAPITAL", "METROPOLIS", "COUNTRY", "NATION", "STATE", "TERRITORY", "REGION", "PROVINCE", "COUNTY",
    "DISTRICT", "PREFECTURE", "OBLAST", "CONTINENT", "ISLAND", "TOPONYM", "GEO", "GEONAME",
    "GEOGRAPHIC", "GEOGRAPHICAL", "PLACE NAME", "PLACENAME", "LOCATION NAME", "GEO LOC",
})


def _place_kind_key(text: str) -> str:
    return " ".join(text.upper().replace("-", " ").replace("_", " ").split())


@lru_cache(maxsize=4096)
def is_place_type(canonical: str) -> bool:
    """Is a canonical type that of places: LOC (and its aliases) or a kind of place (City, Country...)?

    >>> is_place_type("LOC"), is_place_type("City"), is_place_type("place_name"), is_place_type("PERSON")
    (True, True, True, False)
    """
    return canonical == LOC or _place_kind_key(canonical) in _PLACE_KINDS


def canonical_type(value: object) -> str:
    """Return the canonical spelling of an entity type; "" means unknown (compatible with all).

    >>> canonical_type("per"), canonical_type("Company"), canonical_type(None), canonical_type("VESSEL")
    ('PERSON', 'ORG', '', 'VESSEL')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return _canonical_text(value if isinstance(value, str) else str(value))


@lru_cache(maxsize=4096)  # a pool has few distinct types, each met once per name
def _canonical_text(value: str) -> str:
    text = value.strip()
    if not text:
        return ""
    return _ALIASES.get(text.upper(), text)


def types_compatible(a: str, b: str) -> bool:
    """Two canonical types may name one entity when either is unknown or they are equal.

    Types outside the alias table are compared case-insensitively ("Vessel" == "VESSEL").
    """
    return not a or not b or a.casefold() == b.casefold()
