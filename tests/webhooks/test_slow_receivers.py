"""A receiver cannot hold the delivery thread: a send ends at its deadline however slowly the
answer comes, and reads a bounded part of the answer's body."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import httpx

from matchmaker.webhooks import delivery

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"


@contextmanager
def raw_receiver(answer: Callable[[socket.socket], None]) -> Iterator[str]:
    """One connection on 127.0.0.1 answered by ``answer``, which writes raw bytes."""
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            conn.recv(65536)  # the request (small enough to come in one read)
            try:
                answer(conn)
            except OSError:
                pass  # the sender hung up: what the test wants

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/hook"
    finally:
        server.close()
        thread.join(timeout=30)


def _send(url: str, deadline: float) -> tuple[delivery.Result, float]:
    job = delivery.Job(1, 2, "ping", url, "whsec_x", "{}")
    started = time.monotonic()
    with httpx.Client(timeout=deadline) as client:
        result = delivery.send(client, job, True, deadline_seconds=deadline)
    return result, time.monotonic() - started


def _drip(data: bytes, every: float, until: float) -> Callable[[socket.socket], None]:
    def answer(conn: socket.socket) -> None:
        stop = time.monotonic() + until
        for byte in data:
            if time.monotonic() > stop:
                return
            conn.sendall(bytes([byte]))
            time.sleep(every)

    return answer


def test_a_receiver_dripping_its_headers_is_cut_off_at_the_deadline() -> None:
    # A byte every 0.3 s never trips a 1 s read timeout; 200 bytes would take a minute.
    with raw_receiver(_drip(HEAD + b"X-Pad: " + b"a" * 200, 0.3, 20)) as url:
        result, took = _send(url, 1.0)
    assert took < 4, took
    assert (result.status_code, result.error) == (None, "timeout: no answer within 1 s")


def test_a_receiver_dripping_its_body_is_cut_off_at_the_deadline() -> None:
    def answer(conn: socket.socket) -> None:
        conn.sendall(HEAD + b"Content-Length: 1000\r\n\r\n")
        _drip(b"a" * 1000, 0.3, 20)(conn)

    with raw_receiver(answer) as url:
        result, took = _send(url, 1.0)
    assert took < 4, took
    assert (result.status_code, result.error) == (None, "timeout: no answer within 1 s")


def test_an_endless_body_is_read_only_up_to_the_cap() -> None:
    sent = [0]

    def flood(conn: socket.socket) -> None:
        conn.sendall(HEAD + b"Content-Length: 1000000000000\r\n\r\n")
        chunk = b"a" * 65536
        stop = time.monotonic() + 20
        while time.monotonic() < stop:  # far more than the cap, for as long as it is read
            conn.sendall(chunk)
            sent[0] += len(chunk)

    with raw_receiver(flood) as url:
        result, took = _send(url, 10.0)
    assert (result.status_code, result.error) == (200, None)
    assert took < 5, took
    # The socket buffers hold a few MB at most; reading the whole body would take 20 s of it.
    assert sent[0] < 64 * 2**20, sent[0]
