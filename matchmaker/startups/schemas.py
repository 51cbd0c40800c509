"""Startup request and response schemas."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, EmailStr, Field, ValidationInfo
from pydantic_core import PydanticCustomError

from matchmaker.profiles.schemas import (
    TEXT_INPUT,
    Description,
    Domains,
    Flag,
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

_YES = frozenset({"true", "yes", "1"})
_NO = frozenset({"false", "no", "0"})


def _flag_from_text(value: Any, info: ValidationInfo) -> Any:
    # A form's select and a CSV cell are text; JSON must send a real true or false.
    if isinstance(value, str) and info.context and info.context.get(TEXT_INPUT):
        word = value.strip().lower()
        if word in _YES | _NO:
            return word in _YES
    return value


FirstTimeFounders = Annotated[
    Flag,
    BeforeValidator(_flag_from_text),
    Field(
        description="true when no founder has started a company before; left out or null "
        "when not said (the exposure report counts it as its own group)"
    ),
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
    first_time_founders: FirstTimeFounders | None = None


class StartupCreate(Schema, StartupFields):
    """A new startup. ``contact_email`` is private: never listed publicly."""

    contact_email: EmailStr | None = None


StartupUpdate = make_update_model(StartupCreate, "StartupUpdate")


class StartupRead(ReadBase, StartupFields):
    """A startup's public fields."""

    domains: list[Domain]  # stored rows are already valid; skip the create-time bounds
