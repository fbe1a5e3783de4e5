"""Chinese written in Han characters, read in Wade-Giles as well as in pinyin (step 3).

anyascii reads Han characters in pinyin (毛泽东 "maozedong"), the spelling of mainland China since
the 1950s. Older texts, Taiwan and the overseas press write the same names in Wade-Giles: Mao
Tse-tung, Chou En-lai, Teng Hsiao-p'ing, Tsai Ing-wen, Kaohsiung. Pinyin and Wade-Giles spell the
same sounds with other letters (zh ch, x hs, z ts, j and q ch, d t, g k, b p, -ong -ung, -ian -ien), so
the two spellings look unalike letter by letter. Here each character's pinyin syllable is respelt in
Wade-Giles without its apostrophes and umlauts, as normalisation would leave it, and the syllables
are written apart, as the hyphenated Wade-Giles names are once normalised ("mao tse tung").

Only the spelling system changes: names romanised from another Chinese language (Sun Yat-sen and
Chiang Kai-shek are Cantonese; Keelung is Hokkien) or in a spelling of their own (Lee Teng-hui's Lee)
still differ.

>>> wade_giles_syllable("zhong"), wade_giles_syllable("xiao"), wade_giles_syllable("zi")
('chung', 'hsiao', 'tzu')
>>> han_in_wade_giles("毛泽东"), han_in_wade_giles("高雄")
('mao tse tung', 'kao hsiung')

A name already written in pinyin (two or three words of one or two syllables, one of them a
one-syllable surname, with a letter only pinyin uses) is respelt the same way, so that Mao Zedong
meets Mao Tse-tung:

>>> pinyin_in_wade_giles("mao zedong"), pinyin_in_wade_giles("deng xiaoping"), pinyin_in_wade_giles("dan li")
('mao tse tung', 'teng hsiao ping', None)

So is a name typed as a place that pinyin writes as one word of two to four syllables (Shenzhen,
Chengdu), which Wade-Giles hyphenates (Shen-chen, Ch'eng-tu):

>>> pinyin_in_wade_giles("shenzhen", place=True), pinyin_in_wade_giles("chengdu", place=True)
('shen chen', 'cheng tu')
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from ..entity_types import is_place_type
from .name import NormalizedName

__all__ = [
    "CHINESE_FAMILY_NAMES", "chinese_given_syllables", "han_in_wade_giles", "pinyin_in_wade_giles",
    "pinyin_place_syllables",
    "wade_giles_reading", "wade_giles_syllable",
]

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{_HAN}]+")

# Whole syllables whose Wade-Giles form no rule below gives: the "empty" vowels after sibilants,
# and y- syllables that Wade-Giles writes with a different vowel.
_SYLLABLES = {
    "zhi": "chih", "chi": "chih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tzu", "si": "ssu",
    "you": "yu", "yan": "yen", "ye": "yeh", "yue": "yueh", "yong": "yung", "er": "erh", "e": "o",
    "gui": "kuei", "kui": "kuei", "ge": "ko", "ke": "ko", "he": "ho", "yi": "i",
}  # fmt: skip
# Initials, longest first (pinyin's aspirated and unaspirated pairs share one letter once the
# Wade-Giles apostrophe is gone).
_INITIALS = (
    ("zh", "ch"), ("ch", "ch"), ("sh", "sh"), ("b", "p"), ("p", "p"), ("d", "t"), ("t", "t"),
    ("g", "k"), ("k", "k"), ("j", "ch"), ("q", "ch"), ("x", "hs"), ("z", "ts"), ("c", "ts"),
    ("r", "j"), ("m", "m"), ("f", "f"), ("n", "n"), ("l", "l"), ("h", "h"), ("s", "s"), ("y", "y"),
    ("w", "w"),
)  # fmt: skip
# Finals, longest first.
_FINALS = (("iong", "iung"), ("ong", "ung"), ("ian", "ien"), ("ie", "ieh"), ("ue", "ueh"))
# Initials after which pinyin's -uo is Wade-Giles -o (duo to, luo lo, zuo tso; but guo kuo).
_UO_TO_O = frozenset({"d", "t", "n", "l", "z", "c", "s"})


@lru_cache(maxsize=1 << 12)
def wade_giles_syllable(syllable: str) -> str:
    """One lower-case pinyin syllable in Wade-Giles, without apostrophes or umlauts."""
    if syllable in _SYLLABLES:
        return _SYLLABLES[syllable]
    initial, wg_initial = "", ""
    for pinyin, respelt in _INITIALS:
        if syllable.startswith(pinyin):
            initial, wg_initial = pinyin, respelt
            break
    final = syllable[len(initial) :]
    if final == "uo" and initial in _UO_TO_O:
        final = "o"
    else:
        for pinyin, respelt in _FINALS:
            if final.endswith(pinyin):
                final = final[: -len(pinyin)] + respelt
                break
    return wg_initial + final


# Pinyin syllables by initial: the finals each initial takes (a close approximation of the table).
_BASIC = ("a", "ai", "an", "ang", "ao", "e", "ei", "en", "eng", "ou", "u")
_FINALS_OF = {
    ("b", "p", "m"): (*_BASIC, "o", "i", "ie", "iao", "ian", "in", "ing", "iu"),
    ("f",): (*_BASIC, "o"),
    ("d", "t", "n", "l"): (
        *_BASIC, "ong", "i", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "uo", "ui", "uan", "un",
        "ue",
    ),
    ("g", "k", "h", "zh", "ch", "sh", "r"): (*_BASIC, "ong", "ua", "uo", "uai", "ui", "uan", "un", "uang"),
    ("z", "c", "s"): (*_BASIC, "ong", "i", "uo", "ui", "uan", "un"),
    ("zh", "ch", "sh", "r"): ("i",),
    ("j", "q", "x"): (
        "i", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "u", "ue", "uan", "un",
    ),
    ("y",): ("a", "an", "ang", "ao", "e", "i", "in", "ing", "ong", "ou", "u", "ue", "uan", "un"),
    ("w",): ("a", "ai", "an", "ang", "ei", "en", "eng", "o", "u"),
    ("",): ("a", "ai", "an", "ang", "ao", "e", "ei", "en", "eng", "er", "o", "ou"),
}  # fmt: skip
_PINYIN = frozenset(initial + final for initials, finals in _FINALS_OF.items() for initial in initials
                    for final in finals)
_LONGEST_SYLLABLE = max(map(len, _PINYIN))
# Initials Wade-Giles writes otherwise (ch, hs, ts): a name in pinyin has at least one of them.
_PINYIN_ONLY_INITIALS = ("zh", "x", "q", "j", "z", "c")
# A one-word place name may also show pinyin by its voiced initials, which Wade-Giles writes p, t, k
# (Chengdu, Ch'eng-tu; Taibei, T'ai-pei).
_ONE_WORD_PINYIN_INITIALS = (*_PINYIN_ONLY_INITIALS, "b", "d", "g")


@lru_cache(maxsize=1 << 16)
def _syllables(word: str) -> tuple[str, ...] | None:
    """``word`` cut into at most two pinyin syllables, or None."""
    if word in _PINYIN:
        return (word,)
    for cut in range(1, len(word)):
        if word[:cut] in _PINYIN and word[cut:] in _PINYIN:
            return word[:cut], word[cut:]
    return None


@lru_cache(maxsize=1 << 16)
def _one_word_syllables(word: str) -> tuple[str, ...] | None:
    """``word`` cut into two to four pinyin syllables, each after the first opening with a consonant
    (pinyin marks a syllable opening with a vowel by an apostrophe: Xi'an), longest first syllables
    preferred; None when there is no such cut."""
    def cut(rest: str, most: int, first: bool) -> tuple[str, ...] | None:
        """``rest`` cut into at most ``most`` syllables (two or more when ``first``)."""
        if not first and rest in _PINYIN and rest[0] not in "aeo":
            return (rest,)
        if most < 2:
            return None
        for end in range(min(len(rest) - 1, _LONGEST_SYLLABLE), 0, -1):
            head = rest[:end]
            if head in _PINYIN and (first or head[0] not in "aeo"):
                tail = cut(rest[end:], most - 1, first=False)
                if tail is not None:
                    return (head, *tail)
        return None

    return cut(word, 4, first=True)


def pinyin_place_syllables(word: str) -> tuple[str, ...] | None:
    """A one-word place name in pinyin cut into its two to four syllables, when one of them opens with
    a letter that shows pinyin (zh, x, q, j, z, c, or a voiced b, d, g); None otherwise.

    >>> pinyin_place_syllables("hebei"), pinyin_place_syllables("chengdu"), pinyin_place_syllables("henan")
    (('he', 'bei'), ('cheng', 'du'), None)
    """
    syllables = _one_word_syllables(word)
    if syllables is None or not any(s.startswith(_ONE_WORD_PINYIN_INITIALS) and not s.startswith("ch")
                                    for s in syllables):
        return None
    return syllables


def pinyin_in_wade_giles(text: str, place: bool = False) -> str | None:
    """A normalised name written in pinyin, respelt in Wade-Giles with its syllables apart; None
    when it does not look like a Chinese name in pinyin: two or three words of one or two syllables
    each, one of them a one-syllable surname, and a syllable opening with a letter only pinyin uses
    (zh, x, q, j, z, c) where Wade-Giles has ch, hs or ts.

    Pinyin writes a place name as one word of two to four syllables, read when ``place`` is true
    (the name is typed as a place) and a syllable opens with such a letter or with a voiced initial
    (b, d, g), which Wade-Giles writes p, t, k (Chengdu, Ch'eng-tu). A one word of any other type,
    or untyped, is not read: Japanese names and many Western ones are pinyin syllables too
    (Kumazawa, Sagan)."""
    words = text.split()
    if len(words) == 1:
        one_word = pinyin_place_syllables(words[0]) if place else None
        return None if one_word is None else " ".join(wade_giles_syllable(s) for s in one_word)
    if not 2 <= len(words) <= 3:
        return None
    cut = [_syllables(word) for word in words]
    if any(syllables is None for syllables in cut) or not any(len(syllables) == 1 for syllables in cut):
        return None  # not all pinyin, or no one-syllable word for the surname (Liza Anne)
    syllables = [s for word_syllables in cut for s in word_syllables]
    if not any(s.startswith(_PINYIN_ONLY_INITIALS) and not s.startswith("ch") for s in syllables):
        return None
    return " ".join(wade_giles_syllable(s) for s in syllables)


def han_in_wade_giles(text: str) -> str:
    """``text`` with each run of Han characters read in Wade-Giles, one syllable per character,
    the syllables apart; other characters unchanged."""
    def respell(match: re.Match[str]) -> str:
        syllables = (anyascii(char).lower() for char in match.group())
        return " " + " ".join(wade_giles_syllable(s) if s.isalpha() else s for s in syllables) + " "

    return re.sub(" {2,}", " ", _HAN_RUN.sub(respell, text)).strip()


def wade_giles_reading(name: NormalizedName, entity_type: str) -> str | None:
    """The Wade-Giles spelling of a name in Han characters or in pinyin, None for any other name."""
    if name.script == "han":
        return han_in_wade_giles(name.original)
    if name.script == "latin":
        return pinyin_in_wade_giles(name.text, is_place_type(entity_type))
    return None


# Common Chinese family names of one syllable, in pinyin (a selection of the most frequent).
_FAMILY_NAMES = frozenset("""
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie
song tang han feng deng cao peng zeng xiao tian dong yuan pan yu cai jiang du ye cheng wei su lu
ding ren shen yao cui zhong tan fan jin shi liao jia xia fu fang bai zou meng xiong qin qiu hou yin
xue yan duan lei long tao gu mao hao gong shao wan qian dai kong xiang chang xi kang hong qi mo
""".split())
#: Common Chinese family names as pinyin and as Wade-Giles spell them (Jiang, Chiang).
CHINESE_FAMILY_NAMES = _FAMILY_NAMES | frozenset(wade_giles_syllable(name) for name in _FAMILY_NAMES)
# The Wade-Giles spellings of every pinyin syllable (without apostrophes or umlauts).
_WADE_GILES = frozenset(wade_giles_syllable(syllable) for syllable in _PINYIN)


def _in_wade_giles(syllable: str) -> str | None:
    """One syllable written in pinyin or in Wade-Giles, in Wade-Giles; None when it is neither."""
    if syllable in _PINYIN:
        return wade_giles_syllable(syllable)
    return syllable if syllable in _WADE_GILES else None


def chinese_given_syllables(words: list[str]) -> tuple[str, str, str] | None:
    """A Chinese personal name, family name first, of a one-syllable family name and a two-syllable
    given name, written in pinyin (Xi Jinping, the given name as one word) or Wade-Giles (Chiang
    Ching-kuo, the syllables apart): its family name and given-name syllables in Wade-Giles, so that
    both systems read alike; None for any other name. ``words``: the name's words as written,
    lower-case ASCII, apostrophes dropped.

    >>> chinese_given_syllables(["xi", "jinping"]), chinese_given_syllables(["hsi", "chin", "ping"])
    (('hsi', 'chin', 'ping'), ('hsi', 'chin', 'ping'))
    >>> chinese_given_syllables(["mao", "zedong"]), chinese_given_syllables(["john", "smith"])
    (('mao', 'tse', 'tung'), None)
    """
    if len(words) == 2:
        given = _syllables(words[1])
        if given is None or len(given) != 2:
            return None
    elif len(words) == 3:
        given = (words[1], words[2])
    else:
        return None
    if words[0] not in CHINESE_FAMILY_NAMES:
        return None
    read = [_in_wade_giles(syllable) for syllable in (words[0], *given)]
    return None if None in read else (read[0], read[1], read[2])
