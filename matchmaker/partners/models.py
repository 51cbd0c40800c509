"""The partner table: multinationals, foreign R&D centres, leading enterprises, funds, parks."""

from __future__ import annotations

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from matchmaker.profiles.models import ProfileBase


class Partner(ProfileBase):
    __tablename__ = "partner"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    collaboration_modes: Mapped[list[str]] = mapped_column(JSON, default=list)
    stages: Mapped[list[str]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    website: Mapped[str | None] = mapped_column(String(300), nullable=True)
