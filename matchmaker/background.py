"""The loop shared by the service's background workers (imports, webhook deliveries), and the
claim that lets one of several worker processes on one database take a piece of work alone."""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)


class PollingWorker:
    """A daemon thread calling ``run_once`` until stopped; ``wake()`` makes it look now
    instead of after the next poll interval."""

    name = "worker"

    def __init__(self, poll_seconds: float) -> None:
        self.poll_seconds = poll_seconds
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_once(self) -> int | bool:
        """One pass; truthy when it did work (then the next pass starts at once)."""
        raise NotImplementedError

    def before_pass(self) -> None:
        """Occasional upkeep; runs in the worker thread before each pass."""

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name=self.name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def run_forever(self) -> None:
        """Run in the calling thread until ``stop()`` (or Ctrl-C)."""
        self._loop()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.before_pass()
                busy = bool(self.run_once())
            except Exception:  # noqa: BLE001 - one bad job or row must not kill the worker
                log.exception("%s worker pass failed; retrying", self.name)
                busy = False
            if not busy:
                self._wake.wait(self.poll_seconds)
            self._wake.clear()


class Claim:
    """Work this process holds alone until ``release()``: on PostgreSQL a session-level
    advisory lock on a connection kept for the purpose. If the process dies, PostgreSQL ends
    its connection and the lock with it, so another worker takes the work over (imports resume
    from their last committed chunk): no lease to renew, no clock to trust."""

    def __init__(self, connection: Connection | None, key: tuple[int, int]) -> None:
        self._connection = connection
        self._key = key

    def alive(self) -> bool:
        """Whether the claim still holds: its connection answers (a database restart ends
        the connection and the lock with it)."""
        if self._connection is None:
            return True
        try:
            self._connection.execute(text("SELECT 1"))
            self._connection.rollback()
        except DBAPIError:
            self._connection.invalidate()  # never pool it; release() only closes it
            return False
        return True

    def release(self) -> None:
        conn, self._connection = self._connection, None
        if conn is None:
            return
        try:
            if not conn.invalidated:
                conn.execute(text("SELECT pg_advisory_unlock(:ns, :id)"), _lock_params(self._key))
                conn.rollback()
        except SQLAlchemyError:
            # The connection is gone, and its lock with it; never pool a broken one.
            conn.invalidate()
        finally:
            conn.close()


def try_claim(sessions: sessionmaker[Session], namespace: int, item_id: int) -> Claim | None:
    """Claim item ``item_id`` of ``namespace`` for this process, or None if another has it.

    SQLite has one writer and its workers live in the one API process: the claim always
    succeeds there, as before there were several replicas.
    """
    engine = sessions.kw["bind"]
    if engine.dialect.name != "postgresql":
        return Claim(None, (namespace, item_id))
    return try_claim_on(engine, namespace, item_id)


def try_claim_on(engine: Engine, namespace: int, item_id: int) -> Claim | None:
    """``try_claim`` on a PostgreSQL engine."""
    conn = engine.connect()
    try:
        got = conn.scalar(
            text("SELECT pg_try_advisory_lock(:ns, :id)"), _lock_params((namespace, item_id))
        )
        # End the transaction: the lock is the session's and outlives it; an idle open
        # transaction would hold back vacuum for as long as the work runs.
        conn.rollback()
    except BaseException:
        conn.close()
        raise
    if not got:
        conn.close()
        return None
    return Claim(conn, (namespace, item_id))


def _lock_params(key: tuple[int, int]) -> dict[str, int]:
    return {"ns": key[0], "id": key[1]}
