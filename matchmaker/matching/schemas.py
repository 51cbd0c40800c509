"""Responses of the matching endpoints."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from matchmaker.vocab import Region

ProfileKindName = Literal["startup", "incubator", "partner", "scenario"]


class TargetKind(StrEnum):
    incubators = "incubators"
    partners = "partners"
    scenarios = "scenarios"


class ComponentRead(BaseModel):
    value: float = Field(
        description="0 to 1: how well the pair does on this criterion (for a penalty: how "
        "severely it applies)"
    )
    weight: float = Field(
        description="share of the score this criterion carries for the pair (for a penalty: "
        "its cost at full severity)"
    )
    contribution: float = Field(
        description="value × weight, negative for a penalty; contributions add up to the score"
    )
    note: str


class ProfileRef(BaseModel):
    kind: ProfileKindName
    id: int
    title: str
    region: Region
    city: str


class MatchRead(BaseModel):
    """One ranked match, with the numbers behind it and the words for them."""

    profile: ProfileRef
    score: float | None = Field(description="0 to 1; null when confidence is low")
    confidence: Literal["low", "high"] = Field(
        description="'low' when a profile is too thin to judge"
    )
    similarity: float
    components: dict[str, ComponentRead]
    matched_domains: list[str]
    matched_needs: list[str]
    reason: str
    improve: list[str] = Field(description="what would raise the score")


class MatchList(BaseModel):
    query: ProfileRef
    target: Literal["startups", "incubators", "partners", "scenarios"]
    model: str
    ranking_version: str
    matches: list[MatchRead]


class BundleRead(BaseModel):
    """An incubator, a partner and a scenario that fit the startup and each other."""

    score: float
    incubator: MatchRead
    partner: MatchRead
    scenario: MatchRead
    shared_domains: list[str]
    reason: str


class BundleResponse(BaseModel):
    query: ProfileRef
    model: str
    ranking_version: str
    bundle: BundleRead | None
    message: str | None = None
