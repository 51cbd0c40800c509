"""Camps, their hosts and applicants, allocation runs (inputs kept) and audited assignments."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from matchmaker.db import Base, TimestampMixin, UTCDateTime, utcnow

ONE_PROFILE = (
    "(CASE WHEN incubator_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN partner_id IS NULL THEN 0 ELSE 1 END) = 1"
)


class Camp(Base, TimestampMixin):
    """A cross-border accelerator camp or collaborative-incubation cohort with places."""

    __tablename__ = "camp"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    location: Mapped[str] = mapped_column(String(300))
    timezone: Mapped[str] = mapped_column(String(60), default="Asia/Shanghai")
    # {"domains": [...], "stages": [...], "trl_min": n, "trl_max": n}
    eligibility: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    quotas: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    day_plan: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    owner_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"), nullable=True, index=True
    )

    hosts: Mapped[list[CampHost]] = relationship(
        back_populates="camp", order_by="CampHost.id", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="dates_in_order"),
        {"sqlite_autoincrement": True},
    )


class CampHost(Base):
    """An incubator or partner taking part in a camp with a number of places."""

    __tablename__ = "camp_host"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    camp_id: Mapped[int] = mapped_column(ForeignKey("camp.id", ondelete="CASCADE"), index=True)
    incubator_id: Mapped[int | None] = mapped_column(
        ForeignKey("incubator.id", ondelete="RESTRICT"), nullable=True
    )
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partner.id", ondelete="RESTRICT"), nullable=True
    )
    places: Mapped[int] = mapped_column(Integer)
    eligibility: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    accept_unranked: Mapped[bool] = mapped_column(Boolean, default=True)

    camp: Mapped[Camp] = relationship(back_populates="hosts")

    __table_args__ = (
        CheckConstraint(ONE_PROFILE, name="one_profile"),
        CheckConstraint("places >= 0", name="places_not_negative"),
        UniqueConstraint("camp_id", "incubator_id", name="uq_camp_host_incubator"),
        UniqueConstraint("camp_id", "partner_id", name="uq_camp_host_partner"),
        {"sqlite_autoincrement": True},
    )

    @property
    def profile(self) -> tuple[str, int]:
        if self.incubator_id is not None:
            return "incubator", self.incubator_id
        assert self.partner_id is not None
        return "partner", self.partner_id


class CampApplication(Base):
    """A startup applying to a camp, with the hosts it wants (camp host ids, best first)."""

    __tablename__ = "camp_application"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    camp_id: Mapped[int] = mapped_column(ForeignKey("camp.id", ondelete="CASCADE"))
    startup_id: Mapped[int] = mapped_column(ForeignKey("startup.id", ondelete="CASCADE"))
    host_preferences: Mapped[list[int]] = mapped_column(JSON, default=list)
    accept_unranked: Mapped[bool] = mapped_column(Boolean, default=True)
    applicant_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (
        UniqueConstraint("camp_id", "startup_id", name="uq_camp_application_startup"),
        Index("ix_camp_application_startup_id", "startup_id"),
        {"sqlite_autoincrement": True},
    )


class CampHostRanking(Base):
    """One line of a host's ranking of a camp's applicants (position 0 is best)."""

    __tablename__ = "camp_host_ranking"

    camp_host_id: Mapped[int] = mapped_column(
        ForeignKey("camp_host.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("startup.id", ondelete="CASCADE"))

    __table_args__ = (
        UniqueConstraint("camp_host_id", "startup_id", name="uq_camp_host_ranking_startup"),
    )


class CampAllocationRun(Base):
    """One allocation: every input it used (to reproduce it) and its result."""

    __tablename__ = "camp_allocation_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    camp_id: Mapped[int] = mapped_column(ForeignKey("camp.id", ondelete="CASCADE"), index=True)
    actor_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"), nullable=True
    )
    algorithm: Mapped[str] = mapped_column(String(40))
    score_source: Mapped[str] = mapped_column(String(60))
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = {"sqlite_autoincrement": True}


class CampAssignment(Base):
    """Where a startup is placed now; a locked one is kept by every later run."""

    __tablename__ = "camp_assignment"

    camp_id: Mapped[int] = mapped_column(
        ForeignKey("camp.id", ondelete="CASCADE"), primary_key=True
    )
    startup_id: Mapped[int] = mapped_column(
        ForeignKey("startup.id", ondelete="CASCADE"), primary_key=True
    )
    camp_host_id: Mapped[int] = mapped_column(
        ForeignKey("camp_host.id", ondelete="CASCADE"), index=True
    )
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(20))  # "allocation" or "manager"
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("camp_allocation_run.id", ondelete="SET NULL"), nullable=True
    )
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class CampAssignmentEvent(Base):
    """Append-only audit of every manual change to an assignment."""

    __tablename__ = "camp_assignment_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    camp_id: Mapped[int] = mapped_column(ForeignKey("camp.id", ondelete="CASCADE"))
    startup_id: Mapped[int] = mapped_column(ForeignKey("startup.id", ondelete="CASCADE"))
    actor_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"), nullable=True
    )
    from_host_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    to_host_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    locked_before: Mapped[bool] = mapped_column(Boolean)
    locked_after: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (
        Index("ix_camp_assignment_event_camp", "camp_id", "id"),
        {"sqlite_autoincrement": True},
    )
