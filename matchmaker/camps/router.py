"""Routes of accelerator camps: create, apply, rank, allocate, adjust, and the schedule."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, Query, Request, Response, status

from matchmaker.access.principal import REQUIRE_KEY, PrincipalDep
from matchmaker.camps import catalog, days, runs, service
from matchmaker.camps.errors import NoFreePlace
from matchmaker.camps.models import Camp
from matchmaker.camps.schemas import (
    AllocateRequest,
    AllocationRead,
    ApplicationCreate,
    ApplicationRead,
    AssignmentEventRead,
    AssignmentRead,
    AssignmentUpdate,
    CampCreate,
    CampPage,
    CampRead,
    RankingRead,
    RankingUpdate,
    ScheduleRead,
)
from matchmaker.db import SessionDep
from matchmaker.deps import OptionalMatcherDep
from matchmaker.errors import (
    Conflict,
    Duplicate,
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from matchmaker.params import IsoDate, PathId, QueryId
from matchmaker.platform.routes import OneHopRoute
from matchmaker.profiles.router import Cursor
from matchmaker.profiles.schemas import MAX_ID
from matchmaker.recommendations.language import LanguageDep
from matchmaker.web.i18n import HTML_LANG

router = APIRouter(
    route_class=OneHopRoute, prefix="/v1/camps", tags=["camps"], dependencies=REQUIRE_KEY
)


def get_camp(session: SessionDep, camp_id: PathId) -> Camp:
    return service.get_camp(session, camp_id)


CampDep = Annotated[Camp, Depends(get_camp)]


@router.post(
    "",
    response_model=CampRead,
    status_code=status.HTTP_201_CREATED,
    responses=error_responses(Unauthorized, Forbidden),
)
def create_camp(session: SessionDep, principal: PrincipalDep, body: CampCreate) -> CampRead:
    """Create a camp with hosts, places, eligibility, quotas and a day plan (managers, admins)."""
    camp = service.create_camp(session, principal, body)
    return service.read_camp(session, camp)


def _host_id(description: str) -> object:
    return Query(ge=1, le=MAX_ID, description=description)


@router.get(
    "",
    response_model=CampPage,
    responses=error_responses(Unauthorized),
)
def list_camps(
    session: SessionDep,
    principal: PrincipalDep,
    incubator_id: Annotated[int | None, _host_id("camps this incubator hosts")] = None,
    partner_id: Annotated[int | None, _host_id("camps this partner hosts")] = None,
    managed_by_me: Annotated[bool, Query(description="camps your account runs")] = False,
    hosted_by_me: Annotated[bool, Query(description="camps a host you manage takes part in")] = (
        False
    ),
    starts_from: Annotated[IsoDate | None, Query(description="starting on or after")] = None,
    starts_to: Annotated[IsoDate | None, Query(description="starting on or before")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Cursor = None,
) -> CampPage:
    """Camps in id order, one page at a time, narrowed by host, by your part, by start date."""
    filters = catalog.CampFilters(
        incubator_id, partner_id, managed_by_me, hosted_by_me, starts_from, starts_to
    )
    rows, next_cursor = catalog.list_page(session, principal, filters, limit, cursor)
    return CampPage(items=[service.read_camp(session, c) for c in rows], next_cursor=next_cursor)


@router.get(
    "/{camp_id}", response_model=CampRead, responses=error_responses(NotFound, Unauthorized)
)
def read_camp(session: SessionDep, camp: CampDep) -> CampRead:
    """A camp with its hosts (their camp host ids), places and rules."""
    return service.read_camp(session, camp)


@router.delete(
    "/{camp_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(NotFound, Forbidden, Unauthorized),
)
def delete_camp(session: SessionDep, principal: PrincipalDep, camp: CampDep) -> None:
    """Delete a camp with its applications, rankings, runs and assignments (its manager)."""
    catalog.delete_camp(session, principal, camp)


@router.post(
    "/{camp_id}/applications",
    response_model=ApplicationRead,
    status_code=status.HTTP_201_CREATED,
    responses=error_responses(NotFound, Duplicate, Forbidden, Unauthorized),
)
def apply(
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    camp: CampDep,
    body: ApplicationCreate,
) -> ApplicationRead:
    """Apply a startup you manage, optionally ranking the hosts you want."""
    limit = request.app.state.settings.camp_max_applications
    return service.apply(session, principal, camp, body, max_applications=limit)


@router.put(
    "/{camp_id}/hosts/{host_id}/ranking",
    response_model=RankingRead,
    responses=error_responses(NotFound, Forbidden, Unauthorized),
)
def rank(
    session: SessionDep,
    principal: PrincipalDep,
    camp: CampDep,
    host_id: PathId,
    body: RankingUpdate,
) -> RankingRead:
    """Replace a host's ranking of applicants (the camp's manager or the host's own)."""
    return service.set_ranking(session, principal, camp, host_id, body)


