"""An Idempotency-Key claim commits or rolls back with the request's own changes.

Whether a retry may run again depends on whether the first request's transaction
committed, never on a timer alone: a request that took effect never runs twice. A claim whose
owner is gone (the request ended, its process was killed) is dead at once.
"""

from __future__ import annotations

import subprocess
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.platform import idempotency, leases
from matchmaker.platform.models import IdempotencyRecord
from matchmaker.startups.models import Startup
from tests.conftest import KeyFactory
from tests.factories import startup_body
from tests.platform.helpers import claim, kill_9, owner_in


def _record(client: TestClient, key: str) -> IdempotencyRecord:
    sessions: sessionmaker[Session] = client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as session:
        record = session.scalar(select(IdempotencyRecord).where(IdempotencyRecord.key == key))
        assert record is not None
        return record


def _age(client: TestClient, key: str, by: timedelta) -> None:
    with client.app.state.sessions() as session, session.begin():  # type: ignore[attr-defined]
        record = session.scalar(select(IdempotencyRecord).where(IdempotencyRecord.key == key))
        assert record is not None
        record.created_at -= by


def _startups(client: TestClient) -> int:
    with client.app.state.sessions() as session:  # type: ignore[attr-defined]
        return int(session.scalar(select(func.count()).select_from(Startup)) or 0)


def test_a_write_stamps_its_claim_and_a_read_only_post_does_not(
    client: TestClient, auth: KeyFactory
) -> None:
    founder = auth("founder")
    created = client.post(
        "/v1/startups", json=startup_body(), headers={**founder, "Idempotency-Key": "write"}
    )
    assert created.status_code == 201
    assert _record(client, "write").committed_at is not None
    asked = client.post(
        "/v1/recommendations",
        json={"kind": "startups", "profile": startup_body(name="Other"), "targets": ["incubators"]},
        headers={**founder, "Idempotency-Key": "read"},
    )
    assert asked.status_code == 200
    assert _record(client, "read").committed_at is None


def test_a_request_that_rolls_back_leaves_its_claim_unstamped(
    client: TestClient, auth: KeyFactory
) -> None:
    founder = auth("founder")
    body = startup_body(name="Twice Lab")
    assert client.post("/v1/startups", json=body, headers=founder).status_code == 201
    duplicate = client.post("/v1/startups", json=body, headers={**founder, "Idempotency-Key": "d"})
    assert duplicate.status_code == 409
    record = _record(client, "d")
    assert record.committed_at is None
    assert record.status_code == 409  # still the first response, replayed to a retry


def test_a_request_whose_response_was_not_stored_answers_lost_at_once(
    client: TestClient, auth: KeyFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    founder = {**auth("founder"), "Idempotency-Key": "crash"}
    body = startup_body(name="Crash Lab")
    # Storing the response fails after the route committed (e.g. the database went away).
    with monkeypatch.context() as patch:
        patch.setattr(idempotency, "complete", lambda *args, **kwargs: None)
        assert client.post("/v1/startups", json=body, headers=founder).status_code == 201
    assert _record(client, "crash").committed_at is not None
    # The request has ended, so its claim is dead: the retry is told at once that the
    # request took effect, instead of waiting or running it again.
    lost = client.post("/v1/startups", json=body, headers=founder)
    assert lost.status_code == 409
    assert lost.json()["error"] == "idempotency_response_lost"
    assert _startups(client) == 1


def test_a_claim_of_a_killed_process_that_never_committed_runs_again_at_once(
    client: TestClient, auth: KeyFactory, other_process: subprocess.Popen[bytes]
) -> None:
    founder = auth("founder")
    claim(client, founder, "died", owner_in(other_process))
    headers = {**founder, "Idempotency-Key": "died"}
    busy = client.post("/v1/startups", json=startup_body(), headers=headers)
    assert busy.status_code == 409  # its owner still runs
    assert busy.json()["error"] == "idempotency_in_progress"
    kill_9(other_process)
    again = client.post("/v1/startups", json=startup_body(), headers=headers)
    assert again.status_code == 201
    assert _startups(client) == 1


def test_a_claim_of_a_killed_process_that_committed_answers_lost_at_once(
    client: TestClient, auth: KeyFactory, other_process: subprocess.Popen[bytes]
) -> None:
    record_id = _claimed(client, auth, "died-late", True, owner_in(other_process))
    with client.app.state.sessions() as session:  # type: ignore[attr-defined]
        record = session.get(IdempotencyRecord, record_id)
        assert record is not None
        me = record.api_key_id
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    outcome = idempotency.claim(sessions, me, "died-late", timedelta(hours=1), "me")
    assert outcome == idempotency.Busy()
    kill_9(other_process)
    outcome = idempotency.claim(sessions, me, "died-late", timedelta(hours=1), "me")
    assert outcome == idempotency.Lost("")


def test_a_claim_made_on_another_machine_is_timed_out(client: TestClient, auth: KeyFactory) -> None:
    founder = auth("founder")
    # A process there cannot be seen from here: its claim is held for STALE_CLAIM.
    claim(client, founder, "far", "another-host|boot|42|1234|token")
    headers = {**founder, "Idempotency-Key": "far"}
    assert client.post("/v1/startups", json=startup_body(), headers=headers).status_code == 409
    _age(client, "far", leases.STALE_CLAIM + timedelta(seconds=1))
    assert client.post("/v1/startups", json=startup_body(), headers=headers).status_code == 201


def _claimed(client: TestClient, auth: KeyFactory, key: str, committed: bool, owner: str) -> int:
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    record_id = claim(client, auth("founder"), key, owner)
    if committed:
        with sessions() as session, session.begin():
            record = session.get(IdempotencyRecord, record_id)
            assert record is not None
            record.committed_at = record.created_at
    return record_id


@pytest.mark.parametrize("committed", [False, True])
def test_a_5xx_is_kept_only_when_the_request_committed(
    client: TestClient, auth: KeyFactory, committed: bool, live_owner: str
) -> None:
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    record_id = _claimed(client, auth, "boom", committed, live_owner)
    idempotency.complete(sessions, idempotency.Claimed(record_id), "h", 500, [], b"{}")
    with sessions() as session:
        record = session.get(IdempotencyRecord, record_id)
        if committed:
            assert record is not None
            assert record.status_code == 500
        else:
            assert record is None  # nothing happened: the client may retry


def test_a_response_too_large_to_keep_answers_lost_after_a_commit(
    client: TestClient, auth: KeyFactory, live_owner: str
) -> None:
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    record_id = _claimed(client, auth, "big", True, live_owner)
    body = b"x" * (idempotency.MAX_STORED_BODY + 1)
    idempotency.complete(sessions, idempotency.Claimed(record_id), "hash-1", 200, [], body)
    with sessions() as session:
        record = session.get(IdempotencyRecord, record_id)
        assert record is not None
        me = record.api_key_id
    outcome = idempotency.claim(sessions, me, "big", timedelta(hours=1), live_owner)
    assert outcome == idempotency.Lost("hash-1")
    # Uncommitted (a large read-only answer), the claim is dropped and may run again.
    record_id = _claimed(client, auth, "big-read", False, live_owner)
    idempotency.complete(sessions, idempotency.Claimed(record_id), "hash-2", 200, [], body)
    with sessions() as session:
        assert session.get(IdempotencyRecord, record_id) is None
