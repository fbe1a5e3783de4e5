"""Equivalence groups of names: given names (Bill ~ William) and places (Moskva ~ Moscow ~ Moscou).

Two kinds of groups, kept apart because they apply under different rules:

- **given names**: :mod:`namerec.given_names` (nicknames and forms across languages). Every token
  gets its given-name groups, whatever the name it stands in; re-exported here.
- **places**: namerec's own ``data/place_equivalents.json``, groups of the forms of one place
  (countries, capitals, major cities and regions) in several languages, scripts and periods:
  exonyms and endonyms (Wien, Vienna, Vienne, Viena, Вена), romanisations (Beijing, Peking, 北京)
  and former names (Bombay, Mumbai). Forms are stored as the normaliser writes them (lower-case
  ASCII words), and may have several words ("den haag", "the hague", "s gravenhage"). The same
  places written in other scripts (القاهرة, 카이로, Κάιρο) are in ``data/place_scripts.json``, stored
  as written; what the normaliser reads them as is stored in ``data/script_readings.json``
  (``place_form_reading``).

When place equivalence applies (:func:`place_match`) depends on the name's type, so that a person
called Florence never becomes Firenze:

- a name typed ``LOC`` (GPE, LOCATION and PLACE are aliases) or as a kind of place (City, Country:
  ``entity_types.is_place_type``), with the place gazetteer (:mod:`namerec.gazetteer`) too: its whole
  text, or one of its variants, is looked up first; otherwise every run of its words that is a known
  form (longest first, left to right: "moskva oblast" -> the words of "moskva");
- an untyped name the normaliser reads as neither a person nor an organisation (kind ``other``):
  only when its whole text, or a variant, is a known form ("Firenze", "Den Haag");
- any other name (``PERSON``, ``ORG``, another type, or an untyped name read as a person or an
  organisation): never.

Group ids start at :data:`PLACE_GROUP_BASE`, so they never meet the given-name group ids that share
the ``nick_groups`` arrays of :mod:`namerec.records`.

>>> place_group("moskva") == place_group("moscow") == place_group("moskau")
True
>>> place_group("vienna") == place_group("venice"), place_group("london bridge")
(False, None)
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from .entity_types import LOC, is_place_type
from .gazetteer import form_owners, gazetteer_places
from .given_names import are_nicknames, nickname_groups
from .normalize import NormalizedName, normalize_name
from .normalize.han_transcription import transcription_readings
from .normalize.lexicons import load_data
from .normalize.translit import dominant_script

__all__ = [
    "GAZETTEER_GROUP_BASE",
    "PLACE_GROUP_BASE",
    "PlaceMatch",
    "are_nicknames",
    "form_readings",
    "nickname_groups",
    "organisation_places",
    "place_forms",
    "place_group",
    "place_groups",
    "place_key",
    "place_lexicon_off",
    "place_match",
    "place_spans",
    "reads_as_place_list",
    "script_family",
]

#: Place group ``i`` (its index in ``place_equivalents.json``) has id ``PLACE_GROUP_BASE + i``.
PLACE_GROUP_BASE = 1 << 20


@dataclass(frozen=True)
class _PlaceLexicon:
    group_of: dict[str, int]  # normalised form -> group id
    forms: tuple[tuple[str, ...], ...]  # the forms of each group, by group index
    longest: int  # words in the longest form
    # Groups of countries and world regions (the gazetteer's territories): "Paris, France" is Paris.
    territories: frozenset[int] = frozenset()


def _places(written: bool = True) -> _PlaceLexicon:
    """The lexicon; with ``written``, also the readings of its forms in every other script."""
    return _lexicon(_EVERY_SCRIPT if written else None)


_EVERY_SCRIPT = "*"
# Japanese writes places in kanji, kana or both: its forms of a place may be of either script.
_SCRIPT_FAMILIES = {"kana": "han"}


def script_family(script: str) -> str:
    """The family of a script whose place forms serve each other's names: kana and Han are one, as
    Japanese writes places in kanji, kana or both."""
    return _SCRIPT_FAMILIES.get(script, script)


@lru_cache(maxsize=16)
def _lexicon(script: str | None) -> _PlaceLexicon:
    """The Latin forms, and the readings of the forms written in ``script`` (a script family, or
    ``_EVERY_SCRIPT``; None: no other script)."""
    groups = [tuple(group) for group in load_data("place_equivalents.json")["groups"]]
    group_of: dict[str, int] = {}
    for index, forms in enumerate(groups):
        for form in forms:
            group_of.setdefault(form, PLACE_GROUP_BASE + index)
    if script is not None:
        # Forms in other scripts are stored as written and read by the normaliser here, so they
        # always agree with what it makes of the same name in the input; a reading joins its group.
        # A reading two places share (Accra and Agra, 阿克拉 and 阿格拉, are both "a ko la" in
        # Wade-Giles) stands for neither, unless it is the primary reading of one place's form and
        # only an alternative one of the others' (Lomé's לומה is "loma"; so is Rome's ローマ read
        # with l for r); nor does a reading stand for a place when it is another place's Latin form.
        # Only the forms of one script serve the names of that script: a name's reading only ever
        # meets readings from its own script.
        native = load_data("place_scripts.json")["forms"]
        claims: dict[str, dict[int, bool]] = {}  # reading -> {place index: is it a primary reading?}
        for index, forms in enumerate(groups):
            for form in native.get(forms[0], ()):
                family, primary, others = place_form_reading(form)
                if script != _EVERY_SCRIPT and family != script:
                    continue
                for text in (primary, *others):
                    if text:
                        claimants = claims.setdefault(text, {})
                        claimants[index] = claimants.get(index, False) or text == primary
        readings: dict[int, list[str]] = {}
        for text, claimants in claims.items():
            primary = [index for index, is_primary in claimants.items() if is_primary]
            if len(claimants) > 1 and len(primary) != 1:
                continue
            index = primary[0] if len(claimants) > 1 else next(iter(claimants))
            if group_of.setdefault(text, PLACE_GROUP_BASE + index) == PLACE_GROUP_BASE + index:
                readings.setdefault(index, []).append(text)
        groups = [tuple(dict.fromkeys((*forms, *readings.get(i, ())))) for i, forms in enumerate(groups)]
    longest = max((len(form.split()) for form in group_of), default=1)
    return _PlaceLexicon(group_of, tuple(groups), longest)


@lru_cache(maxsize=1)
def _stored_place_readings() -> dict[str, list]:
    """``read_place_form`` of each form of ``data/place_scripts.json``, as stored in
    ``data/script_readings.json`` by ``scripts/build_script_readings.py``: reading the 8,000 forms
    anew would cost every process most of a second. A test checks that they are what the
    normaliser makes of the forms now."""
    places: dict[str, list] = load_data("script_readings.json")["places"]
    return places


def place_form_reading(form: str) -> tuple[str, str, tuple[str, ...]]:
    """(script family, primary reading, other readings) of a place form written in another script:
    as stored, or read now for a form the stored readings lack (a lexicon edited since)."""
    stored = _stored_place_readings().get(form)
    if stored is None:
        return read_place_form(form)
    family, primary, others = stored
    return family, primary, tuple(others)


def read_place_form(form: str) -> tuple[str, str, tuple[str, ...]]:
    """(script family, primary reading, other readings) of a place form, read by the normaliser now."""
    primary, others = form_readings(form)
    return script_family(dominant_script(form)), primary, tuple(others)


def form_readings(form: str) -> tuple[str, list[str]]:
    """The normaliser's reading of a form written in another script, and its other readings.

    A Chinese form is not also read by the sounds its characters transcribe (伦敦 "lendon", London):
    its pinyin reading already meets the same characters in the input, and such short readings
    spell other words (捷克 "jek", Czechia, is Jack read from Cyrillic).
    """
    name = normalize_name(form, LOC)
    skipped = {normalize_name(reading, LOC).text for reading in transcription_readings(form)}
    return name.text, [variant for variant in name.variants if variant not in skipped]


# A list of untyped names is a list of places when more than this share of its names are wholly
# forms of known places (typed LOC, gazetteer included). On hand-written lists of places across
# scripts the share is 0.67-0.99 (Chinese towns in three spellings 0.67, Arab towns 0.79, Ukrainian
# towns 0.93, smaller cities 0.99); on lists of people or companies at most 0.34 (English names and
# places in four scripts, a mixed list), on pools of the shared files 0.01 (splink), 0.10 (wikidata's
# name parts) and 0.001 (patstat). Lists of villages (0.31) and provinces (0.39) fall short.
_PLACE_LIST_SHARE = 0.5
# The gazetteer is loaded only for a list of which at least this share is wholly a place of namerec's
# own lexicon: 0.03-0.94 on those lists of places, at most 0.008 on the shared files' pools.
_CURATED_PLACE_SHARE = 0.02
# Names looked at, evenly spread over a large list.
_PLACE_LIST_SAMPLE = 5000


def reads_as_place_list(names: Sequence[NormalizedName]) -> bool:
    """Do these names (normalised without a type) read as a list of places? True when more than
    half of them are wholly a form of a known place, namerec's lexicon or the gazetteer's (as a name
    typed LOC would be looked up: "Kharkiv", "Харків", "Alma-Ata"). Names that could be places as
    well as people (Florence, Jordan) do not make a list of people one of places: few of its names
    are one word that is a place.

    >>> from namerec.normalize import normalize_name
    >>> reads_as_place_list([normalize_name(n) for n in ("Kharkiv", "Харьков", "Lviv", "Max Bergmann")])
    True
    >>> reads_as_place_list([normalize_name(n) for n in ("Florence Nightingale", "Jordan", "Max Bergmann")])
    False
    """
    named = [name for name in names if name.tokens]
    if not named:
        return False
    sample = named[:: max(1, len(named) // _PLACE_LIST_SAMPLE)]

    def in_own_lexicon(name: NormalizedName) -> bool:
        lexicon = _lexicon_for(name.script)
        return lexicon is not None and any(form in lexicon.group_of for form in (name.text, *name.variants))

    if sum(map(in_own_lexicon, sample)) < _CURATED_PLACE_SHARE * len(sample):
        return False
    return sum(place_match(name, LOC).whole is not None for name in sample) > _PLACE_LIST_SHARE * len(sample)


#: The group of gazetteer place i that joins no group of namerec's lexicon is GAZETTEER_GROUP_BASE + i.
GAZETTEER_GROUP_BASE = PLACE_GROUP_BASE + (1 << 16)


@lru_cache(maxsize=1)
def _gazetteer_claims() -> dict[str, tuple[int, ...]]:
    """Each Latin form of the gazetteer's places -> the indices of the places that have it."""
    claims: dict[str, tuple[int, ...]] = {}
    for index, place in enumerate(gazetteer_places()):
        for text in place.latin:
            found = claims.get(text)
            claims[text] = (index,) if found is None else (*found, index)
    return claims


