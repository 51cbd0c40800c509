"""Logs the match lists served for stored profiles, and prunes the log.

Rows go to the app's buffered writer (``writer``) when one runs, so a request does not wait
for a commit; without one (a CLI, a test's bare session) they are inserted in the caller's
transaction, one ``INSERT ... executemany`` per list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.analytics import writer
from matchmaker.analytics.models import Exposure
from matchmaker.db import utcnow
from matchmaker.matching.schemas import BundleResponse, MatchList, MatchRead, ProfileRef
from matchmaker.matching.service import ref
from matchmaker.platform import idempotency


def record(session: Session, query: ProfileRef, shown: Sequence[MatchRead]) -> None:
    """Log that ``shown`` was served, in this order, to ``query`` (a stored profile)."""
    if query.id <= 0 or not shown:  # an unsaved profile (POST /v1/recommendations): nobody
        return
    now = utcnow()
    rows = [
        {
            "served_at": now,
            "query_kind": query.kind,
            "query_id": query.id,
            "shown_kind": match.profile.kind,
            "shown_id": match.profile.id,
            "rank": rank,
        }
        for rank, match in enumerate(shown, start=1)
    ]
    buffered = writer.of(session)
    if buffered is not None:
        buffered.add(rows)
    else:
        session.execute(insert(Exposure), rows)


def flush(session: Session) -> None:
    """Insert what the app's writer holds in ``session``'s transaction, so a report counts
    every list this process served so far."""
    buffered = writer.of(session)
    rows = buffered.take_written() if buffered is not None else []
    if rows:
        session.execute(insert(Exposure), rows)


def record_list(session: Session, found: MatchList) -> None:
    """Log a served match list."""
    record(session, found.query, found.matches)


def record_bundle(session: Session, found: BundleResponse) -> None:
    """Log a served bundle: its incubator, partner and scenario, each first of its kind."""
    if found.bundle is None:
        return
    for match in (found.bundle.incubator, found.bundle.partner, found.bundle.scenario):
        record(session, found.query, [match])


def record_shown(
    session: Session, kind: str, profile: Any, shown: Iterable[MatchRead | None]
) -> None:
    """Log the matches a page showed for ``kind`` ``profile`` (None entries are skipped)."""
    record(session, ref(kind, profile), [m for m in shown if m is not None])


def prune(sessions: sessionmaker[Session], keep: timedelta, now: datetime | None = None) -> int:
    """Delete exposures older than ``keep``; the number deleted."""
    cutoff = (now or utcnow()) - keep
    with sessions() as session, session.begin():
        result = session.execute(delete(Exposure).where(Exposure.served_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


def housekeeping(sessions: sessionmaker[Session], retention_days: int) -> Callable[[], None]:
    """What the webhook worker's hourly housekeeping runs: expired idempotency records and
    exposures older than ``retention_days`` are deleted."""

    def run() -> None:
        idempotency.purge_expired(sessions)
        prune(sessions, timedelta(days=retention_days))

    return run
