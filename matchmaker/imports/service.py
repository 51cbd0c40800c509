"""Import jobs: create one, run it in chunks, read it back. Each chunk is one transaction.

Rows are committed ``import_chunk_rows`` at a time, each chunk's texts embedded in one batch
before its transaction begins (``ahead.py``), and a crash loses at most the chunk in flight.
The job's counters and ``rows_done`` commit with the rows they count; a resumed job skips the
rows already done (re-running them would be harmless anyway: rows match on external id).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.access import service as access
from matchmaker.access.models import Account
from matchmaker.access.principal import Principal
from matchmaker.config import Settings
from matchmaker.error_schemas import ResourceRef
from matchmaker.errors import NotFound, unavailable
from matchmaker.imports.ahead import embed_ahead
from matchmaker.imports.errors import ImportQueueFull
from matchmaker.imports.mapping import RowInvalid, parse
from matchmaker.imports.models import ExternalRef, ImportJob, ImportRowError
from matchmaker.imports.readers import Reader, Record
from matchmaker.imports.rows import (
    Prepared,
    SessionPoisoned,
    Target,
    import_row,
    prepare,
    refs_of,
)
from matchmaker.kinds import BY_PLURAL
from matchmaker.webhooks import events

log = logging.getLogger(__name__)

WAKE = "matchmaker.import_queued"
# A job in one of these is waiting for its turn or being run.
UNFINISHED = ("queued", "running")


@dataclass
class Tally:
    """What one chunk did, added to the job when the chunk commits."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[tuple[int, str, str]] = field(default_factory=list)
    last_row: int = 0


Progress = Callable[[ImportJob, int], None]  # (job as of the last commit, bytes read)


def create_job(
    session: Session,
    *,
    kind: str,
    fmt: str,
    source: str,
    filename: str,
    path: Path,
    mapping: dict[str, Any] | None,
    account_id: int | None,
    per_account: int | None = None,
) -> ImportJob:
    """A queued job for a file already on this server; an account's upload is refused while it
    has ``per_account`` jobs queued or running (the operator's CLI imports have no cap)."""
    if account_id is not None and per_account is not None:
        _check_room(session, account_id, per_account)
    job = ImportJob(
        account_id=account_id,
        kind=kind,
        format=fmt,
        source=source,
        filename=filename,
        path=str(path),
        mapping=mapping or {},
        status="queued",
    )
    session.add(job)
    session.flush()
    session.info[WAKE] = True
    return job


def _check_room(session: Session, account_id: int, per_account: int) -> None:
    # Jobs run one at a time, fairly across accounts (worker.py), but each queued job still
    # waits for a turn: without a cap one account could queue without end. The lock makes
    # uploads at once count each other, so the cap holds exactly.
    access.lock_account(session, account_id)
    count = int(
        session.scalar(
            select(func.count())
            .select_from(ImportJob)
            .where(ImportJob.account_id == account_id, ImportJob.status.in_(UNFINISHED))
        )
        or 0
    )
    if count >= per_account:
        raise ImportQueueFull(
            "file",
            f"this account has {count} imports queued or running, the most it may have "
            f"(MATCHMAKER_IMPORTS_PER_ACCOUNT={per_account}); upload again once one has ended",
        )


def interrupted_cli_job(session: Session, kind: str, source: str, path: Path) -> ImportJob | None:
    """An operator's import of this file that stopped before the end (the process died)."""
    return session.scalar(
        select(ImportJob)
        .where(
            ImportJob.account_id.is_(None),
            ImportJob.kind == kind,
            ImportJob.source == source,
            ImportJob.path == str(path),
            ImportJob.status.in_(UNFINISHED),
        )
        .order_by(ImportJob.id.desc())
        .limit(1)
    )


def get(session: Session, principal: Principal, job_id: int) -> ImportJob:
    """A job of the caller's account (any, for an admin); 404 otherwise."""
    job = session.get(ImportJob, job_id) if 1 <= job_id <= 2**31 - 1 else None
    if job is None or not (principal.is_admin or job.account_id == principal.account_id):
        raise NotFound(f"no import with id {job_id}", ResourceRef(kind="import", id=job_id))
    return job


