"""Pair features, computed for many candidate pairs at once.

Every feature is a float in [0, 1] and symmetric in the two names. Whole-string measures run in
rapidfuzz's C++ (``process.cpdist``); token-level measures flatten the token grid of every pair into
one array, score each distinct token pair once, and reduce per row, column and pair with numpy.

Token similarity is "hybrid" Jaro-Winkler (research.md, section 1): the Jaro-Winkler similarity of
two tokens, lowered by 0.2 unless the tokens share a phonetic code, a transliteration skeleton or a
nickname group. An initial ("j") is compatible with any token starting with its letter.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, JaroWinkler, Levenshtein, Postfix, Prefix

from ..equivalents import place_key
from ..parallel import thread_workers
from ..records import NameRecords

FEATURE_DESCRIPTIONS: dict[str, str] = {
    "indel": "whole-name edit similarity (Indel ratio)",
    "jaro_winkler": "whole-name Jaro-Winkler similarity",
    "levenshtein": "whole-name Levenshtein similarity",
    "affixes": "length of the shared beginning and ending of the names",
    "token_sort": "edit similarity with the words sorted (word order ignored)",
    "token_set": "edit similarity of the shared and differing words",
    "skeleton": "edit similarity of the romanisation skeletons (ts/z, y/i, w/v, -ov/-off folded)",
    "me_short": "how well each word of the shorter name finds a counterpart (Monge-Elkan, rarity-weighted)",
    "me_long": "how well each word of the longer name finds a counterpart (coverage, rarity-weighted)",
    "weighted_me": "word alignment weighted by how rare each word is, the weaker direction",
    "exact_coverage": "rarity-weighted share of words with a near-exact counterpart, the weaker direction",
    "phonetic_share": "share of the shorter name's words with a matching phonetic code",
    "dm_share": "share of the shorter name's words with a matching Daitch-Mokotoff code",
    "metaphone_share": "share of the shorter name's words with a matching Double Metaphone code",
    "soundex_share": "share of the shorter name's words with the same Soundex code",
    "first_sim": "similarity of the first words (usually given names)",
    "last_sim": "similarity of the last words (usually surnames)",
    "given_conflict": "same surname but clearly different given names",
    "gendered_given": "the first names are a man's and a woman's form of one name (Robert, Roberta)",
    "nickname": "first names are nickname-equivalent (Bill ~ William)",
    "known_given": "share of two one-word names that are known given names",
    "initials": "an initial in one name stands for a word of the other",
    "partial": "one name is a single word and the other is longer (partial mention)",
    "token_diff": "difference in the number of words",
    "rare_match": "rarity of the rarest word the names share",
    "digits_mismatch": "both names contain numbers and the numbers differ",
    "acronym": "one name is the acronym of the other",
    "short": "the shorter name has at most 4 letters, so string similarity says little",
    "cross_script": "the names were written in different scripts",
    # Across scripts a shared skeleton means a transliteration explains every difference; in one
    # script it often joins look-alike names (Janina, Jeanine). On train-split wikidata pools,
    # one-word pairs with equal skeletons were the same entity 85% of the time across scripts and
    # 44% within one, which one skeleton weight cannot express.
    "script_skeleton": "edit similarity of the romanisation skeletons of names written in different scripts",
    # Look-alike places are different places (Austria, Australia; Niger, Nigeria): string similarity
    # cannot tell them from a typo, the place lexicon can.
    "different_places": "the names are forms of two different known places, or two organisations' "
                        "names that name different places",
    "single_words": "both names are a single word",
    "organisation": "at least one name is an organisation",
}
FEATURES: tuple[str, ...] = tuple(FEATURE_DESCRIPTIONS)

_DISTINCT_PENALTY = 0.2  # hybrid JW: subtracted when two tokens share no phonetic evidence
_INITIAL_SIMILARITY = 0.8
# Below this Jaro-Winkler similarity a known name's rarer spelling counts as the name for nicknames.
_SPELT_NICKNAME_BELOW = 0.85
# First words this dissimilar (hybrid JW) are different given names; a typo stays above it.
_CONFLICT_BELOW = 0.45


@dataclass
class _TokenGrid:
    """The flattened token grid of every pair: element e is (pair, row r of a, column c of b)."""

    pair: np.ndarray
    starts: np.ndarray  # first element of each pair
    na: np.ndarray
    nb: np.ndarray
    tok_a: np.ndarray
    tok_b: np.ndarray


def _grid(records: NameRecords, left: np.ndarray, right: np.ndarray) -> _TokenGrid:
    counts = records.token_counts
    na, nb = counts[left], counts[right]
    sizes = na * nb
    starts = np.cumsum(sizes) - sizes
    pair = np.repeat(np.arange(len(left)), sizes)
    within = np.arange(int(sizes.sum())) - starts[pair]
    row, col = within // nb[pair], within % nb[pair]
    tok_a = records.token_ids[records.offsets[left][pair] + row]
    tok_b = records.token_ids[records.offsets[right][pair] + col]
    return _TokenGrid(pair, starts, na, nb, tok_a, tok_b)


@dataclass
class TokenPairs:
    """Per element of the token grid: hybrid similarity and agreement flags."""

    hybrid: np.ndarray
    phonetic: np.ndarray  # any phonetic code or the skeleton agrees
    dm: np.ndarray
    metaphone: np.ndarray
    soundex: np.ndarray
    nickname: np.ndarray
    initial: np.ndarray


def _one_name(groups: np.ndarray, ua: np.ndarray, ub: np.ndarray) -> np.ndarray:
    """Per token pair: do the two share a group of ``groups`` (most tokens have none)?"""
    both_named = (groups[ua, 0] >= 0) & (groups[ub, 0] >= 0) & (ua != ub)
    out = np.zeros(len(ua), dtype=bool)
    out[both_named] = _any_shared(groups[ua[both_named]], groups[ub[both_named]])
    return out


def _any_shared(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-wise: do two -1-padded code arrays share a code?

    One column of each at a time: comparing flat arrays costs a fraction of broadcasting all
    columns against all (a rows x width x width array, then reduced).
    """
    shared = np.zeros(len(a), dtype=bool)
    for i in range(a.shape[1]):
        code = np.ascontiguousarray(a[:, i])
        found = np.zeros(len(a), dtype=bool)
        for j in range(b.shape[1]):
            found |= code == b[:, j]
        shared |= found & (code >= 0)
    return shared