# Optional but never null (a generated client cannot send "no body" for anyOf [.., null]).
DEFAULT_ALLOCATION = AllocateRequest()


@router.post(
    "/{camp_id}/allocate",
    response_model=AllocationRead,
    responses=error_responses(NotFound, Forbidden, Unauthorized),
)
def allocate(
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    camp: CampDep,
    matcher: OptionalMatcherDep,
    lang: LanguageDep,
    body: Annotated[AllocateRequest, Body()] = DEFAULT_ALLOCATION,
) -> AllocationRead:
    """Allocate places by deferred acceptance; locked assignments are kept (camp managers)."""
    limit = request.app.state.settings.camp_max_applications
    record = runs.run(session, principal, camp, matcher, body.camp_priority, max_applications=limit)
    return runs.read(session, principal, camp, record, lang)


@router.get(
    "/{camp_id}/allocation",
    response_model=AllocationRead,
    responses=error_responses(NotFound, Unauthorized),
)
def read_allocation(
    session: SessionDep, principal: PrincipalDep, camp: CampDep, lang: LanguageDep
) -> AllocationRead:
    """Current assignments with the latest run's explanations (yours only, unless you run it)."""
    return runs.read(session, principal, camp, runs.latest(session, camp), lang)


@router.patch(
    "/{camp_id}/assignments/{startup_id:int}",
    response_model=AssignmentRead,
    responses=error_responses(NotFound, Conflict, NoFreePlace, Forbidden, Unauthorized),
)
def adjust(
    session: SessionDep,
    principal: PrincipalDep,
    camp: CampDep,
    startup_id: PathId,
    body: AssignmentUpdate,
    lang: LanguageDep,
) -> AssignmentRead:
    """Move or lock an assignment (camp managers); audited, and locked ones survive re-runs."""
    row = service.adjust(session, principal, camp, startup_id, body)
    view = runs.read(session, principal, camp, runs.latest(session, camp), lang)
    return next(a for a in view.assignments if a.startup_id == row.startup_id)


@router.get(
    "/{camp_id}/assignments/events",
    response_model=list[AssignmentEventRead],
    responses=error_responses(NotFound, Forbidden, Unauthorized),
)
def assignment_events(
    session: SessionDep, principal: PrincipalDep, camp: CampDep
) -> list[AssignmentEventRead]:
    """The audit trail of manual changes, oldest first (camp managers)."""
    return [AssignmentEventRead.model_validate(e) for e in service.events(session, principal, camp)]


@router.get(
    "/{camp_id}/schedule",
    response_model=ScheduleRead,
    responses={
        **error_responses(NotFound, Forbidden, Unauthorized, InvalidInput),
        200: {
            "description": "The schedule as JSON, or as iCalendar with format=ics",
            "content": {"text/calendar": {"schema": {"type": "string"}}},
        },
    },
)
def read_schedule(
    session: SessionDep,
    principal: PrincipalDep,
    camp: CampDep,
    lang: LanguageDep,
    startup_id: QueryId = None,
    host_id: QueryId = None,
    format: Literal["json", "ics"] = "json",  # noqa: A002 - the contract's query name
) -> ScheduleRead | Response:
    """Matchmaking-day meetings of allocated and connected pairs; one participant's if asked."""
    if format == "json":
        return days.read(session, principal, camp, startup_id, host_id, lang)
    text = days.calendar(session, principal, camp, startup_id, host_id, lang)
    who = f"startup-{startup_id}" if startup_id else f"host-{host_id}" if host_id else "all"
    return Response(
        content=text,
        media_type="text/calendar; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="camp-{camp.id}-{who}.ics"',
            # A returned Response does not take the headers LanguageDep set.
            "Content-Language": HTML_LANG[lang],
            "Vary": "Accept-Language",
        },
    )
