"""Request and response bodies of the duplicate-profile routes."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from matchmaker.profiles.schemas import Id


class ProfileKindName(StrEnum):
    startup = "startup"
    incubator = "incubator"
    partner = "partner"
    scenario = "scenario"


class DuplicateProfile(BaseModel):
    """One side of a likely duplicate pair."""

    id: int
    title: str
    website: str = Field(description="the website's host, empty when there is none")


class DuplicateReason(BaseModel):
    """One rule the pair meets (README "Duplicate profiles" lists the thresholds)."""

    code: str = Field(
        description="same_website, same_name, similar_name_and_text or near_identical_text"
    )
    text: str


class DuplicatePair(BaseModel):
    """Two profiles of one kind that are likely one organisation."""

    keep: DuplicateProfile = Field(description="the suggested survivor: the one entered first")
    merge: DuplicateProfile
    name_similarity: float = Field(ge=0, le=1, description="of the normalised names")
    cosine: float = Field(description="of the two stored description vectors")
    reasons: list[DuplicateReason]


class DuplicateList(BaseModel):
    """Likely duplicate pairs of one kind, most alike first."""

    kind: ProfileKindName
    pairs: list[DuplicatePair]


class MergeCreate(BaseModel):
    """Merge ``merge_id`` into ``keep_id`` (both of ``kind``); ``merge_id`` is deleted."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"kind": "startup", "keep_id": 1, "merge_id": 41}]},
    )

    kind: ProfileKindName
    keep_id: Id
    merge_id: Id


class MergeRead(BaseModel):
    """What a merge did: the audit record."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: ProfileKindName
    keep_id: int
    merged_id: int
    merged_title: str
    moved: dict[str, int] = Field(
        description="rows moved to the kept profile by what they are (matches, "
        "match_conflicts, match_events_joined, camp_applications, ...)"
    )
    actor_account_id: int | None
    created_at: datetime
