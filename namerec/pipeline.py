"""The reconciliation pipeline: validate -> normalise -> block -> score -> cluster -> canonicalise.

Each stage is a function of (config, plain arrays); this module only composes them and knows
nothing about engines. Rows are first reduced to *units*, one per distinct (normalised text, type):
identical spellings are scored once and always share an entity. Units are numbered in sorted order,
which makes every later tie-break independent of the order of the input.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from functools import cached_property, partial

import numpy as np

from .blocking import candidate_pairs, name_words
from .bridges import bridged_pairs, nickname_bridges, with_bridges
from .canonical import choose_canonical
from .chinese_places import different_chinese_places
from .cluster import cluster_units
from .config import Config
from .entity_types import LOC, canonical_type
from .equivalents import place_forms, reads_as_place_list
from .errors import InputError
from .given_names import nickname_groups
from .member_confidence import calibrated_member_confidence
from .models import Entity, Member, Reconciliation
from .normalize import NormalizedName, normalize_name
from .parallel import default_workers, even_spans, fork_map
from .patronymics import patronymic_conflicts
from .phonetic import code_words
from .progress import progress
from .records import NameRecords
from .relatives import relatives
from .scoring.features import FEATURES, last_words_clearly_differ, pair_features
from .scoring.model import MatchModel, model_for
from .scoring.priors import nickname_prior
from .scoring.readings import UnitReadings, best_readings
from .two_people import (
    CEILING_REASONS,
    at_most_two_people,
    bare_gendered_forms,
    different_generations,
    opposite_genders,
    shared_among_generations,
    slavic_family_forms,
)

_SCORE_CHUNK = 200_000
_NORMALIZE_CHUNK = 10_000
# Entities per chunk whose ids and canonical names are worked out over the cores.
_ENTITY_CHUNK = 10_000
# Distinct names from which normalisation (and the words' phonetic codes, and building the entities) is
# spread over the cores. With this and ``_PARALLEL_PAIRS`` lowered (from 50,000 names and 1,000,000
# pairs), 50,000 names of the speed input took 10.0-11.3 s instead of 13.8-14.4 s, and 20,000 names
# 5.0-5.2 s instead of 5.5-5.8 s, on 2 cores (in-process, three and two runs each; the same result).
_PARALLEL_NAMES = 20_000
_NAME_FIELDS = tuple(field.name for field in fields(NormalizedName))
# Candidate pairs from which scoring is spread over the cores (about 20,000 names' worth): below
# this, starting the worker processes would cost about as much as it saves.
_PARALLEL_PAIRS = 200_000
_GIVEN_CONFLICT = FEATURES.index("given_conflict")
_GENDERED_GIVEN = FEATURES.index("gendered_given")
# The two flags of a pair's best reading that clustering reads besides its probability.
_FLAGS = [_GIVEN_CONFLICT, _GENDERED_GIVEN]
# Flags kept per pair: those two, and whether its last words clearly differ (``at_most_two_people``).
_FLAG_COUNT = len(_FLAGS) + 1
# A given-name conflict vetoes a merge only when the model is this sure the names differ
# (measured on a train-split pool: a veto at p < 0.5 cost 6 points of pairwise F1, at 0.02 none).
_VETO_BELOW = 0.02


def clean_names(names: Sequence[object]) -> list[str]:
    """Input names as strings; None and NaN become "" (a blank name), other non-strings are errors."""
    if isinstance(names, (str, bytes)):
        raise InputError("names must be a list of strings, not a single string")
    cleaned: list[str] = []
    for index, name in enumerate(names):
        if isinstance(name, str):
            cleaned.append(name)
        elif name is None or (isinstance(name, float) and math.isnan(name)):
            cleaned.append("")
        else:
            raise InputError(
                f"names[{index}] is {type(name).__name__} ({name!r:.40}), not a string; "
                "convert it (or pass None for a missing name)"
            )
    return cleaned


def clean_types(types: Sequence[object] | None, count: int) -> list[str]:
    if types is None:
        return [""] * count
    if isinstance(types, (str, bytes)):
        raise InputError("types must be a list with one type per name, not a single string")
    types = list(types)
    if len(types) != count:
        raise InputError(
            f"types has {len(types)} entries but there are {count} names; give one type per name"
        )
    return [canonical_type(t) for t in types]


def type_compatibility(types: Sequence[str], left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per pair: True unless both types are known and differ (compared case-insensitively)."""
    folded = sorted({t.casefold() for t in types if t})
    code = {t: i + 1 for i, t in enumerate(folded)}
    ids = np.fromiter((code.get(t.casefold(), 0) for t in types), dtype=np.int64, count=len(types))
    a, b = ids[left], ids[right]
    return (a == 0) | (b == 0) | (a == b)


