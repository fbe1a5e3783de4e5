"""How Arabic and Hebrew script would spell a Latin name: its consonants and likely long vowels.

Arabic and Hebrew write consonants and long vowels and leave short vowels out, so a name read from
them ("صدام حسين" -> "sdam hsin", "אהוד ברק" -> "ahod brk") lacks letters its Latin spelling has
("Saddam Hussein", "Ehud Barak"), and string similarity sees two different names. Spelling the
Latin name the way those scripts would (``abjad_spelling``: "sdm hsin", "ahd brk") gives the two
something comparable; the pipeline compares such spellings only between a name written in one of
those scripts and a Latin one (see :mod:`namerec.scoring.readings`).

The rules, per word: a doubled letter is written once (no script writes the doubling); vowel pairs
that usually stand for a long vowel or a diphthong become the letter those scripts write for it
(ee, ei, ey, ai, ay, ie, ii -> i; oo, ou, uu -> u; aa -> a); other vowels are dropped, except at the
start of a word (written with alif or aleph: a, e, o -> a) and at its end. A final ah or eh is the
feminine ending both scripts write with the letter read "a" (ة, ה): Fatimah, Basrah, Hassakeh -> a
(not in the name of God: Abdullah). tz is written ts, as the Hebrew צ is read.

>>> abjad_spelling("saddam hussein"), abjad_spelling("ehud barak"), abjad_spelling("muammar")
('sdm hsin', 'ahd brk', 'mmr')
>>> abjad_spelling("fatimah"), abjad_spelling("hassakeh"), abjad_spelling("abdullah")
('ftma', 'hska', 'abdlh')
"""

from __future__ import annotations

import re

__all__ = ["ABJAD_SCRIPTS", "abjad_spelling"]

#: Scripts (as :func:`namerec.normalize.translit.dominant_script` names them) that leave short
#: vowels unwritten.
ABJAD_SCRIPTS = frozenset({"arabic", "hebrew"})

_DOUBLE = re.compile(r"([a-z])\1+")
_LONG = re.compile("ee|ei|ey|ai|ay|ie|ii|oo|ou|uu|aa")
_LONG_LETTER = {"aa": "a", "oo": "u", "ou": "u", "uu": "u"}  # the rest stand for i
_INITIAL = {"a": "a", "e": "a", "o": "a", "i": "i", "u": "u"}
_VOWELS = frozenset("aeiou")


def _word(word: str) -> str:
    word = _DOUBLE.sub(r"\1", word).replace("tz", "ts")  # צ, read "ts" (Tzipi, Tzfat)
    if len(word) > 3 and word[-2:] in ("ah", "eh") and not word.endswith("lah"):
        word = word[:-2] + "a"
    if len(word) <= 2:
        return word
    first, middle, last = word[0], word[1:-1], word[-1]
    middle = _LONG.sub(lambda m: _LONG_LETTER.get(m.group(), "i").upper(), middle)
    middle = "".join(ch for ch in middle if ch not in _VOWELS).lower()
    return _INITIAL.get(first, first) + middle + last


def abjad_spelling(text: str) -> str:
    """``text`` (a normalised Latin name: lower-case words) as an abjad script would spell it."""
    return " ".join(_word(word) for word in text.split())
