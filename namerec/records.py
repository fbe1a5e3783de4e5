"""Distinct normalised names as plain arrays, the form every later stage works on.

The pipeline deduplicates its input into *units* (one per distinct normalised text and type) and
lays them out here: token ids in CSR form, and per-token attributes (phonetic codes, skeletons,
nickname groups, rarity) as padded integer arrays, so that pair features can be computed with
numpy and rapidfuzz instead of per-pair Python.

Place equivalence (:mod:`namerec.equivalents`) enters here, and only here. When it applies to a
unit (a name typed LOC, or an untyped name that is wholly a known place form), the unit's words
that form a known place are interned as tokens of their own, which carry the place's group in
``nick_groups`` besides their given-name groups: so "moskva" and "moscow" count as equivalent
words, exactly as nicknames do (hybrid similarity at least 0.9, the ``nickname`` feature), while
the same word in a person's name keeps its ordinary token. A unit typed LOC whose whole text is a
known form also records its place group in ``typed_places``: between two such units the ``skeleton``
feature compares the places' keys instead of the spellings, so every form of one place has one
skeleton and forms of two different places have unlike ones. Every unit keeps its own skeleton
otherwise: a known form must still meet a spelling the lexicon lacks (Baghdad, "bghdad" read from
Arabic script), and many place forms are also given names and surnames ("Florence", "Lima",
"Alexandria") whose spelling variants must match. Everything depends only on the unit's own text and
type, so a pair scores the same in every pool.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cached_property, lru_cache

import numpy as np

from .entity_types import ORG, PERSON, canonical_type, is_place_type
from .equivalents import PLACE_GROUP_BASE, nickname_groups, organisation_places, place_match
from .given_names import is_known_given_name, known_given_names, spelling_groups
from .normalize import NormalizedName
from .normalize.lexicons import ACRONYM_STOPWORDS, IDENTITY_FREE_TITLES, ORG_CUE_WORDS, PARTICLES, SUFFIXES
from .phonetic import daitch_mokotoff, double_metaphone, name_skeleton, skeleton, word_cached

# Daitch-Mokotoff codes kept per token (it rarely branches further); Double Metaphone has two.
MAX_DM_CODES = 4
MAX_MP_CODES = 2
MAX_NICK_GROUPS = 20


# Function words, particles, generic organisation words ("center", "institute"), titles and suffixes
# ("capt", "iii", "md") say little about which entity a name is, even where the background corpus of
# names happens not to contain them: "Marius II" is no more "Macrinus II" for the "II" they share.
_GENERIC_WORDS = ACRONYM_STOPWORDS | ORG_CUE_WORDS | PARTICLES | IDENTITY_FREE_TITLES | SUFFIXES
_GENERIC_RARITY = 0.1


@lru_cache(maxsize=1)
def _background_frequencies() -> tuple[dict[str, int], int]:
    """Token counts in a background corpus of names (shipped data), and the corpus size."""
    import json
    from importlib import resources

    try:
        raw = resources.files("namerec").joinpath("data/token_frequencies.json").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return {}, 1
    data = json.loads(raw)
    return data["counts"], int(data["documents"])


def token_rarity(token: str) -> float:
    """Inverse document frequency of a token in the background name corpus, scaled to [0, 1].

    Unseen tokens are as rare as a token seen once. Rarity comes from shipped background data, not
    from the pool being reconciled, so a pair scores the same whatever else is in the pool.
    """
    if token in _GENERIC_WORDS:
        return _GENERIC_RARITY
    counts, documents = _background_frequencies()
    count = counts.get(token, 0)
    return math.log((documents + 1) / (count + 1)) / math.log(documents + 1)


@lru_cache(maxsize=1 << 20)  # as large as the word caches of namerec.phonetic
def _soundex(token: str) -> str:
    import jellyfish

    return jellyfish.soundex(token)


class TokenTable:
    """Interned tokens and their attributes, grown as names are added.

    A word that stands for a known place (see the module docstring) is interned apart from the
    same word elsewhere, with its place groups: two ids may share one string.
    """

    def __init__(self) -> None:
        self.strings: list[str] = []
        self.place_groups: list[tuple[int, ...]] = []
        self.index: dict[str | tuple[str, tuple[int, ...]], int] = {}
        # Ids of the phonetic codes and skeletons seen so far, so that tokens added later get
        # attributes comparable with the earlier ones.
        self._code_ids: dict[str, int] = {}
        self._skeleton_ids: dict[str, int] = {}
        self._attributes: TokenAttributes | None = None

    def intern(self, token: str, place_groups: tuple[int, ...] = ()) -> int:
        key = (token, place_groups) if place_groups else token
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.strings)
            self.strings.append(token)
            self.place_groups.append(place_groups)
        return found

    def copy(self) -> TokenTable:
        """A table with the same tokens, to grow without changing this one."""
        table = TokenTable()
        table.strings, table.place_groups = list(self.strings), list(self.place_groups)
        table.index = dict(self.index)
        table._code_ids, table._skeleton_ids = dict(self._code_ids), dict(self._skeleton_ids)
        table._attributes = self._attributes
        return table

    def attributes(self) -> TokenAttributes:
        """The attributes of every token; only tokens added since the last call are computed."""
        done = 0 if self._attributes is None else len(self._attributes)
        if self._attributes is None or done < len(self.strings):
            added = TokenAttributes.of(
                self.strings[done:], self.place_groups[done:], self._code_ids, self._skeleton_ids
            )
            self._attributes = added if self._attributes is None else self._attributes.followed_by(added)
        return self._attributes


@word_cached
def _lexical_facts(token: str) -> tuple[tuple[int, ...], tuple[int, ...], float]:
    """A word's given-name groups, those of its spelling (``spelling_groups``) and its rarity: cached
    per word, and in a large pool worked out over the cores with the phonetic codes (``code_words``)."""
    return nickname_groups(token), spelling_groups(token), token_rarity(token)


@dataclass(frozen=True)
class TokenAttributes:
    """Per-token arrays, row t describing token id t."""

    skeleton_ids: np.ndarray  # int32
    dm_codes: np.ndarray  # int32 (T, MAX_DM_CODES), -1 padded: Daitch-Mokotoff code ids
    mp_codes: np.ndarray  # int32 (T, MAX_MP_CODES), -1 padded: Double Metaphone code ids
    soundex_ids: np.ndarray  # int32: American Soundex code id
    nick_groups: np.ndarray  # int32 (T, MAX_NICK_GROUPS), -1 padded: given-name or place groups
    # The same, for a word the lexicons do not know, of the known name it is a spelling of
    spelt_groups: np.ndarray
    rarity: np.ndarray  # float32 in [0, 1]
    first_char: np.ndarray  # uint8
    is_initial: np.ndarray  # bool: a one-letter token

    def __len__(self) -> int:
        return len(self.skeleton_ids)

    def followed_by(self, other: TokenAttributes) -> TokenAttributes:
        """These rows, then ``other``'s (whose ids were assigned with the same code and skeleton ids)."""
        return TokenAttributes(*(
            np.concatenate([getattr(self, f.name), getattr(other, f.name)]) for f in fields(self)
        ))

    @classmethod
    def of(
        cls,
        tokens: Sequence[str],
        place_groups: Sequence[tuple[int, ...]] = (),
        code_ids: dict[str, int] | None = None,
        skeleton_ids: dict[str, int] | None = None,
    ) -> TokenAttributes:
        """Attributes of each token; a token's place groups come first in its ``nick_groups``.

        ``code_ids`` and ``skeleton_ids`` number the codes and skeletons; they are added to, so that
        attributes computed in several calls stay comparable.
        """
        n = len(tokens)
        code_ids = {} if code_ids is None else code_ids
        skel_ids = {} if skeleton_ids is None else skeleton_ids
        dm = np.full((n, MAX_DM_CODES), -1, dtype=np.int32)
        mp = np.full((n, MAX_MP_CODES), -1, dtype=np.int32)
        soundex = np.empty(n, dtype=np.int32)
        nicks = np.full((n, MAX_NICK_GROUPS), -1, dtype=np.int32)
        spelt = np.full((n, MAX_NICK_GROUPS), -1, dtype=np.int32)
        skeletons = np.empty(n, dtype=np.int32)
        rarity = np.empty(n, dtype=np.float32)
        first = np.zeros(n, dtype=np.uint8)
        for t, token in enumerate(tokens):
            skeletons[t] = skel_ids.setdefault(skeleton(token), len(skel_ids))
            for k, code in enumerate(daitch_mokotoff(token)[:MAX_DM_CODES]):
                dm[t, k] = code_ids.setdefault("dm:" + code, len(code_ids))
            for k, code in enumerate(double_metaphone(token)[:MAX_MP_CODES]):
                mp[t, k] = code_ids.setdefault("mp:" + code, len(code_ids))
            soundex[t] = code_ids.setdefault("sx:" + _soundex(token), len(code_ids))
            places = place_groups[t] if t < len(place_groups) else ()
            given_groups, spelt_given, rarity[t] = _lexical_facts(token)
            groups = (*places, *given_groups)[:MAX_NICK_GROUPS]
            nicks[t, : len(groups)] = groups
            groups = (*places, *spelt_given)[:MAX_NICK_GROUPS]
            spelt[t, : len(groups)] = groups
            first[t] = ord(token[0]) if token and ord(token[0]) < 128 else 0
        is_initial = np.fromiter((len(tok) == 1 for tok in tokens), dtype=bool, count=n)
        return cls(skeletons, dm, mp, soundex, nicks, spelt, rarity, first, is_initial)


