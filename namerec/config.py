"""Configuration: one frozen pydantic model, saved and loaded as JSON (never pickle).

A Config describes *what* to compute; the pipeline and engines decide how. The same Config gives
the same entities on every engine.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ConfigError

SCHEMA_VERSION = 1


def _describe(exc: ValidationError) -> str:
    """One line naming each invalid field and what is wrong with it."""
    details = "; ".join(
        f"{'.'.join(str(part) for part in error['loc']) or 'config'}: {error['msg']}"
        for error in exc.errors()
    )
    return f"invalid namerec config: {details}"


class ScorerWeights(BaseModel):
    """A fitted logistic scorer: per regime of pair, one weight per basis feature and an intercept.

    Regimes are kinds of pair that need different evidence (two one-word names; a one-word name
    against a longer one; two longer names; organisation names); ``coefficients[r]`` and
    ``intercepts[r]`` belong to ``regimes[r]``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    features: tuple[str, ...]
    regimes: tuple[str, ...]
    coefficients: tuple[tuple[float, ...], ...]
    intercepts: tuple[float, ...]
    trained_on: str = ""
    # Per regime, (a, b): pairs found by blocking a pool get probability sigmoid(a * z + b) instead
    # of sigmoid(z). Most look-alike pairs in a pool name different entities, while a pair someone
    # lists is usually a plausible one: the same evidence means a lower probability in a pool.
    # None: one mapping for both (what fit and calibrate produce).
    pool_scaling: tuple[tuple[float, float], ...] | None = None
    # The same for pairs of two names typed as places (LOC); None: ``pool_scaling`` serves them too.
    # A person's one-word name (a given name, a surname) is shared by many people in a pool, a
    # place's seldom by another place, so the same evidence means more between places.
    place_pool_scaling: tuple[tuple[float, float], ...] | None = None


class Config(BaseModel):
    """Settings for reconciliation. Every field has a default that works without tuning.

    >>> cfg = Config(match_threshold=0.6)
    >>> Config.model_validate_json(cfg.model_dump_json()) == cfg
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int = Field(SCHEMA_VERSION, description="Version of this settings schema.")
    match_threshold: float = Field(
        0.5, ge=0.0, le=1.0,
        description="Match probability at or above which two names may be put in one entity.",
    )
    one_word_threshold: float = Field(
        0.45, ge=0.0, le=1.0,
        description="Mean match probability needed to put two one-word names (a lone surname or given "
        "name) in one entity. Pool probabilities of one-word pairs are already low, since look-alike "
        "words abound; this value maximised pairwise F1 on train-split pools.",
    )
    partial_names: Literal["attach_unique", "separate"] = Field(
        "attach_unique",
        description=(
            "What to do with a one-token name (surname or given name only): attach it to the one "
            "compatible full-name entity when there is exactly one, or always keep it apart."
        ),
    )
    bare_nicknames: Literal["auto", "apart", "join"] = Field(
        "auto",
        description="One-word given names that the nickname lexicons list as one name (Bill and "
        "William, Peggy and Margaret): 'join' compares them and gives them the listed-nickname "
        "probability, for lists of given names as such, where Bill and William are one name; 'apart' "
        "leaves them to the match model, which in a pool keeps them apart (in a list of people, a bare "
        "'Bill' and a bare 'William' are as often two people as one); 'auto' joins them when the list "
        "reads as a list of given names: most of its names one word (typed PERSON or untyped), and most "
        "of those (in any script, as read: 'Саша' is 'sasha') known given names or nicknames.",
    )
    untyped_places: Literal["auto", "never", "always"] = Field(
        "auto",
        description="Names without a type: 'always' reads them as places (as if typed LOC: the place "
        "gazetteer and the rules for places apply; the types reported stay the ones given), 'never' "
        "as names of any kind, 'auto' as places when the list reads as a list of places: most of its "
        "untyped names are wholly forms of places namerec knows (its lexicon's or the gazetteer's).",
    )
    cyrillic_language: Literal["auto", "ru", "uk", "bg", "sr", "mk", "be"] = Field(
        "auto",
        description="Romanisation table for Cyrillic names; 'auto' guesses from letters unique to a "
        "language.",
    )
    max_block_size: int = Field(
        32, ge=2,
        description="Largest group of names sharing one blocking key that is compared all-pairs; "
        "larger groups are compared only with each name's max_block_size // 4 nearest neighbours. "
        "Coarse keys (phonetic codes, skeletons, two initials, three-letter words) use the smaller of "
        "this and 20.",
    )
    progress: bool | None = Field(
        None, description="Show a progress bar on stderr; None = only when stderr is a terminal.",
    )
    scorer: ScorerWeights | None = Field(
        None, description="Fitted scorer weights; None uses the weights shipped with namerec.",
    )

    def __init__(self, **data: object) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise ConfigError(_describe(exc)) from exc

    @field_validator("schema_version")
    @classmethod
    def _known_schema(cls, version: int) -> int:
        if version != SCHEMA_VERSION:
            raise ValueError(
                f"this namerec reads config schema version {SCHEMA_VERSION}, not {version}; "
                "upgrade namerec or rewrite the config"
            )
        return version

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)

    @classmethod
    def from_json(cls, text: str) -> Config:
        try:
            return cls.model_validate_json(text)
        except ValidationError as exc:
            raise ConfigError(_describe(exc)) from exc

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json() + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> Config:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config: {exc}") from exc
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}: not JSON: {exc}") from exc
        return cls.from_json(text)
