"""The stale profiles an account manages (the same rule as the engine's stale penalty)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from matchmaker.access import policy
from matchmaker.access.principal import Principal
from matchmaker.kinds import ALL_KINDS
from matchmaker.matching.scoring import stale_since, utc_today


@dataclass(frozen=True)
class StaleProfile:
    kind: str
    plural: str
    id: int
    title: str
    updated_at: datetime
    stale_since: datetime


def cutoff(today: date, after_days: int) -> datetime:
    """Profiles updated before this instant are stale on ``today`` (scoring.is_stale)."""
    return datetime.combine(today - timedelta(days=after_days), time(), UTC)


def stale_profiles(
    session: Session, principal: Principal, after_days: int, limit: int
) -> list[StaleProfile]:
    """The caller's stale profiles of every kind (an admin's: all), oldest first."""
    before = cutoff(utc_today(), after_days)
    found: list[StaleProfile] = []
    for kind in ALL_KINDS:
        model = kind.model
        title = getattr(model, kind.title_attr)
        stmt = (
            select(model.id, title, model.updated_at)
            .where(model.updated_at < before, policy.managed_clause(principal, kind.name))
            .order_by(model.updated_at, model.id)
            .limit(limit)
        )
        found.extend(
            StaleProfile(kind.name, kind.plural, pid, name, at, stale_since(at, after_days))
            for pid, name, at in session.execute(stmt)
        )
    found.sort(key=lambda p: (p.updated_at, p.kind, p.id))
    return found[:limit]
