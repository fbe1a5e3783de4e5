"""Digits typed or scanned in place of letters in a person's name: "Ma4garet", "H0luman", "1ovis".

A person's name has no digits inside its words (ordinals such as "1st" and "12th" are words of their
own), so a digit among letters is a letter mistyped from the row above the keyboard's letters (4 for
r or e, 9 for o or i) or misread by OCR (0 for o, 1 for l, 5 for s). Read as a letter, such a word
meets the name it stands for in every comparison: phonetic codes, skeletons, the given-name lexicons.
"""

from __future__ import annotations

import re

DIGITS_AS_LETTERS_STEP = "digits_as_letters"

# The two letters each digit most often stands for, the likelier first: on splink_historical50k's
# train split, whose typos are keyboard slips, 4 stood for r 58 times and e 42, 9 for o 34 and i 33, 8
# for i 27 and u 13; OCR confuses 0 and o, 1 and l or I, 5 and s, 8 and b, 2 and z.
_LETTERS_OF_DIGIT = {"0": "op", "1": "li", "2": "wz", "3": "ew", "4": "re", "5": "rs", "6": "tb",
                     "7": "uy", "8": "ib", "9": "oi"}
_FIRST, _SECOND = (str.maketrans({digit: letters[k] for digit, letters in _LETTERS_OF_DIGIT.items()})
                   for k in (0, 1))
# A word with exactly one digit and at least three letters, the digit among them or in front of them
# (not behind: "Jet2", "Web3" are names as written).
_AMID = re.compile(r"\b(?=[a-z]*\d[a-z]*\b)(?:[a-z]+\d[a-z]+|\d[a-z]{3,})\b")
# The same, the digit anywhere, for names known to be persons' ("Lev8").
_ANYWHERE = re.compile(r"\b(?=[a-z]*\d[a-z]*\b)(?:[a-z]+\d[a-z]+|\d[a-z]{3,}|[a-z]{3,}\d)\b")


def digits_as_letters(form: str, person: bool) -> tuple[str, ...]:
    """``form`` (lower case, after the generic steps) with each digit inside a word of letters read as
    its likelier letter, then as its other letter: two readings, or ``form`` alone when it has no such
    digit. ``person``: the name is typed a person's, so a final digit is read too ("Lev8")."""
    if not any(c.isdigit() for c in form):
        return (form,)
    pattern = _ANYWHERE if person else _AMID

    def read(table: dict[int, str]) -> str:
        return pattern.sub(
            lambda match: match.group(0).translate(table) if sum(c.isalpha() for c in match.group(0)) >= 3
            else match.group(0), form)

    return tuple(dict.fromkeys((read(_FIRST), read(_SECOND))))
