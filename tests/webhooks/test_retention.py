"""Settled events leave the outbox and the delivery log after the retention period."""

from __future__ import annotations

import time
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.config import Settings
from matchmaker.db import utcnow
from matchmaker.webhooks.models import OutboxEvent, WebhookAttempt, WebhookDelivery
from matchmaker.webhooks.worker import DeliveryWorker
from tests.conftest import KeyFactory
from tests.webhooks.helpers import act, make_pair, subscribe, wait_delivered
from tests.webhooks.receiver import receiver


def _count(sessions: sessionmaker[Session], model: type) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _wait_settled(sessions: sessionmaker[Session], count: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with sessions() as session:
            statuses = session.scalars(select(WebhookDelivery.status)).all()
        if statuses.count("delivered") == count:
            return
        time.sleep(0.05)
    raise AssertionError(f"deliveries not settled: {statuses}")


def _age(sessions: sessionmaker[Session], outbox_id: int, days: int, **delivery: object) -> None:
    when = utcnow() - timedelta(days=days)
    with sessions() as session, session.begin():
        session.execute(
            update(OutboxEvent).where(OutboxEvent.id == outbox_id).values(dispatched_at=when)
        )
        session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.outbox_id == outbox_id)
            .values(delivered_at=when, **delivery)
        )


def test_settled_events_older_than_the_retention_are_deleted_and_others_kept(
    hook_client: TestClient, hook_auth: KeyFactory
) -> None:
    sessions: sessionmaker[Session] = hook_client.app.state.sessions  # type: ignore[attr-defined]
    settings: Settings = hook_client.app.state.settings  # type: ignore[attr-defined]
    pair = make_pair(hook_client, hook_auth)
    with receiver() as rx:
        hook = subscribe(hook_client, pair.founder, rx.url, ["match.state_changed"])
        assert act(hook_client, pair, pair.manager, "shortlist") == 201
        wait_delivered(hook_client, hook["id"], pair.founder, "match.state_changed")
        assert act(hook_client, pair, pair.manager, "accept") == 200
        rx.wait_for(lambda got: len(got) == 2)
    _wait_settled(sessions, 2)
    with sessions() as session:
        old, recent = session.scalars(
            select(WebhookDelivery.outbox_id).order_by(WebhookDelivery.id)
        ).all()
    assert _count(sessions, WebhookAttempt) == 2
    days = settings.webhook_retention_days
    _age(sessions, old, days + 1)
    # Still owed (e.g. replayed), its next attempt later, so the app's own worker leaves it be.
    later = utcnow() + timedelta(hours=1)
    _age(sessions, recent, days + 1, status="pending", next_attempt_at=later)

    worker = DeliveryWorker(sessions, None, settings)
    try:
        worker.before_pass()  # the hourly upkeep of the delivery worker
    finally:
        worker.stop()

    with sessions() as session:
        assert session.scalars(select(OutboxEvent.id)).all() == [recent]
        assert session.scalars(select(WebhookDelivery.outbox_id)).all() == [recent]
    assert _count(sessions, WebhookAttempt) == 1  # the kept delivery's attempt
    listed = hook_client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=pair.founder)
    assert len(listed.json()["items"]) == 1
