"""Responses of the matching endpoints."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from matchmaker.vocab import Region
from matchmaker.vocab import RegionGroup as RegionGroup

ProfileKindName = Literal["startup", "incubator", "partner", "scenario"]


class TargetKind(StrEnum):
    incubators = "incubators"
    partners = "partners"
    scenarios = "scenarios"


class Diversity(StrEnum):
    """How a match list is diversified: not at all, or by maximal marginal relevance."""

    none = "none"
    mmr = "mmr"


class Explanation(BaseModel):
    """One sentence of an explanation: a stable code, its parameters, and its words."""

    code: str = Field(
        description="stable code of the sentence; a platform may word it in its own language"
    )
    params: dict[str, str | int | float | list[str]] = Field(
        description="what the sentence says (vocabulary values as the API writes them)"
    )
    text: str = Field(description="the sentence in the response's Content-Language")


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
    explanation: Explanation | None = Field(
        default=None, description="the note as a code and its parameters"
    )


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
    reason_parts: list[Explanation] = Field(
        default_factory=list,
        description="the reason as codes: the verdict, what fits, what it cost",
    )
    improve_parts: list[Explanation] = Field(
        default_factory=list, description="`improve` as codes, one per line"
    )
    rerank: Explanation | None = Field(
        default=None,
        description="why a diversity or regional-balance option put this match here, above "
        "its place by score alone; null when the score alone did",
    )


class MatchList(BaseModel):
    query: ProfileRef
    target: Literal["startups", "incubators", "partners", "scenarios"]
    model: str
    ranking_version: str
    matches: list[MatchRead]
    rerank_notes: list[Explanation] = Field(
        default_factory=list,
        description="what re-ranking could not do for the whole list, e.g. too few "
        "candidates from a region to give it its minimum share",
    )
    excluded: Explanation | None = Field(
        default=None,
        description="why no startup is proposed to this profile right now, if so: an "
        "incubator with no open places, a scenario closed or past its deadline; the list is "
        "then empty",
    )


class BundleRead(BaseModel):
    """An incubator, a partner and a scenario that fit the startup and each other."""

    score: float
    incubator: MatchRead
    partner: MatchRead
    scenario: MatchRead
    shared_domains: list[str]
    reason: str
    reason_parts: list[Explanation] = Field(default_factory=list)


class BundleResponse(BaseModel):
    query: ProfileRef
    model: str
    ranking_version: str
    bundle: BundleRead | None
    message: str | None = None
    message_parts: list[Explanation] = Field(default_factory=list)
