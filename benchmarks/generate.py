"""Seeded synthetic name variants, used to top up the pooled real names to a round size for speed runs.

Recipe (everything drawn from one ``random.Random(seed)``, so a seed gives the same list every time):

1. Pick a source row uniformly from the given rows (name, entity_id, entity_type).
2. Draw how many edits to stack: 1 (p=0.6), 2 (p=0.3) or 3 (p=0.1).
3. For each edit, draw an operation by weight among those that apply to the current string:

   ================  =======  ==================================================================
   operation         weight   what it does
   ================  =======  ==================================================================
   typo              4        insert / delete / substitute / transpose one letter (substitutes
                              and inserts come from the same alphabet, Latin or Cyrillic)
   initial           2        a non-final token of a person name -> its initial + "." (``J. Smith``;
                              lower-case in an all-lower-case name)
   drop_token        1        drop one token of a name with two or more tokens
   order_swap        1        person "Given ... Surname" -> "Surname, Given ..."
   title             1        Latin-script person: add a title (Dr., Sir, Mrs ...) or a suffix
                              (Jr., III ...), in the name's case style
   nickname          2        person: a given name -> one of its nicknames, or a nickname -> a
                              canonical form (the ``nicknames`` package's table)
   legal_form        3        organisation: remove, add or replace a legal form (Inc., GmbH, N.V.,
                              B.V., S.A., Ltd ...), with or without a comma before it
   case              1        organisation: upper-case or title-case the whole name
   ================  =======  ==================================================================

   Person operations apply to rows typed PER/PERSON, organisation ones to ORG; typo and
   drop_token apply to every row. An operation that cannot change the string is skipped.
4. Keep the result when it is non-blank, differs from its source and from every name already in the
   pool (seen names include the real ones passed in), and label it with the source's entity_id.

Variants are synthetic: they are for load (speed runs), never for quality numbers.

Example:
    >>> from benchmarks.datasets import ClusterRow
    >>> rows = [ClusterRow("Robert Smith", "e1", "PER"), ClusterRow("ACME B.V.", "e2", "ORG")]
    >>> out = generate_variants(rows, 5, seed=1)
    >>> len(out), all(v.name not in {"Robert Smith", "ACME B.V."} for v in out)
    (5, True)
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from benchmarks.datasets import ClusterRow

__all__ = ["OPERATIONS", "Variant", "generate_variants", "top_up"]

LATIN = "abcdefghijklmnopqrstuvwxyz"
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
TITLES = ["Dr.", "Dr", "Mr", "Mr.", "Mrs", "Ms", "Prof.", "Sir", "Lord", "Lady", "Rev.", "Capt.", "Gen."]
SUFFIXES = ["Jr.", "Jr", "Sr.", "II", "III", "PhD", "MD"]
LEGAL_FORMS = [
    "Inc.",
    "Inc",
    "Incorporated",
    "Ltd",
    "Ltd.",
    "Limited",
    "LLC",
    "GmbH",
    "AG",
    "N.V.",
    "NV",
    "B.V.",
    "BV",
    "S.A.",
    "SA",
    "PLC",
    "Corp.",
    "Corporation",
    "Co.",
    "Company",
    "S.p.A.",
    "AB",
    "Oy",
    "S.A.S.",
]
_LEGAL_RE = re.compile(
    r"[,\s]+(?:" + "|".join(re.escape(f) for f in sorted(LEGAL_FORMS, key=len, reverse=True)) + r")\s*$",
    re.IGNORECASE,
)
PERSON_TYPES = {"PER", "PERSON"}
ORG_TYPES = {"ORG", "ORGANIZATION", "COMPANY"}


class Variant(NamedTuple):
    name: str
    entity_id: str
    entity_type: str
    source: str  # the real name it was derived from
    ops: str  # the operations applied, "+"-joined


def _alphabet(ch: str) -> str:
    return CYRILLIC if "\u0400" <= ch.lower() <= "\u04ff" else LATIN


def _match_case(template: str, ch: str) -> str:
    return ch.upper() if template.isupper() else ch


def typo(name: str, rnd: random.Random) -> str | None:
    letters = [i for i, c in enumerate(name) if c.isalpha()]
    if not letters:
        return None
    i = rnd.choice(letters)
    c = name[i]
    kind = rnd.choice(("insert", "delete", "substitute", "transpose"))
    if kind == "insert":
        return name[:i] + _match_case(c, rnd.choice(_alphabet(c))) + name[i:]
    if kind == "delete":
        return name[:i] + name[i + 1 :] if len(letters) > 1 else None
    if kind == "substitute":
        choices = [x for x in _alphabet(c) if x != c.lower()]
        return name[:i] + _match_case(c, rnd.choice(choices)) + name[i + 1 :]
    if i + 1 < len(name) and name[i + 1].isalpha() and name[i + 1] != c:
        return name[:i] + name[i + 1] + c + name[i + 2 :]
    return None


def initial(name: str, rnd: random.Random) -> str | None:
    toks = name.split()
    cand = [i for i, t in enumerate(toks[:-1]) if t[:1].isalpha() and len(t.rstrip(".")) > 1]
    if len(toks) < 2 or not cand:
        return None
    i = rnd.choice(cand)
    toks[i] = (toks[i][0] if name.islower() else toks[i][0].upper()) + "."
    return " ".join(toks)


def drop_token(name: str, rnd: random.Random) -> str | None:
    toks = name.split()
    if len(toks) < 2:
        return None
    del toks[rnd.randrange(len(toks))]
    return " ".join(toks)


def order_swap(name: str, rnd: random.Random) -> str | None:
    toks = name.split()
    if len(toks) < 2 or "," in name:
        return None
    return f"{toks[-1]}, {' '.join(toks[:-1])}"


def _is_latin(name: str) -> bool:
    return all(_alphabet(c) is LATIN for c in name if c.isalpha())


def title(name: str, rnd: random.Random) -> str | None:
    if not _is_latin(name):  # the title lists are English
        return None
    if rnd.random() < 0.6:
        word, out = rnd.choice(TITLES), "{w} {n}"
    else:
        word, out = rnd.choice(SUFFIXES), "{n} {w}"
    if name.islower():
        word = word.lower()
    elif name.isupper():
        word = word.upper()
    return out.format(w=word, n=name)


_NICKNAMER = None


def _nicknamer():  # loaded once, lazily: the table takes a moment to parse
    global _NICKNAMER
    if _NICKNAMER is None:
        from nicknames import NickNamer

        _NICKNAMER = NickNamer()
    return _NICKNAMER


def _restyle(template: str, word: str) -> str:
    if template.isupper():
        return word.upper()
    if template[:1].isupper():
        return word.capitalize()
    return word


def nickname(name: str, rnd: random.Random) -> str | None:
    nn = _nicknamer()
    toks = name.split()
    for i in rnd.sample(range(len(toks)), len(toks)):
        tok = toks[i]
        alts = sorted(nn.nicknames_of(tok) | nn.canonicals_of(tok))
        if alts:
            toks[i] = _restyle(tok, rnd.choice(alts))
            return " ".join(toks)
    return None


def legal_form(name: str, rnd: random.Random) -> str | None:
    m = _LEGAL_RE.search(name)
    base = name[: m.start()] if m else name
    action = rnd.choice(("remove", "replace")) if m else "add"
    if action == "remove":
        return base if base.strip() else None
    sep = rnd.choice((" ", ", "))
    form = rnd.choice(LEGAL_FORMS)
    if name.isupper():
        form = form.upper()
    return f"{base}{sep}{form}"


def case(name: str, rnd: random.Random) -> str | None:
    return name.title() if name.isupper() else name.upper()


Op = Callable[[str, random.Random], "str | None"]
# (operation, weight, which types it applies to: None = all)
OPERATIONS: list[tuple[str, Op, int, frozenset[str] | None]] = [
    ("typo", typo, 4, None),
    ("initial", initial, 2, frozenset(PERSON_TYPES)),
    ("drop_token", drop_token, 1, None),
    ("order_swap", order_swap, 1, frozenset(PERSON_TYPES)),
    ("title", title, 1, frozenset(PERSON_TYPES)),
    ("nickname", nickname, 2, frozenset(PERSON_TYPES)),
    ("legal_form", legal_form, 3, frozenset(ORG_TYPES)),
    ("case", case, 1, frozenset(ORG_TYPES)),
]


def _ops_for(entity_type: str) -> tuple[list[tuple[str, Op]], list[int]]:
    t = entity_type.strip().upper()
    chosen = [(n, f, w) for n, f, w, types in OPERATIONS if types is None or t in types]
    return [(n, f) for n, f, _ in chosen], [w for _, _, w in chosen]


def _one_variant(row: ClusterRow, rnd: random.Random) -> tuple[str, str] | None:
    ops, weights = _ops_for(row.entity_type)
    n_edits = rnd.choices((1, 2, 3), weights=(6, 3, 1))[0]
    name, applied = row.name, []
    for _ in range(n_edits):
        op_name, op = rnd.choices(ops, weights=weights)[0]
        out = op(name, rnd)
        if out is not None and out != name:
            name = " ".join(out.split())
            applied.append(op_name)
    if not applied or not name.strip() or name == row.name:
        return None
    return name, "+".join(applied)


def generate_variants(
    rows: Sequence[ClusterRow],
    n: int,
    seed: int = 7,
    exclude: Iterable[str] = (),
    max_attempts_factor: int = 50,
) -> list[Variant]:
    """``n`` distinct new variants of ``rows`` (none equal to a row's name or to ``exclude``).

    Raises ValueError if ``n`` cannot be reached within ``max_attempts_factor * n`` attempts.
    """
    if n <= 0:
        return []
    if not rows:
        raise ValueError("no source rows to vary")
    rnd = random.Random(seed)
    seen = set(exclude)
    seen.update(r.name for r in rows)
    out: list[Variant] = []
    attempts = 0
    while len(out) < n:
        attempts += 1
        if attempts > max_attempts_factor * n:
            raise ValueError(f"only {len(out)} of {n} distinct variants after {attempts - 1} attempts")
        row = rows[rnd.randrange(len(rows))]
        got = _one_variant(row, rnd)
        if got is None or got[0] in seen:
            continue
        seen.add(got[0])
        out.append(Variant(got[0], row.entity_id, row.entity_type, row.name, got[1]))
    return out


def top_up(rows: Sequence[ClusterRow], target: int, seed: int = 7) -> list[Variant]:
    """Variants enough to bring the distinct names of ``rows`` up to ``target`` (none if already there)."""
    distinct = {r.name for r in rows}
    return generate_variants(rows, target - len(distinct), seed=seed)
