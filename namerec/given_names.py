"""Nickname equivalence between given names (Bill ~ William ~ Will), from the `nicknames` lexicon.

The lexicon (Apache-2.0, hand-curated English names) relates a canonical name to its nicknames.
Two given names are equivalent when they share a canonical name: each token gets the ids of the
canonical names it belongs to, and equivalence is a non-empty intersection of those id sets.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _groups_by_name() -> dict[str, tuple[int, ...]]:
    from nicknames import NickNamer

    lookup = NickNamer().nickname_lookup  # canonical -> nicknames
    groups: dict[str, set[int]] = {}
    for group_id, canonical in enumerate(sorted(lookup)):
        for name in {canonical, *lookup[canonical]}:
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
