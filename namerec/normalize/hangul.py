"""Korean hangul to Latin by the Revised Romanization, without its sound-change rules.

anyascii reads hangul syllable by syllable with ㄹ always L (베를린 -> "BeLeulLin"). Here each
precomposed syllable is split into its initial consonant, vowel and final consonant
(Unicode arranges the 11,172 syllables as 19 x 21 x 28) and written in Revised Romanization, word by
word. ㄹ is r before a vowel and l at the end of a syllable, and final ㄹ with initial ㄹ is ll
(베를린 bereullin, 서울 seoul). The other sound changes at syllable boundaries are not written.

Korean writes the consonant clusters of foreign names with the vowel ㅡ eu after the first consonants
(Sweden, 스웨덴 seuweden). ``loanword=True`` drops that eu where it has an initial consonant and no
final one (스웨덴 sweden, 그리스 gris), and writes a final ㄹ with eu before an initial ㄹ as one l:
that is how Korean writes bl, cl, fl (블라디미르 bladimir, 베를린 berlin). A syllable without an
initial consonant keeps its eu (은 eun), and so does a word that would lose all its vowels (스 seu).

Also here: McCune-Reischauer, the older romanisation of many places' English names (``mccune_reischauer``:
부산 pusan), and Korean personal names, surname first, in the spellings of Revised Romanization, of
older texts and of the press and passports (``romanize_korean_name``, ``korean_name_readings``: 반기문
ban ki moon, Ban Ki-moon).

>>> romanize_hangul("베를린"), romanize_hangul("서울 런던"), romanize_hangul("파리 Paris")
('bereullin', 'seoul reondeon', 'pari Paris')
>>> romanize_hangul("노보시비르스크", loanword=True), romanize_hangul("블라디미르", loanword=True)
('nobosibirsk', 'bladimir')
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["HANGUL", "korean_name_readings", "mccune_reischauer", "romanize_hangul", "romanize_korean_name"]

#: A precomposed hangul syllable.
HANGUL = re.compile("[\uac00-\ud7a3]")
_WORD = re.compile("[\uac00-\ud7a3]+")
# Conjoining jamo (an initial, a vowel and maybe a final), composed into a syllable first.
_JAMO = re.compile("[\u1100-\u1112][\u1161-\u1175][\u11a8-\u11c2]?")

_INITIALS = (
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s",
    "ss", "", "j", "jj", "ch", "k", "t", "p", "h",
)  # fmt: skip
_VOWELS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae",
    "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
)  # fmt: skip
_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
    "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
)  # fmt: skip
_RIEUL_INITIAL, _NO_INITIAL, _EU, _RIEUL_FINAL = 5, 11, 18, 8


def _jamo(syllable: str) -> tuple[int, int, int]:
    """The indices of a syllable's initial, vowel and final (0: none) in the tables above."""
    index = ord(syllable) - 0xAC00
    return index // 588, index % 588 // 28, index % 28


def _romanize_word(word: str, loanword: bool) -> str:
    syllables = [_jamo(c) for c in word]
    out: list[str] = []
    merged = False  # the last syllable was a loanword eul before ㄹ, whose l is the next one's
    for i, (initial, vowel, final) in enumerate(syllables):
        after = syllables[i + 1][0] if i + 1 < len(syllables) else None
        onset, nucleus, coda = _INITIALS[initial], _VOWELS[vowel], _FINALS[final]
        if initial == _RIEUL_INITIAL and i and _FINALS[syllables[i - 1][2]] == "l":
            onset = "" if merged else "l"  # 베를린 bereullin, loanword berlin
        if final == _RIEUL_FINAL and after == _NO_INITIAL:
            coda = "r"  # the ㄹ begins the next syllable, which has no consonant of its own
        merged = False
        if loanword and vowel == _EU and initial != _NO_INITIAL:
            if final == 0:
                nucleus = ""
            elif final == _RIEUL_FINAL and after == _RIEUL_INITIAL:
                nucleus, merged = "", True
        out.append(onset + nucleus + coda)
    return "".join(out)


def _romanize(match: re.Match[str], loanword: bool) -> str:
    plain = _romanize_word(match.group(), loanword=False)
    if not loanword:
        return plain
    reading = _romanize_word(match.group(), loanword=True)
    # A word left with no vowel is not a likely reading (스 seu).
    return reading if re.search("[aeiou]", reading) else plain


