"""Field types and schemas shared by every profile kind.

Size limits (documented in the README): names and titles 200 characters, pitch 280,
descriptions 5,000, at most 20 items in a list, tags 40 characters each.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    create_model,
    model_validator,
)

from matchmaker.vocab import Domain, Region

MAX_LIST = 20


def _unique(values: list[Any]) -> list[Any]:
    if len(set(values)) != len(values):
        raise ValueError("items must be unique")
    return values


Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Pitch = Annotated[str, StringConstraints(strip_whitespace=True, max_length=280)]
Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000)]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
Url = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, max_length=300, pattern=r"^(https?://)?[^\s/]+\.[^\s]+$"
    ),
]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
Domains = Annotated[list[Domain], Field(min_length=1, max_length=MAX_LIST), AfterValidator(_unique)]


def unique_list(item: Any, *, min_length: int = 0) -> Any:
    """A list type of unique items, at most MAX_LIST long."""
    return Annotated[
        list[item], Field(min_length=min_length, max_length=MAX_LIST), AfterValidator(_unique)
    ]


Tags = unique_list(Tag)
Languages = unique_list(LanguageCode)


class Schema(BaseModel):
    """Base of request schemas: unknown fields are refused, not dropped."""

    model_config = ConfigDict(extra="forbid", from_attributes=True)


class Location(Schema):
    """Where a profile is. Beijing, Tianjin and Hebei form one collaborative region."""

    city: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] = ""
    region: Region
    country: Annotated[str, StringConstraints(to_upper=True, pattern=r"^[A-Za-z]{2}$")] = "CN"

    @model_validator(mode="after")
    def _region_matches_country(self) -> Location:
        if self.region == Region.abroad and self.country == "CN":
            raise ValueError(
                "region 'abroad' needs the ISO country code of a country other than CN"
            )
        if self.region != Region.abroad and self.country != "CN":
            raise ValueError(f"region '{self.region}' is in China; country must be CN")
        return self


class ReadBase(BaseModel):
    """Fields every profile read has."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    version: int
    created_at: datetime
    updated_at: datetime


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list; pass ``next_cursor`` back as ``cursor`` for the next one."""

    items: list[T]
    next_cursor: str | None = None


def make_update_model(create: type[Schema], name: str) -> type[Schema]:
    """The PATCH schema of a kind: every field optional, none nullable unless it was.

    A field left out keeps its value; ``null`` is refused for fields that cannot be empty,
    because the default is never validated while an explicit ``null`` is.
    """
    fields: dict[str, Any] = {}
    for field_name, info in create.model_fields.items():
        annotation: Any = info.annotation
        for meta in info.metadata:
            annotation = Annotated[annotation, meta]
        fields[field_name] = (annotation, Field(default=None, description=info.description))
    model: type[Schema] = create_model(name, __base__=Schema, **fields)
    return model
