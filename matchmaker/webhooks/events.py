"""Writing events to the outbox, always inside the transaction of the change behind them.

Nothing here sends anything: the delivery worker reads committed outbox rows. A change that
rolls back takes its events with it; a process that dies after the commit leaves them for
the next worker to find.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from matchmaker.profiles.kinds import ProfileKind
from matchmaker.webhooks.models import OutboxEvent, Webhook

# session.info flag: this transaction wrote outbox rows, so wake the worker after commit.
WAKE = "matchmaker.outbox_written"
_SUBSCRIBED = "matchmaker.match_found_subscribed"


class EventType(StrEnum):
    """Events a webhook can subscribe to."""

    match_found = "match.found"
    match_state_changed = "match.state_changed"
    import_finished = "import.finished"


# Internal or per-webhook events, never subscribed to: a saved profile (the worker turns it
# into match.found events) and a ping sent to one webhook on request.
PROFILE_SAVED = "profile.saved"
PING = "ping"


def emit(
    session: Session, event: str, payload: dict[str, Any], account_id: int | None = None
) -> OutboxEvent:
    """Add an event to the outbox in ``session``'s transaction."""
    row = OutboxEvent(event=event, payload=payload, account_id=account_id)
    session.add(row)
    session.info[WAKE] = True
    return row


def match_state_changed(
    session: Session, match: Any, from_state: str, action: str, side: str
) -> None:
    """Called by the review workflow in the transaction that changes a match's state."""
    emit(
        session,
        EventType.match_state_changed,
        {
            "match_id": match.id,
            "startup_id": match.startup_id,
            "target_kind": match.target_kind,
            "target_id": match.target_id,
            "from_state": from_state,
            "to_state": match.state,
            "action": action,
            "side": side,
        },
    )


def import_finished(session: Session, job: Any) -> None:
    """Called in the transaction that marks an import job finished."""
    if job.account_id is None:
        return  # an operator's CLI import: no account to tell
    emit(
        session,
        EventType.import_finished,
        {
            "import_id": job.id,
            "kind": job.kind,
            "source": job.source,
            "status": job.status,
            "rows_read": job.rows_read,
            "created": job.created,
            "updated": job.updated,
            "unchanged": job.unchanged,
            "failed": job.failed,
        },
        account_id=job.account_id,
    )


def match_found_subscribed(session: Session) -> bool:
    """Does any active webhook want match.found? Asked once per transaction."""
    if _SUBSCRIBED not in session.info:
        events = session.scalars(select(Webhook.events).where(Webhook.active.is_(True)))
        session.info[_SUBSCRIBED] = any(EventType.match_found in e for e in events)
    return bool(session.info[_SUBSCRIBED])


class ProfileOutbox:
    """A profile listener: a saved profile may be a new match for someone's profiles.

    Only a marker is written here (cheap, in the writer's transaction); the worker ranks it
    against the subscribers' profiles after the commit.
    """

    def saved(self, session: Session, kind: ProfileKind, profile: Any) -> None:
        if match_found_subscribed(session):
            emit(session, PROFILE_SAVED, {"kind": kind.name, "id": profile.id})

    def deleted(self, session: Session, kind: ProfileKind, profile_id: int) -> None:
        return None