def romanize_hangul(text: str, loanword: bool = False) -> str:
    """Replace the hangul syllables of ``text`` by Revised Romanization; other characters stay.

    ``loanword``: drop the vowel eu Korean adds to the consonant clusters of foreign names.
    """
    text = _JAMO.sub(lambda match: unicodedata.normalize("NFC", match.group()), text)
    return _WORD.sub(lambda match: _romanize(match, loanword), text)


# McCune-Reischauer, the older romanisation (still that of North Korea, and of many places' English
# names: Pusan, Taegu, Cheju), without its diacritics and apostrophes. It writes the plain stops
# unvoiced (k, t, p, ch) at the start of a word and after a stop, voiced (g, d, b, j) elsewhere;
# ㅓ and ㅡ as o and u; and ㄹ after ㅁ or ㅇ as n (강릉 Kangnung).
_MR_VOICED = {0: ("k", "g"), 3: ("t", "d"), 7: ("p", "b"), 12: ("ch", "j")}  # ㄱ ㄷ ㅂ ㅈ
_MR_VOWELS = {"eo": "o", "yeo": "yo", "eu": "u", "ui": "ui", "wo": "wo"}
_STOP_FINALS = frozenset({"k", "t", "p"})


def _mccune_word(word: str) -> str:
    syllables = [_jamo(c) for c in word]
    out: list[str] = []
    before = ""  # the previous syllable's final, as written
    for i, (initial, vowel, final) in enumerate(syllables):
        onset = _INITIALS[initial]
        if initial in _MR_VOICED:
            unvoiced, voiced = _MR_VOICED[initial]
            onset = unvoiced if i == 0 or before in _STOP_FINALS else voiced
        elif initial == _RIEUL_INITIAL and i:
            onset = {"l": "l", "m": "n", "ng": "n"}.get(before, "r")
        nucleus = _MR_VOWELS.get(_VOWELS[vowel], _VOWELS[vowel])
        coda = _FINALS[final]
        after = syllables[i + 1][0] if i + 1 < len(syllables) else None
        if final == _RIEUL_FINAL and after == _NO_INITIAL:
            coda = "r"
        out.append(onset + nucleus + coda)
        before = coda
    return "".join(out)


def mccune_reischauer(text: str) -> str:
    """Replace the hangul words of ``text`` by McCune-Reischauer, without diacritics or apostrophes.

    >>> [mccune_reischauer(word) for word in ("부산", "대구", "제주", "강릉")]
    ['pusan', 'taegu', 'cheju', 'kangnung']
    """
    text = _JAMO.sub(lambda match: unicodedata.normalize("NFC", match.group()), text)
    return _WORD.sub(lambda match: _mccune_word(match.group()), text)


# The spellings Korean surnames usually have in Latin script (passports, the press), where they
# differ from the Revised Romanization: 김 Kim, not Gim; 이 Lee, not I; 박 Park, not Bak.
_SURNAMES = {
    "김": "kim", "이": "lee", "리": "lee", "박": "park", "최": "choi", "정": "jung", "강": "kang",
    "조": "cho", "윤": "yoon", "장": "jang", "임": "lim", "한": "han", "오": "oh", "서": "seo",
    "신": "shin", "권": "kwon", "황": "hwang", "안": "ahn", "송": "song", "류": "ryu", "유": "yoo",
    "홍": "hong", "전": "jeon", "고": "ko", "문": "moon", "양": "yang", "손": "son", "배": "bae",
    "백": "baek", "허": "heo", "남": "nam", "심": "shim", "노": "roh", "하": "ha", "곽": "kwak",
    "성": "sung", "차": "cha", "주": "joo", "우": "woo", "구": "koo", "민": "min", "나": "na",
    "진": "jin", "지": "ji", "엄": "um", "채": "chae", "원": "won", "천": "cheon", "방": "bang",
    "공": "kong", "현": "hyun", "함": "ham", "변": "byun", "염": "yeom", "여": "yeo", "추": "choo",
    "도": "do", "석": "seok", "선": "sun", "설": "seol", "마": "ma", "길": "gil", "연": "yeon",
    "표": "pyo", "명": "myung", "기": "ki", "반": "ban", "왕": "wang", "금": "keum", "탁": "tak",
}  # fmt: skip
# Where the press spells a surname otherwise than passports mostly do (정몽준 Chung Mong-joon).
_PRESS_SURNAMES = {"정": "chung"}
# A run of two to four syllables standing alone: a personal name, surname first (김정은, 반기문).
_NAME = re.compile("(?<![\uac00-\ud7a3])[\uac00-\ud7a3]{2,4}(?![\uac00-\ud7a3])")


