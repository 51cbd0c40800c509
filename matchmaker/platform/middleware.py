"""Per-key rate limits and idempotent POSTs, around every route.

This is ASGI middleware rather than a dependency because an idempotent replay must answer
before the route runs and must capture the route's response. It identifies the caller with
``matchmaker.access.service.authenticate`` (the function behind the principal dependency);
requests without a usable key pass through untouched, and the route answers them with 401.
"""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

from fastapi.encoders import jsonable_encoder
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from matchmaker.access import service as access
from matchmaker.access.principal import Principal
from matchmaker.config import Settings
from matchmaker.db import SESSION_INFO
from matchmaker.errors import ErrorBody, Unauthorized
from matchmaker.platform import idempotency
from matchmaker.platform.ratelimit import RateLimiter


def error(
    status: int,
    code: str,
    message: str,
    headers: dict[str, str] | None = None,
    field: str | None = None,
) -> Response:
    # 422s name the field like every other validation error of the API.
    detail = [{"field": field, "reason": message}] if field else None
    body = ErrorBody(error=code, message=message, detail=detail)
    return JSONResponse(jsonable_encoder(body), status_code=status, headers=headers)


class PlatformMiddleware:
    """Rate-limits every request made with a key; makes POSTs with an Idempotency-Key safe."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.limiter = RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst)
        self.ttl = timedelta(hours=settings.idempotency_ttl_hours)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        principal = await self._principal(scope, headers)
        if principal is None:
            await self.app(scope, receive, send)
            return
        rate_headers: list[tuple[bytes, bytes]] = []
        # Admin keys are the operator's own tools (seeding, migrations of data): not limited.
        if self.limiter.enabled and not principal.is_admin:
            verdict = self.limiter.take(principal.key_id)
            if not verdict.allowed:
                response = error(
                    429,
                    "rate_limited",
                    f"this key may send {self.limiter.per_minute} requests a minute "
                    f"(bursts of {self.limiter.burst}); retry in {verdict.retry_after} s",
                    {"Retry-After": str(verdict.retry_after)},
                )
                await response(scope, receive, send)
                return
            rate_headers = [
                (b"x-ratelimit-limit", str(self.limiter.per_minute).encode()),
                (b"x-ratelimit-remaining", str(verdict.remaining).encode()),
            ]
        send = _with_headers(send, rate_headers)
        key = headers.get(idempotency.HEADER)
        if scope["method"] != "POST" or key is None:
            await self.app(scope, receive, send)
            return
        await self._idempotent(scope, receive, send, principal, key)

    async def _principal(self, scope: Scope, headers: Headers) -> Principal | None:
        scheme, _, token = headers.get("authorization", "").partition(" ")
        sessions = getattr(scope["app"].state, "sessions", None)
        if scheme.lower() != "bearer" or not token or sessions is None:
            return None

        def authenticate() -> Principal | None:
            # Read only: the route authenticates again in its own transaction and commits.
            with sessions() as session:
                try:
                    return access.authenticate(session, token)
                except Unauthorized:
                    return None

        return await run_in_threadpool(authenticate)

    async def _idempotent(
        self, scope: Scope, receive: Receive, send: Send, principal: Principal, key: str
    ) -> None:
        if not re.fullmatch(idempotency.KEY_PATTERN, key):
            await error(
                422,
                "validation_failed",
                f"1 to {idempotency.MAX_KEY_LENGTH} visible ASCII characters, no spaces",
                field="Idempotency-Key",
            )(scope, receive, send)
            return
        sessions = scope["app"].state.sessions
        digest = hashlib.sha256()
        body_done = False

        async def hashing_receive() -> Message:
            nonlocal body_done
            message = await receive()
            if message["type"] == "http.request":
                digest.update(message.get("body", b""))
                body_done = not message.get("more_body", False)
            return message

        async def drain() -> str:
            # Hash whatever of the body the route did not read (it may refuse early).
            while not body_done:
                if (await hashing_receive())["type"] != "http.request":
                    break
            return idempotency.request_hash(
                scope["method"], scope["path"], scope.get("query_string", b""), digest.hexdigest()
            )

        outcome = await run_in_threadpool(
            idempotency.claim, sessions, principal.key_id, key, self.ttl
        )
        if isinstance(outcome, idempotency.Busy):
            await drain()
            await error(
                409,
                "idempotency_in_progress",
                "a request with this Idempotency-Key is still running; retry later",
                {"Retry-After": "1"},
            )(scope, receive, send)
            return
        if isinstance(outcome, idempotency.Stored | idempotency.Lost):
            req_hash = await drain()
            if outcome.request_hash and req_hash != outcome.request_hash:
                await error(
                    422,
                    "idempotency_key_reused",
                    "this Idempotency-Key was used with a different request; use a new key",
                    field="Idempotency-Key",
                )(scope, receive, send)
            elif isinstance(outcome, idempotency.Lost):
                await error(
                    409,
                    "idempotency_response_lost",
                    "the request with this Idempotency-Key was carried out, but its response "
                    "was not kept; read the result (e.g. the list or the resource) instead "
                    "of retrying",
                )(scope, receive, send)
            else:
                await _replay(outcome, send)
            return
        # The route's transaction stamps the claim when it commits (idempotency.track_commits).
        scope.setdefault("state", {})[SESSION_INFO] = {idempotency.CLAIM: outcome.record_id}
        status = 500
        response_headers: list[tuple[str, str]] = []
        chunks: list[bytes] = []

        async def capturing_send(message: Message) -> None:
            nonlocal status, response_headers
            if message["type"] == "http.response.start":
                status = int(message["status"])
                response_headers = [
                    (k.decode("latin-1"), v.decode("latin-1"))
                    for k, v in message.get("headers", [])
                    if k.lower() not in _NOT_REPLAYED
                ]
            elif message["type"] == "http.response.body":
                if sum(map(len, chunks)) <= idempotency.MAX_STORED_BODY:
                    chunks.append(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, hashing_receive, capturing_send)
        except BaseException:
            await run_in_threadpool(idempotency.release, sessions, outcome)
            raise
        req_hash = await drain()
        await run_in_threadpool(
            idempotency.complete,
            sessions,
            outcome,
            req_hash,
            status,
            response_headers,
            b"".join(chunks),
        )


_NOT_REPLAYED = {b"date", b"server", b"x-ratelimit-limit", b"x-ratelimit-remaining"}


async def _replay(stored: idempotency.Stored, send: Send) -> None:
    headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in stored.headers]
    headers.append((b"idempotent-replayed", b"true"))
    await send({"type": "http.response.start", "status": stored.status_code, "headers": headers})
    await send({"type": "http.response.body", "body": stored.body})


def _with_headers(send: Send, extra: list[tuple[bytes, bytes]]) -> Send:
    if not extra:
        return send

    async def sender(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return sender
