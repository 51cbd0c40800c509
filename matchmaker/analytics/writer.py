"""The buffered writer of the exposure log: requests hand it rows, a thread inserts them.

A served list used to pay for a write transaction of its own: one INSERT is cheap, but its
commit waits for the disk (8 ms p50 on SQLite, 16 ms on PostgreSQL here, more under load;
see README "Analytics"). The writer takes that off the request: rows wait in memory for at
most ``FLUSH_SECONDS`` and go in with one ``INSERT ... executemany`` per flush. A crash loses
at most that last second of exposures, which a report of months does not notice; reports
flush first, so a process reads its own lists at once.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.analytics.models import Exposure
from matchmaker.background import PollingWorker

log = logging.getLogger(__name__)

FLUSH_SECONDS = 1.0
WAKE_ROWS = 2_000  # a burst this large is written at once rather than at the next tick
MAX_PENDING = 100_000  # while the database is down, keep at most this many rows
INFO_KEY = "exposure_writer"


class ExposureWriter(PollingWorker):
    """Collects exposure rows from requests and inserts them every ``FLUSH_SECONDS``."""

    name = "exposure-writer"

    def __init__(self, sessions: sessionmaker[Session], poll_seconds: float = FLUSH_SECONDS):
        super().__init__(poll_seconds)
        self.sessions = sessions
        self._lock = threading.Lock()
        self._pending: list[dict[str, Any]] = []
        # Held from taking rows to committing them: a report that found the queue empty
        # while a flush was still writing read too early (tests/analytics/test_log.py).
        self._writing = threading.Lock()

    def add(self, rows: list[dict[str, Any]]) -> None:
        """Queue rows (the request's only cost: a list append under a lock)."""
        with self._lock:
            self._pending.extend(rows)
            burst = len(self._pending) >= WAKE_ROWS
        if burst:
            self.wake()

    def take(self) -> list[dict[str, Any]]:
        """What is queued now, handed over to the caller to insert."""
        with self._lock:
            rows, self._pending = self._pending, []
        return rows

    def take_written(self) -> list[dict[str, Any]]:
        """What is queued now, once any flush under way has committed its rows: a reader
        that inserts these in its own transaction then sees every row handed in so far."""
        with self._writing:
            return self.take()

    def flush(self) -> int:
        """Insert what is queued now, in a transaction of its own; the rows written."""
        with self._writing:
            rows = self.take()
            if not rows:
                return 0
            try:
                with self.sessions() as session, session.begin():
                    session.execute(insert(Exposure), rows)
            except Exception:
                with self._lock:  # the database is away: keep them for the next flush
                    self._pending[:0] = rows[-MAX_PENDING:]
                    del self._pending[MAX_PENDING:]
                raise
            return len(rows)

    def run_once(self) -> bool:
        self.flush()
        return False  # wait for the next tick (or a burst) either way

    def stop(self, timeout: float = 30.0) -> None:
        super().stop(timeout)
        try:
            self.flush()
        except Exception:  # noqa: BLE001 - shutting down: say what was lost, do not raise
            log.exception("exposure log: %d rows not written at shutdown", len(self._pending))


def install(sessions: sessionmaker[Session]) -> ExposureWriter:
    """Start a writer and hand it to every session ``sessions`` makes (``Session.info``)."""
    writer = ExposureWriter(sessions)
    sessions.kw.setdefault("info", {})[INFO_KEY] = writer
    writer.start()
    return writer


def uninstall(sessions: sessionmaker[Session], writer: ExposureWriter) -> None:
    """Stop the writer (flushing what it holds) and let sessions write directly again."""
    info = sessions.kw.get("info", {})
    if info.get(INFO_KEY) is writer:
        del info[INFO_KEY]
    writer.stop()


def of(session: Session) -> ExposureWriter | None:
    """The writer of the app that opened ``session``, if one runs."""
    writer = session.info.get(INFO_KEY)
    return writer if isinstance(writer, ExposureWriter) else None
