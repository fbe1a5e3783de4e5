"""spaCy entry points (``spacy_factories``, ``spacy_misc``): registrations only.

spaCy imports this module when it starts a pipeline; the work lives in
:mod:`namerec.integrations.spacy_component`, imported when a component or generator is made.
"""

from typing import Any

from spacy.language import Language
from spacy.util import registry

_DEFAULT_CONFIG = {"reference": None, "labels": ["PERSON", "ORG"], "config": {}}


@Language.factory("namerec", default_config=_DEFAULT_CONFIG)
def make_namerec(
    nlp: Language, name: str, reference: str | None, labels: list[str], config: dict[str, Any]
) -> Any:
    from .integrations.spacy_component import NamerecComponent

    return NamerecComponent(nlp, name, reference=reference, labels=labels, config=config)


@registry.misc("namerec.CandidateGenerator.v1")
def candidate_generator(threshold: float = 0.5, limit: int = 20) -> Any:
    from .integrations.spacy_component import make_candidate_generator

    return make_candidate_generator(threshold=threshold, limit=limit)


@registry.misc("namerec.CandidateBatchGenerator.v1")
def candidate_batch_generator(threshold: float = 0.5, limit: int = 20) -> Any:
    from .integrations.spacy_component import make_candidate_batch_generator

    return make_candidate_batch_generator(threshold=threshold, limit=limit)
