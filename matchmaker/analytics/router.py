"""Routes: the review funnel and the exposure report, as JSON or CSV."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from matchmaker.access.principal import REQUIRE_KEY, PrincipalDep
from matchmaker.analytics import export, scope, service
from matchmaker.analytics.schemas import ExposureReport, FunnelGroupBy, FunnelReport, ReportFormat
from matchmaker.analytics.window import WindowDep
from matchmaker.db import SessionDep
from matchmaker.errors import Forbidden, InvalidInput, NotFound, Unauthorized, error_responses
from matchmaker.params import QueryId
from matchmaker.platform.routes import OneHopRoute

router = APIRouter(
    route_class=OneHopRoute, prefix="/v1/analytics", tags=["analytics"], dependencies=REQUIRE_KEY
)
_CSV: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The report; with format=csv or Accept: text/csv, as CSV",
        "content": {export.MEDIA_TYPE: {"schema": {"type": "string"}}},
    }
}
ERRORS = {**_CSV, **error_responses(Unauthorized, Forbidden, NotFound, InvalidInput)}
MAX_K = 100

IncubatorParam = Annotated[
    QueryId, Query(description="one incubator's pairs and lists (its manager, or an admin)")
]
PartnerParam = Annotated[
    QueryId, Query(description="one partner's pairs and lists (its platform, or an admin)")
]
FormatParam = Annotated[
    ReportFormat | None, Query(alias="format", description="csv, or send Accept: text/csv")
]


def _wants_csv(request: Request, fmt: ReportFormat | None) -> bool:
    if fmt is not None:
        return fmt is ReportFormat.csv
    return export.MEDIA_TYPE in request.headers.get("accept", "")


@router.get("/funnel", response_model=FunnelReport, responses=ERRORS)
def funnel(
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    window: WindowDep,
    incubator_id: IncubatorParam = None,
    partner_id: PartnerParam = None,
    group_by: Annotated[FunnelGroupBy | None, Query(description="break the funnel down")] = None,
    fmt: FormatParam = None,
) -> FunnelReport | Response:
    """Pairs recommended, shortlisted, accepted, connected and declined (with reasons), and the
    median time to a decision; for one incubator or partner, or the whole service (admin).

    Counts the pairs shown in a list or acted on within the window (UTC days since to until,
    both included; the last 90 by default) and the steps they took within it; a pair shown
    many times counts once."""
    where = scope.resolve(session, principal, incubator_id, partner_id)
    report = service.funnel(session, where, window, group_by)
    if _wants_csv(request, fmt):
        return export.funnel_csv(report, export.filename("funnel", window))
    return report


@router.get("/exposure", response_model=ExposureReport, responses=ERRORS)
def exposure(
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    window: WindowDep,
    incubator_id: IncubatorParam = None,
    partner_id: PartnerParam = None,
    k: Annotated[int, Query(ge=1, le=MAX_K, description="count ranks 1 to k of each list")] = 10,
    fmt: FormatParam = None,
) -> ExposureReport | Response:
    """How often startups of each region, stage and first-time-founder group appear in the top
    k of the startup lists served, against their share of the pool stored now.

    Counts the lists served within the window (UTC days since to until, both included; the
    last 90 by default). Every list served counts: the same list served again, even a second
    later (a page reloaded), counts again, so the figures are impressions."""
    where = scope.resolve(session, principal, incubator_id, partner_id)
    report = service.exposure(session, where, window, k)
    if _wants_csv(request, fmt):
        return export.exposure_csv(report, export.filename("exposure", window))
    return report
