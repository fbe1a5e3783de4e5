"""Cyrillic to Latin, one table per language (step 3 of the normaliser).

One Cyrillic spelling has several Latin readings: Russian щ is "shch", Bulgarian щ is "sht";
Ukrainian г is "h", Russian г is "g". The tables below are simplified forms of the national
passport / official systems (Russian: BGN/PCGN without diacritics; Ukrainian: the 2010 national
system; Bulgarian: the 2009 streamlined system; Serbian: the Latin alphabet without diacritics;
Macedonian: the official system; Belarusian: BGN/PCGN without diacritics). A "press" reading adds
the English-newspaper habits (-ий -> -y, initial е -> ye, ё -> yo) that the official systems lack.
A "foreign" reading undoes Russian's transcription of foreign names (Джонстон -> Jonston, Нисидзи ->
Nishiji), since a Russian text writes Johnstone or Nishiji in Cyrillic too.

Every table covers every Cyrillic letter the others know, so a stray Ukrainian і in a Russian
reading still becomes a Latin letter; letters no table knows are left to anyascii.

>>> romanize("Щерба", "ru"), romanize("Щерба", "bg")
('Shcherba', 'Shterba')
>>> readings("Зеленский")
('Zelenskiy', 'Zelenski', 'Zelenskyi', 'Zelensky')
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .palladius import looks_chinese, pinyin

__all__ = ["LANGUAGES", "guess_language", "readings", "romanize"]

#: Accepted values of ``cyrillic_language``; "press" is an extra reading, not a language.
LANGUAGES: tuple[str, ...] = ("auto", "ru", "uk", "bg", "sr", "mk", "be")

# Russian, the base every other table starts from.
_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip

# Letters of the other alphabets (and a few historic ones), read the way their own language does,
# so that any table can read any Cyrillic letter.
_OTHER_LETTERS = {
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz",
    "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
    "ѣ": "e", "ѳ": "f", "ѵ": "i",
}  # fmt: skip

_UK = {
    "г": "h", "ґ": "g", "е": "e", "є": "ie", "и": "y", "і": "i", "ї": "i", "й": "i",
    "х": "kh", "щ": "shch", "ю": "iu", "я": "ia", "ь": "",
}  # fmt: skip
_BG = {"х": "h", "щ": "sht", "ъ": "a", "ь": "y", "й": "y", "ю": "yu", "я": "ya"}
_SR = {
    "ж": "z", "ћ": "c", "ч": "c", "ш": "s", "ц": "c", "х": "h", "ђ": "dj", "џ": "dz",
    "ј": "j", "љ": "lj", "њ": "nj",
}  # fmt: skip
_MK = {
    "ж": "zh", "ч": "ch", "ш": "sh", "ц": "c", "х": "h", "џ": "dzh", "ѕ": "dz",
    "ѓ": "gj", "ќ": "kj", "ј": "j", "љ": "lj", "њ": "nj",
}  # fmt: skip
_BE = {"г": "h", "ў": "u", "ё": "yo", "і": "i", "х": "kh"}
_PRESS = {"ё": "yo"}

_LETTER = r"[^\W\d_]"
# "At the start of a word": not after a letter, nor after an apostrophe inside a word (Мар'яна).
_WORD_START = r"(?<![^\W\d_])(?<!['’ʼ])"
_WORD_END = r"(?![^\W\d_])"


def _cased(value: str, matched: str) -> str:
    return value.capitalize() if matched[:1].isupper() else value


def _rule(pattern: str, values: dict[str, str]) -> Callable[[str], str]:
    """A contextual rule: every match of ``pattern`` is replaced by ``values[match.lower()]``."""
    compiled = re.compile(pattern, re.IGNORECASE)

    def apply(text: str) -> str:
        return compiled.sub(lambda m: _cased(values[m.group().lower()], m.group()), text)

    return apply


def _char_table(*layers: dict[str, str]) -> dict[int, str]:
    merged: dict[str, str] = {}
    for layer in layers:
        merged.update(layer)
    table: dict[int, str] = {}
    for letter, latin in merged.items():
        table[ord(letter)] = latin
        table[ord(letter.upper())] = latin.capitalize()
    return table


# The "foreign" reading undoes the Russian practical transcription of foreign names, giving the
# spelling their own language most likely used: Джонстон -> Jonston (Johnstone), Уильям -> William,
# Рейнхарт -> Reinhart, Флакк -> Flakk, Цепион -> Cepion (Caepio). A word made only of Chinese
# syllables as the Palladius system writes them is read as pinyin (Цзиньпин -> Jinping, see
# .palladius) when it is one syllable or spelled the Palladius way (чж, цз, юй ...); a word made
# only of Japanese syllables as Polivanov's system writes them (Нисидзи, Тюбати, Томэкити) is read
# back to Hepburn: си -> shi, ти -> chi, цу -> tsu, дз -> z/j, тя -> cha; any other word of Chinese
# syllables is read as pinyin.
_VOWELS = "аеёиоуыэюя"
_FOREIGN = {
    "е": "e", "ё": "o", "ж": "j", "й": "i", "х": "h", "ц": "c", "ы": "y", "э": "e", "ю": "u",
    "я": "ia", "щ": "shch",
}  # fmt: skip
_AFTER_VOWEL_OR_START = r"(?:(?<=[" + _VOWELS + r"])|" + _WORD_START + ")"
_FOREIGN_RULES = (
    _rule("дж", {"дж": "j"}),
    _rule(_WORD_START + "у[аиэео]", {"уа": "wa", "уи": "wi", "уэ": "we", "уе": "we", "уо": "wo"}),
    _rule("кс", {"кс": "x"}),
    _rule("ия", {"ия": "ia"}),
    _rule("[иы]й" + _WORD_END, {"ий": "i", "ый": "y"}),
    _rule(_AFTER_VOWEL_OR_START + "[еёюя]", {"е": "e", "ё": "yo", "ю": "yu", "я": "ya"}),
    _rule(_WORD_START + "й", {"й": "y"}),
)
# Polivanov syllables: an optional consonant (or дз, ц, and palatal pairs such as сь/ть written
# with я ю ё; a doubled one for a geminate, Хоккайдо, Йоккаити, Иттэцу), then a vowel; н and й
# close a syllable.
_JAPANESE_WORD = re.compile(
    "(?:(?:дз|кк|сс|тт|пп|тц|[кгсзтдцнхфмрвбпй])?[аиуэоёюя]|н|й)+" + _WORD_END, re.IGNORECASE
)
_POLIVANOV = {
    "дзя": "ja", "дзю": "ju", "дзё": "jo", "дзи": "ji", "дз": "z",
    "ся": "sha", "сю": "shu", "сё": "sho", "си": "shi",
    "тя": "cha", "тю": "chu", "тё": "cho", "ти": "chi", "цу": "tsu",
    "ка": "ka", "кя": "kya", "кю": "kyu", "кё": "kyo",
    "я": "ya", "ю": "yu", "ё": "yo", "э": "e", "й": "i", "ф": "f", "х": "h", "ц": "ts",
    "йо": "yo", "йа": "ya", "йу": "yu", "йэ": "ye",
}  # fmt: skip
_POLIVANOV_RULE = _rule(_WORD_START + "й[оауэ]|дз[яюёи]?|[ст][яюёи]|цу|к[аяюё]|[яюёэйфхц]", _POLIVANOV)


def _foreign(text: str) -> str:
    def word(match: re.Match[str]) -> str:
        w = match.group()
        chinese = pinyin(w)
        if chinese is not None and looks_chinese(w):
            return chinese
        if _JAPANESE_WORD.fullmatch(w):
            return _POLIVANOV_RULE(w)
        if chinese is not None:
            return chinese
        for rule in _FOREIGN_RULES:
            w = rule(w)
        return w

    return re.sub(_LETTER + "+", word, text)


# Per language: contextual rules applied first, then a letter-by-letter table.
_TABLES: dict[str, tuple[tuple[Callable[[str], str], ...], dict[int, str]]] = {
    "ru": ((), _char_table(_RU, _OTHER_LETTERS)),
    "uk": (
        (
            _rule("зг", {"зг": "zgh"}),
            _rule(_WORD_START + "[єїйюя]", {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}),
        ),
        _char_table(_RU, _OTHER_LETTERS, _UK),
    ),
    "bg": ((_rule("ия" + _WORD_END, {"ия": "ia"}),), _char_table(_RU, _OTHER_LETTERS, _BG)),
    "sr": ((), _char_table(_RU, _OTHER_LETTERS, _SR)),
    "mk": ((), _char_table(_RU, _OTHER_LETTERS, _MK)),
    "be": ((), _char_table(_RU, _OTHER_LETTERS, _BE)),
    "press": (
        (
            _rule("[иы]й" + _WORD_END, {"ий": "y", "ый": "y"}),
            _rule(_WORD_START + "е", {"е": "ye"}),
        ),
        _char_table(_RU, _OTHER_LETTERS, _PRESS),
    ),
    "foreign": ((_foreign,), _char_table(_RU, _OTHER_LETTERS, _FOREIGN)),
}


# Letters found in one language only decide the language in "auto" mode, checked in this order.
_BELARUSIAN = re.compile("[ўЎ]")
_MACEDONIAN = re.compile("[ѓќѕЃЌЅ]")
_SERBIAN = re.compile("[јљњћђџЈЉЊЋЂЏ]")
_UKRAINIAN_OR_BELARUSIAN_I = re.compile("[іІ]")
_UKRAINIAN = re.compile("[іїєґІЇЄҐ]")
# Not unique letters but spellings Russian does not use: -ський (Russian -ский) and ьо (Russian ё).
_UKRAINIAN_SPELLING = re.compile("[сцз]ьк|ьо", re.IGNORECASE)
_RUSSIAN_OR_BELARUSIAN = re.compile("[ыэёЫЭЁ]")
_BULGARIAN = re.compile(_LETTER + "[ъЪ]" + _LETTER)


def _evident_language(text: str) -> str:
    """The language whose unique letters (or spellings) the text uses; "" when none decides.

    In order: ў -> be; ѓ ќ ѕ -> mk; ј љ њ ћ ђ џ -> sr; і ї є ґ -> uk (be when ы or э appear too);
    ы э ё -> ru; -ськ- / ьо -> uk; ъ inside a word -> bg.
    """
    if _BELARUSIAN.search(text):
        return "be"
    if _MACEDONIAN.search(text):
        return "mk"
    if _SERBIAN.search(text):
        return "sr"
    if _UKRAINIAN.search(text):
        # і with ы or э is Belarusian (Лукашэнка, Беларусі); Ukrainian has neither.
        if _UKRAINIAN_OR_BELARUSIAN_I.search(text) and _RUSSIAN_OR_BELARUSIAN.search(text):
            return "be"
        return "uk"
    if _RUSSIAN_OR_BELARUSIAN.search(text):
        return "ru"
    if _UKRAINIAN_SPELLING.search(text):
        return "uk"
    if _BULGARIAN.search(text):
        return "bg"
    return ""


def guess_language(text: str) -> str:
    """The language of a Cyrillic text, from its unique letters; Russian when none decides.

    >>> guess_language("Володимир Зеленський"), guess_language("Щерба"), guess_language("Ђоковић")
    ('uk', 'ru', 'sr')
    """
    return _evident_language(text) or "ru"


def romanize(text: str, language: str) -> str:
    """Read the Cyrillic letters of ``text`` with one language's table; other characters stay.

    ``language`` is one of "ru", "uk", "bg", "sr", "mk", "be" or "press".

    >>> romanize("Згорани, Юрій", "uk")
    'Zghorany, Yurii'
    """
    rules, table = _TABLES[language]
    for rule in rules:
        text = rule(text)
    return text.translate(table)


# Readings offered as variants besides the primary one. Without evidence of the language every
# big table is plausible; with it, only the habit of reading everything as Russian (common in
# Western sources: "Vladimir Zelenskiy") and the press spelling remain.
_ALTERNATIVES_WITHOUT_EVIDENCE = ("foreign", "uk", "bg", "press")
_ALTERNATIVES = {"ru": ("foreign", "press"), "uk": ("ru", "press"), "bg": ("ru", "press"),
                 "sr": ("ru", "press"), "mk": ("ru", "press"), "be": ("ru", "press")}  # fmt: skip


def readings(text: str, language: str = "auto") -> tuple[str, ...]:
    """The primary reading (``language``, or the guessed one for "auto") then distinct alternatives.

    >>> readings("Щерба", "bg")
    ('Shterba', 'Shcherba')
    """
    if language == "auto":
        evident = _evident_language(text)
        primary = evident or "ru"
        others = _ALTERNATIVES[primary] if evident else _ALTERNATIVES_WITHOUT_EVIDENCE
    else:
        primary, others = language, _ALTERNATIVES[language]
    out = [romanize(text, primary)]
    for other in others:
        reading = romanize(text, other)
        if reading not in out:
            out.append(reading)
    return tuple(out)