def list_for(session: Session, principal: Principal, limit: int) -> list[ImportJob]:
    """The caller's account's jobs, newest first."""
    stmt = select(ImportJob).where(ImportJob.account_id == principal.account_id)
    return list(session.scalars(stmt.order_by(ImportJob.id.desc()).limit(limit)))


def errors_of(session: Session, job_id: int, limit: int) -> list[ImportRowError]:
    stmt = select(ImportRowError).where(ImportRowError.job_id == job_id)
    return list(session.scalars(stmt.order_by(ImportRowError.id).limit(limit)))


def run(
    sessions: sessionmaker[Session],
    job_id: int,
    settings: Settings,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
) -> str:
    """Run (or resume) a job to the end; returns its final status.

    Only an outage of the database leaves the job unfinished (to be resumed when it is back):
    any other error ends it ``failed``, saying what went wrong, so it never holds up the jobs
    queued behind it.
    """
    try:
        return _run(sessions, job_id, settings, progress, stop)
    except Exception as exc:
        if unavailable(exc) is not None:
            raise
        log.exception("import %s stopped by an unexpected error", job_id)
        message = (
            f"stopped by an unexpected error ({type(exc).__name__}: {exc}); "
            "the rows counted before it were imported"
        )
        return _finish(sessions, job_id, "failed", message[:2000])


def _run(
    sessions: sessionmaker[Session],
    job_id: int,
    settings: Settings,
    progress: Progress | None,
    stop: threading.Event | None,
) -> str:
    with sessions() as session, session.begin():
        job = session.get(ImportJob, job_id)
        if job is None or job.status in ("finished", "failed"):
            return job.status if job else "gone"
        job.status = "running"
        job.started_at = job.started_at or datetime.now(UTC)
        principal = _principal(session, job.account_id)
        kind, fmt, path = BY_PLURAL[job.kind], job.format, Path(job.path or "")
        raw_mapping, done, source = job.mapping or None, job.rows_done, job.source
    try:
        mapping = parse(raw_mapping, kind.create)
        reader = Reader(path, fmt, mapping.encoding)
    except (OSError, ValueError) as exc:
        return _finish(sessions, job_id, "failed", f"cannot start: {exc}")
    target = Target(kind, mapping, source, principal.account_id if principal else 0, principal)
    for chunk in _chunks(_after(reader, done), settings.import_chunk_rows):
        if chunk[0].row == 0:  # the file as a whole is unreadable (header, not an array)
            return _finish(sessions, job_id, "failed", chunk[0].error)
        if stop is not None and stop.is_set():
            with sessions() as session, session.begin():
                job = session.get(ImportJob, job_id)
                if job is not None:
                    job.status = "queued"  # resumed by the next worker
            return "queued"
        tally = _run_chunk(sessions, job_id, target, chunk, settings)
        if progress is not None:
            with sessions() as session:
                job = session.get(ImportJob, job_id)
                if job is not None:
                    progress(job, reader.position)
        log.debug("import %s: chunk of %s rows", job_id, tally.rows)
    return _finish(sessions, job_id, "finished", None)


def _principal(session: Session, account_id: int | None) -> Principal | None:
    if account_id is None:
        return None
    account = session.get(Account, account_id)
    if account is None:
        return None
    return access.principal_of(session, account, key_id=0)


def _after(reader: Reader, done: int) -> Iterator[Record]:
    """Records past row ``done``; a whole-file problem (row 0) comes alone, first."""
    for record in reader:
        if record.row == 0:
            yield record
            return
        if record.row > done:
            yield record


def _chunks(records: Iterator[Record], size: int) -> Iterator[list[Record]]:
    while True:
        chunk = list(islice(records, size))
        if not chunk:
            return
        yield chunk


