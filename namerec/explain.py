"""Why two names match: each feature's push on the log-odds, in words.

The match model is additive in log-odds, so a feature's contribution is exact: the sum of its basis
terms minus what the same terms give for a typical pair (the baseline). Contributions plus the
baseline add up to the log-odds of the probability reported, except for a pair of which one name
is written as the other's acronym, or two one-word given names one listed as the other's nickname,
whose probability is at least a prior, and two names with different patronymics or generational
suffixes, or alike but for a clearly different last word, whose probability is at most a ceiling
(the summary says so).
"""

from __future__ import annotations

import numpy as np

from .models import Explanation, FeatureContribution
from .patronymics import CEILING
from .scoring.features import FEATURE_DESCRIPTIONS, FEATURES
from .scoring.model import BASIS_FEATURE, MatchModel, expand, regime_of
from .scoring.priors import ACRONYM_PROBABILITY, NICKNAME_PROBABILITY

# A typical pair to measure contributions against: nothing in common.
_BASELINE = np.zeros((1, len(FEATURES)), dtype=np.float32)
_ACRONYM = FEATURES.index("acronym")


def explain_pair(model: MatchModel, features: np.ndarray, name_a: str, name_b: str,
                 normalized_a: str, normalized_b: str, probability: float,
                 lowered_by: str = "") -> Explanation:
    """Explain one pair from its feature row and the probability it was scored (which a prior of
    ``scoring.priors`` may have raised above what the features give, or a ceiling lowered:
    ``lowered_by`` names the rule, one of ``two_people.CEILING_REASONS``)."""
    row = features.reshape(1, -1)
    regime = int(regime_of(row)[0])
    coefficients = model.coefficients[regime]
    terms = (expand(row) - expand(_BASELINE))[0] * coefficients
    baseline = float(model.intercepts[regime] + expand(_BASELINE)[0] @ coefficients)
    by_feature = {name: 0.0 for name in FEATURES}
    for term, feature in zip(terms, BASIS_FEATURE):
        by_feature[feature] += float(term)
    # Above what the features give, a prior set the probability: the acronym's, else a nickname's.
    from_features = float(model.predict(row)[0])
    raised = probability > from_features
    acronym = raised and bool(row[0, _ACRONYM] > 0.5)
    nickname = raised and not acronym
    # Below it, a rule of ``two_people`` capped it.
    fathers, generations, last_words = (lowered_by == why for why in ("fathers", "generations", "last_words"))
    contributions = [
        FeatureContribution(
            name=name, value=round(float(row[0, i]), 4), contribution=round(by_feature[name], 4),
            description=FEATURE_DESCRIPTIONS[name],
        )
        for i, name in enumerate(FEATURES)
    ]
    contributions.sort(key=lambda c: -abs(c.contribution))
    ruled_by = "acronym" if acronym else "nickname" if nickname else lowered_by
    return Explanation(
        name_a=name_a, name_b=name_b, normalized_a=normalized_a, normalized_b=normalized_b,
        probability=round(probability, 4), baseline_log_odds=round(baseline, 4),
        features=contributions, summary=_summary(name_a, name_b, normalized_a, normalized_b,
                                                 probability, contributions, baseline, acronym,
                                                 nickname, fathers, generations, last_words),
        ruled_by=ruled_by,
    )


def _probability(log_odds: float) -> float:
    return float(1.0 / (1.0 + np.exp(-log_odds)))


def _summary(name_a, name_b, norm_a, norm_b, probability, contributions, baseline, acronym=False,
             nickname=False, fathers=False, generations=False, last_words=False) -> str:
    verdict = "likely the same" if probability >= 0.5 else "likely different"
    lines = [f"{name_a!r} vs {name_b!r}: match probability {probability:.2f} ({verdict})."]
    if (norm_a, norm_b) != (name_a, name_b):
        lines.append(f"Compared as {norm_a!r} and {norm_b!r} after normalisation.")
    if acronym:
        lines.append(f"One name is written as the other's acronym: that alone gives "
                     f"{ACRONYM_PROBABILITY:.2f} (a prior, as unrelated bodies share acronyms); "
                     "the features below say less.")
    if nickname:
        lines.append(f"One name is listed as the other's nickname: that alone gives "
                     f"{NICKNAME_PROBABILITY:.2f} (a prior; two names in a list may still be two people); "
                     "the features below say less.")
    if fathers:
        lines.append(f"The names carry two different patronymics (fathers' names), so they are two "
                     f"people whatever else they share: at most {CEILING:.2f}; the features below "
                     "alone would give more.")
    if generations:
        lines.append(f"The names carry two different generational suffixes (Jr. and Sr., II and III): "
                     f"a father and a son, whatever else they share: at most {CEILING:.2f}; the "
                     "features below alone would give more.")
    if last_words:
        lines.append(f"The names agree word for word but for clearly different last words: two people "
                     f"of one given name whose family or father differ, as a rule: at most "
                     f"{probability:.2f}; the features below alone would give more.")
    lines.append(
        "Each feature's push is measured from a pair with nothing in common "
        f"(log-odds {baseline:+.1f}, probability {_probability(baseline):.3f})."
    )
    strong = [c for c in contributions if abs(c.contribution) >= 0.25][:5]
    for c in strong:
        direction = "for a match" if c.contribution > 0 else "against a match"
        lines.append(f"- {c.description} ({c.value:.2f}): {c.contribution:+.2f} log-odds {direction}")
    if not strong:
        lines.append("- no single feature moved the decision much")
    return "\n".join(lines)