def _token_similarity(records: NameRecords, tok_a: np.ndarray, tok_b: np.ndarray,
                      spelt: np.ndarray | None = None) -> TokenPairs:
    """Hybrid similarity, phonetic agreement, nickname and initial flags for token pairs.

    ``spelt`` (per token pair, default none): a rarer spelling of a known name may count as the name
    for nicknames (``given_names.spelling_groups``). The features allow it between two names of two or
    more words only: a one-word name is as often a surname or another name's transcription (Mayor,
    Mayer; Mireya, Maria on wikidata_ru_translit, whose whole train split lost 0.002 of pairwise F1
    with it there).
    """
    n_tokens = max(len(records.tokens.strings), 1)
    key = tok_a.astype(np.int64) * n_tokens + tok_b
    unique, inverse = np.unique(key, return_inverse=True)
    ua, ub = unique // n_tokens, unique % n_tokens
    strings = records.token_string_array
    jw = process.cpdist(
        strings[ua].tolist(), strings[ub].tolist(),
        scorer=JaroWinkler.normalized_similarity, dtype=np.float32, workers=thread_workers(),
    )
    attrs = records.token_attributes
    dm = _any_shared(attrs.dm_codes[ua], attrs.dm_codes[ub])
    mp = _any_shared(attrs.mp_codes[ua], attrs.mp_codes[ub])
    soundex = attrs.soundex_ids[ua] == attrs.soundex_ids[ub]
    phonetic = dm | mp | (attrs.skeleton_ids[ua] == attrs.skeleton_ids[ub])
    # Most tokens belong to no nickname group: compare the group lists only where both have one.
    nickname = _one_name(attrs.nick_groups, ua, ub)
    same_initial = (attrs.first_char[ua] == attrs.first_char[ub]) & (attrs.first_char[ua] > 0)
    initial = same_initial & (attrs.is_initial[ua] | attrs.is_initial[ub]) & (ua != ub)

    hybrid = np.where(phonetic | nickname, jw, np.maximum(jw - _DISTINCT_PENALTY, 0.0))
    hybrid = np.where(nickname, np.maximum(hybrid, 0.9), hybrid)
    hybrid = np.where(initial, np.maximum(hybrid, _INITIAL_SIMILARITY), hybrid)
    hybrid = np.where(ua == ub, 1.0, hybrid).astype(np.float32)
    out = TokenPairs(hybrid[inverse], phonetic[inverse], dm[inverse], mp[inverse], soundex[inverse],
                     nickname[inverse], initial[inverse])
    if spelt is not None and spelt.any():
        # Where spelling alone cannot tell (Kate ~ Katharine, spelt as Katherine); two spellings alike
        # (Marten, Martin) are left to their letters.
        asked = np.zeros(len(unique), dtype=bool)
        asked[inverse[spelt]] = True
        unlike = np.flatnonzero(asked & ~nickname & (jw < _SPELT_NICKNAME_BELOW))
        found = np.zeros(len(unique), dtype=bool)
        found[unlike] = _one_name(attrs.spelt_groups, ua[unlike], ub[unlike])
        if found.any():
            # A nickname's hybrid: its Jaro-Winkler raised to 0.9 (an initial's 0.8 is below).
            raised = spelt & found[inverse]
            out.hybrid[raised] = np.maximum(jw[inverse[raised]], 0.9)
            out.nickname[raised] = True
    return out


