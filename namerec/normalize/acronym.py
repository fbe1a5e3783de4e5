"""Acronyms: is a name one, and which acronym would its words make.

A name *is* an acronym when it is written as one: a single word of 2-6 capital letters (NATO,
CSIS, НАТО) or dotted capitals (U.N., U. S. A.). That needs case, so it is read from the cleaned
original. The acronym a longer name *makes* is the first letter of each significant word, read
from the normalised tokens.

>>> written_as_acronym("NATO"), written_as_acronym("U.N."), written_as_acronym("Nato")
(True, True, False)
>>> initials_acronym(("center", "for", "strategic", "and", "international", "studies"))
'csis'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicons import ACRONYM_STOPWORDS

__all__ = ["capital_words", "initials_acronym", "written_as_acronym"]

_DOTTED_CAPITALS = re.compile(r"[^\W\d_](?:\.\s?[^\W\d_]){1,5}\.?")
_WORD = re.compile(r"[^\W\d_]+")


def _is_capital_word(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def written_as_acronym(cleaned: str) -> bool:
    """Whether the whole name (after steps 1-2) is written as an acronym."""
    text = cleaned.strip()
    if _is_capital_word(text):
        return True
    return text.isupper() and _DOTTED_CAPITALS.fullmatch(text) is not None


def capital_words(cleaned: str) -> frozenset[str]:
    """Words of 2-6 capitals in a mixed-case name ("IBM" in "IBM Corp."), as written.

    An all-caps name ("ACME WIDGETS INC") says nothing about acronyms, so it yields none.
    """
    if not any(char.islower() for char in cleaned):
        return frozenset()
    return frozenset(word for word in _WORD.findall(cleaned) if _is_capital_word(word))


def initials_acronym(tokens: Sequence[str]) -> str:
    """First letters of the significant tokens; "" when fewer than two are significant."""
    significant = [t for t in tokens if t not in ACRONYM_STOPWORDS]
    if len(significant) < 2:
        return ""
    return "".join(t[0] for t in significant)
