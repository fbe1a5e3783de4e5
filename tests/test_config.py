"""Config: frozen, no unknown keys, JSON round trip, clear errors for bad files and values."""

from __future__ import annotations

import json
from pathlib import Path

import pydantic
import pytest

from namerec import Config, ConfigError, Reconciler
from namerec.config import SCHEMA_VERSION
from namerec.scoring.model import shipped_weights

DOCS = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"


def test_defaults_are_valid_and_what_an_empty_json_object_gives():
    cfg = Config()
    assert cfg.schema_version == SCHEMA_VERSION
    assert 0.0 <= cfg.match_threshold <= 1.0
    assert cfg.scorer is None  # the shipped weights
    assert Config.from_json("{}") == cfg


def test_configuration_doc_lists_every_field_with_its_default():
    # docs/configuration.md has a table row "| `field` | `default as JSON` | ..." per field.
    text = DOCS.read_text(encoding="utf-8")
    for name, field in Config.model_fields.items():
        row = f"| `{name}` | `{json.dumps(field.default)}` |"
        assert row in text, f"docs/configuration.md lacks the row {row!r}"


def test_frozen():
    cfg = Config()
    with pytest.raises(pydantic.ValidationError):
        cfg.match_threshold = 0.9
    assert cfg.match_threshold == 0.5


def test_copy_with_changes_leaves_the_original():
    cfg = Config()
    other = cfg.model_copy(update={"match_threshold": 0.7})
    assert other.match_threshold == 0.7 and cfg.match_threshold == 0.5


def test_hashable_and_comparable():
    assert Config(match_threshold=0.6) == Config(match_threshold=0.6)
    assert Config(match_threshold=0.6) != Config()


def test_unknown_key_is_rejected_in_python():
    with pytest.raises(ValueError, match="match_treshold"):
        Config(match_treshold=0.6)


def test_unknown_key_is_rejected_in_json():
    with pytest.raises(ConfigError, match="match_treshold"):
        Config.from_json(json.dumps({"match_treshold": 0.6}))


@pytest.mark.parametrize("threshold", [-0.01, 1.01, 2, -1])
def test_threshold_outside_unit_interval_is_rejected(threshold):
    with pytest.raises(ValueError):
        Config(match_threshold=threshold)
    with pytest.raises(ConfigError):
        Config.from_json(json.dumps({"match_threshold": threshold}))


@pytest.mark.parametrize("threshold", [0.0, 1.0, 0.35])
def test_threshold_bounds_are_allowed(threshold):
    assert Config(match_threshold=threshold).match_threshold == threshold


@pytest.mark.parametrize("field, value", [
    ("max_block_size", 1), ("partial_names", "sometimes"), ("cyrillic_language", "xx"),
])
def test_other_invalid_values_are_rejected(field, value):
    with pytest.raises(ConfigError):
        Config.from_json(json.dumps({field: value}))


def test_json_round_trip():
    cfg = Config(match_threshold=0.62, partial_names="separate", cyrillic_language="uk",
                 max_block_size=50, progress=False)
    assert Config.from_json(cfg.to_json()) == cfg
    assert json.loads(cfg.to_json())["match_threshold"] == 0.62


def test_json_round_trip_with_scorer_weights():
    cfg = Config(scorer=shipped_weights())
    again = Config.from_json(cfg.to_json())
    assert again == cfg
    assert again.scorer.coefficients == shipped_weights().coefficients


def test_save_and_load(tmp_path):
    cfg = Config(match_threshold=0.7, max_block_size=64)
    path = tmp_path / "config.json"
    cfg.save(path)
    assert Config.load(path) == cfg
    assert Config.load(str(path)) == cfg
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION


def test_a_partial_json_config_takes_the_defaults(tmp_path):
    path = tmp_path / "config.json"
    path.write_text('{"match_threshold": 0.8}', encoding="utf-8")
    assert Config.load(path) == Config(match_threshold=0.8)


def test_loaded_config_gives_the_same_entities(tmp_path):
    cfg = Config(match_threshold=0.8)
    path = tmp_path / "config.json"
    cfg.save(path)
    names = ["Max Bergman", "Max Bergmann", "Ingrid Bergman", "Jon Smith", "John Smith"]
    assert Reconciler(Config.load(path)).reconcile(names) == Reconciler(cfg).reconcile(names)


@pytest.mark.parametrize("text", ["match_threshold = 0.6\n", "", "{", "\x00\x01"])
def test_load_of_a_non_json_file_raises_config_error(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="config.toml"):
        Config.load(path)


def test_load_of_json_that_is_not_an_object_raises_config_error(tmp_path):
    path = tmp_path / "config.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ConfigError):
        Config.load(path)


def test_load_of_an_undecodable_file_raises_config_error(tmp_path):
    path = tmp_path / "config.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ConfigError):
        Config.load(path)


def test_load_of_a_missing_file_raises_config_error(tmp_path):
    with pytest.raises(ConfigError, match="missing.json"):
        Config.load(tmp_path / "missing.json")


def test_config_error_is_a_value_error():
    assert issubclass(ConfigError, ValueError)


def test_weights_for_another_feature_set_are_rejected():
    weights = shipped_weights().model_copy(update={"features": ("something_else",)})
    with pytest.raises(ConfigError, match="refit"):
        Reconciler(Config(scorer=weights))


def test_every_field_has_a_description():
    for name, field in Config.model_fields.items():
        assert field.description, name
