"""Thai to Latin, the way Thai names are usually spelt (step 3): a simplified Royal Thai General System.

anyascii writes Thai letter by letter in written order, so a vowel written before its consonant
comes out first, a consonant's value at the end of a syllable is its initial one, and the vowel no
letter writes is missing (เชียงราย -> "echiyngray", นครปฐม -> "nkhrpthm"). Here each syllable is read
as spoken: the leading vowels เ แ โ ใ ไ after their consonant and with the signs they combine with
(เ-ีย ia, เ-ือ uea, เ-า ao, -ัว ua), a final consonant by its final value (ร ล ญ n; ด ต ท จ ช ส t;
บ พ p; ก ค k), tone marks dropped, a letter under the thanthakhat silent, ห silent before the
sonorant it only gives a tone to (ใหญ่ yai), a final ร after a consonant silent (เพชร phet), and the
vowel no letter writes read o between two consonants that close a syllable (คน khon) and a where a
consonant stands alone (นคร na-khon). Consonant clusters (กร, ขล, ปร...) stay together.

Where the syllables lie is a rule of thumb here (Thai writes no spaces between the words of a
compound, and syllables from Pali or Sanskrit keep vowels no letter writes), so some names lose or
gain a vowel (นครราชสีมา "nakhonratsima" for Nakhon Ratchasima); they still meet their usual
spelling by similarity, where anyascii's letters did not.

>>> romanize_thai("เชียงราย"), romanize_thai("ขอนแก่น"), romanize_thai("หาดใหญ่")
('chiangrai', 'khonkaen', 'hatyai')
>>> romanize_thai("นครปฐม"), romanize_thai("สงขลา"), romanize_thai("ทักษิณ ชินวัตร")
('nakhonpathom', 'songkhla', 'thaksin chinwat')
"""

from __future__ import annotations

import re

__all__ = ["THAI", "romanize_thai"]

#: Any character of the Thai block.
THAI = re.compile("[\u0e00-\u0e7f]")
_WORD = re.compile("[\u0e01-\u0e5b]+")

# Consonants: (initial, final) values; "" where the letter cannot end a syllable.
_CONSONANTS = {
    "ก": ("k", "k"), "ข": ("kh", "k"), "ฃ": ("kh", "k"), "ค": ("kh", "k"), "ฅ": ("kh", "k"),
    "ฆ": ("kh", "k"), "ง": ("ng", "ng"), "จ": ("ch", "t"), "ฉ": ("ch", "t"), "ช": ("ch", "t"),
    "ซ": ("s", "t"), "ฌ": ("ch", "t"), "ญ": ("y", "n"), "ฎ": ("d", "t"), "ฏ": ("t", "t"),
    "ฐ": ("th", "t"), "ฑ": ("th", "t"), "ฒ": ("th", "t"), "ณ": ("n", "n"), "ด": ("d", "t"),
    "ต": ("t", "t"), "ถ": ("th", "t"), "ท": ("th", "t"), "ธ": ("th", "t"), "น": ("n", "n"),
    "บ": ("b", "p"), "ป": ("p", "p"), "ผ": ("ph", "p"), "ฝ": ("f", "p"), "พ": ("ph", "p"),
    "ฟ": ("f", "p"), "ภ": ("ph", "p"), "ม": ("m", "m"), "ย": ("y", "i"), "ร": ("r", "n"),
    "ล": ("l", "n"), "ว": ("w", "o"), "ศ": ("s", "t"), "ษ": ("s", "t"), "ส": ("s", "t"),
    "ห": ("h", ""), "ฬ": ("l", "n"), "อ": ("", ""), "ฮ": ("h", ""),
}  # fmt: skip
_LEADING = "เแโใไ"
_VOWEL_SIGNS = "ัิีึืุู็ะาำ"
_SILENCER = "์"  # thanthakhat: the letter under it is not pronounced
_DROPPED = "่้๊๋ๅๆฺํ๎"  # tone marks, repetition and other signs that change no letter
_SONORANTS = "งญนมยรลว"
# Initial clusters: a first consonant and a second one (ร ล ว) read together before their vowel.
_CLUSTER_FIRSTS = "กขคตทปผพ"
_CLUSTER_SECONDS = "รลว"
_DIGITS = {chr(0x0E50 + d): str(d) for d in range(10)}
# In a loanword reading, marks a letter under the thanthakhat: it is read as the letter's sound.
_SOUNDED = "\x00"

