"""Rules that tell two people apart whatever their names share, for clustering's cannot-link
constraints and for probability ceilings.

A man and a woman of one family (a man's and a woman's form of one given name, a Slavic family
name's two forms, a man's and a woman's given name), a father and a son (two generational
suffixes), a name without a suffix that could be any of several generations, and two people whose
names agree word for word but for a clearly different last word. The patronymic rule is
:mod:`namerec.patronymics`'s, and the East Asian relatives rule :mod:`namerec.relatives`'.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .given_names import are_nicknames, given_name_gender
from .patronymics import CEILING, patronymic_conflicts
from .records import NameRecords
from .scoring.features import word_similarity

# The most a pair of names alike word for word but for a clearly different last word can score
# (``different_last_words``), for names of two words and of three or more: among the candidate pairs
# of three train-split splink_historical50k pools of 1,000 entities, such pairs named one person 202
# times in 25,560 (0.8%) and 49 times in 494 (10%: women under two married names, Alice Ann Cornwell
# and Alicia Anne Robinson).
LAST_WORD_CEILING = 0.01
LONGER_LAST_WORD_CEILING = 0.1
# Words at least this alike (hybrid similarity) are one word spelt two ways for that rule.
_ALIKE_WORDS = 0.8
# Words after which an Arabic, Malay or Mauritanian name gives the father's name (Habib ben Mohamed).
_SON_OF = frozenset({"bin", "ibn", "ben", "bint", "binti", "bn", "ould"})
# Two fathers' names less alike than this (hybrid similarity) are two names: Mohamed and Ahmed 0.51,
# Muhammad and Mohamed 0.9, Ahmed and Ahmad 0.91.
_FATHERS_APART = 0.6

# A Slavic family name's masculine and feminine forms (Petrov / Petrova, Kowalski / Kowalska, Novák /
# Nováková): a man and a woman of one family.
_SLAVIC_SURNAME_ENDINGS = (("ov", "ova"), ("ev", "eva"), ("in", "ina"), ("yn", "yna"), ("sky", "skaya"),
                           ("skiy", "skaya"), ("oy", "aya"), ("ski", "ska"), ("cki", "cka"), ("dzki", "dzka"))


def _slavic_masculine_forms(strings: Sequence[str], tokens: Iterable[int]) -> dict[int, int]:
    """For each of ``tokens`` (ids into ``strings``) that is the feminine form of a Slavic family
    name whose masculine form is also among ``strings`` (Petrova, Petrov): that form's id."""
    wanted: dict[str, list[int]] = {}  # a masculine form -> the women's forms that would have it
    for t in tokens:
        woman = strings[t]
        if not woman.endswith("a"):  # every feminine ending does
            continue
        forms = [woman[: -len(f)] + m for m, f in _SLAVIC_SURNAME_ENDINGS if woman.endswith(f)]
        if woman.endswith("ova") and len(woman) >= 7 and woman[-4] not in "aeiouy":
            forms.append(woman[:-3])  # Czech and Slovak: Novak / Novakova
        for form in forms:
            wanted.setdefault(form, []).append(t)
    out: dict[int, int] = {}
    if wanted:
        for man, string in enumerate(strings):
            for woman in wanted.get(string, ()):
                out.setdefault(woman, man)
    return out