@dataclass
class ScoredUnits:
    """Units of a pool, their candidate pairs and match probabilities."""

    records: NameRecords
    row_units: np.ndarray  # unit per row, -1 for a name with nothing left after normalisation
    left: np.ndarray
    right: np.ndarray
    given_conflict: np.ndarray  # bool per pair: the given_conflict feature of its best reading
    gendered_given: np.ndarray  # bool per pair: the gendered_given feature of its best reading
    probability: np.ndarray
    # The whole feature matrix, kept only when no model scores the pairs (training); a pool of a
    # million names has tens of millions of pairs, and the clustering needs only the two arrays above.
    features: np.ndarray | None = None


def score_units(
    names: list[str], types: list[str], config: Config, model: MatchModel | None
) -> ScoredUnits:
    """Normalise, deduplicate, block and score: everything before clustering.

    With ``model=None`` only the features are computed (probabilities stay 0), for training.
    Pairs found by blocking are scored in the pool context (``MatchModel.in_pools``; pairs of two
    names typed as places by its scaling for places), each on its best reading (see readings.py).
    """
    show = config.progress
    models = (model.in_pools(), model.in_pools(places=True)) if model is not None else None
    keys = sorted(set(zip(names, types)))
    normalized = dict(zip(keys, _normalize_all(keys, config.cyrillic_language, show)))
    if untyped_read_as_places(config.untyped_places, normalized):
        # Untyped names are matched as places (typed LOC), normalised as such; the caller reports
        # the types given.
        types = [t or LOC for t in types]
        keys = sorted(set(zip(names, types)))
        retyped = [key for key in keys if key not in normalized]
        normalized.update(zip(retyped, _normalize_all(retyped, config.cyrillic_language, show)))
        normalized = {key: normalized[key] for key in keys}
    # A unit is a distinct normalised text of a type and a generation (John Smith Jr., John Smith Sr.).
    unit_keys = sorted({(n.text, t, n.generation) for (_, t), n in normalized.items() if n.text})
    unit_index = {key: u for u, key in enumerate(unit_keys)}
    representative: dict[tuple[str, str, str], NormalizedName] = {}
    for (_, t), n in sorted(normalized.items()):
        representative.setdefault((n.text, t, n.generation), n)
    unit_names = [representative[k] for k in unit_keys]
    if len(unit_names) >= _PARALLEL_NAMES:
        # Over the cores now, rather than word by word in the records, blocking keys and readings.
        code_words((word for name in unit_names for word in name_words(name)), default_workers())
    records = NameRecords.build(unit_names, [t for _, t, _ in unit_keys])
    row_units = np.fromiter(
        (unit_index.get((name.text, t, name.generation), -1)
         for name, t in ((normalized[(n, t)], t) for n, t in zip(names, types))),
        dtype=np.int64, count=len(names),
    )

    join_nicknames = joins_bare_nicknames(config.bare_nicknames, records)
    units = UnitReadings(records)
    left, right = candidate_pairs(
        records, max_block_size=config.max_block_size, bare_nicknames=join_nicknames,
        meanwhile=partial(_work_out_facts, records, units) if models is not None else None)
    keep = type_compatibility(records.types, left, right)
    left, right = left[keep], right[keep]
    features = np.zeros((len(left), len(FEATURES)), dtype=np.float32) if models is None else None
    flags = np.zeros((len(left), _FLAG_COUNT), dtype=bool)
    probability = np.zeros(len(left))
    workers = default_workers() if len(left) >= _PARALLEL_PAIRS else 1
    spans = even_spans(len(left), _SCORE_CHUNK, workers)
    shared = (records, units, left, right, models, records.typed_as_place)
    scored = fork_map(_score_chunk, shared, spans, workers)
    with progress(total=len(left), desc="scoring pairs", enabled=show) as bar:
        for (start, stop), (chunk_flags, chunk_probability, chunk) in zip(spans, scored):
            flags[start:stop] = chunk_flags
            if features is not None:
                features[start:stop] = chunk
            else:
                probability[start:stop] = chunk_probability
            bar.update(stop - start)
    if models is not None:
        # Two fathers' names, two generations, or a clearly different last word: two people.
        at_most_two_people(records, left, right, probability,
                           flags[:, 2] if config.scorer is None else None)
        shared_among_generations(records, left, right, probability)
    if join_nicknames and models is not None:
        # A list of given names: names the lexicons make one name are one name, nicknames of one name
        # too (Bill and Will; on Ancestry's train split 873 of 934 such pairs are matches).
        nicknames = nickname_prior(records, left, right, probability, listed_only=False)
        # Two names one name stands for (Bill and Liam, both William's): at least the Fréchet bound.
        left, right, probability, flags = _bridged(
            records, left, right, probability, flags, nickname_bridges(records, left, right, probability,
                                                                       nicknames))
    if models is not None:
        # Two transcriptions of one Latin name into two other scripts (テイラー, 테일러 of Taylor).
        left, right, probability, flags = _bridged(
            records, left, right, probability, flags, bridged_pairs(records, left, right, probability))
    return ScoredUnits(records, row_units, left, right, flags[:, 0], flags[:, 1], probability, features)


