"""The description of one profile kind that the generic CRUD code works from."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from matchmaker.profiles.models import ProfileBase
from matchmaker.profiles.schemas import Schema

FacetFn = Callable[[Any], dict[str, list[str]]]


@dataclass(frozen=True)
class ProfileKind:
    """Everything generic code needs to know about one kind of profile."""

    name: str  # singular, also the facet and index key: "startup"
    plural: str  # URL segment: "startups"
    model: type[ProfileBase]
    create: type[Schema]
    update: type[Schema]
    read: type[BaseModel]
    title_attr: str  # "name", or "title" for scenarios
    facets: FacetFn
    kind_vocab: type[StrEnum] | None = None
    # Extra checks that need the database, e.g. that a referenced partner exists.
    check_refs: Callable[[Session, dict[str, Any]], None] | None = None
    dedupe_attrs: tuple[str, ...] = ("name", "website")
    filters: frozenset[str] = field(default_factory=frozenset)

    def dedupe_key(self, data: dict[str, Any]) -> str:
        return "|".join(_normalise(data.get(attr)) for attr in self.dedupe_attrs)


_PUNCT = re.compile(r"[\s\-_.,;:()'\"·]+")


def _normalise(value: Any) -> str:
    if value is None:
        return ""
    text = str(value).strip().casefold()
    text = re.sub(r"^https?://", "", text)
    text = re.sub(r"^www\.", "", text).rstrip("/")
    return _PUNCT.sub(" ", text).strip()
