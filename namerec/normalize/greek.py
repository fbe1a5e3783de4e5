"""Greek to Latin with a simple table (step 3 of the normaliser).

A simplified ELOT 743 / UN reading: accents are dropped first (Greek tonos and breathings carry
no information for matching), then the digraphs ου, αυ, ευ, ηυ, γγ, γκ, γξ, γχ, then single letters.

Greek writes the b, d and g of foreign names as μπ, ντ and γκ (Μπαράκ Ομπάμα, Ντόναλντ, Γκαίτε),
which the table reads mp, nt and gk as in Greek words (Ολυμπία, Olympia). ``foreign=True`` reads
them b, d and g: the pipeline keeps that reading as a variant where it differs.

>>> romanize_greek("Αλέξης Τσίπρας"), romanize_greek("Κυριάκος Μητσοτάκης")
('Alexis Tsipras', 'Kyriakos Mitsotakis')
>>> romanize_greek("Μπαράκ Ομπάμα"), romanize_greek("Μπαράκ Ομπάμα", foreign=True)
('Mparak Ompama', 'Barak Obama')
>>> romanize_greek("Ντόναλντ Τραμπ", foreign=True)
'Donald Tramp'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["GREEK", "romanize_greek"]

#: Any Greek letter (basic and extended blocks).
GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")

_LETTERS = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}  # fmt: skip
_DIGRAPHS = {
    "ου": "ou", "αυ": "av", "ευ": "ev", "ηυ": "iv",
    "γγ": "ng", "γκ": "gk", "γξ": "nx", "γχ": "nch",
}  # fmt: skip

_TABLE: dict[int, str] = {}
for _letter, _latin in _LETTERS.items():
    _TABLE[ord(_letter)] = _latin
    _TABLE[ord(_letter.upper())] = _latin.capitalize()
del _letter, _latin

_FOREIGN_DIGRAPHS = {**_DIGRAPHS, "μπ": "b", "ντ": "d", "γκ": "g"}

_DIGRAPH = re.compile("|".join(_DIGRAPHS), re.IGNORECASE)
# A word-final μπ stays mp (Τραμπ, Trump; Κάμπ, Camp).
_FOREIGN_DIGRAPH = re.compile("|".join(_FOREIGN_DIGRAPHS).replace("μπ", "μπ(?!\\b)"), re.IGNORECASE)
# Combining marks right after a Greek letter (after NFD): tonos, dialytika, breathings, iota subscript.
_GREEK_MARKS = re.compile("(?<=[\u0370-\u03ff\u1f00-\u1fff])[\u0300-\u036f]+")


def _digraph(match: re.Match[str]) -> str:
    latin = _FOREIGN_DIGRAPHS[match.group().lower()]
    return latin.capitalize() if match.group()[0].isupper() else latin


def romanize_greek(text: str, foreign: bool = False) -> str:
    """Replace the Greek letters of ``text`` by Latin ones; other characters stay as they are.

    ``foreign``: read μπ, ντ, γκ as b, d, g, as in names taken from other languages.
    """
    text = _GREEK_MARKS.sub("", unicodedata.normalize("NFD", text))
    digraph = _FOREIGN_DIGRAPH if foreign else _DIGRAPH
    # NFD split accented Latin letters too: put them back together for the steps that follow.
    text = unicodedata.normalize("NFC", digraph.sub(_digraph, text))
    return text.translate(_TABLE)
