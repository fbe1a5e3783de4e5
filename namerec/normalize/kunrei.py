"""Japanese words romanised in Kunrei-shiki (or Nihon-shiki), read in Hepburn (a variant of the name).

Japan's official romanisation writes the syllables of the s, t, z, d and h rows by their row
(si, ti, tu, zi, hu, sya, tyo, zyu), where Hepburn, which most Latin texts use, writes them as said
(shi, chi, tsu, ji, fu, sha, cho, ju): Huzita and Fujita, Tiba and Chiba, Sinzyuku and Shinjuku are
one name, but share few letters. A word that reads wholly as Japanese syllables and holds one of
those Kunrei syllables gets its Hepburn reading:

>>> hepburn_reading("huzita"), hepburn_reading("sinzyuku"), hepburn_reading("zyunitiro koizumi")
('fujita', 'shinjuku', 'junichiro koizumi')
>>> hepburn_reading("chiba") is None, hepburn_reading("tina turner") is None
(True, True)

Only a name of Japanese syllables throughout, three or more of them, is read so: many European
names of two syllables read as Japanese (Tina, Simon, Hugo), and so would Chiba's Kunrei spelling
Tiba, which is left as written. The reading is a variant, tried beside the name as written, so a
European name that happens to read as Japanese (Simona: "shimona") costs nothing unless its partner
is that reading.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["hepburn_reading"]

# One Japanese syllable as Kunrei, Nihon-shiki or Hepburn write it: a vowel after an optional
# consonant (with y for the contracted syllables), the moraic n, or a consonant doubled before the
# next syllable (the first of "tt"). Tried in this order, so "shu" is sh-u, never s-hu.
_SYLLABLE = re.compile(
    r"([kgsztdhbpmrcfj])(?=\1)|(?:sh|ch|ts|[kgsztdnhbpmr]y?|j|f|[yw])?[aiueo]|n(?![aiueoy])")
# Kunrei and Nihon-shiki syllables that Hepburn writes otherwise: whole syllables, then the first
# two letters of a contracted one (sya, tyo, zyu).
_WHOLE = {"si": "shi", "ti": "chi", "tu": "tsu", "hu": "fu", "zi": "ji", "di": "ji", "du": "zu"}
_CONTRACTED = {"sy": "sh", "ty": "ch", "zy": "j", "dy": "j"}
# Fewer syllables say too little: many a European name of two reads as Japanese (Tina, Simon, Hugo).
_MIN_SYLLABLES = 3


def _syllables(word: str) -> list[str] | None:
    """The word cut into Japanese syllables, or None when it is not made of them."""
    out: list[str] = []
    at = 0
    for match in _SYLLABLE.finditer(word):
        if match.start() != at:
            return None
        out.append(match.group())
        at = match.end()
    return out if out and at == len(word) else None


@lru_cache(maxsize=1 << 16)
def _hepburn_word(word: str) -> tuple[str, int] | None:
    """The word in Hepburn and its number of syllables with a vowel; None when it is not made of
    Japanese syllables."""
    syllables = _syllables(word)
    if syllables is None:
        return None
    read = [_WHOLE.get(s) or (_CONTRACTED[s[:2]] + s[2:] if s[:2] in _CONTRACTED else s) for s in syllables]
    return "".join(read), sum(s[-1] in "aiueo" for s in syllables)


def hepburn_reading(text: str) -> str | None:
    """``text`` (normalised: lower-case ASCII words) in Hepburn, when every word reads as Japanese
    syllables, there are at least ``_MIN_SYLLABLES`` of them and some are Kunrei's; else None."""
    words = text.split()
    read = [_hepburn_word(word) for word in words]
    if not words or None in read or sum(count for _, count in read) < _MIN_SYLLABLES:
        return None
    hepburn = [spelt for spelt, _ in read]
    return " ".join(hepburn) if hepburn != words else None
