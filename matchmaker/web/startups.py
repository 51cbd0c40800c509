"""Founder pages: create and edit a startup profile, and its recommendations and bundle."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from matchmaker.access import policy
from matchmaker.access.principal import Principal
from matchmaker.db import SessionDep
from matchmaker.deps import MatcherDep
from matchmaker.errors import Duplicate, Forbidden, InvalidInput, PreconditionFailed
from matchmaker.kinds import STARTUP
from matchmaker.params import PathId, whole_number
from matchmaker.profiles import service as profiles
from matchmaker.startups.schemas import StartupCreate
from matchmaker.vocab import DeclineReason
from matchmaker.web import forms, i18n, render, session
from matchmaker.web import service as web_service
from matchmaker.web.dashboards import startup_page
from matchmaker.web.deps import ProfileFormDep, Rollback, UserDep, ViewerDep, WebRoute
from matchmaker.web.i18n import N_

router = APIRouter(route_class=WebRoute)

TARGETS = ("incubators", "partners", "scenarios", "bundle")


def _form_page(
    request: Request, state: forms.FormState, startup: Any | None, status_code: int = 200
) -> Response:
    return render.page(
        request,
        "startup_form.html",
        status_code,
        state=state,
        sections=forms.STARTUP_SECTIONS,
        startup=startup,
        form_error=forms.FORM_ERROR,
    )


def _rejected(
    request: Request, state: forms.FormState, startup: Any | None, exc: Exception
) -> Rollback:
    """The form again, with the service's refusal placed on its field; the write rolls back."""
    lang = i18n.language_of(request)
    if isinstance(exc, Duplicate):
        message = i18n.gettext(lang, N_("A startup with this name (and website) exists already."))
        state.errors = {"name": [message]}
    elif isinstance(exc, PreconditionFailed):
        message = i18n.gettext(
            lang,
            N_("Someone saved this profile meanwhile. Reload the page and make your change again."),
        )
        state.errors = {forms.FORM_ERROR: [message]}
    elif isinstance(exc, InvalidInput):
        state.errors = {}
        for item in exc.detail or []:
            name = item["field"] if item["field"] in forms.STARTUP_FIELDS else forms.FORM_ERROR
            state.errors.setdefault(name, []).append(item["reason"])
    return Rollback(_form_page(request, state, startup, 409 if startup else 422))


def create_startup(db: Session, user: Principal, body: StartupCreate) -> Any:
    """Create as the API does: the policy decides, the profile service writes, the key owns."""
    policy.check_create(db, user, STARTUP.name, body)
    return profiles.create(db, STARTUP, body, owner_account_id=policy.owner_for_new(user))


def update_startup(
    db: Session, user: Principal, startup: Any, body: StartupCreate, version: int | None
) -> Any:
    """Replace every field, checked against the version the form was loaded at."""
    patch = STARTUP.update.model_validate(body.model_dump())
    policy.check_update(db, user, STARTUP.name, startup, patch)
    return profiles.update(db, STARTUP, startup, patch, version)


@router.get("/startups/new")
def new_startup_page(request: Request, user: UserDep) -> Response:
    """An empty startup form; the vocabularies are the choices."""
    if not web_service.may_create(user, STARTUP.name):  # the policy's table of creators
        raise Forbidden(f"a {user.role.value} key cannot create a startup")
    return _form_page(request, forms.FormState(dict(forms.NEW_STARTUP_DEFAULTS)), None)


@router.post("/startups/new")
def new_startup(request: Request, db: SessionDep, user: UserDep, form: ProfileFormDep) -> Response:
    """Create the startup, or show the form again with each error next to its field."""
    state = forms.from_form(form, form.undecodable)
    body, state = forms.validate(state, i18n.language_of(request))
    if body is None:
        return _form_page(request, state, None, 422)
    try:
        startup = create_startup(db, user, body)
    except (Duplicate, InvalidInput) as exc:
        raise _rejected(request, state, None, exc) from exc
    session.current(request).add_flash(
        "success", render.translate(request, N_("Profile saved. Here are your recommendations."))
    )
    return render.redirect(request, f"/startups/{startup.id}")


@router.get("/startups/{startup_id}/edit")
def edit_startup_page(
    request: Request, db: SessionDep, user: UserDep, startup_id: PathId
) -> Response:
    """The profile as a form, for whoever manages it."""
    startup = profiles.get(db, STARTUP, startup_id)
    policy.check_manage(user, STARTUP.name, startup)
    return _form_page(request, forms.from_profile(startup), startup)


@router.post("/startups/{startup_id}/edit")
def edit_startup(
    request: Request, db: SessionDep, user: UserDep, form: ProfileFormDep, startup_id: PathId
) -> Response:
    """Save the edited profile, or show the form again with the errors."""
    startup = profiles.get(db, STARTUP, startup_id)
    policy.check_manage(user, STARTUP.name, startup)
    state = forms.from_form(form, form.undecodable)
    version = str(form.get("version") or "")
    state.version = whole_number(version)
    if version and state.version is None:
        # The form's hidden field, so only a hand-made request gets here; shown, not a 500.
        reason = "the profile version is a whole number; reload the page"
        raise _rejected(request, state, startup, InvalidInput("version", reason))
    body, state = forms.validate(state, i18n.language_of(request))
    if body is None:
        return _form_page(request, state, startup, 422)
    try:
        update_startup(db, user, startup, body, state.version)
    except (Duplicate, InvalidInput, PreconditionFailed) as exc:
        raise _rejected(request, state, startup, exc) from exc
    session.current(request).add_flash("success", render.translate(request, N_("Profile saved.")))
    return render.redirect(request, f"/startups/{startup.id}")


@router.get("/startups/{startup_id}")
def startup_recommendations(
    request: Request,
    db: SessionDep,
    matcher: MatcherDep,
    viewer: ViewerDep,
    startup_id: PathId,
    target: Annotated[str, Query(max_length=20)] = "incubators",
) -> Response:
    """Incubators, partners or scenarios for the startup, or its bundle, with explanations."""
    startup = profiles.get(db, STARTUP, startup_id)
    board = startup_page(
        db, matcher, viewer, startup, target if target in TARGETS else "incubators"
    )
    return render.page(
        request,
        "startup.html",
        board=board,
        targets=TARGETS,
        reasons=list(DeclineReason),
    )
