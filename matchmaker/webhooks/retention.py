"""Forgetting settled events, so the outbox and the delivery log do not grow forever.

An outbox row goes, with its deliveries and their attempts (by foreign-key cascade), once it
was fanned out before the cutoff and none of its deliveries is still pending or was
delivered after the cutoff. A failed delivery can be replayed until then, and not after.
``match_notice`` rows stay: they are what keeps a pair from being announced twice.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, exists, or_, select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.db import utcnow
from matchmaker.webhooks.models import OutboxEvent, WebhookDelivery

BATCH = 1000


def purge_settled(sessions: sessionmaker[Session], older_than: timedelta) -> int:
    """Delete settled events older than ``older_than``; returns how many outbox rows went."""
    cutoff = utcnow() - older_than
    busy = exists().where(
        WebhookDelivery.outbox_id == OutboxEvent.id,
        or_(WebhookDelivery.status == "pending", WebhookDelivery.delivered_at >= cutoff),
    )
    removed = 0
    while True:
        # In batches: one transaction per thousand rows keeps locks and WAL growth short.
        with sessions() as session, session.begin():
            ids = session.scalars(
                select(OutboxEvent.id)
                .where(OutboxEvent.dispatched_at < cutoff, ~busy)
                .order_by(OutboxEvent.id)
                .limit(BATCH)
            ).all()
            if not ids:
                return removed
            session.execute(delete(OutboxEvent).where(OutboxEvent.id.in_(ids)))
            removed += len(ids)
