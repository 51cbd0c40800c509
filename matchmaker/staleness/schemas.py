"""Response bodies of the stale-profile list."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class StaleProfileRead(BaseModel):
    """One profile the caller manages that was not updated for too long."""

    kind: str = Field(description="startup, incubator, partner or scenario")
    id: int
    title: str
    updated_at: datetime
    stale_since: datetime
    url: str = Field(description="where to read and update it (PATCH)")


class StaleList(BaseModel):
    """Profiles the caller manages that are stale, oldest first: their matches are ranked
    lower (x0.8) until they are updated."""

    stale_after_days: int
    items: list[StaleProfileRead]