# Vowels: (leading vowel, signs written after the initial, reading), longest patterns first.
_VOWELS: tuple[tuple[str, str, str], ...] = (
    ("เ", "ียว", "iao"), ("เ", "ือ", "uea"), ("เ", "ีย", "ia"), ("เ", "าะ", "o"), ("เ", "า", "ao"),
    ("เ", "อ", "oe"), ("เ", "ิ", "oe"), ("เ", "ย", "oei"), ("เ", "ะ", "e"), ("เ", "็", "e"),
    ("เ", "", "e"), ("แ", "ะ", "ae"), ("แ", "็", "ae"), ("แ", "", "ae"), ("โ", "ะ", "o"), ("โ", "", "o"),
    ("ใ", "", "ai"), ("ไ", "", "ai"),
    ("", "ัว", "ua"), ("", "ำ", "am"), ("", "ะ", "a"), ("", "ั", "a"), ("", "า", "a"),
    ("", "ิ", "i"), ("", "ี", "i"), ("", "ึ", "ue"), ("", "ื", "ue"), ("", "ุ", "u"), ("", "ู", "u"),
    ("", "อ", "o"), ("", "ว", "ua"),
)  # fmt: skip
# Vowels that end their syllable: a consonant after them starts another.
_OPEN_VOWELS = frozenset({"ai", "am", "ao", "uea"})
# Nasals, which end syllables more often than they begin them after a vowelless consonant.
_SONORANT_FINALS = frozenset({"ng", "n", "m"})
# How a vowel stands towards a final consonant (the fourth field of a unit).
_CLOSED, _SHORT = "closed", "short"


def _is_sign(char: str) -> bool:
    return char != "" and char in _VOWEL_SIGNS


def _clean(word: str, loanword: bool) -> str:
    """The word without tone marks and without the letters the thanthakhat silences; for a
    ``loanword``, those letters are kept as the sounds they write in the foreign word, marked with
    ``_SOUNDED`` (ไอร์แลนด์ Ireland: air-laend)."""
    word = word.replace("\u0e4d\u0e32", "ำ")  # sara am, which NFKC splits in two
    word = "".join(ch for ch in word if ch not in _DROPPED)
    if loanword:
        return re.sub(f"([\u0e01-\u0e2e])[ิุ]?{_SILENCER}", lambda m: _SOUNDED + m.group(1), word)
    word = re.sub(f"(?:[ทตด]ร|ษณ){_SILENCER}", "", word)  # both letters: จันทร์ chan, ลักษณ์ lak
    # The silenced letter goes with the vowel sign under or over it (ศักดิ์ sak).
    return re.sub(f"[\u0e01-\u0e2e][ิุ]?{_SILENCER}", "", word)


def _units(word: str) -> list[list[str]]:
    """[initial, vowel, final, length] per consonant that may begin a syllable: the initial's
    reading (a cluster's, or the sonorant's after a silent ห), the reading of its written vowel (""
    where none is written), the consonant's value when it ends a syllable instead, and how its vowel
    stands towards a final (``_length``). Digits and stray signs come as [text, "-", "", ""]."""
    units: list[list[str]] = []
    i = 0
    while i < len(word):
        ch = word[i]
        if ch == _SOUNDED and i + 1 < len(word):
            units.append([_CONSONANTS.get(word[i + 1], ("",))[0], "-", "", ""])
            i += 2
            continue
        if ch not in _CONSONANTS and ch not in _LEADING:
            units.append([_DIGITS.get(ch, ""), "-", "", ""])
            i += 1
            continue
        leading = ""
        if ch in _LEADING:
            leading, i = ch, i + 1
            if i >= len(word) or word[i] not in _CONSONANTS:
                units.append(["", {"เ": "e", "แ": "ae", "โ": "o"}.get(leading, "ai"), "", ""])
                continue
        final = _CONSONANTS[word[i]][1]
        initial, i = _initial(word, i, bool(leading))
        vowel_start = i
        vowel, i = _vowel(word, i, leading)
        units.append([initial, vowel, final, _length(word[vowel_start:i], leading)])
    return units


def _initial(word: str, i: int, has_leading: bool) -> tuple[str, int]:
    """The initial consonant (or cluster) starting at ``i``: its reading and the index after it."""
    first = word[i]
    nxt = word[i + 1] if i + 1 < len(word) else ""
    after = word[i + 2] if i + 2 < len(word) else ""
    voweled = has_leading or _is_sign(after)
    if first == "ห" and nxt and nxt in _SONORANTS and (voweled or after == "" or after in _CONSONANTS):
        return _CONSONANTS[nxt][0], i + 2  # ห only gives the sonorant its tone: ใหญ่ yai, หนอง nong
    if first in "ศส" and nxt == "ร" and voweled:
        return "s", i + 2  # ร is silent after ศ and ส: ศรี si
    if first in _CLUSTER_FIRSTS and nxt and nxt in _CLUSTER_SECONDS and voweled:
        return _CONSONANTS[first][0] + _CONSONANTS[nxt][0], i + 2
    return _CONSONANTS[first][0], i + 1