@lru_cache(maxsize=1)
def _latin_owners() -> dict[str, int]:
    """``form_owners`` of the gazetteer's Latin forms alone: the same for every script, whose
    readings only change the owners of the forms they claim."""
    return form_owners(_gazetteer_claims(), [place.population for place in gazetteer_places()])


@lru_cache(maxsize=16)
def _with_gazetteer(script: str | None, curated: bool = True) -> _PlaceLexicon:
    """The lexicon for names typed as places: namerec's own (unless not ``curated``), then the
    gazetteer's territories and cities (:mod:`namerec.gazetteer`) with their Latin forms and the
    readings of their forms written in ``script`` (a script family; None: none).

    namerec's own forms come first: a gazetteer form that is already one of its places' forms stays
    that place's. A gazetteer place whose English name is a form of one of its places (Germany,
    Munich, Moskva) joins that place's group; any other has a group of its own,
    ``GAZETTEER_GROUP_BASE`` + its index, the same whatever the script.
    """
    base = _lexicon(script) if curated else _PlaceLexicon({}, (), 1)
    places = gazetteer_places()
    owners: Mapping[str, int] = _latin_owners()
    readings: dict[int, list[str]] = {}
    if script is not None:
        latin_claims = _gazetteer_claims()
        claims: dict[str, tuple[int, ...]] = {}  # the forms readings claim, with their Latin claims
        for index, place in enumerate(places):
            for texts in place.written_in(None if script == _EVERY_SCRIPT else script):
                readings.setdefault(index, []).extend(texts)
                for text in texts:
                    claims[text] = (*claims.get(text, latin_claims.get(text, ())), index)
        owners = dict(owners)
        reread = form_owners(claims, [place.population for place in places])
        for text in claims:
            if text in reread:
                owners[text] = reread[text]
            else:
                owners.pop(text, None)
    group_of = dict(base.group_of)
    territories: set[int] = set()
    for index, place in enumerate(places):
        group = _curated_group(place.latin, index, owners, base) or GAZETTEER_GROUP_BASE + index
        if place.is_territory:
            territories.add(group)
        for text in (*place.latin, *readings.get(index, ())):
            if owners.get(text) == index:
                group_of.setdefault(text, group)
    # The forms of each group are namerec's own: a gazetteer place's are ``place_forms``'.
    longest = max((len(form.split()) for form in group_of), default=1)
    return _PlaceLexicon(group_of, base.forms, longest, frozenset(territories))


