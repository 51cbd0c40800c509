"""The audit of profile merges: what was merged into what, by whom, and what moved."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from matchmaker.db import Base, UTCDateTime, utcnow


class ProfileMerge(Base):
    """One merge. The merged profile is gone; its id, title and key are kept here."""

    __tablename__ = "profile_merge"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))
    keep_id: Mapped[int] = mapped_column(Integer)
    merged_id: Mapped[int] = mapped_column(Integer)
    merged_title: Mapped[str] = mapped_column(String(200))
    merged_dedupe_key: Mapped[str] = mapped_column(String(600))
    actor_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"), nullable=True
    )
    # Rows moved to the kept profile, by what they are (matches, match_conflicts, ...).
    moved: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (
        Index("ix_profile_merge_kind_keep", "kind", "keep_id"),
        {"sqlite_autoincrement": True},
    )
