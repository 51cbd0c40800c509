"""Requests without a usable key or session, limited per client address.

A page asked for without a session (the sign-in form, where keys could be guessed) and an API
call without a usable key (none, another scheme, a malformed, unknown, revoked or expired key:
a 401 each, and a database lookup for a well-formed one) have no account to count against.
Both draw on their client address's bucket, one budget per address for both
(``MATCHMAKER_ANONYMOUS_RATE_LIMIT_*``). A bogus key over the limit still costs the lookup
that tells it from a valid one (a valid key from the same address draws on its account), but
never reaches the route, its second lookup and its 401. Over the limit a page gets the HTML
429 page (``Browsers.too_many``), anything else the API's JSON 429. What must never be refused
(health probes, the Prometheus scrape, the stylesheet) never gets here: ``PlatformMiddleware``
passes its ``free`` paths straight to the app.
"""

from __future__ import annotations

from typing import Protocol

from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from matchmaker.access.cache import PrincipalCache
from matchmaker.access.principal import Principal
from matchmaker.platform.asgi import error, rate_headers, take, with_headers
from matchmaker.platform.ratelimit import Limiter, bucket_of_address


class Browsers(Protocol):
    """What the limiter needs of signed-in browsers."""

    def token(self, scope: Scope) -> str | None:
        """The request's session token; None when it is not signed in."""
        ...

    def cached(self, cache: PrincipalCache | None, token: str) -> Principal | None: ...

    def principal(self, scope: Scope, token: str, cache: PrincipalCache | None) -> Principal | None:
        """The session's principal, looked up (blocking) and cached."""
        ...

    def too_many(self, scope: Scope, retry_after: int) -> Response:
        """The page that answers a session, or an address, over its limit."""
        ...

    def is_page(self, scope: Scope) -> bool:
        """Whether the request is for a page, answered over a limit with a page of its own."""
        ...


class ByAddress:
    """Counts a request with neither a usable key nor a session against its client address's
    bucket, then hands it to ``app`` (whose route answers the API's 401) or refuses it."""

    def __init__(self, limiter: Limiter | None, browsers: Browsers | None) -> None:
        self.limiter = limiter
        self.browsers = browsers

    async def __call__(self, app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
        limiter = self.limiter
        if limiter is None or not limiter.enabled:
            await app(scope, receive, send)
            return
        # scope["client"] is the peer, or what a proxy in MATCHMAKER_FORWARDED_ALLOW_IPS said
        # in X-Forwarded-For (uvicorn's proxy headers middleware); never a header of our own.
        # None on a unix socket without trusted proxy headers: then every address is one.
        client = scope.get("client")
        verdict = await take(limiter, bucket_of_address(client[0] if client else None))
        if verdict.allowed:
            # The 401 says what is left too, like the sign-in page's.
            await app(scope, receive, with_headers(send, rate_headers(limiter, verdict)))
            return
        browsers = self.browsers
        response = (
            browsers.too_many(scope, verdict.retry_after)
            if browsers is not None and browsers.is_page(scope)
            else error(
                429,
                "rate_limited",
                f"requests without a valid API key from this address are limited to "
                f"{limiter.per_minute} a minute (bursts of {limiter.burst}); "
                f"retry in {verdict.retry_after} s",
                {"Retry-After": str(verdict.retry_after)},
            )
        )
        await response(scope, receive, send)
