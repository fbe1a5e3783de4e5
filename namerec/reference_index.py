"""ReferenceIndex: fast candidate search over a reference list of known entities.

A reference list holds entries ``{id, name, type, aliases}``. The index normalises every name and
alias with :func:`namerec.normalize.normalize_name` (the pipeline's normaliser, with the entry's
type), and keeps, in flat numpy arrays:

- the *forms*: one per name, alias and extra normalised variant (other romanisation tables) of an
  entry, each a sorted set of token ids (CSR);
- the *vocabulary* of distinct tokens, and for each token its blocking keys, the same key kinds
  as :mod:`namerec.blocking` uses: ``k:`` romanisation skeleton, ``p:`` phonetic codes
  (Daitch-Mokotoff, Double Metaphone), ``d:`` the token and its one-letter deletions. Keys are
  stored as stable 64-bit hashes (CRC-32 and Adler-32), sorted, with the inverse table
  (token -> its keys) so a query word already in the vocabulary needs no coding;
- postings: token -> forms holding it (CSR, forms in insertion order);
- acronym keys: a form written as an acronym ("NATO") under its letters, and an organisation's
  full name under the acronym of its initials ("North Atlantic Treaty Organization" -> nato).

A query is normalised the same way; each of its tokens is looked up exactly and through its keys,
which gives vocabulary tokens with a match weight (exact 1, same skeleton 0.9, one edit 0.8,
shared phonetic code 0.5; a phonetic code of more than ``_BROAD_KEY`` words is ignored), and
adjacent words are also tried written together. Matched tokens are taken in order of
weight x rarity and their postings gathered until ``_GATHER_FACTOR x candidate_budget``
(form, token) matches, so a very common word ("john", "center") adds candidates only when rarer
words leave room. The matches give each form its matched weight, and all forms are scored at once
with numpy by a weighted Jaccard similarity of token sets,

    score = m / (q + f - m),   m = sum over the form's matched tokens of match weight x rarity,

where q and f are the total rarities of the query's and the form's tokens (rarity among the
index's n forms, ln(1 + n/df) / ln(1 + n); initials and function words count a fifth). When
common tokens had to be left out, the ``candidate_budget`` forms holding the most matched weight
are re-scored with all their matched tokens. An acronym agreement scores at least
``ACRONYM_SCORE`` divided by the number of forms sharing the acronym. An entry scores its best
form. Entries whose type is known and differs from a known query type are skipped.

The score ranks candidates; it is a similarity, not a calibrated probability. :func:`namerec.link`
re-scores the candidates with the calibrated pair model and decides links and NIL.

Entries are added and removed by id; ids are the user's own, so they are stable. Added forms are
searched by a linear scan until there are ``_TAIL_LIMIT`` of them, then the arrays are rebuilt;
removed entries are masked, and dropped when the index is compacted (on save, or when a quarter of
the forms are dead). Compaction keeps the order of entries, so query results do not change.

``save(dir)`` writes JSON, JSON lines and ``.npy`` arrays (never pickle); ``load(dir)`` reads
them back without re-normalising anything.

>>> index = ReferenceIndex.build([{"id": "Q1", "name": "Max Bergmann", "type": "PERSON"},
...                               {"id": "Q2", "name": "Ingrid Bergman", "type": "PERSON"}])
>>> [a.ref_id for a in index.query("Max Bergman")]
['Q1', 'Q2']
"""

from __future__ import annotations

import builtins
import itertools
import json
import math
import os
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .blocking import word_keys
from .config import Config
from .entity_types import canonical_type
from .equivalents import place_key, place_match
from .errors import FileFormatError, InputError
from .io import ReferenceEntry, read_reference
from .models import Alternative
from .normalize import NormalizedName, normalize_name
from .normalize.lexicons import ACRONYM_STOPWORDS
from .parallel import default_workers, pool_map

__all__ = ["ACRONYM_SCORE", "ReferenceIndex", "token_keys"]

FORMAT = "namerec-reference-index"
FORMAT_VERSION = 1

#: Index score of a candidate whose acronym agrees with the query (NATO ~ North Atlantic T. O.),
#: divided by the number of forms sharing that acronym.
ACRONYM_SCORE = 0.8
#: Forms scored in full per query when the query's words are all common (see _token_candidates).
CANDIDATE_BUDGET = 500
# (form, word) matches gathered per query, as a multiple of the budget, rarest words first.
_GATHER_FACTOR = 8

# Key kinds and their match weights (exact token = 1.0, looked up in the vocabulary directly).
_SKELETON, _PHONETIC, _EDIT = 0, 1, 2
_KIND_OF_PREFIX = {"k:": _SKELETON, "p:": _PHONETIC, "d:": _EDIT}
# Match levels, best first: exact, skeleton, one edit, phonetic; and the level of each key kind.
_LEVEL_WEIGHT = np.array([1.0, 0.9, 0.8, 0.5])
_KIND_LEVEL = np.array([1, 3, 2], dtype=np.int64)
_BROAD_KEY = 64  # phonetic codes of more vocabulary words than this are ignored in queries
_LOW_INFORMATION = 0.2  # rarity factor of one-letter tokens (initials) and function words
_ACRONYM_KEY, _INITIALS_KEY = "A:", "I:"
# Forms added since the last rebuild are scanned linearly up to this many; then the arrays are rebuilt.
_TAIL_LIMIT = 4096
_PARALLEL_MIN = 40_000  # normalise in worker processes from this many forms
_CHUNK = 10_000

_ARRAYS = (
    "entry_form_offsets", "form_offsets", "form_tokens", "form_akey",
    "vk_hash", "vk_offsets", "vk_tokens", "vk_kind",
    "post_offsets", "post_forms", "fk_hash", "fk_offsets", "fk_forms", "tk_offsets", "tk_keys",
)


# --------------------------------------------------------------------------------------------
# keys


def token_keys(token: str) -> list[tuple[int, str]]:
    """Blocking keys of one normalised token, as (kind, key): the keys of :mod:`namerec.blocking`.

    >>> [key for _, key in token_keys("berzina") if not key.startswith("d:")]
    ['k:barsana', 'p:dm:746000', 'p:dm:794600', 'p:mp:PRSN']
    """
    return [(_KIND_OF_PREFIX[key[:2]], key) for key in word_keys(token)]


def _stable_hash(key: str) -> int:
    """A 64-bit hash that is the same in every process and version (unlike ``hash``): CRC-32 and
    Adler-32 side by side. A rare collision only adds a candidate; scores use exact token ids."""
    data = key.encode("utf-8")
    return (zlib.crc32(data) << 32 | zlib.adler32(data)) or 1


