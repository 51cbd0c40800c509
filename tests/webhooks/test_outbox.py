"""Events live and die with the transaction that causes them, and survive a crash."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from matchmaker.webhooks import events
from matchmaker.webhooks.models import OutboxEvent, WebhookDelivery
from matchmaker.webhooks.worker import DeliveryWorker
from tests.conftest import as_admin, bearer, mint_key
from tests.webhooks.conftest import fast
from tests.webhooks.helpers import act, body, make_pair, subscribe
from tests.webhooks.receiver import receiver


def _outbox(client: TestClient) -> list[OutboxEvent]:
    with client.app.state.sessions() as session:  # type: ignore[attr-defined]
        return list(session.scalars(select(OutboxEvent).order_by(OutboxEvent.id)))


def test_an_event_committed_before_a_crash_is_delivered_on_restart(
    settings: Settings, encoder: Encoder
) -> None:
    with receiver() as rx:
        # The first process commits the change and its event, then dies before sending it
        # (its worker never runs).
        with TestClient(create_app(fast(settings, workers_enabled=False), encoder)) as first:
            as_admin(first)

            def auth(role: str, **scope: list[int]) -> dict[str, str]:
                return bearer(mint_key(first, role, **scope))  # type: ignore[arg-type]

            pair = make_pair(first, auth)
            subscribe(first, pair.founder, rx.url, ["match.state_changed"])
            assert act(first, pair, pair.manager, "shortlist") == 201
            (pending,) = [e for e in _outbox(first) if e.event == "match.state_changed"]
            assert pending.dispatched_at is None
        assert rx.requests == []
        # A new process finds the committed event and delivers it.
        with TestClient(create_app(fast(settings), encoder)):
            rx.wait_for(lambda got: len(got) == 1)
    (request,) = rx.requests
    assert body(request)["id"] == f"evt_{pending.id}"
    assert body(request)["data"]["to_state"] == "shortlisted"


def test_a_refused_change_sends_nothing(hook_client: TestClient, hook_auth: object) -> None:
    pair = make_pair(hook_client, hook_auth)  # type: ignore[arg-type]
    with receiver() as rx:
        hook = subscribe(hook_client, pair.manager, rx.url, ["match.state_changed"])
        assert act(hook_client, pair, pair.founder, "shortlist") == 201
        assert act(hook_client, pair, pair.founder, "withdraw") == 200
        assert act(hook_client, pair, pair.founder, "accept") == 409  # withdrawn is final
        hook_client.post(f"/v1/webhooks/{hook['id']}/ping", headers=pair.manager)
        rx.wait_for(lambda got: any(body(r)["type"] == "ping" for r in got))
    states = [body(r)["data"]["to_state"] for r in rx.requests if body(r)["type"] != "ping"]
    assert states == ["shortlisted", "withdrawn"]


def test_an_event_of_a_rolled_back_transaction_is_never_sent(
    hook_client: TestClient, hook_auth: object
) -> None:
    pair = make_pair(hook_client, hook_auth)  # type: ignore[arg-type]
    runtime = hook_client.app.state.runtime  # type: ignore[attr-defined]
    with receiver() as rx:
        subscribe(hook_client, pair.manager, rx.url, ["match.state_changed"])
        before = len(_outbox(hook_client))
        payload = {
            "match_id": 1,
            "startup_id": pair.startup,
            "target_kind": "incubator",
            "target_id": pair.incubator,
            "from_state": "new",
            "to_state": "accepted",
        }

        def failing_change() -> None:
            with runtime.sessions() as session, session.begin():
                events.emit(session, events.EventType.match_state_changed, payload)
                session.flush()  # written to the database, then rolled back
                raise RuntimeError("the change failed after writing its event")

        with pytest.raises(RuntimeError):
            failing_change()
        assert len(_outbox(hook_client)) == before
        app_settings = hook_client.app.state.settings  # type: ignore[attr-defined]
        worker = DeliveryWorker(runtime.sessions, runtime.matcher, app_settings)
        try:
            worker.run_once()
        finally:
            worker.stop()
    assert rx.requests == []
    with runtime.sessions() as session:
        assert session.scalar(select(func.count()).select_from(WebhookDelivery)) == 0
