"""Per-account rate limits and idempotent POSTs, around every route.

Pages are limited too: a signed-in browser session counts against the bucket of the account
of the key it was opened with, and is answered over the limit with an HTML page. A request
with neither a usable key nor a session (the sign-in form, where keys could be guessed; an API
call with no key or a bogus one, which the route answers 401) counts against its client
address's bucket, in a limiter of its own (``addresses.ByAddress``). The pages say who a
session is, which paths are pages and draw that page (``Browsers``, given by the app's wiring),
so this layer knows nothing of the web package. The ``free`` paths (health probes, /metrics,
the stylesheet) are neither authenticated nor counted.

This is ASGI middleware rather than a dependency because an idempotent replay must answer
before the route runs and must capture the route's response. It identifies the caller with
``matchmaker.access.service.authenticate`` (the function behind the principal dependency).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Awaitable, Callable, Collection
from datetime import timedelta

from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from matchmaker.access import service as access
from matchmaker.access.cache import PrincipalCache
from matchmaker.access.principal import Principal
from matchmaker.config import Settings
from matchmaker.db import SESSION_INFO
from matchmaker.errors import Unauthorized, unavailable
from matchmaker.platform import idempotency, leases, presence
from matchmaker.platform.addresses import Browsers, ByAddress
from matchmaker.platform.asgi import error, rate_headers, take, with_headers
from matchmaker.platform.ratelimit import Limiter, bucket_of

# Where the request's authenticated key id is left for the request log.
KEY_ID = "matchmaker.key_id"

log = logging.getLogger(__name__)


class PlatformMiddleware:
    """Rate-limits every request made with a key or a signed-in session, and the rest but the
    ``free`` paths by client address (``anonymous``); makes POSTs with an Idempotency-Key
    safe. A ``free`` entry ending in "/" covers every path under it."""

    def __init__(
        self,
        app: ASGIApp,
        settings: Settings,
        limiter: Limiter,
        browsers: Browsers | None = None,
        anonymous: Limiter | None = None,
        free: Collection[str] = (),
    ) -> None:
        self.app = app
        self.limiter = limiter
        self.browsers = browsers
        self.by_address = ByAddress(anonymous, browsers)
        self.free = free
        self.ttl = timedelta(hours=settings.idempotency_ttl_hours)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self._is_free(scope["path"]):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        key = headers.get(idempotency.HEADER)
        idempotent = scope["method"] == "POST" and key is not None
        signed_in = False  # a browser's session, not a key: over the limit it gets a page
        try:
            principal = await self._principal(scope, headers, idempotent)
            if principal is None:
                principal = await self._session_principal(scope)
                signed_in = principal is not None
        except SQLAlchemyError as exc:
            if idempotent:
                await _outage(exc)(scope, receive, send)
                return
            # The route answers: 503 if it needs the database, and /readyz says what is down.
            # Uncounted: whether the key was good is unknown, and no address pays for it.
            await self.app(scope, receive, send)
            return
        if principal is None:
            await self.by_address(self.app, scope, receive, send)
            return
        # The request log names the key by its id (matchmaker.observability), never by itself.
        scope.setdefault("state", {})[KEY_ID] = principal.key_id
        extra: list[tuple[bytes, bytes]] = []
        # Admin keys are the operator's own tools (seeding, migrations of data): not limited.
        if self.limiter.enabled and not principal.is_admin:
            verdict = await take(self.limiter, bucket_of(principal))
            if not verdict.allowed and signed_in and self.browsers is not None:
                await self.browsers.too_many(scope, verdict.retry_after)(scope, receive, send)
                return
            if not verdict.allowed:
                response = error(
                    429,
                    "rate_limited",
                    f"this key's account may send {self.limiter.per_minute} requests a minute "
                    f"(bursts of {self.limiter.burst}); retry in {verdict.retry_after} s",
                    {"Retry-After": str(verdict.retry_after)},
                )
                await response(scope, receive, send)
                return
            extra = rate_headers(self.limiter, verdict)
        send = with_headers(send, extra)
        # Pages take no Idempotency-Key: only a key's own POSTs are made idempotent.
        if not idempotent or key is None or signed_in:
            await self.app(scope, receive, send)
            return
        await self._idempotent(scope, receive, send, principal, key)

    def _is_free(self, path: str) -> bool:
        # Never refused, so never looked up either: a bogus key sent to /healthz costs nothing.
        return any(path == p or (p.endswith("/") and path.startswith(p)) for p in self.free)

    async def _principal(
        self, scope: Scope, headers: Headers, idempotent: bool
    ) -> Principal | None:
        scheme, _, token = headers.get("authorization", "").partition(" ")
        state = scope["app"].state
        sessions = getattr(state, "sessions", None)
        if scheme.lower() != "bearer" or not token or sessions is None:
            return None
        cache: PrincipalCache | None = getattr(state, "principals", None)
        # A key verified before is enough to pick the rate-limit bucket, without a thread-pool
        # hop and a session: the route checks revocation and expiry itself. An idempotent
        # replay answers here, before the route, so it is checked in full.
        cached = cache.get(token.strip()) if cache is not None and not idempotent else None
        if cached is not None:
            return cached

        def authenticate() -> Principal | None:
            # Read only: the route authenticates again in its own transaction and commits.
            with sessions() as session:
                try:
                    return access.authenticate(session, token, cache=cache)
                except Unauthorized:
                    return None

        return await run_in_threadpool(authenticate)

    async def _session_principal(self, scope: Scope) -> Principal | None:
        """The principal of a signed-in browser session, to pick its account's bucket."""
        browsers = self.browsers
        token = browsers.token(scope) if browsers is not None else None
        state = scope["app"].state
        if browsers is None or token is None or getattr(state, "sessions", None) is None:
            return None
        cache: PrincipalCache | None = getattr(state, "principals", None)
        # As for keys: a session seen lately is enough to pick the bucket; the page checks it.
        cached = browsers.cached(cache, token)
        if cached is not None:
            return cached
        return await run_in_threadpool(browsers.principal, scope, token, cache)

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

        # The lease is held before the claim commits, so no retry ever sees it ownerless.
        engine = scope["app"].state.engine
        with leases.Lease(presence.present(engine, leases.this_process())) as lease:
            try:
                outcome = await run_in_threadpool(
                    idempotency.claim, sessions, principal.key_id, key, self.ttl, lease.owner
                )
            except SQLAlchemyError as exc:
                await drain()
                await _outage(exc)(scope, receive, send)
                return
            if isinstance(outcome, idempotency.Claimed):
                await self._run_claimed(scope, hashing_receive, send, outcome, drain)
                return
        if isinstance(outcome, idempotency.Busy):
            await drain()
            await error(
                409,
                "idempotency_in_progress",
                "a request with this Idempotency-Key is still running; retry later",
                {"Retry-After": "1"},
            )(scope, receive, send)
            return
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

    async def _run_claimed(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        claimed: idempotency.Claimed,
        drain: Callable[[], Awaitable[str]],
    ) -> None:
        """Run the route; store its response before sending it, so a retry sent as soon as
        the response arrives finds it."""
        sessions = scope["app"].state.sessions
        # The route's transaction stamps the claim when it commits (idempotency.track_commits).
        scope.setdefault("state", {})[SESSION_INFO] = {idempotency.CLAIM: claimed.record_id}
        start: Message = {}
        chunks: list[bytes] = []
        stored = False

        async def store() -> None:
            nonlocal stored
            stored = True
            req_hash = await drain()
            headers = [
                (k.decode("latin-1"), v.decode("latin-1"))
                for k, v in start.get("headers", [])
                if k.lower() not in _NOT_REPLAYED
            ]
            status = int(start.get("status", 500))
            try:
                await run_in_threadpool(
                    idempotency.complete,
                    sessions,
                    claimed,
                    req_hash,
                    status,
                    headers,
                    b"".join(chunks),
                )
            except SQLAlchemyError as exc:
                # The request did what it did: send its answer. Once the lease ends, a retry
                # finds a dead claim and is told by its commit (run again, or Lost).
                log.warning("Idempotency-Key response not stored: %s", exc)

        async def storing_send(message: Message) -> None:
            nonlocal start
            if stored:
                await send(message)
            elif message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                more = bool(message.get("more_body", False))
                if more and sum(map(len, chunks)) <= idempotency.MAX_STORED_BODY:
                    return  # keep buffering: the whole response is stored, then sent
                await store()  # a body over the limit is not kept (complete() drops it)
                await send(start)
                await send({**message, "body": b"".join(chunks), "more_body": more})

        try:
            await self.app(scope, receive, storing_send)
        except BaseException:
            if not stored:
                try:
                    await run_in_threadpool(idempotency.release, sessions, claimed)
                except SQLAlchemyError as exc:
                    log.warning("Idempotency-Key claim not released: %s", exc)
            raise


def _outage(exc: SQLAlchemyError) -> Response:
    """The 503 that a database outage answers; any other database error is a bug: raise."""
    down = unavailable(exc)
    if down is None:
        raise exc
    return error(down.status_code, down.code, down.message, down.headers)


_NOT_REPLAYED = {b"date", b"server", b"x-ratelimit-limit", b"x-ratelimit-remaining"}


async def _replay(stored: idempotency.Stored, send: Send) -> None:
    headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in stored.headers]
    headers.append((b"idempotent-replayed", b"true"))
    await send({"type": "http.response.start", "status": stored.status_code, "headers": headers})
    await send({"type": "http.response.body", "body": stored.body})
