"""Entity type labels: one spelling per kind, whatever the user or an NER model wrote."""

from __future__ import annotations

import math

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


def canonical_type(value: object) -> str:
    """Return the canonical spelling of an entity type; "" means unknown (compatible with all).

    >>> canonical_type("per"), canonical_type("Company"), canonical_type(None), canonical_type("VESSEL")
    ('PERSON', 'ORG', '', 'VESSEL')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value).strip()
    if not text:
        return ""
    return _ALIASES.get(text.upper(), text)


def types_compatible(a: str, b: str) -> bool:
    """Two canonical types may name one entity when either is unknown or they are equal.

    Types outside the alias table are compared case-insensitively ("Vessel" == "VESSEL").
    """
    return not a or not b or a.casefold() == b.casefold()
