"""Organisation-name rules, run when the kind is "org".

In order, on the output of steps 1-6 (lowercase ASCII, punctuation still in):

1. ``dotted_letters``  dotted single letters are joined ("U.N." -> "un", "S.p.A." -> "spa")
2. ``ampersand``       "&" -> "and"
3. ``article``         a leading "the" is dropped ("The Brookings Institution"), and a trailing
   one, left behind by the inverted "Brookings Institution, The"
4. ``legal_forms``     legal forms removed from the end, repeatedly ("Co., Inc."), and from the
   start for the forms written there ("OOO", "PT"); never from the middle, never the last token;
   a dangling "and" ("Smith & Co.") goes with them
5. ``abbreviations``   Inst. -> institute, Univ. -> university, Ctr./Centre -> center, ...;
   then the step ``place_abbreviations`` (St. -> saint, see :mod:`.abbreviations`), for the
   abbreviations the name writes as such ("St." or "St", not "ST": ST Microelectronics)

>>> parts = org_parts("the genencor int'l, inc.".replace("'", ""))
>>> parts.tokens, parts.legal_form, parts.unexpanded
(('genencor', 'international'), 'inc', ('genencor', 'intl'))
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from .abbreviations import expand_place_abbreviations
from .lexicons import (
    GUESS_LEGAL_FORMS,
    LEGAL_FORMS_AT_END,
    LEGAL_FORMS_AT_START,
    ORG_ABBREVIATIONS,
    ORG_CUE_WORDS,
)

__all__ = ["ORG_RULES", "OrgParts", "looks_like_org", "org_parts", "org_tokens"]

#: Names of the organisation rules, in the order they run.
ORG_RULES: tuple[str, ...] = ("dotted_letters", "ampersand", "article", "legal_forms", "abbreviations")

_TOKEN = re.compile(r"[a-z0-9]+")
# Single letters each followed by a dot, two or more in a row: u.n. / s.p.a / j.p.
_DOTTED = re.compile(r"(?<![a-z0-9])[a-z](?:\.[a-z])+\.?(?![a-z0-9])")


@dataclass(frozen=True, slots=True)
class OrgParts:
    """An organisation name after the rules, its legal form(s), and its tokens before expansion."""

    tokens: tuple[str, ...]
    legal_form: str
    unexpanded: tuple[str, ...]


def org_tokens(form: str) -> list[str]:
    """Rules 1-2 and the tokenising of step 8.

    A run of two or more one-letter tokens at either end is one abbreviation written with spaces
    ("alcatel n v", "b v hunter") and is joined, so that it reads as the legal form it is.
    """
    if "." in form:
        form = _DOTTED.sub(lambda m: m.group().replace(".", ""), form)
    tokens = _TOKEN.findall(form.replace("&", " and "))
    return _join_letter_runs(tokens)


def _join_letter_runs(tokens: list[str]) -> list[str]:
    if len(tokens) < 3:
        return tokens
    end = len(tokens)
    while end > 0 and len(tokens[end - 1]) == 1 and tokens[end - 1].isalpha():
        end -= 1
    if len(tokens) - end >= 2 and end > 0:
        tokens = tokens[:end] + ["".join(tokens[end:])]
    start = 0
    while start < len(tokens) and len(tokens[start]) == 1 and tokens[start].isalpha():
        start += 1
    if start >= 2 and start < len(tokens):
        tokens = ["".join(tokens[:start])] + tokens[start:]
    return tokens


# At most this many words after a legal form are read as an address ("n.v., amsterdam, nl").
_MAX_ADDRESS_WORDS = 3


def _legal_form_before_address(tokens: list[str]) -> tuple[int, int]:
    """(position, length) of a legal form followed only by a short address, or (0, 0)."""
    for position in range(len(tokens) - 2, 0, -1):
        tail = len(tokens) - position
        for seq in _ENDING.get(tokens[position], ()):
            n = len(seq)
            # sequences are indexed by their last token: look back from it
            begin = position - n + 1
            if begin >= 1 and tuple(tokens[begin : position + 1]) == seq and tail - 1 <= _MAX_ADDRESS_WORDS:
                return begin, n
    return 0, 0


def _by_edge_token(forms: Iterable[tuple[str, ...]], edge: int) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Index token sequences by their last (edge=-1) or first (edge=0) token, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for seq in forms:
        index.setdefault(seq[edge], []).append(seq)
    return {token: tuple(sorted(seqs, key=len, reverse=True)) for token, seqs in index.items()}


# Most names end in no legal form: one dict look-up on the last token settles it.
_ENDING = _by_edge_token(LEGAL_FORMS_AT_END, -1)
_GUESS_ENDING = _by_edge_token(GUESS_LEGAL_FORMS, -1)
_OPENING = _by_edge_token(LEGAL_FORMS_AT_START, 0)
_GUESS_OPENING = _by_edge_token(GUESS_LEGAL_FORMS & LEGAL_FORMS_AT_START.keys(), 0)
# Legal forms too short to tell an organisation by themselves: also surnames and initials.
_SHORT_ENDING = _by_edge_token(LEGAL_FORMS_AT_END.keys() - GUESS_LEGAL_FORMS, -1)
_SHORT_OPENING = _by_edge_token(LEGAL_FORMS_AT_START.keys() - GUESS_LEGAL_FORMS, 0)
# Tokens that make a name an organisation, directly or once expanded ("univ").
_CUE_TOKENS = ORG_CUE_WORDS | {abbr for abbr, word in ORG_ABBREVIATIONS.items() if word in ORG_CUE_WORDS}


def _legal_form_at_end(tokens: list[str], ending: dict[str, tuple[tuple[str, ...], ...]]) -> int:
    """Length of the longest legal form ending ``tokens`` that leaves a token before it (0: none)."""
    for seq in ending.get(tokens[-1], ()):
        n = len(seq)
        if n < len(tokens) and tuple(tokens[-n:]) == seq:
            return n
    return 0


def _legal_form_at_start(tokens: list[str], opening: dict[str, tuple[tuple[str, ...], ...]]) -> int:
    for seq in opening.get(tokens[0], ()):
        n = len(seq)
        if n < len(tokens) and tuple(tokens[:n]) == seq:
            return n
    return 0


def org_parts(form: str, place_abbreviations: Collection[str] = ()) -> OrgParts:
    """All organisation rules on one output of steps 1-6.

    A legal form followed by a comma and at most three words ("alcatel n.v., amsterdam, nl")
    ends the name: the words after it are an address. ``place_abbreviations`` are the place
    abbreviations the name writes as such (St., Mt.), to be spelled out after the organisation's own.
    """
    tokens = org_tokens(form)
    address = "," in form
    leading: list[str] = []
    trailing: list[str] = []
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        if tokens[0] == "the" or tokens[-1] == "the":
            tokens = tokens[1:] if tokens[0] == "the" else tokens[:-1]
            changed = True
        elif n := _legal_form_at_end(tokens, _ENDING):
            trailing.append(LEGAL_FORMS_AT_END[tuple(tokens[-n:])])
            # Letters the form stood after are an abbreviation too ("unilever n v, n.v.").
            tokens = _join_letter_runs(tokens[:-n])
            if len(tokens) > 1 and tokens[-1] == "and":
                tokens = tokens[:-1]
            changed = True
        elif n := _legal_form_at_start(tokens, _OPENING):
            leading.append(LEGAL_FORMS_AT_START[tuple(tokens[:n])])
            tokens = tokens[n:]
            changed = True
        elif address and (found := _legal_form_before_address(tokens))[1]:
            begin, n = found
            trailing.append(LEGAL_FORMS_AT_END[tuple(tokens[begin : begin + n])])
            tokens = tokens[:begin]
            changed = True
    expanded = tuple(ORG_ABBREVIATIONS.get(t, t) for t in tokens)
    if place_abbreviations:
        expanded = tuple(expand_place_abbreviations(expanded, only=place_abbreviations))
    return OrgParts(expanded, " ".join(leading + trailing[::-1]), tuple(tokens))


def looks_like_org(form: str, given_names: Collection[str] = ()) -> bool:
    """Whether an untyped name (an output of steps 1-6) reads as an organisation.

    A legal form of three letters or more, "& Co.", or an organisation cue word. A shorter legal
    form ("N.V.", "AG") is also a pair of initials or a surname, so it counts only when it is
    written as one word or follows two or more words ("Philips NV", "Akzo Nobel N.V." but not
    "Ivanov A.S."), and the name does not open with an initial or one of ``given_names`` ("Maria
    Sa", "John A. G.").

    >>> [looks_like_org(s, {"maria"}) for s in ("acme widgets, llc", "harvard univ.", "maria sa",
    ...                                         "philips nv", "akzo nobel n.v.", "ivanov a.s.")]
    [True, True, False, True, True, False]
    """
    tokens = org_tokens(form)
    if not tokens:
        return False
    if (
        _legal_form_at_end(tokens, _GUESS_ENDING)
        or _legal_form_at_start(tokens, _GUESS_OPENING)
        or not _CUE_TOKENS.isdisjoint(tokens)
    ):
        return True
    if len(tokens[0]) == 1 or tokens[0] in given_names:
        return False
    written = _TOKEN.findall(form)  # before letter runs were joined
    if _legal_form_at_end(tokens, _SHORT_ENDING):
        return written[-1] == tokens[-1] or len(tokens) > 2
    if _legal_form_at_start(tokens, _SHORT_OPENING):
        return written[0] == tokens[0] or len(tokens) > 2
    return False
