"""Keeps a server's indexes up to date with profiles that other processes write.

A server learns of its own writes when they commit; rows another process commits (a
``matchmaker import`` run from a shell, a second API process) reach its indexes here,
every ``index_refresh_seconds``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from matchmaker.background import PollingWorker
from matchmaker.matching.store import EmbeddingStore


class IndexRefresher(PollingWorker):
    name = "index-refresh"

    def __init__(
        self, store: EmbeddingStore, sessions: sessionmaker[Session], every: float
    ) -> None:
        super().__init__(every)
        self.store = store
        self.sessions = sessions
        # The indexes were loaded from the database at start-up.
        self._since = datetime.now(UTC)

    def run_once(self) -> bool:
        started = datetime.now(UTC)
        self.store.refresh(self.sessions, self._since)
        self._since = started
        return False  # one pass per interval: it re-reads the last minute anyway