def _run_chunk(
    sessions: sessionmaker[Session],
    job_id: int,
    target: Target,
    chunk: list[Record],
    settings: Settings,
) -> Tally:
    rows = [prepare(target, record) for record in chunk]
    try:
        ahead = embed_ahead(sessions, target, rows)  # the slow part, outside the transaction
    except Exception as exc:
        if unavailable(exc) is not None:
            raise
        # Only a head start: the commit embeds whatever has no vector yet, and a row whose
        # text cannot be embedded then fails alone, below.
        log.exception("import %s: embedding a chunk ahead failed", job_id)
        ahead = {}
    try:
        with sessions() as session, session.begin():
            session.info.update(ahead)
            refs = refs_of(session, target, [r.valid.external_id for r in rows if r.valid])
            tally = Tally()
            for row in rows:
                _one(session, target, row, refs, tally)
            _add_tally(session, job_id, tally, settings)
            return tally
    except Exception as exc:
        if unavailable(exc) is not None:
            raise
        if not isinstance(exc, SessionPoisoned):
            log.exception("import %s: a chunk failed; redoing it row by row", job_id)
    # A write the database refused (or an unexpected error) killed the chunk's transaction:
    # redo it row by row, so only the row that is really at fault is reported.
    tally = Tally()
    for row in rows:
        single = Tally()
        try:
            with sessions() as session, session.begin():
                session.info.update(ahead)
                ids = [row.valid.external_id] if row.valid else []
                _one(session, target, row, refs_of(session, target, ids), single)
        except SessionPoisoned as exc:
            single = Tally(rows=1, failed=1, errors=[(row.row, "row", str(exc)[:1000])])
        except Exception as exc:
            if unavailable(exc) is not None:
                raise
            log.exception("import %s: row %s failed unexpectedly", job_id, row.row)
            reason = f"could not be imported: unexpected {type(exc).__name__}: {exc}"
            single = Tally(rows=1, failed=1, errors=[(row.row, "row", reason[:1000])])
        single.last_row = row.row
        _merge(tally, single)
    with sessions() as session, session.begin():
        _add_tally(session, job_id, tally, settings)
    return tally


def _one(
    session: Session, target: Target, row: Prepared, refs: dict[str, ExternalRef], tally: Tally
) -> None:
    tally.rows += 1
    tally.last_row = row.row
    if row.valid is None:
        tally.failed += 1
        tally.errors.extend((row.row, f, r) for f, r in row.errors)
        return
    try:
        outcome = import_row(session, target, row.valid, refs)
    except RowInvalid as exc:
        tally.failed += 1
        tally.errors.extend((row.row, f, r) for f, r in exc.errors)
        return
    setattr(tally, outcome, getattr(tally, outcome) + 1)


def _merge(into: Tally, other: Tally) -> None:
    for name in ("rows", "created", "updated", "unchanged", "failed"):
        setattr(into, name, getattr(into, name) + getattr(other, name))
    into.errors.extend(other.errors)
    into.last_row = max(into.last_row, other.last_row)


def _add_tally(session: Session, job_id: int, tally: Tally, settings: Settings) -> None:
    job = session.get(ImportJob, job_id, with_for_update=True)
    if job is None:
        return
    if tally.errors:
        room = max(0, settings.import_max_errors - _count_errors(session, job_id))
        session.add_all(
            ImportRowError(job_id=job_id, row=row, field=f[:200], reason=reason[:1000])
            for row, f, reason in tally.errors[:room]
        )
    job.rows_read += tally.rows
    job.created += tally.created
    job.updated += tally.updated
    job.unchanged += tally.unchanged
    job.failed += tally.failed
    job.rows_done = max(job.rows_done, tally.last_row)


def _count_errors(session: Session, job_id: int) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(ImportRowError).where(ImportRowError.job_id == job_id)
        )
        or 0
    )


def _finish(sessions: sessionmaker[Session], job_id: int, status: str, message: str | None) -> str:
    with sessions() as session, session.begin():
        job = session.get(ImportJob, job_id)
        if job is None:
            return "gone"
        if status == "finished" and message is None and job.rows_read == 0:
            message = "the file holds no records (a header alone, or an empty array)"
        job.status, job.message = status, message
        job.finished_at = datetime.now(UTC)
        events.import_finished(session, job)
    return status
