"""Dependencies of the pages (the signed-in user, checked forms) and the route class that turns
errors into pages instead of the API's JSON bodies."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from matchmaker.access.principal import Principal
from matchmaker.db import SessionDep
from matchmaker.errors import DomainError
from matchmaker.reviews import scoring
from matchmaker.reviews.feedback import Viewer
from matchmaker.reviews.service import Scorer
from matchmaker.web import i18n, render, service, session
from matchmaker.web.i18n import N_

log = logging.getLogger(__name__)


class SignInRequired(Exception):
    """No signed-in session (or its key stopped working): go to the sign-in page."""


class BadForm(Exception):
    """A POST without this session's CSRF token."""


class FlashRedirect(Exception):
    """Stop, roll the transaction back, and show ``message`` on the page at ``url``."""

    def __init__(self, url: str, message: str, level: str = "error") -> None:
        super().__init__(message)
        self.url, self.message, self.level = url, message, level


class Rollback(Exception):  # noqa: N818 - it is an instruction, not an error
    """Answer with ``response`` after the request's transaction is rolled back."""

    def __init__(self, response: Response) -> None:
        super().__init__("rolled back")
        self.response = response


ERROR_TITLES = {
    400: N_("This address is not valid"),
    401: N_("Please sign in"),
    403: N_("You are not allowed to do this"),
    404: N_("Not found"),
    405: N_("This address is not valid"),
    409: N_("This cannot be done now"),
    412: N_("Someone changed this meanwhile"),
    422: N_("This address is not valid"),
    503: N_("The service is not ready"),
}


# What a page in another language says instead of a domain error's English message (the
# API's own words, kept for English pages), by the error's code; a code missing here shows
# the translated title alone.
ERROR_DETAILS = {
    "not_found": N_("Nothing is stored under this address."),
    "forbidden": N_("Your account does not manage this profile."),
    "unauthorized": N_("Sign in again with a valid key."),
    "validation_failed": N_("A value in the address or the form is not valid."),
    "conflict": N_("This conflicts with what is stored now."),
    "duplicate": N_("The same record exists already."),
    "precondition_failed": N_("Reload the page and try again."),
    "invalid_transition": N_("This step is not possible from the match's current state."),
    "unavailable": N_("Try again in a few seconds."),
    "database_unavailable": N_("Try again in a few seconds."),
    "storage_unwritable": N_("Try again in a few seconds."),
}


def domain_detail(request: Request, exc: DomainError) -> str | None:
    """The error's message on an English page; its code's sentence on another."""
    if i18n.language_of(request) == i18n.DEFAULT:
        return exc.message
    sentence = ERROR_DETAILS.get(exc.code)
    return render.translate(request, sentence) if sentence else None


def error_page(request: Request, status: int, detail: str | None) -> Response:
    title = render.translate(request, ERROR_TITLES.get(status, N_("Something went wrong")))
    return render.page(request, "error.html", status, title=title, detail=detail, status=status)


class WebRoute(APIRoute):
    """Pages answer every failure with a page (or a redirect), never with a JSON body."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return session.save(request, await handler(request))
            except SignInRequired:
                target = quote(render.safe_next(request.url.path), safe="/")
                return render.redirect(request, f"/signin?next={target}")
            except Rollback as exc:
                return session.save(request, exc.response)
            except FlashRedirect as exc:
                session.current(request).add_flash(exc.level, exc.message)
                return render.redirect(request, render.safe_next(exc.url))
            except BadForm:
                detail = render.translate(
                    request, N_("The form expired or did not come from this site. Reload it.")
                )
                return error_page(request, 403, detail)
            except DomainError as exc:
                return error_page(request, exc.status_code, domain_detail(request, exc))
            except RequestValidationError:
                return error_page(request, 404 if request.method == "GET" else 400, None)
            except StarletteHTTPException as exc:
                return error_page(request, exc.status_code, None)

        return route


def get_user(request: Request, db: SessionDep) -> Principal:
    """The signed-in principal; its key is checked again on every request."""
    web = session.current(request)
    principal = service.principal_for(db, web.token)
    if principal is None:
        if web.token is not None:
            web.sign_out()
        raise SignInRequired
    request.state.web_user = principal
    return principal


def get_optional_user(request: Request, db: SessionDep) -> Principal | None:
    try:
        return get_user(request, db)
    except SignInRequired:
        return None


async def checked_form(request: Request) -> FormData:
    """The posted form, refused unless it carries this session's CSRF token."""
    form = await request.form()
    token = form.get("csrf")
    web = session.current(request)
    if not session.signer_of(request).csrf_ok(web, token if isinstance(token, str) else None):
        raise BadForm
    return form


async def get_viewer(user: Annotated[Principal, Depends(get_user)]) -> Viewer:  # no hop
    """The review service's viewer: who asks."""
    return Viewer(user)


async def get_scorer(request: Request) -> Scorer | None:  # async: no thread-pool hop
    return scoring.scorer_for(request.app)


UserDep = Annotated[Principal, Depends(get_user)]
OptionalUserDep = Annotated[Principal | None, Depends(get_optional_user)]
FormDep = Annotated[FormData, Depends(checked_form)]
ViewerDep = Annotated[Viewer, Depends(get_viewer)]
ScorerDep = Annotated[Scorer | None, Depends(get_scorer)]
