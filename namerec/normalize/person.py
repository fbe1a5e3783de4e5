"""Person-name rules, run when the kind is "person".

In order:

1. ``initial_clusters`` a run of two or three capital consonants in a mixed-case name is a row of
   initials ("JK Rowling" -> "J K Rowling"); this needs case, so it runs on the cleaned original
   before step 3. All-caps names are left alone ("JOHN SMITH" tells nothing).
2. ``name_order``       "Surname, Given" -> "Given Surname", read from the commas that steps 1-6
   keep; a comma-separated part made only of suffixes or titles ("King, Martin Luther, Jr.")
   is dropped first, so it does not count as a name part.
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

from .lexicons import (
    INNER_PARTICLES,
    LEADING_PARTICLES,
    SUFFIXES,
    TITLE_SEQUENCES,
    TITLES,
    WEAK_TITLES,
)

__all__ = ["PERSON_RULES", "PersonParts", "person_parts", "split_initial_clusters"]

#: Names of the person rules, in the order they run.
PERSON_RULES: tuple[str, ...] = ("initial_clusters", "name_order", "titles", "suffixes", "particles")

_TOKEN = re.compile(r"[a-z0-9]+")
_LONGEST_TITLE = max((len(seq) for seq in TITLE_SEQUENCES), default=1)


@dataclass(frozen=True, slots=True)
class PersonParts:
    """A person name after the person rules: all tokens, the given names and the surname."""

    tokens: tuple[str, ...]
    given: tuple[str, ...]
    surname: str


# Two or three capital consonants standing as a word: JK, JRR, GW (Y and vowels excluded, so
# names and roman numerals such as "III" or "Ian" never match).
_CAPITAL_CLUSTER = re.compile(r"\b[BCDFGHJKLMNPQRSTVWXZ]{2,3}\b")


def split_initial_clusters(text: str) -> str:
    """Rule 1: spell capital-consonant clusters in a mixed-case name as separate initials.

    Runs on the cleaned original (steps 1-2), since steps 4+ lose case. A cluster that is a title
    at the start ("DR Smith") or a suffix at the end ("Smith MD") is left for rules 3 and 4.

    >>> split_initial_clusters("JRR Tolkien"), split_initial_clusters("JOHN SMITH MD"), split_initial_clusters("Jane Doe MD")
    ('J R R Tolkien', 'JOHN SMITH MD', 'Jane Doe MD')
    """
    if not _CAPITAL_CLUSTER.search(text) or not any(char.islower() for char in text):
        return text

    def spell(match: re.Match[str]) -> str:
        cluster = match.group()
        lowered = cluster.lower()
        at_start = not text[: match.start()].strip(" .,")
        at_end = not text[match.end() :].strip(" .,")
        if (at_start and lowered in TITLES) or (at_end and lowered in SUFFIXES):
            return cluster
        return " ".join(cluster)

    return _CAPITAL_CLUSTER.sub(spell, text)


def _segment_tokens(segment: str) -> tuple[list[str], list[bool]]:
    """Tokens of one comma-separated part, and whether each is hyphenated to the next."""
    if "-" not in segment:
        tokens = _TOKEN.findall(segment)
        return tokens, [False] * len(tokens)
    tokens, hyphened = [], []
    for match in _TOKEN.finditer(segment):
        tokens.append(match.group())
        hyphened.append(segment.startswith("-", match.end()))
    return tokens, hyphened


def _only_affixes(tokens: list[str]) -> bool:
    return all(t in SUFFIXES or t in TITLES for t in tokens)


def _title_length(tokens: list[str], start: int) -> int:
    """How many tokens from ``start`` form a title that may be stripped (0 if none)."""
    remaining = len(tokens) - start
    for n in range(min(_LONGEST_TITLE, remaining - 1), 1, -1):
        if tuple(tokens[start : start + n]) in TITLE_SEQUENCES:
            return n
    token = tokens[start]
    if (token in TITLES and remaining > 1) or (token in WEAK_TITLES and remaining > 2):
        return 1
    return 0


def person_parts(form: str) -> PersonParts:
    """Rules 2-5 on one output of steps 1-6 (lowercase ASCII with punctuation still in)."""
    segments = [_segment_tokens(part) for part in form.split(",")] if "," in form else [_segment_tokens(form)]
    segments = [seg for seg in segments if seg[0]]
    if len(segments) > 1:
        named = [seg for seg in segments if not _only_affixes(seg[0])]
        segments = named or segments[:1]
        # "Surname, Given [, more given]" -> given parts first, surname part last.
        segments = segments[1:] + segments[:1]
    tokens = [t for seg in segments for t in seg[0]]
    hyphened = [h for seg in segments for h in seg[1]]

    start = 0
    while start < len(tokens) and (n := _title_length(tokens, start)):
        start += n
    end = len(tokens)
    while end - start > 1 and tokens[end - 1] in SUFFIXES:
        end -= 1
    tokens, hyphened = tokens[start:end], hyphened[start:end]
    if not tokens:
        return PersonParts((), (), "")

    given = tuple(
        token
        for i, token in enumerate(tokens[:-1])
        if not (token in LEADING_PARTICLES or (token in INNER_PARTICLES and (i > 0 or hyphened[i])))
    )
    return PersonParts(tuple(tokens), given, tokens[-1])
