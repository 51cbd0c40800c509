"""Queries over the exposure log, the review records and the startup pool; the only place in
this package that builds SQL."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from matchmaker.analytics.models import Exposure
from matchmaker.analytics.scope import Scope
from matchmaker.analytics.window import Window
from matchmaker.reviews.models import TARGET_KINDS, Match, MatchEvent
from matchmaker.startups.models import Startup

STARTUP = "startup"
Pair = tuple[int, str, int]  # startup id, target kind, target id
_CHUNK = 1000  # ids per IN (...): well under every backend's parameter limit


@dataclass(frozen=True)
class StartupFacts:
    """What the reports group a startup by."""

    id: int
    region: str
    stage: str
    domains: tuple[str, ...]
    first_time_founders: bool | None


@dataclass(frozen=True)
class EventRow:
    match_id: int
    side: str
    action: str
    to_state: str
    reason: str | None
    created_at: datetime


def _targets(kind: Any, ident: Any, scope: Scope) -> ColumnElement[bool]:
    """``kind``/``ident`` name a target inside ``scope``."""
    if scope.kind is None:
        clause: ColumnElement[bool] = kind.in_(TARGET_KINDS)
        return clause
    return and_(kind == scope.kind, ident == scope.id)


def _within(column: Any, window: Window) -> ColumnElement[bool]:
    """``column`` falls in the window: a range an index on it answers."""
    return and_(column >= window.start, column < window.end)


def first_exposures(session: Session, scope: Scope, window: Window) -> dict[Pair, datetime]:
    """Every pair shown in a list in the window, from either side, and when it was first
    shown in it."""
    first = func.min(Exposure.served_at)
    served = _within(Exposure.served_at, window)
    forward = (
        select(Exposure.query_id, Exposure.shown_kind, Exposure.shown_id, first)
        .where(
            Exposure.query_kind == STARTUP,
            _targets(Exposure.shown_kind, Exposure.shown_id, scope),
            served,
        )
        .group_by(Exposure.query_id, Exposure.shown_kind, Exposure.shown_id)
    )
    reverse = (
        select(Exposure.shown_id, Exposure.query_kind, Exposure.query_id, first)
        .where(
            Exposure.shown_kind == STARTUP,
            _targets(Exposure.query_kind, Exposure.query_id, scope),
            served,
        )
        .group_by(Exposure.shown_id, Exposure.query_kind, Exposure.query_id)
    )
    out: dict[Pair, datetime] = {}
    for stmt in (forward, reverse):
        for startup_id, kind, target_id, at in session.execute(stmt):
            pair = (startup_id, kind, target_id)
            out[pair] = min(at, out.get(pair, at))
    return out


def _match_clause(scope: Scope) -> ColumnElement[bool]:
    if scope.kind is None:
        return Match.id.is_not(None)
    column: Any = getattr(Match, f"{scope.kind}_id")
    clause: ColumnElement[bool] = column == scope.id
    return clause


def matches(session: Session, scope: Scope, window: Window) -> list[Match]:
    """The review records of the scope's pairs created or acted on in the window."""
    acted = select(MatchEvent.match_id).where(_within(MatchEvent.created_at, window))
    stmt = (
        select(Match)
        .where(_match_clause(scope), or_(_within(Match.created_at, window), Match.id.in_(acted)))
        .order_by(Match.id)
    )
    return list(session.scalars(stmt))


def events(session: Session, scope: Scope, window: Window) -> Iterator[EventRow]:
    """The audit events of the scope's records in the window, oldest first."""
    stmt = (
        select(
            MatchEvent.match_id,
            MatchEvent.side,
            MatchEvent.action,
            MatchEvent.to_state,
            MatchEvent.reason,
            MatchEvent.created_at,
        )
        .join(Match, Match.id == MatchEvent.match_id)
        .where(_match_clause(scope), _within(MatchEvent.created_at, window))
        .order_by(MatchEvent.id)
    )
    for row in session.execute(stmt):
        yield EventRow(*row)


def startups(session: Session, ids: Collection[int]) -> dict[int, StartupFacts]:
    """The facts of the startups among ``ids`` that still exist."""
    wanted = sorted(ids)
    out: dict[int, StartupFacts] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        stmt = select(
            Startup.id, Startup.region, Startup.stage, Startup.domains, Startup.first_time_founders
        ).where(Startup.id.in_(chunk))
        for sid, region, stage, domains, first_time in session.execute(stmt):
            out[sid] = StartupFacts(sid, region, stage, tuple(domains or ()), first_time)
    return out


# The startup columns the exposure report groups by.
GROUP_COLUMNS: dict[str, Any] = {
    "region": Startup.region,
    "stage": Startup.stage,
    "first_time_founders": Startup.first_time_founders,
}


def pool_counts(session: Session, dimension: str) -> dict[Any, int]:
    """Startups stored now, by the value of one column."""
    column = GROUP_COLUMNS[dimension]
    return {value: n for value, n in session.execute(select(column, func.count()).group_by(column))}


def exposure_counts(
    session: Session, scope: Scope, window: Window, dimension: str, k: int
) -> dict[Any, tuple[int, int]]:
    """Appearances of startups in the top ``k`` of the scope's lists served in the window, and
    the distinct startups that appeared, by the value of one startup column."""
    column = GROUP_COLUMNS[dimension]
    stmt = (
        select(column, func.count(), func.count(func.distinct(Exposure.shown_id)))
        .join(Startup, Startup.id == Exposure.shown_id)
        .where(
            Exposure.shown_kind == STARTUP,
            Exposure.rank <= k,
            _targets(Exposure.query_kind, Exposure.query_id, scope),
            _within(Exposure.served_at, window),
        )
        .group_by(column)
    )
    return {value: (n, distinct) for value, n, distinct in session.execute(stmt)}
