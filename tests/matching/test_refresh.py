"""A server's indexes follow the change feed: what another process (a shell import, another
replica) creates, updates, deletes or re-embeds reaches its matches and filters."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import update

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.kinds import STARTUP
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.models import Embedding
from matchmaker.matching.reindex import reindex
from matchmaker.profiles import service as profiles
from matchmaker.runtime import Runtime, open_runtime
from matchmaker.startups.schemas import StartupCreate
from tests.conftest import as_admin
from tests.factories import incubator_body, startup_body
from tests.matching.helpers import ids_of, index_state, matches


@contextmanager
def elsewhere(settings: Settings, encoder: Encoder, data_dir: Path) -> Iterator[Runtime]:
    """Another runtime on the same database, as another process would have."""
    other = open_runtime(settings.model_copy(update={"data_dir": data_dir}), encoder)
    try:
        yield other
    finally:
        other.close()


def _wait(condition: Callable[[], bool], timeout: float = 30) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(0.05)
    raise AssertionError("the server did not pick up the other process's change")


def test_another_process_create_update_and_delete_reach_matches_and_filters(
    settings: Settings, encoder: Encoder, tmp_path: Path
) -> None:
    # On PostgreSQL the poll is an hour away: only the NOTIFY can wake the server in time.
    postgres = settings.resolved_database_url().startswith("postgresql")
    every = 3600.0 if postgres else 0.2
    fast = settings.model_copy(update={"index_refresh_seconds": every})
    with (
        TestClient(create_app(fast, encoder)) as raw,
        elsewhere(settings, encoder, tmp_path / "other") as other,
    ):
        client = as_admin(raw)
        incubator = client.post(
            "/v1/incubators", json=incubator_body(name="Quantum Works", domains=["quantum"])
        ).json()["id"]
        path = f"/v1/incubators/{incubator}/matches"
        with other.sessions() as session, session.begin():
            body = startup_body(name="Qubit Lab", domains=["quantum"])
            startup = int(profiles.create(session, STARTUP, StartupCreate(**body)).id)
        _wait(lambda: startup in ids_of(matches(client, path, region="beijing")))
        assert startup not in ids_of(matches(client, path, region="tianjin"))

        with other.sessions() as session, session.begin():
            obj = profiles.get(session, STARTUP, startup)
            moved = {"location": {"city": "Tianjin", "region": "tianjin", "country": "CN"}}
            profiles.update(session, STARTUP, obj, STARTUP.update(**moved), None)
        _wait(lambda: startup in ids_of(matches(client, path, region="tianjin")))
        assert startup not in ids_of(matches(client, path, region="beijing"))

        with other.sessions() as session, session.begin():
            profiles.remove(session, STARTUP, profiles.get(session, STARTUP, startup), None)
        _wait(lambda: startup not in index_state(client, "startup"))
        assert startup not in ids_of(matches(client, path))
        assert startup not in ids_of(matches(client, path, region="tianjin"))


def test_the_feed_skips_what_this_process_wrote_and_takes_a_reindex_elsewhere(
    encoder: Encoder, settings: Settings, tmp_path: Path
) -> None:
    # No refresher thread: this test follows the feed itself.
    manual = settings.model_copy(update={"index_refresh_seconds": 0})
    with TestClient(create_app(manual, encoder)) as raw:
        _skips_own_takes_reindex(as_admin(raw), encoder, settings, tmp_path)


def _skips_own_takes_reindex(
    client: TestClient, encoder: Encoder, settings: Settings, tmp_path: Path
) -> None:
    store = client.app.state.runtime.store  # type: ignore[attr-defined]
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    assert client.post("/v1/startups", json=startup_body()).status_code == 201
    profile_id = client.get("/v1/startups").json()["items"][0]["id"]
    assert profile_id in store.indexes["startup"].ids()
    store.follow(sessions)
    # Its own commit already put this version in the index: nothing is read again.
    assert client.post("/v1/startups", json=startup_body()).status_code == 201
    assert store.follow(sessions) == (0, False)
    # A vector rewritten without its profile changing (a reindex elsewhere) is taken.
    with elsewhere(settings, encoder, tmp_path / "other") as other:
        with other.sessions() as session, session.begin():
            # As if made from another text: the reindex must embed this one again.
            session.execute(
                update(Embedding)
                .where(Embedding.kind == "startup", Embedding.profile_id == profile_id)
                .values(content_hash="stale")
            )
        reindex(other.store, other.sessions, progress=False)
    assert store.follow(sessions) == (1, False)
    assert store.indexes["startup"].ids().tolist().count(profile_id) == 1
