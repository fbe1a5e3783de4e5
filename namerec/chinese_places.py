"""Chinese places a syllable apart: written in Han characters or pinyin, they are two places.

Chinese provinces and cities come in pairs a syllable apart: Hebei and Hubei (north and south of
the river or the lake: 河北, 湖北), Henan and Hunan, Jiangxi and Guangxi, Nanjing and Nanning. Letter
by letter they are near (Hebei / Hubei share four letters of five), and no lexicon namerec ships
knows the provinces. Syllable by syllable they are plainly two: a name in Han characters is read one
syllable a character (characters that read alike, 广 and 廣, stay alike), and a one-word place in
pinyin cut into its syllables (``wade_giles.pinyin_place_syllables``). Two names typed as places with
as many syllables, differing in one or more, never share an entity in a pool (``pipeline.cannot_link``)
when both are written in Han characters, which know no typos. Otherwise each syllable they differ in
must differ by two letters or more: a typo can make Hubei of Hebei, and a character read one way of
two can make 成都 "cheng dou" of Chengdu.
"""

from __future__ import annotations

import re

import numpy as np
from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from .normalize import NormalizedName
from .normalize.divisions import KIND_WORDS, set_apart_kind
from .normalize.wade_giles import pinyin_place_syllables
from .records import NameRecords

__all__ = ["chinese_place_syllables", "different_chinese_places"]

_HAN_PLACE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,4}")
# Letters two pinyin syllables must differ by to be two syllables rather than one mistyped.
_CLEARLY_DIFFERENT = 2


def chinese_place_syllables(name: NormalizedName) -> tuple[tuple[str, ...], bool] | None:
    """A place name's syllables and whether they are exact (read from Han characters), or None when
    it is neither two to four Han characters nor one pinyin word (a division's kind word aside).

    >>> from namerec.normalize import normalize_name
    >>> chinese_place_syllables(normalize_name("河北省", "LOC"))
    (('he', 'bei'), True)
    >>> chinese_place_syllables(normalize_name("Hubei", "LOC"))
    (('hu', 'bei'), False)
    """
    if name.script == "han":
        han = set_apart_kind(name.original.strip()).split()[0]
        if not _HAN_PLACE.fullmatch(han):
            return None
        return tuple(anyascii(character).lower() for character in han), True
    words = list(name.tokens)
    if len(words) == 2 and words[-1] in KIND_WORDS:
        words.pop()
    if name.script != "latin" or len(words) != 1:
        return None
    syllables = pinyin_place_syllables(words[0])
    return None if syllables is None else (syllables, False)


def _two_places(a: tuple[tuple[str, ...], bool], b: tuple[tuple[str, ...], bool]) -> bool:
    (syllables_a, exact_a), (syllables_b, exact_b) = a, b
    if len(syllables_a) != len(syllables_b) or syllables_a == syllables_b:
        return False
    if exact_a and exact_b:
        return True
    return all(Levenshtein.distance(x, y) >= _CLEARLY_DIFFERENT
               for x, y in zip(syllables_a, syllables_b) if x != y)


def different_chinese_places(records: NameRecords, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per pair of units: two names typed as places, Chinese by their syllables, that are two places
    (see the module's docstring)?"""
    out = np.zeros(len(left), dtype=bool)
    place = records.typed_as_place
    rows = np.flatnonzero(place[left] & place[right])
    if not len(rows):
        return out
    names = records.names
    units = np.unique(np.concatenate([left[rows], right[rows]])).tolist()
    syllables = {u: read for u in units if (read := chinese_place_syllables(names[u])) is not None}
    if len(syllables) < 2:
        return out
    # Only the pairs of two names read as syllables are compared one by one: few of a list's places.
    read = np.zeros(len(records), dtype=bool)
    read[list(syllables)] = True
    for k in rows[read[left[rows]] & read[right[rows]]].tolist():
        out[k] = _two_places(syllables[int(left[k])], syllables[int(right[k])])
    return out
