"""Equivalence between given names: nicknames (Bill ~ William) and other languages' forms (Ian ~ John).

Two lexicons: the `nicknames` package (Apache-2.0, hand-curated English names), which relates a
canonical name to its nicknames, and namerec's own ``data/given_name_equivalents.json``, groups of
one name's forms across languages and romanisations (Ivan, Juan, Sean, Giovanni ~ John), with
``data/given_name_scripts.json``, the same names written in other scripts (محمد, יוסף, Иван), which
join their groups as the normaliser reads them ("mhmd", "yosf", "ivan"; the readings are stored in
``data/script_readings.json``), and
``data/given_name_abbreviations.json``, the abbreviations of historical records (Wm, Chas, Thos), each
joining every group of its full name; ``data/given_name_exclusions.json`` leaves out of a package
group the few names usage does not give it (Bill and Billy under Robert). Each token gets the ids of
the groups it belongs to, and two given names are equivalent when those id sets meet.

``data/given_name_genders.json`` (from the MIT-licensed nomquamgender package's data, see
``scripts/build_given_name_genders.py``) lists the given names nearly always borne by men or nearly
always by women (``given_name_gender``).
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .normalize import normalize_name
from .normalize.lexicons import load_data


def _written_readings(forms: list[str]) -> set[str]:
    """The one-word readings of given names written in other scripts, as the normaliser reads them
    in the input: as stored in ``data/script_readings.json`` (``scripts/build_script_readings.py``;
    reading them anew would cost every process a quarter of a second; a test checks they are what
    the normaliser makes of the forms now), or read now for a form the stored readings lack."""
    stored = _stored_given_name_readings()
    readings: set[str] = set()
    for form in forms:
        found = stored.get(form)
        readings.update(read_given_name_form(form) if found is None else found)
    return readings


@lru_cache(maxsize=1)
def _stored_given_name_readings() -> dict[str, list[str]]:
    given: dict[str, list[str]] = load_data("script_readings.json")["given_names"]
    return given


def read_given_name_form(form: str) -> list[str]:
    """The one-word readings of a given name written in another script, read by the normaliser now
    (so the lexicon always agrees with what it makes of the same name in the input)."""
    name = normalize_name(form, "PERSON")
    return sorted({text for text in (name.text, *name.variants) if text and " " not in text})


@lru_cache(maxsize=1)
def _package_canonicals() -> tuple[str, ...]:
    """The canonical name of each group the `nicknames` package gives, by group id."""
    from nicknames import NickNamer

    return tuple(sorted(NickNamer().nickname_lookup))


def _bridges_names(canonical: str, lookup: dict[str, set[str]]) -> bool:
    """Is the package's entry for ``canonical`` a short name listing the several longer names it may
    stand for? "bill" lists fred, robert and william: as one group it would make William and Robert
    one name. Such an entry is left out; each longer name's own entry still lists the short one."""
    longer = sorted(m for m in lookup[canonical] if m in lookup and len(m) > len(canonical))
    return any(
        b not in lookup[a] and a not in lookup[b] for i, a in enumerate(longer) for b in longer[i + 1:]
    )


def _names_of_their_own(canonical: str, lookup: dict[str, set[str]]) -> list[str]:
    """The two names of their own that the package's entry for ``canonical`` is written of, if it is
    such a compound: Rosemary of Rose and Mary, Roseann of Rose and Ann, each a canonical name with
    an entry of its own that does not list the compound. (Elizabeth is Eliza and Beth, but both list
    it: they are its nicknames.)"""
    members = lookup[canonical]
    for cut in range(2, len(canonical) - 1):
        parts = [canonical[:cut], canonical[cut:]]
        if all(part in members and part in lookup and canonical not in lookup[part] for part in parts):
            return parts
    return []


def _package_groups(
    canonical: str, lookup: dict[str, set[str]], excluded: dict[str, list[str]]
) -> list[set[str]]:
    """The groups the package's entry for ``canonical`` gives: usually one, its names less the
    excluded; none for a short name bridging several names (``_bridges_names``); and two for a
    compound of two names of their own (``_names_of_their_own``), one with each part, so that the
    compound is each part's name while Rose and Mary stay two names."""
    if _bridges_names(canonical, lookup):
        return []
    members = {canonical, *lookup[canonical]} - set(excluded.get(canonical, ()))
    parts = _names_of_their_own(canonical, lookup)
    if not parts:
        return [members]
    # Each group keeps one part and leaves out the other with its own forms (Marie of Mary).
    return [(members - {other} - lookup[other]) | {canonical, part}
            for part, other in (parts, parts[::-1])]


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, tuple[int, ...]], tuple[str | None, ...]]:
    """The ids of the groups each name belongs to, and per group id the package's canonical name it
    comes from (None for a group of one name's forms across languages)."""
    from nicknames import NickNamer

    lookup = NickNamer().nickname_lookup  # canonical -> nicknames
    excluded = load_data("given_name_exclusions.json")["not_nicknames"]
    members: list[set[str]] = []
    owners: list[str | None] = []
    for canonical in _package_canonicals():
        for group in _package_groups(canonical, lookup, excluded):
            members.append(group)
            owners.append(canonical)
    written = load_data("given_name_scripts.json")["forms"]
    for group in load_data("given_name_equivalents.json")["groups"]:
        members.append({*group, *_written_readings(written.get(group[0], []))})
        owners.append(None)
    groups: dict[str, set[int]] = {}
    for group_id, names in enumerate(members):
        for name in names:
            groups.setdefault(name, set()).add(group_id)
    # An abbreviation (Wm, Chas, Thos) joins every group of its full name: Thos ~ Tom ~ Thomas.
    for full, abbreviations in load_data("given_name_abbreviations.json")["abbreviations"].items():
        for abbreviation in abbreviations:
            groups.setdefault(abbreviation, set()).update(groups.get(full, ()))
    return {name: tuple(sorted(ids)) for name, ids in groups.items() if ids}, tuple(owners)


