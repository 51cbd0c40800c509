"""The web pages, mounted at ``/``: sign in and out, language, home, and the page groups.

Every route here is a page or a form post (no JSON), hidden from the API's OpenAPI schema.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse
from starlette.responses import Response

from matchmaker.db import SessionDep
from matchmaker.errors import NotFound, Unauthorized
from matchmaker.kinds import INCUBATOR, PARTNER, SCENARIO, STARTUP
from matchmaker.web import i18n, render, service, session
from matchmaker.web.analytics import router as analytics_router
from matchmaker.web.camps import router as camps_router
from matchmaker.web.deps import FormDep, OptionalUserDep, UserDep, WebRoute
from matchmaker.web.i18n import N_
from matchmaker.web.matches import router as matches_router
from matchmaker.web.startups import router as startups_router
from matchmaker.web.targets import router as targets_router

STATIC = render.TEMPLATES.parent / "static"
STATIC_FILES = frozenset({"style.css"})

router = APIRouter(route_class=WebRoute, include_in_schema=False)


@router.get("/")
def home(request: Request, db: SessionDep, user: UserDep) -> Response:
    """What the signed-in account manages: review dashboards and startup profiles."""
    targets = {k.name: service.managed(db, user, k) for k in (INCUBATOR, PARTNER, SCENARIO)}
    startups = service.managed(db, user, STARTUP)
    if len(targets["incubator"]) == 1 and not startups and user.role.value == "manager":
        return render.redirect(request, f"/incubators/{targets['incubator'][0].id}")
    return render.page(
        request,
        "home.html",
        targets=targets,
        startups=startups,
        may_create_startup=service.may_create(user, STARTUP.name),
    )


@router.get("/signin")
def signin_page(
    request: Request, user: OptionalUserDep, next_url: Annotated[str, Query(alias="next")] = "/"
) -> Response:
    """The sign-in form: an API key in, a session cookie out."""
    if user is not None:
        return render.redirect(request, render.safe_next(next_url))
    # A visitor needs a session (with its nonce) before the form's CSRF token means anything.
    session.current(request).changed = True
    return render.page(request, "signin.html", next=render.safe_next(next_url), error=None)


@router.post("/signin")
def signin(request: Request, db: SessionDep, form: FormDep) -> Response:
    """Exchange an API key for a session cookie; the key itself is never stored in it."""
    key = str(form.get("key") or "")
    next_url = render.safe_next(str(form.get("next") or "/"))
    try:
        _, token = service.sign_in(db, key)
    except Unauthorized:
        error = render.translate(
            request, N_("This key is not valid: it is unknown, revoked or expired.")
        )
        return render.page(request, "signin.html", 401, next=next_url, error=error)
    session.current(request).sign_in(token)
    return render.redirect(request, next_url)


@router.post("/signout")
def signout(request: Request, db: SessionDep, form: FormDep) -> Response:
    """End the session, on the server too; the API key keeps working for the API."""
    service.sign_out(db, session.current(request).token)
    session.current(request).sign_out()
    session.current(request).add_flash("info", render.translate(request, N_("You signed out.")))
    return render.redirect(request, "/signin")


@router.post("/lang")
def switch_language(request: Request, form: FormDep) -> Response:
    """Remember the chosen language for a year and go back to the page."""
    lang = str(form.get("lang") or "")
    response = render.redirect(request, render.safe_next(str(form.get("next") or "/")))
    if lang in i18n.LANGUAGES:
        response.set_cookie(
            session.LANG_COOKIE,
            lang,
            max_age=365 * 24 * 3600,
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
        )
    return response


@router.get("/static/{name}")
def static(name: str) -> FileResponse:
    """The pages' own stylesheet (nothing third-party, nothing built)."""
    if name not in STATIC_FILES:
        raise NotFound(f"no static file {name}")
    return FileResponse(STATIC / name, headers={"Cache-Control": "public, max-age=3600"})


router.include_router(startups_router)
router.include_router(targets_router)
router.include_router(matches_router)
router.include_router(camps_router)
router.include_router(analytics_router)