# Older and press spellings of given names write the vowels ㅓ and ㅡ as o or u (McCune-Reischauer
# ŏ, ŭ without their marks): 정은 Jong-un, 성 Sung, 근혜 Geun-hye but 명박 Myung-bak.
_GIVEN_VOWELS = {"o": (("eo", "o"), ("eu", "u")), "u": (("yeo", "yu"), ("eo", "u"), ("eu", "u"))}
# The press and passports also write ㅜ as oo and 영 as young, and begin a given name with k
# rather than g (순실 Soon-sil, 문 Moon, 기문 Ki-moon, 영삼 Young-sam); they keep ㅡ as eu.
_PRESS_SYLLABLES = (("yeo", "yu"), ("eo", "u"), ("u", "oo"))
_PRESS_VOWEL = re.compile("|".join(written for written, _ in _PRESS_SYLLABLES))
_PRESS = dict(_PRESS_SYLLABLES)


def _press_syllable(latin: str, first: bool) -> str:
    """One given-name syllable as the press spells it (eu and the y- and w- diphthongs other than
    yeo keep their Revised Romanization)."""
    if first and latin.startswith("g"):
        latin = "k" + latin[1:]
    if latin == "yeong":
        return "young"
    if "eu" in latin or re.search("[wy]u|ui", latin):
        return latin
    return _PRESS_VOWEL.sub(lambda match: _PRESS[match.group()], latin, count=1)


def _given_name(given: str, vowels: str, apart: bool) -> str:
    if vowels == "press":
        syllables = [_press_syllable(_romanize_word(syllable, loanword=False), first=i == 0)
                     for i, syllable in enumerate(given)]
    elif apart:
        syllables = [_romanize_word(syllable, loanword=False) for syllable in given]
    else:  # as one word, with the sound change of ㄹ between syllables
        syllables = [_romanize_word(given, loanword=False)]
    for written, spelt in _GIVEN_VOWELS.get(vowels, ()):
        syllables = [syllable.replace(written, spelt) for syllable in syllables]
    return (" " if apart else "").join(syllables)


def _personal_name(match: re.Match[str], vowels: str, apart: bool) -> str:
    surname, given = match.group()[0], match.group()[1:]
    surname_latin = (vowels == "press" and _PRESS_SURNAMES.get(surname)) or _SURNAMES.get(surname) or (
        _romanize_word(surname, loanword=False))
    return surname_latin + " " + _given_name(given, vowels, apart)


def romanize_korean_name(text: str, vowels: str = "", apart: bool = False) -> str:
    """Read each run of two to four hangul syllables as a Korean personal name: the surname apart,
    in its usual Latin spelling, then the given name (김정은 -> "kim jeongeun"). ``vowels`` "o" or "u"
    writes the given name's eo and eu as older and press spellings do (Jong-un; Myung-bak);
    "press" spells it as the press and passports do (Soon-sil, Ki-moon). ``apart`` writes the given
    name's syllables as words, the way a hyphenated Latin spelling reads once normalised.

    >>> romanize_korean_name("김정은"), romanize_korean_name("문재인"), romanize_korean_name("서울")
    ('kim jeongeun', 'moon jaein', 'seo ul')
    >>> romanize_korean_name("김정은", vowels="o"), romanize_korean_name("이명박", vowels="u")
    ('kim jongun', 'lee myungbak')
    >>> romanize_korean_name("최순실", "press", apart=True), romanize_korean_name("반기문", "press", True)
    ('choi soon sil', 'ban ki moon')
    """
    text = _JAMO.sub(lambda match: unicodedata.normalize("NFC", match.group()), text)
    return romanize_hangul(_NAME.sub(lambda match: _personal_name(match, vowels, apart), text))


# The spellings tried for a Korean personal name, likeliest first: the readings step tries only the
# first few. Hyphenated Latin spellings (Moon Jae-in) normalise to one word per syllable.
_NAME_SPELLINGS = (("press", True), ("", True), ("o", True), ("u", True),
                   ("", False), ("o", False), ("u", False), ("press", False))


def korean_name_readings(text: str) -> tuple[tuple[str, ...], bool]:
    """The readings of ``text`` as Korean personal names, likeliest first, and whether the whole text
    looks like one (a single word of two to four syllables opening with a common surname; foreign
    names are mostly longer or written in several words)."""
    text = _JAMO.sub(lambda match: unicodedata.normalize("NFC", match.group()), text).strip()
    readings = tuple(romanize_korean_name(text, vowels, apart) for vowels, apart in _NAME_SPELLINGS)
    return readings, bool(_NAME.fullmatch(text)) and text[0] in _SURNAMES
