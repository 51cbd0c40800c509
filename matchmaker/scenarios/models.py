"""The scenario table: pilot and deployment opportunities that enterprises, parks or
governments publish."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from matchmaker.profiles.models import ProfileBase


class Scenario(ProfileBase):
    __tablename__ = "scenario"

    title: Mapped[str] = mapped_column(String(200))
    # A published scenario outlives its publisher's profile: the name is kept.
    publisher_partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partner.id", ondelete="SET NULL"), nullable=True, index=True
    )
    publisher_name: Mapped[str] = mapped_column(String(200), default="")
    min_trl: Mapped[int] = mapped_column(Integer, default=1)
    collaboration_mode: Mapped[str] = mapped_column(String(40))
    budget_usd: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="open")

    @property
    def publisher(self) -> int | str:
        return self.publisher_partner_id or self.publisher_name

    @publisher.setter
    def publisher(self, value: int | str) -> None:
        if isinstance(value, int):
            self.publisher_partner_id = value
        else:
            self.publisher_partner_id, self.publisher_name = None, value
