"""Match records and their append-only audit events."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column

from matchmaker.db import Base, TimestampMixin, UTCDateTime, utcnow

TARGET_KINDS = ("incubator", "partner", "scenario")


def _one_target() -> str:
    present = " + ".join(f"(CASE WHEN {k}_id IS NULL THEN 0 ELSE 1 END)" for k in TARGET_KINDS)
    consistent = " OR ".join(f"(target_kind = '{k}' AND {k}_id IS NOT NULL)" for k in TARGET_KINDS)
    return f"({present}) = 1 AND ({consistent})"


class Match(Base, TimestampMixin):
    """One startup–target pair that someone acted on.

    The target is one of three nullable foreign keys rather than a (kind, id) pair, so the
    database cascades a deleted profile's matches away and enforces one record per pair.
    """

    __tablename__ = "match"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("startup.id", ondelete="CASCADE"))
    target_kind: Mapped[str] = mapped_column(String(20))
    incubator_id: Mapped[int | None] = mapped_column(
        ForeignKey("incubator.id", ondelete="CASCADE"), nullable=True
    )
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partner.id", ondelete="CASCADE"), nullable=True
    )
    scenario_id: Mapped[int | None] = mapped_column(
        ForeignKey("scenario.id", ondelete="CASCADE"), nullable=True
    )
    state: Mapped[str] = mapped_column(String(20))
    startup_decision: Mapped[str | None] = mapped_column(String(20), nullable=True)
    target_decision: Mapped[str | None] = mapped_column(String(20), nullable=True)
    # The score as of the last state change, and what produced it.
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    model: Mapped[str | None] = mapped_column(String(300), nullable=True)
    ranking_version: Mapped[str | None] = mapped_column(String(40), nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__: Any = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint(_one_target(), name="one_target"),
        Index("uq_match_startup_incubator", "startup_id", "incubator_id", unique=True),
        Index("uq_match_startup_partner", "startup_id", "partner_id", unique=True),
        Index("uq_match_startup_scenario", "startup_id", "scenario_id", unique=True),
        Index("ix_match_incubator_state", "incubator_id", "state"),
        Index("ix_match_partner_state", "partner_id", "state"),
        Index("ix_match_scenario_state", "scenario_id", "state"),
        {"sqlite_autoincrement": True},
    )

    @property
    def target_id(self) -> int:
        value = getattr(self, f"{self.target_kind}_id")
        assert isinstance(value, int)
        return value


class MatchEvent(Base):
    """One state change of a match: who, when, from, to, why, and the score behind it."""

    __tablename__ = "match_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("match.id", ondelete="CASCADE"))
    actor_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"), nullable=True
    )
    side: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(20))
    from_state: Mapped[str] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(40), nullable=True)
    note: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    model: Mapped[str | None] = mapped_column(String(300), nullable=True)
    ranking_version: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (
        Index("ix_match_event_match_id", "match_id", "id"),
        # The analytics funnel reads the events of a date window (migration 0015).
        Index("ix_match_event_created_at", "created_at"),
        {"sqlite_autoincrement": True},
    )


@event.listens_for(MatchEvent, "before_update")
def _append_only(*_: Any) -> None:
    raise RuntimeError("match events are append-only")


class DecisionVersion(Base):
    """One counter that database triggers move on every insert, update or delete of a
    match record (migration 0013): a process keeps decisions in memory until it moves."""

    __tablename__ = "decision_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(BigInteger, nullable=False)
