"""The map from raw to calibrated member confidence (namerec.member_confidence)."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

import namerec
from namerec.config import Config
from namerec.member_confidence import _knots, calibrated_member_confidence, uncalibrated


def test_the_shipped_map_is_monotone_within_0_and_1_and_keeps_certainty():
    raw, calibrated = _knots()
    assert raw[0] == 0.0 and raw[-1] == 1.0 and (np.diff(raw) > 0).all()
    assert (np.diff(calibrated) >= 0).all() and 0.0 <= calibrated.min() and calibrated.max() <= 1.0
    assert calibrated[-1] == 1.0


@given(st.lists(st.tuples(st.integers(0, 5), st.floats(0.0, 1.0)), min_size=1, max_size=30))
def test_only_members_of_shared_clusters_are_mapped_and_order_is_kept(units):
    labels = np.array([label for label, _ in units])
    raw = np.array([value for _, value in units])
    out = calibrated_member_confidence(labels, raw)
    alone = np.bincount(labels, minlength=len(labels))[labels] == 1
    assert (out[alone] == raw[alone]).all()
    assert ((0.0 <= out) & (out <= 1.0)).all()
    shared = ~alone
    order = np.argsort(raw[shared], kind="stable")
    assert (np.diff(out[shared][order]) >= -1e-12).all()  # a higher raw value never gets a lower one


def test_the_map_applies_to_the_shipped_weights_only():
    names = ["Max Bergmann", "Max Bergman", "M. Bergmann", "Ingrid Bergman", "Bergmann"]
    shipped = namerec.reconcile(names, config=Config(progress=False))
    with uncalibrated():
        raw = namerec.reconcile(names, config=Config(progress=False))
    assert shipped.labels == raw.labels
    by_index = {m.index: m.confidence for e in shipped.entities for m in e.members}
    raw_by_index = {m.index: m.confidence for e in raw.entities for m in e.members}
    sizes = {m.index: len(e.members) for e in shipped.entities for m in e.members}
    for index, size in sizes.items():
        if size == 1:
            assert by_index[index] == raw_by_index[index]
    assert any(by_index[i] != raw_by_index[i] for i, size in sizes.items() if size > 1)
    # Weights of the user's own (here the shipped ones, given explicitly): raw confidences.
    own = Config(progress=False, scorer=namerec.Reconciler().model_.weights)
    fitted = namerec.reconcile(names, config=own)
    with uncalibrated():
        assert namerec.reconcile(names, config=own) == fitted
