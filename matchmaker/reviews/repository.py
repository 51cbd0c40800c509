"""Queries over matches and events; the only place in this package that builds SQL."""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, Select, bindparam, exists, or_, select
from sqlalchemy.orm import Session

from matchmaker.access import policy
from matchmaker.access.principal import Principal
from matchmaker.reviews.models import TARGET_KINDS, DecisionVersion, Match, MatchEvent
from matchmaker.reviews.workflow import FINAL


def find_pair(
    session: Session, startup_id: int, target_kind: str, target_id: int, *, lock: bool = False
) -> Match | None:
    stmt = select(Match).where(
        Match.startup_id == startup_id, getattr(Match, f"{target_kind}_id") == target_id
    )
    if lock:
        stmt = stmt.with_for_update()
    return session.scalar(stmt)


def visible_clause(principal: Principal) -> ColumnElement[bool]:
    """Matches where the caller manages the startup or the target (all, for an admin)."""
    sides = [_managed(principal, "startup", Match.startup_id)]
    sides += [_managed(principal, kind, getattr(Match, f"{kind}_id")) for kind in TARGET_KINDS]
    return or_(*sides)


def _managed(principal: Principal, kind: str, column: Any) -> ColumnElement[bool]:
    model = policy.MODELS[kind]
    return exists().where(model.id == column, policy.managed_clause(principal, kind))


def page(
    session: Session,
    principal: Principal,
    filters: dict[str, int | None],
    states: Sequence[str],
    limit: int,
    after_id: int | None,
) -> list[Match]:
    """Up to ``limit + 1`` visible matches in id order (the extra one says there is more)."""
    stmt = select(Match).order_by(Match.id).limit(limit + 1)
    if not principal.is_admin:
        stmt = stmt.where(visible_clause(principal))
    for column, value in filters.items():
        if value is not None:
            stmt = stmt.where(getattr(Match, column) == value)
    if states:
        stmt = stmt.where(Match.state.in_(list(states)))
    if after_id is not None:
        stmt = stmt.where(Match.id > after_id)
    return list(session.scalars(stmt))


def events_of(session: Session, match_id: int) -> list[MatchEvent]:
    stmt = select(MatchEvent).where(MatchEvent.match_id == match_id).order_by(MatchEvent.id)
    return list(session.scalars(stmt))


# The statements of every ranked list, built once per target kind (building a select
# cost about a third of running it; the values are bound per call).
@functools.cache
def _final_targets(target_kind: str) -> Select[int | None]:
    return select(getattr(Match, f"{target_kind}_id")).where(
        Match.startup_id == bindparam("startup_id"),
        Match.target_kind == target_kind,
        Match.state.in_([s.value for s in FINAL]),
    )


@functools.cache
def _final_startups(target_kind: str) -> Select[int]:
    return select(Match.startup_id).where(
        getattr(Match, f"{target_kind}_id") == bindparam("target_id"),
        Match.state.in_([s.value for s in FINAL]),
    )


def final_target_ids(session: Session, startup_id: int, target_kind: str) -> set[int]:
    """Targets of ``target_kind`` whose match with the startup was declined or withdrawn."""
    rows = session.scalars(_final_targets(target_kind), {"startup_id": startup_id})
    return {i for i in rows if i is not None}


def final_startup_ids(session: Session, target_kind: str, target_id: int) -> set[int]:
    """Startups whose match with the target was declined or withdrawn."""
    return set(session.scalars(_final_startups(target_kind), {"target_id": target_id}))


def target_decisions(session: Session, target_kind: str, target_id: int) -> list[tuple[int, str]]:
    """``(startup_id, decision)`` for every startup the target side has decided on."""
    target = getattr(Match, f"{target_kind}_id")
    stmt = (
        select(Match.startup_id, Match.target_decision)
        .where(target == target_id, Match.target_decision.is_not(None))
        .order_by(Match.startup_id)
    )
    return [(sid, d) for sid, d in session.execute(stmt) if d is not None]


@functools.cache
def _decisions(target_kind: str, some: bool) -> Select[int | None, int, str | None]:
    target = getattr(Match, f"{target_kind}_id")
    stmt = select(target, Match.startup_id, Match.target_decision).where(
        Match.target_kind == target_kind, Match.target_decision.is_not(None)
    )
    if some:
        stmt = stmt.where(target.in_(bindparam("target_ids", expanding=True)))
    return stmt.order_by(target, Match.startup_id)


def decisions_of(
    session: Session, target_kind: str, target_ids: Collection[int] | None
) -> list[tuple[int, int, str]]:
    """``(target_id, startup_id, decision)`` of the target side's decisions, for the targets
    of ``target_kind`` in ``target_ids`` (all of them when None)."""
    stmt = _decisions(target_kind, target_ids is not None)
    params = {} if target_ids is None else {"target_ids": list(target_ids)}
    rows = session.execute(stmt, params)
    return [(t, s, d) for t, s, d in rows if t is not None and d is not None]


_VERSION = select(DecisionVersion.n).where(DecisionVersion.id == 1)


def decisions_version(session: Session) -> int:
    """The counter the database moves on every write to a match record (migration 0013)."""
    return int(session.scalar(_VERSION) or 0)


def decisions_version_beside(session: Session, other: ScalarSelect[Any]) -> tuple[int, int]:
    """``decisions_version`` and what ``other`` selects, in one statement (NULLs as 0)."""
    row = session.execute(select(_VERSION.scalar_subquery(), other)).one()
    return int(row[0] or 0), int(row[1] or 0)
