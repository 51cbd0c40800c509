"""The startup table: a hard-tech project looking for incubation, partners and pilots."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from matchmaker.profiles.models import ProfileBase


class Startup(ProfileBase):
    __tablename__ = "startup"

    name: Mapped[str] = mapped_column(String(200))
    pitch: Mapped[str] = mapped_column(String(280), default="")
    website: Mapped[str | None] = mapped_column(String(300), nullable=True)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    stage: Mapped[str] = mapped_column(String(20))
    trl: Mapped[int] = mapped_column(Integer)
    founded_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    team_size: Mapped[int | None] = mapped_column(Integer, nullable=True)
    funding_raised_usd: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    needs: Mapped[list[str]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    qualifications: Mapped[list[str]] = mapped_column(JSON, default=list)
    # None: not said. The exposure report groups startups by it (matchmaker.analytics).
    first_time_founders: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
