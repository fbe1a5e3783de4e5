"""Brahmic scripts of India to Latin, the way names from them are usually spelt (step 3).

anyascii writes these scripts letter by letter without the vowel every consonant carries unless a
sign says otherwise (बच्चन -> "bccn", मनमोहन -> "mnmohn"), so a name meets its usual spelling
("Bachchan", "Manmohan") only by luck. Here each consonant keeps that inherent a, and Hindi's
habit of not pronouncing it (schwa deletion) is followed where the usual spellings follow it: at the
end of a word unless the word ends in a cluster (मोहन mohan, नरेन्द्र narendra) other than r before
a stop or m, n before s (पार्थ parth, रॉबर्ट robart, विलियम्स viliyams), and in the middle of a word
between two syllables that keep their vowels (मनमोहन manmohan, कोलकाता kolkata), from the start of
the word, as compound names are said (राजकमल rajkamal); a second reading deletes them from the end
back, as foreign names are said (एंडरसन endarsan, not endrasan). The southern
scripts (Tamil, Telugu, Kannada, Malayalam) mark a vowelless consonant with a sign of their own, so
there the inherent a is always written; names from them write the dental t as th (Rajinikanth), and
Tamil, which has one letter for k and g, t and d, p and b, voices them between vowels (நாடு nadu).

The nine scripts share one layout (Unicode gave each block the same arrangement as ISCII), so one
table of offsets serves them all. Letters follow common name spellings rather than a scholarly
scheme: long vowels as short ones (ā a, ī i, ū u), च ch, छ chh, श and ष sh, व v, the anusvara n
(m before p, b, m; ng before h: सिंह singh), nukta letters as Urdu loans are spelt (ज़ z, फ़ f, ड़ r).

>>> romanize_indic("मनमोहन सिंह"), romanize_indic("अमिताभ बच्चन"), romanize_indic("रवीन्द्रनाथ ठाकुर")
('manmohan singh', 'amitabh bachchan', 'ravindranath thakur')
>>> romanize_indic("கமல் ஹாசன்"), romanize_indic("தமிழ்நாடு")
('kamal hasan', 'thamizhnadu')
>>> romanize_indic("ਮਨਮੋਹਨ ਸਿੰਘ"), romanize_indic("ਭੱਟੀ"), romanize_indic("ৰাহুল")
('manmohan singh', 'bhatti', 'rahul')
"""

from __future__ import annotations

import re

__all__ = ["INDIC", "romanize_indic"]

# Block starts: Devanagari, Bengali, Gurmukhi, Gujarati, Oriya; then the southern scripts.
_NORTHERN = (0x0900, 0x0980, 0x0A00, 0x0A80, 0x0B00)
_SOUTHERN = (0x0B80, 0x0C00, 0x0C80, 0x0D00)
#: Any letter or sign of the nine Brahmic blocks of India.
INDIC = re.compile("[\u0900-\u0d7f]")
_WORD = re.compile("[\u0900-\u0d7f][\u0900-\u0d7f\u200c\u200d]*")
# Each block's digits sit at offsets 0x66-0x6F.
_DIGITS = {start + 0x66 + d: str(d) for start in (*_NORTHERN, *_SOUTHERN) for d in range(10)}