def slavic_family_forms(records: NameRecords, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per pair: names of two or more words whose last words are a Slavic family name's masculine
    and feminine forms (Sasha Petrov / Sasha Petrova): a man and a woman of one family."""
    counts = records.token_counts
    rows = np.flatnonzero((counts[left] >= 2) & (counts[right] >= 2))
    out = np.zeros(len(left), dtype=bool)
    if not len(rows):
        return out
    ends = records.offsets[1:] - 1
    last_a, last_b = records.token_ids[ends[left[rows]]], records.token_ids[ends[right[rows]]]
    strings = records.tokens.strings
    # Only the last words of the pairs asked about are looked at: a token table has 100,000s of words.
    asked = np.zeros(len(strings), dtype=bool)
    asked[last_a] = asked[last_b] = True
    masculine = np.full(len(strings), -1, dtype=np.int64)
    for woman, man in _slavic_masculine_forms(strings, np.flatnonzero(asked).tolist()).items():
        masculine[woman] = man
    out[rows[(masculine[last_a] == last_b) | (masculine[last_b] == last_a)]] = True
    return out


def bare_gendered_forms(records: NameRecords, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per pair: two one-word given names that are a man's and a woman's form of one name (Alexander /
    Alexandra), which the lexicons do not make one name (as they do Andre and Andrea): two names,
    however many nicknames the two share (Alex, Sasha)."""
    bare = records.bare_given
    rows = np.flatnonzero(bare[left] & bare[right])
    out = np.zeros(len(left), dtype=bool)
    if len(rows):
        token_a = records.token_ids[records.offsets[left[rows]]]
        token_b = records.token_ids[records.offsets[right[rows]]]
        # Any two words, known given names or not: in a list of bare names, one ending in -a beside
        # the same without it is as a rule another name (Karelin, Karelina; Gery, Gerya).
        rows = rows[records.gender_forms.gendered(token_a, token_b, known_only=False)]
        texts = records.texts
        out[rows] = [not are_nicknames(texts[a], texts[b])
                     for a, b in zip(left[rows].tolist(), right[rows].tolist())]
    return out


def opposite_genders(records: NameRecords, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per pair: names of two or more words whose first words are a man's given name and a woman's
    (``given_name_gender``), which the lexicons do not make one name: two people, however much of
    the rest they share (Gabriel and Aída García Márquez, siblings of one double family name)."""
    counts = records.token_counts
    rows = np.flatnonzero((counts[left] >= 2) & (counts[right] >= 2))
    out = np.zeros(len(left), dtype=bool)
    if not len(rows):
        return out
    first_a = records.token_ids[records.offsets[left[rows]]]
    first_b = records.token_ids[records.offsets[right[rows]]]
    strings = records.tokens.strings
    # Only the first words of the pairs asked about are looked up: 1 a man's, 2 a woman's, 0 neither.
    gender = np.zeros(len(strings), dtype=np.int8)
    asked = np.unique(np.concatenate([first_a, first_b]))
    gender[asked] = [("", "m", "f").index(given_name_gender(strings[t])) for t in asked.tolist()]
    opposite = gender[first_a] * gender[first_b] == 2
    first_a, first_b = first_a[opposite], first_b[opposite]
    # One name to the lexicons: the two words share a given-name group (``are_nicknames``).
    groups_a = records.token_attributes.nick_groups[first_a]
    groups_b = records.token_attributes.nick_groups[first_b]
    one_name = ((groups_a[:, :, None] == groups_b[:, None, :]) & (groups_a[:, :, None] >= 0)).any(axis=(1, 2))
    out[rows[np.flatnonzero(opposite)[~one_name]]] = True
    return out


#: Why ``at_most_two_people`` lowered a pair's probability, by the code it returns for the pair.
CEILING_REASONS = ("", "fathers", "generations", "last_words")


def at_most_two_people(records: NameRecords, left: np.ndarray, right: np.ndarray,
                       probability: np.ndarray, last_words_differ: np.ndarray | None = None) -> np.ndarray:
    """Lower to ``patronymics.CEILING``, in place, the probability of each pair the rules know to be
    two people whatever their names share: two fathers' names (two clearly different patronymics,
    Rustam Ibrahimovich / Magomedovich Aselderov: ``patronymics.patronymic_conflicts``; Habib ben
    Mohamed / ben Ahmed al-Loubiri: ``different_fathers``) and two generations (John Smith Jr. / Sr.:
    ``different_generations``); and to ``LAST_WORD_CEILING`` (names of two words) or
    ``LONGER_LAST_WORD_CEILING`` (longer) each pair of names alike but for a clearly different last
    word (``different_last_words``; ``last_words_differ``: per pair, are the last words of its best
    reading clearly different? None: not that rule, whose ceilings were measured for the shipped
    weights, as weights fitted on a user's pairs speak for their data).

    Returns per pair the index in ``CEILING_REASONS`` of the rule that lowered it (0: none), which
    ``explain`` reports."""
    reason = np.zeros(len(left), dtype=np.int8)

    def cap(apart: np.ndarray, ceiling: np.ndarray | float, why: str) -> None:
        ceiling = np.broadcast_to(ceiling, probability.shape)
        lowered = apart & (probability > ceiling)
        probability[lowered] = ceiling[lowered]
        reason[lowered] = CEILING_REASONS.index(why)

    if last_words_differ is not None:
        apart = different_last_words(records, left, right, last_words_differ)
        cap(apart, np.where(records.token_counts[left] > 2, LONGER_LAST_WORD_CEILING, LAST_WORD_CEILING),
            "last_words")
    cap(different_generations(records, left, right), CEILING, "generations")
    cap(patronymic_conflicts(records, left, right) | different_fathers(records, left, right), CEILING,
        "fathers")
    return reason


def different_last_words(records: NameRecords, left: np.ndarray, right: np.ndarray,
                         last_words_differ: np.ndarray) -> np.ndarray:
    """Per pair: names of people (or untyped), of the same number of words, two or more, that agree
    word for word (the same word or another spelling of it) but for their last words, which are
    clearly different (``last_words_differ``, from
    the features of the pair's best reading: ``scoring.features.last_words_clearly_differ``; a typo,
    another spelling or a reading that makes them alike, Hsu and Xu, stays above that):
    two people of one given name whose family, tribe or father differ (Ayman Sabawi Ibrahim Hasan
    al-Tikriti and al-Dulaimi, Bassirou Diomaye Faye and Sarr). The more words two names share, the
    higher string similarity scores them, while the data the model is fitted on holds few such
    names of four or more words; the rule is therefore stated, its ceiling measured."""
    counts = records.token_counts
    person_like = records.kinds != 2
    rows = np.flatnonzero(last_words_differ & (counts[left] == counts[right]) & (counts[left] >= 2)
                          & person_like[left] & person_like[right])
    out = np.zeros(len(left), dtype=bool)
    if not len(rows):
        return out
    similarity, before = _word_by_word(records, left[rows], right[rows], last=False)
    alike = np.ones(len(rows), dtype=bool)
    np.logical_and.at(alike, before, similarity >= _ALIKE_WORDS)
    rows = rows[alike]
    # An initial is a truncated name, not another family's (Charles J / Charles Kelsey).
    initial = records.token_attributes.is_initial
    ends = records.offsets[1:] - 1
    last_a, last_b = records.token_ids[ends[left[rows]]], records.token_ids[ends[right[rows]]]
    out[rows[~initial[last_a] & ~initial[last_b]]] = True
    return out


def _word_by_word(records: NameRecords, left: np.ndarray, right: np.ndarray, last: bool = True
                  ) -> tuple[np.ndarray, np.ndarray]:
    """The hybrid similarity of the two names of each pair (as many words on both sides) word for
    word, every word (or, with ``last=False``, every word but the last), and the pair each belongs to."""
    words = records.token_counts[left] - (0 if last else 1)
    pair = np.repeat(np.arange(len(left)), words)
    position = np.arange(len(pair)) - np.repeat(np.cumsum(words) - words, words)
    token_ids, offsets = records.token_ids, records.offsets
    word_a = token_ids[offsets[left[pair]] + position]
    word_b = token_ids[offsets[right[pair]] + position]
    similarity = np.ones(len(pair), dtype=np.float32)
    differ = np.flatnonzero(word_a != word_b)  # most words are the same word: only the others compared
    similarity[differ] = word_similarity(records, word_a[differ], word_b[differ])
    return similarity, pair


def different_fathers(records: NameRecords, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per pair: names of people (or untyped) of as many words, alike word for word (the same word or
    another spelling of it) but for one, the father's name after bin, ibn, ben, bint or ould, which
    differs (hybrid similarity below 0.6: Habib ben Mohamed al-Loubiri and Habib ben Ahmed
    al-Loubiri): two people, sons of two fathers, as two patronymics say (``patronymics``). Names
    of different lengths are left alone: "Osama bin Laden" names a family where "Usama bin Muhammad
    bin Awad bin Ladin" names the father."""
    counts = records.token_counts
    son_of = np.zeros(len(records.tokens.strings), dtype=bool)
    son_of[[t for t in map(records.tokens.index.get, _SON_OF) if t is not None]] = True
    has_son_of = np.zeros(len(records), dtype=bool)
    has_son_of[np.repeat(np.arange(len(records)), counts)[son_of[records.token_ids]]] = True
    person_like = records.kinds != 2
    rows = np.flatnonzero((counts[left] == counts[right]) & (counts[left] >= 3) & has_son_of[left]
                          & has_son_of[right] & person_like[left] & person_like[right])
    out = np.zeros(len(left), dtype=bool)
    if not len(rows):
        return out
    similarity, pair = _word_by_word(records, left[rows], right[rows])
    unlike = similarity < _ALIKE_WORDS
    unlike_count = np.bincount(pair, weights=unlike, minlength=len(rows))
    # The one word unlike: is it a father's name, after "bin" on both sides, and clearly another?
    at = np.flatnonzero(unlike & (unlike_count[pair] == 1))
    position = at - np.searchsorted(pair, pair[at])
    previous_a = records.token_ids[records.offsets[left[rows[pair[at]]]] + position - 1]
    previous_b = records.token_ids[records.offsets[right[rows[pair[at]]]] + position - 1]
    # "Ben" opening a name is a given name (Ben Adam Smith): the father's name follows a later word.
    fathers = (position >= 2) & son_of[previous_a] & son_of[previous_b] & (similarity[at] < _FATHERS_APART)
    out[rows[pair[at[fathers]]]] = True
    return out


def shared_among_generations(records: NameRecords, left: np.ndarray, right: np.ndarray,
                             probability: np.ndarray) -> None:
    """A name without a generational suffix that matches names of two or more generations (John
    Smith, beside John Smith Jr. and John Smith Sr.) may be any of them, or another man: its
    probability with each is divided by their number plus one, in place. It then stays apart, as an
    ambiguous partial name does, rather than join whichever the clustering meets first."""
    generations = records.generations.astype(np.int64)
    one_side = (generations[left] > 0) != (generations[right] > 0)
    rows = np.flatnonzero(one_side & (probability >= 0.5))
    if not len(rows):
        return
    plain = np.where(generations[left[rows]] > 0, right[rows], left[rows])
    suffixed = np.where(generations[left[rows]] > 0, left[rows], right[rows])
    seen = np.zeros(len(records), dtype=np.int64)  # per plain name: a bit per generation it matches
    np.bitwise_or.at(seen, plain, 1 << generations[suffixed])
    matched = _BITS_SET[seen[plain]]  # generations are 1-4: masks below 32
    ambiguous = matched >= 2
    probability[rows[ambiguous]] /= matched[ambiguous] + 1


# How many bits each mask of the five generation bits sets.
_BITS_SET = np.array([bin(mask).count("1") for mask in range(32)], dtype=np.int64)


def different_generations(records: NameRecords, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per pair: two names whose generational suffixes name two generations (John Smith Jr. and John
    Smith Sr., Henry Ford II and Henry Ford III): a father and a son, whatever their names share. A
    name without one is compatible with either."""
    generations = records.generations
    return (generations[left] > 0) & (generations[right] > 0) & (generations[left] != generations[right])
