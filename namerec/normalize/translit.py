"""Which script a name is written in, and step 3: script-aware transliteration to Latin.

Cyrillic goes through the language tables of :mod:`.cyrillic` (several readings), Greek through
:mod:`.greek`, Arabic script through :mod:`.arabic`, Hebrew through :mod:`.hebrew` (both keep the
vowels those scripts write, which anyascii drops), the Brahmic scripts of India through
:mod:`.indic` (the inherent vowel anyascii drops), Thai through :mod:`.thai` (vowels written before
their consonant, final consonants, unwritten vowels), kana through :mod:`.kana`, hangul through
:mod:`.hangul`, and every other non-Latin letter, mark or digit through ``anyascii``. Latin letters
with diacritics are left alone here: step 5 strips them after casefolding.

>>> transliterate("Зеленский")
('Zelenskiy', 'Zelenski', 'Zelenskyi', 'Zelensky')
>>> transliterate("习近平 and Ελλάδα")
('XiJinPing and Ellada', 'Xi JinPing and Ellada')
>>> dominant_script("Владимир Putin"), dominant_script("123")
('cyrillic', 'none')
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from anyascii import anyascii

from .arabic import ARABIC, romanize_arabic
from .armenian import ARMENIAN, romanize_armenian
from .cyrillic import readings
from .greek import GREEK, romanize_greek
from .han_transcription import transcription_readings
from .hangul import HANGUL, korean_name_readings, mccune_reischauer, romanize_hangul
from .hebrew import HEBREW, romanize_hebrew
from .indic import INDIC, romanize_indic
from .japanese import japanese_reading
from .kana import KANA, romanize_kana, with_l, without_long_vowels
from .thai import THAI, romanize_thai

__all__ = ["SCRIPTS", "dominant_script", "han_surname_reading", "transliterate"]

#: The values of ``NormalizedName.script``.
SCRIPTS: tuple[str, ...] = (
    "latin", "cyrillic", "greek", "arabic", "hebrew", "han", "kana", "hangul", "devanagari", "indic", "thai",
    "other", "none",
)  # fmt: skip

# (first code point, last code point, script), sorted; letters outside every range are "other".
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "latin"),
    (0x0250, 0x02AF, "latin"),  # IPA extensions
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x08A0, 0x08FF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x0D7F, "indic"),  # Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam
    (0x0E00, 0x0E7F, "thai"),
    (0x1100, 0x11FF, "hangul"),
    (0x1C80, 0x1C8F, "cyrillic"),
    (0x1D00, 0x1DBF, "latin"),
    (0x1E00, 0x1EFF, "latin"),
    (0x1F00, 0x1FFF, "greek"),
    (0x2C60, 0x2C7F, "latin"),
    (0x2DE0, 0x2DFF, "cyrillic"),
    (0x3040, 0x30FF, "kana"),
    (0x3130, 0x318F, "hangul"),
    (0x31F0, 0x31FF, "kana"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xA640, 0xA69F, "cyrillic"),
    (0xA720, 0xA7FF, "latin"),
    (0xA960, 0xA97F, "hangul"),
    (0xAB30, 0xAB6F, "latin"),
    (0xAC00, 0xD7AF, "hangul"),
    (0xF900, 0xFAFF, "han"),
    (0xFB1D, 0xFB4F, "hebrew"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0xFF66, 0xFF9F, "kana"),
    (0x20000, 0x3134F, "han"),
)
_STARTS = [start for start, _, _ in _RANGES]


def _script_of_letter(char: str) -> str:
    code = ord(char)
    i = bisect_right(_STARTS, code) - 1
    if i >= 0 and code <= _RANGES[i][1]:
        return _RANGES[i][2]
    return "other"


_SCRIPT_CACHE: dict[str, str] = {}
_ASCII_LETTERS = re.compile("[A-Za-z]+")
_ORDER = {script: i for i, script in enumerate(SCRIPTS)}


def dominant_script(text: str) -> str:
    """The script with the most letters in ``text``; "none" without letters.

    Ties go to the script listed first in :data:`SCRIPTS`.
    """
    rest = _ASCII_LETTERS.sub("", text)  # most letters are ASCII: count them in one go
    counts = {"latin": len(text) - len(rest)} if len(rest) < len(text) else {}
    if not rest.isascii():
        for char in rest:
            script = _SCRIPT_CACHE.get(char)
            if script is None:
                script = _script_of_letter(char) if char.isalpha() else ""
                if len(_SCRIPT_CACHE) < 100_000:
                    _SCRIPT_CACHE[char] = script
            if script:
                counts[script] = counts.get(script, 0) + 1
    if len(counts) < 2:
        return next(iter(counts), "none")
    return max(counts, key=lambda script: (counts[script], -_ORDER[script]))


def _keeps_for_later(code: int) -> bool:
    """Latin letters, combining diacritics and modifier letters wait for steps 5 and 6."""
    return (
        code < 0x0300
        or 0x0300 <= code <= 0x036F  # combining diacritical marks
        or 0x02B0 <= code <= 0x02FF  # spacing modifiers: ʼ ʻ ʹ are apostrophes for step 6
        or 0x1AB0 <= code <= 0x1AFF
        or 0x1D00 <= code <= 0x1EFF
        or 0x20D0 <= code <= 0x20FF
        or 0x2C60 <= code <= 0x2C7F
        or 0xA720 <= code <= 0xA7FF
        or 0xAB30 <= code <= 0xAB6F
        or 0xFE20 <= code <= 0xFE2F
    )


class _ForeignLetters(dict[int, str]):
    """str.translate table, filled on demand: non-Latin letters, marks and digits -> anyascii."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if _keeps_for_later(code) or unicodedata.category(char)[0] not in "LMN":
            latin = char
        else:
            latin = anyascii(char)
        if len(self) < 100_000:  # bounded: arbitrary input must not grow it without limit
            self[code] = latin
        return latin


