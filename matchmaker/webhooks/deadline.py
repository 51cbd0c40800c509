"""A whole-attempt deadline for one delivery.

httpx's timeouts are per socket operation: a receiver that sends a byte every few seconds
never trips one, and held the single delivery thread past the claim's lease (so another
worker could send the same delivery again). A timer shuts the attempt's socket down when the
deadline passes, which wakes a read that is blocked on it.
"""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType
from typing import Any

# httpcore's trace events that hand over a new connection's stream.
_CONNECTED = frozenset({"connection.connect_tcp.complete", "connection.start_tls.complete"})


class Deadline:
    """Use as a context manager around one request; pass ``trace`` as its trace extension."""

    def __init__(self, seconds: float) -> None:
        self.ends_at = time.monotonic() + seconds
        self.passed = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        return self.ends_at - time.monotonic()

    def trace(self, name: str, info: dict[str, Any]) -> None:
        """httpcore's trace hook: keeps the socket of each connection the attempt opens."""
        if name not in _CONNECTED:
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if not isinstance(sock, socket.socket):
            return
        with self._lock:
            self._sockets.append(sock)
            if self.passed:  # connected just as the deadline passed
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.passed = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed: nothing is blocked on it
