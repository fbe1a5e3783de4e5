"""The match model: logistic regressions over a fixed basis expansion of the pair features.

Each raw feature x in [0, 1] is expanded into x and hinges max(0, x - k) at a few knots, so the
model can learn that Jaro-Winkler 0.97 means much more than 0.87 while staying a sum of per-feature
terms: the contribution of a feature to the log-odds is the sum of its basis terms, which is what
:mod:`namerec.explain` reports. Pairs of different *regimes* (two one-word names, a one-word name
against a longer one, two longer names, organisations) weigh evidence differently, so each regime
has its own weights. Fitting is Newton's method with an L2 penalty, in numpy.
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
_FLAGS = frozenset({
    "given_conflict", "gendered_given", "nickname", "initials", "partial", "digits_mismatch", "acronym",
    "short", "cross_script", "different_places", "single_words", "organisation",
})


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


REGIMES: tuple[str, ...] = ("organisation", "single_words", "partial", "multi_words")
_COLUMN = {name: i for i, name in enumerate(FEATURES)}
# Regimes with fewer labelled pairs of either class than this use the model fitted on all pairs.
_MIN_REGIME_CLASS = 20


def regime_of(features: np.ndarray) -> np.ndarray:
    """Regime index per pair: organisation names, then two one-word names, then partial, else multi."""
    regime = np.full(len(features), REGIMES.index("multi_words"), dtype=np.int64)
    for name in ("partial", "single_words", "organisation"):  # later wins
        regime[features[:, _COLUMN[name]] > 0.5] = REGIMES.index(name)
    return regime


def _fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float, max_iter: int) -> np.ndarray:
    """Newton's method (IRLS) with an L2 penalty on the coefficients, not the intercept."""
    x = np.hstack([np.ones((len(y), 1)), x])
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
    return beta


