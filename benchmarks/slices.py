"""Slices by phenomenon: which kind of variation separates the two names of a gold pair.

Every pair of names is put in exactly one slice by the first rule below that holds (the order is the
precedence). Names are compared through a *key*: ``anyascii`` transliteration, casefold, every run of
non-alphanumeric characters to one space; *tokens* are the key's words. For legal forms and acronyms,
runs of one-letter tokens are joined first ("N. V." -> "nv", "I.B.M." -> "ibm").

=================  ===================================================================================
slice              rule
=================  ===================================================================================
case/punctuation   the names differ only in case, punctuation or spacing (equal after casefold and
                   non-alphanumerics removed, before any transliteration)
transliteration    the names are written in different scripts (Latin / Cyrillic / Arabic / CJK ...:
                   the sets of Unicode script names of their letters differ), or they differ only by
                   accents and other marks (equal keys after anyascii)
org legal form     the legal forms differ (Inc / Ltd / GmbH / N.V. / AG / S.A. / Co. / LLC / OOO ...;
                   ``LEGAL_FORMS``): the multisets of legal-form tokens of the two names are not equal
                   Not applied when a type is given and it is a person type
acronym            one name (without legal forms) is one token of 2-8 letters that spells the initial
                   letters of the other's tokens (with or without stop words: of, and, the, für ...).
                   Not applied to person types
order swap         the same multiset of tokens in another order ("Smith, John" / "John Smith")
surname-only       one name is a single token equal or close (Levenshtein <= 1, or Jaro-Winkler >= 0.9)
                   to the other's last token, or to its first token when it is written "Surname, ..."
initials           every token of the name with fewer tokens matches a distinct token of the other
                   exactly or as its initial (a single letter), and at least one matches as an initial
                   ("J. Smith" / "John Smith", "Hans J Friedrich" / "Hans Joachim Friedrich")
nickname           a token of one name is a nickname of a token of the other, or both are nicknames of
                   one name, by the ``nicknames`` package's table (Bob / Robert, Wally / Walter)
dropped token      the token set of one name is a proper subset of the other's ("Walter Bryant" /
                   "Walter John Bryant")
typo               small edit distance: Levenshtein distance of the keys <= 2, or <= 20% of the
                   longer key's length
other              none of the above (renames, several phenomena at once, hard negatives)
=================  ===================================================================================

The rules are heuristics, meant to show *where* a system wins or loses, not to label data: a pair that
shows two phenomena goes to the earlier slice. The same rules apply to matching and non-matching pairs,
so on a pair file a slice holds the hard negatives of its kind too (e.g. "Olaf Schulze" / "Olaf Scholz"
in typo).

Example:
    >>> classify("John Smith", "J. Smith")
    'initials'
    >>> classify("Зеленский", "Zelenskiy")
    'transliteration'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Sequence
from functools import lru_cache
from itertools import combinations
from typing import Any

import numpy as np

__all__ = [
    "LEGAL_FORMS",
    "SLICES",
    "classify",
    "classify_pairs",
    "cluster_recall_by_slice",
    "gold_pairs_by_slice",
]

SLICES: tuple[str, ...] = (
    "case/punctuation",
    "transliteration",
    "org legal form",
    "acronym",
    "order swap",
    "surname-only",
    "initials",
    "nickname",
    "dropped token",
    "typo",
    "other",
)

# legal-form tokens as they appear in a key (dots removed, so "N.V." is "nv", "S.p.A." is "spa")
LEGAL_FORMS: frozenset[str] = frozenset(
    """inc incorporated ltd limited llc llp lp plc gmbh mbh ag kg kgaa ohg ug nv bv vof cv bvba sprl
    sa sas sarl spa srl sl sae ab asa oy oyj aps kk pty pte bhd sdn corp corporation co company cos
    aktiengesellschaft gesellschaft ooo oao zao pao ojsc pjsc cjsc jsc tov pp sp zoo se societe""".split()
)
# short forms that are also ordinary words or name parts: counted only among a name's last two tokens
_AMBIGUOUS = frozenset({"sa", "se", "ab", "co", "ag", "as", "kk", "oy", "lp", "pp", "sp", "sl", "cv", "ug"})
_STOP = frozenset(
    "of and the for de la le du des der die das und fur van von y e et di del da & at in on".split()
)
_PERSON_TYPES = frozenset({"PER", "PERSON", "HUMAN", "INDIVIDUAL"})

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


@lru_cache(maxsize=200_000)
def _key(name: str) -> str:
    from anyascii import anyascii

    return _NON_ALNUM.sub(" ", anyascii(name).casefold()).strip()


@lru_cache(maxsize=200_000)
def _plain(name: str) -> str:
    """Casefold and non-alphanumerics removed, no transliteration."""
    return _NON_WORD.sub("", name.casefold())


@lru_cache(maxsize=200_000)
def _scripts(name: str) -> frozenset[str]:
    out = set()
    for ch in name:
        if ch.isalpha():
            try:
                out.add(unicodedata.name(ch).split()[0])
            except ValueError:
                continue
    return frozenset(out)


def _join_letters(tokens: Sequence[str]) -> list[str]:
    """Runs of one-letter tokens joined into one token ("n v" -> "nv")."""
    out: list[str] = []
    run = ""
    for t in tokens:
        if len(t) == 1 and t.isalpha():
            run += t
            continue
        if run:
            out.append(run)
            run = ""
        out.append(t)
    if run:
        out.append(run)
    return out


def _legal_tokens(tokens: Sequence[str]) -> list[str]:
    n = len(tokens)
    return [
        t for i, t in enumerate(tokens) if t in LEGAL_FORMS and n >= 2 and (t not in _AMBIGUOUS or i >= n - 2)
    ]


def _strip_legal(tokens: Sequence[str]) -> list[str]:
    legal = set(_legal_tokens(tokens))
    return [t for t in tokens if t not in legal]


def _is_acronym(short: Sequence[str], long: Sequence[str]) -> bool:
    if len(short) != 1 or len(long) < 2:
        return False
    acro = short[0]
    if not (2 <= len(acro) <= 8 and acro.isalpha()):
        return False
    full = "".join(t[0] for t in long)
    content = "".join(t[0] for t in long if t not in _STOP)
    return acro in (full, content)


def _close(a: str, b: str) -> bool:
    from rapidfuzz.distance import JaroWinkler, Levenshtein

    return a == b or Levenshtein.distance(a, b) <= 1 or JaroWinkler.normalized_similarity(a, b) >= 0.9


def _surname_only(single: Sequence[str], full: Sequence[str], full_raw: str) -> bool:
    if len(single) != 1 or len(full) < 2:
        return False
    if _close(single[0], full[-1]):
        return True
    head = full_raw.split(",", 1)
    return len(head) == 2 and _key(head[0]) != "" and _close(single[0], full[0])


def _initials(short: Sequence[str], long: Sequence[str]) -> bool:
    if len(short) > len(long):
        short, long = long, short
    left = list(long)
    used_initial = False
    for t in short:
        if t in left:
            left.remove(t)
            continue
        hit = None
        for u in left:
            if len(t) == 1 and t.isalpha() and len(u) > 1 and u[0] == t:
                hit = u
                break
            if len(u) == 1 and u.isalpha() and len(t) > 1 and t[0] == u:
                hit = u
                break
        if hit is None:
            return False
        left.remove(hit)
        used_initial = True
    return used_initial


@lru_cache(maxsize=1)
def _nicknamer() -> Any:
    try:
        from nicknames import NickNamer
    except ImportError:  # the nickname slice is then empty
        return None
    return NickNamer()


@lru_cache(maxsize=100_000)
def _nick_group(token: str) -> frozenset[str]:
    """The token, its nicknames and its canonical names (one step each way)."""
    nn = _nicknamer()
    if nn is None or len(token) < 2:
        return frozenset({token})
    return frozenset({token}) | frozenset(nn.nicknames_of(token)) | frozenset(nn.canonicals_of(token))


def _nickname(a: Sequence[str], b: Sequence[str]) -> bool:
    sa, sb = set(a), set(b)
    for x in sa - sb:
        gx = _nick_group(x)
        for y in sb - sa:
            if y in gx or x in _nick_group(y) or (gx & _nick_group(y)) - {x, y}:
                return True
    return False


def _typo(ka: str, kb: str) -> bool:
    from rapidfuzz.distance import Levenshtein

    longest = max(len(ka), len(kb))
    d = Levenshtein.distance(ka, kb, score_cutoff=max(2, longest // 5) + 1)
    return d <= 2 or d <= 0.2 * longest


def classify(a: str, b: str, entity_type: str | None = None) -> str:
    """The slice (one of :data:`SLICES`) of the pair ``a`` / ``b``; ``entity_type`` may be None or ""."""
    if _plain(a) == _plain(b):
        return "case/punctuation"
    sa, sb = _scripts(a), _scripts(b)
    ka, kb = _key(a), _key(b)
    if (sa and sb and sa != sb) or ka == kb:
        return "transliteration"
    ta, tb = ka.split(), kb.split()
    is_person = (entity_type or "").strip().upper() in _PERSON_TYPES
    ja, jb = _join_letters(ta), _join_letters(tb)
    if not is_person and sorted(_legal_tokens(ja)) != sorted(_legal_tokens(jb)):
        return "org legal form"
    ca, cb = (ta, tb) if is_person else (_strip_legal(ja), _strip_legal(jb))
    if not is_person and (_is_acronym(ca, cb) or _is_acronym(cb, ca)):
        return "acronym"
    if sorted(ta) == sorted(tb):
        return "order swap"
    if _surname_only(ta, tb, b) or _surname_only(tb, ta, a):
        return "surname-only"
    if _initials(ca, cb):
        return "initials"
    if _nickname(ta, tb):
        return "nickname"
    if set(ta) != set(tb) and (set(ta) <= set(tb) or set(tb) <= set(ta)):
        return "dropped token"
    if _typo(ka, kb):
        return "typo"
    return "other"


def classify_pairs(pairs: Sequence[tuple[str, str]], types: Sequence[str] | None = None) -> list[str]:
    """The slice of every pair (``types``: one entity type per pair, or None)."""
    if types is None:
        return [classify(a, b) for a, b in pairs]
    return [classify(a, b, t) for (a, b), t in zip(pairs, types, strict=True)]


def gold_pairs_by_slice(
    names: Sequence[str], gold: Sequence[Hashable], types: Sequence[str] | None = None
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Every within-entity pair (i < j) of a pool, grouped by slice: ``{slice: (i, j)}``.

    Only slices with at least one pair are listed. Rows with identical strings form a
    "case/punctuation" pair (they are trivially the same name).
    """
    by_ent: dict[Hashable, list[int]] = {}
    for i, g in enumerate(gold):
        by_ent.setdefault(g, []).append(i)
    out: dict[str, tuple[list[int], list[int]]] = {}
    for members in by_ent.values():
        for i, j in combinations(members, 2):
            t = types[i] if types is not None else None
            s = classify(names[i], names[j], t)
            ii, jj = out.setdefault(s, ([], []))
            ii.append(i)
            jj.append(j)
    return {
        s: (np.asarray(out[s][0], dtype=np.int64), np.asarray(out[s][1], dtype=np.int64))
        for s in SLICES
        if s in out
    }


def cluster_recall_by_slice(
    by_slice: dict[str, tuple[np.ndarray, np.ndarray]], pred: Sequence[Hashable]
) -> dict[str, float]:
    """Per slice, the share of its gold pairs that ``pred`` puts in one cluster."""
    _, codes = np.unique(np.asarray([str(p) for p in pred], dtype=object), return_inverse=True)
    codes = np.asarray(codes).ravel()
    return {
        s: float(np.mean(codes[i] == codes[j])) if len(i) else float("nan") for s, (i, j) in by_slice.items()
    }
