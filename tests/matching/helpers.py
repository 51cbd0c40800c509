"""Shared helpers for matching tests: create profiles over HTTP, read the index state."""

from __future__ import annotations

import random
from typing import Any

import numpy as np
from fastapi.testclient import TestClient
from sqlalchemy import select

from matchmaker.matching.encoder import Encoder, Vectors
from matchmaker.matching.history import HistoryFit
from matchmaker.matching.models import Embedding
from tests.factories import BODIES


def make(client: TestClient, plural: str, **overrides: Any) -> int:
    response = client.post(f"/v1/{plural}", json=BODIES[plural](**overrides))
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def matches(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return list(response.json()["matches"])


def ids_of(found: list[dict[str, Any]]) -> list[int]:
    return [m["profile"]["id"] for m in found]


def index_state(client: TestClient, kind: str) -> set[int]:
    store = client.app.state.runtime.store  # type: ignore[attr-defined]
    return set(store.indexes[kind].ids().tolist())


def db_embeddings(client: TestClient, kind: str) -> dict[int, np.ndarray]:
    sessions = client.app.state.runtime.sessions  # type: ignore[attr-defined]
    with sessions() as session:
        rows = session.execute(
            select(Embedding.profile_id, Embedding.vector).where(Embedding.kind == kind)
        )
        return {pid: np.frombuffer(vec, dtype="<f4") for pid, vec in rows}


def assert_index_is_database(client: TestClient, kind: str) -> None:
    """The app's index of ``kind`` holds exactly the stored vectors, id for id."""
    stored = db_embeddings(client, kind)
    assert index_state(client, kind) == set(stored)
    index = client.app.state.runtime.store.indexes[kind]  # type: ignore[attr-defined]
    for pid, vector in stored.items():
        np.testing.assert_allclose(index.vectors([pid])[0], vector, rtol=0, atol=1e-6)


class CountingEncoder:
    """The real encoder, counting the texts it is asked to embed."""

    def __init__(self, inner: Encoder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.texts: list[str] = []

    def encode(self, texts: list[str]) -> Vectors:
        self.texts.extend(texts)
        return self.inner.encode(texts)


def random_history_fit(rng: random.Random) -> HistoryFit | None:
    """A history fit as the engine could give one (or none), for ranking arithmetic tests."""
    if rng.random() < 0.4:
        return None
    accepted, declined = rng.randint(0, 12), rng.randint(0, 6)
    if accepted + declined == 0:
        accepted = 1
    return HistoryFit(
        value=round(rng.random(), 4),
        accepted=accepted,
        declined=declined,
        like_accepted=rng.randint(0, accepted),
        like_declined=rng.randint(0, declined),
    )
