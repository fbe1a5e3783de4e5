"""Korean personal names in Latin letters, read alike across romanisations (a variant of the name).

South Korea's Revised Romanisation, McCune-Reischauer (as written without its breves and
apostrophes) and the spellings Koreans choose for themselves write one name many ways: 박정희 is
Park Chung-hee, Pak Chong-hui and Bak Jeong-hui; 이명박 is Lee Myung-bak, Yi Myeong-bak and Rhee
Myung-bak. A name of two to four words with a Korean family name at either end, whose other words
read wholly as Korean syllables, gets a reading in which those differences are folded: the family
name by a table of its usual spellings, the other words by rules (eo and eu as o and u, u as o,
voiced and voiceless consonants alike, r as l, ee and ui as i):

>>> korean_reading("park chung hee"), korean_reading("bak jeong hui"), korean_reading("pak chong hui")
('pak jong hi', 'pak jong hi', 'pak jong hi')
>>> korean_reading("myung bak lee"), korean_reading("john lee") is None
('myong pak i', True)

The reading is a variant, tried beside the name as written. It is coarse (박 and 백, 정 and 종 are
one), so it only applies where the family name says the name is Korean.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["KOREAN_FAMILY_NAMES", "korean_given_syllables", "korean_reading"]

# The usual Latin spellings of common Korean family names, by one reading each, the most common first.
_FAMILY_NAMES = {
    "kim": "kim", "gim": "kim",
    "lee": "i", "yi": "i", "rhee": "i", "rhie": "i", "ri": "i",
    "park": "pak", "pak": "pak", "bak": "pak",
    "choi": "choe", "choe": "choe", "chwe": "choe",
    "jung": "jong", "jeong": "jong", "chung": "jong", "chong": "jong", "cheong": "jong",
    "kang": "kang", "gang": "kang",
    "cho": "jo", "jo": "jo",
    "yoon": "yun", "yun": "yun",
    "jang": "jang", "chang": "jang",
    "lim": "im", "im": "im", "rim": "im", "yim": "im",
    "han": "han",
    "oh": "o",
    "seo": "so", "suh": "so",
    "shin": "sin", "sin": "sin",
    "kwon": "kwon", "gwon": "kwon",
    "hwang": "hwang",
    "ahn": "an",
    "song": "song",
    "yoo": "yu", "yu": "yu",
    "ryu": "ryu", "ryoo": "ryu",
    "hong": "hong",
    "jeon": "jon", "chun": "jon", "chon": "jon", "jun": "jon",
    "ko": "ko", "go": "ko", "koh": "ko",
    "moon": "mun", "mun": "mun",
    "sohn": "son", "son": "son",
    "bae": "pae", "pae": "pae",
    "baek": "paek", "paek": "paek", "paik": "paek",
    "heo": "ho", "hur": "ho", "huh": "ho",
    "nam": "nam",
    "noh": "no", "roh": "no", "no": "no",
    "kwak": "kwak", "gwak": "kwak",
    "seong": "sung", "sung": "sung",
    "cha": "cha",
    "joo": "ju", "ju": "ju", "chu": "ju",
    "woo": "u",
    "min": "min",
    "jin": "jin", "chin": "jin",
    "eom": "om", "uhm": "om", "um": "om",
    "chae": "chae",
    "bang": "pang", "pang": "pang",
    "gong": "kong", "kong": "kong",
    "hyun": "hyon", "hyeon": "hyon",
    "byun": "pyon", "byeon": "pyon", "pyon": "pyon",
    "yeom": "yom", "yum": "yom",
    "yang": "yang",
    "shim": "sim", "sim": "sim",
    # Less common family names, spelt as passports and the press do (구본무 Koo Bon-moo, Gu Bon-mu); not
    # those that often open a given name too (하 Ha, 지 Ji, 원 Won: Ji-sung Park), which would read a
    # name written given name first (Ji-sung Park) as one of that family.
    "koo": "ku", "gu": "ku", "ku": "ku",
    "choo": "ju",  # 추, read as 주 is: Chu is either
    "yeo": "yo", "yuh": "yo",
    "gil": "kil", "kil": "kil",
    "ham": "ham", "hahm": "ham",
    "keum": "kum", "geum": "kum", "kum": "kum",
    "pyo": "pyo",
    "seol": "sol", "sul": "sol",
    "tak": "tak",
    "ban": "pan", "pan": "pan",
    "wang": "wang",
}
#: The Latin spellings of Korean family names that ``korean_reading`` knows.
KOREAN_FAMILY_NAMES = frozenset(_FAMILY_NAMES)
# How common each spelling's family name is: the order of ``_FAMILY_NAMES``, most common first.
_FAMILY_RANK = {spelling: rank for rank, spelling in enumerate(_FAMILY_NAMES)}
# A romanised Korean syllable: an initial consonant (or none), a glide, a vowel, a final consonant.
_SYLLABLE = r"(?:kk|tt|pp|ss|jj|ch|sh|[gkndtrlmbpsjh])?[yw]?(?:eo|eu|ae|oe|ui|ee|oo|[aeiou])(?:ng|[kntlmp])?"
_KOREAN_WORD = re.compile(rf"(?:{_SYLLABLE})+h?")
# Folds, in order: vowels first (while eo, eu are whole), then consonants (ng and ch kept whole).
_FOLDS = (
    (re.compile(r"eo"), "o"), (re.compile(r"eu"), "u"), (re.compile(r"oo"), "u"), (re.compile(r"ee|ui"), "i"),
    (re.compile(r"u"), "o"), (re.compile(r"ng"), "N"), (re.compile(r"ch|j"), "C"), (re.compile(r"sh"), "s"),
    (re.compile(r"g"), "k"), (re.compile(r"d"), "t"), (re.compile(r"b"), "p"), (re.compile(r"r"), "l"),
    (re.compile(r"(?<=[aeiou])h$"), ""), (re.compile(r"([a-z])\1"), r"\1"),
)


@lru_cache(maxsize=1 << 16)
def _folded(word: str) -> str | None:
    if not _KOREAN_WORD.fullmatch(word):
        return None
    for pattern, replacement in _FOLDS:
        word = pattern.sub(replacement, word)
    return word.replace("N", "ng").replace("C", "j")


def _korean_name(words: list[str]) -> tuple[int, list[str]] | None:
    """When ``words`` are a Korean personal name (two to four words, a Korean family name at one end,
    Korean syllables elsewhere): the family name's position (first or last) and the other words
    folded (``_FOLDS``), in order; else None."""
    if not 2 <= len(words) <= 4:
        return None
    # Both ends may be family names (Sung-min Lee, Lee Sung-min: Sung is one too): the more common
    # one, listed first, is taken for the family name.
    ends = sorted((0, len(words) - 1), key=lambda end: _FAMILY_RANK.get(words[end], len(_FAMILY_RANK)))
    for family in ends:
        if words[family] not in _FAMILY_NAMES:
            continue
        folded = [_folded(word) for position, word in enumerate(words) if position != family]
        read = [word for word in folded if word is not None]
        if len(read) == len(folded):
            return family, read
    return None


def korean_given_name_joined(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """A Korean personal name's tokens with its given name's syllables written as one word, as
    Koreans write it (Park Chung-hee, Park Chunghee: ``park chunghee``); None when the name is not
    Korean or its given name is one word already. Apart, each syllable would count as a word of its
    own, and two people of one family with one syllable alike (Park Chung-hee, Park Geun-hye) would
    share two words of three."""
    words = list(tokens)
    korean = _korean_name(words)
    if korean is None or len(words) < 3:
        return None
    family = korean[0]
    given = "".join(word for position, word in enumerate(words) if position != family)
    return (words[0], given) if family == 0 else (given, words[-1])


# One romanised syllable, a trailing h allowed (Kyu-hah); and the press's spellings of 우 and 영 that
# no syllable pattern reads (Tae-woo for Tae-u, Young-sam for Yeong-sam).
_ONE_SYLLABLE = re.compile(rf"{_SYLLABLE}h?")
_PRESS_SYLLABLES = {"woo": "u", "wu": "u", "young": "yeong"}


def korean_given_syllables(text: str) -> tuple[str, str, str] | None:
    """A Korean personal name of three words, written in Latin letters with its given name's two
    syllables apart (Kim Jong-un, Kim Jong Un, Jong-un Kim; lower-case ASCII, apostrophes dropped):
    its family name's reading and the two syllables, folded alike across romanisations; else None.
    "Kim Jongun" could be cut two ways and is left alone.

    >>> korean_given_syllables("kim jong un"), korean_given_syllables("gim jeong eun")
    (('kim', 'jong', 'on'), ('kim', 'jong', 'on'))
    >>> korean_given_syllables("roh tae woo"), korean_given_syllables("kim jongun")
    (('no', 'tae', 'o'), None)
    """
    words = text.split()
    if len(words) != 3:
        return None
    for family in (0, 2):
        given = [_PRESS_SYLLABLES.get(word, word) for word in words[:family] + words[family + 1:]]
        if words[family] in _FAMILY_NAMES and all(_ONE_SYLLABLE.fullmatch(word) for word in given):
            folded = [_folded(word) for word in given]
            if None not in folded:
                return _FAMILY_NAMES[words[family]], folded[0], folded[1]
    return None


def korean_reading(text: str) -> str | None:
    """``text`` (normalised: lower-case ASCII words) read alike across romanisations of Korean, when
    it is a Korean personal name (see the module's docstring); else None."""
    words = text.split()
    korean = _korean_name(words)
    if korean is None:
        return None
    family, read = korean
    read.insert(family, _FAMILY_NAMES[words[family]])
    return " ".join(read)
