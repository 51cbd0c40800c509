"""Camp pages for the people who run and host camps: applicants, rankings, allocation, the
quota report and the matchmaking-day schedule (with its iCalendar file)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from matchmaker.camps import catalog, days, runs
from matchmaker.camps import service as camps
from matchmaker.db import SessionDep
from matchmaker.deps import OptionalMatcherDep
from matchmaker.errors import InvalidInput
from matchmaker.params import PathId
from matchmaker.web import camp_views, i18n, render, session
from matchmaker.web.deps import FlashRedirect, FormDep, UserDep, WebRoute
from matchmaker.web.i18n import N_

router = APIRouter(route_class=WebRoute)

# The allocation's outcome codes (camps/explain.py) and quota kinds, as the pages name them.
OUTCOME_NAMES = {
    "placed": N_("Placed"),
    "locked": N_("Placed and locked"),
    "no_eligible_host": N_("No eligible host"),
    "no_acceptable_host": N_("No host it accepts"),
    "camp_cap": N_("Left out by a camp cap"),
    "outranked": N_("Outranked everywhere it applied"),
}
QUOTA_KINDS = {"at_least": N_("at least"), "at_most": N_("at most")}
SOURCE_NAMES = {
    "allocation": N_("Allocated"),
    "connected": N_("Connected match"),
    "manager": N_("Placed by a camp manager"),
}
NAMES: dict[str, Any] = {
    "outcome_names": OUTCOME_NAMES,
    "quota_kinds": QUOTA_KINDS,
    "source_names": SOURCE_NAMES,
}


@router.get("/camps")
def camps_page(request: Request, db: SessionDep, user: UserDep) -> Response:
    """The camps the signed-in account runs or hosts."""
    rows = catalog.for_people(db, user)
    return render.page(
        request,
        "camps.html",
        camps=[(c, camps.manages_camp(user, c)) for c in rows],
    )


@router.get("/camps/{camp_id}")
def camp_page(request: Request, db: SessionDep, user: UserDep, camp_id: PathId) -> Response:
    """One camp: hosts, applicants, the run button, assignments with reasons, quotas."""
    lang = i18n.language_of(request)
    view = camp_views.camp_page(db, user, camps.get_camp(db, camp_id), lang)
    return render.page(request, "camp.html", view=view, **NAMES)


@router.get("/camps/{camp_id}/hosts/{host_id}")
def host_page(
    request: Request,
    db: SessionDep,
    user: UserDep,
    matcher: OptionalMatcherDep,
    camp_id: PathId,
    host_id: PathId,
) -> Response:
    """A host's ranking form: applicants with the camp's score and its explanation."""
    view = camp_views.host_page(db, matcher, user, camps.get_camp(db, camp_id), host_id)
    return render.page(request, "camp_host.html", view=view)


@router.post("/camps/{camp_id}/hosts/{host_id}")
def rank(
    request: Request,
    db: SessionDep,
    user: UserDep,
    form: FormDep,
    camp_id: PathId,
    host_id: PathId,
) -> Response:
    """Save a host's ranking through the camps service (the API's own rules)."""
    camp = camps.get_camp(db, camp_id)
    here = f"/camps/{camp.id}/hosts/{host_id}"
    shown = [v if isinstance(v, str) else "" for v in form.getlist("shown")]
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    try:
        body = camp_views.ranking_of(fields, shown, form.get("accept_unranked") == "on")
    except InvalidInput as exc:
        message = render.translate(request, N_("Enter whole numbers from 1, or leave blank."))
        raise FlashRedirect(here, message) from exc
    saved = camps.set_ranking(db, user, camp, host_id, body)
    message = render.translate(request, N_("Ranking saved: {count} applicants ranked."))
    session.current(request).add_flash("success", message.format(count=len(saved.startup_ids)))
    return render.redirect(request, here)


@router.post("/camps/{camp_id}/allocate")
def allocate(
    request: Request,
    db: SessionDep,
    user: UserDep,
    matcher: OptionalMatcherDep,
    form: FormDep,
    camp_id: PathId,
) -> Response:
    """Run the allocation (the camp's manager), then show its assignments."""
    camp = camps.get_camp(db, camp_id)
    limit = request.app.state.settings.camp_max_applications
    view = runs.read(db, user, camp, runs.run(db, user, camp, matcher, max_applications=limit))
    message = render.translate(request, N_("Allocation done: {placed} placed, {unplaced} not."))
    session.current(request).add_flash(
        "success", message.format(placed=len(view.assignments), unplaced=len(view.unplaced))
    )
    return render.redirect(request, f"/camps/{camp.id}#allocation")


@router.get("/camps/{camp_id}/schedule")
def schedule_page(request: Request, db: SessionDep, user: UserDep, camp_id: PathId) -> Response:
    """The matchmaking-day meetings the viewer may see, in the camp's local time."""
    camp = camps.get_camp(db, camp_id)
    view, lines = camp_views.schedule_lines(db, user, camp, i18n.language_of(request))
    return render.page(request, "camp_schedule.html", camp=camp, view=view, lines=lines, **NAMES)


@router.get("/camps/{camp_id}/schedule.ics")
def schedule_file(request: Request, db: SessionDep, user: UserDep, camp_id: PathId) -> Response:
    """The same meetings as an iCalendar file (the API's ``format=ics``)."""
    camp = camps.get_camp(db, camp_id)
    camp_views.check_open(db, user, camp)
    return Response(
        content=days.calendar(db, user, camp, lang=i18n.language_of(request)),
        media_type="text/calendar; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="camp-{camp.id}.ics"',
            "Cache-Control": "no-store",
        },
    )