_VOWELS = {  # independent vowels (offset in the block)
    0x05: "a", 0x06: "a", 0x07: "i", 0x08: "i", 0x09: "u", 0x0A: "u", 0x0B: "ri", 0x0C: "li",
    0x0D: "e", 0x0E: "e", 0x0F: "e", 0x10: "ai", 0x11: "o", 0x12: "o", 0x13: "o", 0x14: "au",
    0x60: "ri", 0x61: "li",
}  # fmt: skip
_SIGNS = {  # dependent vowel signs
    0x3E: "a", 0x3F: "i", 0x40: "i", 0x41: "u", 0x42: "u", 0x43: "ri", 0x44: "ri", 0x45: "e",
    0x46: "e", 0x47: "e", 0x48: "ai", 0x49: "o", 0x4A: "o", 0x4B: "o", 0x4C: "au", 0x57: "au",
    0x62: "li", 0x63: "li",
}  # fmt: skip
_CONSONANTS = {
    0x15: "k", 0x16: "kh", 0x17: "g", 0x18: "gh", 0x19: "n", 0x1A: "ch", 0x1B: "chh", 0x1C: "j",
    0x1D: "jh", 0x1E: "n", 0x1F: "t", 0x20: "th", 0x21: "d", 0x22: "dh", 0x23: "n", 0x24: "t",
    0x25: "th", 0x26: "d", 0x27: "dh", 0x28: "n", 0x29: "n", 0x2A: "p", 0x2B: "ph", 0x2C: "b",
    0x2D: "bh", 0x2E: "m", 0x2F: "y", 0x30: "r", 0x31: "r", 0x32: "l", 0x33: "l", 0x34: "zh",
    0x35: "v", 0x36: "sh", 0x37: "sh", 0x38: "s", 0x39: "h",
    # precomposed nukta letters (Devanagari क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़; Bengali ড় ঢ় য়)
    0x58: "q", 0x59: "kh", 0x5A: "gh", 0x5B: "z", 0x5C: "r", 0x5D: "rh", 0x5E: "f", 0x5F: "y",
}  # fmt: skip
# Names from the southern scripts write the dental t as th (Rajinikanth, Geetha, Thiruvananthapuram).
_SOUTHERN_CONSONANTS = {**_CONSONANTS, 0x24: "th"}
_BENGALI, _GURMUKHI, _TAMIL = 0x0980, 0x0A00, 0x0B80
# Assamese writes its r and w with letters of its own in the Bengali block (ৰাহুল Rahul, গুৱাহাটী
# Guwahati); at the same place Gurmukhi has two signs: tippi, a nasal (ਸਿੰਘ Singh, ਪੰਜਾਬ Panjab), and
# addak, which doubles the next consonant (ਭੱਟੀ Bhatti).
_BENGALI_CONSONANTS = {**_CONSONANTS, 0x70: "r", 0x71: "w"}
_TIPPI, _ADDAK = 0x70, 0x71
# A consonant followed by the nukta sign: the sound it marks.
_NUKTA = {"k": "q", "kh": "kh", "g": "gh", "j": "z", "d": "r", "dh": "rh", "ph": "f", "y": "y"}
_CANDRABINDU, _ANUSVARA, _VISARGA, _NUKTA_SIGN, _VIRAMA = 0x01, 0x02, 0x03, 0x3C, 0x4D


def _units(word: str, start: int, consonants: dict[int, str]) -> list[list]:
    """[consonant, vowel, coda] per consonant or independent vowel of ``word``: consonant "" for an
    independent vowel; vowel None for the inherent a, "" after a virama; coda "n" or "h"."""
    units: list[list] = []
    doubled = False  # after a Gurmukhi addak
    for char in word:
        offset = ord(char) - start
        if not 0 <= offset < 0x80:
            continue  # a zero-width joiner, or a letter of another block inside the word
        if offset in consonants:
            # Tamil ச is ch at the start of a word (Chennai) and s inside one (Haasan).
            tamil_s = start == _TAMIL and offset == 0x1A and units
            consonant = "s" if tamil_s else consonants[offset]
            units.append([consonant[0] + consonant if doubled else consonant, None, ""])
            doubled = False
        elif offset in _VOWELS:
            units.append(["", _VOWELS[offset], ""])
        elif not units:
            continue
        elif offset == _NUKTA_SIGN and units[-1][0]:
            units[-1][0] = _NUKTA.get(units[-1][0], units[-1][0])
        elif offset == _VIRAMA and units[-1][0]:
            units[-1][1] = ""
        elif offset in _SIGNS and units[-1][0] and units[-1][1] is None:
            units[-1][1] = _SIGNS[offset]
        elif offset in (_ANUSVARA, _CANDRABINDU) or (start == _GURMUKHI and offset == _TIPPI):
            units[-1][2] = "n"
        elif start == _GURMUKHI and offset == _ADDAK:
            doubled = True
        elif offset == _VISARGA:
            units[-1][2] = "h"
    return units


def _syllables(units: list[list]) -> list[list]:
    """[consonants, vowel, coda] per syllable: a virama joins a consonant to the next one."""
    syllables: list[list] = []
    cluster: list[str] = []
    for consonant, vowel, coda in units:
        if consonant:
            cluster.append(consonant)
        if vowel == "" and not coda:
            continue
        syllables.append([cluster, vowel, coda])
        cluster = []
    if cluster:  # the word ends in vowelless consonants
        syllables.append([cluster, "", ""])
    return syllables


