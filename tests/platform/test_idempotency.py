"""Idempotency-Key on POST: the first response is replayed; a different request is refused."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from matchmaker.platform import idempotency
from matchmaker.platform.models import IdempotencyRecord
from matchmaker.startups.models import Startup
from tests.conftest import KeyFactory
from tests.factories import startup_body
from tests.platform.helpers import claim


def _count(client: TestClient, model: type) -> int:
    with client.app.state.sessions() as session:  # type: ignore[attr-defined]
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_retried_create_returns_the_first_response_and_creates_once(
    client: TestClient, auth: KeyFactory
) -> None:
    founder = {**auth("founder"), "Idempotency-Key": "create-arm-lab-1"}
    body = startup_body(name="Arm Lab")
    first = client.post("/v1/startups", json=body, headers=founder)
    again = client.post("/v1/startups", json=body, headers=founder)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Location"] == first.headers["Location"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert _count(client, Startup) == 1


def test_the_same_key_with_another_body_is_refused(client: TestClient, auth: KeyFactory) -> None:
    founder = {**auth("founder"), "Idempotency-Key": "k-1"}
    assert (
        client.post("/v1/startups", json=startup_body(name="A"), headers=founder).status_code == 201
    )
    r = client.post("/v1/startups", json=startup_body(name="B"), headers=founder)
    assert r.status_code == 422
    assert r.json()["error"] == "idempotency_key_reused"
    assert r.json()["detail"][0]["field"] == "Idempotency-Key"
    # Same body to another path is another request too.
    r = client.post("/v1/recommendations", json=startup_body(name="A"), headers=founder)
    assert r.status_code == 422
    assert _count(client, Startup) == 1


def test_keys_belong_to_one_api_key(client: TestClient, auth: KeyFactory) -> None:
    one, two = auth("founder"), auth("founder")
    for headers, name in ((one, "One"), (two, "Two")):
        r = client.post(
            "/v1/startups",
            json=startup_body(name=name),
            headers={**headers, "Idempotency-Key": "shared-key"},
        )
        assert r.status_code == 201
        assert "Idempotent-Replayed" not in r.headers
    assert _count(client, Startup) == 2


def test_error_responses_are_replayed_too_but_not_without_a_key(
    client: TestClient, auth: KeyFactory
) -> None:
    founder = auth("founder")
    bad = startup_body(trl=99)
    keyed = {**founder, "Idempotency-Key": "bad-1"}
    first = client.post("/v1/startups", json=bad, headers=keyed)
    again = client.post("/v1/startups", json=bad, headers=keyed)
    assert first.status_code == again.status_code == 422
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    # Without the header nothing is remembered.
    assert _count(client, IdempotencyRecord) == 1
    client.post("/v1/startups", json=startup_body(), headers=founder)
    assert _count(client, IdempotencyRecord) == 1
    r = client.post(
        "/v1/startups", json=startup_body(), headers={**founder, "Idempotency-Key": "x" * 256}
    )
    assert r.status_code == 422


def test_a_key_in_use_answers_409_and_an_expired_one_runs_again(
    client: TestClient, auth: KeyFactory, live_owner: str
) -> None:
    founder = auth("founder")
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    record_id = claim(client, founder, "busy", live_owner)
    r = client.post(
        "/v1/startups", json=startup_body(), headers={**founder, "Idempotency-Key": "busy"}
    )
    assert r.status_code == 409
    assert r.json()["error"] == "idempotency_in_progress"
    # Once the record expires the key may run again, even while its request runs on.
    with sessions() as session, session.begin():
        record = session.get(IdempotencyRecord, record_id)
        assert record is not None
        record.expires_at = record.created_at
    r = client.post(
        "/v1/startups", json=startup_body(), headers={**founder, "Idempotency-Key": "busy"}
    )
    assert r.status_code == 201
    assert idempotency.purge_expired(sessions) == 0


def test_two_claims_racing_for_one_key_get_one_winner(
    client: TestClient, auth: KeyFactory, live_owner: str
) -> None:
    founder = auth("founder")
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    me = client.get("/v1/keys/me", headers=founder).json()["key"]["id"]
    with ThreadPoolExecutor(8) as pool:
        outcomes = list(
            pool.map(
                lambda _: idempotency.claim(sessions, me, "race", timedelta(hours=1), live_owner),
                range(8),
            )
        )
    assert sum(isinstance(o, idempotency.Claimed) for o in outcomes) == 1
    assert all(isinstance(o, idempotency.Claimed | idempotency.Busy) for o in outcomes)


def test_an_account_keeps_responses_up_to_its_quota(
    client: TestClient, auth: KeyFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    founder = auth("founder")
    body = startup_body()
    first = client.post("/v1/startups", json=body, headers={**founder, "Idempotency-Key": "q-1"})
    assert first.status_code == 201
    monkeypatch.setattr(idempotency, "MAX_STORED_PER_ACCOUNT", len(first.content) + 10)
    # Over the quota, a request that took effect is not run again: its retry is told so.
    second = {**founder, "Idempotency-Key": "q-2"}
    other_body = startup_body()
    assert client.post("/v1/startups", json=other_body, headers=second).status_code == 201
    lost = client.post("/v1/startups", json=other_body, headers=second)
    assert lost.status_code == 409
    assert lost.json()["error"] == "idempotency_response_lost"
    # One that changed nothing simply runs again.
    third = {**founder, "Idempotency-Key": "q-3"}
    batch = {"kind": "startups", "profiles": [startup_body()]}
    assert client.post("/v1/recommendations/batch", json=batch, headers=third).status_code == 200
    rerun = client.post("/v1/recommendations/batch", json=batch, headers=third)
    assert rerun.status_code == 200
    assert "Idempotent-Replayed" not in rerun.headers
    # What was kept before is still replayed, and another account has a quota of its own.
    again = client.post("/v1/startups", json=body, headers={**founder, "Idempotency-Key": "q-1"})
    assert again.headers["Idempotent-Replayed"] == "true"
    partner = {**auth("partner"), "Idempotency-Key": "q-1"}
    partner_body = startup_body()
    assert client.post("/v1/startups", json=partner_body, headers=partner).status_code == 201
    replay = client.post("/v1/startups", json=partner_body, headers=partner)
    assert replay.headers["Idempotent-Replayed"] == "true"