def untyped_read_as_places(mode: str, normalized: dict[tuple[str, str], NormalizedName]) -> bool:
    """Are the untyped names of a pool (``normalized``: (name, type) -> its normalisation) to be
    matched as places? ``Config.untyped_places``: "always", "never", or "auto": when they read as a
    list of places (``equivalents.reads_as_place_list``)."""
    if mode == "never":
        return False
    untyped = [name for (_, entity_type), name in normalized.items() if not entity_type]
    return bool(untyped) and (mode == "always" or reads_as_place_list(untyped))


def _work_out_facts(*holders: object) -> None:
    """Work out here every cached fact of ``holders`` (the pool's records and readings), which every
    scoring worker reads: each worker would otherwise work them all out for itself after the fork
    (0.7 s each at 100,000 names). Done while blocking's workers run, it costs this process's idle
    time instead (``parallel.fork_map``'s ``meanwhile``)."""
    for holder in holders:
        for name, value in vars(type(holder)).items():
            if isinstance(value, cached_property):
                getattr(holder, name)


def _bridged(records: NameRecords, left, right, probability, flags, bridges):
    """The pairs with ``bridges`` (low, high, bound) of compatible types merged in (``with_bridges``)."""
    low, high, bound = bridges
    keep = type_compatibility(records.types, low, high)
    return with_bridges(len(records), left, right, probability, flags, (low[keep], high[keep], bound[keep]))


def joins_bare_nicknames(mode: str, records: NameRecords) -> bool:
    """Are one-word given names that the lexicons make one name (Bill, William) joined in this pool?

    ``"auto"`` reads the pool as a list of given names, where they are one name, when most of its
    names are one word, typed PERSON or untyped (``NameRecords.bare_given``, the names the nickname
    pairs are drawn from), and most of those (as read, in any script: "Саша" is "sasha") are known
    given names or nicknames. In a list of people (splink_historical50k: 13% of its names
    one word) or of name parts and their transcriptions (wikidata_ru_translit: 2-8% of its words in
    pools of 200 entities known given names) a bare "Bill" and a bare "William" are as often two
    people as one, and stay apart.
    """
    if mode != "auto":
        return mode == "join"
    single = np.flatnonzero(records.bare_given).tolist()
    if 2 * len(single) <= len(records):
        return False
    known = sum(bool(nickname_groups(records.texts[u])) for u in single)
    return 2 * known > len(single)


