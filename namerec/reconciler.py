"""Reconciler: one configured matcher for reconciling, scoring, fitting and explaining.

``__init__`` stores, ``fit`` learns (learned attributes end in ``_``), and every method is a pure
function of the config, the fitted weights and its arguments.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .config import Config
from .errors import InputError
from .explain import explain_pair
from .models import Explanation, Reconciliation
from .pipeline import clean_names, clean_types, features_for_pairs, reconcile, score_pairs, score_units
from .scoring.model import MatchModel, model_for


class Reconciler:
    """A matcher with a fixed configuration.

    >>> rec = Reconciler()
    >>> rec.score("Max Bergman", "Max Bergmann") > 0.5
    True
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.model_: MatchModel = model_for(self.config.scorer)

    # -- whole pools -------------------------------------------------------------------------
    def reconcile(
        self, names: Sequence[object], /, *, types: Sequence[object] | None = None
    ) -> Reconciliation:
        """Cluster ``names`` into entities (see :func:`namerec.reconcile`)."""
        return reconcile(names, types=types, config=self.config, model=self.model_)

    def candidate_pairs(
        self, names: Sequence[object], /, *, types: Sequence[object] | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The pairs the pipeline scores for a pool: (row i, row j, probability) arrays.

        Rows stand for their distinct normalised form; each form is reported once, at its first row.
        """
        clean = clean_names(names)
        scored = score_units(clean, clean_types(types, len(clean)), self.config, self.model_)
        first_row = np.full(len(scored.records), -1, dtype=np.int64)
        for row in range(len(scored.row_units) - 1, -1, -1):
            unit = scored.row_units[row]
            if unit >= 0:
                first_row[unit] = row
        return first_row[scored.left], first_row[scored.right], scored.probability

    # -- pairs -------------------------------------------------------------------------------
    def score_pairs(self, pairs: Iterable[Sequence[object]], /, *, types=None) -> np.ndarray:
        """Match probability for each (a, b) pair, as a float64 array in [0, 1].

        Names of different user-supplied types, and blank names, score 0.
        """
        probability, *_ = score_pairs(pairs, types, self.config, self.model_)
        return probability

    def score(self, a: object, b: object, /, *, types: tuple[object, object] | None = None) -> float:
        """Calibrated probability that two names name the same entity; ``types``: their two types
        (as for ``reconcile``), e.g. ``("LOC", "LOC")`` for two places."""
        return float(self.score_pairs([(a, b)], types=None if types is None else [types])[0])

    def fit(self, pairs: Iterable[Sequence[object]], labels: Sequence[object], /, *,
            l2: float = 1.0) -> Reconciler:
        """Refit the match model on labelled pairs (label truthy = same entity); returns self.

        The new weights are also put in ``self.config.scorer``, so saving the config saves them.
        """
        features, _, *_ = features_for_pairs(pairs, None, self.config)
        y = np.asarray([bool(label) for label in labels], dtype=np.float64)
        if len(y) != len(features):
            raise InputError(f"{len(y)} labels for {len(features)} pairs; give one label per pair")
        self.model_ = MatchModel.fit(features, y, l2=l2, trained_on=f"Reconciler.fit on {len(y)} pairs")
        self.config = self.config.model_copy(update={"scorer": self.model_.weights})
        return self

    def calibrate(self, pairs: Iterable[Sequence[object]], labels: Sequence[object], /, *,
                  types=None) -> Reconciler:
        """Recalibrate the probabilities on labelled pairs drawn like yours; returns self.

        Unlike :meth:`fit`, the features' weights stay and only the mapping from score to
        probability changes (per regime, Platt scaling), so a few hundred labelled pairs suffice.
        Use it when matches are much more (or less) common among your pairs than among the pairs
        namerec was trained on: a probability is only calibrated for a given base rate. The new
        weights go in ``self.config.scorer``, so saving the config saves them.
        """
        features, usable, *_ = features_for_pairs(pairs, types, self.config)
        y = np.asarray([bool(label) for label in labels], dtype=np.float64)
        if len(y) != len(features):
            raise InputError(f"{len(y)} labels for {len(features)} pairs; give one label per pair")
        self.model_ = self.model_.recalibrated(features[usable], y[usable],
                                               trained_on=f"Reconciler.calibrate on {len(y)} pairs")
        self.config = self.config.model_copy(update={"scorer": self.model_.weights})
        return self

    def explain(self, a: object, b: object, /, *, types: tuple[object, object] | None = None) -> Explanation:
        """Which features moved the match probability of ``a`` and ``b``, and by how much; ``types``:
        their two types, as for ``score``."""
        probability, features, forms, lowered = score_pairs(
            [(a, b)], None if types is None else [types], self.config, self.model_)
        form_a, form_b = forms[0]
        explanation = explain_pair(self.model_, features[0], str(a), str(b), form_a, form_b,
                                   float(probability[0]), lowered_by=lowered[0])
        if probability[0] == 0.0 and not (form_a and form_b):
            return explanation.model_copy(update={
                "probability": 0.0,
                "summary": explanation.summary + "\nA blank name matches nothing: probability 0.",
            })
        return explanation
