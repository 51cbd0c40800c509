"""Web sessions kept on the server: start, look up, end. Flushes, never commits.

A session is a random token in the browser's (signed) cookie and a ``web_session`` row holding
only the token's sha256, the key it was opened with and its lifetime. Signing out deletes the
row, so a copy of the cookie taken before opens nothing afterwards; revoking or rotating the
key revokes its sessions; expired and revoked rows are deleted whenever someone signs in.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from matchmaker.access.models import ApiKey, BrowserSession
from matchmaker.access.principal import Principal
from matchmaker.db import utcnow

# A signed-in session lasts a working day; signing in again is cheap.
LIFETIME = timedelta(hours=12)
# last_seen_at is written at most this often, so page views stay reads.
SEEN_GRANULARITY = timedelta(minutes=1)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(session: Session, principal: Principal, now: datetime | None = None) -> str:
    """A new session for the principal's key; returns the token for the cookie."""
    now = now or utcnow()
    purge(session, now)
    token = secrets.token_urlsafe(32)
    session.add(
        BrowserSession(
            token_hash=_hash(token),
            key_id=principal.key_id,
            created_at=now,
            expires_at=now + LIFETIME,
            last_seen_at=now,
        )
    )
    session.flush()
    return token


def live_key(session: Session, token: str | None, now: datetime | None = None) -> ApiKey | None:
    """The key of a live session: not ended, not expired, the key itself still usable."""
    if not token:
        return None
    now = now or utcnow()
    row = session.scalar(select(BrowserSession).where(BrowserSession.token_hash == _hash(token)))
    if row is None or row.revoked_at is not None or now >= row.expires_at:
        return None
    key = session.get(ApiKey, row.key_id)
    if key is None or not key.usable_at(now):
        return None
    if now - row.last_seen_at >= SEEN_GRANULARITY:
        row.last_seen_at = now
    return key


def end(session: Session, token: str | None) -> None:
    """Sign out: the session's row is deleted, whoever holds a copy of the cookie."""
    if token:
        session.execute(delete(BrowserSession).where(BrowserSession.token_hash == _hash(token)))


def end_for_key(session: Session, key_id: int, now: datetime | None = None) -> None:
    """Revoke every session opened with this key (it was revoked or rotated)."""
    session.execute(
        update(BrowserSession)
        .where(BrowserSession.key_id == key_id, BrowserSession.revoked_at.is_(None))
        .values(revoked_at=now or utcnow())
    )


def purge(session: Session, now: datetime | None = None) -> int:
    """Delete expired and revoked sessions; returns how many."""
    now = now or utcnow()
    result = session.execute(
        delete(BrowserSession).where(
            or_(BrowserSession.expires_at <= now, BrowserSession.revoked_at.is_not(None))
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)
