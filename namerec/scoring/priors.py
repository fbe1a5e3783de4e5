"""Probabilities that lexicons set where the match model cannot learn them: priors.

A prior raises a pair's probability to at least a fixed value when a lexicon says the two names
can be one entity though their letters say little. Each value is a stated probability, not a
fitted weight.

**Acronyms.** A name written as the other's acronym ("IBM", "International Business Machines") is a
match with at least ``ACRONYM_PROBABILITY``, in pools and listed pairs alike. Nothing else in such a
pair says so, and no training pair has the ``acronym`` flag, so the model gives it no weight; the
value is a prior, as unrelated bodies share acronyms. A name that two clusters' names spell stays
apart in clustering. Linking gives an acronym the same prior.

**Listed nicknames.** Two given names alone, one listed as the other's nickname (Margaret and Peggy,
Richard and Dick), share almost no letters, and the match model, fitted mostly on names met in
pools, weighs the nickname lexicon lightly for one-word names: in a pool, a bare "Peggy" and a bare
"Margaret" are as often two people as one, and on wikidata_ru_translit a name and its pet form
(Aleksandr, Sasha) are two entities by construction. Asked about the two names as a pair, though,
the question is whether they can name the same person, and a listed nickname says they can: on the
train split of ancestry_givennames_pairs, of the 224 pairs of listed nicknames the model scored
below 0.8, 181 (0.81) were matches. A name the lexicons do not know counts as the known name it is a
rarer spelling of (``given_names.spelt_names``: Katharine as Katherine, so Kate is its listed
nickname): on that train split, of the 2,614 pairs this adds, 0.94 were matches (pair F1 0.9169 ->
0.9194; test split 0.9142 -> 0.9171; ancestry_surnames_pairs unchanged). Such a pair scores at least
``NICKNAME_PROBABILITY`` when scored as a listed pair (``Reconciler.score``, ``score_pairs``,
``explain``) with the shipped weights; never in a pool of people, where clustering decides with the
rival names in view, nor with weights the user fitted or calibrated (``Config.scorer``), which speak
for the user's own pairs. In a list of given names (``Config.bare_nicknames``) two names the
lexicons make one name, nicknames of one name too (Bill and Will), score at least the same in the
pool: on Ancestry's train split 873 of 934 such pairs are matches.
"""

from __future__ import annotations

import numpy as np

from ..given_names import are_nicknames, is_listed_nickname_as_spelt
from ..records import NameRecords
from .features import acronym_pairs

__all__ = [
    "ACRONYM_PROBABILITY", "NICKNAME_PROBABILITY", "acronym_prior", "listed_nickname_pairs",
    "nickname_prior",
]

#: Probability at least of a pair of which one name is written as the other's acronym.
ACRONYM_PROBABILITY = 0.8
#: Probability at least of a listed pair of two one-word given names, one listed as the other's
#: nickname (see the module docstring for the measurement behind it).
NICKNAME_PROBABILITY = 0.8


def _at_least(probability: np.ndarray, flagged: np.ndarray, prior: float) -> None:
    probability[flagged] = np.maximum(probability[flagged], prior)


def acronym_prior(records: NameRecords, left: np.ndarray, right: np.ndarray,
                  probability: np.ndarray) -> None:
    """Raise pairs of a name and its acronym to at least ``ACRONYM_PROBABILITY``, in place."""
    if len(left):
        _at_least(probability, acronym_pairs(records, left, right), ACRONYM_PROBABILITY)


def listed_nickname_pairs(records: NameRecords, left: np.ndarray, right: np.ndarray,
                          listed_only: bool = True) -> np.ndarray:
    """Per pair: are both names one word, typed PERSON or untyped, one listed as the other's nickname
    (an unknown name read as the known one it is a rarer spelling of: Kate and Katharine)? Without
    ``listed_only``, also two nicknames of one name (Bill and Will, Peggy and Maggie)."""
    bare = records.bare_given
    single = np.flatnonzero(bare[left] & bare[right])
    one_name = is_listed_nickname_as_spelt if listed_only else are_nicknames
    flagged = np.zeros(len(left), dtype=bool)
    flagged[single] = [one_name(records.texts[a], records.texts[b])
                       for a, b in zip(left[single].tolist(), right[single].tolist())]
    return flagged


def nickname_prior(records: NameRecords, left: np.ndarray, right: np.ndarray,
                   probability: np.ndarray, listed_only: bool = True) -> np.ndarray:
    """Raise listed nickname pairs to at least ``NICKNAME_PROBABILITY``, in place; without
    ``listed_only``, every pair of one-word given names the lexicons make one name (a list of given
    names, ``Config.bare_nicknames``). Returns which pairs were so raised."""
    flagged = listed_nickname_pairs(records, left, right, listed_only)
    _at_least(probability, flagged, NICKNAME_PROBABILITY)
    return flagged