# Endings that make a feminine given name of a masculine one: Roberta, Pauline, Paulina, Paulette.
# A final -o is masculine where -a is feminine (Mario, Maria). Not -e: French men's names end in it
# (Auguste, Gustave, Adolphe), as do spellings of one name (Nevil, Neville).
_FEMININE_ENDINGS = ("a", "ine", "ina", "ette")
# Masculine endings whose feminine takes -a in their place: Mario / Maria, Julius / Julia.
_MASCULINE_ENDINGS = ("o", "us")


@dataclass(frozen=True)
class GenderForms:
    """Keys over a token table: token A is a gendered form of token B when A's own key or its
    masculine stem is one of B's feminine stems (Robert / Roberta; Mario / Maria; Peter / Petra), or
    the other way round. Keys are ids of strings, assigned in token order."""

    own: np.ndarray  # int64 (T,)
    # Missing stems are -1 and -2: negative, so they match no key, and unequal, so not each other.
    masculine_stem: np.ndarray  # int64 (T,): the token less a masculine ending, else -1
    feminine_stems: np.ndarray  # int64 (T, endings): the token less each ending it has, else -2
    known: np.ndarray  # bool (T,): a given name the lexicons or the name-gender list know

    # The numbering of the strings behind the keys, for ``followed_by``.
    ids: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, strings: Sequence[str]) -> GenderForms:
        ids: dict[str, int] = {}
        return cls(*cls._keys(strings, ids), ids)

    def followed_by(self, strings: Sequence[str]) -> GenderForms:
        """The keys of these tokens followed by more tokens (only those are computed)."""
        ids = dict(self.ids)
        keys = self._keys(strings, ids)
        return GenderForms(*(np.concatenate([mine, more]) for mine, more in zip(self._arrays(), keys)), ids)

    def _arrays(self) -> tuple[np.ndarray, ...]:
        return self.own, self.masculine_stem, self.feminine_stems, self.known

    @staticmethod
    def _keys(strings: Sequence[str], ids: dict[str, int]) -> tuple[np.ndarray, ...]:
        """(own, masculine_stem, feminine_stems, known) of ``strings``, numbering strings in ``ids``
        (added to)."""
        listed = known_given_names()
        own = np.fromiter((ids.setdefault(s, len(ids)) for s in strings), dtype=np.int64, count=len(strings))
        masculine = np.full(len(strings), -1, dtype=np.int64)
        feminine = np.full((len(strings), len(_FEMININE_ENDINGS)), -2, dtype=np.int64)
        known = np.fromiter(map(is_known_given_name, strings), dtype=bool, count=len(strings))
        for t, token in enumerate(strings):
            if len(token) < 4:
                continue  # Jo / Joe, Al / Ala: too short to tell
            for ending in _MASCULINE_ENDINGS:
                if token.endswith(ending):
                    masculine[t] = ids.setdefault(token[: -len(ending)], len(ids))
            # A known given name ending in -er has its feminine in -ra (Alexander / Alexandra, Peter
            # / Petra). Only a listed one: Hindi names spelt -ender and -endra are one name (Narender).
            if token.endswith("er") and token in listed:
                masculine[t] = ids.setdefault(token[:-2] + "r", len(ids))
            for k, ending in enumerate(_FEMININE_ENDINGS):
                # A doubled final a is a long vowel spelt out (Jayalalithaa, Jayalalitha), no -a added.
                if token.endswith(ending) and len(token) - len(ending) >= 3 and not token.endswith("aa"):
                    feminine[t, k] = ids.setdefault(token[: -len(ending)], len(ids))
        return own, masculine, feminine, known

    def gendered(self, a: np.ndarray, b: np.ndarray, *, known_only: bool = True) -> np.ndarray:
        """Per token pair (a[k], b[k]): is one a gendered form of the other?

        ``known_only``: both must be given names the lexicons or the name-gender list know. In a
        person's full name a word one letter short of a known name is more often a typo (Melit Siole,
        Melita Siold; Aloinz, Aloinza) than a man's name beside a woman's.
        """
        def feminine_of(x: np.ndarray, y: np.ndarray) -> np.ndarray:
            stems = self.feminine_stems[y]
            return ((stems == self.own[x][:, None]) | (stems == self.masculine_stem[x][:, None])).any(axis=1)

        out = feminine_of(a, b) | feminine_of(b, a)
        return out & self.known[a] & self.known[b] if known_only else out


