"""Relatives: two Korean, Chinese or Vietnamese names of one family name whose given names clearly differ.

About one Korean in five is a Kim and one in seven a Lee or a Park, and a hundred family names cover
most Chinese people, so a list of Korean or Chinese people holds many names of one family name, and
relatives among them: brothers, sisters and cousins commonly share one syllable of a two-syllable
given name, the generation name (Kim Jong-il's sons Kim Jong-nam, Kim Jong-chol and Kim Jong-un; Mao
Zedong and his brothers Mao Zemin and Mao Zetan), and parents and children share none (Chung Ju-yung
and his son Chung Mong-koo). Letter by letter such names differ by a few letters (Kim Jong-un, Kim
Jong-il: 0.76; Xi Jinping, Xi Yuanping, brothers: 0.85; Chung Ju-yung, Chung Mong-koo: 0.75, for
their rare shared family name), and spellings of one name differ as much (Kim Jong-un, Gim
Jeong-eun; Xi Jinping, Hsi Chin-p'ing), so the model cannot tell them apart. Syllable by syllable it
can be told: the romanisations of a Korean syllable fold alike (``normalize/korean.py``), pinyin and
Wade-Giles are both read in Wade-Giles (``normalize/wade_giles.py``), and two Korean or two Chinese
names of one family name whose given names differ in a syllable, and clearly (two or more letters, in
every syllable they differ in: not a typo such as Pong / Pyong, Zemin / Zeming), are two people.

This holds in a list, where a pool holding both names most often means two people: in a pool their
clusters never merge (``pipeline.cannot_link``), as a man's and a woman's forms of one family name
never do. A listed pair is left to the model: sanctions lists give one person aliases that differ in
a syllable (opensanctions_namebench labels 6 of its 14 Korean pairs with one syllable alike and one
clearly not matches; that file was looked at after the Korean rule was written, and its pairs one
letter apart, 6 of 8 matches, led to the typo guard).

The syllables must be written apart (a hyphen or space: Kim Jong-un, Chiang Ching-kuo), as one
pinyin word that cuts into two syllables one way only (Jinping), or in hangul or Han characters
(김정은, 毛泽东); "Kim Jongun" could be cut two ways and says nothing here.

Vietnamese names are read alike (``normalize/vietnamese.py``): a family name, maybe a middle name,
and the one-syllable given name a person is known by; nearly two Vietnamese in five are Nguyễn,
and Nguyễn Văn Thiệu and Nguyễn Văn Linh, or Nguyễn Du and Nguyễn Tấn Dũng, are as near letter by
letter. Their given names (Thiệu, Linh; Du, Dũng) must differ by two letters or more.
"""

from __future__ import annotations

import re

import numpy as np
from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from .normalize import NormalizedName
from .normalize.hangul import HANGUL, korean_name_readings, romanize_korean_name
from .normalize.korean import KOREAN_FAMILY_NAMES, korean_given_syllables
from .normalize.translit import han_surname_reading
from .normalize.vietnamese import ALL_FAMILY_NAMES as VIETNAMESE_FAMILIES
from .normalize.vietnamese import vietnamese_given_name
from .normalize.wade_giles import CHINESE_FAMILY_NAMES, chinese_given_syllables
from .records import NameRecords

__all__ = ["given_syllables", "relatives", "two_relatives"]

_APOSTROPHES = re.compile("['’`ʼ‘]")
# Edits between two folded syllables from which they are two syllables, not one mistyped.
_CLEARLY_DIFFERENT = 2
_WORD = re.compile("[a-z]+")


