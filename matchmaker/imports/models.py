"""Import jobs, their per-row errors, and the link from a source's ids to profiles."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from matchmaker.db import Base, UTCDateTime, utcnow


class ImportJob(Base):
    """One import of one file: where it is, how far it got and what it did."""

    __tablename__ = "import_job"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Null for imports run by the operator from the command line.
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    format: Mapped[str] = mapped_column(String(10))
    source: Mapped[str] = mapped_column(String(100))
    filename: Mapped[str] = mapped_column(String(300), default="")
    # The spooled upload on the server; removed when the job is finished.
    path: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="queued")
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    created: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    # Rows committed so far: a resumed job skips them (re-running them would be harmless).
    rows_done: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    __table_args__ = (Index("ix_import_job_status", "status", "id"), {"sqlite_autoincrement": True})


class ImportRowError(Base):
    """Why one row (1-based, counting data rows) was not imported."""

    __tablename__ = "import_row_error"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("import_job.id", ondelete="CASCADE"))
    row: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(1000))

    __table_args__ = (
        Index("ix_import_row_error_job_id", "job_id", "id"),
        {"sqlite_autoincrement": True},
    )


class ExternalRef(Base):
    """A source's id for a profile, so importing the same file again updates, not duplicates.

    Namespaced by ``owner`` (the importing account; 0 for the operator's CLI) and ``source``,
    so two platforms using the same ids never touch each other's profiles.
    """

    __tablename__ = "external_ref"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    owner: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(100), primary_key=True)
    external_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    profile_id: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    __table_args__ = (Index("ix_external_ref_profile", "kind", "profile_id"),)
