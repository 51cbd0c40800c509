"""Claims made on another machine die with their process, on PostgreSQL: each serving process
holds a presence lock that PostgreSQL drops when the process dies, so no retry waits out
``STALE_CLAIM`` (tests/platform/test_idempotency_commit.py has the same machine's cases).

PostgreSQL only (a database of this module's own): SQLite is one machine's file.
"""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from matchmaker.platform import leases, presence
from matchmaker.platform.models import IdempotencyRecord
from matchmaker.startups.models import Startup
from tests.conftest import bearer, mint_key, pg_database
from tests.factories import startup_body
from tests.platform.helpers import claim

# A process of another machine: host and boot differ from this one's, so /proc cannot tell.
FAR_PROCESS = "far-host|far-boot|4242|99"
_HOLD = """
import sys, time
from sqlalchemy import create_engine
from matchmaker.platform import presence
presence.enter(create_engine(sys.argv[1]), sys.argv[2])
print("present", flush=True)
time.sleep(300)
"""


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with pg_database() as url:
        yield url


@pytest.fixture
def pg_client(pg_url: str, encoder: Encoder, tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(database_url=pg_url, data_dir=tmp_path), encoder)) as c:
        yield c


@pytest.fixture
def far_process(pg_url: str) -> Iterator[subprocess.Popen[str]]:
    """A process holding the presence lock of FAR_PROCESS, until the test kills it."""
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLD, pg_url, FAR_PROCESS], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "present"
        yield process
    finally:
        process.kill()
        process.wait()
        if process.stdout is not None:
            process.stdout.close()


def _sessions(client: TestClient) -> sessionmaker[Session]:
    return client.app.state.sessions  # type: ignore[attr-defined,no-any-return]


def _eventually(condition: Callable[[], bool], seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _visible(client: TestClient, process: str) -> bool:
    with _sessions(client)() as session:
        return presence.visible(session, process)


def test_a_claim_made_on_another_machine_dies_with_its_process(
    pg_client: TestClient, far_process: subprocess.Popen[str]
) -> None:
    founder = bearer(mint_key(pg_client, "founder"))
    claim(pg_client, founder, "far", f"{FAR_PROCESS}|{leases.PRESENT}{uuid.uuid4().hex}")
    headers = {**founder, "Idempotency-Key": "far"}
    busy = pg_client.post("/v1/startups", json=startup_body(), headers=headers)
    assert busy.status_code == 409  # its owner still runs there
    assert busy.json()["error"] == "idempotency_in_progress"
    far_process.kill()  # SIGKILL: the process gets no chance to let go of anything
    far_process.wait()
    # PostgreSQL ends the dead process's session as soon as it sees the socket closed.
    assert _eventually(lambda: not _visible(pg_client, FAR_PROCESS))
    again = pg_client.post("/v1/startups", json=startup_body(), headers=headers)
    assert again.status_code == 201
    with _sessions(pg_client)() as session:
        assert session.scalar(select(func.count()).select_from(Startup)) == 1


def test_a_claim_of_a_far_process_without_presence_is_still_timed_out(
    pg_client: TestClient,
) -> None:
    # No presence mark (a replica of a version before presence): it may still be running.
    founder = bearer(mint_key(pg_client, "founder"))
    claim(pg_client, founder, "old", f"{FAR_PROCESS}|{uuid.uuid4().hex}")
    headers = {**founder, "Idempotency-Key": "old"}
    assert pg_client.post("/v1/startups", json=startup_body(), headers=headers).status_code == 409


def test_this_process_claims_as_present_and_is_visible(pg_client: TestClient) -> None:
    founder = bearer(mint_key(pg_client, "founder"))
    headers = {**founder, "Idempotency-Key": "mine"}
    assert pg_client.post("/v1/startups", json=startup_body(), headers=headers).status_code == 201
    with _sessions(pg_client)() as session:
        owner = session.scalar(
            select(IdempotencyRecord.owner).where(IdempotencyRecord.key == "mine")
        )
    assert owner is not None
    process, _, token = owner.rpartition("|")
    assert process == leases.this_process()
    assert token.startswith(leases.PRESENT)
    assert _visible(pg_client, process)


def test_presence_is_taken_again_after_its_connection_is_lost(pg_url: str) -> None:
    engine = create_engine(pg_url)
    process = f"lost-host|lost-boot|7|{uuid.uuid4().hex}"
    lock = {"ns": presence.NAMESPACE, "id": presence.key_of(process) & 0xFFFFFFFF}
    where = (
        "FROM pg_locks WHERE locktype = 'advisory' AND classid = :ns AND objid = CAST(:id AS oid)"
    )

    def holder() -> int | None:
        """The backend holding the process's presence lock."""
        with engine.connect() as conn:
            pid = conn.scalar(text(f"SELECT pid {where}"), lock)
            return None if pid is None else int(pid)

    presence.enter(engine, process)
    try:
        first = holder()
        assert first is not None
        assert presence.present(engine, process)
        with engine.begin() as conn:  # as a database restart would, for this session alone
            conn.execute(text(f"SELECT pg_terminate_backend(pid) {where}"), lock)
        assert _eventually(lambda: holder() not in (None, first), 4 * presence.CHECK_SECONDS)
        assert presence.present(engine, process)
    finally:
        presence.leave(engine, process)
    assert holder() is None
    assert not presence.present(engine, process)
    engine.dispose()