_FOREIGN = _ForeignLetters()
_CYRILLIC = re.compile("[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAS_HAN = re.compile(f"[{_HAN}]")
_RETROFLEX_L = re.compile("[\u0bb4\u0d34]")
_GEORGIAN = re.compile("[\u10a0-\u10ff\u1c90-\u1cbf]")
_GEORGIAN_NOMINATIVE = re.compile(r"(?<=[b-df-hj-np-tv-z])('?)i\b")  # ' marks an ejective (ტ t')
# A run of two to four Han characters standing alone: a Chinese personal name, surname first.
_HAN_NAME = re.compile(f"(?<![{_HAN}])[{_HAN}]{{2,4}}(?![{_HAN}])")


# Characters read otherwise as a family name than anyascii reads them (its reading in brackets):
# 曾 Zeng (ceng), as in Zeng Guofan; 单 Shan (dan); 解 Xie (jie)...
_SURNAME_READINGS = {
    "薄": "Bo", "曾": "Zeng", "单": "Shan", "單": "Shan", "仇": "Qiu", "区": "Ou", "區": "Ou", "查": "Zha",
    "解": "Xie", "盖": "Ge", "蓋": "Ge", "乐": "Yue", "樂": "Yue", "秘": "Bi", "朴": "Piao", "缪": "Miao",
    "繆": "Miao", "种": "Chong", "翟": "Zhai", "覃": "Qin", "冼": "Xian", "员": "Yun", "員": "Yun",
}  # fmt: skip


def han_surname_reading(character: str) -> str:
    """The pinyin of a Han character as a family name, lower case (曾 "zeng", 李 "li")."""
    reading = _SURNAME_READINGS.get(character)
    return reading.lower() if reading else anyascii(character).lower()


def _split_han_surname(text: str, personal: bool = True) -> str:
    """Each run of two to four Han characters with its first (the family name of a personal name)
    apart, read as a family name when ``personal``."""
    def split(match: re.Match[str]) -> str:
        first = match.group()[0]
        return (_SURNAME_READINGS.get(first, first) if personal else first) + " " + match.group()[1:]

    return _HAN_NAME.sub(split, text)


def transliterate(text: str, cyrillic_language: str = "auto", personal: bool = True) -> tuple[str, ...]:
    """Step 3: Latin readings of ``text``, the primary one first, then distinct alternatives.

    Alternatives come from the other Cyrillic tables, for Chinese names from writing the
    one-syllable surname apart ("Xi JinPing", the usual pinyin shape) and, for a foreign name written
    with the characters Chinese transcribes sounds with, from their values (斯摩棱斯克 "smolensk",
    see :mod:`.han_transcription`), for a common Japanese family name in kanji from its Japanese
    reading (田中 "tanaka", see :mod:`.japanese`), for Hebrew from reading ב, פ, כ inside a word the other way
    (hard or soft: טבריה "tvria", Tverya), for Greek from reading
    μπ, ντ, γκ as the b, d, g of a foreign name (Ταμπρίζ, Tabriz), for Japanese kana and Korean
    hangul from dropping the vowels those scripts add to a foreign name's consonant clusters
    (バスラ basra, 스웨덴 sweden), for kana from writing long vowels once as romanised names do
    (しんぞう, "shinzo"), and for Korean from reading a short name as surname and given name
    (김정은, "kim jeongeun") and from McCune-Reischauer (부산, "pusan"), and for Georgian from
    dropping the nominative ending a name ending in a consonant takes (სმიტი "smiti", Smith), for
    Tamil and Malayalam from writing ழ, ഴ as l rather than zh (தமிழ்நாடு "thamilnadu"), and for
    Armenian from leaving out the initial glides (Երևան "yerevan", "erevan").
    The readings of a short Korean name as surname and given name are left out when the name is no
    person's (``personal`` false: a place, an organisation); the Chinese one-syllable surname apart
    stays, as hyphenated Chinese places are read alike (成都 "cheng du", Ch'eng-tu).
    """
    if text.isascii() or max(text) < "\u0300":  # Latin-1 and Latin Extended: nothing to do here
        return (text,)
    forms = readings(text, cyrillic_language) if _CYRILLIC.search(text) else (text,)
    if _HAS_HAN.search(text):
        japanese = japanese_reading(forms[0])
        forms = (*forms, _split_han_surname(forms[0], personal))
        forms = (*forms, *transcription_readings(forms[0]), *((japanese,) if japanese else ()))
    if GREEK.search(text):
        forms = (*(romanize_greek(form) for form in forms), romanize_greek(forms[0], foreign=True))
    if ARABIC.search(text):
        forms = (*(romanize_arabic(form) for form in forms), romanize_arabic(forms[0], foreign=True))
    if HEBREW.search(text):
        forms = (*(romanize_hebrew(form) for form in forms), romanize_hebrew(forms[0], foreign=True),
                 romanize_hebrew(forms[0], flipped=True))
    if INDIC.search(text):
        forms = (*(romanize_indic(form) for form in forms), romanize_indic(forms[0], from_the_end=True))
        if _RETROFLEX_L.search(text):  # ழ, ഴ: zh, and as English spellings often have it, l (Tamil)
            forms = (*forms, forms[0].replace("zh", "l"))
    if ARMENIAN.search(text):
        forms = (*(romanize_armenian(form) for form in forms), romanize_armenian(forms[0], glides=False))
    if THAI.search(text):
        forms = (*(romanize_thai(form) for form in forms), romanize_thai(forms[0], loanword=True))
    if KANA.search(text):
        kana_readings = tuple(romanize_kana(form) for form in forms)
        loanword = romanize_kana(forms[0], loanword=True)
        forms = (*kana_readings, loanword, without_long_vowels(kana_readings[0]), with_l(loanword))
    if HANGUL.search(text):
        plain = tuple(romanize_hangul(form) for form in forms)
        loanword = romanize_hangul(forms[0], loanword=True)
        names, a_korean_name = korean_name_readings(forms[0]) if personal else ((), False)
        mccune = mccune_reischauer(forms[0])
        forms = (*plain, *names, loanword, mccune) if a_korean_name else (*plain, loanword, mccune, *names)
    out: list[str] = []
    for form in forms:
        latin = form.translate(_FOREIGN)
        if latin not in out:
            out.append(latin)
    if _GEORGIAN.search(text):
        # Georgian gives a name ending in a consonant the nominative ending -i (სმიტი, Smith;
        # ჯონსონი, Johnson): a second reading without it.
        bare = _GEORGIAN_NOMINATIVE.sub(r"\1", out[0])
        if bare not in out:
            out.append(bare)
    return tuple(out)
