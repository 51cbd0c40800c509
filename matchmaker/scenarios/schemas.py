"""Scenario request and response schemas."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, EmailStr, Field

from matchmaker.profiles.schemas import (
    MAX_ID,
    Description,
    Domains,
    Location,
    Name,
    ReadBase,
    Schema,
    make_update_model,
)
from matchmaker.vocab import CollaborationMode, Domain, ScenarioStatus


class ScenarioFields(BaseModel):
    title: Name
    description: Description = ""
    publisher: Annotated[int, Field(ge=1, le=MAX_ID)] | Name = Field(
        description="the publishing partner's id, or a name when it has no profile"
    )
    domains: Domains
    min_trl: Annotated[int, Field(ge=1, le=9)] = 1
    location: Location
    collaboration_mode: CollaborationMode = CollaborationMode.pilot_procurement
    budget_usd: Annotated[int, Field(ge=0, le=10**13)] | None = None
    deadline: date | None = None
    status: ScenarioStatus = ScenarioStatus.open


class ScenarioCreate(Schema, ScenarioFields):
    """A new application scenario. ``contact_email`` is private."""

    contact_email: EmailStr | None = None


ScenarioUpdate = make_update_model(ScenarioCreate, "ScenarioUpdate")


class ScenarioRead(ReadBase, ScenarioFields):
    """A scenario's public fields; ``publisher_name`` is resolved from the partner."""

    domains: list[Domain]
    publisher_name: str
