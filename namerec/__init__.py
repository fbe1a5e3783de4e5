"""namerec: reconcile name variants into canonical entities with calibrated confidence.

>>> import namerec
>>> result = namerec.reconcile(["Max Bergman", "Max Bergmann", "Ingrid Bergman"])
>>> result.labels[0] == result.labels[1] != result.labels[2]
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .config import Config, ScorerWeights
from .errors import (
    ConfigError,
    FileFormatError,
    InputError,
    MissingExtraError,
    NamerecError,
)
from .link import link
from .models import (
    Alternative,
    Entity,
    Explanation,
    FeatureContribution,
    Link,
    Member,
    Mention,
    Reconciliation,
    TextReconciliation,
)
from .reconciler import Reconciler
from .reference_index import ReferenceIndex
from .text import reconcile_text

__version__ = "0.1.0"


def reconcile(
    names: Sequence[object], /, *, types: Sequence[object] | None = None, config: Config | None = None
) -> Reconciliation:
    """Cluster names into entities: an entity id per input (in order), and the entities.

    ``types`` (optional) gives one type per name (PERSON, ORG, LOC or any label; "" or None =
    unknown); names of two different known types are never merged. None and NaN names are treated
    as blank; a blank name is an entity of its own. Non-string names raise :class:`InputError`.
    """
    return Reconciler(config).reconcile(names, types=types)


def candidate_pairs(
    names: Sequence[object], /, *, types: Sequence[object] | None = None, config: Config | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidate pairs the pipeline scores for a pool, as (row i, row j, probability) arrays.

    Useful to check calibration on pairs drawn the way the pipeline draws them.
    """
    return Reconciler(config).candidate_pairs(names, types=types)


__all__ = [
    "Alternative",
    "Config",
    "ConfigError",
    "Entity",
    "Explanation",
    "FeatureContribution",
    "FileFormatError",
    "InputError",
    "Link",
    "Member",
    "Mention",
    "MissingExtraError",
    "NamerecError",
    "Reconciler",
    "Reconciliation",
    "ReferenceIndex",
    "ScorerWeights",
    "TextReconciliation",
    "__version__",
    "candidate_pairs",
    "link",
    "reconcile",
    "reconcile_text",
]
