"""Subscriptions, their deliveries, replay and ping. Flushes, never commits."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matchmaker.access import service as access
from matchmaker.access.principal import Principal
from matchmaker.config import Settings
from matchmaker.error_schemas import ResourceRef
from matchmaker.errors import InvalidInput, NotFound
from matchmaker.profiles.service import decode_cursor, encode_cursor
from matchmaker.webhooks import events, signing, urls
from matchmaker.webhooks.models import Webhook, WebhookAttempt, WebhookDelivery
from matchmaker.webhooks.schemas import AttemptRead, DeliveryRead, WebhookCreate

# The most webhooks GET /v1/webhooks lists (the per-account cap is at most this).
MAX_LISTED = 1000


def create(
    session: Session, principal: Principal, body: WebhookCreate, settings: Settings
) -> Webhook:
    """Subscribe the caller's account; the returned row carries the new secret."""
    url = urls.check(body.url, settings.webhook_allow_private_urls)
    # Every event goes to each of an account's webhooks: unbounded, one change queued
    # thousands of deliveries. The lock makes a second create at once wait for this one's
    # commit and count its webhook, so the cap holds exactly.
    access.lock_account(session, principal.account_id)
    count = session.scalar(
        select(func.count()).select_from(Webhook).where(Webhook.account_id == principal.account_id)
    )
    if (count or 0) >= settings.webhooks_per_account:
        raise InvalidInput(
            "url",
            f"this account has {count} webhooks, the most it may have "
            f"(MATCHMAKER_WEBHOOKS_PER_ACCOUNT={settings.webhooks_per_account}); "
            "delete one to add another",
        )
    hook = Webhook(
        account_id=principal.account_id,
        url=url,
        events=[e.value for e in body.events],
        secret=signing.new_secret(),
        min_score=body.min_score
        if body.min_score is not None
        else settings.webhook_match_min_score,
        description=body.description,
        active=True,
    )
    session.add(hook)
    session.flush()
    return hook


def get(session: Session, principal: Principal, webhook_id: int) -> Webhook:
    """A webhook of the caller's account (any, for an admin); 404 otherwise."""
    hook = session.get(Webhook, webhook_id) if 1 <= webhook_id <= 2**31 - 1 else None
    if hook is None or not (principal.is_admin or hook.account_id == principal.account_id):
        raise NotFound(
            f"no webhook with id {webhook_id}", ResourceRef(kind="webhook", id=webhook_id)
        )
    return hook


def list_for(session: Session, principal: Principal) -> list[Webhook]:
    """The caller's account's webhooks."""
    stmt = select(Webhook).where(Webhook.account_id == principal.account_id)
    # Bounded even for an account that had more than the cap allows before there was one.
    return list(session.scalars(stmt.order_by(Webhook.id).limit(MAX_LISTED)))


def remove(session: Session, principal: Principal, webhook_id: int) -> None:
    """Unsubscribe; pending deliveries go with it."""
    session.delete(get(session, principal, webhook_id))
    session.flush()


def ping(session: Session, principal: Principal, webhook_id: int) -> None:
    """Queue a signed ``ping`` event for this one webhook (to test a receiver)."""
    hook = get(session, principal, webhook_id)
    events.emit(session, events.PING, {"webhook_id": hook.id}, account_id=hook.account_id)


def deliveries(
    session: Session,
    principal: Principal,
    webhook_id: int,
    status: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[DeliveryRead], str | None]:
    """The webhook's deliveries, newest first."""
    hook = get(session, principal, webhook_id)
    stmt = select(WebhookDelivery).where(WebhookDelivery.webhook_id == hook.id)
    if status:
        stmt = stmt.where(WebhookDelivery.status == status)
    if cursor is not None:
        stmt = stmt.where(WebhookDelivery.id < decode_cursor(cursor))
    rows = list(session.scalars(stmt.order_by(WebhookDelivery.id.desc()).limit(limit + 1)))
    next_cursor = encode_cursor(rows[limit - 1].id) if len(rows) > limit else None
    return [read_delivery(session, d) for d in rows[:limit]], next_cursor


def get_delivery(
    session: Session, principal: Principal, webhook_id: int, delivery_id: int
) -> WebhookDelivery:
    hook = get(session, principal, webhook_id)
    row = session.get(WebhookDelivery, delivery_id) if 1 <= delivery_id <= 2**31 - 1 else None
    if row is None or row.webhook_id != hook.id:
        raise NotFound(
            f"no delivery {delivery_id} of webhook {webhook_id}",
            ResourceRef(kind="delivery", id=delivery_id),
        )
    return row


def replay(
    session: Session, principal: Principal, webhook_id: int, delivery_id: int
) -> WebhookDelivery:
    """Send a delivery again (same event id and body, freshly signed), whatever its state."""
    row = get_delivery(session, principal, webhook_id, delivery_id)
    row.status, row.attempts = "pending", 0
    row.next_attempt_at, row.delivered_at = datetime.now(UTC), None
    session.info[events.WAKE] = True
    session.flush()
    return row


def read_delivery(session: Session, row: WebhookDelivery) -> DeliveryRead:
    attempts = session.scalars(
        select(WebhookAttempt)
        .where(WebhookAttempt.delivery_id == row.id)
        .order_by(WebhookAttempt.id)
    )
    return DeliveryRead(
        id=row.id,
        webhook_id=row.webhook_id,
        event_id=f"evt_{row.outbox_id}",
        event=row.event,
        status=row.status,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_status_code=row.last_status_code,
        last_error=row.last_error,
        created_at=row.created_at,
        delivered_at=row.delivered_at,
        attempt_log=[AttemptRead.model_validate(a) for a in attempts],
    )
