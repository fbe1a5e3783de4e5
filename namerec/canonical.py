"""The canonical name of an entity, by a stated policy that never depends on input order.

Policy, in order (the first difference decides):

1. the reference's spelling, when the entity is linked to a reference entry (see ``link``); for a
   known place (its rows typed or read as places, :mod:`namerec.equivalents`), a row written as the
   place's own name in the place lexicon or gazetteer, its English or best-known name (Munich among
   München, Мюнхен and Monaco di Baviera; Warsaw among Warszawa and Varsovie): the gazetteer serves
   as the reference;
2. the most complete form: more full words (initials and acronyms count less), then more words;
3. the best-formed form: mixed case ("Max Bergmann") over all capitals or all lower case, and no
   digits inside words; then a form in the script most of the entity's rows are written in (München
   over Мюнхен when two rows of three are Latin: a transliteration's letters say nothing of how
   full a name is); then more letters (William over Bill, Institute over Inst.);
4. the most frequent form among the entity's rows;
5. the lexicographically smallest normalised form, then the smallest original string.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .normalize import NormalizedName


def _completeness(name: NormalizedName, original: str) -> tuple[int, int, int, int]:
    """Full words, words, then letters of the normalised and of the written form: more is fuller."""
    full_words = sum(1 for token in name.tokens if len(token) > 1)
    if name.is_acronym:
        full_words = 0
    letters = sum(map(str.isalpha, original))
    return full_words, len(name.tokens), len(name.text.replace(" ", "")), letters


def _form_quality(original: str) -> int:
    # map(str.is...) rather than generators: this runs for every row of every entity. Only letters
    # are upper or lower case, so the whole string can be tested.
    if not any(map(str.isalpha, original)):
        return 0
    score = 1
    if any(map(str.isupper, original)) and any(map(str.islower, original)):
        score += 2  # mixed case: written the way a person would write the name
    if not any(map(str.isdigit, original)) or not any(
        any(map(str.isdigit, w)) and any(map(str.isalpha, w)) for w in original.split()
    ):
        score += 1  # no digits inside words (typos like "hard6")
    return score


def choose_canonical(originals: Sequence[str], names: Sequence[NormalizedName],
                     place_name: str | None = None) -> tuple[str, str]:
    """Pick the canonical form among an entity's rows; returns (canonical, reason).

    ``originals[k]`` is row k's input string and ``names[k]`` its normalisation. ``place_name``: the
    normalised own name of the known place the entity is, if it is one; a row written so comes first.

    >>> from namerec.normalize import normalize_name
    >>> rows = ["BERGMAN", "Max Bergmann", "Max Bergmann", "M. Bergmann"]
    >>> choose_canonical(rows, [normalize_name(r, "PERSON") for r in rows])[0]
    'Max Bergmann'
    >>> rows = ["München", "Munich", "Мюнхен"]
    >>> choose_canonical(rows, [normalize_name(r, "LOC") for r in rows])[0]
    'München'
    >>> choose_canonical(rows, [normalize_name(r, "LOC") for r in rows], place_name="munich")[0]
    'Munich'
    """
    frequency = Counter(originals)
    normalized = {original: name for original, name in zip(originals, names)}
    rows_in_script = Counter(name.script for name in names)

    def rank(original: str):
        name = normalized[original]
        full, words, letters, written = _completeness(name, original)
        return (name.text != place_name, -full, -words, -_form_quality(original),
                -rows_in_script[name.script], -letters, -written, -frequency[original], name.text, original)

    best = min(frequency, key=rank)
    if place_name is not None and normalized[best].text == place_name:
        reasons = ["the place's own name in the place lexicon or gazetteer"]
    else:
        full = _completeness(normalized[best], best)[0]
        reasons = [f"most complete form ({full} full word{'s' if full != 1 else ''})"]
    if frequency[best] > 1:
        reasons.append(f"written this way in {frequency[best]} of {len(originals)} rows")
    return best, "; ".join(reasons)
