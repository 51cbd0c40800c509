"""Review dashboards of incubators (and of partners and scenarios): startups by state."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, TypeVar

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from matchmaker.access import policy
from matchmaker.db import SessionDep
from matchmaker.deps import MatcherDep
from matchmaker.errors import InvalidInput
from matchmaker.kinds import BY_NAME
from matchmaker.params import PathId, whole_number
from matchmaker.profiles import service as profiles
from matchmaker.vocab import DeclineReason, Domain, Region, Stage
from matchmaker.web import render
from matchmaker.web.dashboards import TABS, Filters, target_dashboard
from matchmaker.web.deps import ViewerDep, WebRoute

router = APIRouter(route_class=WebRoute)

E = TypeVar("E", bound=StrEnum)
LIMITS = (10, 20, 50, 100)
MIN_SCORES = ("0.3", "0.4", "0.5", "0.6", "0.7", "0.8")


def _int_in(value: str, low: int, high: int, field: str) -> int | None:
    if not value:
        return None
    number = whole_number(value)
    if number is None or not low <= number <= high:
        raise InvalidInput(field, f"a whole number from {low} to {high}")
    return number


def _choice(vocab: type[E], value: str, field: str) -> E | None:
    if not value:
        return None
    try:
        return vocab(value)
    except ValueError as exc:
        raise InvalidInput(field, "not a value of this vocabulary") from exc


def _score(value: str) -> float | None:
    if not value:
        return None
    try:
        score = float(value)
    except ValueError as exc:
        raise InvalidInput("min_score", "a number from 0 to 1") from exc
    if not 0 <= score <= 1:
        raise InvalidInput("min_score", "a number from 0 to 1")
    return score


def _view(kind: str) -> Callable[..., Response]:
    def dashboard(
        request: Request,
        db: SessionDep,
        matcher: MatcherDep,
        viewer: ViewerDep,
        profile_id: PathId,
        tab: Annotated[str, Query()] = "new",
        domain_value: Annotated[str, Query(alias="domain", max_length=40)] = "",
        stage_value: Annotated[str, Query(alias="stage", max_length=40)] = "",
        region_value: Annotated[str, Query(alias="region", max_length=40)] = "",
        trl_min: Annotated[str, Query(max_length=2)] = "",
        trl_max: Annotated[str, Query(max_length=2)] = "",
        min_score: Annotated[str, Query(max_length=5)] = "",
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
    ) -> Response:
        """Recommended startups and the review queue, by state, with filters."""
        domain = _choice(Domain, domain_value, "domain")
        stage = _choice(Stage, stage_value, "stage")
        region = _choice(Region, region_value, "region")
        target = profiles.get(db, BY_NAME[kind], profile_id)
        policy.check_manage(viewer.principal, kind, target)
        filters = Filters(
            domains=[domain.value] if domain else [],
            stages=[stage.value] if stage else [],
            regions=[region.value] if region else [],
            trl_min=_int_in(trl_min, 1, 9, "trl_min"),
            trl_max=_int_in(trl_max, 1, 9, "trl_max"),
            min_score=_score(min_score),
            limit=limit,
        )
        board = target_dashboard(
            db, matcher, viewer, kind, target, filters, tab if tab in TABS else "new"
        )
        params = {
            "domain": domain.value if domain else None,
            "stage": stage.value if stage else None,
            "region": region.value if region else None,
            "trl_min": trl_min or None,
            "trl_max": trl_max or None,
            "min_score": min_score or None,
            "limit": limit if limit != 20 else None,
        }
        return render.page(
            request,
            "dashboard.html",
            board=board,
            tabs=TABS,
            params=params,
            domains=list(Domain),
            stages=list(Stage),
            regions=list(Region),
            reasons=list(DeclineReason),
            limits=LIMITS,
            min_scores=MIN_SCORES,
            trls=range(1, 10),
        )

    dashboard.__name__ = f"{kind}_dashboard"
    return dashboard


for _kind in ("incubator", "partner", "scenario"):
    router.add_api_route(f"/{BY_NAME[_kind].plural}/{{profile_id}}", _view(_kind), methods=["GET"])