def _groups_by_name() -> dict[str, tuple[int, ...]]:
    return _lexicon()[0]


@lru_cache(maxsize=1)
def known_given_names() -> frozenset[str]:
    """Every given name the lexicons list (canonical names, nicknames and forms across languages)."""
    return frozenset(_groups_by_name())


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    data = load_data("given_name_genders.json")
    return {**dict.fromkeys(data["male"], "m"), **dict.fromkeys(data["female"], "f")}


def is_known_given_name(word: str) -> bool:
    """Is ``word`` a given name the lexicons list or the name-gender list knows?"""
    return word in known_given_names() or bool(given_name_gender(word))


def given_name_gender(token: str) -> str:
    """"m" for a given name at least 95% of whose bearers are men, "f" for one at least 95% of
    whose bearers are women, "" for any other word (Jean, Andrea, Kim, Alex; unknown names)."""
    return _genders().get(token, "")


# English pet forms end in -y, -ie, -ey, -ee, spelt freely: Aggy, Aggie; Jack, Jacky, Jackie. Letters
# before the ending may be doubled (Fred, Freddie). A final -i counts only after a doubled letter
# (Bobbi, Terri): Ali, Eli and Levi are names of their own.
_PET_ENDINGS = ("ie", "ey", "ee", "y")


def _pet_key(stem: str) -> str:
    """The spelling-free key of the pet form ``stem`` + "-y": a doubled last letter is written once."""
    if len(stem) >= 2 and stem[-1] == stem[-2]:
        stem = stem[:-1]
    return stem + "y"


# Letters a pet form keeps before its ending: with two (Jo-y, Ja-y) three-letter names of their
# own would become pet forms and chain short names into one entity (on the whole wikidata file, a
# 144-name cluster of Joy, Jay, Jo, Joan, Jim...).
_MIN_PET_STEM = 3


def _pet_stem(name: str) -> str | None:
    """``name`` less its pet ending, if it has one and at least ``_MIN_PET_STEM`` letters remain."""
    for ending in _PET_ENDINGS:
        if name.endswith(ending) and len(name) - len(ending) >= _MIN_PET_STEM:
            return name[: -len(ending)]
    if name.endswith("i") and len(name) > _MIN_PET_STEM and name[-2] == name[-3]:
        return name[:-1]
    return None


@lru_cache(maxsize=1)
def _groups_by_pet_key() -> dict[str, tuple[int, ...]]:
    """Groups by the pet key of each known name's pet forms: the name's own pet ending respelt
    (Aggy -> Aggie), or a short form with a pet ending added (Art -> Artie, Jack -> Jacky)."""
    groups: dict[str, set[int]] = {}
    for name, ids in _groups_by_name().items():
        stem = _pet_stem(name)
        keys = {_pet_key(stem)} if stem else set()
        short_form = name[:-1] if name.endswith("e") else name
        if _MIN_PET_STEM <= len(short_form) <= 4:
            keys.add(_pet_key(short_form))
        for key in keys:
            groups.setdefault(key, set()).update(ids)
    return {key: tuple(sorted(ids)) for key, ids in groups.items()}


def nickname_groups(token: str) -> tuple[int, ...]:
    """Ids of the canonical given names that ``token`` is, or is a nickname of; () if unknown.

    >>> bool(set(nickname_groups("bill")) & set(nickname_groups("william")))
    True
    """
    known = _groups_by_name().get(token, ())
    # A pet spelling of a known name or short form: Bobbi (Bobby), Artie (Art), Freddie (Fred).
    stem = _pet_stem(token)
    pet = _groups_by_pet_key().get(_pet_key(stem), ()) if stem else ()
    return tuple(sorted({*known, *pet})) if pet else known