def _vowel(word: str, i: int, leading: str) -> tuple[str, int]:
    """The vowel written from ``i`` on (with its ``leading`` sign, if any): reading and index after."""
    for lead, signs, reading in _VOWELS:
        if lead != leading or not word.startswith(signs, i) or not (lead or signs):
            continue
        if signs in ("อ", "ว"):
            # Vowels only before a final consonant or at the end (ขอน khon, พ่อ pho, สวน suan);
            # otherwise consonants of the next syllable.
            following = word[i + 1] if i + 1 < len(word) else ""
            if following and (following not in _CONSONANTS or _is_sign(word[i + 2 : i + 3])):
                continue
            if signs == "ว" and (not following or word.startswith("รร", i + 1)):
                continue
        return reading, i + len(signs)
    if word.startswith("รร", i) and not _is_sign(word[i + 2 : i + 3]):
        # ro han: the vowel a, with n at the end of the word (สวรรค์ sawan, กรรม kam)
        return ("an", i + 2) if i + 2 == len(word) else ("a", i + 2)
    return "", i


def _length(signs: str, leading: str) -> str:
    """``_CLOSED`` for the short a that a final consonant must follow (ั), ``_SHORT`` for the other
    short vowels that usually close their syllable (ิ ุ ึ, and เ แ โ alone), else ""."""
    if signs == "ั":
        return _CLOSED
    if signs in ("ิ", "ุ", "ึ") or (leading and not signs):
        return _SHORT
    return ""


def _word(word: str, loanword: bool = False) -> str:
    units = _units(_clean(word, loanword))
    out: list[str] = []
    k = 0
    while k < len(units):
        initial, vowel = units[k][:2]
        if vowel == "-":
            out.append(initial)
            k += 1
            continue
        run = 0  # consonants with no written vowel that follow
        while k + 1 + run < len(units) and units[k + 1 + run][1] == "":
            run += 1
        if not vowel:
            out.extend(_bare_run(units[k : k + run + 1], loanword))
            k += run + 1
            continue
        if vowel == "ai" and run and units[k + 1][0] == "y":
            units[k + 1] = [initial, vowel, "", ""]  # ไทย thai: the ย only lengthens the vowel
            k += 1
            continue
        # A lone consonant after a written vowel closes its syllable (หาด hat), as does the first
        # of three or more. Of two, the first does after a short vowel when the second is a silent
        # ร (เพชร phet, สมุทร samut; not ดร: อุดร u-don), or after ั, which is always closed;
        # otherwise the two make a syllable of their own (ธนาธร tha-na-thon).
        silent_r = (not loanword and run >= 2 and units[k + 2][0] == "r" and units[k + 1][0] != "d"
                    and units[k][3] in (_CLOSED, _SHORT))
        closes = run == 1 or run >= 3 or (run == 2 and (units[k][3] == _CLOSED or silent_r))
        if vowel in _OPEN_VOWELS or not run or not closes:
            out.append(initial + vowel)
            k += 1
            continue
        out.append(_syllable(initial, vowel, units[k + 1], loanword))
        k += 3 if silent_r else 2
    return "".join(out)


def _bare_run(units: list[list[str]], loanword: bool = False) -> list[str]:
    """Syllables of consonants with no written vowel: CoC where the second is a nasal (วงศ์ wong,
    นนท non-tha), else in threes read Ca-CoC (นคร na-khon, สกลนคร sa-kon-na-khon); two left are read
    CoC (คน khon), one Ca."""
    out: list[str] = []
    k = 0
    while len(units) - k >= 2:
        if len(units) - k == 2 or units[k + 1][0] in _SONORANT_FINALS:
            out.append(_syllable(units[k][0], "o", units[k + 1], loanword))
            k += 2
        else:
            out += [units[k][0] + "a", _syllable(units[k + 1][0], "o", units[k + 2], loanword)]
            k += 3
    if len(units) - k == 1:
        out.append(units[k][0] + "a")
    return out


# In a loanword reading these letters close a syllable with the sound they write in the foreign
# word, not the Thai final value (วิลสัน "wilsan", Wilson; เดวิส "dewis", Davis).
_LOANWORD_FINALS = frozenset({"l", "s", "f", "ch"})


def _syllable(initial: str, vowel: str, closing: list[str], loanword: bool = False) -> str:
    """A syllable from its initial and vowel, closed by the consonant of the unit ``closing``."""
    final = closing[0] if loanword and closing[0] in _LOANWORD_FINALS else closing[2]
    if closing[0] == "y" and final == "i" and vowel in ("i", "ue"):
        final = ""  # ิย: the glide is the vowel's own
    return initial + vowel + final


def romanize_thai(text: str, *, loanword: bool = False) -> str:
    """Thai words in ``text`` read as their usual Latin spelling; other characters unchanged.

    With ``loanword``, letters Thai leaves silent are read, as spellings made letter by letter and
    foreign words' spellings keep them: those under the thanthakhat (ไอร์แลนด์ "airlaend", Ireland;
    the Thai reading is "ailaen", as for Iceland, ไอซ์แลนด์) and a final ร after a consonant
    (ชินวัตร "chinwatra", Shinawatra; the Thai reading is "chinwat"), and ล, ส (ซ, ศ, ษ), ฟ and ช
    close a syllable as l, s, f and ch, as in the foreign word (เดวิส "dewis", Davis; the Thai
    reading is "dewit").
    """
    return _WORD.sub(lambda match: _word(match.group(), loanword), text)
