"""Engine, session factory, the declarative base and the one dependency that commits."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from typing import Annotated, Any

import anyio
from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import DateTime, MetaData, TypeDecorator, create_engine, event
from sqlalchemy.engine import Dialect, Engine, ExceptionContext
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    SessionTransaction,
    mapped_column,
    sessionmaker,
)

from matchmaker.db_errors import storage_failure

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite would hand back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


def make_engine(url: str) -> Engine:
    """An engine with the per-dialect settings the service relies on."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # Foreign keys are off by default in SQLite; WAL lets readers run beside a writer.
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "handle_error")
        def _drop_unwritable(context: ExceptionContext) -> None:
            # A connection opened while the storage was read-only stays read-only: treating
            # the error as a disconnect discards it (and recycles the pool), so writes work
            # again as soon as the storage does, without a restart.
            if storage_failure(context.original_exception):
                context.is_disconnect = True

        return engine
    # pool_pre_ping replaces connections that died in a database restart, so the service
    # recovers by itself; connect_timeout bounds how long a request waits on a dead host.
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=10,
        connect_args={"connect_timeout": 5},
    )


# Set in ``session.info`` by whatever writes (or cascades to) match records in that session:
# a cache of decisions must not keep what such a session reads (reviews/feedback.py).
WROTE_MATCHES = "wrote_matches"


def make_sessionmaker(engine: Engine, listeners: Sequence[Any] = ()) -> sessionmaker[Session]:
    """Sessions that tell ``listeners`` (the matching engine) of every profile change."""
    return sessionmaker(engine, expire_on_commit=False, info={"listeners": tuple(listeners)})


# Middleware hands facts to the request's transaction under this key of the request state
# (the Idempotency-Key claim that the transaction stamps when it commits).
SESSION_INFO = "session_info"


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The only place that commits: one transaction per request, rolled back on any error.

    Async, so that opening the session costs no thread-pool hop (about 0.1 ms a request on
    a real server): neither the session nor its transaction touches the database until the
    first query, which runs in the endpoint's thread. The commit does, so it runs in the
    pool, shielded: a client that disconnects cannot leave the transaction open."""
    factory: sessionmaker[Session] = request.app.state.sessions
    session = factory()
    transaction = session.begin()
    session.info.update(getattr(request.state, SESSION_INFO, {}))
    try:
        yield session
    except BaseException:
        with anyio.CancelScope(shield=True):
            await run_in_threadpool(_end, session, transaction, False)
        raise
    with anyio.CancelScope(shield=True):
        await run_in_threadpool(_end, session, transaction, True)


def _end(session: Session, transaction: SessionTransaction, commit: bool) -> None:
    try:
        if commit:
            transaction.commit()
        else:
            transaction.rollback()
    finally:
        session.close()


# scope="function" runs the commit before the response is sent, so a failed commit is
# reported to the client instead of being lost after a 2xx.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
