"""The match model: a logistic regression over a fixed basis expansion of the pair features.

Each raw feature x in [0, 1] is expanded into x and hinges max(0, x - k) at a few knots, so the
model can learn that Jaro-Winkler 0.97 means much more than 0.87 while staying a sum of per-feature
terms: the contribution of a feature to the log-odds is the sum of its basis terms, which is what
:mod:`namerec.explain` reports. Fitting is Newton's method with an L2 penalty, in numpy.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import numpy as np

from ..config import ScorerWeights
from ..errors import ConfigError, InputError
from .features import FEATURES

# Hinge knots for the continuous similarities; flags (0/1 features) get no hinges.
_KNOTS = (0.5, 0.7, 0.8, 0.9, 0.95)
_FLAGS = frozenset(
    {"given_conflict", "nickname", "initials", "partial", "digits_mismatch", "acronym", "short", "cross_script"}
)


def basis_names() -> tuple[str, ...]:
    names: list[str] = []
    for feature in FEATURES:
        names.append(feature)
        if feature not in _FLAGS:
            names.extend(f"{feature}>{k}" for k in _KNOTS)
    return tuple(names)


BASIS: tuple[str, ...] = basis_names()
# Which raw feature each basis column belongs to, for explanations.
BASIS_FEATURE: tuple[str, ...] = tuple(name.split(">")[0] for name in BASIS)


def expand(features: np.ndarray) -> np.ndarray:
    """Basis expansion of a (pairs x FEATURES) matrix into (pairs x BASIS)."""
    columns = []
    for i, feature in enumerate(FEATURES):
        x = features[:, i].astype(np.float64)
        columns.append(x)
        if feature not in _FLAGS:
            columns.extend(np.maximum(x - k, 0.0) for k in _KNOTS)
    return np.stack(columns, axis=1) if columns else np.zeros((len(features), 0))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -35.0, 35.0)))


class MatchModel:
    """Logistic model: probability = sigmoid(intercept + basis(features) . coefficients)."""

    def __init__(self, weights: ScorerWeights) -> None:
        if tuple(weights.features) != BASIS:
            raise ConfigError(
                "scorer weights were fitted for a different feature set; refit them with Reconciler.fit"
            )
        self.weights = weights
        self.coefficients = np.asarray(weights.coefficients, dtype=np.float64)
        self.intercept = float(weights.intercept)

    def log_odds_terms(self, features: np.ndarray) -> np.ndarray:
        """Per-basis contributions to the log-odds, (pairs x BASIS)."""
        return expand(features) * self.coefficients

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Match probability per pair, float64 in [0, 1]."""
        if len(features) == 0:
            return np.zeros(0)
        return _sigmoid(self.intercept + expand(features) @ self.coefficients)

    @classmethod
    def fit(
        cls,
        features: np.ndarray,
        labels: np.ndarray,
        *,
        sample_weight: np.ndarray | None = None,
        l2: float = 1.0,
        trained_on: str = "",
        max_iter: int = 50,
    ) -> MatchModel:
        """Fit by Newton's method (IRLS) with an L2 penalty on the coefficients, not the intercept."""
        y = np.asarray(labels, dtype=np.float64)
        if features.ndim != 2 or len(features) != len(y):
            raise InputError("features and labels must have one row per pair")
        if len(np.unique(y)) < 2:
            raise InputError("fitting needs both matching and non-matching pairs")
        x = np.hstack([np.ones((len(y), 1)), expand(features)])
        w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        w = w * len(w) / w.sum()
        penalty = np.full(x.shape[1], l2)
        penalty[0] = 0.0
        beta = np.zeros(x.shape[1])
        for _ in range(max_iter):
            p = _sigmoid(x @ beta)
            gradient = x.T @ (w * (y - p)) - penalty * beta
            hessian = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(len(beta))
            step = np.linalg.solve(hessian, gradient)
            beta += step
            if np.abs(step).max() < 1e-7:
                break
        weights = ScorerWeights(
            features=BASIS,
            coefficients=tuple(float(c) for c in beta[1:]),
            intercept=float(beta[0]),
            trained_on=trained_on,
        )
        return cls(weights)


@lru_cache(maxsize=1)
def shipped_weights() -> ScorerWeights:
    """The default weights shipped with namerec (fitted on the train splits, see docs/scoring.md)."""
    raw = resources.files("namerec.scoring").joinpath("weights.json").read_text("utf-8")
    return ScorerWeights.model_validate(json.loads(raw))


def model_for(weights: ScorerWeights | None) -> MatchModel:
    return MatchModel(weights if weights is not None else shipped_weights())
