"""Wakes the index refresher when another process commits a change (PostgreSQL NOTIFY).

A dedicated connection outside the pool, in a thread of its own, LISTENs on the feed's
channel. Notifications are only a hint: the refresher still polls, so a notification lost
while this reconnects delays a change by one poll interval at most.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg
from sqlalchemy.engine import Engine

from matchmaker.matching.feed import CHANNEL

log = logging.getLogger(__name__)
RETRY_SECONDS = 2.0


class ChangeListener:
    def __init__(self, engine: Engine, wake: Callable[[], None]) -> None:
        # The libpq form of the engine's URL (no "+psycopg" driver suffix).
        url = engine.url.set(drivername="postgresql")
        self._conninfo = url.render_as_string(hide_password=False)
        self._wake = wake
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="feed-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    # Changes committed while this was not listening: look now.
                    self._wake()
                    while not self._stop.is_set():
                        # A timeout lets stop() end the loop within a second.
                        for _ in conn.notifies(timeout=1.0, stop_after=1):
                            self._wake()
            except psycopg.Error as exc:
                log.warning("change feed listener lost its connection (%s); retrying", exc)
                self._stop.wait(RETRY_SECONDS)
