"""What the rate limiter (``platform.addresses.Browsers``) needs of the pages: who a
signed-in browser is, which paths are pages, and the page that answers a visitor over its
limit (``PAGES``).

A page view costs as much as an API call (a startup's page runs the matching engine and logs
exposures), so a session counts against the same bucket as the key it was opened with. A
visitor without a session counts against its address's bucket on every page, the sign-in form
and its POST above all (each POST is a guess at a key); only the stylesheet is free (static,
cached, and loaded by every page: ``platform.setup.FREE_PATHS``).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match
from starlette.types import Scope

from matchmaker.access.cache import PrincipalCache
from matchmaker.access.principal import Principal
from matchmaker.web import render, service, session
from matchmaker.web.deps import error_page
from matchmaker.web.i18n import N_
from matchmaker.web.router import router as pages_router

# Sessions share the principal cache with keys; this prefix keeps the two apart.
_CACHE_PREFIX = "web-session:"


def session_token(scope: Scope) -> str | None:
    """The server-side session token in the request's signed cookie; None if unsigned in."""
    request = Request(scope)
    cookie = request.cookies.get(session.COOKIE)
    if not cookie:
        return None
    return session.signer_of(request).load(cookie).token


def cached_principal(cache: PrincipalCache | None, token: str) -> Principal | None:
    return cache.get(_CACHE_PREFIX + token) if cache is not None else None


def session_principal(scope: Scope, token: str, cache: PrincipalCache | None) -> Principal | None:
    """The principal of a live session (blocking: one read-only transaction, never committed;
    the page's own dependency checks the session again and records its use)."""
    with scope["app"].state.sessions() as db, db.no_autoflush:
        # No autoflush: the session's last_seen_at, which the lookup may touch, is the page's
        # to write; sending it here would lock the row for nothing.
        principal = service.principal_for(db, token)
    if principal is not None and cache is not None:
        cache.put(_CACHE_PREFIX + token, principal)
    return principal


def too_many_requests(scope: Scope, retry_after: int) -> Response:
    """The 429 page, in the visitor's language, with ``Retry-After`` like the API's 429."""
    request = Request(scope)
    detail = render.translate(
        request, N_("Too many pages in a short time: try again in {seconds} s.")
    ).format(seconds=retry_after)
    response = error_page(request, 429, detail)
    response.headers["Retry-After"] = str(retry_after)
    return response


# Every route of the web router but the stylesheet's.
_PAGES: tuple[BaseRoute, ...] = tuple(
    route for route in pages_router.routes if getattr(route, "path", "") != "/static/{name}"
)


def is_page(scope: Scope) -> bool:
    """Whether the request's path is one of the pages (any method: a 405 costs little, but
    the path is still the pages')."""
    return any(route.matches(scope)[0] is not Match.NONE for route in _PAGES)


class _Pages:
    """``platform.addresses.Browsers`` for this package's sessions and pages."""

    token = staticmethod(session_token)
    cached = staticmethod(cached_principal)
    principal = staticmethod(session_principal)
    too_many = staticmethod(too_many_requests)
    is_page = staticmethod(is_page)


PAGES = _Pages()
