"""The kind word of an administrative division's name, written one way across languages and scripts.

A province, region or prefecture is named with a word for its kind, in its own language or another:
Moscow Oblast, Moscow Region and Московская область; Gyeonggi-do, Gyeonggi Province and 경기도;
Osaka Prefecture, Ōsaka-fu and 大阪府. For names typed as places the normaliser writes each such word
as one English word (``data/place_division_words.json``): the kind word of a Han or hangul name is
set apart before it is read (大阪府 -> "大阪 prefecture"), a Latin name's last word replaced
(Ōsaka-fu -> "osaka prefecture"), and a Russian or Ukrainian adjective before it made the place's
name again (Moskovskaya -> "moskov"). The kind word is kept, not dropped: Osaka Prefecture and Osaka
City are two places.

>>> set_apart_kind("大阪府"), set_apart_kind("경기도"), set_apart_kind("北海道")
('大阪 prefecture', '경기 province', '北海道')
>>> kind_in_english(["moskovskaya", "oblast"], attached=False)
['moskov', 'region']
>>> kind_in_english(["nara", "shi"], attached=True), kind_in_english(["nara", "shi"], attached=False)
(['nara', 'city'], ['nara', 'shi'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicons import load_data

__all__ = ["KIND_WORDS", "kind_in_english", "set_apart_kind"]

_DATA = load_data("place_division_words.json")
_LAST_WORD: dict[str, str] = _DATA["last_word"]
_PINYIN_LAST_WORD: dict[str, str] = _DATA["pinyin_last_word"]
_VOWEL_GROUP = re.compile("[aeiouy]+")
_ATTACHED: dict[str, str] = _DATA["attached_suffix"]
# The kinds of the Russian and Ukrainian divisions named with an adjective (oblast, kray, rayon).
_ADJECTIVE_KINDS = frozenset({"region", "territory", "district"})
_ADJECTIVE = re.compile("(?:" + "|".join(sorted(_DATA["adjective_endings"], key=len, reverse=True)) + ")$")


def _suffix_pattern(suffixes: Sequence[str], letters: str) -> re.Pattern[str]:
    """A name of two or more ``letters`` then one of ``suffixes`` (longest first), alone."""
    alternatives = "|".join(sorted(suffixes, key=len, reverse=True))
    return re.compile(f"^(\\s*[{letters}]{{2,}}?)({alternatives})(\\s*)$")


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SUFFIXES = {**_DATA["han_suffix"], **_DATA["hangul_suffix"]}
#: The English words the normaliser writes for a division's kind (region, province, prefecture...).
KIND_WORDS = frozenset({*_LAST_WORD.values(), *_PINYIN_LAST_WORD.values(), *_ATTACHED.values(),
                        *_SUFFIXES.values()})
_HAN_KIND = _suffix_pattern(list(_DATA["han_suffix"]), _HAN)
_HANGUL_KIND = _suffix_pattern(list(_DATA["hangul_suffix"]), "\uac00-\ud7a3")


def set_apart_kind(text: str) -> str:
    """A name in Han characters or hangul ending in a division's kind (省, 府, 도...) after two or more
    characters of its own: the kind as an English word after a space. Any other text as it is."""
    for pattern in (_HAN_KIND, _HANGUL_KIND):
        match = pattern.match(text)
        if match:
            return f"{match.group(1)} {_SUFFIXES[match.group(2)]}{match.group(3)}"
    return text


def kind_in_english(tokens: Sequence[str], attached: bool, latin: bool = False) -> list[str]:
    """A normalised place name's words with its last word, when it names a division's kind, in
    English, and a Russian or Ukrainian adjective before such a word made a noun again.

    ``attached``: the last word was joined to the one before by a hyphen (Gyeonggi-do), which the
    short kind words of Korean, Japanese and Chinese romanisations need. ``latin``: the name was
    written in Latin letters, where a pinyin kind word may stand apart after a word of two syllables or
    more (Nancheng Xian); a reading of Chinese characters split into syllables ends in such words by
    chance ("chao xian", Korea), and so does a name written syllable by syllable ("Shen Zhen")."""
    out = list(tokens)
    if len(out) < 2 or len(out[-2]) < 4:
        return out
    kind = _LAST_WORD.get(out[-1]) or (_ATTACHED.get(out[-1]) if attached else None)
    if kind is None and latin and len(_VOWEL_GROUP.findall(out[-2])) >= 2:
        kind = _PINYIN_LAST_WORD.get(out[-1])
    if kind is None:
        return out
    out[-1] = kind
    if kind in _ADJECTIVE_KINDS and len(out[-2]) >= 7:
        out[-2] = _ADJECTIVE.sub("", out[-2])
    return out