class MatchModel:
    """Logistic model per regime: probability = sigmoid(intercept[r] + basis(features) . coefficients[r])."""

    def __init__(self, weights: ScorerWeights) -> None:
        if tuple(weights.features) != BASIS or tuple(weights.regimes) != REGIMES:
            raise ConfigError(
                "scorer weights were fitted for a different feature set; refit them with Reconciler.fit"
            )
        for field in ("pool_scaling", "place_pool_scaling"):
            scaling = getattr(weights, field)
            if scaling is not None and len(scaling) != len(REGIMES):
                raise ConfigError(
                    f"{field} needs one (a, b) per regime ({len(REGIMES)}), got {len(scaling)}"
                )
        self.weights = weights
        self.coefficients = np.asarray(weights.coefficients, dtype=np.float64)  # (regimes x basis)
        self.intercepts = np.asarray(weights.intercepts, dtype=np.float64)
        self._pool_models: dict[bool, MatchModel] = {}

    def log_odds(self, features: np.ndarray) -> np.ndarray:
        """intercept + basis . coefficients per pair, one basis column at a time (no basis matrix)."""
        regime = regime_of(features)
        z = np.empty(len(features))
        # One regime at a time, so each coefficient is a scalar rather than gathered per pair.
        for r in np.unique(regime).tolist():
            rows = np.flatnonzero(regime == r)
            # One contiguous row per feature (a transposed astype would keep the columns strided).
            values = np.ascontiguousarray(features[rows].T, dtype=np.float64)
            coefficients = self.coefficients[r].tolist()
            z_r = np.full(len(rows), self.intercepts[r])
            term = np.empty(len(rows))  # each basis term in turn, computed in place: no temporaries
            column = 0
            for i, feature in enumerate(FEATURES):
                x = values[i]
                z_r += np.multiply(x, coefficients[column], out=term)
                column += 1
                if feature not in _FLAGS:
                    for knot in _KNOTS:
                        np.subtract(x, knot, out=term)
                        np.maximum(term, 0.0, out=term)
                        term *= coefficients[column]
                        z_r += term
                        column += 1
            z[rows] = z_r
        return z

    def in_pools(self, *, places: bool = False) -> MatchModel:
        """The model that scores candidate pairs found by blocking a pool (``pool_scaling`` applied;
        with ``places``, for two names typed as places, ``place_pool_scaling`` where there is one).

        Same ranking within each regime; only what a score means changes, because a pool's
        look-alike pairs are far less often matches than pairs given one by one.
        """
        if places and self.weights.place_pool_scaling is None:
            return self.in_pools()
        scaling = self.weights.place_pool_scaling if places else self.weights.pool_scaling
        if scaling is None:
            return self
        if places not in self._pool_models:
            note = "scaled for pools of places" if places else "scaled for pools"
            self._pool_models[places] = self._scaled(scaling, note)
        return self._pool_models[places]

    def _scaled(self, scaling, note: str) -> MatchModel:
        """Per regime r, log-odds z become a[r] * z + b[r] (Platt scaling). The scaled model has no
        pool scaling of its own: its probabilities are meant as they are, in pools too."""
        coefficients = tuple(
            tuple(float(a * c) for c in row) for (a, _), row in zip(scaling, self.coefficients, strict=True)
        )
        intercepts = tuple(float(a * i + b) for (a, b), i in zip(scaling, self.intercepts))
        return MatchModel(self.weights.model_copy(update={
            "coefficients": coefficients, "intercepts": intercepts,
            "trained_on": f"{self.weights.trained_on}; {note}", "pool_scaling": None,
            "place_pool_scaling": None,
        }))

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Match probability per pair, float64 in [0, 1]."""
        if len(features) == 0:
            return np.zeros(0)
        return _sigmoid(self.log_odds(features))

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
        """Fit one logistic model on all pairs, then one per regime that has enough pairs of both classes."""
        y = np.asarray(labels, dtype=np.float64)
        if features.ndim != 2 or len(features) != len(y):
            raise InputError("features and labels must have one row per pair")
        if len(np.unique(y)) < 2:
            raise InputError("fitting needs both matching and non-matching pairs")
        w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        basis = expand(features)
        shared = _fit_logistic(basis, y, w, l2, max_iter)
        regime = regime_of(features)
        coefficients, intercepts = [], []
        for r in range(len(REGIMES)):
            rows = regime == r
            if REGIMES[r] == "organisation":
                # Few labelled organisations exist: their model also learns from all multi-word
                # pairs, where the organisation flag keeps what is specific to them.
                rows = rows | (regime == REGIMES.index("multi_words"))
            positives = int(y[rows].sum())
            if min(positives, int(rows.sum()) - positives) >= _MIN_REGIME_CLASS:
                beta = _fit_logistic(basis[rows], y[rows], w[rows], l2, max_iter)
            else:
                beta = shared
            intercepts.append(float(beta[0]))
            coefficients.append(tuple(float(c) for c in beta[1:]))
        weights = ScorerWeights(
            features=BASIS, regimes=REGIMES, coefficients=tuple(coefficients),
            intercepts=tuple(intercepts), trained_on=trained_on,
        )
        return cls(weights)

    def recalibrated(
        self, features: np.ndarray, labels: np.ndarray, *, trained_on: str = "", l2: float = 1e-3
    ) -> MatchModel:
        """The same model with its probabilities recalibrated on labelled pairs (Platt scaling).

        Per regime, the log-odds z become a * z + b with a and b fitted on these pairs, so the ranking
        of pairs within a regime never changes, only what a score means. Probabilities depend on
        how common matches are among the pairs scored (base rate); recalibrating on pairs drawn
        like the ones to be scored makes them mean what they say there. Regimes with too few pairs
        of either class get the scaling fitted on all pairs.
        """
        y = np.asarray(labels, dtype=np.float64)
        if features.ndim != 2 or len(features) != len(y):
            raise InputError("features and labels must have one row per pair")
        if len(np.unique(y)) < 2:
            raise InputError("calibrating needs both matching and non-matching pairs")
        scaling = platt_scaling(self.log_odds(features), y, regime_of(features), np.ones(len(y)), l2=l2)
        # The user's pairs now define what a probability means, in pools too.
        return self._scaled(scaling, f"recalibrated on {trained_on or f'{len(y)} pairs'}")


def platt_scaling(
    log_odds: np.ndarray, labels: np.ndarray, regime: np.ndarray, weight: np.ndarray, *, l2: float = 1e-3,
    fallback: tuple[float, float] | None = None,
) -> tuple[tuple[float, float], ...]:
    """Per regime, the (a, b) of ``sigmoid(a * z + b)`` fitted to the labels (Platt scaling).

    Regimes with too few pairs of either class get ``fallback``, by default the scaling fitted on
    all pairs.
    """
    y = np.asarray(labels, dtype=np.float64)
    z = np.asarray(log_odds, dtype=np.float64)[:, None]
    if fallback is None:
        b, a = _fit_logistic(z, y, weight, l2, 50)
        fallback = (float(a), float(b))
    shared = (float(fallback[0]), float(fallback[1]))
    scaling = []
    for r in range(len(REGIMES)):
        rows = regime == r
        positives = int(y[rows].sum())
        if min(positives, int(rows.sum()) - positives) >= _MIN_REGIME_CLASS:
            b, a = _fit_logistic(z[rows], y[rows], weight[rows], l2, 50)
            scaling.append((float(a), float(b)))
        else:
            scaling.append(shared)
    return tuple(scaling)


@lru_cache(maxsize=1)
def shipped_weights() -> ScorerWeights:
    """The default weights shipped with namerec (fitted on the train splits, see docs/scoring.md)."""
    raw = resources.files("namerec.scoring").joinpath("weights.json").read_text("utf-8")
    return ScorerWeights.model_validate(json.loads(raw))


def model_for(weights: ScorerWeights | None) -> MatchModel:
    return MatchModel(weights if weights is not None else shipped_weights())
