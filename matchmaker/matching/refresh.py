"""Keeps a server's indexes in step with the change feed (``feed.py``).

A server learns of its own writes when they commit; what other processes commit (a
``matchmaker import`` run from a shell, other replicas) reaches its indexes here: at once
when PostgreSQL notifies it (``listen.py``), else every ``index_refresh_seconds``. The
worker also prunes the feed now and then.
"""

from __future__ import annotations

import time
from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from matchmaker.background import PollingWorker
from matchmaker.db import utcnow
from matchmaker.matching import feed
from matchmaker.matching.listen import ChangeListener
from matchmaker.matching.store import EmbeddingStore

PRUNE_EVERY = 600.0  # seconds between prunes of the feed by one process


class IndexRefresher(PollingWorker):
    name = "index-refresh"

    def __init__(
        self,
        store: EmbeddingStore,
        sessions: sessionmaker[Session],
        every: float,
        retention: timedelta = timedelta(days=7),
    ) -> None:
        super().__init__(every)
        self.store = store
        self.sessions = sessions
        self.retention = retention
        self._pruned = 0.0
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
        with self.sessions() as session, session.begin():
            feed.prune(session, utcnow() - self.retention)

    def run_once(self) -> bool:
        _, more = self.store.follow(self.sessions)
        return more
