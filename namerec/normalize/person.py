"""Person-name rules, run when the kind is "person".

In order:

1. ``initial_clusters`` a run of two or three capital consonants in a mixed-case name is a row of
   initials ("JK Rowling" -> "J K Rowling"); this needs case, so it runs on the cleaned original
   before step 3. All-caps names are left alone ("JOHN SMITH" tells nothing).
2. ``name_order``       "Surname, Given" -> "Given Surname", read from the commas that steps 1-6
   keep; a later comma-separated part made only of suffixes or titles ("King, Martin Luther,
   Jr.") is dropped first, so it does not count as a name part.
   The step ``place_abbreviations`` (St. -> saint, see :mod:`.abbreviations`) runs here, so that
   "St. Francis" and "Saint Francis" both meet rule 3 as "saint francis".
3. ``titles``           leading titles stripped while another token remains ("Dr. Smith" ->
   "smith", but "Dr" stays "dr"); weak titles that are also given names (Don) need two others.
4. ``suffixes``         trailing generational suffixes and post-nominals stripped (Jr, III, PhD).
5. ``particles``        van, von, de, al, bin... stay in the text as their own token but belong to
   neither the given names nor the surname. "al", "ben", "abu" and a few others are given names
   too ("Al Gore"), so as the first token they count as particles only when hyphenated
   ("al-Assad").

Initials are one-letter tokens ("J.R.R. Tolkien" -> j r r tolkien). The surname is the last token.

>>> parts = person_parts("dr. martin luther king, jr.")
>>> parts.tokens, parts.given, parts.surname
(('martin', 'luther', 'king'), ('martin', 'luther'), 'king')
>>> person_parts("van beethoven, ludwig").given, person_parts("bashar al-assad").surname
(('ludwig',), 'assad')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .abbreviations import expand_place_abbreviations
from .lexicons import (
    INNER_PARTICLES,
    LEADING_PARTICLES,
    PARTICLES,
    SUFFIXES,
    TITLE_SEQUENCES,
    TITLES,
    WEAK_TITLES,
)

__all__ = ["PERSON_RULES", "PersonParts", "person_parts", "split_initial_clusters"]

#: Names of the person rules, in the order they run.
PERSON_RULES: tuple[str, ...] = ("initial_clusters", "name_order", "titles", "suffixes", "particles")

_TOKEN = re.compile(r"[a-z0-9]+")
_TITLE_SEQUENCES_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {}
for _seq in sorted(TITLE_SEQUENCES, key=len, reverse=True):  # longest first
    _TITLE_SEQUENCES_BY_FIRST[_seq[0]] = (*_TITLE_SEQUENCES_BY_FIRST.get(_seq[0], ()), _seq)
del _seq


@dataclass(frozen=True, slots=True)
class PersonParts:
    """A person name after the person rules: all tokens, the given names and the surname."""

    tokens: tuple[str, ...]
    given: tuple[str, ...]
    surname: str


# Two or three capital consonants standing as a word: JK, JRR, GW (Y and vowels excluded, so
# names and roman numerals such as "III" or "Ian" never match).
_CAPITAL_CLUSTER = re.compile(r"\b[BCDFGHJKLMNPQRSTVWXZ]{2,3}\b")
_WORDS = re.compile(r"\w+")
_AFFIXES = SUFFIXES | TITLES


def split_initial_clusters(text: str) -> str:
    """Rule 1: spell capital-consonant clusters in a mixed-case name as separate initials.

    Runs on the cleaned original (steps 1-2), since steps 4+ lose case. A cluster that is a title
    at the start ("DR Smith") or a suffix at the end ("Smith MD") is left for rules 3 and 4.

    >>> [split_initial_clusters(s) for s in ("JRR Tolkien", "JOHN SMITH MD", "Jane Doe MD")]
    ['J R R Tolkien', 'JOHN SMITH MD', 'Jane Doe MD']
    """
    if not _CAPITAL_CLUSTER.search(text) or not any(char.islower() for char in text):
        return text
    # Where the leading titles end and the trailing suffixes begin: "DR Smith", "Jane Doe MD PhD".
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORDS.finditer(text)]
    titles_end = next((start for start, _, word in words if word not in TITLES), len(text))
    suffixes_start = next((end for _, end, word in reversed(words) if word not in SUFFIXES), 0)

    def spell(match: re.Match[str]) -> str:
        cluster = match.group()
        lowered = cluster.lower()
        if (match.start() <= titles_end and lowered in TITLES) or (
            match.end() >= suffixes_start and lowered in SUFFIXES
        ):
            return cluster
        return " ".join(cluster)

    return _CAPITAL_CLUSTER.sub(spell, text)


def _ordered_tokens(form: str) -> list[str]:
    """Rule 2: tokens in "given surname" order, reading "Surname, Given" from the commas."""
    segments = [seg for seg in (_TOKEN.findall(part) for part in form.split(",")) if seg]
    if len(segments) > 1:
        # A later part made only of suffixes or titles ("Smith, John, Jr.") is not a name part;
        # the first part is the surname even when it looks like a title ("King, Stephen").
        segments = segments[:1] + [seg for seg in segments[1:] if not _AFFIXES.issuperset(seg)]
        segments = segments[1:] + segments[:1]  # given parts first, surname part last
    return [t for seg in segments for t in seg]


def inverted_parts(form: str) -> tuple[list[str], list[str]] | None:
    """The words before and after the comma of a name written "Surname, Given" ("smith, john a."),
    else None.

    The form must have one comma, one to three words before it and at least one after; whether the
    words after it are given names is for the caller to judge ("paris, france" has the same shape).
    """
    if form.count(",") != 1:
        return None
    before, after = (_TOKEN.findall(part) for part in form.split(","))
    return (before, after) if 1 <= len(before) <= 3 and after else None


def _title_length(tokens: list[str], start: int) -> int:
    """Rule 3: how many tokens from ``start`` form a title that may be stripped (0 if none)."""
    token = tokens[start]
    remaining = len(tokens) - start
    for seq in _TITLE_SEQUENCES_BY_FIRST.get(token, ()):
        n = len(seq)
        if n < remaining and tuple(tokens[start : start + n]) == seq:
            return n
    if (token in TITLES and remaining > 1) or (token in WEAK_TITLES and remaining > 2):
        return 1
    return 0


def _is_particle(token: str, first: bool, form: str) -> bool:
    """Rule 5. An "inner" particle opening the name is a given name unless hyphenated (al-Assad)."""
    if token in LEADING_PARTICLES:
        return True
    if token not in INNER_PARTICLES:
        return False
    return not first or re.search(rf"(?<![a-z0-9]){token}-", form) is not None


_NO_PARTS = PersonParts((), (), "")

# The generation each generational suffix names: one number for one generation (Jr. and II both
# name the second of the name).
_GENERATIONS = {"sr": "1", "snr": "1", "senior": "1", "jr": "2", "jnr": "2", "junior": "2", "ii": "2",
                "2nd": "2", "iii": "3", "3rd": "3", "iv": "4", "4th": "4"}
# Any of them as a word: most names have none, and are spared splitting into words.
_GENERATION_WORD = re.compile(r"\b(?:" + "|".join(_GENERATIONS) + r")\b")


def generation(form: str, kept: tuple[str, ...]) -> str:
    """The generation named by the generational suffixes the person rules stripped from ``form``
    (one output of steps 1-6; ``kept``: the tokens left), "" when none or two disagree. Kept apart
    from the name's text: John Smith Jr. and John Smith Sr. are two people, and John Smith is
    either.

    >>> generation("john smith, jr.", ("john", "smith")), generation("henry ford ii", ("henry", "ford"))
    ('2', '2')
    >>> generation("john smith sr", ("john", "smith")), generation("john smith", ("john", "smith"))
    ('1', '')
    """
    if not _GENERATION_WORD.search(form):
        return ""
    found = {_GENERATIONS[token] for token in _TOKEN.findall(form)
             if token in _GENERATIONS and token not in kept}
    return found.pop() if len(found) == 1 else ""


def person_parts(form: str) -> PersonParts:
    """Rules 2-5 on one output of steps 1-6 (lowercase ASCII with punctuation still in)."""
    tokens = _ordered_tokens(form) if "," in form else _TOKEN.findall(form)
    tokens = expand_place_abbreviations(tokens, at_end=False)  # before titles: "St. Francis"
    start = 0
    while start < len(tokens) and (n := _title_length(tokens, start)):
        start += n
    end = len(tokens)
    while end - start > 1 and tokens[end - 1] in SUFFIXES:  # rule 4
        end -= 1
    if start or end < len(tokens):
        tokens = tokens[start:end]
    if not tokens:
        return _NO_PARTS
    before = tokens[:-1]
    if PARTICLES.isdisjoint(before):  # the common case
        given = tuple(before)
    else:
        given = tuple(t for i, t in enumerate(before) if not _is_particle(t, i == 0, form))
    return PersonParts(tuple(tokens), given, tokens[-1])
