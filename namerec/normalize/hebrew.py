"""Hebrew to Latin, keeping the vowels the script writes (step 3).

Like Arabic, Hebrew mostly leaves short vowels out and writes long ones with ו and י. Here ו is "v"
at the start of a word or doubled (וו) and "o" elsewhere; י is "y" at the start of a word or next to
another vowel letter and "i" elsewhere; ש is "sh", ח "kh", צ "ts", final ה "a"; ב and פ are "b"
and "p" at the start of a word, "v" and "f" after a vowel letter. Points (niqqud), when present,
are dropped.

>>> romanize_hebrew("ירושלים"), romanize_hebrew("תל אביב")
('yroshlim', 'tl aviv')
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
_VOWEL_LETTERS = frozenset("אויע")
_POINTS = re.compile("[\u0591-\u05c7]")  # cantillation and vowel points
_WORD = re.compile("[\u05d0-\u05ea]+")


def _word(word: str) -> str:
    out: list[str] = []
    for i, char in enumerate(word):
        before = word[i - 1] if i else ""
        after = word[i + 1] if i + 1 < len(word) else ""
        if char == "ו":
            out.append("" if before == "ו" else "v" if not before or after == "ו" else "o")
        elif char == "י":
            out.append("y" if not before or before in _VOWEL_LETTERS or after in _VOWEL_LETTERS else "i")
        elif char in "בפ":
            soft = before in _VOWEL_LETTERS
            out.append(("v" if char == "ב" else "f") if soft else ("b" if char == "ב" else "p"))
        elif char in "אע" and not before:
            out.append("a")  # a word-initial aleph or ayin carries a vowel
        elif char == "ה" and not after and before:
            out.append("a")  # the usual feminine ending
        else:
            out.append(_LETTERS.get(char, char))
    return "".join(out)


def romanize_hebrew(text: str) -> str:
    """Read the Hebrew words of ``text`` in Latin letters; other characters stay."""
    text = _POINTS.sub("", text)
    return _WORD.sub(lambda m: _word(m.group()), text)