def _normalize_all(keys: list[tuple[str, str]], language: str, show: bool | None) -> list[NormalizedName]:
    """The normalised (name, type) keys, in order; over the cores when there are many."""
    workers = default_workers() if len(keys) >= _PARALLEL_NAMES else 1
    chunks = [keys[start : start + _NORMALIZE_CHUNK] for start in range(0, len(keys), _NORMALIZE_CHUNK)]
    out: list[NormalizedName] = []
    with progress(total=len(keys), desc="normalising", enabled=show) as bar:
        for part in fork_map(_normalize_chunk, language, chunks, workers):
            out.extend(NormalizedName(*f) for f in part)
            bar.update(len(part))
    return out


def _normalize_chunk(language: str, keys: list[tuple[str, str]]) -> list[tuple]:
    """The fields of each key's NormalizedName: plain tuples pickle several times faster."""
    names = (normalize_name(name, type_, cyrillic_language=language) for name, type_ in keys)
    return [tuple(getattr(n, field) for field in _NAME_FIELDS) for n in names]


def _pair_flags(features: np.ndarray) -> np.ndarray:
    """The flags kept of each pair's best reading (``_FLAG_COUNT`` columns)."""
    return np.column_stack([features[:, _FLAGS] > 0.5, last_words_clearly_differ(features)])


def _score_chunk(shared, span: tuple[int, int]):
    """(flags, probability, features) of one chunk of pairs, in a worker process when there
    are many. The features come back only without models (training), the probability (of each
    pair's best reading) only with them: a worker sends back small arrays. ``models``: the pool
    model, and the one for pairs of two names typed as places."""
    records, units, left, right, models, typed_place = shared
    start, stop = span
    chunk_left, chunk_right = left[start:stop], right[start:stop]
    chunk = pair_features(records, chunk_left, chunk_right)
    if models is None:
        return _pair_flags(chunk), None, chunk
    pool_model, place_model = models
    places = typed_place[chunk_left] & typed_place[chunk_right]
    if place_model is pool_model or not places.any():
        probability = pool_model.predict(chunk)
        best_readings(records, chunk_left, chunk_right, chunk, probability, pool_model, units)
        return _pair_flags(chunk), probability, None
    probability = np.zeros(len(chunk))
    for rows, model in ((np.flatnonzero(~places), pool_model), (np.flatnonzero(places), place_model)):
        if len(rows) == 0:
            continue
        # Each pair's best reading depends on that pair alone: the two kinds are read apart.
        features, kind_probability = chunk[rows], model.predict(chunk[rows])
        best_readings(records, chunk_left[rows], chunk_right[rows], features, kind_probability, model, units)
        chunk[rows], probability[rows] = features, kind_probability
    return _pair_flags(chunk), probability, None


def features_for_pairs(pairs, types, config: Config):
    """Features of explicit (a, b) pairs: (features, usable, records, left, right).

    ``usable`` is False where a name is blank or the two user-supplied types differ; such pairs
    score 0 whatever their features.
    """
    pairs = list(pairs)
    for k, pair in enumerate(pairs):
        if isinstance(pair, (str, bytes)) or not isinstance(pair, Sequence) or len(pair) != 2:
            raise InputError(f"pairs[{k}] must be a pair of names (a, b), got {pair!r:.60}")
    flat = clean_names([name for pair in pairs for name in pair])
    if types is None:
        flat_types = [""] * len(flat)
    else:
        types = list(types)
        if len(types) != len(pairs):
            raise InputError(
                f"types has {len(types)} entries for {len(pairs)} pairs; give one (type, type) per pair"
            )
        flat_types = [canonical_type(t) for pair in types for t in pair]
    normalized = {
        key: normalize_name(key[0], key[1], cyrillic_language=config.cyrillic_language)
        for key in sorted(set(zip(flat, flat_types)))
    }
    keys = list(normalized)
    index = {key: i for i, key in enumerate(keys)}
    records = NameRecords.build([normalized[k] for k in keys], [k[1] for k in keys])
    units = np.fromiter((index[key] for key in zip(flat, flat_types)), dtype=np.int64, count=len(flat))
    left, right = units[0::2], units[1::2]
    features = pair_features(records, left, right)
    has_text = np.fromiter((bool(t) for t in records.texts), dtype=bool, count=len(records))
    usable = type_compatibility(records.types, left, right) & has_text[left] & has_text[right]
    return features, usable, records, left, right


