"""The multilingual models, each loaded once per test session (they are real, not fakes),
and the demo data seeded into a test's service."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from matchmaker.config import Settings
from matchmaker.demo import seed
from matchmaker.kinds import INCUBATOR, PARTNER, SCENARIO, STARTUP
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.registry import load_encoder


@pytest.fixture(scope="session")
def e5_encoder() -> Encoder:
    return load_encoder("multilingual-e5-small")


@pytest.fixture(scope="session")
def use_encoder() -> Encoder:
    return load_encoder("use-multilingual")


@pytest.fixture
def demo(client: TestClient, settings: Settings) -> dict[str, dict[str, int]]:
    """The demo profiles, by kind then name (title for scenarios)."""
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    seed.load(settings, runtime)
    out: dict[str, dict[str, int]] = {}
    with runtime.sessions() as session:
        for kind in (STARTUP, INCUBATOR, PARTNER, SCENARIO):
            table = kind.model.__table__
            label = table.c.title if kind is SCENARIO else table.c.name
            out[kind.name] = {n: i for n, i in session.execute(select(label, table.c.id))}
    return out