def word_similarity(records: NameRecords, tok_a: np.ndarray, tok_b: np.ndarray) -> np.ndarray:
    """The hybrid similarity of each pair of words (token ids of ``records``), as the features
    compare words: Jaro-Winkler, less a penalty without phonetic evidence, raised for nicknames and
    initials."""
    if not len(tok_a):
        return np.zeros(0, dtype=np.float32)
    return _token_similarity(records, tok_a, tok_b).hybrid


def last_words_clearly_differ(features: np.ndarray) -> np.ndarray:
    """Per row of a feature matrix: are the two names' last words clearly different (their hybrid
    similarity, ``last_sim``, below the given-name conflict's limit)? A typo, another spelling or a
    reading that makes them alike (Hsu and Xu) stays above it."""
    return features[:, FEATURES.index("last_sim")] < _CONFLICT_BELOW


def _segment_reduce(ufunc: np.ufunc, values: np.ndarray, starts: np.ndarray, empty: float) -> np.ndarray:
    """ufunc.reduceat over contiguous segments that begin at ``starts`` (all segments non-empty)."""
    if len(values) == 0:
        return np.full(len(starts), empty, dtype=np.float32)
    return ufunc.reduceat(values, starts)


@dataclass
class _Direction:
    """The grid cut into segments, one per token of one side (against every token of the other side).

    Built once per grid and shared by every feature that reduces over that side's tokens.
    """

    order: np.ndarray | None  # grid elements in segment order; None: the grid's own (row-major) order
    seg_starts: np.ndarray  # first element of each segment, in ``order``
    pair_starts: np.ndarray  # first segment of each pair
    own: np.ndarray  # segments (tokens of this side) per pair
    seg_weight: np.ndarray  # rarity of each segment's token
    weight_total: np.ndarray  # per pair: total rarity of this side's tokens (at least 1e-6)

    def ordered(self, values: np.ndarray) -> np.ndarray:
        return values if self.order is None else values[self.order]

    def best(self, values: np.ndarray) -> np.ndarray:
        """Best value of each segment: how well each token finds a counterpart."""
        return _segment_reduce(np.maximum, self.ordered(values), self.seg_starts, 0.0)

    def mean(self, best: np.ndarray) -> np.ndarray:
        return _segment_reduce(np.add, best, self.pair_starts, 0.0) / self.own

    def weighted(self, best: np.ndarray) -> np.ndarray:
        return _segment_reduce(np.add, best * self.seg_weight, self.pair_starts, 0.0) / self.weight_total


