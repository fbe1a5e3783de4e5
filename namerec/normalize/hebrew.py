"""Hebrew to Latin, keeping the vowels the script writes (step 3).

Like Arabic, Hebrew mostly leaves short vowels out and writes long ones with ו and י. Here ו is "v"
at the start of a word or doubled (וו) and "o" elsewhere; י is "y" at the start of a word or next to
another vowel letter and "i" elsewhere; א is "a" except at the end of a word; ש is "sh", ח "kh", צ
"ts", final ה "a"; ב and פ are "b" and "p" at the start of a word, "v" and "f" after a vowel letter.
Points (niqqud), when present, are dropped.

Inside a word ב, פ and כ are said hard (b, p, k) or soft (v, f, kh) as the unwritten vowels decide:
after a consonant letter, a short vowel the script leaves out may come between (טבריה Tverya,
ציפי לבני Tzipi Livni), and after a vowel letter it may not (ליברמן Lieberman). ``flipped=True`` reads
each of them inside a word the other way, a second reading beside the first.

A geresh after ג, ז, צ or ת marks the sounds foreign names need: ג' j, ז' zh, צ' ch, ת' th
(ג'ו ביידן, Joe Biden). Their Latin spellings vary with the language the name comes from (George
with g, Jacques with j for the ז' sound): ``foreign=True`` reads ג' as g and ז' as j.

>>> romanize_hebrew("ירושלים"), romanize_hebrew("תל אביב"), romanize_hebrew("ג'ון קרי")
('yroshlim', 'tl aviv', 'jon kri')
>>> romanize_hebrew("ג'ורג'"), romanize_hebrew("ג'ורג'", foreign=True), romanize_hebrew("ז'אק", foreign=True)
('jorj', 'gorg', 'jak')
>>> romanize_hebrew("טבריה ציפי לבני"), romanize_hebrew("טבריה ציפי לבני", flipped=True)
('tbria tsifi lbni', 'tvria tsipi lvni')
"""

from __future__ import annotations

import re

__all__ = ["HEBREW", "romanize_hebrew"]

#: Any Hebrew letter.
HEBREW = re.compile("[\u05d0-\u05ea\ufb1d-\ufb4f]")

_LETTERS = {
    "א": "", "ג": "g", "ד": "d", "ה": "h", "ז": "z", "ח": "kh", "ט": "t", "כ": "k", "ך": "kh",
    "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n", "ס": "s", "ע": "", "ף": "f", "צ": "ts",
    "ץ": "ts", "ק": "k", "ר": "r", "ש": "sh", "ת": "t",
}  # fmt: skip
# A letter with a geresh (ASCII apostrophe, Hebrew geresh or right quotation mark), read as one
# letter: stand-ins from the private use area carry it through the word.
_GERESH = re.compile("([גזצץת])['\u05f3\u2019]")
_WITH_GERESH = {"ג": "\ue000", "ז": "\ue001", "צ": "\ue002", "ץ": "\ue002", "ת": "\ue003"}
_LETTERS.update({"\ue000": "j", "\ue001": "zh", "\ue002": "ch", "\ue003": "th"})
_FOREIGN_LETTERS = {**_LETTERS, "\ue000": "g", "\ue001": "j"}
_VOWEL_LETTERS = frozenset("אויע")
_POINTS = re.compile("[\u0591-\u05c7]")  # cantillation and vowel points
_WORD = re.compile("[\u05d0-\u05ea\ue000-\ue003]+")


_HARD = {"ב": "b", "פ": "p", "כ": "k"}
_SOFT = {"ב": "v", "פ": "f", "כ": "kh"}


def _word(word: str, letters: dict[str, str], flipped: bool = False) -> str:
    out: list[str] = []
    for i, char in enumerate(word):
        before = word[i - 1] if i else ""
        after = word[i + 1] if i + 1 < len(word) else ""
        if char == "ו":
            out.append("" if before == "ו" else "v" if not before or after == "ו" else "o")
        elif char == "י":
            out.append("y" if not before or before in _VOWEL_LETTERS or after in _VOWEL_LETTERS else "i")
        elif char in "בפ" or (char == "כ" and flipped and before):
            soft = before in _VOWEL_LETTERS
            if flipped and before:
                soft = not soft
            out.append(_SOFT[char] if soft else _HARD[char])
        elif char in "אע" and not before:
            out.append("a")  # a word-initial aleph or ayin carries a vowel
        elif char == "א" and after:
            out.append("a")  # inside a word, mostly the a of a foreign name (טראמפ, ז'אק, ישראל)
        elif char == "ה" and not after and before:
            out.append("a")  # the usual feminine ending
        else:
            out.append(letters.get(char, char))
    return "".join(out)


def romanize_hebrew(text: str, foreign: bool = False, flipped: bool = False) -> str:
    """Read the Hebrew words of ``text`` in Latin letters; other characters stay.

    ``foreign``: read ג' as g and ז' as j, as names from other languages spell them. ``flipped``:
    read ב, פ and כ inside a word the other way (hard for soft, soft for hard).
    """
    letters = _FOREIGN_LETTERS if foreign else _LETTERS
    text = _GERESH.sub(lambda m: _WITH_GERESH[m.group(1)], _POINTS.sub("", text))
    return _WORD.sub(lambda m: _word(m.group(), letters, flipped), text)
