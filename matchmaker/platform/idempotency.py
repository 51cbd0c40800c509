"""The ``Idempotency-Key`` store: the first response to a (key, request) is the only one.

A record is claimed before the request runs (so a concurrent retry gets 409 instead of
running twice), and completed with the response before the response is sent, so a retry
sent the moment the response arrives is replayed. The claim travels into the request's own
transaction (``SESSION_INFO``), which stamps ``committed_at`` on it when it writes anything,
so the record commits or rolls back with the change itself.

A claim names its owner: the claiming process and the request within it (``leases``). While
the owner runs, a retry gets 409; once it is gone (it finished without storing a response,
or the process was killed), the claim is dead at once and what a retry may do depends only
on the commit:

- not committed: the request's changes never landed, so it runs again. A 5xx is not
  remembered;
- committed: the changes landed, so the request never runs again. A 5xx is stored and
  replayed like any response; a response that could not be kept (too large, over the
  account's ``MAX_STORED_PER_ACCOUNT``, or the process died before storing it) answers
  ``Lost``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, event, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

from matchmaker.access.models import ApiKey
from matchmaker.db import utcnow
from matchmaker.platform import leases, presence
from matchmaker.platform.models import IdempotencyRecord

HEADER = "idempotency-key"
MAX_KEY_LENGTH = 255
# Visible ASCII, no spaces (a UUID fits): declared in the schema and enforced as declared.
KEY_PATTERN = r"^[!-~]{1,255}$"
# Responses larger than this are not stored (the claim is dropped): replaying them would
# need the database to hold arbitrarily large bodies.
MAX_STORED_BODY = 1_000_000
# Nor once the responses an account's keys keep (until they expire) would exceed this: without
# it, fresh Idempotency-Keys fill the database at up to 1 MB a request for the whole TTL.
# Concurrent requests may each pass the check, so the bound is this plus a few responses.
MAX_STORED_PER_ACCOUNT = 10_000_000
# session.info keys: the claim a request's transaction completes, and whether it wrote.
CLAIM = "idempotency_claim"
_WROTE = "idempotency_wrote"


@dataclass(frozen=True)
class Stored:
    status_code: int
    headers: list[tuple[str, str]]
    body: bytes
    request_hash: str


@dataclass(frozen=True)
class Claimed:
    record_id: int


@dataclass(frozen=True)
class Busy:
    """Another request with this key is still running."""


@dataclass(frozen=True)
class Lost:
    """The request with this key took effect, but its response was not kept."""

    request_hash: str


def request_hash(method: str, path: str, query: bytes, body_digest: str) -> str:
    h = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, body_digest.encode()):
        h.update(len(part).to_bytes(8, "big") + part)
    return h.hexdigest()


def claim(
    sessions: sessionmaker[Session], api_key_id: int, key: str, ttl: timedelta, owner: str
) -> Stored | Claimed | Busy | Lost:
    """The stored response for ``key``, a fresh claim on it for ``owner`` (a
    ``leases.Lease``), Busy or Lost."""
    try:
        return _claim(sessions, api_key_id, key, ttl, owner)
    except IntegrityError:
        return Busy()  # a concurrent request with the same key claimed it first


def _claim(
    sessions: sessionmaker[Session], api_key_id: int, key: str, ttl: timedelta, owner: str
) -> Stored | Claimed | Busy | Lost:
    now = utcnow()
    with sessions() as session, session.begin():
        record = session.scalar(
            select(IdempotencyRecord).where(
                IdempotencyRecord.api_key_id == api_key_id, IdempotencyRecord.key == key
            )
        )
        if record is not None and record.expires_at > now:
            if record.status_code is None:
                if record.committed_at is not None and record.request_hash:
                    return Lost(record.request_hash)  # done, response too large to keep
                if leases.alive(record.owner, record.created_at, now, _presence(session)):
                    return Busy()
                if record.committed_at is not None:
                    return Lost(record.request_hash)  # its owner died after the commit
                # Its owner died before committing anything: run the request again.
            else:
                return Stored(
                    record.status_code,
                    [(str(k), str(v)) for k, v in record.response_headers or []],
                    record.response_body or b"",
                    record.request_hash,
                )
        if record is not None:
            session.delete(record)
            session.flush()
        record = IdempotencyRecord(
            api_key_id=api_key_id,
            key=key,
            request_hash="",
            owner=owner,
            created_at=now,
            expires_at=now + ttl,
        )
        session.add(record)
        session.flush()
        return Claimed(record.id)


def _presence(session: Session) -> Callable[[str], bool] | None:
    if session.get_bind().dialect.name != "postgresql":
        return None
    return lambda process: presence.visible(session, process)


def complete(
    sessions: sessionmaker[Session],
    claimed: Claimed,
    req_hash: str,
    status_code: int,
    headers: list[tuple[str, str]],
    body: bytes,
) -> None:
    """Store the response of a claimed request, or drop a claim that must not be kept."""
    with sessions() as session, session.begin():
        record = session.get(IdempotencyRecord, claimed.record_id)
        if record is None:
            return
        if record.committed_at is None and (status_code >= 500 or status_code == 429):
            session.delete(record)  # nothing happened: the client may retry (429: later)
            return
        record.request_hash = req_hash
        if len(body) > MAX_STORED_BODY or (
            _kept_bytes(session, record.api_key_id) + len(body) > MAX_STORED_PER_ACCOUNT
        ):
            if record.committed_at is None:
                session.delete(record)  # e.g. a large read-only answer: running again is safe
            return  # took effect, response too large to keep: retries get Lost
        record.status_code = status_code
        record.response_headers = [list(h) for h in headers]
        record.response_body = body


def _kept_bytes(session: Session, api_key_id: int) -> int:
    """Bytes of the live responses stored for the account that ``api_key_id`` belongs to."""
    account = select(ApiKey.account_id).where(ApiKey.id == api_key_id).scalar_subquery()
    keys = select(ApiKey.id).where(ApiKey.account_id == account)
    total = session.scalar(
        select(func.coalesce(func.sum(func.length(IdempotencyRecord.response_body)), 0)).where(
            IdempotencyRecord.api_key_id.in_(keys), IdempotencyRecord.expires_at > utcnow()
        )
    )
    return int(total or 0)


def release(sessions: sessionmaker[Session], claimed: Claimed) -> None:
    """Drop the claim of a request that raised, unless its changes were committed."""
    with sessions() as session, session.begin():
        session.execute(
            delete(IdempotencyRecord).where(
                IdempotencyRecord.id == claimed.record_id,
                IdempotencyRecord.committed_at.is_(None),
            )
        )


def track_commits(sessions: sessionmaker[Session]) -> Callable[[], None]:
    """Stamp a request's claim inside the request's transaction when it writes; returns the
    undo. A read-only request (recommendations) leaves it unstamped: running it again is
    harmless, so its claim is not held against a retry."""

    def flushed(session: Session, _flush: UOWTransaction) -> None:
        session.info[_WROTE] = True

    def executed(state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            state.session.info[_WROTE] = True

    def before_commit(session: Session) -> None:
        record_id = session.info.pop(CLAIM, None)
        wrote = session.info.pop(_WROTE, False) or bool(
            session.new or session.dirty or session.deleted
        )
        if record_id is not None and wrote:
            session.execute(
                update(IdempotencyRecord)
                .where(IdempotencyRecord.id == record_id)
                .values(committed_at=utcnow())
            )

    def forget(session: Session, *_: Any) -> None:
        session.info.pop(_WROTE, None)

    listeners: list[tuple[str, Callable[..., None]]] = [
        ("after_flush", flushed),
        ("do_orm_execute", executed),
        ("before_commit", before_commit),
        ("after_commit", forget),
        ("after_rollback", forget),
    ]
    for name, fn in listeners:
        event.listen(sessions, name, fn)

    def undo() -> None:
        for name, fn in listeners:
            event.remove(sessions, name, fn)

    return undo


def purge_expired(sessions: sessionmaker[Session]) -> int:
    """Delete records past their expiry; returns how many."""
    with sessions() as session, session.begin():
        result = session.execute(
            delete(IdempotencyRecord).where(IdempotencyRecord.expires_at <= utcnow())
        )
        return int(getattr(result, "rowcount", 0) or 0)
