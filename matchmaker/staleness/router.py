"""``GET /v1/me/stale``: the caller's profiles that need an update."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from matchmaker.access.principal import REQUIRE_KEY, PrincipalDep
from matchmaker.db import SessionDep
from matchmaker.errors import Unauthorized, error_responses
from matchmaker.platform.routes import OneHopRoute
from matchmaker.staleness import service
from matchmaker.staleness.schemas import StaleList, StaleProfileRead

router = APIRouter(
    route_class=OneHopRoute,
    prefix="/v1/me",
    tags=["keys"],
    responses=error_responses(Unauthorized),
    dependencies=REQUIRE_KEY,
)


@router.get("/stale", response_model=StaleList, summary="List my stale profiles")
def list_stale(
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> StaleList:
    """Profiles this key manages (an admin: every profile) not updated for more than
    MATCHMAKER_STALE_AFTER_DAYS days, oldest first."""
    days: int = request.app.state.settings.stale_after_days
    found = service.stale_profiles(session, principal, days, limit)
    return StaleList(
        stale_after_days=days,
        items=[
            StaleProfileRead(
                kind=p.kind,
                id=p.id,
                title=p.title,
                updated_at=p.updated_at,
                stale_since=p.stale_since,
                url=f"/v1/{p.plural}/{p.id}",
            )
            for p in found
        ],
    )