def score_pairs(pairs, types, config: Config, model: MatchModel):
    """Probabilities of explicit (a, b) pairs, each scored on its best reading (see readings.py);
    with the shipped weights, a nickname listed for a one-word given name scores at least a prior
    (see priors.py).

    Returns (probability, features, forms, lowered): ``forms[k]`` are the two normalised texts pair k
    was scored on, ``lowered[k]`` the rule that capped its probability (``two_people.CEILING_REASONS``,
    "" for none). Blank names and pairs of different user-supplied types score 0.
    """
    features, usable, records, left, right = features_for_pairs(pairs, types, config)
    probability = model.predict(features) if len(features) else np.zeros(0)
    reread = best_readings(records, left, right, features, probability, model)
    shipped = config.scorer is None  # weights fitted or calibrated on the user's pairs speak for their data
    if shipped:
        nickname_prior(records, left, right, probability)
    reasons = at_most_two_people(records, left, right, probability,
                                 last_words_clearly_differ(features) if shipped else None)
    forms = [reread.get(k, (records.texts[a], records.texts[b]))
             for k, (a, b) in enumerate(zip(left.tolist(), right.tolist()))]
    lowered = [CEILING_REASONS[r] for r in reasons.tolist()]
    return np.where(usable, probability, 0.0), features, forms, lowered


def cannot_link(scored: ScoredUnits) -> np.ndarray:
    """Pairs whose clusters must never merge: clearly different given names the model also rejects,
    and a man and a woman of one family: first names that are a man's and a woman's form of one name
    (the ``gendered_given`` feature: Alexander / Alexandra, Robert / Roberta; not Andre / Andrea),
    or a Slavic family name's two forms (``slavic_family_forms``); two clearly different
    patronymics (``patronymics.patronymic_conflicts``: two fathers); two Korean or Chinese names
    of one family with clearly different given names (``relatives``: Kim Jong-il, Kim Jong-un); and
    two Chinese places a syllable apart (``chinese_places``: 河北 Hebei, 湖北 Hubei). These veto
    whatever the probability: a nickname of both ("Sasha") or the family name could otherwise join
    the clusters, and on four train-split splink pools 224 of 225 candidate pairs with such first
    names were two people (the one that was not: "adam" / "adama", a typo).

    The given-name conflict alone is not enough (Ian and John Byrom can be one man, and the model
    may know it); with a probability the model is sure of (below 2%) it vetoes the merge of the
    two whole clusters, which keeps Max and Ingrid Bergman apart whatever else links them.
    Organisation names may differ in their first word without conflict.
    """
    person_like = scored.records.kinds != 2
    return (
        ((scored.given_conflict & (scored.probability < _VETO_BELOW))
         | scored.gendered_given
         | slavic_family_forms(scored.records, scored.left, scored.right)
         | bare_gendered_forms(scored.records, scored.left, scored.right)
         | opposite_genders(scored.records, scored.left, scored.right)
         | different_generations(scored.records, scored.left, scored.right)
         | patronymic_conflicts(scored.records, scored.left, scored.right)
         | relatives(scored.records, scored.left, scored.right))
        & person_like[scored.left]
        & person_like[scored.right]
    ) | different_chinese_places(scored.records, scored.left, scored.right)


def entity_id(member_keys: Sequence[str]) -> str:
    """A short id from an entity's sorted distinct member keys: the same members, the same id."""
    digest = hashlib.sha1("\n".join(sorted(set(member_keys))).encode("utf-8")).hexdigest()
    return "e" + digest[:15]


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector (reference counting still frees memory as usual).

    The pipeline allocates millions of long-lived tuples, lists and dicts but makes no reference
    cycles; the collector would rescan them all again and again (about 5 s of a 100k-name run).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def reconcile(
    names: Sequence[object], /, *, types: Sequence[object] | None = None, config: Config | None = None,
    model: MatchModel | None = None,
) -> Reconciliation:
    """Reconcile a list of names into entities. See :func:`namerec.reconcile`."""
    with cyclic_gc_paused():
        return _reconcile(names, types, config or Config(), model)


