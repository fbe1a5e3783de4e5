"""Arabic compound names written in Latin letters, brought to one spelling (a variant of the name).

Many Arabic given names join two words with the article al-, which Latin spellings write apart,
hyphenated or run together, with the article's vowel as a, e or u and its l assimilated to the next
consonant: Nur al-Din, Nur ad-Din, Nureddin, Nuruddin; Abd al-Rahman, Abdul Rahman, Abdurrahman,
Abderrahmane. Word-level matching sees different words in each. Here each such compound becomes one
word with the article written "al" (and none before the name of God, which holds it: Abdallah):
``abd`` followed by one of the names of God (the ninety-nine names, the commonest here), and a word
followed by ``din`` ("of the faith"):

>>> joined_compounds("nur ud din zangi"), joined_compounds("nureddin zangi")
('nuraldin zangi', 'nuraldin zangi')
>>> joined_compounds("abdul rahman khalid"), joined_compounds("abderrahmane khalid")
('abdalrahman khalid', 'abdalrahman khalid')

The result is a variant of the name, tried beside its own spelling, so a word that only looks like
such a compound (paladin) costs nothing when its partner does not.
"""

from __future__ import annotations

import re

__all__ = ["joined_compounds"]

# Spellings of the names of God that follow Abd ("servant of"), each with the one written here.
_DIVINE = {
    "allah": "allah", "ullah": "allah", "llah": "allah", "lah": "allah", "alla": "allah", "ulla": "allah",
    "lla": "allah",
    "rahman": "rahman", "rahmane": "rahman", "rehman": "rahman", "rahmaan": "rahman", "rahim": "rahim",
    "raheem": "rahim", "aziz": "aziz", "azeez": "aziz", "karim": "karim", "kareem": "karim",
    "majid": "majid", "majeed": "majid", "hamid": "hamid", "hameed": "hamid", "latif": "latif",
    "lateef": "latif", "ghani": "ghani", "wahab": "wahab", "wahhab": "wahab", "qadir": "qadir",
    "qader": "qadir", "kadir": "qadir", "kader": "qadir", "qadeer": "qadir", "jabbar": "jabbar",
    "malik": "malik", "malek": "malik", "haq": "haq", "haqq": "haq", "salam": "salam", "salaam": "salam",
    "sattar": "sattar", "razzaq": "razaq", "razaq": "razaq", "razak": "razaq", "razzak": "razaq",
    "halim": "halim", "haleem": "halim", "hakim": "hakim", "hakeem": "hakim", "jalil": "jalil",
    "jaleel": "jalil", "khaliq": "khaliq", "khalek": "khaliq", "nasir": "nasir", "naser": "nasir",
    "nasser": "nasir", "qayyum": "qayyum", "qayum": "qayyum", "qayoom": "qayyum", "rashid": "rashid",
    "rasheed": "rashid", "rauf": "rauf", "raouf": "rauf", "samad": "samad", "samed": "samad",
    "wahid": "wahid", "waheed": "wahid", "hadi": "hadi", "hafiz": "hafiz", "hafeez": "hafiz",
    "fattah": "fattah", "fatah": "fattah", "basit": "basit", "baset": "basit", "ghafur": "ghafur",
    "ghafoor": "ghafur", "ghaffar": "ghaffar", "jamil": "jamil", "jameel": "jamil", "kabir": "kabir",
    "mannan": "mannan", "mujib": "mujib", "mujeeb": "mujib", "muttalib": "muttalib", "mutalib": "muttalib",
    "wali": "wali", "wakil": "wakil", "quddus": "quddus", "bari": "bari", "muizz": "muizz",
}  # fmt: skip
_ALLAH = frozenset(spelling for spelling, name in _DIVINE.items() if name == "allah")  # Abdallah
# The article between the two words: a vowel, then l or the consonant it assimilated to (ar-, as-, ad-).
_ARTICLE = "[aeiou](?:sh|dh|[ldrsztn])?"
_DIVINE_NAME = "|".join(sorted(_DIVINE, key=len, reverse=True))
_ABD = re.compile(rf"\babd ?(?:{_ARTICLE})? ?({_DIVINE_NAME})\b")
# A word of three or more letters, the article (required: din alone ends many words), then din.
_DIN = re.compile(rf"\b([a-z]{{3,}}?) ?{_ARTICLE} ?d?d(?:in|ine|een)\b")


def _abd_compound(match: re.Match[str]) -> str:
    spelling = match.group(1)
    return "abd" + ("" if spelling in _ALLAH else "al") + _DIVINE[spelling]


def joined_compounds(text: str) -> str:
    """``text`` (normalised: lower-case words, single spaces) with each compound as one word."""
    if "abd" not in text and "din" not in text and "deen" not in text:
        return text  # most names: no regex
    text = _ABD.sub(_abd_compound, text)
    return _DIN.sub(lambda match: match.group(1) + "aldin", text)
