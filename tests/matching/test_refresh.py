"""A server's indexes pick up profiles another process saved (a shell import, a second server)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import update

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.kinds import STARTUP
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.models import Embedding
from matchmaker.profiles import service as profiles
from matchmaker.runtime import open_runtime
from matchmaker.startups.models import Startup
from matchmaker.startups.schemas import StartupCreate
from tests.conftest import as_admin
from tests.factories import incubator_body, startup_body
from tests.matching.helpers import ids_of, index_state, matches


def _saved_elsewhere(settings: Settings, encoder: Encoder, tmp_path: Path, **body: object) -> int:
    """A startup saved by another runtime on the same database, as another process would."""
    other = open_runtime(settings.model_copy(update={"data_dir": tmp_path / "other"}), encoder)
    try:
        with other.sessions() as session, session.begin():
            created = profiles.create(session, STARTUP, StartupCreate(**startup_body(**body)))
        return int(created.id)
    finally:
        other.close()


def _wait(condition: object, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("the server did not pick up the other process's write")


def test_a_profile_saved_by_another_process_is_recommended_within_the_interval(
    settings: Settings, encoder: Encoder, tmp_path: Path
) -> None:
    fast = settings.model_copy(update={"index_refresh_seconds": 0.2})
    with TestClient(create_app(fast, encoder)) as raw:
        client = as_admin(raw)
        incubator = client.post(
            "/v1/incubators", json=incubator_body(name="Quantum Works", domains=["quantum"])
        ).json()["id"]
        startup = _saved_elsewhere(
            settings, encoder, tmp_path, name="Qubit Lab", domains=["quantum"]
        )
        _wait(lambda: startup in index_state(client, "startup"))
        path = f"/v1/incubators/{incubator}/matches"
        assert startup in ids_of(matches(client, path))
        # The filter masks know it too (the factory's startups are in Beijing).
        assert startup in ids_of(matches(client, path, region="beijing"))
        assert startup not in ids_of(matches(client, path, region="tianjin"))


def test_refresh_skips_what_this_process_wrote_itself(client: TestClient) -> None:
    store = client.app.state.runtime.store  # type: ignore[attr-defined]
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    before = store.indexes["startup"].ids().tolist()
    assert client.post("/v1/startups", json=startup_body()).status_code == 201
    profile_id = client.get("/v1/startups").json()["items"][0]["id"]
    assert profile_id in store.indexes["startup"].ids()
    assert profile_id not in before
    # Its own commit already put this version in the index: nothing is read again.
    assert store.refresh(sessions, datetime.now(UTC) - timedelta(hours=1)) == 0
    assert store.indexes["startup"].ids().tolist().count(profile_id) == 1
    # A vector rewritten without its profile row changing (a reindex elsewhere) is taken.
    with sessions() as session, session.begin():
        session.execute(
            update(Embedding)
            .where(Embedding.kind == "startup", Embedding.profile_id == profile_id)
            .values(updated_at=datetime.now(UTC))
        )
        session.execute(
            update(Startup)
            .where(Startup.id == profile_id)
            .values(updated_at=datetime.now(UTC) - timedelta(hours=2))
        )
    assert store.refresh(sessions, datetime.now(UTC) - timedelta(hours=1)) == 1
    assert store.indexes["startup"].ids().tolist().count(profile_id) == 1