def _direction(grid: _TokenGrid, weights: np.ndarray, by_rows: bool) -> _Direction:
    """Segments of the tokens of a (``by_rows``) or of b; ``weights`` are per grid element."""
    pairs = len(grid.na)
    own, other = (grid.na, grid.nb) if by_rows else (grid.nb, grid.na)
    seg_pair = np.repeat(np.arange(pairs), own)
    seg_index = np.arange(int(own.sum())) - np.repeat(np.cumsum(own) - own, own)
    if by_rows:
        order = None
    else:
        # Reorder the grid column-major so each column of a pair is contiguous.
        within = np.arange(len(grid.pair)) - grid.starts[grid.pair]
        rows_of_pair = grid.na[grid.pair]
        col, row = within // rows_of_pair, within % rows_of_pair
        order = grid.starts[grid.pair] + row * grid.nb[grid.pair] + col
    seg_starts = grid.starts[seg_pair] + seg_index * other[seg_pair]
    w = weights if order is None else weights[order]
    seg_weight = w[seg_starts] if len(w) else np.zeros(0, dtype=np.float32)
    pair_starts = np.cumsum(own) - own
    weight_total = np.maximum(_segment_reduce(np.add, seg_weight, pair_starts, 0.0), 1e-6)
    return _Direction(order, seg_starts, pair_starts, own, seg_weight, weight_total)


def _by_length(na: np.ndarray, nb: np.ndarray, from_a: np.ndarray, from_b: np.ndarray):
    """Symmetric pick: the value seen from the shorter name, and from the longer (ties: their mean)."""
    tie = (from_a + from_b) / 2
    short = np.where(na < nb, from_a, np.where(nb < na, from_b, tie))
    long = np.where(na < nb, from_b, np.where(nb < na, from_a, tie))
    return short, long


