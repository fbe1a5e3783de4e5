"""Candidate generation: cheap keys per name, pairs only within a key's block.

Keys of a name (each prefixed by its kind so kinds never collide):

- ``w:`` its words sorted (word order ignored) and ``s:`` their romanisation skeletons sorted;
- ``j:`` its letters with the spaces removed ("SergeiLavrov" meets "Sergei Lavrov");
- per word of two or more letters: ``k:`` its skeleton, ``p:`` each phonetic code (Daitch-Mokotoff,
  Double Metaphone), ``d:`` the word itself and, for words of four or more letters, the word with one
  letter deleted (two words within one edit share such a key, as in SymSpell);
- ``i:`` first initial plus the last word's skeleton, for names of two or more words;
- ``a:`` the acronym of an organisation (or three or more initials), and an acronym's own letters;
  ``n:`` the two initials of another name;
- ``e:`` each place group the name belongs to, where place equivalence applies (a name typed LOC,
  or an untyped name that is wholly a known place form; see :mod:`namerec.equivalents`), so that
  "Peking" and "Beijing" are compared although no other key joins them;
- for a name typed as a place whose last word ends in a Lithuanian case ending, ``d:`` that word
  without it (``_without_case_ending``): "Porlamaras" meets "Porlamar";
- ``g:`` for a name of two or more words that is no organisation's or place's, each given-name group
  of its first word (the name it is or is a nickname of) with the last word's skeleton: "Bob Smith"
  meets "Robert Smith" however many Smiths the pool holds.

Beyond the keys, a Latin name is paired with one in another script (Cyrillic, Greek, kana, hangul,
Han, Arabic, Hebrew, Devanagari, Thai) that reads as one of its spellings as a transcription into
that script (``_transcription_pairs``), or, in the scripts that write a name by ear syllable by
syllable (kana, hangul, Han), as one edit from one (``_one_edit_pairs``).

A block of up to ``max_block_size`` names is compared all-pairs. In a larger block (a common word
such as "john" or "international") each name is paired only with its nearest neighbours in the
block, found with rapidfuzz's cdist in windows, so one common key cannot make the number of pairs
quadratic. Coarse keys, which many unrelated names share (phonetic codes, skeletons, ``n:`` initials,
three-letter ``d:`` keys), have smaller limits (``COARSE_BLOCK_SIZE``, ``COARSE_NEIGHBOURS``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from .equivalents import PLACE_GROUP_BASE
from .given_names import nickname_groups
from .normalize import NormalizedName
from .normalize.transcription import (
    KEYED_SCRIPTS,
    SYLLABIC_SCRIPTS,
    TRANSCRIBED_SCRIPTS,
    compared_readings,
    comparison_key,
    spell_words,
    spellings_of,
)
from .normalize.wade_giles import wade_giles_reading
from .parallel import default_workers, engine_active, even_spans, fork_map, thread_workers
from .phonetic import skeleton, token_codes
from .records import NameRecords

# Oversized blocks are searched in overlapping windows of this many names (in sorted order).
_WINDOW = 256
# Members of oversized blocks from which their search is spread over the cores (about 450,000 for
# 100,000 names); below this, starting the worker processes costs about as much as it saves.
_PARALLEL_MEMBERS = 100_000
# Coarse keys (see ``_coarse_flags``) are shared by many unrelated names: their blocks are compared
# all-pairs only up to this size, and beyond it each name meets only its nearest neighbours. At
# 100,000 pooled names these limits (against the precise keys' 50 and 10) left 2.6 million candidate
# pairs at 1.5 million, took about 15% less time, and raised the labelled names' B-cubed F1 from
# 0.789 to 0.794 (pairwise 0.700 to 0.716): pairs only a coarse key finds at scale are mostly
# look-alikes (0.7% of those only Daitch-Mokotoff codes found scored 0.5 or more, 2% of those only
# skeletons or three-letter keys found). A limit of 5 or 10 names split seven forms off patstat_orgs'
# 300-form company (fewer scored pairs between the two halves); 20 keeps it whole. Pools of 1,000
# entities barely reach these sizes; their F1 did not move.
_COARSE_KINDS = ("p:", "n:", "k:")
_CASE_ENDINGS = frozenset({"as", "is", "ys", "us"})
# A name in an oversized precise block meets this fraction of ``max_block_size`` nearest neighbours
# (8 of the default 32). At 100,000 pooled names, blocks of 32 with 8 neighbours left 1.23 million
# candidate pairs where blocks of 50 with 10 left 1.46 million (2.86 against 3.52 million at 200,000),
# at the same F1 on the three cluster files' train splits pooled (splink 0.668, wikidata 0.633,
# patstat 0.974): a block of 33 to 50 names compared all-pairs gives each name 16 to 25 pairs, most
# of them look-alikes its nearest neighbours already include.
_NEIGHBOUR_SHARE = 4
COARSE_BLOCK_SIZE = 20
COARSE_NEIGHBOURS = 2
# In the scripts that write a foreign name by ear, syllable by syllable (``SYLLABIC_SCRIPTS``),
# transcriptions are also paired one edit away (``_one_edit_pairs``), in blocks of at most this many
# written names.
_ONE_EDIT_BLOCK = 10
# Units whose keys are listed over the cores, and units per chunk of that work.
_PARALLEL_UNITS = 20_000
_KEY_CHUNK = 10_000


@lru_cache(maxsize=1 << 18)
def word_keys(token: str) -> tuple[str, ...]:
    """The keys of one word: ``k:`` skeleton, ``p:`` phonetic codes, ``d:`` the word and its deletions.

    Shared by the pipeline's blocking and the reference index; cached, as words repeat across names.

    >>> [key for key in word_keys("berzina") if not key.startswith("d:")]
    ['k:barsana', 'p:dm:746000', 'p:dm:794600', 'p:mp:PRSN']
    """
    if len(token) < 2:
        return ()
    keys = ["k:" + skeleton(token), *("p:" + code for code in token_codes(token))]
    if len(token) >= 3:
        keys.append("d:" + token)
    if len(token) >= 4:
        keys.extend("d:" + token[:i] + token[i + 1 :] for i in range(len(token)))
    return tuple(dict.fromkeys(keys))


def _coarse_flags(keys: list[str]) -> list[bool]:
    """Which ``keys`` many unrelated names share: phonetic codes, word skeletons (which fold vowels and
    look-alike consonants), two-letter initials, and three-letter words (a short word, or a
    four-letter word less one letter)."""
    return [key.startswith(_COARSE_KINDS) or (len(key) == 5 and key.startswith("d:")) for key in keys]


@lru_cache(maxsize=1 << 18)
def _hashed_word_keys(token: str, stable: bool = False) -> tuple[tuple[int, ...], tuple[bool, ...]]:
    """The hashes of a word's keys (Python's ``hash``, or with ``stable`` ``_stable_hash``) and which
    of them are coarse; cached, as words repeat across the chunks of a pool."""
    keys = word_keys(token)
    return tuple(map(_stable_hash if stable else hash, keys)), tuple(_coarse_flags(keys))


def _stable_hash(key: str) -> int:
    """A 64-bit hash of a key that every process computes alike: Python's ``hash`` of a string
    differs between processes not forked from one another (an engine's workers). Slower: used only
    when an engine hashes the keys."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                          "little", signed=True)


def _whole_name_keys(records: NameRecords, unit: int) -> list[str]:
    """The keys of a unit that come from the name as a whole (not from one of its words)."""
    name = records.names[unit]
    tokens = name.tokens
    keys = [
        "w:" + " ".join(sorted(tokens)),
        "j:" + name.text.replace(" ", ""),  # the same letters spaced differently: "PolPot", "Pol Pot"
        "s:" + records.skeletons[unit],
    ]
    if len(tokens) >= 2:
        keys.append("i:" + tokens[0][0] + " " + skeleton(tokens[-1]))
    if name.acronym:
        # Initials that may stand for an acronym (an organisation's, or three or more letters: see
        # records.acronym_ids); two of another name's are only a coarse key ("JS": John Smith).
        spelt_out = name.kind == "org" or len(name.acronym) >= 3
        keys.append(("a:" if spelt_out else "n:") + name.acronym)
    if name.is_acronym:
        keys.append("a:" + name.text.replace(" ", ""))
    wade_giles = wade_giles_reading(name, records.types[unit])
    if wade_giles:
        # Chinese in Han characters or pinyin meets its Wade-Giles spelling, hyphenated or written as one
        # word: 深圳, Shenzhen, Shen-chen; 高雄, Gaoxiong, Kaohsiung (see readings.py for the scoring).
        keys.append("j:" + wade_giles.replace(" ", ""))
    for group in records.place_groups[unit] if records.place_groups else ():
        keys.append("e:" + str(group - PLACE_GROUP_BASE))
    if records.typed_as_place[unit]:
        stem = _without_case_ending(tokens[-1])
        if stem:
            keys.append("d:" + stem)
    elif len(tokens) >= 2 and name.kind != "org":
        # A nickname and its given name under one family name (Bob Smith, Robert Smith): a common
        # family name's block is only searched for near spellings, and a nickname is none.
        last = skeleton(tokens[-1])
        keys.extend(f"g:{group} {last}" for group in nickname_groups(tokens[0]))
    return keys


def _without_case_ending(word: str) -> str | None:
    """A word of six letters or more less the nominative ending Lithuanian gives foreign place names
    after a consonant (Porlamaras, Sarapulas, Salfordas, Jülich as Julichas): two letters more than
    the name, beyond the one-letter deletions of the ``d:`` keys. None for any other word."""
    if len(word) < 6 or word[-2:] not in _CASE_ENDINGS or word[-3] in "aeiouy":
        return None
    return word[:-2]


def name_words(name: NormalizedName) -> set[str]:
    """The distinct words of a name's primary form and of its variants: each gives its word_keys."""
    return {token for form in (name.text, *name.variants) for token in form.split()}


def name_keys(records: NameRecords, unit: int) -> Iterator[str]:
    """Every blocking key of one unit."""
    if not records.names[unit].tokens:
        return
    yield from _whole_name_keys(records, unit)
    for token in name_words(records.names[unit]):
        yield from word_keys(token)


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """np.unique of integers by sorting (in place): faster than its hash table on millions of values."""
    values.sort()
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


def _unit_keys(records: NameRecords, meanwhile: Callable[[], object] | None = None
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(key, unit, coarse) of every key of every unit, each (key, unit) once, sorted by key then
    unit: equal keys are equal values, and ``coarse`` says whether the key is coarse (see
    ``_coarse_flags``).

    Keys are hashed over the cores when there are many units, and each (key, unit) is packed into
    one int64, the key's hash cut to the bits the unit and its coarseness leave (42 or more below a
    million units), so that one sort lays them all out (np.unique's numbering of the hashes took
    several times as long). Blocks do not depend on that order: the pairs come back sorted.
    ``meanwhile`` runs here while the workers hash (see ``parallel.fork_map``).
    """
    workers = default_workers() if len(records) >= _PARALLEL_UNITS else 1
    spans = even_spans(len(records), _KEY_CHUNK, workers)
    # Python's string hashing is shared by forked processes only: an engine's workers hash stably.
    stable = engine_active()
    parts = list(fork_map(_hashed_keys, (records, stable), spans, workers, meanwhile, forked_only=not stable))
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=bool)
    hashes, units, flags = (np.concatenate(column) for column in zip(*parts))
    unit_bits = max(len(records) - 1, 1).bit_length()
    hash_mask = np.int64((1 << (62 - unit_bits)) - 1)
    key = (hashes & hash_mask) << 1 | flags.astype(np.int64)
    # A unit can reach one key twice (two of its words share a skeleton): keep each (key, unit) once.
    packed = _sorted_unique(key << unit_bits | units)
    keys = packed >> unit_bits
    return keys, packed & ((1 << unit_bits) - 1), (keys & 1).astype(bool)


def _hashed_keys(shared: tuple[NameRecords, bool], span: tuple[int, int]
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The hash, unit and coarseness of every key of units start..stop-1 (a key a unit reaches twice,
    twice).

    Words repeat across names: each distinct word's keys are hashed once (``_hashed_word_keys``), and
    a unit's word keys are gathered from them with numpy, not key by key in Python. Forked workers
    share their parent's string hashing, so equal keys hash alike in every chunk; an engine's workers
    do not, and with ``stable`` (the second item of ``shared``) hash with ``_stable_hash``. Two keys
    sharing the bits of their hash that ``_unit_keys`` keeps would only join two blocks (more pairs; a
    coarse key and a precise one never share a block).
    """
    records, stable = shared
    hash_key = _stable_hash if stable else hash
    start, stop = span
    units = np.arange(start, stop, dtype=np.int64)
    whole_hashes: list[int] = []
    whole_coarse: list[bool] = []
    whole_counts = np.zeros(len(units), dtype=np.int64)
    word_ids: dict[str, int] = {}
    unit_words: list[int] = []  # the words of each unit, unit after unit
    word_counts = np.zeros(len(units), dtype=np.int64)
    for row, unit in enumerate(range(start, stop)):
        name = records.names[unit]
        if not name.tokens:
            continue
        whole = _whole_name_keys(records, unit)
        whole_hashes.extend(map(hash_key, whole))
        whole_coarse.extend(_coarse_flags(whole))
        whole_counts[row] = len(whole)
        words = name_words(name)
        unit_words.extend(word_ids.setdefault(word, len(word_ids)) for word in words)
        word_counts[row] = len(words)
    key_hashes: list[int] = []
    key_coarse: list[bool] = []
    key_counts = np.zeros(len(word_ids), dtype=np.int64)
    for word, w in word_ids.items():
        hashes, coarse = _hashed_word_keys(word, stable)
        key_hashes.extend(hashes)
        key_coarse.extend(coarse)
        key_counts[w] = len(hashes)
    # Each (unit, word) entry stands for the word's keys: key_first[w] .. key_first[w] + key_counts[w].
    entry_words = np.asarray(unit_words, dtype=np.int64)
    entry_units = np.repeat(units, word_counts)
    per_entry = key_counts[entry_words]
    key_first = np.cumsum(key_counts) - key_counts
    entry_first = np.cumsum(per_entry) - per_entry
    positions = np.repeat(key_first[entry_words] - entry_first, per_entry) + np.arange(int(per_entry.sum()))
    hashes = np.concatenate([np.asarray(whole_hashes, dtype=np.int64),
                             np.asarray(key_hashes, dtype=np.int64)[positions]])
    unit_ids = np.concatenate([np.repeat(units, whole_counts), np.repeat(entry_units, per_entry)])
    coarse = np.concatenate([np.asarray(whole_coarse, dtype=bool),
                             np.asarray(key_coarse, dtype=bool)[positions]])
    return hashes, unit_ids, coarse


def _nearest_in_block(records: NameRecords, members: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Each member paired with its k most similar members of an oversized block.

    Similarity is the Indel ratio of the sorted romanisation skeletons (rapidfuzz cdist, C++).
    Members are in sorted text order, and the search runs in half-overlapping windows, so the work
    grows linearly with the block, not quadratically.
    """
    step = _WINDOW // 2
    skeletons = [records.skeletons[u] for u in members.tolist()]
    lefts, rights = [], []
    for window, matrix in _window_scores(skeletons, step):
        window = members[window]
        np.fill_diagonal(matrix, -1.0)
        nearest = min(k, len(window) - 1)
        best = _most_similar(matrix, nearest)
        lefts.append(np.repeat(window, nearest))
        rights.append(window[best.ravel()])
    return np.concatenate(lefts), np.concatenate(rights)


def _most_similar(matrix: np.ndarray, k: int) -> np.ndarray:
    """Per row, the columns of its k highest scores (ties: the first column), best first; the
    matrix is overwritten. k passes of argmax: several times faster than argpartition for the few
    neighbours blocking keeps."""
    rows = np.arange(len(matrix))
    best = np.empty((len(matrix), k), dtype=np.int64)
    for rank in range(k):
        best[:, rank] = column = matrix.argmax(axis=1)
        matrix[rows, column] = -np.inf
    return best


def _window_scores(skeletons: list[str], step: int) -> Iterator[tuple[slice, np.ndarray]]:
    """(window, its similarity matrix) for windows of 2 * ``step`` names starting every ``step``.

    A window is two consecutive chunks of ``step`` names. The similarity is symmetric, so each chunk
    is scored against itself and against the next chunk once, and a window's matrix is put together
    from those blocks: half the scoring of scoring every window whole.
    """
    def scores(a: list[str], b: list[str]) -> np.ndarray:
        return process.cdist(
            a, b, scorer=Indel.normalized_similarity, dtype=np.float32, workers=thread_workers()
        )

    if len(skeletons) <= 2 * step:  # one window
        yield slice(0, len(skeletons)), scores(skeletons, skeletons)
        return
    chunk = skeletons[:step]
    within = scores(chunk, chunk)
    for start in range(0, len(skeletons) - step, step):
        following = skeletons[start + step : start + 2 * step]
        across, within_next = scores(chunk, following), scores(following, following)
        yield slice(start, start + 2 * step), np.block([[within, across], [across.T, within_next]])
        chunk, within = following, within_next


def _pack(left: np.ndarray, right: np.ndarray, n: int) -> np.ndarray:
    """Pairs as one int64 each, low * n + high: a third of the memory of the raw pairs until the
    duplicates (pairs sharing several keys) are gone."""
    return np.minimum(left, right) * n + np.maximum(left, right)


def _batches(blocks: list[tuple[int, int, int]], members: int) -> list[list[tuple[int, int, int]]]:
    """Consecutive blocks (start, size, neighbours) in batches of about ``members`` members each."""
    batches: list[list[tuple[int, int, int]]] = [[]]
    filled = 0
    for block in blocks:
        if filled >= members:
            batches.append([])
            filled = 0
        batches[-1].append(block)
        filled += block[1]
    return batches if blocks else []


def _nearest_pairs(shared, blocks: list[tuple[int, int, int]]) -> np.ndarray:
    """The nearest-neighbour pairs of a batch of oversized blocks, packed; in a worker process when
    there are many."""
    records, units, n = shared
    packed = []
    for start, size, k in blocks:
        members = units[start : start + size]  # unit ids follow sorted text order
        packed.append(_pack(*_nearest_in_block(records, members, k), n))
    return np.concatenate(packed)


def _transcription_pairs(records: NameRecords) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of a Latin name and one written in a script of ``TRANSCRIBED_SCRIPTS`` (Cyrillic, Greek,
    kana, hangul, Han, Arabic, Hebrew, Devanagari, Thai) one of whose readings has the
    ``comparison_key`` of one of the Latin name's spellings as a transcription into that script
    (Priscus and Приск as "prisk", Gentileschi and Джентилески as "dzhentileski", Taylor and テイラー
    as "teira"; :mod:`namerec.normalize.transcription`), or in kana, hangul and Han one edit from it
    (``_one_edit_pairs``), where a Latin place's spellings are also run together: no key of their own
    spellings may join them. Only in pools that hold both scripts."""
    names = records.names
    typed_place = records.typed_as_place
    by_script: dict[str, list[int]] = {}
    for unit, name in enumerate(names):
        if name.tokens:
            by_script.setdefault(name.script, []).append(unit)
    latin = by_script.get("latin", [])
    pairs: list[tuple[int, int]] = []
    for script in TRANSCRIBED_SCRIPTS:
        written: dict[str, list[int]] = {}
        for unit in by_script.get(script, ()):
            for reading in compared_readings(names[unit], script):
                if reading:
                    written.setdefault(comparison_key(reading, script), []).append(unit)
        if not written or not latin:
            continue
        # A spelling has a word for each word of the name it spells (no rule writes a space): only
        # Latin names as long as some reading can meet one, and only they are spelt.
        lengths = {key.count(" ") + 1 for key in written}
        spelt_units = [unit for unit in latin if len(names[unit].tokens) in lengths]
        # Katakana, hangul and Chinese characters write a place's name of several words as one
        # (サンルイスオビスポ, San Luis Obispo): a Latin place's spellings are also met run together.
        joined_units = ([unit for unit in latin if typed_place[unit] and len(names[unit].tokens) >= 2]
                        if script in SYLLABIC_SCRIPTS and 1 in lengths else [])
        workers = default_workers() if len(spelt_units) >= _PARALLEL_UNITS else 1
        spell_words((word for unit in (*spelt_units, *joined_units) for word in names[unit].tokens),
                    script, workers)
        spelt = partial(_latin_spellings, names, script, spelt_units, joined_units)
        pairs.extend((unit, other) for unit, keys in spelt() for key in keys
                     for other in written.get(key, ()))
        if script in SYLLABIC_SCRIPTS:
            pairs.extend(_one_edit_pairs(written, spelt()))
    if not pairs:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    left, right = (np.asarray(column, dtype=np.int64) for column in zip(*pairs))
    return np.minimum(left, right), np.maximum(left, right)


def _deletions(key: str) -> set[str]:
    """``key`` and ``key`` with any one letter deleted (of a key of four or more letters)."""
    if len(key) < 4:
        return {key}
    return {key, *(key[:i] + key[i + 1:] for i in range(len(key)))}


def _latin_spellings(names, script: str, spelt_units: list[int], joined_units: list[int]
                     ) -> Iterator[tuple[int, set[str]]]:
    """Each Latin unit with its spellings' keys in ``script`` (those of ``joined_units`` run together),
    one at a time: a million names' sets at once would cost hundreds of megabytes."""
    for unit in spelt_units:
        yield unit, _spelling_keys(names[unit].text, script)
    for unit in joined_units:
        yield unit, {key.replace(" ", "") for key in _spelling_keys(names[unit].text, script)}


def _spelling_keys(text: str, script: str) -> set[str]:
    """The ``comparison_key`` of each of a Latin name's spellings in ``script`` (the spellings
    themselves but for ``KEYED_SCRIPTS``)."""
    spellings = spellings_of(text, script)
    if script not in KEYED_SCRIPTS:
        return set(spellings)
    return {comparison_key(spelling, script) for spelling in spellings}


def _one_edit_pairs(written: dict[str, list[int]], spelt: Iterable[tuple[int, set[str]]]
                    ) -> Iterator[tuple[int, int]]:
    """Pairs of a Latin unit and a unit written in a syllabic script whose reading (a key of
    ``written``) is one edit (a letter added, dropped or changed) from one of the Latin unit's
    spellings (``spelt``: each unit with its spellings' keys), as SymSpell finds them: the
    two share a deletion key. Katakana, hangul and Chinese characters write a foreign name by ear,
    syllable by syllable, and no spelling rule foresees every vowel (Peter, ピーター "pita" against
    the spelling "peta"; Garcia, 加西亚 "gasiya" against "gasia"). A deletion key shared by more
    than ``_ONE_EDIT_BLOCK`` written units joins nothing."""
    near: dict[str, set[int]] = {}
    for key, units in written.items():
        for deleted in _deletions(key):
            near.setdefault(deleted, set()).update(units)
    near = {key: units for key, units in near.items() if len(units) <= _ONE_EDIT_BLOCK}
    # A spelling or a deletion of it begins with its first two letters, its second and third, or its
    # first and third: a spelling none of whose three meets the keys' beginnings has no key. In a
    # pool of many Latin names and a few written ones this spares nearly every spelling its deletions.
    beginnings = {key[:2] for key in near}
    for unit, keys in spelt:
        found: set[int] = set()
        for key in keys:
            if key[:2] in beginnings or key[1:3] in beginnings or key[:1] + key[2:3] in beginnings:
                for deleted in _deletions(key):
                    found.update(near.get(deleted, ()))
        yield from ((unit, other) for other in found)


def nickname_pairs(records: NameRecords, max_block_size: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of one-word given names (typed PERSON or untyped) that share a nickname group (Bill,
    William), for a list of given names (``Config.bare_nicknames``); a group with more than
    ``max_block_size`` such names (a name of many forms in a long list) gives none, as no key joins
    so many."""
    members: dict[int, list[int]] = {}
    for unit in np.flatnonzero(records.bare_given).tolist():
        for group in nickname_groups(records.texts[unit]):
            members.setdefault(group, []).append(unit)
    left: list[int] = []
    right: list[int] = []
    for units in members.values():
        if 2 <= len(units) <= max_block_size:
            for k, a in enumerate(units):
                left.extend([a] * (len(units) - k - 1))
                right.extend(units[k + 1:])
    return np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)


def candidate_pairs(
    records: NameRecords, *, max_block_size: int, bare_nicknames: bool = False,
    meanwhile: Callable[[], object] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Unit pairs (left < right, unique, sorted) that share at least one key, and pairs of a Latin
    name and one in another script that one of the former's transcriptions joins; with
    ``bare_nicknames``, also the ``nickname_pairs``. ``meanwhile``: work for this process to do while
    worker processes list the keys (``parallel.fork_map``)."""
    keys, units, coarse = _unit_keys(records, meanwhile)
    if not len(keys):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    boundaries = np.flatnonzero(np.diff(keys)) + 1
    starts = np.concatenate(([0], boundaries))
    sizes = np.diff(np.concatenate((starts, [len(keys)])))
    block_coarse = coarse[starts]
    caps = np.where(block_coarse, min(max_block_size, COARSE_BLOCK_SIZE), max_block_size)
    neighbours = np.where(block_coarse, COARSE_NEIGHBOURS, max(2, max_block_size // _NEIGHBOUR_SHARE))

    n = max(len(records), 1)
    pieces: list[np.ndarray] = []
    # Blocks of one size at a time: a (blocks x size) matrix of members and one triu pattern.
    whole = (sizes >= 2) & (sizes <= caps)
    for size in np.unique(sizes[whole]):
        block_starts = starts[whole & (sizes == size)]
        members = units[block_starts[:, None] + np.arange(size)]
        i, j = np.triu_indices(int(size), k=1)
        pieces.append(_pack(members[:, i].ravel(), members[:, j].ravel(), n))
    big = sizes > caps
    oversized = list(zip(starts[big].tolist(), sizes[big].tolist(), neighbours[big].tolist()))
    searched = sum(size for _, size, _ in oversized)
    workers = default_workers() if searched >= _PARALLEL_MEMBERS else 1
    shared = (records, units, n)
    pieces.extend(fork_map(_nearest_pairs, shared, _batches(oversized, searched // 32 + 1), workers))
    pieces.append(_pack(*_transcription_pairs(records), n))
    if bare_nicknames:
        pieces.append(_pack(*nickname_pairs(records, max_block_size), n))
    if not pieces:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    packed = np.concatenate(pieces)
    del pieces
    packed = _sorted_unique(packed)
    return packed // n, packed % n