def _reconcile(names, types, config: Config, model: MatchModel | None) -> Reconciliation:
    model = model or model_for(config.scorer)
    clean = clean_names(names)
    kinds = clean_types(types, len(clean))
    scored = score_units(clean, kinds, config, model)
    records = scored.records
    cannot = cannot_link(scored)
    # At most one merge per unit but one: the bar's total is an upper bound, filled at the end.
    with progress(total=len(records), desc="clustering", enabled=config.progress) as bar:
        clusters = cluster_units(
            len(records), scored.left, scored.right, scored.probability,
            single_word=records.token_counts == 1,
            cannot_link=cannot,
            type_keys=[t.casefold() for t in records.types],
            threshold=config.match_threshold,
            one_word_threshold=config.one_word_threshold,
            attach_partial=config.partial_names == "attach_unique",
            on_merge=bar.update,
            personal=records.personal,
            organisation=records.kinds == 2,
            lone_word_in=lone_word_in(records, scored.left, scored.right),
            place_word_among=place_word_among(records, scored.left, scored.right),
            scripts=records.script_ids,
            latin_script=records.script_id("latin"),
            place=records.typed_as_place,
        )
        bar.update(len(records) - bar.n)
    confidence = clusters.confidence
    if config.scorer is None:  # the map is fitted for the shipped weights
        confidence = calibrated_member_confidence(clusters.labels, confidence)
    return _assemble(clean, kinds, scored, clusters.labels, confidence, config.progress)