def pair_features(records: NameRecords, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Feature matrix (pairs x FEATURES), float32 in [0, 1], for the unit pairs (left[k], right[k]).

    Pairs with an empty name on either side get all-zero similarity features.
    """
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
    n = len(left)
    out = np.zeros((n, len(FEATURES)), dtype=np.float32)
    if n == 0:
        return out
    column = {name: i for i, name in enumerate(FEATURES)}
    # Per-unit values gathered with numpy: a Python loop over millions of pairs costs seconds.
    texts = records.text_array
    texts_a, texts_b = texts[left].tolist(), texts[right].tolist()
    text_lengths = records.text_lengths
    length_a, length_b = text_lengths[left], text_lengths[right]

    def whole(scorer, a, b, scale=1.0):
        return process.cpdist(a, b, scorer=scorer, dtype=np.float32, workers=thread_workers()) / scale

    out[:, column["indel"]] = whole(Indel.normalized_similarity, texts_a, texts_b)
    out[:, column["jaro_winkler"]] = whole(JaroWinkler.normalized_similarity, texts_a, texts_b)
    # token_sort_ratio is the ratio of the texts with their words sorted: sort each unit's words once.
    sorted_texts = records.sorted_text_array
    out[:, column["token_sort"]] = whole(
        fuzz.ratio, sorted_texts[left].tolist(), sorted_texts[right].tolist(), 100.0
    )
    out[:, column["levenshtein"]] = whole(Levenshtein.normalized_similarity, texts_a, texts_b)
    longer = np.maximum(length_a, length_b).astype(np.float32)
    # A shared beginning needs an equal first letter, a shared ending an equal last one: only those
    # pairs are measured (two in five of blocking's candidates, and one in three).
    affixes = np.zeros(n, dtype=np.float32)
    for scorer, ends in zip((Prefix.similarity, Postfix.similarity), records.end_letters):
        alike = np.flatnonzero((ends[left] == ends[right]) & (ends[left] >= 0))
        affixes[alike] += whole(scorer, texts[left[alike]].tolist(), texts[right[alike]].tolist())
    out[:, column["affixes"]] = np.minimum(affixes / np.maximum(longer, 1.0), 1.0)
    skeletons = records.skeleton_array
    out[:, column["skeleton"]] = whole(
        Indel.normalized_similarity, skeletons[left].tolist(), skeletons[right].tolist()
    )
    _compare_place_keys(records, left, right, out[:, column["skeleton"]])

    counts = records.token_counts
    na, nb = counts[left], counts[right]
    valid = (na > 0) & (nb > 0)
    share_a_word = np.ones(n, dtype=bool)
    if valid.any():
        share_a_word[valid] = _token_features(records, left[valid], right[valid], out, valid, column)
    # token_set_ratio compares the shared words and the rest; with no word shared (three pairs in four)
    # and none repeated in a name it is the ratio of the sorted words, token_sort, exactly. rapidfuzz's
    # dearest measure is computed for the other pairs only.
    repeats = records.repeats_a_word
    by_sets = np.flatnonzero(share_a_word | repeats[left] | repeats[right])
    out[:, column["token_set"]] = out[:, column["token_sort"]]
    out[by_sets, column["token_set"]] = whole(
        fuzz.token_set_ratio, texts[left[by_sets]].tolist(), texts[right[by_sets]].tolist(), 100.0
    )

    shorter = np.minimum(length_a, length_b)
    out[:, column["short"]] = shorter <= 4
    out[:, column["partial"]] = (np.minimum(na, nb) == 1) & (np.maximum(na, nb) > 1)
    out[:, column["token_diff"]] = np.abs(na - nb) / np.maximum(np.maximum(na, nb), 1)
    da, db = records.digit_ids[left], records.digit_ids[right]
    out[:, column["digits_mismatch"]] = (da >= 0) & (db >= 0) & (da != db)
    out[:, column["acronym"]] = acronym_pairs(records, left, right)
    places = records.whole_place_ids
    pa, pb = places[left], places[right]
    out[:, column["different_places"]] = (pa >= 0) & (pb >= 0) & (pa != pb)
    out[_different_organisation_places(records, left, right), column["different_places"]] = 1.0
    out[:, column["single_words"]] = (na == 1) & (nb == 1)
    out[:, column["organisation"]] = (records.kinds[left] == 2) | (records.kinds[right] == 2)
    sa, sb = records.script_ids[left], records.script_ids[right]
    out[:, column["cross_script"]] = (sa >= 0) & (sb >= 0) & (sa != sb)
    out[:, column["script_skeleton"]] = out[:, column["skeleton"]] * out[:, column["cross_script"]]
    np.clip(out, 0.0, 1.0, out=out)
    return out


def acronym_pairs(records: NameRecords, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per pair: is one name written as the other's acronym (the ``acronym`` feature)?"""
    written, spelt = records.self_acronym_ids, records.acronym_ids
    return (written[left] == spelt[right]) | (written[right] == spelt[left])


def _different_organisation_places(records: NameRecords, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The pairs of two organisations' names that each hold a known place the other lacks (Banco
    Santander México / Banco Santander Chile; Bank of China (Hong Kong) / Bank of China (Singapore)):
    branches or namesakes in two places, not one body. A place on one side only (Bank of China /
    Bank of China (Hong Kong)) says nothing."""
    places, holds = records.organisation_places, records.holds_organisation_places
    both = np.flatnonzero(holds[left] & holds[right])
    return both[[bool(places[a] - places[b]) and bool(places[b] - places[a])
                 for a, b in zip(left[both].tolist(), right[both].tolist())]]


def _compare_place_keys(
    records: NameRecords, left: np.ndarray, right: np.ndarray, skeleton: np.ndarray
) -> None:
    """Between two names typed LOC that are both known places, the skeleton compares the places'
    keys (in place): 1 for two forms of one place (Wien, Vienna), a stranger's similarity for two
    places however alike their spellings (Austria, Australia)."""
    if records.typed_places is None:
        return
    pa, pb = records.typed_places[left], records.typed_places[right]
    both = np.flatnonzero((pa >= 0) & (pb >= 0))
    if len(both) == 0:
        return
    keys_a = [place_key(g) for g in pa[both].tolist()]
    keys_b = [place_key(g) for g in pb[both].tolist()]
    skeleton[both] = process.cpdist(keys_a, keys_b, scorer=Indel.normalized_similarity, dtype=np.float32)


def _token_features(records, left, right, out, valid, column) -> np.ndarray:
    """The token-level features of the pairs (names with words on both sides), into ``out``.
    Returns, per pair, whether the two names share a word (as written)."""
    grid = _grid(records, left, right)
    multi_words = (grid.na >= 2) & (grid.nb >= 2)
    pairs = _token_similarity(records, grid.tok_a, grid.tok_b, spelt=multi_words[grid.pair])
    hybrid, nickname, initial = pairs.hybrid, pairs.nickname, pairs.initial
    attrs = records.token_attributes
    rarity_a = attrs.rarity[grid.tok_a]
    rarity_b = attrs.rarity[grid.tok_b]
    rows = _direction(grid, rarity_a, by_rows=True)
    cols = _direction(grid, rarity_b, by_rows=False)
    best_row, best_col = rows.best(hybrid), cols.best(hybrid)
    wme_a, wme_b = rows.weighted(best_row), cols.weighted(best_col)
    na, nb = grid.na, grid.nb
    same = hybrid >= 0.999

    # The four agreement flags (each or'd with "same"), one bit each, so that one bitwise-or per
    # segment finds, for all four at once, whether a token has an agreeing token in the other name.
    agreements = (pairs.phonetic, pairs.dm, pairs.metaphone, pairs.soundex)
    bits = np.zeros(len(hybrid), dtype=np.uint8)
    for bit, flags in enumerate(agreements):
        bits |= (flags | same).astype(np.uint8) << bit
    row_bits = _segment_reduce(np.bitwise_or, rows.ordered(bits), rows.seg_starts, 0)
    col_bits = _segment_reduce(np.bitwise_or, cols.ordered(bits), cols.seg_starts, 0)

    def share(bit: int) -> np.ndarray:
        """Share of the shorter name's tokens with an agreeing token in the other name."""
        from_a = rows.mean(((row_bits >> bit) & 1).astype(np.float32))
        from_b = cols.mean(((col_bits >> bit) & 1).astype(np.float32))
        return _by_length(na, nb, from_a, from_b)[0]

    # Alignment means weight each word by its rarity: "center for ... and" must not make two
    # organisations alike.
    me_short, me_long = _by_length(na, nb, wme_a, wme_b)
    # A token has a near-exact counterpart exactly when its best match is near-exact.
    cover_a = rows.weighted((best_row >= 0.9).astype(np.float32))
    cover_b = cols.weighted((best_col >= 0.9).astype(np.float32))
    first = hybrid[grid.starts]
    last = hybrid[grid.starts + (na - 1) * nb + nb - 1]
    # First token's best match anywhere in the other name: robust to "Surname Given" order.
    first_row_best = best_row[rows.pair_starts]
    first_col_best = best_col[cols.pair_starts]
    conflict = (
        (na >= 2) & (nb >= 2) & (last >= 0.85)
        & (first_row_best < _CONFLICT_BELOW) & (first_col_best < _CONFLICT_BELOW)
    )
    first_a, first_b = grid.tok_a[grid.starts], grid.tok_b[grid.starts]
    # A man's and a woman's form of one first name (Robert / Roberta, Paul / Pauline, Mario / Maria)
    # that the lexicon does not make one name (Andre / Andrea): alike as strings, yet two people.
    gendered = ((na >= 2) & (nb >= 2) & records.gender_forms.gendered(first_a, first_b)
                & ~nickname[grid.starts])
    good = hybrid >= 0.9
    rare = _segment_reduce(np.maximum, np.minimum(rarity_a, rarity_b) * good, grid.starts, 0.0)
    initials = _segment_reduce(np.maximum, initial.astype(np.float32), grid.starts, 0.0)

    values = {
        "me_short": me_short,
        "me_long": me_long,
        "weighted_me": np.minimum(wme_a, wme_b),
        "exact_coverage": np.minimum(cover_a, cover_b),
        "phonetic_share": share(0),
        "dm_share": share(1),
        "metaphone_share": share(2),
        "soundex_share": share(3),
        "first_sim": first,
        "last_sim": last,
        "given_conflict": conflict,
        "gendered_given": gendered,
        "nickname": nickname[grid.starts],
        # Only between one-word names: in longer names the first word is a given name or, in an
        # untyped list, often a company's name, and the flag would stand for the kind of name.
        "known_given": ((attrs.nick_groups[first_a, 0] >= 0).astype(np.float32)
                        + (attrs.nick_groups[first_b, 0] >= 0)) / 2 * ((na == 1) & (nb == 1)),
        "initials": initials,
        "rare_match": rare,
    }
    for name, value in values.items():
        out[valid, column[name]] = value
    words = records.word_ids
    return _segment_reduce(np.maximum, (words[grid.tok_a] == words[grid.tok_b]).astype(np.uint8),
                           grid.starts, 0).astype(bool)
