"""Dependencies of the pages (the signed-in user, checked forms) and the route class that turns
errors into pages instead of the API's JSON bodies."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Annotated, Any
from urllib.parse import quote, unquote_to_bytes

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.datastructures import FormData, UploadFile
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
    """A POST without this session's CSRF token, or one whose text is not UTF-8."""

    def __init__(
        self,
        reason: str = N_("The form expired or did not come from this site. Reload it."),
        status: int = 403,
    ) -> None:
        super().__init__(reason)
        self.reason, self.status = reason, status


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
    429: N_("Too many requests"),
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
            except BadForm as exc:
                return error_page(request, exc.status, render.translate(request, exc.reason))
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


class PostedForm(FormData):
    """A posted form; ``undecodable`` names the fields whose text was not UTF-8 (their values
    hold U+FFFD where the bad bytes were, for showing the form again, never for storing)."""

    undecodable: tuple[str, ...] = ()


def _text(raw: bytes) -> tuple[str, bool]:
    """A percent-encoded part of a form body as text, and whether it was valid UTF-8."""
    data = unquote_to_bytes(raw.replace(b"+", b" "))
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), False


async def _posted_form(request: Request) -> PostedForm:
    """The form, checked for this session's CSRF token. Starlette reads the bytes of an
    urlencoded form that are not UTF-8 as Latin-1 ("Web%FF" becomes "Webÿ"), so those forms
    (all of the pages') are decoded here, and text that is not UTF-8 is marked, not guessed."""
    if request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        pairs: list[tuple[str, str | UploadFile]] = []
        undecodable: list[str] = []
        for part in (await request.body()).split(b"&"):
            if not part:
                continue
            name, _, value = part.partition(b"=")
            (key, _), (text, ok) = _text(name), _text(value)
            pairs.append((key, text))
            if not ok and key not in undecodable:
                undecodable.append(key)
        form = PostedForm(pairs)
        form.undecodable = tuple(undecodable)
    else:
        form = PostedForm(await request.form())
    token = form.get("csrf")
    web = session.current(request)
    if not session.signer_of(request).csrf_ok(web, token if isinstance(token, str) else None):
        raise BadForm
    return form


async def checked_form(request: Request) -> PostedForm:
    """The posted form, refused unless it carries this session's CSRF token and is UTF-8."""
    form = await _posted_form(request)
    if form.undecodable:
        reason = N_("The form held text that is not valid UTF-8. Reload it and type it again.")
        raise BadForm(reason, 400)
    return form


async def checked_profile_form(request: Request) -> PostedForm:
    """As ``checked_form``, but text that is not UTF-8 is left for the profile form to show as
    an error on its field (``forms.from_form``), with the rest of what was typed kept."""
    return await _posted_form(request)


async def get_viewer(user: Annotated[Principal, Depends(get_user)]) -> Viewer:  # no hop
    """The review service's viewer: who asks."""
    return Viewer(user)


async def get_scorer(request: Request) -> Scorer | None:  # async: no thread-pool hop
    return scoring.scorer_for(request.app)


UserDep = Annotated[Principal, Depends(get_user)]
OptionalUserDep = Annotated[Principal | None, Depends(get_optional_user)]
FormDep = Annotated[PostedForm, Depends(checked_form)]
ProfileFormDep = Annotated[PostedForm, Depends(checked_profile_form)]
ViewerDep = Annotated[Viewer, Depends(get_viewer)]
ScorerDep = Annotated[Scorer | None, Depends(get_scorer)]
