"""Scenario request and response schemas."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, Discriminator, EmailStr, Field, Tag

from matchmaker.profiles.schemas import (
    Description,
    Domains,
    Id,
    Int,
    Location,
    Name,
    ReadBase,
    Schema,
    make_update_model,
)
from matchmaker.vocab import CollaborationMode, Domain, ScenarioStatus


def _publisher_tag(value: Any) -> str:
    return "id" if isinstance(value, int) and not isinstance(value, bool) else "name"


# Tagged, so an error names "publisher.id" or "publisher.name", not pydantic's union members.
Publisher = Annotated[
    Annotated[Id, Tag("id")] | Annotated[Name, Tag("name")],
    Discriminator(_publisher_tag),
    Field(description="the publishing partner's id, or a name when it has no profile"),
]


class ScenarioFields(BaseModel):
    title: Name
    description: Description = ""
    publisher: Publisher
    domains: Domains
    min_trl: Annotated[Int, Field(ge=1, le=9)] = 1
    location: Location
    collaboration_mode: CollaborationMode = CollaborationMode.pilot_procurement
    budget_usd: Annotated[Int, Field(ge=0, le=10**13)] | None = None
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
