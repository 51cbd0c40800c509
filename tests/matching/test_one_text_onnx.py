"""The default model encodes one text a call on ONNX Runtime and batches on torch, under the
torch model's name: the vectors agree, so stored ones stay valid (matching/one_text.py)."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.demo.seed import DATA
from matchmaker.matching.encoder import (
    DEFAULT_MODEL_NAME,
    Encoder,
    SentenceTransformerEncoder,
    Vectors,
)
from matchmaker.matching.models import Embedding
from matchmaker.matching.one_text import OneTextOnnx, one_text_backend
from matchmaker.matching.onnx_encoder import default_cache, exported_graph, graph_path
from matchmaker.matching.registry import load_encoder
from matchmaker.matching.texts import compose
from matchmaker.startups.models import Startup
from tests.conftest import as_admin
from tests.factories import startup_body

LONG = (
    "We build CRISPR diagnostics for county hospitals; our team of twelve has run pilots in "
    "three provinces and seeks lab equipment, a pilot scenario and mentoring. "
) * 12
TEXTS = [
    "Solid-state lidar sensors and perception software for autonomous mining trucks.",
    "Hard-tech incubator with shared labs, a pilot line and a seed fund in Haidian.",
    "Perovskite solar cells",
    "固态激光雷达传感器和感知软件，用于自动驾驶矿用卡车。",
    "面向京津冀制造业的工业机器人视觉检测平台，已在天津两家工厂试点。",
    LONG,
    "",
    "a",
]


@pytest.fixture(scope="module")
def cache() -> Path:
    """The shared model cache, as the service uses it: `make install` exported the graph
    there; exported now (once per machine) if it did not."""
    folder = default_cache()
    graph_path(folder)
    return folder


@pytest.fixture(scope="module")
def one_text(cache: Path) -> OneTextOnnx:
    encoder = load_encoder("", 32, cache)
    assert isinstance(encoder, OneTextOnnx)
    return encoder


class Calls:
    """Counts the calls of a real method and passes each on to it."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.count = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.count += 1
        return self.inner(*args, **kwargs)


def spies(encoder: OneTextOnnx, monkeypatch: pytest.MonkeyPatch) -> tuple[Calls, Calls]:
    """(runs of the ONNX session, forward passes of the torch model) from now on."""
    onnx = Calls(encoder._onnx._session.run)
    torch = Calls(encoder._torch._model.forward)
    monkeypatch.setattr(encoder._onnx._session, "run", onnx)
    monkeypatch.setattr(encoder._torch._model, "forward", torch)
    return onnx, torch


