"""The ``Idempotency-Key`` store: the first response to a (key, request) is the only one.

A record is claimed before the request runs (so a concurrent retry gets 409 instead of
running twice), and completed with the response once it is sent. A 5xx is not remembered:
the client may retry it. The record and the request's own changes are two transactions, so
a process that dies between them leaves a claim without a response; such a claim answers 409
until ``STALE_CLAIM`` has passed, and then the request may run again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.db import utcnow
from matchmaker.platform.models import IdempotencyRecord

HEADER = "idempotency-key"
MAX_KEY_LENGTH = 255
STALE_CLAIM = timedelta(minutes=5)
# Responses larger than this are not stored (the claim is dropped): replaying them would
# need the database to hold arbitrarily large bodies.
MAX_STORED_BODY = 1_000_000


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
    """Another request with this key has not finished (or died less than STALE_CLAIM ago)."""


def request_hash(method: str, path: str, query: bytes, body_digest: str) -> str:
    h = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, body_digest.encode()):
        h.update(len(part).to_bytes(8, "big") + part)
    return h.hexdigest()


def claim(
    sessions: sessionmaker[Session], api_key_id: int, key: str, ttl: timedelta
) -> Stored | Claimed | Busy:
    """The stored response for ``key``, or a fresh claim on it, or Busy."""
    try:
        return _claim(sessions, api_key_id, key, ttl)
    except IntegrityError:
        return Busy()  # a concurrent request with the same key claimed it first


def _claim(
    sessions: sessionmaker[Session], api_key_id: int, key: str, ttl: timedelta
) -> Stored | Claimed | Busy:
    now = utcnow()
    with sessions() as session, session.begin():
        record = session.scalar(
            select(IdempotencyRecord).where(
                IdempotencyRecord.api_key_id == api_key_id, IdempotencyRecord.key == key
            )
        )
        if record is not None:
            stale = record.status_code is None and now - record.created_at > STALE_CLAIM
            if record.expires_at > now and not stale:
                if record.status_code is None:
                    return Busy()
                return Stored(
                    record.status_code,
                    [(str(k), str(v)) for k, v in record.response_headers or []],
                    record.response_body or b"",
                    record.request_hash,
                )
            session.delete(record)
            session.flush()
        record = IdempotencyRecord(
            api_key_id=api_key_id,
            key=key,
            request_hash="",
            created_at=now,
            expires_at=now + ttl,
        )
        session.add(record)
        session.flush()
        return Claimed(record.id)


def complete(
    sessions: sessionmaker[Session],
    claimed: Claimed,
    req_hash: str,
    status_code: int,
    headers: list[tuple[str, str]],
    body: bytes,
) -> None:
    """Store the response of a claimed request (or drop the claim if it must not be kept)."""
    with sessions() as session, session.begin():
        if status_code >= 500 or len(body) > MAX_STORED_BODY:
            session.execute(
                delete(IdempotencyRecord).where(IdempotencyRecord.id == claimed.record_id)
            )
            return
        session.execute(
            update(IdempotencyRecord)
            .where(IdempotencyRecord.id == claimed.record_id)
            .values(
                request_hash=req_hash,
                status_code=status_code,
                response_headers=[list(h) for h in headers],
                response_body=body,
            )
        )


def release(sessions: sessionmaker[Session], claimed: Claimed) -> None:
    """Drop a claim whose request failed before producing a response."""
    with sessions() as session, session.begin():
        session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.id == claimed.record_id))


def purge_expired(sessions: sessionmaker[Session]) -> int:
    """Delete records past their expiry; returns how many."""
    with sessions() as session, session.begin():
        result = session.execute(
            delete(IdempotencyRecord).where(IdempotencyRecord.expires_at <= utcnow())
        )
        return int(getattr(result, "rowcount", 0) or 0)
