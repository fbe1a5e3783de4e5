"""Equivalence between given names: nicknames (Bill ~ William) and other languages' forms (Ian ~ John).

Two lexicons: the `nicknames` package (Apache-2.0, hand-curated English names), which relates a
canonical name to its nicknames, and namerec's own ``data/given_name_equivalents.json``, groups of
one name's forms across languages and romanisations (Ivan, Juan, Sean, Giovanni ~ John). Each token
gets the ids of the groups it belongs to, and two given names are equivalent when those id sets meet.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _groups_by_name() -> dict[str, tuple[int, ...]]:
    from nicknames import NickNamer

    lookup = NickNamer().nickname_lookup  # canonical -> nicknames
    members = [{canonical, *lookup[canonical]} for canonical in sorted(lookup)]
    raw = resources.files("namerec").joinpath("data/given_name_equivalents.json").read_text("utf-8")
    members += [set(group) for group in json.loads(raw)["groups"]]
    groups: dict[str, set[int]] = {}
    for group_id, names in enumerate(members):
        for name in names:
            groups.setdefault(name, set()).add(group_id)
    return {name: tuple(sorted(ids)) for name, ids in groups.items()}


def nickname_groups(token: str) -> tuple[int, ...]:
    """Ids of the canonical given names that ``token`` is, or is a nickname of; () if unknown.

    >>> bool(set(nickname_groups("bill")) & set(nickname_groups("william")))
    True
    """
    return _groups_by_name().get(token, ())


def are_nicknames(a: str, b: str) -> bool:
    """True when two given-name tokens are the same name or nickname-equivalent."""
    return a == b or bool(set(nickname_groups(a)) & set(nickname_groups(b)))
