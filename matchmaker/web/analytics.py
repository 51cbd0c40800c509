"""The analytics page: a target's review funnel, its decisions by month and the exposure of
startup groups, drawn as server-side SVG (no script)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from matchmaker.access.principal import Principal
from matchmaker.analytics import plots, scope, service, window
from matchmaker.analytics.schemas import ExposureDimension, FunnelGroupBy
from matchmaker.analytics.scope import Scope
from matchmaker.db import SessionDep
from matchmaker.errors import Forbidden
from matchmaker.kinds import INCUBATOR, PARTNER
from matchmaker.params import QueryId
from matchmaker.profiles import service as profiles
from matchmaker.web import render
from matchmaker.web.deps import UserDep, WebRoute
from matchmaker.web.service import managed

router = APIRouter(route_class=WebRoute)
TOP_K = 10


def _default_scope(db: Session, user: Principal) -> Scope:
    """An admin sees the service; anyone else the first incubator or partner they manage."""
    if user.is_admin:
        return scope.SERVICE
    for kind in (INCUBATOR, PARTNER):
        mine = managed(db, user, kind)
        if mine:
            return Scope(kind.name, mine[0].id)
    raise Forbidden("analytics are for incubator managers, partner platforms and admins")


@router.get("/analytics")
def analytics_page(
    request: Request,
    db: SessionDep,
    user: UserDep,
    incubator_id: Annotated[QueryId, Query()] = None,
    partner_id: Annotated[QueryId, Query()] = None,
    since: Annotated[str | None, Query(max_length=40)] = None,
    until: Annotated[str | None, Query(max_length=40)] = None,
) -> Response:
    """Funnel, monthly decisions and exposure shares, for the scope the user may see, over
    the UTC days since to until (both included; the app's default window without them)."""
    # Text, not dates: the form's empty date fields are "left out", and a bad one is a 422
    # naming it rather than the 404 a page gives a query it cannot parse.
    days = window.of_request(
        request, window.parse_day("since", since), window.parse_day("until", until)
    )
    if incubator_id is None and partner_id is None:
        where = _default_scope(db, user)
    else:
        where = scope.resolve(db, user, incubator_id, partner_id)
    subject = None
    if where.kind is not None and where.id is not None:
        kind = INCUBATOR if where.kind == INCUBATOR.name else PARTNER
        subject = profiles.get(db, kind, where.id)
    by_month = service.funnel(db, where, days, FunnelGroupBy.month)
    exposure = service.exposure(db, where, days, TOP_K)
    return render.page(
        request,
        "analytics.html",
        scope=where,
        window=days,
        subject=subject,
        funnel=by_month.total,
        funnel_bars=plots.funnel_bars(by_month.total),
        months=plots.month_columns(by_month.rows),
        month_rows=by_month.rows,
        exposure=exposure,
        shares={d.value: plots.share_pairs(exposure, d.value) for d in ExposureDimension},
        plot=plots,
    )
