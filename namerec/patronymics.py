"""Patronymics: two people of one name whose fathers' names differ.

A Russian, Ukrainian or Belarusian full name carries the father's given name as a middle name, with a
suffix (Sergey Viktorovich Lavrov, son of Viktor; Anna Ivanovna Petrova, daughter of Ivan). Two
names that both carry a patronymic, and clearly different ones, name two people whatever else they
share: Rustam Ibrahimovich and Rustam Magomedovich Aselderov are brothers or strangers, not one man.
String similarity sees two long names alike but for one word (0.72), and no training pair teaches
the model otherwise (the labelled names the model is fitted on have no patronymics), so the rule is
stated rather than fitted: such a pair's probability is at most ``CEILING``, and in a pool their
clusters never merge. A name without a patronymic says nothing about one (Sergey Lavrov is either).

On opensanctions_namebench (never fitted on) 7 pairs carry two clearly different patronymics, none of
them a match; 6 scored 0.5 or more before this rule.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from .records import NameRecords

__all__ = ["CEILING", "patronymic", "patronymic_conflicts"]

# Men's and women's patronymic endings as romanised (Russian -ovich/-evich, -ovna/-evna, -ichna;
# Ukrainian -ovych/-evych, -ivna; French-style -ovitch). "-ich" alone is left out: it ends German given
# names (Friedrich, Heinrich) and Serbian and Croatian family names.
_ENDINGS = ("ovich", "evich", "ovitch", "evitch", "ovych", "evych", "ovna", "evna", "ivna", "ichna")
# A patronymic is a given name and its ending: shorter words ending so are something else.
_MIN_LENGTH = 7
# Two patronymics at least this alike (Indel) are one spelt two ways (Viktorovich and Victorovich,
# Ivanovich and Ivanovitch), not two fathers.
_SAME_FATHER = 0.75
#: The most a pair of names with two clearly different patronymics can score.
CEILING = 0.02


def patronymic(tokens: tuple[str, ...]) -> str:
    """The patronymic of a name of three or more words: its one word (not the first) with a
    patronymic ending; "" when it has none or more than one.

    >>> patronymic(("sergey", "viktorovich", "lavrov")), patronymic(("lavrov", "sergey", "viktorovich"))
    ('viktorovich', 'viktorovich')
    >>> patronymic(("sergey", "lavrov")), patronymic(("friedrich", "wilhelm", "heinrich"))
    ('', '')
    """
    if len(tokens) < 3:
        return ""
    found = [word for word in tokens[1:] if len(word) >= _MIN_LENGTH and word.endswith(_ENDINGS)]
    return found[0] if len(found) == 1 else ""


def patronymic_conflicts(records: NameRecords, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per pair of units: do both names carry a patronymic, and clearly different ones? Only for
    names not read as organisations."""
    out = np.zeros(len(left), dtype=bool)
    counts = records.token_counts
    long_names = np.flatnonzero((counts >= 3) & (records.kinds != 2))
    if not len(long_names) or not len(left):
        return out
    names = records.names
    # Each patronymic numbered from 1 (0: none), so that the pairs are sifted on integers.
    numbers: dict[str, int] = {"": 0}
    father = np.zeros(len(records), dtype=np.int64)
    father[long_names] = [numbers.setdefault(patronymic(names[u].tokens), len(numbers))
                          for u in long_names.tolist()]
    if len(numbers) < 3:  # fewer than two patronymics in all
        return out
    a, b = father[left], father[right]
    rows = np.flatnonzero((a > 0) & (b > 0) & (a != b))
    if len(rows):
        strings = np.array(list(numbers), dtype=object)
        alike = process.cpdist(strings[a[rows]].tolist(), strings[b[rows]].tolist(),
                               scorer=Indel.normalized_similarity, workers=1)
        out[rows[alike < _SAME_FATHER]] = True
    return out