@lru_cache(maxsize=1 << 16)
def _query_keys(token: str) -> tuple[np.ndarray, np.ndarray]:
    keys = token_keys(token)
    return (np.fromiter((_stable_hash(k) for _, k in keys), dtype=np.uint64, count=len(keys)),
            np.fromiter((kind for kind, _ in keys), dtype=np.int8, count=len(keys)))


def _keys_of_tokens(tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Flat (hash, local token index, kind) arrays for a list of tokens (run in workers when many).
    A place token has no keys: it is only ever met exactly."""
    hashes: list[int] = []
    owners: list[int] = []
    kinds: list[int] = []
    for t, token in enumerate(tokens):
        for kind, key in () if token.startswith(_PLACE_TOKEN) else token_keys(token):
            hashes.append(_stable_hash(key))
            owners.append(t)
            kinds.append(kind)
    return (np.asarray(hashes, dtype=np.uint64), np.asarray(owners, dtype=np.int64),
            np.asarray(kinds, dtype=np.int8))


def _acronym_key(name: NormalizedName) -> int:
    """The form's acronym key (0 = none): an acronym under its letters, an organisation's full name
    under its initials."""
    if name.is_acronym and name.acronym:
        return _stable_hash(_ACRONYM_KEY + name.acronym)
    if name.kind == "org" and len(name.acronym) >= 2 and len(name.tokens) >= 2:
        return _stable_hash(_INITIALS_KEY + name.acronym)
    return 0


def _query_acronym_key(name: NormalizedName) -> int:
    """The key a query looks up: an acronym finds full names with those initials, and vice versa."""
    if name.is_acronym and name.acronym:
        return _stable_hash(_INITIALS_KEY + name.acronym)
    if len(name.tokens) >= 2 and (
        (name.kind == "org" and len(name.acronym) >= 2) or (name.kind == "other" and len(name.acronym) >= 3)
    ):
        return _stable_hash(_ACRONYM_KEY + name.acronym)
    return 0


# --------------------------------------------------------------------------------------------
# normalising forms (in worker processes for big lists)


_FormData = tuple[tuple[str, ...], int, tuple[tuple[str, ...], ...]]  # tokens, acronym key, variants


def _normalize_forms(items: Sequence[tuple[str, str]], language: str) -> list[_FormData]:
    out: list[_FormData] = []
    for text, type_ in items:
        name = normalize_name(text, type_, cyrillic_language=language)
        variants = tuple(tuple(v.split()) for v in name.variants if v.split()) + _joined_variants(name.tokens)
        place = place_token(name, type_)
        if place:
            variants += ((place,),)
        out.append((name.tokens, _acronym_key(name), variants))
    return out


# A known place is also indexed under a token of its own, which every form of the place shares
# (Germany, Allemagne, Германия): forms alike in no letter are found by it. The prefix keeps it apart
# from every normalised word, which has no "@" and no capital letters.
_PLACE_TOKEN = "@"


def place_token(name: NormalizedName, entity_type: str) -> str:
    """The token standing for the known place a name wholly is (see ``equivalents.place_match``:
    typed as a place, or untyped and read as neither person nor organisation), else ""."""
    group = place_match(name, canonical_type(entity_type)).whole
    return "" if group is None else _PLACE_TOKEN + place_key(group)


def _joined_variants(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Spacing variants of a name: a run of single letters written together ("D S M" -> dsm), and a
    short word (2-3 letters, not a function word) joined to its neighbour ("ST Microelectronics" ->
    stmicroelectronics). Queries join their own adjacent words, so spacing differences meet."""
    if len(tokens) < 2 or min(map(len, tokens)) > 3:
        return ()
    out = []
    letters = _join_letters(tokens)
    if letters != tokens:
        out.append(letters)
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        short = [t for t in (a, b) if 2 <= len(t) <= 3 and t not in ACRONYM_STOPWORDS]
        if short and min(len(a), len(b)) >= 2:
            out.append(tokens[:i] + (a + b,) + tokens[i + 2 :])
    return tuple(out[:3])


def _join_letters(tokens: Sequence[str]) -> tuple[str, ...]:
    """Runs of two or more one-letter tokens written as one word."""
    if sum(len(t) == 1 for t in tokens) < 2:
        return tuple(tokens)
    out: list[str] = []
    run: list[str] = []
    for token in (*tokens, ""):
        if len(token) == 1:
            run.append(token)
            continue
        if len(run) >= 2:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if token:
            out.append(token)
    return tuple(out)


# --------------------------------------------------------------------------------------------
# entries


_TYPES: dict[str, str] = {}


def _canonical_type(value: Any) -> str:
    if isinstance(value, str):
        found = _TYPES.get(value)
        if found is None:
            found = _TYPES[value] = canonical_type(value)
        return found
    return canonical_type(value)


def _coerce_entry(obj: Any, where: str) -> tuple[str, str, str, tuple[str, ...]]:
    """(id, name, type, aliases) of a dict or an entry-like object, validated like read_reference.

    Kept as plain tuples rather than ReferenceEntry models: a million pydantic objects would
    cost more memory than the whole index.
    """
    if isinstance(obj, ReferenceEntry):
        return obj.id, obj.name, _canonical_type(obj.type), tuple(obj.aliases)
    if isinstance(obj, dict):
        id_, name, type_, aliases = obj.get("id"), obj.get("name"), obj.get("type"), obj.get("aliases")
    elif hasattr(obj, "id") and hasattr(obj, "name"):
        id_, name = obj.id, obj.name
        type_, aliases = getattr(obj, "type", None), getattr(obj, "aliases", None)
    else:
        raise InputError(f"{where}: an entry must be a dict with id, name, type, aliases, "
                         f"not {type(obj).__name__}")
    if type(id_) is str and id_ and not id_[0].isspace() and not id_[-1].isspace():
        entry_id = id_  # the common case, checked cheaply
    elif isinstance(id_, bool) or not isinstance(id_, (str, int)) or not str(id_).strip():
        raise InputError(f"{where}: the entry needs an 'id' (a non-blank string), got {id_!r:.40}")
    else:
        entry_id = str(id_).strip()
    if not isinstance(name, str) or not name.strip():
        raise InputError(f"{where}: the entry {entry_id!r} needs a 'name' (a non-blank string)")
    if type_ is not None and not isinstance(type_, str):
        raise InputError(f"{where}: the entry {entry_id!r}: 'type' must be a string")
    if not aliases:
        return entry_id, name, _canonical_type(type_), ()
    if isinstance(aliases, (str, bytes)) or not isinstance(aliases, Iterable):
        raise InputError(f"{where}: the entry {entry_id!r}: 'aliases' must be a list of strings")
    kept: list[str] = []
    for alias in aliases:
        if not isinstance(alias, str):
            raise InputError(f"{where}: the entry {entry_id!r}: 'aliases' must be a list of strings")
        if alias.strip() and alias not in kept:
            kept.append(alias)
    return entry_id, name, _canonical_type(type_), tuple(kept)


def _entries_of(reference: Any) -> Iterable[Any]:
    if isinstance(reference, (str, os.PathLike)):
        return read_reference(reference)
    if isinstance(reference, dict):
        if "entities" in reference:
            return reference["entities"]
        raise InputError('a reference dict must hold {"entities": [...]}; or pass a list of entries')
    if isinstance(reference, (bytes, bytearray)) or not isinstance(reference, Iterable):
        raise InputError(f"reference must be a path or a list of entries, not {type(reference).__name__}")
    return reference


# --------------------------------------------------------------------------------------------
# CSR helpers


def _gather(offsets: np.ndarray, values: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Concatenated slices values[offsets[r]:offsets[r+1]] for rows, and the position of each's row."""
    starts = offsets[rows]
    lengths = offsets[rows + 1] - starts
    total = int(lengths.sum())
    if total == 0:
        return values[:0], np.zeros(0, dtype=np.int64)
    owner = np.repeat(np.arange(len(rows)), lengths)
    index = np.arange(total) + (starts - (np.cumsum(lengths) - lengths))[owner]
    return values[index], owner


def _unique(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (np.unique without its overhead, for small arrays)."""
    values = np.sort(values)
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _csr(keys: np.ndarray, values: np.ndarray, size: int | None = None):
    """Group values by key (stable). With ``size``: keys are 0..size-1 and offsets cover them all;
    without: (unique keys, offsets, values)."""
    order = np.argsort(keys, kind="stable")
    keys, values = keys[order], values[order]
    if size is not None:
        counts = np.bincount(keys, minlength=size) if len(keys) else np.zeros(size, dtype=np.int64)
        return np.concatenate(([0], np.cumsum(counts))).astype(np.int64), values
    if len(keys) == 0:
        return keys, np.zeros(1, dtype=np.int64), values
    first = np.concatenate(([True], keys[1:] != keys[:-1]))
    starts = np.flatnonzero(first)
    return keys[first], np.concatenate((starts, [len(keys)])).astype(np.int64), values


# --------------------------------------------------------------------------------------------
# the index


class ReferenceIndex:
    """A searchable reference list: build, query, add, remove, save, load.

    Build it with :meth:`build` or :meth:`load`. ``len(index)`` is the number of entries;
    ``"Q1" in index`` tests an id; iterating gives the entries as
    :class:`~namerec.io.ReferenceEntry`.
    """

    def __init__(self, config: Config | None = None) -> None:
        config = config or Config()
        self.cyrillic_language: str = config.cyrillic_language
        self.candidate_budget: int = CANDIDATE_BUDGET
        # entries (rows in insertion order; removed rows stay until compaction)
        self._ids: list[str] = []
        self._names: list[str] = []
        self._types: list[str] = []
        self._aliases: list[tuple[str, ...]] = []
        self._row_of: dict[str, int] = {}
        self._entry_alive = np.zeros(0, dtype=bool)
        self._entry_type = np.zeros(0, dtype=np.int32)
        self._type_codes: dict[str, int] = {"": 0}
        self._entry_form_offsets = np.zeros(1, dtype=np.int64)
        # forms
        self._form_entry = np.zeros(0, dtype=np.int64)
        self._form_offsets = np.zeros(1, dtype=np.int64)
        self._form_tokens = np.zeros(0, dtype=np.int32)
        self._form_akey = np.zeros(0, dtype=np.uint64)
        self._form_alive = np.zeros(0, dtype=bool)
        self._alive_forms = 0
        # vocabulary
        self._vocab: list[str] = []
        self._vocab_index: dict[str, int] = {}
        self._df = np.zeros(0, dtype=np.int64)
        self._token_factor = np.zeros(0, dtype=np.float64)
        # token keys: sorted unique hashes -> tokens, plus keys of tokens added since the last rebuild
        self._vk_hash = np.zeros(0, dtype=np.uint64)
        self._vk_offsets = np.zeros(1, dtype=np.int64)
        self._vk_tokens = np.zeros(0, dtype=np.int32)
        self._vk_kind = np.zeros(0, dtype=np.int8)
        self._pk_hash = np.zeros(0, dtype=np.uint64)
        self._pk_tokens = np.zeros(0, dtype=np.int32)
        self._pk_kind = np.zeros(0, dtype=np.int8)
        self._tk_offsets = np.zeros(1, dtype=np.int64)  # token -> positions of its keys (rebuilt tokens)
        self._tk_keys = np.zeros(0, dtype=np.int32)
        # postings of forms [0, _base_forms); later forms are scanned
        self._post_offsets = np.zeros(1, dtype=np.int64)
        self._post_forms = np.zeros(0, dtype=np.int32)
        self._fk_hash = np.zeros(0, dtype=np.uint64)
        self._fk_offsets = np.zeros(1, dtype=np.int64)
        self._fk_forms = np.zeros(0, dtype=np.int32)
        self._base_forms = 0
        self._idf_cache: np.ndarray | None = None
        self._info_cache: np.ndarray | None = None
        self._post_info = np.zeros(0, dtype=np.float32)
        self._post_type: np.ndarray | None = None

    # -- construction ------------------------------------------------------------------------
    @classmethod
    def build(cls, reference: Any, /, *, config: Config | None = None,
              workers: int | None = None) -> ReferenceIndex:
        """An index over ``reference``: a path to a reference file (JSON, JSON lines or CSV, see
        :func:`namerec.io.read_reference`), or a list of entries (dicts with ``id``, ``name``,
        optional ``type`` and ``aliases``, or :class:`~namerec.io.ReferenceEntry`).

        ``config`` sets the Cyrillic romanisation table (as for reconciliation); ``workers`` the
        number of processes that normalise big lists (default: the number of CPUs).
        """
        if isinstance(reference, ReferenceIndex):
            return reference
        index = cls(config)
        index.add(_entries_of(reference), workers=workers)
        return index

    def add(self, entries: Iterable[Any], /, *, workers: int | None = None) -> None:
        """Add entries (dicts or ReferenceEntry). Their ids must be new (a removed id may come back).

        Raises :class:`~namerec.errors.InputError` for a malformed entry or an id already present,
        before anything is added.
        """
        coerced: list[tuple[str, str, str, tuple[str, ...]]] = []
        batch: set[str] = set()
        for number, obj in enumerate(entries, 1):
            entry = _coerce_entry(obj, f"reference entry {number}")
            if entry[0] in batch or self._row_of.get(entry[0]) is not None:
                raise InputError(f"reference entry {number}: duplicate id {entry[0]!r}")
            batch.add(entry[0])
            coerced.append(entry)
        if not coerced:
            return
        items = [(form, type_) for _, name, type_, aliases in coerced for form in (name, *aliases)]
        workers = default_workers() if workers is None else max(1, int(workers))
        if len(items) < _PARALLEL_MIN:
            workers = 1
        chunks = [(items[i : i + _CHUNK], self.cyrillic_language) for i in range(0, len(items), _CHUNK)]
        normalized = [data for part in pool_map(_normalize_forms, chunks, workers) for data in part]
        self._append(coerced, normalized, workers)
        if self._form_count - self._base_forms > _TAIL_LIMIT:
            self._rebuild()

    def _append(self, coerced, normalized: list[_FormData], workers: int) -> None:
        self._idf_cache = None
        first_row = len(self._ids)
        first_vocab = len(self._vocab)
        vocab = self._vocab
        base_forms = self._form_count
        forms: list[tuple[str, ...]] = []
        form_entry: list[int] = []
        akeys: list[int] = []
        entry_offsets: list[int] = []
        position = 0
        for row, entry in enumerate(coerced, first_row):
            names = 1 + len(entry[3])
            tokens, akey, variants = normalized[position]
            if names == 1 and not variants:  # the common case: one name, one form
                forms.append(tokens)
                form_entry.append(row)
                akeys.append(akey)
            else:
                seen: set[tuple[str, ...]] = set()
                for tokens, akey, variants in normalized[position : position + names]:
                    for form_tokens in (tokens, *variants):
                        if form_tokens in seen and form_tokens:
                            continue  # the same normalised form twice in one entry: index it once
                        seen.add(form_tokens)
                        forms.append(form_tokens)
                        form_entry.append(row)
                        akeys.append(akey if form_tokens is tokens else 0)
            position += names
            entry_offsets.append(base_forms + len(forms))
        self._ids.extend(e[0] for e in coerced)
        self._names.extend(e[1] for e in coerced)
        self._types.extend(e[2] for e in coerced)
        self._aliases.extend(e[3] for e in coerced)
        self._row_of.update(zip(self._ids[first_row:], range(first_row, first_row + len(coerced))))
        codes = [self._type_codes.setdefault(t.casefold(), len(self._type_codes)) for _, _, t, _ in coerced]

        # tokens -> ids: new tokens in order of first appearance, then one C-level map
        flat_tokens = list(itertools.chain.from_iterable(forms))
        index = self._vocab_index
        for token in dict.fromkeys(flat_tokens):
            if token not in index:
                index[token] = len(vocab)
                vocab.append(token)
        ids = np.fromiter(map(index.__getitem__, flat_tokens), dtype=np.int32, count=len(flat_tokens))
        owner = np.repeat(np.arange(len(forms), dtype=np.int64),
                          np.fromiter(map(len, forms), dtype=np.int64, count=len(forms)))
        order = np.lexsort((ids, owner))  # each form's distinct token ids, sorted
        ids, owner = ids[order], owner[order]
        if len(ids):
            keep = np.concatenate(([True], (ids[1:] != ids[:-1]) | (owner[1:] != owner[:-1])))
            ids, owner = ids[keep], owner[keep]
        lengths = np.bincount(owner, minlength=len(forms)) if len(owner) else np.zeros(len(forms), np.int64)
        flat = ids

        count = len(coerced)
        self._entry_alive = np.concatenate((self._entry_alive, np.ones(count, dtype=bool)))
        self._entry_type = np.concatenate((self._entry_type, np.asarray(codes, dtype=np.int32)))
        self._entry_form_offsets = np.concatenate(
            (self._entry_form_offsets, np.asarray(entry_offsets, dtype=np.int64)))
        self._form_offsets = np.concatenate((self._form_offsets, self._form_offsets[-1] + np.cumsum(lengths)))
        self._form_tokens = np.concatenate((self._form_tokens, flat))
        self._form_entry = np.concatenate((self._form_entry, np.asarray(form_entry, dtype=np.int64)))
        self._form_akey = np.concatenate((self._form_akey, np.asarray(akeys, dtype=np.uint64)))
        self._form_alive = np.concatenate((self._form_alive, np.ones(len(form_entry), dtype=bool)))
        self._alive_forms += len(form_entry)

        new_tokens = vocab[first_vocab:]
        self._df = np.concatenate((self._df, np.zeros(len(new_tokens), dtype=np.int64)))
        self._df += np.bincount(flat, minlength=len(self._df)) if len(flat) else 0
        factors = [_LOW_INFORMATION if len(t) == 1 or t in ACRONYM_STOPWORDS else 1.0 for t in new_tokens]
        self._token_factor = np.concatenate((self._token_factor, np.asarray(factors, dtype=np.float64)))
        if new_tokens:
            size = max(1, math.ceil(len(new_tokens) / max(1, workers)))
            chunks = [(new_tokens[i : i + size],) for i in range(0, len(new_tokens), size)]
            parts = pool_map(_keys_of_tokens, chunks, workers if len(new_tokens) >= 20_000 else 1)
            offset = first_vocab
            for (hashes, owners, kinds), (chunk,) in zip(parts, chunks):
                self._pk_hash = np.concatenate((self._pk_hash, hashes))
                self._pk_tokens = np.concatenate((self._pk_tokens, (owners + offset).astype(np.int32)))
                self._pk_kind = np.concatenate((self._pk_kind, kinds))
                offset += len(chunk)

    @property
    def _form_count(self) -> int:
        return len(self._form_entry)

    def remove(self, ids: Iterable[str], /) -> None:
        """Remove the entries with these ids. Unknown ids raise InputError, before anything is removed."""
        if isinstance(ids, str):
            ids = [ids]
        rows = []
        for entry_id in ids:
            row = self._row_of.get(str(entry_id))
            if row is None:
                raise InputError(f"no entry with id {entry_id!r} in the reference index")
            rows.append(row)
        self._idf_cache = None
        for row in sorted(set(rows)):
            del self._row_of[self._ids[row]]
            self._entry_alive[row] = False
            start, stop = self._entry_form_offsets[row], self._entry_form_offsets[row + 1]
            self._form_alive[start:stop] = False
            self._alive_forms -= int(stop - start)
            tokens = self._form_tokens[self._form_offsets[start] : self._form_offsets[stop]]
            np.subtract.at(self._df, tokens, 1)
        if self._form_count and self._alive_forms < 0.75 * self._form_count:
            self._rebuild()

    def _rebuild(self) -> None:
        """Drop removed entries, then rebuild postings and key tables over every form (order kept)."""
        self._info_cache = None
        self._post_type = None
        if not self._entry_alive.all():
            self._drop_dead()
        n_forms = self._form_count
        owner = np.repeat(np.arange(n_forms, dtype=np.int32), np.diff(self._form_offsets))
        self._post_offsets, self._post_forms = _csr(self._form_tokens.astype(np.int64), owner,
                                                    size=len(self._vocab))
        has_key = np.flatnonzero(self._form_akey)
        self._fk_hash, self._fk_offsets, self._fk_forms = _csr(self._form_akey[has_key],
                                                               has_key.astype(np.int32))
        # merge the keys of new tokens into the sorted key table
        old_hash = np.repeat(self._vk_hash, np.diff(self._vk_offsets))
        old_kind = np.repeat(self._vk_kind, np.diff(self._vk_offsets))
        hashes = np.concatenate((old_hash, self._pk_hash))
        tokens = np.concatenate((self._vk_tokens, self._pk_tokens))
        kinds = np.concatenate((old_kind, self._pk_kind))
        order = np.lexsort((tokens, hashes))
        hashes, tokens, kinds = hashes[order], tokens[order], kinds[order]
        self._vk_hash, self._vk_offsets, self._vk_tokens = _csr(hashes, tokens)
        self._vk_kind = kinds[self._vk_offsets[:-1]] if len(kinds) else np.zeros(0, dtype=np.int8)
        # and the inverse, token -> its keys (positions in the key table): a query word that is in
        # the vocabulary needs no phonetic coding and no binary search
        key_of_element = np.repeat(np.arange(len(self._vk_hash), dtype=np.int32), np.diff(self._vk_offsets))
        self._tk_offsets, self._tk_keys = _csr(self._vk_tokens.astype(np.int64), key_of_element,
                                               size=len(self._vocab))
        self._pk_hash = np.zeros(0, dtype=np.uint64)
        self._pk_tokens = np.zeros(0, dtype=np.int32)
        self._pk_kind = np.zeros(0, dtype=np.int8)
        self._base_forms = n_forms

    def _drop_dead(self) -> None:
        keep_entries = np.flatnonzero(self._entry_alive)
        keep_forms = np.flatnonzero(self._form_alive)
        entry_map = np.full(len(self._ids), -1, dtype=np.int64)
        entry_map[keep_entries] = np.arange(len(keep_entries))
        self._ids = [self._ids[r] for r in keep_entries]
        self._names = [self._names[r] for r in keep_entries]
        self._types = [self._types[r] for r in keep_entries]
        self._aliases = [self._aliases[r] for r in keep_entries]
        self._row_of = {entry_id: row for row, entry_id in enumerate(self._ids)}
        counts = np.diff(self._entry_form_offsets)[keep_entries]
        self._entry_form_offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        self._entry_alive = np.ones(len(keep_entries), dtype=bool)
        self._entry_type = self._entry_type[keep_entries]
        tokens, owner = _gather(self._form_offsets, self._form_tokens, keep_forms)
        lengths = np.bincount(owner, minlength=len(keep_forms)) if len(owner) else np.zeros(
            len(keep_forms), dtype=np.int64)
        self._form_offsets = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
        self._form_tokens = tokens.astype(np.int32)
        self._form_entry = entry_map[self._form_entry[keep_forms]]
        self._form_akey = self._form_akey[keep_forms]
        self._form_alive = np.ones(len(keep_forms), dtype=bool)
        self._alive_forms = len(keep_forms)

    # -- access --------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._row_of)

    def __contains__(self, entry_id: object) -> bool:
        return isinstance(entry_id, str) and entry_id in self._row_of

    def __iter__(self) -> Iterator[ReferenceEntry]:
        for row, alive in enumerate(self._entry_alive):
            if alive:
                yield self._entry(row)

    def __repr__(self) -> str:
        return f"<ReferenceIndex: {len(self)} entries, {len(self._vocab)} tokens>"

    def ids(self) -> list[str]:
        """The ids of the entries, in the order they were added."""
        return [self._ids[row] for row in np.flatnonzero(self._entry_alive)]

    def get(self, entry_id: str) -> ReferenceEntry | None:
        """The entry with this id, or None."""
        row = self._row_of.get(entry_id)
        return None if row is None else self._entry(row)

    def _entry(self, row: int) -> ReferenceEntry:
        return ReferenceEntry(id=self._ids[row], name=self._names[row], type=self._types[row],
                              aliases=list(self._aliases[row]))

    def entry_names(self, entry_id: str) -> tuple[str, ...]:
        """The entry's name followed by its aliases, as written in the reference."""
        row = self._row_of[entry_id]
        return (self._names[row], *self._aliases[row])

    def entry_type(self, entry_id: str) -> str:
        return self._types[self._row_of[entry_id]]

    def token_rarity(self, tokens: Sequence[str]) -> np.ndarray:
        """Rarity of normalised tokens among the index's forms, in [0, 1] (IDF scaled by its maximum);
        a token no form holds is 1. Initials and function words count a fifth."""
        ids = np.fromiter((self._vocab_index.get(t, -1) for t in tokens), dtype=np.int64, count=len(tokens))
        out = np.ones(len(tokens))
        known = ids >= 0
        out[known] = self._idf(ids[known])
        low = np.fromiter((len(t) == 1 or t in ACRONYM_STOPWORDS for t in tokens), dtype=bool,
                          count=len(tokens))
        out[~known & low] = _LOW_INFORMATION
        return out

    def _idf(self, ids: np.ndarray) -> np.ndarray:
        """Rarity of vocabulary tokens: ln(1 + n / df) / ln(1 + n) over the n live forms, in (0, 1]
        (1 for a token of one form in a big index; never 0, so a tiny reference still ranks), low-
        information tokens a fifth. Computed for the whole vocabulary once per change of the index."""
        if self._idf_cache is None or len(self._idf_cache) != len(self._df):
            self._info_cache = None
            n = self._alive_forms
            if n <= 0:
                self._idf_cache = np.ones(len(self._df))
            else:
                df = np.maximum(self._df, 1)
                self._idf_cache = np.log1p(n / df) / math.log1p(n) * self._token_factor
        return self._idf_cache[ids]

    # -- queries -------------------------------------------------------------------------------
    def query(self, name: str, /, type: str | None = None, k: int = 5) -> list[Alternative]:  # noqa: A002
        """The ``k`` entries most similar to ``name``, best first, as Alternative(ref_id, ref_name, score).

        ``score`` is the index's similarity in [0, 1] (see the module docs), not a link probability;
        use :func:`namerec.link` to decide links. With ``type`` given, entries of another known
        type are skipped.
        """
        if not isinstance(name, str):
            raise InputError(f"name must be a string, not {builtins.type(name).__name__}")
        normalized = normalize_name(name, canonical_type(type), cyrillic_language=self.cyrillic_language)
        rows, scores = self.search(normalized, canonical_type(type), k)
        return [Alternative(ref_id=self._ids[r], ref_name=self._names[r], score=round(float(s), 4))
                for r, s in zip(rows, scores)]

    def query_many(self, names: Sequence[str], /, types: Sequence[str | None] | None = None,
                   k: int = 5) -> list[list[Alternative]]:
        """:meth:`query` for each name (``types``: one per name, or None)."""
        if isinstance(names, str):
            raise InputError("names must be a list of strings, not a single string")
        if types is not None and len(types) != len(names):
            raise InputError(f"types has {len(types)} entries for {len(names)} names; give one per name")
        return [self.query(n, None if types is None else types[i], k) for i, n in enumerate(names)]

    def search(self, name: NormalizedName, type_: str, k: int) -> tuple[list[int], list[float]]:
        """Entry rows and index scores of the ``k`` best entries for a normalised name (internal API,
        shared with :mod:`namerec.link`)."""
        if self._alive_forms <= 0 or k <= 0:
            return [], []
        place = place_token(name, type_)
        if place:  # the forms of a known place share its token (see ``place_token``)
            name = replace(name, tokens=(*name.tokens, place))
        forms, scores = self._score_forms(name, self._type_codes.get(type_.casefold(), -1) if type_ else 0)
        if len(forms) == 0:
            return [], []
        # Only the best few forms can hold the k best entries: sort those by score, ties by form
        # (= insertion order, as an entry's forms are contiguous), and take distinct entries.
        width = min(len(forms), 8 * k)
        while True:
            if width < len(forms):
                part = np.argpartition(-scores, width - 1)[:width]
                cut = scores[part].min()
                above = np.flatnonzero(scores > cut)
                ties = np.flatnonzero(scores == cut)[: max(width - len(above), 0)]  # the earliest
                top = np.concatenate((above, ties))
            else:
                top = np.arange(len(forms))
            order = top[np.lexsort((forms[top], -scores[top]))]
            rows: list[int] = []
            best: list[float] = []
            seen: set[int] = set()
            for row, score in zip(self._form_entry[forms[order]].tolist(), scores[order].tolist()):
                if row not in seen:
                    seen.add(row)
                    rows.append(row)
                    best.append(score)
                    if len(rows) == k:
                        return rows, best
            if len(top) == len(forms):
                return rows, best
            width = min(len(forms), width * 4)

    def _score_forms(self, name: NormalizedName, type_code: int) -> tuple[np.ndarray, np.ndarray]:
        tokens = list(dict.fromkeys(name.tokens))
        ids_parts: list[np.ndarray] = []
        weight_parts: list[np.ndarray] = []
        query_info = 0.0
        key_parts = []
        known_keys = []
        keyed_tokens = len(self._tk_offsets) - 1
        for token in tokens:
            exact = self._vocab_index.get(token)
            if exact is not None and self._df[exact] > 0:
                ids_parts.append(np.array([exact], dtype=np.int64))
                weight_parts.append(np.zeros(1, dtype=np.int64))  # level 0: exact
                query_info += float(self._idf(exact))
            else:
                query_info += _LOW_INFORMATION if len(token) == 1 or token in ACRONYM_STOPWORDS else 1.0
            if exact is not None and exact < keyed_tokens:
                known_keys.append(self._tk_keys[self._tk_offsets[exact] : self._tk_offsets[exact + 1]])
            elif not token.startswith(_PLACE_TOKEN):  # a place token is only met exactly
                key_parts.append(_query_keys(token)[0])
        # spacing: "st microelectronics" ~ stmicroelectronics, "d s m" ~ dsm
        joined_words = {left + right for left, right in zip(name.tokens, name.tokens[1:])}
        joined_words.update(t for t in _join_letters(name.tokens) if t not in name.tokens)
        for word in sorted(joined_words):
            joined = self._vocab_index.get(word)
            if joined is not None and self._df[joined] > 0:
                ids_parts.append(np.array([joined], dtype=np.int64))
                weight_parts.append(np.full(1, _KIND_LEVEL[_SKELETON]))
        hashes = np.concatenate(key_parts) if key_parts else np.zeros(0, dtype=np.uint64)
        if len(self._vk_hash) and (len(hashes) or known_keys):
            positions = known_keys
            if len(hashes):
                pos = np.minimum(np.searchsorted(self._vk_hash, hashes), len(self._vk_hash) - 1)
                positions = [*known_keys, pos[self._vk_hash[pos] == hashes]]
            pos = np.concatenate(positions) if len(positions) > 1 else positions[0]
            # a phonetic code shared by very many words (a common sound pattern) is no evidence
            broad = (self._vk_kind[pos] == _PHONETIC) & (
                self._vk_offsets[pos + 1] - self._vk_offsets[pos] > _BROAD_KEY)
            pos = pos[~broad]
            found, owner = _gather(self._vk_offsets, self._vk_tokens, pos)
            ids_parts.append(found.astype(np.int64))
            weight_parts.append(_KIND_LEVEL[self._vk_kind[pos]][owner])
        if known_keys and len(self._pk_hash):  # new tokens may share keys with known query words
            hashes = np.concatenate([hashes, *(self._vk_hash[k] for k in known_keys)])
        if len(hashes) and len(self._pk_hash):
            hit = np.isin(self._pk_hash, hashes)
            ids_parts.append(self._pk_tokens[hit].astype(np.int64))
            weight_parts.append(_KIND_LEVEL[self._pk_kind[hit]])
        forms = np.zeros(0, dtype=np.int64)
        held = info = np.zeros(0)
        matched = np.zeros(0, dtype=np.int64)
        weights = np.zeros(0)
        truncated = False
        if ids_parts and sum(len(part) for part in ids_parts):
            # each word once, with its best match level (packed in the low bits: one sort)
            packed = np.sort(np.concatenate(ids_parts) << 2 | np.concatenate(weight_parts))
            ids, level = packed >> 2, packed & 3
            keep = np.concatenate(([True], ids[1:] != ids[:-1]))
            ids, level = ids[keep], level[keep]
            alive = self._df[ids] > 0
            matched, weights = ids[alive], _LEVEL_WEIGHT[level[alive]]
            forms, held, info, truncated = self._token_candidates(matched, weights, type_code)
        if truncated:
            # Common words were left out: keep the forms holding the most matched weight, then
            # count every matched word of theirs.
            if len(forms) > self.candidate_budget:
                best = np.argpartition(-held, self.candidate_budget - 1)[: self.candidate_budget]
                cut = held[best].min()
                above = np.flatnonzero(held > cut)
                ties = np.flatnonzero(held == cut)[: self.candidate_budget - len(above)]  # earliest forms
                keep = np.sort(np.concatenate((above, ties)))
                forms, info = forms[keep], info[keep]
            form_tokens, owner = _gather(self._form_offsets, self._form_tokens, forms)
            form_tokens = form_tokens.astype(np.int64)
            pos = np.minimum(np.searchsorted(matched, form_tokens), len(matched) - 1)
            gain = np.where(matched[pos] == form_tokens, weights[pos], 0.0) * self._idf(form_tokens)
            held = np.bincount(owner, gain, minlength=len(forms))
        acronym = _query_acronym_key(name)
        if acronym:
            acronym_forms, sharing = self._acronym_candidates(acronym)
            extra = np.setdiff1d(acronym_forms, forms, assume_unique=True)
            if type_code != 0 and len(extra):
                extra_types = self._entry_type[self._form_entry[extra]]
                extra = extra[(extra_types == 0) | (extra_types == type_code)]
            if len(extra):
                forms = np.concatenate((forms, extra))
                held = np.concatenate((held, np.zeros(len(extra))))
                info = np.concatenate((info, self._form_info()[extra]))
                order = np.argsort(forms, kind="stable")  # forms stay in insertion order
                forms, held, info = forms[order], held[order], info[order]
        if len(forms) == 0:
            return forms, np.zeros(0)
        shared = np.minimum(held, query_info)
        scores = shared / np.maximum(query_info + info - shared, 1e-9)
        if acronym and len(acronym_forms):
            # an acronym shared by many names says little about each of them
            ordered = np.sort(acronym_forms)
            pos = np.minimum(np.searchsorted(ordered, forms), len(ordered) - 1)
            agree = ordered[pos] == forms
            scores[agree] = np.maximum(scores[agree], ACRONYM_SCORE / sharing)
        return forms, scores

    def _form_info(self) -> np.ndarray:
        """Total rarity of each form's tokens (cached with the rarities)."""
        self._idf(np.zeros(0, dtype=np.int64))  # refreshes the caches when the index changed
        if self._info_cache is None or len(self._info_cache) != self._form_count:
            owner = np.repeat(np.arange(self._form_count), np.diff(self._form_offsets))
            self._info_cache = np.bincount(owner, self._idf(self._form_tokens), minlength=self._form_count)
            self._post_info = self._info_cache[self._post_forms].astype(np.float32)
        return self._info_cache

    def _posting_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Each posting's form type and total rarity, laid out like the postings, so that a query
        reads them in sequence instead of looking up thousands of forms at random."""
        self._form_info()
        if self._post_type is None or len(self._post_type) != len(self._post_forms):
            self._post_type = self._entry_type[self._form_entry[self._post_forms]].astype(np.int16)
        return self._post_type, self._post_info

    def _token_candidates(self, matched: np.ndarray, weights: np.ndarray, type_code: int
                          ) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
        """Forms holding the matched tokens (ascending), the matched weight x rarity each holds,
        each form's total rarity, and whether some matched tokens were left out.

        Tokens are taken in order of weight x rarity (the rarest, best-matching first) and their
        postings gathered until ``_GATHER_FACTOR x candidate_budget`` (form, token) pairs: a very
        common word adds candidates only when rarer words leave room. The pairs gathered are the
        matches themselves, so when no token was left out a form's score needs no second look.
        Forms of another known type than ``type_code`` (0: any) are dropped.
        """
        empty = np.zeros(0, dtype=np.int64)
        if len(matched) == 0:
            return empty, np.zeros(0), np.zeros(0), False
        priority = weights * self._idf(matched)
        order = np.argsort(-priority, kind="stable")  # matched is sorted: ties by word id
        ranked, priority = matched[order], priority[order]
        df = self._df[ranked]
        limit = self.candidate_budget * _GATHER_FACTOR
        take = max(1, int(np.searchsorted(np.cumsum(df) - df, limit, side="left")))
        truncated = take < len(ranked)
        ranked, priority = ranked[:take], priority[:take]
        post_type, post_info = self._posting_arrays()
        base = np.flatnonzero(ranked < len(self._post_offsets) - 1)
        rows = ranked[base]
        starts = self._post_offsets[rows]
        lengths = self._post_offsets[rows + 1] - starts
        rank = np.repeat(base, lengths)
        index = np.arange(int(lengths.sum())) + np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        forms = self._post_forms[index].astype(np.int64)
        types = post_type[index]
        info = post_info[index].astype(np.float64)
        if self._base_forms < self._form_count:  # forms added since the last rebuild
            tail = np.arange(self._base_forms, self._form_count)
            tail_tokens, tail_owner = _gather(self._form_offsets, self._form_tokens, tail)
            sorter = np.argsort(ranked)
            sorted_ranked = ranked[sorter]
            pos = np.minimum(np.searchsorted(sorted_ranked, tail_tokens), len(ranked) - 1)
            hit = sorted_ranked[pos] == tail_tokens
            tail_forms = tail[tail_owner[hit]]
            forms = np.concatenate((forms, tail_forms))
            rank = np.concatenate((rank, sorter[pos[hit]]))
            types = np.concatenate((types, self._entry_type[self._form_entry[tail_forms]]))
            info = np.concatenate((info, self._form_info()[tail_forms]))
        keep = None
        if type_code != 0:
            keep = (types == 0) | (types == type_code)
        if self._alive_forms < self._form_count:
            alive = self._form_alive[forms]
            keep = alive if keep is None else keep & alive
        if keep is not None:
            forms, rank, info = forms[keep], rank[keep], info[keep]
        if len(forms) == 0:
            return empty, np.zeros(0), np.zeros(0), truncated
        # forms sorted with their pair's position packed in the low bits: one sort, then sums
        bits = max(1, int(len(forms)).bit_length())
        packed = np.sort(forms << bits | np.arange(len(forms)))
        pair = packed & ((1 << bits) - 1)
        forms = packed >> bits
        starts = np.flatnonzero(np.concatenate(([True], forms[1:] != forms[:-1])))
        held = np.add.reduceat(priority[rank[pair]], starts)
        return forms[starts], held, info[pair[starts]], truncated

    def _acronym_candidates(self, key: int) -> tuple[np.ndarray, int]:
        """Forms under an acronym key (at most the budget), and how many live forms share it."""
        h = np.uint64(key)
        parts = []
        if len(self._fk_hash):
            p = int(np.searchsorted(self._fk_hash, h))
            if p < len(self._fk_hash) and self._fk_hash[p] == h:
                parts.append(self._fk_forms[self._fk_offsets[p] : self._fk_offsets[p + 1]].astype(np.int64))
        if self._base_forms < self._form_count:
            tail = np.arange(self._base_forms, self._form_count)
            parts.append(tail[self._form_akey[tail] == h])
        if not parts:
            return np.zeros(0, dtype=np.int64), 0
        forms = np.concatenate(parts)
        forms = forms[self._form_alive[forms]]
        return forms[: self.candidate_budget], len(forms)

    # -- files ---------------------------------------------------------------------------------
    def save(self, directory: str | os.PathLike, /) -> None:
        """Write the index to ``directory`` (created if needed): manifest.json, entries.jsonl,
        vocabulary.json and one .npy file per array. Compacts the index first."""
        self._rebuild()
        path = Path(directory)
        path.mkdir(parents=True, exist_ok=True)
        with open(path / "entries.jsonl", "w", encoding="utf-8", newline="\n") as handle:
            for row in range(len(self._ids)):
                handle.write(json.dumps({"id": self._ids[row], "name": self._names[row],
                                         "type": self._types[row], "aliases": list(self._aliases[row])},
                                        ensure_ascii=False) + "\n")
        (path / "vocabulary.json").write_text(json.dumps(self._vocab, ensure_ascii=False), encoding="utf-8")
        for name in _ARRAYS:
            np.save(path / f"{name}.npy", getattr(self, f"_{name}"), allow_pickle=False)
        manifest = {
            "format": FORMAT, "version": FORMAT_VERSION, "entries": len(self._ids),
            "forms": self._form_count, "tokens": len(self._vocab),
            "cyrillic_language": self.cyrillic_language, "candidate_budget": self.candidate_budget,
        }
        (path / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: str | os.PathLike, /) -> ReferenceIndex:
        """Read an index written by :meth:`save`. Raises FileFormatError for a missing or bad file."""
        path = Path(directory)
        manifest = _read_json(path / "manifest.json")
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise FileFormatError(str(path / "manifest.json"), "not a namerec reference index manifest")
        if manifest.get("version") != FORMAT_VERSION:
            raise FileFormatError(str(path / "manifest.json"),
                                  f"index format version {manifest.get('version')!r}; this namerec reads "
                                  f"version {FORMAT_VERSION} (rebuild the index)")
        index = cls(Config(cyrillic_language=manifest.get("cyrillic_language", "auto")))
        index.candidate_budget = int(manifest.get("candidate_budget", CANDIDATE_BUDGET))
        entries_path = path / "entries.jsonl"
        try:
            with open(entries_path, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if not line.strip():
                        continue
                    try:
                        obj = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise FileFormatError(str(entries_path), f"not valid JSON: {exc.msg}",
                                              row=number) from None
                    try:
                        entry_id, name, type_, aliases = _coerce_entry(obj, f"entry {number}")
                    except InputError as exc:
                        raise FileFormatError(str(entries_path), str(exc), row=number) from None
                    index._row_of[entry_id] = len(index._ids)
                    index._ids.append(entry_id)
                    index._names.append(name)
                    index._types.append(type_)
                    index._aliases.append(aliases)
        except OSError as exc:
            raise FileFormatError(str(entries_path), f"cannot read the file: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise FileFormatError(str(entries_path), "not valid UTF-8") from None
        vocabulary = _read_json(path / "vocabulary.json")
        if not isinstance(vocabulary, list) or not all(isinstance(t, str) for t in vocabulary):
            raise FileFormatError(str(path / "vocabulary.json"), "expected a JSON list of tokens")
        index._vocab = vocabulary
        index._vocab_index = {t: i for i, t in enumerate(vocabulary)}
        for name in _ARRAYS:
            file = path / f"{name}.npy"
            try:
                setattr(index, f"_{name}", np.load(file, allow_pickle=False))
            except (OSError, ValueError) as exc:
                raise FileFormatError(str(file), f"cannot read the array: {exc}") from None
        index._check_loaded(path)
        n_entries, n_forms = len(index._ids), len(index._form_offsets) - 1
        index._entry_alive = np.ones(n_entries, dtype=bool)
        index._entry_type = np.asarray(
            [index._type_codes.setdefault(t.casefold(), len(index._type_codes)) for t in index._types],
            dtype=np.int32)
        index._form_entry = np.repeat(np.arange(n_entries, dtype=np.int64),
                                      np.diff(index._entry_form_offsets))
        index._form_alive = np.ones(n_forms, dtype=bool)
        index._alive_forms = n_forms
        index._df = np.diff(index._post_offsets).astype(np.int64)
        index._token_factor = np.asarray(
            [_LOW_INFORMATION if len(t) == 1 or t in ACRONYM_STOPWORDS else 1.0 for t in vocabulary])
        index._base_forms = n_forms
        return index

    def _check_loaded(self, path: Path) -> None:
        n_entries, n_vocab = len(self._ids), len(self._vocab)
        problems = []
        if len(self._entry_form_offsets) != n_entries + 1:
            problems.append("entry_form_offsets does not match entries.jsonl")
        n_forms = len(self._form_offsets) - 1
        if n_forms < 0 or self._entry_form_offsets[-1] != n_forms or len(self._form_akey) != n_forms:
            problems.append("form arrays disagree")
        elif self._form_offsets[-1] != len(self._form_tokens):
            problems.append("form_tokens does not match form_offsets")
        elif len(self._post_offsets) != n_vocab + 1 or self._post_offsets[-1] != len(self._post_forms):
            problems.append("postings do not match the vocabulary")
        elif len(self._vk_offsets) != len(self._vk_hash) + 1 or len(self._vk_kind) != len(self._vk_hash):
            problems.append("key table arrays disagree")
        elif len(self._fk_offsets) != len(self._fk_hash) + 1:
            problems.append("acronym key arrays disagree")
        elif len(self._tk_offsets) != n_vocab + 1 or self._tk_offsets[-1] != len(self._tk_keys):
            problems.append("token key arrays do not match the vocabulary")
        elif len(self._form_tokens) and int(self._form_tokens.max()) >= n_vocab:
            problems.append("a form refers to a token outside the vocabulary")
        if problems:
            raise FileFormatError(str(path), f"inconsistent reference index: {problems[0]} (rebuild it)")


def _read_json(file: Path) -> Any:
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileFormatError(str(file), "missing: is this a directory written by ReferenceIndex.save?") \
            from None
    except OSError as exc:
        raise FileFormatError(str(file), f"cannot read the file: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FileFormatError(str(file), f"not valid JSON: {exc}") from None
