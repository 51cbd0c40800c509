"""The FAISS indexes hold exactly the database's vectors: after writes, restarts and races."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from tests.conftest import as_admin
from tests.matching.helpers import (
    CountingEncoder,
    assert_index_is_database,
    db_embeddings,
    ids_of,
    index_state,
    make,
    matches,
)


@pytest.fixture
def counting(encoder: Encoder) -> CountingEncoder:
    return CountingEncoder(encoder)


@pytest.fixture
def app_client(settings: Settings, counting: CountingEncoder) -> Iterator[TestClient]:
    with TestClient(create_app(settings, counting)) as client:
        as_admin(client)
        yield client


def test_profile_is_matchable_as_soon_as_create_returns(app_client: TestClient) -> None:
    inc = make(app_client, "incubators")
    startup = make(app_client, "startups", domains=["robotics"])
    assert inc in ids_of(matches(app_client, f"/v1/startups/{startup}/matches"))
    assert startup in ids_of(matches(app_client, f"/v1/incubators/{inc}/matches"))
    assert_index_is_database(app_client, "startup")


def test_update_reembeds_only_when_the_text_changes(
    app_client: TestClient, counting: CountingEncoder
) -> None:
    sid = make(app_client, "startups")
    before = db_embeddings(app_client, "startup")[sid]
    counting.texts.clear()
    assert (
        app_client.patch(
            f"/v1/startups/{sid}",
            json={"website": "https://x.example.cn", "contact_email": "a@example.com"},
        ).status_code
        == 200
    )
    assert counting.texts == []  # identity fields are not embedded: nothing re-encoded
    assert (
        app_client.patch(
            f"/v1/startups/{sid}", json={"description": "Quantum gravimeters for oil exploration."}
        ).status_code
        == 200
    )
    assert len(counting.texts) == 1
    assert "Quantum gravimeters" in counting.texts[0]
    after = db_embeddings(app_client, "startup")[sid]
    assert not np.allclose(before, after)
    assert_index_is_database(app_client, "startup")


def test_deleted_profile_never_comes_back(
    app_client: TestClient, settings: Settings, counting: CountingEncoder
) -> None:
    inc = make(app_client, "incubators")
    keep = make(app_client, "incubators")
    startup = make(app_client, "startups", domains=["robotics"])
    assert app_client.delete(f"/v1/incubators/{inc}").status_code == 204
    assert inc not in ids_of(matches(app_client, f"/v1/startups/{startup}/matches"))
    assert keep in ids_of(matches(app_client, f"/v1/startups/{startup}/matches"))
    assert_index_is_database(app_client, "incubator")


def test_restart_loads_the_snapshot_and_catches_up_without_reembedding(
    settings: Settings, counting: CountingEncoder, encoder: Encoder
) -> None:
    with TestClient(create_app(settings, counting)) as first:
        as_admin(first)
        kept = make(first, "incubators", name="Kept")
        gone = make(first, "incubators", name="Deleted while down")
        changed = make(first, "incubators", name="Changed while down")
        startup = make(first, "startups", domains=["robotics"])
    # Another process (its own data dir, same database) writes while we are down.
    other = settings.model_copy(update={"data_dir": settings.data_dir.parent / "other"})
    with TestClient(create_app(other, encoder)) as writer:
        as_admin(writer)
        assert writer.delete(f"/v1/incubators/{gone}").status_code == 204
        added = make(writer, "incubators", name="Added while down")
        assert (
            writer.patch(
                f"/v1/incubators/{changed}", json={"description": "Now a quantum photonics lab."}
            ).status_code
            == 200
        )
    counting.texts.clear()
    with TestClient(create_app(settings, counting)) as second:
        as_admin(second)
        assert counting.texts == []  # caught up from stored vectors, nothing re-embedded
        assert index_state(second, "incubator") == {kept, changed, added}
        assert_index_is_database(second, "incubator")
        found = ids_of(matches(second, f"/v1/startups/{startup}/matches", limit=100))
        assert gone not in found
        assert {kept, added} <= set(found)


def test_concurrent_writers_and_readers_leave_the_index_equal_to_the_database(
    app_client: TestClient,
) -> None:
    inc = make(app_client, "incubators")
    seeds = [make(app_client, "startups", name=f"Seed {n}") for n in range(6)]
    errors: list[str] = []

    def writer(n: int) -> None:
        for step in range(4):
            sid = make(
                app_client,
                "startups",
                name=f"W{n}-{step}",
                description=f"Robot grippers, variant {n}-{step}.",
            )
            r = app_client.patch(f"/v1/startups/{sid}", json={"pitch": f"pitch {n} {step}"})
            if r.status_code != 200:
                errors.append(r.text)
            if step % 2:
                app_client.delete(f"/v1/startups/{sid}")
        # Races on one shared row: every write either wins or gets 412, never a 5xx.
        for _ in range(3):
            r = app_client.patch(f"/v1/startups/{seeds[0]}", json={"description": f"v{n}"})
            if r.status_code not in (200, 412):
                errors.append(r.text)

    def reader() -> None:
        for _ in range(8):
            r = app_client.get(f"/v1/incubators/{inc}/matches", params={"limit": 50})
            if r.status_code != 200:
                errors.append(r.text)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    threads += [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert_index_is_database(app_client, "startup")
    with app_client.app.state.runtime.sessions() as session:  # type: ignore[attr-defined]
        db_ids = set(session.scalars(text("SELECT id FROM startup")))
    assert index_state(app_client, "startup") == db_ids
