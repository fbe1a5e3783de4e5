"""The generic steps of the normaliser, applied to every name whatever its kind.

1. ``nfkc``             Unicode NFKC (fullwidth, ligatures, compatibility forms; ´ read as ')
2. ``strip_invisible``  control and format characters dropped, emoji and other symbols -> space
3. ``transliterate``    script-aware transliteration to Latin (see :mod:`.translit`)
4. ``casefold``         str.casefold (ß -> ss, Σ -> σ)
5. ``strip_diacritics`` NFKD, combining marks dropped, remaining letters through anyascii (ł -> l)
6. ``apostrophes``      possessive 's dropped, other apostrophes removed (O'Brien -> obrien)
7. ``arabic_article``   the Arabic article as the script writes it (ar-Rashid -> al-rashid)
8. ``punctuation``      everything but [a-z0-9] -> space, whitespace collapsed

Steps 1-7 keep punctuation so that the person and organisation rules can still see commas,
dots and hyphens; step 8 finishes the job.

>>> normalize_text("  Kristīne  Bērziņa ")
'kristine berzina'
>>> normalize_text("Trump’s  🙂 O'Brien-Smith")
'trump obrien smith'
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

from .translit import transliterate

__all__ = [
    "GENERIC_STEPS",
    "apostrophes",
    "arabic_article",
    "caron_variant",
    "casefold",
    "clean",
    "german_umlaut_variant",
    "nfkc",
    "normalize_text",
    "punctuation",
    "romanize",
    "strip_diacritics",
    "strip_invisible",
]

#: Names of the generic steps, in the order they run.
GENERIC_STEPS: tuple[str, ...] = (
    "nfkc",
    "strip_invisible",
    "transliterate",
    "casefold",
    "strip_diacritics",
    "apostrophes",
    "arabic_article",
    "punctuation",
)

_CACHE_LIMIT = 100_000  # per-character tables fill on demand, up to this many characters


def nfkc(text: str) -> str:
    """Step 1: Unicode NFKC.

    The acute accent ´ is read as an apostrophe first, because NFKC would turn it into a space
    plus a combining accent and split "O´Brien" in two.

    >>> nfkc("ＮＡＴＯ ﬁnance")
    'NATO finance'
    """
    if text.isascii():
        return text  # ASCII is already in NFKC
    return unicodedata.normalize("NFKC", text.replace("\u00b4", "'"))


def _is_emoji_modifier(code: int) -> bool:
    return (
        0xFE00 <= code <= 0xFE0F  # variation selectors (text / emoji presentation)
        or 0xE0100 <= code <= 0xE01EF
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
    )


class _Invisible(dict[int, "str | None"]):
    """str.translate table for step 2, filled on demand (None deletes the character)."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        category = unicodedata.category(char)
        out: str | None
        if char.isspace():
            out = " "
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn", "Me") or _is_emoji_modifier(code):
            out = None  # controls, zero-width and bidi marks, lone surrogates, unassigned
        elif category == "So" or (category == "Sk" and code > 0x7F):
            out = " "  # emoji and pictographs separate words, they are not part of one
        else:
            out = char
        if len(self) < _CACHE_LIMIT:
            self[code] = out
        return out


_INVISIBLE = _Invisible()


def strip_invisible(text: str) -> str:
    """Step 2: drop control and format characters; emoji and other symbols become spaces.

    >>> strip_invisible("Jo\\u200bhn\\x00 Smith🙂🏽Jr")
    'John Smith Jr'
    """
    if text.isascii() and text.isprintable():
        return text
    return text.translate(_INVISIBLE)


def casefold(text: str) -> str:
    """Step 4: full Unicode case folding.

    >>> casefold("STRAßE")
    'strasse'
    """
    return text.casefold()


_APOSTROPHE_LIKE = "'`\u2018\u2019\u201b\u02bc\u02bb\u02b9\u02bd\u2032\u2035\uff07"