def _lone_and_longer(records: NameRecords, left: np.ndarray, right: np.ndarray,
                     among: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs (rows) of a one-word name and a longer one, with ``among`` true (all if None): their
    rows, the one-word unit and the longer unit of each."""
    counts = records.token_counts
    mixed = (counts[left] == 1) != (counts[right] == 1)
    rows = np.flatnonzero(mixed if among is None else mixed & among)
    lone_left = counts[left[rows]] == 1
    lone, other = np.where(lone_left, left[rows], right[rows]), np.where(lone_left, right[rows], left[rows])
    return rows, lone, other


def lone_word_in(records: NameRecords, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per pair: is one name a single word that is, as written, the other name's last word (a
    person's family name)?"""
    out = np.zeros(len(left), dtype=bool)
    rows, lone, other = _lone_and_longer(records, left, right)
    strings = records.token_string_array
    word = strings[records.token_ids[records.offsets[lone]]]
    last = strings[records.token_ids[records.offsets[other + 1] - 1]]
    out[rows] = word == last
    return out


def place_word_among(records: NameRecords, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per pair of two names typed as places: is one a single word that is, as written, one of the
    other's words (Guangdong, Guangdong Province)?"""
    out = np.zeros(len(left), dtype=bool)
    place = records.typed_as_place
    rows, lone, other = _lone_and_longer(records, left, right, among=place[left] & place[right])
    strings = records.token_string_array
    # Each word of each longer name, beside its pair's lone word.
    widths = records.token_counts[other]
    pair_of_word = np.repeat(np.arange(len(rows)), widths)
    first_word = np.repeat(records.offsets[other], widths)
    within = np.arange(len(pair_of_word)) - np.repeat(np.cumsum(widths) - widths, widths)
    lone_word = strings[records.token_ids[records.offsets[lone]]]
    same = strings[records.token_ids[first_word + within]] == lone_word[pair_of_word]
    out[rows] = np.bincount(pair_of_word[same], minlength=len(rows)) > 0
    return out


def _assemble(names, types, scored: ScoredUnits, unit_labels, unit_confidence,
              show_progress: bool | None = False) -> Reconciliation:
    records = scored.records
    # Plain lists: indexing numpy arrays one element at a time is slow in these per-row loops.
    row_units = scored.row_units.tolist()
    cluster_of_unit = np.asarray(unit_labels).tolist()
    rounded_confidence = [_round(c) for c in np.asarray(unit_confidence, dtype=np.float64).tolist()]
    rows_of: dict[int, list[int]] = defaultdict(list)
    blank_rows: list[int] = []
    for row, unit in enumerate(row_units):
        if unit < 0:
            blank_rows.append(row)
        else:
            rows_of[cluster_of_unit[unit]].append(row)

    labels = [""] * len(names)
    entities: list[Entity] = []
    clusters = list(rows_of.values())
    workers = default_workers() if len(names) >= _PARALLEL_NAMES else 1
    spans = even_spans(len(clusters), _ENTITY_CHUNK, workers)
    named = itertools.chain.from_iterable(
        fork_map(_identify, (names, records, row_units, clusters), spans, workers))
    for rows, (ident, canonical, reason) in progress(zip(clusters, named), total=len(clusters),
                                                     desc="building entities", enabled=show_progress):
        # Plain construction: pydantic-core's validation of three scalar fields is faster than
        # model_construct's Python path.
        members = [Member(index=r, name=names[r], confidence=rounded_confidence[row_units[r]]) for r in rows]
        for r in rows:
            labels[r] = ident
        entities.append(Entity(
            id=ident, canonical=canonical, type=_entity_type([types[r] for r in rows]),
            confidence=_round(sum(m.confidence for m in members) / len(members)),
            members=members, canonical_reason=reason,
        ))
    # A name with nothing left after normalisation (blank, symbols only) is an entity of its own;
    # identical strings are told apart by their occurrence number, which keeps ids order-free.
    seen: Counter[str] = Counter()
    for row in blank_rows:
        seen[names[row]] += 1
        ident = entity_id([f"blank\x1f{names[row]}\x1f{seen[names[row]]}"])
        labels[row] = ident
        entities.append(Entity(
            id=ident, canonical=names[row], type=types[row], confidence=1.0,
            members=[Member(index=row, name=names[row], confidence=1.0)],
            canonical_reason="nothing to match after normalisation: kept on its own",
        ))
    entities.sort(key=lambda e: e.members[0].index)
    return Reconciliation.model_construct(labels=labels, entities=entities)


def _identify(shared, span: tuple[int, int]) -> list[tuple[str, str, str]]:
    """(id, canonical, reason) of the clusters start..stop-1 (lists of rows), in a worker process
    when there are many: choosing canonical names is most of the work of building entities."""
    names, records, row_units, clusters = shared
    out = []
    for rows in clusters[span[0]:span[1]]:
        units = sorted({row_units[r] for r in rows})
        ident = entity_id([_unit_key(records, u) for u in units])
        if len(rows) == 1:
            canonical, reason = names[rows[0]], "the only form"
        else:
            canonical, reason = choose_canonical(
                [names[r] for r in rows], [records.names[row_units[r]] for r in rows],
                _place_name(records, [row_units[r] for r in rows]),
            )
        out.append((ident, canonical, reason))
    return out


def _place_name(records: NameRecords, units: list[int]) -> str | None:
    """The own name (normalised) of the known place that more than half of these distinct units
    are wholly a form of, where place equivalence applies to them; None if there is none (a person
    "Chad Smith" with a bare "Chad" beside him is no country)."""
    distinct = set(units)
    groups = Counter(records.whole_places[u] for u in distinct)
    groups.pop(None, None)
    group, count = min(groups.items(), key=lambda item: (-item[1], item[0]), default=(None, 0))
    return place_forms(group, written=False)[0] if 2 * count > len(distinct) else None


def _unit_key(records: NameRecords, unit: int) -> str:
    """What makes a unit itself, for entity ids: its type and text, and its generation if any."""
    generation = records.names[unit].generation
    key = f"{records.types[unit]}\x1f{records.texts[unit]}"
    return f"{key}\x1f{generation}" if generation else key


def _entity_type(types: Sequence[str]) -> str:
    """The most frequent known type of an entity's rows (ties: the smallest), "" when none is known."""
    distinct = set(types)
    if len(distinct) == 1:  # the usual case, all rows of one type or all untyped: no counting
        return distinct.pop()
    known = Counter(filter(None, types))
    if not known:
        return ""
    return min(known, key=lambda t: (-known[t], t))


def _round(value: float) -> float:
    return round(float(value), 4)
