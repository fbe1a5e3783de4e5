"""Result models: pydantic at the boundary, JSON round trip, built once the hot path is done."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Member(_Result):
    """One input name inside an entity."""

    index: int = Field(description="Position of the name in the input.")
    name: str = Field(description="The input string, exactly as given.")
    confidence: float = Field(description="Probability that this member belongs to the entity.")


class Entity(_Result):
    """A reconciled entity: its id, canonical name, type and members."""

    id: str = Field(description="Deterministic id derived from the members' normalised forms.")
    canonical: str = Field(description="Canonical name chosen by the stated policy.")
    type: str = Field("", description="Canonical entity type, '' when unknown.")
    confidence: float = Field(description="Confidence that the members form one entity.")
    members: list[Member]
    canonical_reason: str = Field("", description="Why this canonical name was chosen.")


class Reconciliation(_Result):
    """The result of :func:`namerec.reconcile`: a label per input and the entities."""

    labels: list[str] = Field(description="Entity id per input name, in input order.")
    entities: list[Entity]

    def entity_of(self, index: int) -> Entity:
        """The entity of the input at ``index``."""
        wanted = self.labels[index]
        return next(e for e in self.entities if e.id == wanted)


class Alternative(_Result):
    ref_id: str
    ref_name: str
    score: float


class Link(_Result):
    """A name linked to a reference entry, or not linked (``ref_id is None``: no entry)."""

    name: str
    ref_id: str | None
    ref_name: str | None
    confidence: float
    alternatives: list[Alternative] = Field(default_factory=list)


class Mention(_Result):
    """A name found in running text; ``text == document[start:end]``."""

    text: str
    start: int
    end: int
    type: str
    entity_id: str
    canonical: str
    confidence: float
    ref_id: str | None = None


class TextReconciliation(_Result):
    mentions: list[Mention]
    entities: list[Entity]


class FeatureContribution(_Result):
    """One feature of a pair: its value, its push on the log-odds, and what it means."""

    name: str
    value: float
    contribution: float = Field(description="Change in log-odds of a match caused by this feature.")
    description: str


class Explanation(_Result):
    """Why two names do (or do not) match."""

    name_a: str
    name_b: str
    normalized_a: str
    normalized_b: str
    probability: float
    baseline_log_odds: float
    features: list[FeatureContribution]
    summary: str
    ruled_by: str = Field(
        default="",
        description='The rule that set the probability instead of the features alone: "acronym" or '
        '"nickname" (a prior raised it), "fathers", "generations" or "last_words" (a ceiling lowered '
        'it); "" when the features alone give it, and their contributions then add up to its log-odds.',
    )

    def __str__(self) -> str:
        return self.summary
