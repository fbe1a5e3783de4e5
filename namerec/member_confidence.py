"""Member confidences that mean what they say: the probability that a name is where it belongs.

Clustering gives each member of an entity of two or more names a raw confidence, the mean match
probability to its fellow members (raised for a bare word joined on weak but unrivalled evidence;
:mod:`namerec.cluster`). That mean is no probability of being in the right entity: in a large entity
a name can belong although its pairs to many fellows are weak. A monotone map fitted on the train
splits' pools (``data/member_confidence.json``, by ``python -m benchmarks.fit_member_confidence``:
isotonic regression of "the name is in the entity most of its own entity's names are in" on the raw
confidence) turns the raw value into that probability. On the held-out test pools it brought the
expected calibration error (15 bins) of those members from 0.065 to 0.013 (splink_historical50k,
9,886 members), 0.062 to 0.034 (wikidata_ru_translit, 3,985) and 0.108 to 0.056 (patstat_orgs, 103).
The fitted probability never falls below 0.70: of the train pools' members with the lowest raw
confidences (up to about 0.4), 70% were in the right entity.

A name alone in its entity keeps 1 minus its best probability to a name outside: the train pools,
built of entities with several names each, say nothing of how often a name is rightly alone. The
map belongs to the shipped weights; with weights the user fitted or calibrated (``Config.scorer``)
the raw confidence is reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import numpy as np

from .normalize.lexicons import load_data

__all__ = ["calibrated_member_confidence", "uncalibrated"]

_enabled = True


@lru_cache(maxsize=1)
def _knots() -> tuple[np.ndarray, np.ndarray]:
    data = load_data("member_confidence.json")
    raw, calibrated = zip(*data["knots"])
    return np.asarray(raw, dtype=np.float64), np.asarray(calibrated, dtype=np.float64)


def calibrated_member_confidence(labels: np.ndarray, confidence: np.ndarray) -> np.ndarray:
    """``confidence`` (per unit) with the map applied to the units whose cluster (``labels``) has
    two or more units; the others' as given."""
    labels = np.asarray(labels)
    confidence = np.asarray(confidence, dtype=np.float64)
    if not _enabled or not len(labels):
        return confidence
    shared = np.bincount(labels, minlength=len(labels))[labels] > 1
    raw, calibrated = _knots()
    return np.where(shared, np.interp(confidence, raw, calibrated), confidence)


@contextmanager
def uncalibrated() -> Iterator[None]:
    """Within the block, raw member confidences are reported (for fitting the map)."""
    global _enabled
    before, _enabled = _enabled, False
    try:
        yield
    finally:
        _enabled = before