def _curated_group(latin: tuple[str, ...], index: int, owners: Mapping[str, int],
                   lexicon: _PlaceLexicon) -> int | None:
    """The group of namerec's lexicon that gazetteer place ``index`` (Latin forms ``latin``, its
    English name first) is: the one its English name is a form of; else the one that has two or
    more of its other forms, more than any other group has, and whose own English name is among its
    forms. Only forms the place owns count (a city of Mexico's does not own "mexico"). GeoNames'
    Basrah (basrah, basra, al basrah, bassora) is namerec's Basra (basra, al basrah, bassora,
    bassorah), and its Rome (whose "rome" two American towns share) namerec's Rome: one place each,
    not two. (GeoNames gives Manzhouli, a city, three names of Manchuria, and so it joins Manchuria.)"""
    group_of = lexicon.group_of
    owned = [text for text in latin if owners.get(text) == index and text in group_of]
    if owned and owned[0] == latin[0]:
        return group_of[owned[0]]
    votes = Counter(group_of[text] for text in owned).most_common(2)
    if not votes or votes[0][1] < 2 or (len(votes) == 2 and votes[1][1] == votes[0][1]):
        return None
    group = votes[0][0]
    return group if lexicon.forms[group - PLACE_GROUP_BASE][0] in latin else None


