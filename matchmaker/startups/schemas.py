"""Startup request and response schemas."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BaseModel, EmailStr, Field
from pydantic_core import PydanticCustomError

from matchmaker.profiles.schemas import (
    Description,
    Domains,
    Int,
    Languages,
    Location,
    Name,
    Pitch,
    ReadBase,
    Schema,
    Tags,
    Url,
    make_update_model,
    unique_list,
)
from matchmaker.vocab import Domain, Need, Qualification, Stage

Trl = Annotated[Int, Field(ge=1, le=9, description="Technology readiness level, 1 to 9")]


def _not_in_the_future(year: int) -> int:
    # Checked per request, not fixed at import: a server running over New Year must accept
    # startups founded in the new year.
    if year > date.today().year:
        raise PydanticCustomError("future_year", "must not be after this year")
    return year


FoundedYear = Annotated[
    Int, Field(ge=1950, description="not after this year"), AfterValidator(_not_in_the_future)
]


class StartupFields(BaseModel):
    name: Name
    pitch: Pitch = ""
    description: Description = ""
    domains: Domains
    tags: Tags = []
    stage: Stage
    trl: Trl
    founded_year: FoundedYear | None = None
    team_size: Annotated[Int, Field(ge=1, le=100_000)] | None = None
    funding_raised_usd: Annotated[Int, Field(ge=0, le=10**13)] | None = None
    location: Location
    needs: unique_list(Need) = []  # type: ignore[valid-type]
    languages: Languages = ["zh"]
    qualifications: unique_list(Qualification) = []  # type: ignore[valid-type]
    website: Url | None = None


class StartupCreate(Schema, StartupFields):
    """A new startup. ``contact_email`` is private: never listed publicly."""

    contact_email: EmailStr | None = None


StartupUpdate = make_update_model(StartupCreate, "StartupUpdate")


class StartupRead(ReadBase, StartupFields):
    """A startup's public fields."""

    domains: list[Domain]  # stored rows are already valid; skip the create-time bounds
