"""The incubator table: national and municipal incubators, science parks, offshore carriers."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from matchmaker.profiles.models import ProfileBase


class Incubator(ProfileBase):
    __tablename__ = "incubator"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    stages: Mapped[list[str]] = mapped_column(JSON, default=list)
    trl_min: Mapped[int] = mapped_column(Integer, default=1)
    trl_max: Mapped[int] = mapped_column(Integer, default=9)
    services: Mapped[list[str]] = mapped_column(JSON, default=list)
    capacity: Mapped[int] = mapped_column(Integer, default=0)
    fund_size_usd: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    programs: Mapped[list[str]] = mapped_column(JSON, default=list)
    website: Mapped[str | None] = mapped_column(String(300), nullable=True)
