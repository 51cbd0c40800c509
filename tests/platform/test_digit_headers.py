"""Numbers read from text outside the routes (a Content-Length, a claim's owner) are ASCII
digits of bounded length: "²" is a digit to str.isdigit() but int() refuses it."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from starlette.types import Message, Receive, Scope, Send

from matchmaker.config import Settings
from matchmaker.platform import leases
from matchmaker.platform.bodylimit import BodyLimitMiddleware


def _call(middleware: BodyLimitMiddleware, length: bytes) -> list[Message]:
    sent: list[Message] = []
    scope: Scope = {
        "type": "http",
        "method": "POST",
        "path": "/v1/startups",
        "headers": [(b"content-length", length), (b"content-type", b"application/json")],
    }

    async def receive() -> Message:
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    async def run(receive: Receive, send: Send) -> None:
        await middleware(scope, receive, send)

    # A thread of its own: the test's thread may already run an event loop (another test's
    # plugin), where asyncio.run refuses to start and leaves the coroutine never awaited.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, run(receive, send)).result()
    return sent


def test_a_content_length_int_cannot_read_is_left_to_the_byte_count(settings: Settings) -> None:
    reached: list[Scope] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        reached.append(scope)
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    middleware = BodyLimitMiddleware(app, settings)
    for length in ("²".encode("latin-1"), b"9" * 5000):
        sent = _call(middleware, length)
        assert sent[0]["status"] == 204, length[:5]
    assert len(reached) == 2


def test_a_claim_owner_with_a_pid_int_cannot_read_is_judged_by_its_age() -> None:
    now = datetime.now(UTC)
    host, boot = leases._machine()  # this machine's: the pid would be looked up
    for pid in ("²", "9" * 5000):
        owner = leases._SEP.join((host, boot, pid, "start", "token"))
        assert leases.alive(owner, now, now)
        assert not leases.alive(owner, now - leases.STALE_CLAIM * 2, now)
