"""The loop shared by the service's background workers (imports, webhook deliveries)."""

from __future__ import annotations

import logging
import threading

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
