"""models/all-MiniLM-L6-v2.json describes the model the service really loads."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

import numpy as np

from matchmaker.matching.encoder import DEFAULT_MODEL_NAME, Encoder, SentenceTransformerEncoder

CARD = json.loads(
    (Path(__file__).resolve().parents[1] / "models" / "all-MiniLM-L6-v2.json").read_text()
)


def test_the_model_card_matches_the_loaded_default_model(encoder: Encoder) -> None:
    # The session's encoder is the default one: the packaged model, loaded offline.
    assert isinstance(encoder, SentenceTransformerEncoder)
    assert CARD["name"] == encoder.name == DEFAULT_MODEL_NAME
    assert CARD["dimension"] == encoder.dim == 384
    assert CARD["max_seq_length"] == encoder._model.max_seq_length == 256
    vectors = encoder.encode(["Solid-state lidar for mining trucks", "量子精密测量"])
    assert vectors.shape == (2, CARD["dimension"])
    assert CARD["normalised"] is True
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_the_weights_come_from_the_named_package() -> None:
    module = __import__(CARD["module"])
    model_dir = Path(module.get_model_path())
    assert (model_dir / "model.safetensors").is_file()
    assert version(CARD["package"])  # installed as a distribution, not vendored