def _lexicon_for(script: str, typed_place: bool = False) -> _PlaceLexicon | None:
    """The lexicon for a name written in ``script`` (typed as a place: with the gazetteer's places);
    None when no lexicon is on. Readings of forms written in other scripts only serve names read from
    such a script (and only from the same one)."""
    family = None if script in ("latin", "none") else script_family(script)
    if typed_place and _gazetteer_on:
        return _with_gazetteer(family, curated=_lexicon_on)
    return _lexicon(family) if _lexicon_on else None


def place_group(text: str) -> int | None:
    """The id of the place group whose forms include the normalised ``text``; None if none does."""
    return _places().group_of.get(text)


def place_groups() -> range:
    """The ids of every place group of the lexicon."""
    return range(PLACE_GROUP_BASE, PLACE_GROUP_BASE + len(_places().forms))


def place_forms(group: int, *, written: bool = True) -> tuple[str, ...]:
    """Every form of a place group of namerec's lexicon, the first being its English (or best-known)
    name; without ``written``, only the Latin forms of place_equivalents.json (not the readings of
    other scripts). For a gazetteer place's own group: its Latin forms, its English name first."""
    if group >= GAZETTEER_GROUP_BASE:
        return gazetteer_places()[group - GAZETTEER_GROUP_BASE].latin
    return _places(written).forms[group - PLACE_GROUP_BASE]


@lru_cache(maxsize=1 << 16)
def place_key(group: int) -> str:
    """A string standing for a place group where a romanisation skeleton would stand.

    Twelve capital letters from a hash of the group's first form: capitals never occur in real
    skeletons, and two groups' keys are about as alike as two random strings (Indel similarity
    around 0.3), so two forms of one place share a skeleton and forms of two places share none.
    """
    first = place_forms(group, written=False)[0]
    if group >= GAZETTEER_GROUP_BASE:  # places may share a name: each has a key of its own
        first += f"#{gazetteer_places()[group - GAZETTEER_GROUP_BASE].ident}"
    digest = hashlib.sha1(first.encode("utf-8")).digest()
    return "".join(chr(ord("A") + byte % 26) for byte in digest[:12])


def place_spans(
    tokens: tuple[str, ...] | list[str], lexicon: _PlaceLexicon | None = None
) -> tuple[tuple[int, int, int], ...]:
    """(start, stop, group) for each run of tokens that is a known form, longest first, left to right.

    >>> place_spans(("greater", "moskva", "oblast"))[0][:2]
    (1, 2)
    """
    lexicon = lexicon or _places()
    spans: list[tuple[int, int, int]] = []
    start = 0
    while start < len(tokens):
        for stop in range(min(len(tokens), start + lexicon.longest), start, -1):
            group = lexicon.group_of.get(" ".join(tokens[start:stop]))
            if group is not None:
                spans.append((start, stop, group))
                start = stop
                break
        else:
            start += 1
    return tuple(spans)


@lru_cache(maxsize=1)
def _demonyms() -> dict[tuple[str, ...], int]:
    """Adjective (as words) -> place group, from ``place_demonyms.json``."""
    lexicon = _places(written=False)
    return {
        tuple(adjective.split()): lexicon.group_of[place]
        for adjective, place in load_data("place_demonyms.json")["demonyms"].items()
    }


