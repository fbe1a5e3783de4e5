"""A seeded generator of invented person and organisation names, for reference-index load tests.

    python -m benchmarks.namegen --entries 20 --seed 0        # print a few entries as JSON lines

Everything is drawn from one ``random.Random(seed)``: a seed and a size give the same list on every
machine and Python version (only ``random``, ``randrange`` and ``choice`` draws are used, whose
sequences Python keeps stable). No real names are used; the recipes are:

Person names
    * Given names: a pool of 6,000 words of 2-3 syllables, each syllable an onset from ``ONSETS``,
      a vowel from ``VOWELS`` and, on the last syllable only, a coda from ``CODAS``.
    * Surnames: a pool of ``max(2,000, entries // 3)`` words of 2-3 syllables, a third of them
      with an ending from ``SURNAME_ENDINGS`` (-son, -ova, -mann, -ini, -escu ...).
    * Both pools are sampled with Zipf-like weights ``1 / (rank + 5)``, so a few names are very
      common (like John and Smith) and most are rare: blocking must cope with big blocks.
    * 10% of people get a middle initial ("Lerano T. Vashkova").
    * Aliases (35% of people): the given name reduced to its initial, a respelling of the
      surname (one of ``RESPELLINGS``: k/c, v/w, ts/z, i/y ...), or "Surname, Given".

Organisation names (``org_share`` of the entries, 30% by default), one of these patterns:
    * "{Surname} {Sector} {LegalForm}"              Vashkova Logistics Ltd
    * "{Adjective} {Sector} {Collective}"           Northern Freight Partners
    * "{Institution} for {Topic} [and {Topic}] Studies"   Center for Maritime and Energy Studies
    * "{Place} {Sector} {Body}"                     Doravel Water Authority
    with lexicons ``SECTORS``, ``ADJECTIVES``, ``COLLECTIVES``, ``INSTITUTIONS``, ``TOPICS``,
    ``BODIES`` and ``LEGAL_FORMS``; places are surname-pool words. Aliases (40% of orgs): the
    acronym of the name's significant words (CMES), the name without its legal form, or a
    shortened form (the first two words).

Entries are ``{"id": "R0000001", "name", "type": "PERSON" | "ORG", "aliases": [...]}``. Names may
repeat between entries (homonyms), as in real reference lists.

:func:`perturb` makes a query from a name (a typo, a dropped given name, an initial, a respelling,
upper case), and :func:`generate_queries` mixes such queries of known entries with invented names
that have no entry (NIL queries).
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import sys
from collections.abc import Sequence

__all__ = ["generate_queries", "generate_reference", "perturb"]

ONSETS = ("b br d dr f g gr h k kl kr l m n p pr r s sh st t tr v vr z zh ch y j "
          "bl pl sk sv gl fr th").split()
VOWELS = "a e i o u a e i o ai ei ou ia".split()
CODAS = "n r l s m k t v sh nd rt ns".split()
SURNAME_ENDINGS = ("son sen ova ov ev mann berg ini elli ez escu ski ska enko ian idis oglu "
                   "stein ard ier well ton").split()
RESPELLINGS = (("k", "c"), ("v", "w"), ("ts", "z"), ("i", "y"), ("ph", "f"), ("sh", "sch"),
               ("ks", "x"), ("ou", "u"), ("ei", "ey"), ("mann", "man"), ("ski", "sky"))
SECTORS = ("Logistics Energy Shipping Foods Textiles Software Analytics Mining Pharmaceuticals "
           "Insurance Capital Media Telecom Robotics Ceramics Printing Brewing Timber Motors "
           "Aviation Consulting Engineering Chemicals Holdings Optics Security Water Transport "
           "Construction Agriculture Biotech Finance Retail Steel Glass Paper Tools Furniture "
           "Freight Marine").split()
ADJECTIVES = ("Northern Southern Eastern Western Central United Global Atlantic Pacific Royal "
              "National Allied Modern Pioneer Summit Golden Silver Blue Green Red Prime Coastal "
              "Highland Lakeside Riverside Metropolitan Continental Baltic Alpine Imperial").split()
COLLECTIVES = "Group Partners Holdings Associates Alliance Consortium Trust Network Works Labs".split()
INSTITUTIONS = "Center Centre Institute Foundation Council Academy Bureau Office Forum Society".split()
TOPICS = ("Strategic International Maritime Energy Economic Security Policy Regional Urban "
          "Environmental Agricultural Legal Historical Democratic Social Cultural Digital "
          "Financial Migration Health Defense Climate Public European Asian African Arctic "
          "Technology Trade Labor").split()
BODIES = "Authority Company Association Cooperative Board Commission Agency Federation".split()
LEGAL_FORMS = "Ltd Inc LLC GmbH AG S.A. N.V. B.V. PLC Oy AB SpA".split()
_ACRONYM_SKIP = {"for", "and", "of", "the"}


class _Zipf:
    """Draw items of a pool with weights 1 / (rank + offset)."""

    def __init__(self, items: Sequence[str], offset: float = 5.0) -> None:
        self.items = list(items)
        self.cumulative = list(itertools.accumulate(1.0 / (r + offset) for r in range(len(self.items))))

    def draw(self, rng: random.Random) -> str:
        x = rng.random() * self.cumulative[-1]
        return self.items[min(bisect.bisect_right(self.cumulative, x), len(self.items) - 1)]


def _syllable(rng: random.Random, last: bool) -> str:
    syllable = rng.choice(ONSETS) + rng.choice(VOWELS)
    if last and rng.random() < 0.6:
        syllable += rng.choice(CODAS)
    return syllable


def _word(rng: random.Random, ending: bool = False) -> str:
    count = 2 if rng.random() < 0.6 else 3
    word = "".join(_syllable(rng, i == count - 1) for i in range(count))
    if ending:
        word = word.rstrip("aeiou") + rng.choice(SURNAME_ENDINGS)
    return word.capitalize()


def _pool(rng: random.Random, size: int, ending_share: float) -> list[str]:
    seen: set[str] = set()
    pool: list[str] = []
    while len(pool) < size:
        word = _word(rng, ending=rng.random() < ending_share)
        if word not in seen:
            seen.add(word)
            pool.append(word)
    return pool


def _respell(rng: random.Random, word: str) -> str:
    options = [(a, b) for a, b in RESPELLINGS if a in word.lower()]
    if not options:
        return word
    a, b = rng.choice(options)
    lower = word.lower().replace(a, b, 1)
    return lower.capitalize()


def _acronym(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in _ACRONYM_SKIP and w not in LEGAL_FORMS]
    return "".join(w[0] for w in words).upper()


def _person(rng: random.Random, given: _Zipf, surnames: _Zipf) -> tuple[str, list[str]]:
    first, last = given.draw(rng), surnames.draw(rng)
    middle = f" {rng.choice(ONSETS)[0].upper()}." if rng.random() < 0.1 else ""
    name = f"{first}{middle} {last}"
    aliases: list[str] = []
    if rng.random() < 0.35:
        kind = rng.randrange(3)
        if kind == 0:
            aliases.append(f"{first[0]}. {last}")
        elif kind == 1:
            respelled = _respell(rng, last)
            if respelled != last:
                aliases.append(f"{first} {respelled}")
        else:
            aliases.append(f"{last}, {first}")
    return name, aliases


def _org(rng: random.Random, surnames: _Zipf) -> tuple[str, list[str]]:
    pattern = rng.randrange(4)
    legal = ""
    if pattern == 0:
        legal = rng.choice(LEGAL_FORMS)
        name = f"{surnames.draw(rng)} {rng.choice(SECTORS)} {legal}"
    elif pattern == 1:
        name = f"{rng.choice(ADJECTIVES)} {rng.choice(SECTORS)} {rng.choice(COLLECTIVES)}"
    elif pattern == 2:
        topics = rng.choice(TOPICS)
        if rng.random() < 0.5:
            topics += f" and {rng.choice(TOPICS)}"
        name = f"{rng.choice(INSTITUTIONS)} for {topics} Studies"
    else:
        name = f"{surnames.draw(rng)} {rng.choice(SECTORS)} {rng.choice(BODIES)}"
    aliases: list[str] = []
    if rng.random() < 0.4:
        kind = rng.randrange(3)
        if kind == 0 and len(_acronym(name)) >= 2:
            aliases.append(_acronym(name))
        elif kind == 1 and legal:
            aliases.append(name[: -len(legal) - 1])
        elif len(name.split()) > 2:
            aliases.append(" ".join(name.split()[:2]))
    return name, aliases


def generate_reference(entries: int, seed: int = 0, org_share: float = 0.3) -> list[dict]:
    """``entries`` reference entries (dicts with id, name, type, aliases), the same for a seed.

    >>> ref = generate_reference(3, seed=1)
    >>> [e["id"] for e in ref], ref == generate_reference(3, seed=1)
    (['R0000000', 'R0000001', 'R0000002'], True)
    """
    rng = random.Random(seed)
    given = _Zipf(_pool(rng, 6_000, 0.0))
    surnames = _Zipf(_pool(rng, max(2_000, entries // 3), 1 / 3))
    out = []
    for i in range(entries):
        if rng.random() < org_share:
            name, aliases = _org(rng, surnames)
            kind = "ORG"
        else:
            name, aliases = _person(rng, given, surnames)
            kind = "PERSON"
        out.append({"id": f"R{i:07d}", "name": name, "type": kind, "aliases": aliases})
    return out


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.randrange(3)
    if op == 0:
        return word[:i] + word[i + 1 :]
    if op == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + rng.choice("aeiounrst") + word[i + 1 :]


def perturb(rng: random.Random, name: str, kind: str) -> str:
    """One plausible variant of ``name``: a typo, a dropped or initialled given name, a respelling,
    or upper case (for organisations: a typo, a dropped last word, or upper case)."""
    words = name.split()
    op = rng.randrange(5)
    if kind == "PERSON" and len(words) >= 2:
        if op == 0:
            return words[-1]
        if op == 1:
            return f"{words[0][0]}. {words[-1]}"
        if op == 2:
            return " ".join(words[:-1] + [_respell(rng, words[-1])])
    elif len(words) >= 3 and op == 0:
        return " ".join(words[:-1])
    if op == 4:
        return name.upper()
    k = max(range(len(words)), key=lambda j: (len(words[j]), -j)) if rng.random() < 0.5 else (
        rng.randrange(len(words)))
    words[k] = _typo(rng, words[k])
    return " ".join(words)


def generate_queries(reference: Sequence[dict], count: int, seed: int = 1,
                     nil_share: float = 0.2) -> list[tuple[str, str, str | None]]:
    """``count`` queries ``(name, type, expected id or None)``: variants of random entries' names,
    and a ``nil_share`` of invented person names that are (almost surely) in no entry."""
    rng = random.Random(seed)
    known = {word.casefold() for entry in reference for word in entry["name"].split()}
    out: list[tuple[str, str, str | None]] = []
    while len(out) < count:
        if rng.random() < nil_share:
            given, surname = _word(rng), _word(rng, ending=rng.random() < 0.5)
            if given.casefold() not in known and surname.casefold() not in known:
                out.append((f"{given} {surname}", "PERSON", None))
            continue
        entry = reference[rng.randrange(len(reference))]
        source = rng.choice([entry["name"], *entry["aliases"]])
        out.append((perturb(rng, source, entry["type"]), entry["type"], entry["id"]))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.namegen", description=__doc__.split("\n")[0])
    ap.add_argument("--entries", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    for entry in generate_reference(args.entries, seed=args.seed):
        sys.stdout.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
