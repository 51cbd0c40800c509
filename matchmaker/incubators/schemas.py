"""Incubator request and response schemas."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, EmailStr, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from matchmaker.profiles.schemas import (
    Description,
    Domains,
    Int,
    Languages,
    Location,
    Name,
    ReadBase,
    Schema,
    Url,
    make_update_model,
    unique_list,
)
from matchmaker.vocab import Domain, IncubatorKind, Need, Program, Stage

Trl = Annotated[Int, Field(ge=1, le=9)]


class IncubatorFields(BaseModel):
    name: Name
    description: Description = ""
    kind: IncubatorKind
    location: Location
    domains: Domains
    stages: unique_list(Stage, min_length=1) = list(Stage)  # type: ignore[valid-type]
    trl_min: Trl = 1
    trl_max: Trl = 9
    services: unique_list(Need) = []  # type: ignore[valid-type]
    capacity: Annotated[Int, Field(ge=0, le=100_000, description="open places")] = 0
    fund_size_usd: Annotated[Int, Field(ge=0, le=10**13)] | None = None
    languages: Languages = ["zh"]
    programs: unique_list(Program) = []  # type: ignore[valid-type]
    website: Url | None = None

    @field_validator("trl_max", mode="after")
    @classmethod
    def _trl_range(cls, trl_max: int, info: ValidationInfo) -> int:
        trl_min = info.data.get("trl_min")
        if trl_min is not None and trl_min > trl_max:
            raise PydanticCustomError(
                "trl_range", "must not be below trl_min ({trl_min})", {"trl_min": trl_min}
            )
        return trl_max


class IncubatorCreate(Schema, IncubatorFields):
    """A new incubator. ``contact_email`` is private: never listed publicly."""

    contact_email: EmailStr | None = None


IncubatorUpdate = make_update_model(IncubatorCreate, "IncubatorUpdate")


class IncubatorRead(ReadBase, IncubatorFields):
    """An incubator's public fields."""

    domains: list[Domain]