def spelling_groups(token: str) -> tuple[int, ...]:
    """``nickname_groups(token)``, or for a word the lexicons do not know, the groups of the known
    name it is spelt one letter away from (Katharine: Katherine's; Adalaide: Adelaide's): the
    nickname feature reads a name's rarer spellings as the name (Kate ~ Katharine)."""
    return nickname_groups(token) or _spelling_neighbour_groups(token)


# An unknown word this long or longer, one letter from a known name, is that name spelt another way.
_MIN_NEIGHBOUR_LENGTH = 5


def _spelling_neighbour_groups(token: str) -> tuple[int, ...]:
    """The groups of the known names one edit from ``token`` (Katharine: Katherine; Adalaide:
    Adelaide), with the same first letter, where those names are all of one group; else ()."""
    names = _groups_by_name()
    groups = [set(names[name]) for name in spelt_names(token)]
    return tuple(sorted(set.intersection(*groups))) if groups else ()


@lru_cache(maxsize=1 << 14)
def spelt_names(token: str) -> tuple[str, ...]:
    """The known names an unknown word of ``_MIN_NEIGHBOUR_LENGTH`` letters or more may be a rarer
    spelling of: those one edit from it with its first letter (Katharine: Katherine); () for a
    known or shorter word."""
    if len(token) < _MIN_NEIGHBOUR_LENGTH or token in _groups_by_name():
        return ()
    by_deletion = _names_by_deletion()
    candidates = {name for key in (token, *_deletions(token)) for name in by_deletion.get(key, ())}
    return tuple(sorted(name for name in candidates if name[0] == token[0] and _one_edit_apart(name, token)))


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1:] for k in range(len(word))}


@lru_cache(maxsize=1)
def _names_by_deletion() -> dict[str, tuple[str, ...]]:
    """Known names of ``_MIN_NEIGHBOUR_LENGTH - 1`` letters or more by themselves and by each of
    their one-letter deletions: two words one edit apart share a key."""
    out: dict[str, set[str]] = {}
    for name in _groups_by_name():
        if len(name) >= _MIN_NEIGHBOUR_LENGTH - 1 and name.isalpha():
            for key in (name, *_deletions(name)):
                out.setdefault(key, set()).add(name)
    return {key: tuple(sorted(names)) for key, names in out.items()}


def _one_edit_apart(a: str, b: str) -> bool:
    return Levenshtein.distance(a, b, score_cutoff=1) <= 1


def are_nicknames(a: str, b: str) -> bool:
    """True when two given-name tokens are the same name or nickname-equivalent."""
    return a == b or bool(set(nickname_groups(a)) & set(nickname_groups(b)))


def is_canonical_of(canonical: str, other: str) -> bool:
    """True when ``other`` is listed under ``canonical`` as its nickname or abbreviation (Bill under
    William), or both are forms of one name across languages (Liam, William) and ``canonical`` is a
    form of that name only: ``canonical`` stands for ``other``, not merely beside it. Alex, a
    nickname of Alexander and of Alexandra, stands for neither; nor does Sasha, the Russian pet form
    of both.

    >>> is_canonical_of("william", "bill"), is_canonical_of("william", "liam")
    (True, True)
    >>> is_canonical_of("bill", "william")
    False
    >>> is_canonical_of("alex", "alexander"), is_canonical_of("sasha", "alexandra")
    (False, False)
    """
    if canonical == other:
        return False
    groups, owners = _lexicon()
    own = groups.get(canonical, ())
    shared = set(own) & set(groups.get(other, ()))
    across_languages = sum(owners[group] is None for group in own)
    return any(owners[group] == canonical or (owners[group] is None and across_languages == 1)
               for group in shared)


def is_listed_nickname(a: str, b: str) -> bool:
    """True when one of two different given names is listed as the other's nickname or abbreviation
    (Peggy of Margaret, Wm of William), or both are forms of one name across languages (Ivan, John).

    Stricter than :func:`are_nicknames`, which also joins two nicknames of one name (Peggy, Maggie)
    and pet spellings: two names the package lists under one canonical name may be names of their
    own (Rose and Mary under Rosemary).

    >>> is_listed_nickname("margaret", "peggy"), is_listed_nickname("mary", "rose")
    (True, False)
    """
    if a == b:
        return False
    groups, owners = _lexicon()
    shared = set(groups.get(a, ())) & set(groups.get(b, ()))
    return any(owners[group] is None or owners[group] in (a, b) for group in shared)


def is_listed_nickname_as_spelt(a: str, b: str) -> bool:
    """:func:`is_listed_nickname`, reading an unknown name as the known one it is a rarer spelling
    of (``spelt_names``): Kate and Katharine as Kate and Katherine.

    >>> is_listed_nickname_as_spelt("kate", "katharine"), is_listed_nickname("kate", "katharine")
    (True, False)
    """
    return (is_listed_nickname(a, b) or any(is_listed_nickname(a, name) for name in spelt_names(b))
            or any(is_listed_nickname(name, b) for name in spelt_names(a)))