def given_syllables(name: NormalizedName) -> tuple[str, str, str] | None:
    """A Korean or Chinese personal name's family name (marked "ko:" or "zh:") and two given-name
    syllables, read alike across romanisations (see ``korean.korean_given_syllables`` and
    ``wade_giles.chinese_given_syllables``); a Vietnamese name's family name (marked "vi:"), its
    given name and "" (``vietnamese.vietnamese_given_name``); None for any other name.

    >>> from namerec.normalize import normalize_name
    >>> given_syllables(normalize_name("President Kim Jong-un", "PERSON"))
    ('ko:kim', 'jong', 'on')
    >>> given_syllables(normalize_name("김정은")), given_syllables(normalize_name("Kim Jongun"))
    (('ko:kim', 'jong', 'on'), None)
    >>> given_syllables(normalize_name("毛泽东")), given_syllables(normalize_name("Mao Tse-tung"))
    (('zh:mao', 'tse', 'tung'), ('zh:mao', 'tse', 'tung'))
    """
    text = name.original.strip()
    if name.script == "hangul":
        if len(HANGUL.findall(text)) != 3 or not korean_name_readings(text)[1]:
            return None
        return _marked("ko:", korean_given_syllables(romanize_korean_name(text, apart=True)))
    if name.script == "han":
        syllables = [han_surname_reading(text[0]), *(anyascii(character).lower() for character in text[1:])]
        return _marked("zh:", chinese_given_syllables(syllables)) if len(syllables) == 3 else None
    if name.script != "latin" or not 2 <= len(name.tokens) <= 4:
        return None
    vietnamese = vietnamese_given_name(name.original, name.tokens)
    if vietnamese is not None:
        return "vi:" + vietnamese[0], vietnamese[1], ""
    if len(name.tokens) == 4:
        return None
    words = _as_written(name)
    if words is None:
        return None
    korean = korean_given_syllables(" ".join(words)) if len(words) == 3 else None
    return _marked("ko:", korean) if korean is not None else _marked("zh:", chinese_given_syllables(words))


def _as_written(name: NormalizedName) -> list[str] | None:
    """The words of the name as written (lower-case ASCII, apostrophes dropped) that make up its
    normalised text: the normalised name may join a Korean given name's syllables ("kim jongun") and
    drop a title; None when no run of the words spells the text."""
    words = _WORD.findall(_APOSTROPHES.sub("", anyascii(name.original).lower()))
    target = name.text.replace(" ", "")
    for start in range(len(words)):
        joined = ""
        for stop in range(start, len(words)):
            joined += words[stop]
            if joined == target:
                return words[start:stop + 1]
            if not target.startswith(joined):
                break
    return None


def _marked(system: str, read: tuple[str, str, str] | None) -> tuple[str, str, str] | None:
    """``read`` with its family name marked by its naming system, so that a Korean and a Chinese
    reading never count as one family."""
    return None if read is None else (system + read[0], read[1], read[2])


def relatives(records: NameRecords, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per pair of units: are both Korean or both Chinese personal names of one family name whose
    given names clearly differ (``two_relatives``)? Only for names not read as organisations."""
    out = np.zeros(len(left), dtype=bool)
    script = records.script_ids
    syllabic = (script == records.script_id("hangul")) | (script == records.script_id("han"))
    counts = records.token_counts
    candidates = np.flatnonzero((((counts >= 2) & (counts <= 4)) | syllabic) & (records.kinds != 2))
    if not len(candidates) or not len(left):
        return out
    syllables: dict[int, tuple[str, str, str]] = {}
    names = records.names
    for unit in candidates.tolist():
        tokens = names[unit].tokens
        # Most names of two or three words have no Korean or Chinese family name at either end:
        # passed over before anything is read.
        first, last = tokens[0], tokens[-1]
        if len(tokens) > 1 and not (first in KOREAN_FAMILY_NAMES or last in KOREAN_FAMILY_NAMES
                                    or first in CHINESE_FAMILY_NAMES or first in VIETNAMESE_FAMILIES
                                    or last in VIETNAMESE_FAMILIES):
            continue
        read = given_syllables(names[unit])
        if read is not None:
            syllables[unit] = read
    if len(syllables) < 2:
        return out
    has_reading = np.zeros(len(records), dtype=bool)
    has_reading[list(syllables)] = True
    for k in np.flatnonzero(has_reading[left] & has_reading[right]).tolist():
        out[k] = two_relatives(syllables[int(left[k])], syllables[int(right[k])])
    return out


def two_relatives(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    """Are the (family, syllable, syllable) readings ``a`` and ``b`` one family's names whose given
    names differ, and clearly: by two or more letters in each syllable they differ in?

    >>> two_relatives(("ko:kim", "jong", "il"), ("ko:kim", "jong", "on")), two_relatives(
    ...     ("ko:jong", "jo", "yong"), ("ko:jong", "mong", "ko")), two_relatives(
    ...     ("ko:kim", "pong", "ryol"), ("ko:kim", "pyong", "ryol"))
    (True, True, False)
    """
    if a[0] != b[0] or a[1:] == b[1:]:
        return False
    return all(Levenshtein.distance(x, y) >= _CLEARLY_DIFFERENT for x, y in zip(a[1:], b[1:]) if x != y)
