"""Phonetic and transliteration keys for single normalised name tokens.

Every function takes one token of lowercase ASCII (``[a-z0-9]+``, already transliterated by
``namerec.normalize``) and is cached, because a corpus has far fewer distinct tokens than mentions.

- :func:`daitch_mokotoff`: Daitch-Mokotoff Soundex, all branches. The best single blocking key
  measured for names written in different romanisation systems (research.md section 1).
- :func:`double_metaphone`: primary and alternate Double Metaphone codes (``doublemetaphone`` package).
- :func:`skeleton`: a transliteration skeleton that folds spelling systems (German, French, Polish,
  English romanisations of Slavic names ...) into one string; far more precise than the phonetic codes.
- :func:`token_codes`: every code of a token, prefixed by its kind, to gate token similarity.
- :func:`name_skeleton`: skeletons of a name's tokens joined by a space.

Daitch-Mokotoff is implemented here from the published rule table (Gary Mokotoff and Randy Daitch,
1985; the table as published by JewishGen / Avotaynu).
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache, wraps
from typing import TypeVar

from doublemetaphone import doublemetaphone as _doublemetaphone

from .word_cache import WordCache, fill_ahead

__all__ = [
    "code_words", "daitch_mokotoff", "double_metaphone", "name_skeleton", "skeleton", "token_codes",
    "word_cached",
]

# Per-word caches: each word is coded when the records are built, again for its blocking keys and
# again when variant readings are built. A pool of a million names has over half a million distinct
# words; a smaller cache would be emptied before the next pass came back to a word.
_CACHE_SIZE = 1 << 20

_Value = TypeVar("_Value")
_CacheInfo = namedtuple("_CacheInfo", "maxsize currsize")

# The caches that code_words fills.
_WORD_CACHES: list[WordCache] = []


def word_cached(function: Callable[[str], _Value]) -> Callable[[str], _Value]:
    """Cache a per-word function as ``lru_cache(maxsize=_CACHE_SIZE)`` would (``__wrapped__`` and
    ``cache_info()`` included), in a cache that ``code_words`` can also fill."""
    cache: WordCache[_Value] = WordCache(function, _CACHE_SIZE)
    _WORD_CACHES.append(cache)

    @wraps(function)
    def cached(word: str) -> _Value:
        return cache[word]

    cached.cache_info = lambda: _CacheInfo(_CACHE_SIZE, len(cache))  # type: ignore[attr-defined]
    return cached


# --------------------------------------------------------------------------------------------------
# Daitch-Mokotoff Soundex
# --------------------------------------------------------------------------------------------------

# The published table: letter group(s), then the code at the start of a name, before a vowel, and in
# any other position; "." = not coded. A second triple after "|" is an alternative reading: the name
# is coded both ways (branches). Groups sharing a row are listed together. One deviation from the
# printed chart, shared by every known implementation including JewishGen's own calculator: "ue" is
# coded like "ui" (0, 1, -), not like "u".
_DM_TABLE = """
ai aj ay                              0  1  .
au                                    0  7  .
a                                     0  .  .
b                                     7  7  7
chs                                   5  54 54
ch                                    5  5  5  | 4  4  4
ck                                    5  5  5  | 45 45 45
cz cs csz czs                         4  4  4
c                                     5  5  5  | 4  4  4
drz drs                               4  4  4
ds dsh dsz                            4  4  4
dz dzh dzs                            4  4  4
d dt                                  3  3  3
ei ej ey                              0  1  .
eu                                    1  1  .
e                                     0  .  .
fb f                                  7  7  7
g                                     5  5  5
h                                     5  5  .
ia ie io iu                           1  .  .
i                                     0  .  .
j                                     1  .  .  | 4  4  4
ks                                    5  54 54
kh k                                  5  5  5
l                                     8  8  8
mn                                    66 66 66
m                                     6  6  6
nm                                    66 66 66
n                                     6  6  6
oi oj oy                              0  1  .
o                                     0  .  .
p pf ph                               7  7  7
q                                     5  5  5
rz rs                                 94 94 94 | 4  4  4
r                                     9  9  9
schtsch schtsh schtch                 2  4  4
sch                                   4  4  4
shtch shch shtsh                      2  4  4
sht scht schd                         2  43 43
sh                                    4  4  4
stch stsch sc                         2  4  4
strz strs stsh                        2  4  4
st                                    2  43 43
szcz szcs                             2  4  4
szt shd szd sd                        2  43 43
sz                                    4  4  4
s                                     4  4  4
tch ttch ttsch                        4  4  4
th                                    3  3  3
trz trs                               4  4  4
tsch tsh                              4  4  4
ts tts ttsz tc                        4  4  4
tz ttz tzs tsz                        4  4  4
t                                     3  3  3
ui uj uy ue                           0  1  .
u                                     0  .  .
v                                     7  7  7
w                                     7  7  7
x                                     5  54 54
y                                     1  .  .
zdz zdzh zhdzh                        2  4  4
zd zhd                                2  43 43
zh zs zsch zsh                        4  4  4
z                                     4  4  4
"""

# A coding: the code (at start, before a vowel, elsewhere); "" = not coded.
_Coding = tuple[str, str, str]
# A reading of a letter group: its coding, and whether the group then counts as a vowel. Only "j" has
# both kinds of reading (a vowel like "y", or a consonant like "dzh").
_Reading = tuple[_Coding, bool]


def _parse_dm_table(table: str) -> dict[str, tuple[_Reading, ...]]:
    """Map each letter group to its readings (one, or two when the group is ambiguous)."""
    readings_of: dict[str, tuple[_Reading, ...]] = {}
    for line in table.strip().splitlines():
        fields = line.split()
        groups = [field for field in fields if field.isalpha()]
        readings: list[_Reading] = []
        for reading in " ".join(field for field in fields if not field.isalpha()).split("|"):
            start, vowel, other = ("" if code == "." else code for code in reading.split())
            # Vowels are the groups coded 0 or 1 at the start of a name (a, e, i, o, u, y, ai, ia ...).
            readings.append(((start, vowel, other), start in ("0", "1")))
        readings_of.update(dict.fromkeys(groups, tuple(readings)))
    return readings_of


_DM_READINGS = _parse_dm_table(_DM_TABLE)
# Whether a group is read as a vowel: (False,), (True,) or, for "j" only, both.
_DM_KINDS = {group: tuple(sorted({kind for _, kind in readings})) for group, readings in _DM_READINGS.items()}
# Longest group first, so the regex takes the longest match, as the rules require (schtsch over sch).
_DM_GROUP = re.compile("|".join(sorted(_DM_READINGS, key=len, reverse=True)))
_NON_LETTERS = re.compile("[^a-z]+")


@word_cached
def daitch_mokotoff(token: str) -> tuple[str, ...]:
    """Daitch-Mokotoff Soundex codes (6 digits each, all branches, sorted, deduplicated).

    The name is cut into the longest letter groups the table knows (``schtsch``, ``szcz``, ``tz`` ...),
    and each group is coded by position: at the start of the name, before a vowel, or elsewhere.
    Vowels are coded only at the start. When a group's code begins with the digit the previous group's
    code ended with, that digit is written once (``lippszyc``: ``pp`` is one 7; ``besst`` = ``best``),
    but an uncoded group (a vowel, ``h`` before a consonant) separates (``lipshitz``: 8-7-4-4).
    Ambiguous groups (``c``, ``ch``, ``ck``, ``j``, ``rs``, ``rz``) are coded both ways. Letters other than
    a-z are ignored; '' or digits-only -> ().

    >>> daitch_mokotoff("peters")
    ('734000', '739400')
    """
    word = _NON_LETTERS.sub("", token.lower())
    groups = [match.group() for match in _DM_GROUP.finditer(word)]
    if not groups:
        return ()
    # A branch: (digits so far, last digit of the previous group's code or "" after an uncoded group,
    # whether the next group must be read as a vowel: None when it has only one kind of reading).
    branches: set[tuple[str, str, bool | None]] = {("", "", None)}
    for index, group in enumerate(groups):
        # Is the next group a vowel? Either, for a "j", which a branch then reads one way throughout.
        following = _DM_KINDS[groups[index + 1]] if index + 1 < len(groups) else (False,)
        ambiguous = len(following) > 1
        grown: set[tuple[str, str, bool | None]] = set()
        for digits, last, required in branches:
            for coding, is_vowel in _DM_READINGS[group]:
                if required is not None and is_vowel != required:
                    continue
                for next_is_vowel in following:
                    code = coding[0 if index == 0 else 1 if next_is_vowel else 2]
                    written = code[1:] if code[:1] == last else code
                    grown.add(((digits + written)[:6], code[-1:], next_is_vowel if ambiguous else None))
        branches = grown
    return tuple(sorted({(digits + "000000")[:6] for digits, _, _ in branches}))


# --------------------------------------------------------------------------------------------------
# Double Metaphone
# --------------------------------------------------------------------------------------------------


@word_cached
def double_metaphone(token: str) -> tuple[str, ...]:
    """Primary and alternate Double Metaphone codes (non-empty, deduplicated, primary first).

    >>> double_metaphone("schwarzenegger")
    ('XRSNKR', 'XFRTSNKR')
    """
    primary, alternate = _doublemetaphone(token)
    return tuple(dict.fromkeys(code for code in (primary, alternate) if code))


# --------------------------------------------------------------------------------------------------
# Transliteration skeleton
# --------------------------------------------------------------------------------------------------

# Rewrite rules, applied in order to the whole token. Upper-case letters are classes produced by an
# earlier rule (so a later rule cannot misread them): S = any sibilant or hushing sound (s z ts sh
# zh ch shch), J = "dzh" or a word-initial glide (y/j before a vowel). Every rule was kept because it
# raised recall of true variant pairs without costing much precision on the training split
# (benchmarks/eval_skeleton.py; numbers in docs/phonetic.md).
_Rules = tuple[tuple[re.Pattern[str], str], ...]


def _compile(rules: tuple[tuple[str, str], ...]) -> _Rules:
    return tuple((re.compile(pattern), replacement) for pattern, replacement in rules)


# Endings and prefixes first, while the original spelling is still there.
_SPELLING_RULES = _compile(
    (
        (r"(?<=[^aeiouy])[iy][iyj]?$", "i"),  # Russian -ий/-ый: -iy -ii -ij -yy -yj -y -i
        (r"(?<=[oe])(?:ff|w)$", "v"),  # -ov/-off/-ow, -ev/-eff/-ew (not -ef: Yusuf = Youssef)
        (r"ic$", "iS"),  # Serbo-Croatian -ić loses its accent in ASCII: -ic = -ich
        (r"(?<=[aeo]|n)c$", "S"),  # Polish/Czech final c = ts (Zajonc, Primorac, Nemec)
        (r"ck[iy]$", "Ski"),  # Polish -cki = -tski (Paprocki)
        (r"(?<=[iy])e$", ""),  # Marie = Mari, Katie = Kati
        (r"^mc", "mak"),  # McDonald = MacDonald
        (r"cch", "k"),  # Italian cch = k (Sacchi = Sakki)
    )
)
# After doubled letters are collapsed: the sound folds.
_SOUND_RULES = _compile(
    (
        (r"dt", "t"),  # German Bernhardt = Bernhart
        # Sibilant clusters, longest first: German, French, Polish, English and Czech spellings of
        # the same Slavic sounds all become S (Shcherbakov, Schtscherbakow, Chtcherbakov, Szczerbakow).
        (r"schtsch|shtsch|shtch|chtch|shch|szcz|stsch", "S"),
        (r"dzh|dj", "J"),
        (r"tsch|tsh|tch|cz", "S"),
        (r"sch|sh|sz", "S"),
        (r"zh|zs", "S"),
        (r"(?<=[bcdgkpt])rz", "S"),  # Polish rz after a consonant is zh (Grzegorz); German rz is r+ts
        (r"kh", "h"),
        (r"ch(?=[^aeiouyh])", "h"),  # before a consonant ch is kh (Chruschtschow, Christ)
        (r"ch", "S"),
        (r"ph", "f"),
        # h after these consonants is silent in the source (Thomas, Rhea, Whitley) or a breath that
        # Russian writes as kh (Everhard = Everkhard, Korhonen = Korkhonen): dropped either way.
        (r"(?<=[bdgrtw])h", ""),
        # German z = ts (Berzina = Bertsina); s, z and ts are one class because ASCII folding has
        # already merged s with š and z with ž (Kresic = Kreshich).
        (r"ts|tz|dz|c(?=[eiy])|z|s", "S"),
        (r"ck|c|q", "k"),
        (r"x", "kS"),
        (r"w", "v"),
        (r"^[yj](?=[aeiou])", "J"),  # Yuri = Jurij, Jelena = Yelena
        (r"(?<=[^aeiouy])e$", ""),  # silent final e (Brooke = Bruk)
        (r"[jy]", "i"),  # other glides are vowels: Tatjana = Tatyana = Tatiana
        (r"(?<=[aeiou])h(?=[^aeiou]|$)", ""),  # h after a vowel only lengthens it (Ahmad = Akhmad)
    )
)
_VOWEL_RUN = re.compile("[aeiou]+")
_FINAL_VOWELS = re.compile("[aeiou]+$")


def _collapse_doubles(word: str, keep: str = "") -> str:
    """Write a letter repeated in a row once (bergmann -> bergman), except the letters in ``keep``."""
    out: list[str] = []
    previous = ""
    for char in word:
        if char != previous or char in keep:
            out.append(char)
            previous = char
    return "".join(out)


def _apply(rules: _Rules, word: str) -> str:
    for pattern, replacement in rules:
        word = pattern.sub(replacement, word)
    return word


@word_cached
def skeleton(token: str) -> str:
    """Transliteration skeleton: folds romanisation differences so variants of one name collide.

    Sibilant spellings become ``s`` (sh, sch, sz, ch, zh, ts, z ...), ``w`` becomes ``v``, ``kh``
    becomes ``h``, doubled letters collapse, Russian endings are normalised (-skiy = -ski, -off = -ov),
    and every vowel run but the last becomes ``a``; the final vowel is kept (it often marks gender:
    Ivanov/Ivanova, Maria/Mario). Word-initial glides and "dzh" become ``j``. Designed as a precise
    blocking key: vowel-dropping variants (Berzina/Berezina) and consonant changes stay apart.

    >>> skeleton("schtscherbakow"), skeleton("shcherbakov"), skeleton("szczerbakow")
    ('sarbakav', 'sarbakav', 'sarbakav')
    """
    word = _apply(_SPELLING_RULES, token.lower())  # upper case is reserved for the rules' classes
    # c is kept doubled for now: Italian cc before e/i is ch (Bocci = Bochchi), otherwise k.
    word = _apply(_SOUND_RULES, _collapse_doubles(word, keep="c"))
    word = _collapse_doubles(word).lower()  # folding made new doubles (sh-ch, k-s-s)
    # Vowel spelling varies most between systems (Mohammed/Muhammad), the final vowel least.
    final = _FINAL_VOWELS.search(word)
    if final is None:
        return _VOWEL_RUN.sub("a", word)
    return _VOWEL_RUN.sub("a", word[: final.start()]) + final.group()[-1]


@lru_cache(maxsize=1 << 18)  # one entry per name: few repeat
def _name_skeleton(tokens: tuple[str, ...]) -> str:
    return " ".join(skeleton(token) for token in tokens)


def name_skeleton(tokens: Sequence[str]) -> str:
    """Skeletons of a name's tokens joined by a space.

    >>> name_skeleton(["kristine", "bertsina"])
    'krastan barsana'
    """
    return _name_skeleton(tuple(tokens))


# --------------------------------------------------------------------------------------------------
# All codes of a token
# --------------------------------------------------------------------------------------------------


@lru_cache(maxsize=_CACHE_SIZE)
def token_codes(token: str) -> tuple[str, ...]:
    """All phonetic codes of a token, prefixed by kind, sorted: two tokens sharing one sound alike.

    >>> token_codes("peterson")
    ('dm:734600', 'dm:739460', 'mp:PTRSN')
    """
    codes = [f"dm:{code}" for code in daitch_mokotoff(token)]
    codes += [f"mp:{code}" for code in double_metaphone(token)]
    return tuple(sorted(codes))


# --------------------------------------------------------------------------------------------------
# Many words at once
# --------------------------------------------------------------------------------------------------


def code_words(words: Iterable[str], workers: int) -> None:
    """Compute the skeleton and phonetic codes of ``words`` (and every other per-word value cached
    with ``word_cached``) over ``workers`` processes, ahead of use.

    The values go into the per-word caches, where every later call finds them: coding the words of
    a large pool one by one in a single process costs seconds.
    """
    fill_ahead(_WORD_CACHES, words, workers)
