"""A PostgreSQL restart under a running server: 503 with Retry-After while the database is
down, /readyz naming it, and 2xx again afterwards without restarting the server.

It stops and starts a private cluster of its own, never the shared one.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from matchmaker import migrations_state
from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from tests.factories import startup_body
from tests.live import client_of
from tests.pgcluster import private_cluster


def _requests(client: httpx.Client, startup: int, n: int) -> list[httpx.Response]:
    """One of each kind of request: reads, a write, an idempotent write, a match."""
    return [
        client.get("/readyz"),
        client.get("/v1/startups"),
        client.get(f"/v1/startups/{startup}"),
        client.get(f"/v1/startups/{startup}/matches"),
        client.post("/v1/startups", json=startup_body(name=f"Outage Lab {n}")),
        client.post(
            "/v1/startups",
            json=startup_body(name=f"Keyed Lab {n}"),
            headers={"Idempotency-Key": f"outage-{n}"},
        ),
    ]


def test_a_database_restart_answers_503_then_recovers_without_a_restart(
    tmp_path: Path, encoder: Encoder
) -> None:
    with private_cluster() as cluster:
        migrations_state.upgrade(cluster.url)
        settings = Settings(database_url=cluster.url, data_dir=tmp_path / "data")
        with client_of(create_app(settings, encoder), "admin") as client:
            created = client.post("/v1/startups", json=startup_body(name="Before Lab"))
            assert created.status_code == 201, created.text
            startup = created.json()["id"]
            assert all(r.is_success for r in _requests(client, startup, 0))

            cluster.stop()
            for n in range(1, 3):
                for response in _requests(client, startup, n):
                    assert response.status_code == 503, (response.url, response.text)
                    assert int(response.headers["Retry-After"]) > 0
                    if response.url.path != "/readyz":
                        assert response.json()["error"] == "database_unavailable"
            ready = client.get("/readyz").json()
            assert ready["down"] == ["database"]
            assert "unreachable" in ready["checks"]["database"]["problem"]

            cluster.start()
            deadline = time.monotonic() + 60
            while client.get("/readyz").status_code != 200:
                assert time.monotonic() < deadline, "not ready a minute after the restart"
                time.sleep(0.5)
            for n in range(3, 5):
                for response in _requests(client, startup, n):
                    assert response.is_success, (response.url, response.text)
            # Nothing written while the database was down, everything written after it.
            names = {s["name"] for s in client.get("/v1/startups?limit=100").json()["items"]}
            assert {"Outage Lab 3", "Keyed Lab 4"} <= names
            assert not {"Outage Lab 1", "Keyed Lab 2"} & names
