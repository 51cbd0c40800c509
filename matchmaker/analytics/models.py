"""The exposure log: one row per profile shown in a served match list, append-only."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from matchmaker.db import Base, UTCDateTime, utcnow


class Exposure(Base):
    """``shown_kind`` ``shown_id`` appeared at ``rank`` in the list served for ``query_kind``
    ``query_id`` at ``served_at``.

    No foreign keys: a list served is a fact about the past, and profile deletes should not
    pay for cascading over the log. Reports join the live profiles, so a deleted profile's
    rows drop out of them; retention (``analytics_retention_days``) deletes old rows.
    """

    __tablename__ = "exposure"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    served_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    query_kind: Mapped[str] = mapped_column(String(20))
    query_id: Mapped[int] = mapped_column(Integer)
    shown_kind: Mapped[str] = mapped_column(String(20))
    shown_id: Mapped[int] = mapped_column(Integer)
    rank: Mapped[int] = mapped_column(SmallInteger)

    __table_args__ = (
        # Pruning deletes by age, and a service-wide report reads a window of every list.
        Index("ix_exposure_served_at", "served_at"),
        # A scoped report reads a window of one target's lists (migration 0015), and of
        # the startup lists that showed it.
        Index("ix_exposure_query_served_at", "query_kind", "query_id", "served_at"),
        Index("ix_exposure_shown_served_at", "shown_kind", "shown_id", "served_at"),
    )
