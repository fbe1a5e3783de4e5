"""Korean relatives: two Korean names of one family name whose given names clearly differ.

About one Korean in five is a Kim and one in seven a Lee or a Park, so a list of Korean people holds
many names of one family name, and relatives among them: brothers, sisters and cousins commonly
share one syllable of a two-syllable given name, the generation name (Kim Jong-il's sons Kim
Jong-nam, Kim Jong-chol and Kim Jong-un), and parents and children share none (Chung Ju-yung and his
son Chung Mong-koo). Letter by letter such names differ by a few letters once the given name's
syllables are joined ("kim jongun", "kim jongil": 0.76; read alike across romanisations, "jong
joyong" and "jong mongko": 0.75), and romanisations of one name differ as much (Kim Jong-un, Gim
Jeong-eun), so the model cannot tell them apart. Syllable by syllable it can be told: the
romanisations of one syllable fold alike (``korean.py``), and two Korean names of one family name
whose given names differ in a syllable, and clearly (two or more letters once folded, in every
syllable they differ in: not a typo such as Pong / Pyong, Jong-un / Jong-um), are two people.

This holds in a list, where a pool holding both names most often means two people: in a pool their
clusters never merge (``pipeline.cannot_link``), as a man's and a woman's forms of one family name
never do. A listed pair is left to the model: sanctions lists give one person aliases that differ in
a syllable (opensanctions_namebench labels 6 of its 14 pairs with one syllable alike and one
clearly not matches; that file was looked at after the generation-name rule was written, and its
pairs one letter apart, 6 of 8 matches, led to the typo guard).

The syllables must be written apart (a hyphen or space: Kim Jong-un) or in hangul (김정은); "Kim
Jongun" could be cut two ways and says nothing here.
"""

from __future__ import annotations

import re

import numpy as np
from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from .normalize import NormalizedName
from .normalize.hangul import HANGUL, korean_name_readings, romanize_korean_name
from .normalize.korean import KOREAN_FAMILY_NAMES, korean_given_syllables
from .records import NameRecords

__all__ = ["given_syllables", "korean_relatives", "two_relatives"]

_APOSTROPHES = re.compile("['’`ʼ‘]")
# Edits between two folded syllables from which they are two syllables, not one mistyped.
_CLEARLY_DIFFERENT = 2
_WORD = re.compile("[a-z]+")


def given_syllables(name: NormalizedName) -> tuple[str, str, str] | None:
    """A Korean personal name's family name and two given-name syllables, folded alike across
    romanisations (see ``korean.korean_given_syllables``); None for any other name.

    >>> from namerec.normalize import normalize_name
    >>> given_syllables(normalize_name("President Kim Jong-un", "PERSON"))
    ('kim', 'jong', 'on')
    >>> given_syllables(normalize_name("김정은")), given_syllables(normalize_name("Kim Jongun"))
    (('kim', 'jong', 'on'), None)
    """
    if name.script == "hangul":
        text = name.original.strip()
        if len(HANGUL.findall(text)) != 3 or not korean_name_readings(text)[1]:
            return None
        return korean_given_syllables(romanize_korean_name(text, apart=True))
    if name.script != "latin" or len(name.tokens) != 2:
        return None
    # The normalised name joins the given name's syllables ("kim jongun") and drops any title; the
    # syllables are two words of the name as written whose letters make up the joined word.
    words = _WORD.findall(_APOSTROPHES.sub("", anyascii(name.original).lower()))
    for family, given in (name.tokens, name.tokens[::-1]):
        for first, second in zip(words, words[1:]):
            if first + second == given:
                order = (family, first, second) if name.tokens[0] == family else (first, second, family)
                return korean_given_syllables(" ".join(order))
    return None


def korean_relatives(records: NameRecords, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per pair of units: are both Korean personal names of one family name whose given names clearly
    differ (``two_relatives``)? Only for names not read as organisations."""
    out = np.zeros(len(left), dtype=bool)
    hangul = records.script_ids == records.script_id("hangul")
    candidates = np.flatnonzero(((records.token_counts == 2) | hangul) & (records.kinds != 2))
    if not len(candidates) or not len(left):
        return out
    syllables: dict[int, tuple[str, str, str]] = {}
    names = records.names
    for unit in candidates.tolist():
        tokens = names[unit].tokens
        # Most two-word names have no Korean family name: passed over before anything is read.
        if len(tokens) == 2 and tokens[0] not in KOREAN_FAMILY_NAMES and tokens[1] not in KOREAN_FAMILY_NAMES:
            continue
        read = given_syllables(names[unit])
        if read is not None:
            syllables[unit] = read
    if len(syllables) < 2:
        return out
    korean = np.zeros(len(records), dtype=bool)
    korean[list(syllables)] = True
    for k in np.flatnonzero(korean[left] & korean[right]).tolist():
        out[k] = two_relatives(syllables[int(left[k])], syllables[int(right[k])])
    return out


def two_relatives(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    """Are the (family, syllable, syllable) readings ``a`` and ``b`` one family's names whose given
    names differ, and clearly: by two or more letters in each syllable they differ in?

    >>> two_relatives(("kim", "jong", "il"), ("kim", "jong", "on")), two_relatives(
    ...     ("jong", "jo", "yong"), ("jong", "mong", "ko")), two_relatives(
    ...     ("kim", "pong", "ryol"), ("kim", "pyong", "ryol"))
    (True, True, False)
    """
    if a[0] != b[0] or a[1:] == b[1:]:
        return False
    return all(Levenshtein.distance(x, y) >= _CLEARLY_DIFFERENT for x, y in zip(a[1:], b[1:]) if x != y)
