"""Columns every profile kind has, and the facet table that makes list filters indexable."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from matchmaker.db import Base, TimestampMixin, UTCDateTime, utcnow


class ProfileBase(Base, TimestampMixin):
    """Abstract base of Startup, Incubator, Partner and Scenario."""

    __abstract__ = True
    # Never reuse a deleted profile's id on SQLite: index ids are database ids.
    __table_args__: Any = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    description: Mapped[str] = mapped_column(Text, default="")
    domains: Mapped[list[str]] = mapped_column(JSON, default=list)
    city: Mapped[str] = mapped_column(String(100), default="")
    region: Mapped[str] = mapped_column(String(20))
    country: Mapped[str] = mapped_column(String(2))
    contact_email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    # Normalised name (+ website): an exact duplicate is refused with 409.
    dedupe_key: Mapped[str] = mapped_column(String(600), unique=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # Indexed: servers poll it for profiles other processes changed (EmbeddingStore.refresh).
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime(), default=utcnow, onupdate=utcnow, index=True
    )
    # The account whose key created it (see matchmaker.access.policy); null for seeded data.
    owner_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"), nullable=True, index=True
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # Optimistic locking: an UPDATE matching no row at the read version is a stale write.
        return {"version_id_col": cls.version}

    @property
    def location(self) -> dict[str, Any]:
        return {"city": self.city, "region": self.region, "country": self.country}


class ProfileFacet(Base):
    """One filterable value of one profile: (kind, profile, facet name, value).

    List columns (domains, stages) are JSON, which neither SQLite nor PostgreSQL can index
    portably; mirroring them here keeps filters on indexes on both databases.
    """

    __tablename__ = "profile_facet"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    profile_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(30), primary_key=True)
    value: Mapped[str] = mapped_column(String(60), primary_key=True)

    __table_args__ = (Index("ix_profile_facet_lookup", "kind", "name", "value", "profile_id"),)