class _Deaccent(dict[int, "str | None"]):
    """str.translate table for step 5, filled on demand."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        out: str | None
        if code < 0x80:
            out = char
        elif char in _APOSTROPHE_LIKE:
            out = "'"  # step 6 decides what an apostrophe means
        elif unicodedata.combining(char) or unicodedata.category(char)[0] == "M":
            out = None
        else:
            out = anyascii(char).lower()  # ł -> l, ø -> o, æ -> ae, đ -> d, ı -> i, € -> eur
        if len(self) < _CACHE_LIMIT:
            self[code] = out
        return out


_DEACCENT = _Deaccent()


def strip_diacritics(text: str) -> str:
    """Step 5: decompose (NFKD), drop combining marks, spell what is left in ASCII.

    >>> strip_diacritics("bērziņa łódź ørsted straße")
    'berzina lodz orsted strasse'
    """
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_DEACCENT)


_UMLAUTS = re.compile("[äöü]")
_UMLAUT_SPELLING = {"ä": "ae", "ö": "oe", "ü": "ue"}


def german_umlaut_variant(text: str) -> str | None:
    """The German spelling of umlauts as two letters ("müller" -> "mueller"), or None without umlauts.

    Step 5 reads ü as u; German writes it ue when umlauts are unavailable, so both are kept.
    """
    if not _UMLAUTS.search(text):
        return None
    return _UMLAUTS.sub(lambda m: _UMLAUT_SPELLING[m.group()], text)


# Central European letters with a caron or an acute that Russian, English and German renderings
# of the same name spell with two or three letters: Čechov ~ Chekhov, Barišić ~ Баришич (barishich),
# Žukov ~ Zhukov, Dvořák ~ Дворжак (dvorzhak).
_CARON_SPELLING = {"č": "ch", "ć": "ch", "š": "sh", "ś": "sh", "ž": "zh", "ź": "zh", "ż": "zh", "ř": "rzh"}
_CARONS = re.compile("[" + "".join(_CARON_SPELLING) + "]")


def caron_variant(text: str) -> str | None:
    """The spelling of č, š, ž (and ć, ś, ź, ż, ř) as ch, sh, zh ("čechov" -> "chechov"), or None.

    Step 5 reads č as c, as most Latin-script sources do (Barisic); the spelling with digraphs is
    how the same name reads out of Cyrillic or in English (Barishich, Chekhov), so both are kept.
    """
    if not _CARONS.search(text):
        return None
    return _CARONS.sub(lambda m: _CARON_SPELLING[m.group()], text)


_POSSESSIVE = re.compile(r"(?<=[a-z0-9])'s\b")


def apostrophes(text: str) -> str:
    """Step 6: drop the possessive 's, then every other apostrophe, joining the word around it.

    >>> apostrophes("trump's o'brien d'alembert jones'")
    'trump obrien dalembert jones'
    """
    if "'" not in text and "`" not in text:
        return text
    text = _POSSESSIVE.sub("", text.replace("`", "'"))
    return text.replace("'", "")


# The article hyphenated to its noun, its l written as the consonant it is said as before that
# noun's first one (the "sun letters"), or its vowel as e or u: ar-Rashid, as-Sulaymaniyah,
# ash-Sham, an-Najaf, ud-Din, ul-Haq, el-Mansoura.
_ARTICLE = re.compile(r"(?<![a-z0-9])(?:[aeu](sh|th|dh|[tdrzsn])-(?=\1)|[eu]l-)")


def arabic_article(text: str) -> str:
    """Step 7: the Arabic article, which Latin spellings write as it is said, written as the Arabic
    script writes it (al-), where it is hyphenated to its noun: then the words compare with a name
    read from Arabic script (الرقة "al-rqa") and with other spellings (Ar-Raqqah, al-Raqqa).

    >>> arabic_article("ar-raqqah as-sulaymaniyah nasir ud-din zia-ul-haq")
    'al-raqqah al-sulaymaniyah nasir al-din zia-al-haq'
    >>> arabic_article("an-nahda el-mansoura fakhr-un-nisa an-bui jean-luc")
    'al-nahda al-mansoura fakhr-al-nisa an-bui jean-luc'
    """
    if "-" not in text:
        return text
    return _ARTICLE.sub("al-", text)


# The same article written apart from its noun, as gazetteers write places (Az Zarqa, Ar Raqqah,
# Ad Dawhah): only as a-, where its consonant is the noun's first, doubled, so "an" or "as" before any
# other word is left alone, and so are French "et" (Trinite et Tobago) and English "at the".
_SPACED_ARTICLE = re.compile(r"(?<![a-z0-9])a(?:(sh|th|dh|[drzsn]) (?=\1)|t (?=t(?!h)))")


def spaced_arabic_article(text: str) -> str:
    """For place names: the Arabic article written apart and assimilated to its noun's first
    consonant, written al (see :func:`arabic_article`).

    >>> spaced_arabic_article("az zarqa"), spaced_arabic_article("ash shariqah")
    ('al zarqa', 'al shariqah')
    >>> spaced_arabic_article("an bui")
    'an bui'
    """
    return _SPACED_ARTICLE.sub("al ", text) if " " in text else text


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def punctuation(text: str) -> str:
    """Step 8: punctuation, hyphens and any other non-[a-z0-9] run become one space.

    >>> punctuation(" jean-luc  picard, (ret.) ")
    'jean luc picard ret'
    """
    return _NOT_ALNUM.sub(" ", text).strip()


def clean(name: str) -> str:
    """Steps 1-2: the name in NFKC without invisible characters or emoji; case and script kept."""
    return strip_invisible(nfkc(name))


def romanize(cleaned: str, cyrillic_language: str = "auto", personal: bool = True) -> tuple[str, ...]:
    """Steps 3-7 on the output of :func:`clean`: lowercase ASCII forms with punctuation still in.

    The first form is the primary one; the others come from other transliteration tables, the
    German umlaut spelling and the digraph spelling of carons. All forms are distinct. ``personal``:
    the name may be a person's, so readings as a personal name are among them (see
    :func:`transliterate`).

    >>> romanize(clean("Müller, Jürgen"))
    ('muller, jurgen', 'mueller, juergen')
    """
    if cleaned.isascii():  # the common case: no script, no diacritics, no umlauts
        return (arabic_article(apostrophes(cleaned.lower())),)
    out: list[str] = []
    for reading in transliterate(cleaned, cyrillic_language, personal):
        folded = casefold(reading)
        spellings = (german_umlaut_variant(folded), caron_variant(folded))
        for form in (folded, *(spelling for spelling in spellings if spelling is not None)):
            ascii_form = arabic_article(apostrophes(strip_diacritics(form)))
            if ascii_form not in out:
                out.append(ascii_form)
    return tuple(out)


def normalize_text(name: str, *, cyrillic_language: str = "auto") -> str:
    """All eight generic steps, nothing person- or organisation-specific.

    >>> normalize_text("Володимир Зеленський")
    'volodymyr zelenskyi'
    """
    return punctuation(romanize(clean(name), cyrillic_language)[0])
