"""Outermost middleware: a request id, the latency histogram and one log line per request."""

from __future__ import annotations

import logging
import time

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from matchmaker.observability.logs import REQUEST_ID_HEADER, accept_request_id, request_id
from matchmaker.observability.metrics import UNMATCHED
from matchmaker.platform.middleware import KEY_ID

log = logging.getLogger("matchmaker.request")


class RequestMiddleware:
    """Tags each request with an id (the caller's ``X-Request-ID`` if sane, else a new one),
    returns it, times the request by route template, and logs it once.

    The line names the API key by its id, never by the key itself, and leaves the query string
    out (it is the caller's data).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = accept_request_id(Headers(scope=scope).get(REQUEST_ID_HEADER))
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500  # what the line says if the app raises before answering

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() != REQUEST_ID_HEADER.lower().encode()
                ]
                headers.append((REQUEST_ID_HEADER.lower().encode(), rid.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", None) or UNMATCHED
            runtime = getattr(scope["app"].state, "runtime", None)
            if runtime is not None:
                runtime.metrics.request_seconds.labels(scope["method"], route, str(status)).observe(
                    elapsed
                )
            log.info(
                "%s %s %s",
                scope["method"],
                scope["path"],
                status,
                extra={
                    "request_id": rid,
                    "method": scope["method"],
                    "path": scope["path"],
                    "route": route,
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 2),
                    "key_id": scope.get("state", {}).get(KEY_ID),
                    "client": (scope.get("client") or ("", 0))[0],
                },
            )
            request_id.reset(token)