def numbered(strings: Sequence[str], numbers: dict[str, int]) -> tuple[np.ndarray, dict[str, int]]:
    """An id per string, numbering strings not yet in ``numbers`` on from it (it is added to, and
    returned): equal strings, equal ids."""
    ids = (numbers.setdefault(s, len(numbers)) for s in strings)
    return np.fromiter(ids, dtype=np.int64, count=len(strings)), numbers


def _concatenated(first, second, *, in_place: bool = False):
    """Two per-unit values one after the other: arrays, lists, or tuples of arrays. ``in_place``: a
    list is extended as it is."""
    if isinstance(first, np.ndarray):
        return np.concatenate([first, second])
    if isinstance(first, tuple):
        return tuple(_concatenated(a, b) for a, b in zip(first, second))
    if in_place:
        first.extend(second)
        return first
    return first + second


@dataclass
class NameRecords:
    """Units (distinct normalised names with a type) in array form."""

    names: list[NormalizedName]
    types: list[str]
    texts: list[str]
    skeletons: list[str]  # token skeletons, sorted, joined by spaces
    offsets: np.ndarray  # int64 (n + 1,): tokens of unit u are token_ids[offsets[u]:offsets[u+1]]
    token_ids: np.ndarray  # int32
    tokens: TokenTable
    token_attributes: TokenAttributes
    kinds: np.ndarray  # int8: 0 other, 1 person, 2 org
    acronym_ids: np.ndarray  # int32: id of the unit's acronym key, -1 when none
    self_acronym_ids: np.ndarray  # int32: id of the unit's own text when it is an acronym, else -2
    digit_ids: np.ndarray  # int32: id of the digits the name contains, -1 when none
    script_ids: np.ndarray  # int32, -1 when the name has no letters
    # Place groups of each unit, for blocking (``e:`` keys): () when place equivalence does not apply.
    place_groups: list[tuple[int, ...]] = field(default_factory=list)
    # The place group each unit's whole text is a form of, where place equivalence applies; else None.
    whole_places: list[int | None] = field(default_factory=list)
    # int64 per unit: its whole place group when the unit is typed LOC, else -1 (``skeleton`` feature).
    typed_places: np.ndarray | None = None
    # The numbering of acronym and digit keys and of scripts, for ``extended``.
    _key_ids: dict[str, int] = field(default_factory=dict, repr=False)
    _script_ids: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def token_counts(self) -> np.ndarray:
        return np.diff(self.offsets)

    def script_id(self, script: str) -> int:
        """The id ``script_ids`` gives a script ("latin", "kana" ...); -2 when no unit is in it."""
        return self._script_ids.get(script, -2)

    @cached_property
    def sorted_texts(self) -> list[str]:
        """Each unit's text with its words sorted (what token_sort_ratio compares), computed once."""
        return [" ".join(sorted(text.split())) for text in self.texts]

    # Object arrays of the per-unit strings, built once: pair features gather them for every chunk of pairs.
    @cached_property
    def text_array(self) -> np.ndarray:
        return np.array(self.texts, dtype=object)

    @cached_property
    def sorted_text_array(self) -> np.ndarray:
        return np.array(self.sorted_texts, dtype=object)

    @cached_property
    def skeleton_array(self) -> np.ndarray:
        return np.array(self.skeletons, dtype=object)

    @cached_property
    def gender_forms(self) -> GenderForms:
        """Per token, the keys that tell a man's and a woman's form of one name (``gendered_given``)."""
        return GenderForms.of(self.tokens.strings)

    @cached_property
    def bare_given(self) -> np.ndarray:
        """Per unit: one word, typed PERSON or untyped: what the nickname lexicons may read as a
        given name alone."""
        personal_type = np.fromiter((canonical_type(t) in ("", PERSON) for t in self.types), dtype=bool,
                                    count=len(self.types))
        return (self.token_counts == 1) & personal_type

    @cached_property
    def typed_as_place(self) -> np.ndarray:
        """Per unit: typed as a place (LOC, or a kind of place such as "City")?"""
        return np.fromiter(map(is_place_type, self.types), dtype=bool, count=len(self.types))

    @cached_property
    def personal(self) -> np.ndarray:
        """Per unit: is it a person's name? Typed PERSON; or, not typed ORG, read as a person, or read
        as neither person nor organisation and opening with a known given name or an initial, or
        ending with a known given name. Clustering weighs unscored pairs by it."""
        has_tokens = self.token_counts > 0
        groups = self.token_attributes.nick_groups
        given = ((groups >= 0) & (groups < PLACE_GROUP_BASE)).any(axis=1)
        initial = self.token_attributes.is_initial  # at the start only: "N.V." ends company names
        types = np.array([canonical_type(t) for t in self.types], dtype=object)
        if len(self.token_ids):
            first = self.token_ids[np.minimum(self.offsets[:-1], len(self.token_ids) - 1)]
            last = self.token_ids[np.maximum(self.offsets[1:] - 1, 0)]
            looks_personal = has_tokens & (given[first] | initial[first] | given[last])
        else:  # (these names have no words, though the token table they share may)
            looks_personal = np.zeros(len(self), dtype=bool)
        read_as_person = (self.kinds == 1) | ((self.kinds == 0) & looks_personal)
        return (types == PERSON) | ((types != ORG) & read_as_person)

    @cached_property
    def generations(self) -> np.ndarray:
        """Per unit: the generation its stripped suffix names (NormalizedName.generation), 0 if none."""
        return np.fromiter((int(name.generation or 0) for name in self.names), dtype=np.int8,
                           count=len(self.names))

    @cached_property
    def whole_place_ids(self) -> np.ndarray:
        """``whole_places`` as int64, -1 where a unit is no known place (for pair features)."""
        ids = [-1 if group is None else group for group in self.whole_places]
        return np.asarray(ids, dtype=np.int64) if ids else np.full(len(self), -1, dtype=np.int64)

    @cached_property
    def organisation_places(self) -> list[frozenset[int]]:
        """Per unit: the places an organisation's name holds (Banco Santander México: Mexico; Bank of
        China (Hong Kong): China, Hong Kong; American Broadcasting Company: the United States); empty
        for every other name."""
        empty: frozenset[int] = frozenset()
        return [organisation_places(name.tokens, name.script) if kind == 2 else empty
                for name, kind in zip(self.names, self.kinds.tolist())]

    @cached_property
    def holds_organisation_places(self) -> np.ndarray:
        """Per unit: does ``organisation_places`` hold any place?"""
        places = self.organisation_places
        return np.fromiter((bool(p) for p in places), dtype=bool, count=len(places))

    @cached_property
    def text_lengths(self) -> np.ndarray:
        return np.fromiter(map(len, self.texts), dtype=np.int64, count=len(self.texts))

    @cached_property
    def token_string_array(self) -> np.ndarray:
        return np.array(self.tokens.strings, dtype=object)

    @property
    def word_ids(self) -> np.ndarray:
        """Per token id, an id of its string: a word interned apart as a place has its word's id."""
        return self._word_numbering[0]

    @cached_property
    def _word_numbering(self) -> tuple[np.ndarray, dict[str, int]]:
        return numbered(self.tokens.strings, {})

    @cached_property
    def repeats_a_word(self) -> np.ndarray:
        """Per unit: does its text hold a word twice?"""
        return np.fromiter((len(set(words)) < len(words) for words in map(str.split, self.texts)),
                           dtype=bool, count=len(self.texts))

    @cached_property
    def end_letters(self) -> tuple[np.ndarray, np.ndarray]:
        """Per unit: the codes of its text's first and of its last character, -1 for an empty text."""
        def codes(position: int) -> np.ndarray:
            return np.fromiter((ord(t[position]) if t else -1 for t in self.texts), dtype=np.int64,
                               count=len(self.texts))

        return codes(0), codes(-1)

    def tokens_of(self, unit: int) -> list[str]:
        ids = self.token_ids[self.offsets[unit] : self.offsets[unit + 1]]
        return [self.tokens.strings[t] for t in ids]

    def __len__(self) -> int:
        return len(self.names)

    @classmethod
    def build(cls, names: Sequence[NormalizedName], types: Sequence[str]) -> NameRecords:
        return cls._of(names, types, TokenTable(), {}, {})

    def extended(self, names: Sequence[NormalizedName], types: Sequence[str]) -> NameRecords:
        """These records with more units appended (as ``build`` would lay out all of them), leaving
        these unchanged: units 0..n-1 are these, and the new units' tokens, codes and keys are
        comparable with theirs. Only what is new is computed, cached per-unit and per-token values
        included; the rest is copied once (see ``append``)."""
        words_before = len(self.tokens.strings)
        tail = self._of(names, types, self.tokens.copy(), dict(self._key_ids), dict(self._script_ids))
        combined = replace(self, **{name: _concatenated(getattr(self, name), getattr(tail, name))
                                    for name in _PER_UNIT_FIELDS},
                           offsets=self._offsets_followed_by(tail), tokens=tail.tokens,
                           token_attributes=tail.token_attributes, _key_ids=tail._key_ids,
                           _script_ids=tail._script_ids)
        combined.__dict__.update(self._caches_followed_by(tail, words_before, in_place=False))
        return combined

    def append(self, names: Sequence[NormalizedName], types: Sequence[str]) -> None:
        """Append units in place, laid out as ``extended`` would: for records nothing else reads
        while they grow (the forms re-reading makes, chunk after chunk). A call costs what it adds,
        where ``extended`` copies every unit's values: at 200,000 names, 0.09 s a call for nothing."""
        words_before = len(self.tokens.strings)
        tail = self._of(names, types, self.tokens, self._key_ids, self._script_ids)  # (grown in place)
        carried = self._caches_followed_by(tail, words_before, in_place=True)
        self.offsets = self._offsets_followed_by(tail)
        for name in _PER_UNIT_FIELDS:
            mine = getattr(self, name)
            if isinstance(mine, list):
                mine.extend(getattr(tail, name))
            else:
                setattr(self, name, np.concatenate([mine, getattr(tail, name)]))
        self.token_attributes = tail.token_attributes
        for name in _CACHED_PROPERTIES:  # a value not carried over would be stale: worked out anew
            self.__dict__.pop(name, None)
        self.__dict__.update(carried)

    def _offsets_followed_by(self, tail: NameRecords) -> np.ndarray:
        return np.concatenate([self.offsets, tail.offsets[1:] + self.offsets[-1]])

    def _caches_followed_by(self, tail: NameRecords, words_before: int, *, in_place: bool) -> dict:
        """The cached values these records have worked out, followed by the tail's own (worked out on
        the tail alone): re-reading extends a pool's records chunk after chunk. ``words_before``: the
        token table's size before the tail's words were added. ``in_place``: lists and numberings
        may grow as they are."""
        cached, out = self.__dict__, {}
        for name in _PER_UNIT_CACHES:
            if name in cached:
                out[name] = _concatenated(cached[name], getattr(tail, name), in_place=in_place)
        new_strings = tail.tokens.strings[words_before:]
        if "token_string_array" in cached:
            out["token_string_array"] = np.concatenate(
                [self.token_string_array, np.array(new_strings, dtype=object)])
        if "gender_forms" in cached:
            out["gender_forms"] = self.gender_forms.followed_by(new_strings)
        if "_word_numbering" in cached:
            ids, numbers = self._word_numbering
            more, numbers = numbered(new_strings, numbers if in_place else dict(numbers))
            out["_word_numbering"] = (np.concatenate([ids, more]), numbers)
        return out

    @classmethod
    def _of(
        cls,
        names: Sequence[NormalizedName],
        types: Sequence[str],
        table: TokenTable,
        keys: dict[str, int],
        scripts: dict[str, int],
    ) -> NameRecords:
        """Records of ``names``, interning tokens in ``table`` and numbering keys (acronyms, digits)
        and scripts in ``keys`` and ``scripts``, all added to."""
        offsets = np.zeros(len(names) + 1, dtype=np.int64)
        flat: list[int] = []
        kind_codes = {"person": 1, "org": 2}
        acronym_ids = np.full(len(names), -1, dtype=np.int32)
        self_acronym_ids = np.full(len(names), -2, dtype=np.int32)
        digit_ids = np.full(len(names), -1, dtype=np.int32)
        script_ids = np.zeros(len(names), dtype=np.int32)
        kinds = np.zeros(len(names), dtype=np.int8)
        skeletons: list[str] = []
        place_groups: list[tuple[int, ...]] = []
        whole_places: list[int | None] = []
        typed_places = np.full(len(names), -1, dtype=np.int64)
        for u, name in enumerate(names):
            entity_type = canonical_type(types[u])
            place = place_match(name, entity_type)
            if place.token_groups:
                flat.extend(
                    table.intern(tok, (g,) if g else ()) for tok, g in zip(name.tokens, place.token_groups)
                )
            else:
                flat.extend(table.intern(tok) for tok in name.tokens)
            offsets[u + 1] = len(flat)
            place_groups.append(place.groups)
            whole_places.append(place.whole)
            if place.whole is not None and is_place_type(entity_type):
                typed_places[u] = place.whole
            skeletons.append(" ".join(sorted(name_skeleton(name.tokens).split())))
            kinds[u] = kind_codes.get(name.kind, 0)
            # The initials a name written as an acronym can stand for: an organisation's, or three
            # or more (two initials are too easily a person's: "JS", "John Smith").
            if name.acronym and (name.kind == "org" or len(name.acronym) >= 3):
                acronym_ids[u] = keys.setdefault(name.acronym, len(keys))
            if name.is_acronym:
                self_acronym_ids[u] = keys.setdefault(name.text.replace(" ", ""), len(keys))
            digits = "".join(filter(str.isdigit, name.text))
            if digits:
                digit_ids[u] = keys.setdefault("#" + digits, len(keys))
            # A name with no letters (digits, symbols) has no script to disagree about.
            script_ids[u] = -1 if name.script == "none" else scripts.setdefault(name.script, len(scripts))
        return cls(
            names=list(names),
            types=list(types),
            texts=[n.text for n in names],
            skeletons=skeletons,
            offsets=offsets,
            token_ids=np.asarray(flat, dtype=np.int32),
            tokens=table,
            token_attributes=table.attributes(),
            kinds=kinds,
            acronym_ids=acronym_ids,
            self_acronym_ids=self_acronym_ids,
            digit_ids=digit_ids,
            script_ids=script_ids,
            place_groups=place_groups,
            whole_places=whole_places,
            typed_places=typed_places,
            _key_ids=keys,
            _script_ids=scripts,
        )


# NameRecords' cached values with one entry per unit, each computed from that unit alone: records
# extended by more units keep those already worked out (see ``NameRecords.extended``).
_PER_UNIT_CACHES = (
    "sorted_texts", "text_array", "sorted_text_array", "skeleton_array", "personal", "whole_place_ids",
    "organisation_places", "holds_organisation_places", "text_lengths", "repeats_a_word", "end_letters",
    "typed_as_place", "generations", "bare_given",
)
# NameRecords' fields with one entry per unit, but for ``offsets`` (which count on from the last).
_PER_UNIT_FIELDS = (
    "names", "types", "texts", "skeletons", "token_ids", "kinds", "acronym_ids", "self_acronym_ids",
    "digit_ids", "script_ids", "place_groups", "whole_places", "typed_places",
)
_CACHED_PROPERTIES = tuple(
    name for name, value in vars(NameRecords).items() if isinstance(value, cached_property))