def test_one_text_runs_on_onnx_and_a_batch_on_torch(
    one_text: OneTextOnnx, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert one_text.name == DEFAULT_MODEL_NAME  # stored vectors stay valid: no reindex
    assert one_text.dim == 384
    assert one_text_backend(one_text) == "onnxruntime"
    # Its threads do not spin for work after a run, burning CPU other requests need.
    options = one_text._onnx._session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    onnx, torch = spies(one_text, monkeypatch)
    single = one_text.encode([TEXTS[0]])
    assert (onnx.count, torch.count) == (1, 0)
    batch = one_text.encode(TEXTS[:3])
    assert onnx.count == 1
    assert torch.count >= 1
    assert single.shape == (1, 384)
    assert batch.shape == (3, 384)
    assert single.dtype == batch.dtype == np.float32
    assert one_text.encode([]).shape == (0, 384)


def test_single_texts_agree_with_the_torch_batch(one_text: OneTextOnnx, encoder: Encoder) -> None:
    # The long text is cut at the model's limit of 256 tokens, by both backends alike.
    assert len(one_text._onnx._tokenizer(LONG)["input_ids"]) > 256
    alone = np.concatenate([one_text.encode([text]) for text in TEXTS])
    batch = encoder.encode(TEXTS)
    assert np.allclose(np.linalg.norm(alone, axis=1), 1.0, atol=1e-5)
    cosines = np.sum(alone * batch, axis=1)
    assert cosines.min() > 0.99999, cosines


def test_single_texts_and_batches_from_threads_take_turns(one_text: OneTextOnnx) -> None:
    # One lock for both backends: on two cores, encodes at once would only fight.
    assert one_text._onnx._lock is one_text._torch.lock
    singles = np.concatenate([one_text.encode([text]) for text in TEXTS])
    batch = one_text.encode(TEXTS)
    got: dict[str, list[Vectors]] = {"single": [], "batch": []}

    def run(name: str) -> None:
        for _ in range(6):
            if name == "single":
                got[name].append(np.concatenate([one_text.encode([t]) for t in TEXTS]))
            else:
                got[name].append(one_text.encode(TEXTS))

    threads = [threading.Thread(target=run, args=(name,)) for name in got]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert [len(v) for v in got.values()] == [6, 6]
    assert all(np.allclose(v, singles, atol=1e-6) for v in got["single"])
    assert all(np.allclose(v, batch, atol=1e-6) for v in got["batch"])


def _demo_texts() -> tuple[list[str], list[str]]:
    """(startup texts, incubator texts) of the demo data, composed as the service does."""
    data = json.loads(DATA.read_text(encoding="utf-8"))

    def flat(body: dict[str, Any]) -> SimpleNamespace:
        values = {k: v for k, v in body.items() if k != "location"}
        return SimpleNamespace(**values, **body["location"])

    return (
        [compose("startup", flat(b)) for b in data["startups"]],
        [compose("incubator", flat(b)) for b in data["incubators"]],
    )


def test_the_nearest_profiles_of_a_single_text_are_the_torch_models(
    one_text: OneTextOnnx, encoder: Encoder
) -> None:
    startups, incubators = _demo_texts()
    corpus = encoder.encode(startups + incubators)
    # Eight queries, Chinese-written demo startups among them (the first 40 are half Chinese).
    queries = startups[::5]
    assert any("京" in q or "津" in q for q in queries)
    for query in queries:
        ours = corpus @ one_text.encode([query])[0]
        torch = corpus @ encoder.encode([query])[0]
        assert list(np.argsort(-ours)[:10]) == list(np.argsort(-torch)[:10])


def test_the_setting_off_keeps_every_text_on_torch(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATCHMAKER_ONE_TEXT_ONNX", "false")
    settings = Settings()
    assert settings.one_text_onnx is False
    encoder = load_encoder(settings.model, 32, cache, settings.one_text_onnx)
    assert type(encoder) is SentenceTransformerEncoder
    assert one_text_backend(encoder) == "torch"


def test_without_the_graph_single_texts_stay_on_torch_and_nothing_is_exported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    empty = tmp_path / "cache"
    with caplog.at_level(logging.INFO, logger="matchmaker.matching.one_text"):
        encoder = load_encoder("", 32, empty)
    assert type(encoder) is SentenceTransformerEncoder
    assert encoder.encode(["lidar for trucks"]).shape == (1, 384)
    assert exported_graph(empty) is None
    assert not empty.exists() or list(empty.iterdir()) == []
    hints = [r.getMessage() for r in caplog.records if "matchmaker export-onnx" in r.getMessage()]
    assert len(hints) == 1, caplog.records
    assert "~2x faster" in hints[0]


@pytest.fixture
def served(settings: Settings, cache: Path) -> Iterator[TestClient]:
    """The app with the model loaded from its settings, as `matchmaker serve` loads it."""
    app = create_app(settings.model_copy(update={"model_cache": cache}))
    with TestClient(app) as client:
        yield as_admin(client)


def test_a_profile_written_through_the_api_gets_the_vector_of_its_text(
    served: TestClient, encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    ready = served.get("/readyz").json()
    assert ready["one_text_backend"] == "onnxruntime"
    runtime = served.app.state.runtime  # type: ignore[attr-defined]
    loaded = runtime.store.encoder.inner  # inside the metrics' timing wrapper
    assert isinstance(loaded, OneTextOnnx)
    onnx, torch = spies(loaded, monkeypatch)
    created = served.post("/v1/startups", json=startup_body(name="量子传感 Quantum Sensing"))
    assert created.status_code == 201, created.text
    assert onnx.count == 1
    assert torch.count == 0
    with runtime.sessions() as session:
        profile = session.scalars(select(Startup).where(Startup.id == created.json()["id"])).one()
        stored = session.get(Embedding, ("startup", profile.id))
        assert stored is not None
        text = compose("startup", profile)
    vector = np.frombuffer(stored.vector, dtype="<f4")
    # Encoded in a batch of torch, beside another text, as an import or a reindex would.
    expected = encoder.encode([text, TEXTS[0]])[0]
    assert float(vector @ expected) > 0.99999
