"""A real HTTP receiver on 127.0.0.1 that records what it is sent and answers as told."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    answered: int


@dataclass
class Receiver:
    url: str
    # Status codes to answer, in order; once used up, every request gets 200.
    script: list[int] = field(default_factory=list)
    # Seconds to wait before answering, in order (to make the sender time out).
    delays: list[float] = field(default_factory=list)
    requests: list[Received] = field(default_factory=list)
    # Sent as Location with every answer (to test that redirects are not followed).
    location: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self) -> tuple[int, float]:
        with self.lock:
            status = self.script.pop(0) if self.script else 200
            return status, self.delays.pop(0) if self.delays else 0.0

    def wait_for(self, done: Callable[[list[Received]], bool], timeout: float = 60) -> None:
        """Wait until ``done(requests)`` holds; fails the test when it never does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if done(list(self.requests)):
                    return
            time.sleep(0.05)
        raise AssertionError(f"receiver never saw what the test waited for: {self.requests}")

    def accepted(self) -> list[Received]:
        with self.lock:
            return [r for r in self.requests if 200 <= r.answered < 300]


@contextmanager
def receiver(
    script: list[int] | None = None, delays: list[float] | None = None, port: int = 0
) -> Iterator[Receiver]:
    """Serve on 127.0.0.1 until the block ends; on a free port unless given ``port`` (to come
    back where a receiver that went down was)."""
    state: Receiver

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the http.server API
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status, delay = state.answer()
            time.sleep(delay)
            with state.lock:
                state.requests.append(Received(dict(self.headers.items()), body, status))
            self.send_response(status)
            if state.location:
                self.send_header("Location", state.location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    state = Receiver(
        url=f"http://127.0.0.1:{server.server_address[1]}/hook",
        script=script or [],
        delays=delays or [],
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
