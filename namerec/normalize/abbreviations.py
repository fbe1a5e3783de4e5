"""The ``place_abbreviations`` step: St. -> saint, Mt. -> mount, Ft. -> fort, ... in every kind of name.

Place names abbreviate their common words ("St. Petersburg", "Mt. Everest", "Ft. Worth",
"Ste-Foy", "Sta. Cruz"), and so do saints' names wherever they occur ("St. John's College",
"Ruth St. Denis"). The step spells those words out, token by token, like the organisation rule
``org.abbreviations`` (Inst. -> institute), but for every kind, so that one place written both ways
gets one normalised text:

- an abbreviation in ``before_a_word`` is expanded only when another word follows it: "st" alone
  stays "st", "st petersburg" becomes "saint petersburg";
- an abbreviation in ``at_the_end`` is expanded only as the last word of a name of two or more
  words that is not a person: "main st" becomes "main street", "blue mts" "blue mountains".

It runs on the words of the name: for persons right after ``person.name_order`` and before
``person.titles`` (so "St. Francis" and "Saint Francis" both lose the title "saint"), for
organisations after ``org.abbreviations``, for other names after step 8. No expansion is itself an
abbreviation, so the step is idempotent.

In organisation names two capitals are as often the letters of a name ("ST Microelectronics",
"MT Bank") as an abbreviation, so there an abbreviation is expanded only when it is written as one:
with a capital and small letters ("St James's Place") or with a dot ("ST. JUDE MEDICAL"); "ST" and
"st" without a dot stay as they are (:func:`written_abbreviations`). Expanded or not, the text is
a fixed point: its words hold either no abbreviation or one written in small letters without a dot.

>>> expand_place_abbreviations(["st", "petersburg"]), expand_place_abbreviations(["main", "st"])
(['saint', 'petersburg'], ['main', 'street'])
>>> expand_place_abbreviations(["st"]), expand_place_abbreviations(["henry", "st"], at_end=False)
(['st'], ['henry', 'st'])
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from .lexicons import PLACE_ABBREVIATIONS_AT_END, PLACE_ABBREVIATIONS_BEFORE_WORD

__all__ = ["PLACE_ABBREVIATION_STEP", "expand_place_abbreviations", "written_abbreviations"]

#: The step's name in ``namerec.normalize.STEPS``.
PLACE_ABBREVIATION_STEP = "place_abbreviations"

_ABBREVIATIONS = frozenset(PLACE_ABBREVIATIONS_BEFORE_WORD) | frozenset(PLACE_ABBREVIATIONS_AT_END)


def expand_place_abbreviations(
    tokens: Sequence[str], *, at_end: bool = True, only: Collection[str] | None = None
) -> list[str]:
    """The tokens with their place abbreviations spelled out (a new list; the input is not changed).

    ``at_end=False`` (persons) leaves a last word alone: "St" ending a person's name is no street.
    ``only`` (organisations) limits the expansion to these abbreviations.
    """
    out = list(tokens)
    if _ABBREVIATIONS.isdisjoint(out):  # the common case
        return out
    last = len(out) - 1
    for i, token in enumerate(out):
        if only is not None and token not in only:
            continue
        if i < last:
            out[i] = PLACE_ABBREVIATIONS_BEFORE_WORD.get(token, token)
        elif at_end and i > 0:
            out[i] = PLACE_ABBREVIATIONS_AT_END.get(token, token)
    return out


# A word of a capital and small letters ("St"), or any word followed by a dot ("ST.", "st.").
_TITLE_WORD = re.compile(r"(?<![^\W\d_])[A-Z][a-z]+(?![^\W\d_])")
_DOTTED_WORD = re.compile(r"(?<![^\W\d_])[A-Za-z]+(?=\.)")


_ANY_ABBREVIATION = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(sorted(_ABBREVIATIONS)) + r")(?![^\W\d_])", re.IGNORECASE
)


def written_abbreviations(cleaned: str) -> frozenset[str]:
    """The place abbreviations an organisation name writes as abbreviations (see the module docstring).

    ``cleaned`` is the name after steps 1-2 (case and dots kept).

    >>> sorted(written_abbreviations("St. Jude Medical")), sorted(written_abbreviations("ST Engineering"))
    (['st'], [])
    """
    if not _ANY_ABBREVIATION.search(cleaned):  # the common case
        return frozenset()
    found = {m.group().lower() for m in _TITLE_WORD.finditer(cleaned)}
    found.update(m.group().lower() for m in _DOTTED_WORD.finditer(cleaned))
    return frozenset(found & _ABBREVIATIONS)
