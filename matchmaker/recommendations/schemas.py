"""Requests and responses of the recommendation endpoints."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from matchmaker.incubators.schemas import IncubatorCreate
from matchmaker.matching.rerank import check_share
from matchmaker.matching.schemas import Diversity, MatchList, RegionGroup
from matchmaker.matching.service import MAX_LIMIT
from matchmaker.partners.schemas import PartnerCreate
from matchmaker.profiles.schemas import Int, Number
from matchmaker.scenarios.schemas import ScenarioCreate
from matchmaker.startups.schemas import StartupCreate
from matchmaker.vocab import Domain, OrganisationKind, Region, Stage

MAX_BATCH = 100
# All the text of a batch's profiles together (every string field, in characters): a hundred
# 5,000-character descriptions cost ~20 s of CPU to embed and rank, for one request.
MAX_BATCH_TEXT = 100_000


class Target(StrEnum):
    startups = "startups"
    incubators = "incubators"
    partners = "partners"
    scenarios = "scenarios"


class Filters(BaseModel):
    """The same filters as the stored profiles' match endpoints."""

    model_config = ConfigDict(extra="forbid")

    domains: list[Domain] = Field(default=[], max_length=20)
    stages: list[Stage] = Field(default=[], max_length=10)
    regions: list[Region] = Field(default=[], max_length=10)
    kinds: list[OrganisationKind] = Field(
        default=[], max_length=20, description="incubator or partner kinds"
    )
    min_score: Number | None = Field(default=None, ge=0, le=1)
    limit: Int = Field(default=10, ge=1, le=MAX_LIMIT)
    # Re-ranking, as the match endpoints' query options; omitted: the service's defaults.
    diversity: Diversity | None = Field(
        default=None, description="mmr: maximal marginal relevance, fewer near-copies"
    )
    mmr_lambda: Number | None = Field(
        default=None, ge=0, le=1, description="with mmr: 1 is score alone, 0 diversity alone"
    )
    one_per_org: bool | None = Field(
        default=None, description="at most one profile per organisation"
    )
    fair_regions: list[RegionGroup] | None = Field(
        default=None, max_length=4, description="region groups given a minimum share of every top-k"
    )
    fair_share: Number | None = Field(
        default=None, ge=0, le=1, description="the minimum share of each of fair_regions"
    )

    @field_validator("fair_share")
    @classmethod
    def _shares_can_hold(cls, value: float | None, info: ValidationInfo) -> float | None:
        problem = check_share(info.data.get("fair_regions") or [], value or 0)
        if problem:
            raise ValueError(problem)
        return value


_TARGETS_DOC = "target kinds; a startup's default is all three, everyone else's is startups"
Targets = Annotated[list[Target] | None, Field(default=None, min_length=1, max_length=3)]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    targets: Targets = Field(default=None, description=_TARGETS_DOC)
    filters: Filters = Filters()


class StartupRecommendation(_Request):
    kind: Literal["startups"]
    profile: StartupCreate


class IncubatorRecommendation(_Request):
    kind: Literal["incubators"]
    profile: IncubatorCreate


class PartnerRecommendation(_Request):
    kind: Literal["partners"]
    profile: PartnerCreate


class ScenarioRecommendation(_Request):
    kind: Literal["scenarios"]
    profile: ScenarioCreate


def _without_tag(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """The union's errors located as the client wrote the body.

    pydantic puts the member's tag first in each error's location ("startups.filters.limit"),
    a key the body does not have; a client looks for "filters.limit".
    """
    try:
        return handler(value)
    except ValidationError as exc:
        tag = value.get("kind") if isinstance(value, dict) else None
        errors: list[InitErrorDetails] = [
            {
                # Each error as it was: its type and message (custom ones too) and its context.
                "type": PydanticCustomError(e["type"], e["msg"], e.get("ctx")),
                "loc": e["loc"][1:] if e["loc"][:1] == (tag,) else e["loc"],
                "input": e["input"],
            }
            for e in exc.errors()
        ]
        raise ValidationError.from_exception_data(exc.title, errors) from None


# Discriminated by kind, so an error names one member's field, not all four members'.
RecommendationRequest = Annotated[
    StartupRecommendation
    | IncubatorRecommendation
    | PartnerRecommendation
    | ScenarioRecommendation,
    Discriminator("kind"),
    WrapValidator(_without_tag),
]


def _text_length(value: Any) -> int:
    """Characters of every string in a profile's fields, nested ones and lists included."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, BaseModel):
        return sum(_text_length(v) for v in value.__dict__.values())
    if isinstance(value, list | tuple):
        return sum(_text_length(v) for v in value)
    return 0


class _BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    targets: Targets = Field(default=None, description=_TARGETS_DOC)
    filters: Filters = Filters()

    @field_validator("profiles", check_fields=False)
    @classmethod
    def _text_fits(cls, profiles: list[BaseModel]) -> list[BaseModel]:
        total = _text_length(profiles)
        if total > MAX_BATCH_TEXT:
            raise ValueError(
                f"the profiles' texts add up to {total} characters; a batch takes at most "
                f"{MAX_BATCH_TEXT}: send fewer or shorter profiles"
            )
        return profiles


_PROFILES_DOC = f"at most {MAX_BATCH} profiles, all of ``kind``; encoded in one batch"


class StartupBatch(_BatchRequest):
    kind: Literal["startups"]
    profiles: list[StartupCreate] = Field(
        min_length=1, max_length=MAX_BATCH, description=_PROFILES_DOC
    )


class IncubatorBatch(_BatchRequest):
    kind: Literal["incubators"]
    profiles: list[IncubatorCreate] = Field(
        min_length=1, max_length=MAX_BATCH, description=_PROFILES_DOC
    )


class PartnerBatch(_BatchRequest):
    kind: Literal["partners"]
    profiles: list[PartnerCreate] = Field(
        min_length=1, max_length=MAX_BATCH, description=_PROFILES_DOC
    )


class ScenarioBatch(_BatchRequest):
    kind: Literal["scenarios"]
    profiles: list[ScenarioCreate] = Field(
        min_length=1, max_length=MAX_BATCH, description=_PROFILES_DOC
    )


BatchRequest = Annotated[
    StartupBatch | IncubatorBatch | PartnerBatch | ScenarioBatch,
    Discriminator("kind"),
    WrapValidator(_without_tag),
]


class Recommendation(BaseModel):
    """The ranked, explained matches of one unsaved profile, one list per target kind.

    ``query.id`` is 0: the profile was not stored.
    """

    results: list[MatchList]


class BatchRecommendation(BaseModel):
    """One ``Recommendation`` per profile, in the order they were sent."""

    items: list[Recommendation]


STARTUP_EXAMPLE: dict[str, Any] = {
    "kind": "startups",
    "profile": {
        "name": "Qubit Sense",
        "pitch": "Diamond NV-centre quantum magnetometers for brain imaging",
        "description": "Room-temperature quantum sensors replacing SQUID arrays in MEG.",
        "domains": ["quantum", "medical_devices"],
        "stage": "prototype",
        "trl": 4,
        "location": {"city": "Tianjin", "region": "tianjin", "country": "CN"},
        "needs": ["lab_equipment", "pilot_scenario"],
    },
    "targets": ["incubators", "partners"],
    "filters": {"limit": 5},
}
