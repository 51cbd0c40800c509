"""Routes of the review workflow: act on a match, list, read, and read its history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status
from sqlalchemy.orm import Session

from matchmaker.access.principal import PrincipalDep
from matchmaker.db import SessionDep
from matchmaker.errors import Forbidden, NotFound, Unauthorized, error_responses
from matchmaker.params import PathId, QueryId
from matchmaker.platform.routes import OneHopRoute
from matchmaker.profiles.router import Cursor
from matchmaker.reviews import scoring, service
from matchmaker.reviews.feedback import Viewer
from matchmaker.reviews.models import Match
from matchmaker.reviews.schemas import (
    MatchActionCreate,
    MatchEventRead,
    MatchPage,
    MatchRecordRead,
)
from matchmaker.reviews.service import InvalidTransition, Scorer
from matchmaker.reviews.workflow import State

router = APIRouter(route_class=OneHopRoute, prefix="/v1/matches", tags=["reviews"])


async def get_scorer(request: Request) -> Scorer | None:  # async: no thread-pool hop
    return scoring.scorer_for(request.app)


async def get_viewer(principal: PrincipalDep) -> Viewer:  # async: no thread-pool hop
    """The caller of a recommendation route."""
    return Viewer(principal)


ViewerDep = Annotated[Viewer, Depends(get_viewer)]


ScorerDep = Annotated[Scorer | None, Depends(get_scorer)]


def _read(session: Session, match: Match) -> MatchRecordRead:
    record = MatchRecordRead.model_validate(match)
    record.contacts = service.contacts(session, match)
    return record


@router.post(
    "",
    response_model=MatchRecordRead,
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"model": MatchRecordRead, "description": "An existing record, updated or unchanged"},
        **error_responses(Unauthorized, Forbidden, NotFound, InvalidTransition),
    },
)
def act_on_match(
    session: SessionDep,
    principal: PrincipalDep,
    scorer: ScorerDep,
    body: MatchActionCreate,
    response: Response,
) -> MatchRecordRead:
    """Shortlist, accept, decline or withdraw a match for your side; 201 if it creates the record.

    Repeating your side's last action changes nothing (200, no new event). When both sides
    have accepted, the match is ``connected`` and ``contacts`` holds both sides' emails.
    """
    match, created = service.act(session, principal, body, scorer)
    if not created:
        response.status_code = status.HTTP_200_OK
    return _read(session, match)


@router.get("", response_model=MatchPage, responses=error_responses(Unauthorized))
def list_matches(
    session: SessionDep,
    principal: PrincipalDep,
    incubator_id: QueryId = None,
    partner_id: QueryId = None,
    scenario_id: QueryId = None,
    startup_id: QueryId = None,
    state: Annotated[list[State] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Cursor = None,
) -> MatchPage:
    """Matches of the startups and targets your key manages (every match, for an admin)."""
    filters = {
        "incubator_id": incubator_id,
        "partner_id": partner_id,
        "scenario_id": scenario_id,
        "startup_id": startup_id,
    }
    states = [s.value for s in state or []]
    rows, next_cursor = service.list_page(session, principal, filters, states, limit, cursor)
    return MatchPage(items=[_read(session, m) for m in rows], next_cursor=next_cursor)


@router.get(
    "/{match_id}",
    response_model=MatchRecordRead,
    responses=error_responses(Unauthorized, NotFound),
)
def read_match(session: SessionDep, principal: PrincipalDep, match_id: PathId) -> MatchRecordRead:
    """One match you are a party to; ``contacts`` only once it is connected."""
    return _read(session, service.get(session, principal, match_id))


@router.get(
    "/{match_id}/events",
    response_model=list[MatchEventRead],
    responses=error_responses(Unauthorized, NotFound),
)
def match_events(
    session: SessionDep, principal: PrincipalDep, match_id: PathId
) -> list[MatchEventRead]:
    """The append-only history of a match: who did what, when, and the score behind it."""
    return [MatchEventRead.model_validate(e) for e in service.events(session, principal, match_id)]
