"""Chinese syllables written in Cyrillic (the Palladius system) read back to pinyin.

Russian writes Chinese names syllable by syllable: Си Цзиньпин (Xi Jinping), Чжао (Zhao), Сюй (Xu),
Цун (Cong). The syllable inventory is small and strict, so a word that splits into Palladius
syllables is very likely Chinese, and each syllable has one pinyin spelling. The table is built from
initials and finals; цз, ц and с are j, q and x before the "palatal" finals (и, я, е, ю, юй ...)
and z, c and s elsewhere.

>>> pinyin("Цзиньпин"), pinyin("Сюй"), pinyin("Чжао"), pinyin("Иванов")
('Jinping', 'Xu', 'Zhao', None)
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["pinyin", "looks_chinese"]

# Initial -> (pinyin, pinyin before a palatal final).
_INITIALS = {
    "б": ("b", "b"), "п": ("p", "p"), "м": ("m", "m"), "ф": ("f", None), "д": ("d", "d"),
    "т": ("t", "t"), "н": ("n", "n"), "л": ("l", "l"), "г": ("g", None), "к": ("k", None),
    "х": ("h", None), "цз": ("z", "j"), "ц": ("c", "q"), "с": ("s", "x"), "чж": ("zh", None),
    "ч": ("ch", None), "ш": ("sh", None), "ж": ("r", None),
}  # fmt: skip
_RETROFLEX = frozenset({"чж", "ч", "ш", "ж"})
_DENTAL_SIBILANTS = frozenset({"цз", "ц", "с"})
_LABIALS = frozenset({"б", "п", "м", "ф"})
_FINALS = {
    "а": "a", "ай": "ai", "ань": "an", "ан": "ang", "ао": "ao", "э": "e", "эй": "ei", "энь": "en",
    "эн": "eng", "оу": "ou", "у": "u", "уа": "ua", "уай": "uai", "уй": "ui", "уань": "uan",
    "унь": "un", "уан": "uang", "ун": "ong",
}  # fmt: skip
_PALATAL_FINALS = {
    "и": "i", "я": "ia", "е": "ie", "яо": "iao", "ю": "iu", "янь": "ian", "инь": "in", "ян": "iang",
    "ин": "ing", "юн": "iong", "юй": "u", "юэ": "ue", "юань": "uan", "юнь": "un",
}  # fmt: skip
_ZERO_INITIAL = {
    "а": "a", "ай": "ai", "ань": "an", "ан": "ang", "ао": "ao", "э": "e", "эй": "ei", "энь": "en",
    "эн": "eng", "эр": "er", "о": "o", "оу": "ou", "и": "yi", "я": "ya", "е": "ye", "яо": "yao",
    "ю": "you", "янь": "yan", "инь": "yin", "ян": "yang", "ин": "ying", "юн": "yong", "у": "wu",
    "ва": "wa", "во": "wo", "вай": "wai", "вэй": "wei", "вань": "wan", "вэнь": "wen", "ван": "wang",
    "вэн": "weng", "юй": "yu", "юэ": "yue", "юань": "yuan", "юнь": "yun",
}  # fmt: skip


def _syllables() -> dict[str, str]:
    table = dict(_ZERO_INITIAL)
    for initial, (plain, palatal) in _INITIALS.items():
        for final, latin in _FINALS.items():
            table[initial + final] = plain + latin
        # о is "o" after labials (bo, po, mo, fo) and "uo" elsewhere (duo, guo, zhuo, suo).
        table[initial + "о"] = plain + ("o" if initial in _LABIALS else "uo")
        if initial in _RETROFLEX:
            table[initial + "и"] = plain + "i"  # zhi, chi, shi, ri
        if initial in _DENTAL_SIBILANTS:
            table[initial + "ы"] = plain + "i"  # zi, ci, si
        if palatal is not None:
            for final, latin in _PALATAL_FINALS.items():
                table[initial + final] = palatal + latin
    return table


_SYLLABLES = _syllables()
_LONGEST = max(map(len, _SYLLABLES))
# Spellings found in Palladius and hardly anywhere else in names written in Cyrillic.
_MARKERS = re.compile("чж|цз|юй|юэ|оу|эй|ы|нь|[ая]о|ун$", re.IGNORECASE)


@lru_cache(maxsize=1 << 14)
def _split(word: str) -> tuple[str, ...] | None:
    """The word as the fewest Palladius syllables, or None when it is not made of them."""
    best: list[tuple[str, ...] | None] = [()] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST), end):
            head = best[start]
            if head is not None and word[start:end] in _SYLLABLES:
                candidate = (*head, word[start:end])
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    return best[len(word)]


def pinyin(word: str) -> str | None:
    """The pinyin of a Cyrillic word made of Palladius syllables; None for any other word."""
    syllables = _split(word.lower())
    if not syllables:
        return None
    latin = "".join(_SYLLABLES[s] for s in syllables)
    return latin.capitalize() if word[:1].isupper() else latin


def looks_chinese(word: str) -> bool:
    """A word of Palladius syllables that is one syllable or uses a spelling typical of Palladius
    (чж, цз, юй ...): a Japanese or Western name rarely does either."""
    syllables = _split(word.lower())
    return bool(syllables) and (len(syllables) == 1 or bool(_MARKERS.search(word)))