def organisation_places(tokens: tuple[str, ...], script: str = "latin") -> frozenset[int]:
    """The place groups an organisation's name holds: known place forms (see ``place_match`` for the
    ``script`` of the name the tokens were read from), and the adjectives of places (demonyms) that
    stand for them (Chinese Academy of Sciences: China).

    >>> organisation_places(("bank", "of", "china", "hong", "kong")) == {place_group("china"),
    ...                                                                  place_group("hong kong")}
    True
    >>> organisation_places(("american", "broadcasting")) == {place_group("united states")}
    True
    """
    lexicon = _lexicon_for(script)
    groups = {group for _, _, group in place_spans(tokens, lexicon)} if lexicon is not None else set()
    demonyms = _demonyms()
    for size in (1, 2):
        for start in range(len(tokens) - size + 1):
            group = demonyms.get(tuple(tokens[start : start + size]))
            if group is not None:
                groups.add(group)
    return frozenset(groups)


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """The place groups of one name: per token (0 where none), and the whole name's group if any."""

    token_groups: tuple[int, ...]
    whole: int | None

    @property
    def groups(self) -> tuple[int, ...]:
        """The distinct groups found, in order."""
        return tuple(dict.fromkeys(g for g in self.token_groups if g))


_NO_MATCH = PlaceMatch((), None)
# False within place_lexicon_off(): no name is read as a known place of namerec's lexicon, nor (unless
# it keeps the gazetteer) of the gazetteer.
_lexicon_on = True
_gazetteer_on = True


@contextmanager
def place_lexicon_off(*, keep_gazetteer: bool = False) -> Iterator[None]:
    """Within this block no name is read as a known place, so places are matched by their
    spellings alone; with ``keep_gazetteer``, names typed as places are still read as the
    gazetteer's territories and cities (:mod:`namerec.gazetteer`), and only namerec's own lexicon
    is off. The
    benchmarks measure (and fit how place pairs are scored in pools) on the lexicon's own places
    this way: the only labelled places at hand, which the lexicon would otherwise match by looking
    them up. Not thread-safe; records built inside keep what they read.

    >>> with place_lexicon_off():
    ...     place_match(normalize_name("Firenze", "LOC"), "LOC").whole is None
    True
    """
    global _lexicon_on, _gazetteer_on
    previous = _lexicon_on, _gazetteer_on
    _lexicon_on, _gazetteer_on = False, keep_gazetteer
    try:
        yield
    finally:
        _lexicon_on, _gazetteer_on = previous


def place_match(name: NormalizedName, entity_type: str) -> PlaceMatch:
    """Where place equivalence applies to a name of a canonical type (see the module docstring).

    >>> from namerec.normalize import normalize_name
    >>> place_match(normalize_name("Firenze", "LOC"), "LOC").whole == place_group("florence")
    True
    >>> place_match(normalize_name("Florence Nightingale"), "").groups
    ()
    >>> place_match(normalize_name("Florence", "PERSON"), "PERSON").groups
    ()
    """
    if not name.tokens:
        return _NO_MATCH
    typed_place = is_place_type(entity_type)
    if not typed_place and (entity_type or name.kind != "other"):
        return _NO_MATCH
    lexicon = _lexicon_for(name.script, typed_place)
    if lexicon is None:
        return _NO_MATCH
    for form in (name.text, *name.variants):
        whole = lexicon.group_of.get(form)
        if whole is not None:
            return PlaceMatch((whole,) * len(name.tokens), whole)
    if not typed_place:
        return _NO_MATCH
    spans = place_spans(name.tokens, lexicon)
    if not spans:
        return _NO_MATCH
    token_groups = [0] * len(name.tokens)
    for start, stop, group in spans:
        token_groups[start:stop] = [group] * (stop - start)
    return PlaceMatch(tuple(token_groups), _qualified_place(spans, len(name.tokens), lexicon))


def _qualified_place(spans: tuple[tuple[int, int, int], ...], words: int,
                     lexicon: _PlaceLexicon) -> int | None:
    """The place a name is when it is a place other than a country and then the country or world
    region it lies in, and nothing else ("Paris, France", "Alexandria Egypt"): the first place's
    group; else None ("Georgia, USA": two countries, though a state is meant)."""
    if len(spans) != 2 or spans[0][0] != 0 or spans[0][1] != spans[1][0] or spans[1][1] != words:
        return None
    place, container = spans[0][2], spans[1][2]
    return place if container in lexicon.territories and place not in lexicon.territories else None
