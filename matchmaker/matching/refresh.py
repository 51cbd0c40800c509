"""Keeps a server's indexes in step with the change feed (``feed.py``).

A server learns of its own writes when they commit; what other processes commit (a
``matchmaker import`` run from a shell, other replicas) reaches its indexes here: at once
when PostgreSQL notifies it (``listen.py``), else every ``index_refresh_seconds``. The
worker also records where this replica stands (``readers.py``) and prunes the feed now and
then, keeping what the replicas seen lately need.
"""

from __future__ import annotations

import time
from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from matchmaker.background import PollingWorker
from matchmaker.db import utcnow
from matchmaker.matching import feed, readers
from matchmaker.matching.listen import ChangeListener
from matchmaker.matching.store import EmbeddingStore

PRUNE_EVERY = 600.0  # seconds between prunes of the feed by one process
# Seconds between heartbeats: NOTIFY wakes every replica at each commit, and a row written
# per replica per commit would double the database's writes for nothing.
BEAT_EVERY = 10.0


class IndexRefresher(PollingWorker):
    name = "index-refresh"

    def __init__(
        self,
        store: EmbeddingStore,
        sessions: sessionmaker[Session],
        every: float,
        retention: timedelta = timedelta(days=7),
        reader: str | None = None,
        reader_timeout: timedelta = timedelta(hours=24),
        hold_max: timedelta = timedelta(days=30),
    ) -> None:
        super().__init__(every)
        self.store = store
        self.sessions = sessions
        self.retention = retention
        self.reader = reader
        self.reader_timeout = reader_timeout
        self.hold_max = hold_max
        self._pruned = 0.0
        self._beaten: tuple[float, int | None] | None = None  # when, the snapshot's position
        self._listener: ChangeListener | None = None
        engine = sessions.kw["bind"]
        if engine.dialect.name == "postgresql":
            self._listener = ChangeListener(engine, self.wake)

    def start(self) -> None:
        super().start()
        if self._listener is not None:
            self._listener.start()

    def stop(self, timeout: float = 30.0) -> None:
        if self._listener is not None:
            self._listener.stop()
        super().stop(timeout)

    def before_pass(self) -> None:
        if time.monotonic() - self._pruned < PRUNE_EVERY:
            return
        self._pruned = time.monotonic()
        self.prune()

    def prune(self) -> int:
        """Prune the feed by age, keeping what the replicas seen lately need (for at most
        ``hold_max``); forget those not seen for longer. Returns how many changes went."""
        now = utcnow()
        with self.sessions() as session, session.begin():
            seen_since = now - self.reader_timeout
            readers.forget(session, seen_since)
            count = feed.prune(session, now - self.retention, readers.floor(session, seen_since))
            # A replica that runs for weeks is seen all along, and its snapshot (saved at a
            # clean stop) would hold the feed back since its start: past hold_max, age wins.
            return count + feed.prune(session, now - self.hold_max)

    def run_once(self) -> bool:
        _, more = self.store.follow(self.sessions)
        self.heartbeat()
        return more

    def heartbeat(self) -> None:
        """Record where this replica stands: at most every BEAT_EVERY seconds, at once when
        its snapshot changed."""
        if self.reader is None:
            return
        now, snapshot = time.monotonic(), self.store.snapshot_position
        last = self._beaten
        if last is not None and last[1] == snapshot and now - last[0] < BEAT_EVERY:
            return
        with self.sessions() as session, session.begin():
            readers.beat(session, self.reader, self.store.cursor.position, snapshot)
        self._beaten = (now, snapshot)
