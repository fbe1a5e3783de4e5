"""Training sets for the match model, drawn the way the pipeline draws pairs.

Positives and negatives come from the candidate generator run on pools of labelled names, so the
negatives are the hard ones the model will actually face (research.md, section 5), not random
pairs, which are trivially easy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from ..config import Config
from ..pipeline import clean_names, clean_types, score_units
from .model import MatchModel
from .readings import best_readings


def candidate_training_set(
    names: Sequence[str],
    entity_ids: Sequence[str],
    *,
    types: Sequence[str] | None = None,
    config: Config | None = None,
    readings_by: MatchModel | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of the candidate pairs of a labelled pool.

    A pair is a match when its two normalised forms share a gold entity (a string can name two
    entities: homonyms count as matching either). With ``readings_by``, each pair's features are
    those of its best reading under that model (as the pipeline scores it); otherwise of the
    primary forms.
    """
    config = config or Config(progress=False)
    clean = clean_names(names)
    kinds = clean_types(types, len(clean))
    scored = score_units(clean, kinds, config, model=None)
    gold: dict[int, set[str]] = defaultdict(set)
    for row, unit in enumerate(scored.row_units):
        if unit >= 0:
            gold[int(unit)].add(entity_ids[row])
    labels = np.fromiter(
        (bool(gold[int(a)] & gold[int(b)]) for a, b in zip(scored.left, scored.right)),
        dtype=bool, count=len(scored.left),
    )
    features = scored.features
    assert features is not None  # kept when no model scores the pairs
    if readings_by is not None:
        probability = readings_by.predict(features)
        best_readings(scored.records, scored.left, scored.right, features, probability, readings_by)
    return features, labels
