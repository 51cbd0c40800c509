"""Index snapshots that are empty, truncated or garbage: the server starts and rebuilds."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import sessionmaker

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.kinds import ALL_KINDS
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.models import Embedding
from tests.conftest import as_admin, bearer, mint_key_in
from tests.faults.server import Server, server_env
from tests.matching.helpers import assert_index_is_database, make

pytestmark = pytest.mark.faults


def _empty(data: bytes) -> bytes:
    return b""


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _garbage(data: bytes) -> bytes:
    return os.urandom(max(len(data), 64))


# Start-up reads a kind's snapshot meta (.json), then its vectors (.faiss), then its filter
# masks (.npz), and gives up at the first unreadable file: so each kind gets one damaged file,
# the ones before it whole. Damaged .json files were already rebuilt before issue 12.
DAMAGE: dict[str, tuple[str, Callable[[bytes], bytes]]] = {
    "startup": (".npz", _empty),
    "incubator": (".npz", _truncated),
    "partner": (".npz", _garbage),
    "scenario": (".faiss", _truncated),
}


def test_a_server_starts_over_damaged_snapshots_and_its_index_is_the_database(
    settings: Settings, encoder: Encoder, tmp_path: Path
) -> None:
    with TestClient(create_app(settings, encoder)) as client:
        as_admin(client)
        made = {
            "startup": [make(client, "startups") for _ in range(6)],
            "incubator": [make(client, "incubators") for _ in range(4)],
            "partner": [make(client, "partners") for _ in range(3)],
            "scenario": [make(client, "scenarios") for _ in range(2)],
        }
    # The lifespan saved snapshots on the way out.
    damaged = []
    for kind, (suffix, damage) in DAMAGE.items():
        path = settings.index_dir / f"{kind}{suffix}"
        path.write_bytes(damage(path.read_bytes()))
        damaged.append(f"{path.name} {damage.__name__.strip('_')}")
    print("damaged:", ", ".join(damaged))

    url = settings.resolved_database_url()
    engine = create_engine(url)
    admin = bearer(mint_key_in(sessionmaker(engine), "admin"))
    server = Server(server_env(url, settings.data_dir), tmp_path / "server.log")
    try:
        server.start()  # fails the test if `serve` exits over a snapshot
        ready = httpx.get(server.url + "/readyz").json()
        startup = made["startup"][0]
        found = httpx.get(f"{server.url}/v1/startups/{startup}/matches", headers=admin)
        server.stop()  # a clean stop writes whole snapshots again
        with engine.connect() as conn:
            stored = dict(
                conn.execute(select(Embedding.kind, func.count()).group_by(Embedding.kind)).all()
            )
    finally:
        server.kill()
        engine.dispose()
    assert ready["ready"] is True
    assert {k.name: ready["index"]["indexed"][k.name] for k in ALL_KINDS} == {
        k.name: stored.get(k.name, 0) for k in ALL_KINDS
    }
    assert found.status_code == 200, found.text
    targets = {m["profile"]["id"] for m in found.json()["matches"]}
    assert targets, "the rebuilt indexes found nothing"
    assert targets <= set(made["incubator"]) | set(made["partner"]) | set(made["scenario"])
    # And the snapshots the server wrote on its way out load as the database.
    with TestClient(create_app(settings, encoder)) as client:
        for each in ALL_KINDS:
            assert_index_is_database(client, each.name)
