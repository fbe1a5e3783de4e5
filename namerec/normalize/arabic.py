"""Arabic script (Arabic, Persian, Urdu) to Latin, keeping the vowels the script writes (step 3).

Arabic writes long vowels with the letters ا و ي and leaves short vowels out. A letter-by-letter
reading such as anyascii's drops alif altogether (روحاني -> "rwhny"), which leaves too little for
a Latin spelling ("Rouhani") to meet. Here alif is "a", و and ي are consonants (w, y) at the start
of a word or next to alif and vowels (u, i) between consonants, the feminine ending ة is "a",
the article ال is "al-", and an initial ع, which always carries a vowel, is "a". Letters follow
the common English-language press spellings (خ kh, ش sh, ث th, ذ dh, غ gh, ق q). Short-vowel marks,
when present, are read as a, i, u.

>>> romanize_arabic("حسن روحاني"), romanize_arabic("أسامة بن لادن")
('hsn ruhani', 'asama bn ladn')
"""

from __future__ import annotations

import re

__all__ = ["ARABIC", "romanize_arabic"]

_BLOCKS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
#: Any letter of the Arabic blocks (Arabic, Supplement, Extended-A, Presentation Forms).
ARABIC = re.compile(f"[{_BLOCKS}]")

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ع": "", "ء": "",
    # Persian and Urdu letters
    "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ٹ": "t", "ڈ": "d", "ڑ": "r", "ں": "n",
    "ھ": "h", "ہ": "h", "ۀ": "a",
}  # fmt: skip
_ALIFS = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ى": "a", "ة": "a", "ۃ": "a"}
_YEH = frozenset("يیئےې")
_WAW = frozenset("وؤ")
_PERSIAN_LETTERS = frozenset("پچژگکیٹڈڑںے")
_SHORT_VOWELS = {"\u064e": "a", "\u0650": "i", "\u064f": "u"}  # fatha, kasra, damma
# Other marks (tanwin, sukun, shadda, superscript alif, tatweel) carry nothing a Latin spelling shows.
_SILENT = re.compile("[\u064b-\u064d\u0651\u0652\u0670\u0640]")
_WORD = re.compile(f"[{_BLOCKS}]+")


def _is_vowel_letter(char: str) -> bool:
    return char in _ALIFS


def _word(word: str, foreign: bool = False) -> str:
    if word.endswith("الله") and len(word) > 4:  # the name of God, in names such as عبد الله (Abdullah)
        return _word(word[:-4], foreign) + "allah"
    if word == "الله":
        return "allah"
    prefix = ""
    # The article, written joined to its noun; not in a word written with Persian or Urdu letters,
    # where ال begins a word of its own more often than not (الیزابت Elizabeth, البرز Alborz).
    if len(word) > 3 and word.startswith("ال") and not _PERSIAN_LETTERS.intersection(word):
        prefix, word = "al-", word[2:]
    out: list[str] = []
    for i, char in enumerate(word):
        before = word[i - 1] if i else ""
        after = word[i + 1] if i + 1 < len(word) else ""
        if char in _SHORT_VOWELS:
            out.append(_SHORT_VOWELS[char])
        elif char in _ALIFS:
            out.append(_ALIFS[char])
        elif char in _WAW or char in _YEH:
            semivowel = "w" if char in _WAW else "y"
            vowel = "u" if char in _WAW else ("e" if char == "ے" else "i")
            glide = not before or _is_vowel_letter(before) or _is_vowel_letter(after)
            if foreign and char in _WAW:
                # A foreign name: و before ی is its v or w (دنویل Danville), after an initial alif
                # its o or u (اوک oak, اوباما Obama).
                glide = after in _YEH or (glide and not (i == 1 and before in _ALIFS))
            out.append(semivowel if glide else vowel)
        elif char == "ع" and not before:
            out.append("a")
        elif char in _CONSONANTS:
            out.append(_CONSONANTS[char])
        else:
            out.append(char)  # a digit or unknown letter: left for anyascii
    return prefix + "".join(out)


# الله after another word makes one name with it, and Latin spellings write them as one word
# (عبد الله Abdullah, نصر الله Nasrallah, حزب الله Hezbollah).
_ALLAH_COMPOUND = re.compile(f"([{_BLOCKS}]+) +(?=الله(?![{_BLOCKS}]))")


def romanize_arabic(text: str, foreign: bool = False) -> str:
    """Read the Arabic-script words of ``text`` in Latin letters; other characters stay.

    ``foreign``: read و as Persian and Urdu mostly write it in a foreign name, the consonant v or w
    before ی (دنویل "dnwil", Danville, where the plain reading takes it for the vowel u, "dnuil"),
    and the vowel o or u after an initial alif (اوک "auk", oak, where the plain reading has "awk").

    >>> romanize_arabic("حسن نصر الله"), romanize_arabic("الله")
    ('hsn nsrallah', 'allah')
    >>> romanize_arabic("دنویل"), romanize_arabic("دنویل", foreign=True)
    ('dnuil', 'dnwil')
    >>> romanize_arabic("وایت اوک"), romanize_arabic("وایت اوک", foreign=True)
    ('wayt awk', 'wayt auk')
    """
    text = _ALLAH_COMPOUND.sub(r"\1", _SILENT.sub("", text))
    return _WORD.sub(lambda m: _word(m.group(), foreign), text)
