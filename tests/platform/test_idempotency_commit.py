"""An Idempotency-Key claim commits or rolls back with the request's own changes.

Whether a retry may run again depends on whether the first request's transaction
committed, never on a timer alone: a request that took effect never runs twice.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.platform import idempotency
from matchmaker.platform.models import IdempotencyRecord
from matchmaker.startups.models import Startup
from tests.conftest import KeyFactory
from tests.factories import startup_body
from tests.platform.helpers import claim


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


def test_a_process_dying_after_commit_never_runs_the_request_twice(
    client: TestClient, auth: KeyFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    founder = {**auth("founder"), "Idempotency-Key": "crash"}
    body = startup_body(name="Crash Lab")
    # The process "dies" after the route committed and before the response is stored.
    with monkeypatch.context() as patch:
        patch.setattr(idempotency, "complete", lambda *args, **kwargs: None)
        assert client.post("/v1/startups", json=body, headers=founder).status_code == 201
    assert _record(client, "crash").committed_at is not None
    # Soon after, the retry waits as for a running request ...
    busy = client.post("/v1/startups", json=body, headers=founder)
    assert busy.status_code == 409
    assert busy.json()["error"] == "idempotency_in_progress"
    # ... and later it is told the request took effect, instead of running it again.
    _age(client, "crash", idempotency.STALE_CLAIM + timedelta(seconds=1))
    lost = client.post("/v1/startups", json=body, headers=founder)
    assert lost.status_code == 409
    assert lost.json()["error"] == "idempotency_response_lost"
    assert _startups(client) == 1


def test_a_process_dying_before_commit_lets_the_request_run_again(
    client: TestClient, auth: KeyFactory
) -> None:
    founder = auth("founder")
    claim(client, founder, "died")  # a claim whose request never committed: it died mid-way
    headers = {**founder, "Idempotency-Key": "died"}
    assert client.post("/v1/startups", json=startup_body(), headers=headers).status_code == 409
    _age(client, "died", idempotency.STALE_CLAIM + timedelta(seconds=1))
    again = client.post("/v1/startups", json=startup_body(), headers=headers)
    assert again.status_code == 201
    assert _startups(client) == 1


def _claimed(client: TestClient, auth: KeyFactory, key: str, committed: bool) -> int:
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    record_id = claim(client, auth("founder"), key)
    if committed:
        with sessions() as session, session.begin():
            record = session.get(IdempotencyRecord, record_id)
            assert record is not None
            record.committed_at = record.created_at
    return record_id


@pytest.mark.parametrize("committed", [False, True])
def test_a_5xx_is_kept_only_when_the_request_committed(
    client: TestClient, auth: KeyFactory, committed: bool
) -> None:
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    record_id = _claimed(client, auth, "boom", committed)
    idempotency.complete(sessions, idempotency.Claimed(record_id), "h", 500, [], b"{}")
    with sessions() as session:
        record = session.get(IdempotencyRecord, record_id)
        if committed:
            assert record is not None
            assert record.status_code == 500
        else:
            assert record is None  # nothing happened: the client may retry


def test_a_response_too_large_to_keep_answers_lost_after_a_commit(
    client: TestClient, auth: KeyFactory
) -> None:
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    record_id = _claimed(client, auth, "big", committed=True)
    body = b"x" * (idempotency.MAX_STORED_BODY + 1)
    idempotency.complete(sessions, idempotency.Claimed(record_id), "hash-1", 200, [], body)
    with sessions() as session:
        record = session.get(IdempotencyRecord, record_id)
        assert record is not None
        me = record.api_key_id
    outcome = idempotency.claim(sessions, me, "big", timedelta(hours=1))
    assert outcome == idempotency.Lost("hash-1")
    # Uncommitted (a large read-only answer), the claim is dropped and may run again.
    record_id = _claimed(client, auth, "big-read", committed=False)
    idempotency.complete(sessions, idempotency.Claimed(record_id), "hash-2", 200, [], body)
    with sessions() as session:
        assert session.get(IdempotencyRecord, record_id) is None