# A word-final cluster keeps its a (नरेन्द्र narendra, कृष्ण krishna, पद्म padma) unless it is one
# Hindi says without it: r before a stop or sibilant (पार्थ parth, रॉबर्ट robart, रिचर्ड richard), or
# m or n before s, the English plural of a loanword (विलियम्स williams, जोन्स jones).
_BARE_FINAL_CLUSTERS = re.compile(r"r(?:[kgcjtdpbsz]|sh|ch)h?|[mn]s")


def _delete_schwas(syllables: list[list], from_the_end: bool = False) -> None:
    """Hindi schwa deletion, in place: the inherent a of the last syllable (a lone consonant, or a
    cluster Hindi says bare), and of a middle syllable (a lone consonant) between two syllables
    that keep their vowels, never two in a row. Read from the start of the word, as compound names
    are (राजकमल rajkamal); ``from_the_end``, from its end back, as loanwords are (एंडरसन endarsan,
    not endrasan)."""
    def voiced(syllable: list) -> bool:
        return syllable[1] is None or bool(syllable[1])

    last = syllables[-1]
    bare = len(last[0]) == 1 or (len(last[0]) == 2 and _BARE_FINAL_CLUSTERS.fullmatch("".join(last[0])))
    if len(syllables) > 1 and last[1] is None and bare and not last[2]:
        last[1] = ""
    middle = range(len(syllables) - 2, 0, -1) if from_the_end else range(1, len(syllables) - 1)
    deleted = -2
    for i in middle:
        consonants, vowel, coda = syllables[i]
        following = syllables[i + 1]
        if (abs(i - deleted) > 1 and vowel is None and len(consonants) == 1 and not coda
                and voiced(syllables[i - 1]) and following[0] and voiced(following)):
            syllables[i][1] = ""
            deleted = i


# Tamil writes one letter for k and g, t and d, p and b: between vowels it is the voiced one
# (நாடு nadu, ரகுமான் raguman, மாதவன் madhavan).
_VOICED = {"k": "g", "t": "d", "th": "dh", "p": "b"}


def _voice_between_vowels(syllables: list[list]) -> None:
    for previous, syllable in zip(syllables, syllables[1:]):
        consonants = syllable[0]
        voiced = previous[1] is None or bool(previous[1])
        if len(consonants) == 1 and consonants[0] in _VOICED and voiced and not previous[2]:
            syllable[0] = [_VOICED[consonants[0]]]


def _nasal(following: list | None, southern: bool) -> str:
    if following is None:
        return "m" if southern else "n"  # Thiruvananthapuram; Hindi मैं main
    first = following[0][0] if following[0] else ""
    if first in ("m", "n"):
        return ""  # a nasal before a nasal is that nasal said long (ਅੰਮ੍ਰਿਤਸਰ Amritsar)
    return "m" if first in ("p", "ph", "b", "bh") else "ng" if first == "h" else "n"


def _word(word: str, from_the_end: bool = False) -> str:
    start = (ord(INDIC.search(word).group()) & ~0x7F)  # the block of its first letter
    southern = start in _SOUTHERN
    consonants = (_SOUTHERN_CONSONANTS if southern
                  else _BENGALI_CONSONANTS if start == _BENGALI else _CONSONANTS)
    syllables = _syllables(_units(word, start, consonants))
    if not syllables:
        return ""
    if start in _NORTHERN:
        _delete_schwas(syllables, from_the_end)
    elif start == _TAMIL:
        _voice_between_vowels(syllables)
    out: list[str] = []
    for k, (consonants, vowel, coda) in enumerate(syllables):
        out.append("".join(consonants))
        out.append("a" if vowel is None else vowel)
        if coda == "n":
            out.append(_nasal(syllables[k + 1] if k + 1 < len(syllables) else None, southern))
        else:
            out.append(coda)
    return "".join(out)


def romanize_indic(text: str, from_the_end: bool = False) -> str:
    """Read the Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada and Malayalam
    words of ``text`` in Latin letters; digits become ASCII digits; other characters stay.

    ``from_the_end``: delete the northern scripts' unsaid vowels from the end of a word back, as
    foreign names are said (एंडरसन endarsan, पीटरसन pitarsan), rather than from its start, as
    Indian compound names are (राजकमल rajkamal)."""
    return _WORD.sub(lambda match: _word(match.group(), from_the_end), text.translate(_DIGITS))
