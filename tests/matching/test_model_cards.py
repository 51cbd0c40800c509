"""models/<name>.json describes each registered multilingual model as the service loads it."""

from __future__ import annotations

import json
from importlib.metadata import metadata, version
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from matchmaker.matching.encoder import Encoder
from matchmaker.matching.registry import MODELS

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"


def _card(name: str) -> dict[str, Any]:
    card: dict[str, Any] = json.loads((MODELS_DIR / f"{name}.json").read_text())
    return card


@pytest.mark.parametrize(
    ("name", "fixture"),
    [("multilingual-e5-small", "e5_encoder"), ("use-multilingual", "use_encoder")],
)
def test_the_card_matches_the_registry_the_package_and_the_loaded_model(
    name: str, fixture: str, request: pytest.FixtureRequest
) -> None:
    card, spec = _card(name), MODELS[name]
    assert (card["name"], card["stored_name"], card["dimension"], card["prefix"]) == (
        spec.key,
        spec.stored_name,
        spec.dim,
        spec.prefix,
    )
    assert version(card["package"]) == card["package_version_tested"]
    assert metadata(card["package"])["License"] == card["package_licence"]
    encoder: Encoder = request.getfixturevalue(fixture)
    vectors = encoder.encode(["Solid-state lidar for mining trucks", "矿用卡车固态激光雷达"])
    assert vectors.shape == (2, card["dimension"])
    assert card["normalised"] is True
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_every_registered_model_has_a_card() -> None:
    assert {p.stem for p in MODELS_DIR.glob("*.json")} == set(MODELS)
