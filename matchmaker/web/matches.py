"""A pair's detail page (explanation, history, contacts once connected) and the review actions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import ValidationError
from starlette.responses import Response

from matchmaker.db import SessionDep
from matchmaker.deps import MatcherDep
from matchmaker.errors import DomainError
from matchmaker.params import PathId
from matchmaker.profiles.schemas import TEXT_INPUT
from matchmaker.reviews.schemas import MatchActionCreate
from matchmaker.reviews.workflow import Action, Side, State
from matchmaker.vocab import DeclineReason
from matchmaker.web import forms, i18n, render, service, session
from matchmaker.web.deps import (
    FlashRedirect,
    FormDep,
    ScorerDep,
    UserDep,
    WebRoute,
    domain_detail,
)
from matchmaker.web.i18n import N_

router = APIRouter(route_class=WebRoute)

DONE = {
    Action.shortlist: N_("Shortlisted: {name}."),
    Action.accept: N_("Accepted: {name}."),
    Action.decline: N_("Declined: {name}."),
    Action.withdraw: N_("Withdrawn: {name}."),
}


@router.get("/pairs/{startup_id}/{kind}/{target_id}")
def pair_page(
    request: Request,
    db: SessionDep,
    matcher: MatcherDep,
    user: UserDep,
    startup_id: PathId,
    kind: str,
    target_id: PathId,
    side: Annotated[Side | None, Query()] = None,
) -> Response:
    """One startup–target pair: the explained score, both decisions, the history, contacts."""
    view = service.pair_view(db, matcher, user, startup_id, kind, target_id, side)
    return render.page(request, "pair.html", view=view, reasons=list(DeclineReason))


@router.get("/matches/{match_id}")
def match_page(request: Request, db: SessionDep, user: UserDep, match_id: PathId) -> Response:
    """A match record by id (as the API names it): its pair's page."""
    record = service.get_record(db, user, match_id)
    return render.redirect(
        request, render.pair_url(record.startup_id, record.target_kind, record.target_id)
    )


@router.post("/matches")
def act(
    request: Request, db: SessionDep, user: UserDep, scorer: ScorerDep, form: FormDep
) -> Response:
    """Shortlist, accept, decline or withdraw, through the API's own review service."""
    back = render.safe_next(str(form.get("next") or "/"))
    lang = i18n.language_of(request)
    kind = str(form.get("kind") or "")
    fields = {
        "startup_id": form.get("startup_id"),
        f"{kind}_id": form.get("target_id"),
        "action": form.get("action"),
        "reason": form.get("reason") or None,
        "note": str(form.get("note") or "").strip() or None,
        "as_side": form.get("as_side") or None,
    }
    try:
        body = MatchActionCreate.model_validate(fields, context={TEXT_INPUT: True})
    except ValidationError as exc:
        messages = forms.field_errors(exc.errors(), lang)
        text = " ".join(m for group in messages.values() for m in group)
        raise FlashRedirect(back, text) from exc
    try:
        record = service.act(db, user, body, scorer)
    except DomainError as exc:
        prefix = render.translate(request, N_("That did not work:"))
        detail = domain_detail(request, exc)
        raise FlashRedirect(back, f"{prefix} {detail}" if detail else prefix) from exc
    name = str(form.get("name") or "")
    message = render.translate(request, DONE[body.action]).format(name=name)
    if record.state == State.connected:
        message += " " + render.translate(
            request, N_("Both sides accepted: contact details are now shown on the match page.")
        )
    session.current(request).add_flash("success", message)
    return render.redirect(request, back)
