"""Request and response bodies of the camps API."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated, Literal, Self
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from matchmaker.profiles.schemas import Flag, Id, Int, Number, clean_line, clean_text
from matchmaker.vocab import Domain, Stage

Trl = Annotated[Int, Field(ge=1, le=9)]
# A camp is an accelerator programme of days or weeks, a collaborative-incubation cohort of up
# to a year. The schedule has slots on every day of the camp, so this is what bounds its work.
MAX_CAMP_DAYS = 366
# Camp days: a schedule's times must be writable in UTC (year 9999 in a time zone west of
# Greenwich is not), and a date outside this century is a typing mistake, not a camp.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2099, 12, 31)
CampDay = Annotated[date, Field(ge=FIRST_DAY, le=LAST_DAY)]
Line = Annotated[str, AfterValidator(clean_line)]


class EligibilityIn(BaseModel):
    """Who may join; empty lists mean any. A startup needs one shared domain."""

    model_config = ConfigDict(extra="forbid")

    domains: list[Domain] = Field(default_factory=list, max_length=20)
    stages: list[Stage] = Field(default_factory=list, max_length=5)
    trl_min: Trl = 1
    trl_max: Trl = 9

    @model_validator(mode="after")
    def _range(self) -> Self:
        if self.trl_min > self.trl_max:
            raise ValueError("trl_min must not exceed trl_max")
        return self


class HostRef(BaseModel):
    """A host profile: exactly one of ``incubator_id`` and ``partner_id``."""

    model_config = ConfigDict(extra="forbid")

    incubator_id: Id | None = None
    partner_id: Id | None = None

    @model_validator(mode="after")
    def _one(self) -> Self:
        if (self.incubator_id is None) == (self.partner_id is None):
            raise ValueError("give exactly one of incubator_id and partner_id")
        return self


class CampHostIn(HostRef):
    places: Int = Field(ge=0, le=10_000)
    eligibility: EligibilityIn | None = None
    accept_unranked: Flag = Field(
        default=True, description="Without a full ranking, rank the rest by engine score."
    )


class QuotaIn(BaseModel):
    """A floor or a cap over a startup attribute, camp-wide or (caps only) for one host.

    Examples: ``{"name": "30% Tianjin and Hebei", "attribute": "region", "values":
    ["tianjin", "hebei"], "at_least_share": 0.3}``; ``{"name": "at most 3 per city",
    "attribute": "city", "per_value": true, "at_most": 3}``.
    """

    model_config = ConfigDict(extra="forbid")

    name: Line = Field(min_length=1, max_length=120)
    attribute: Literal["region", "city", "country"]
    values: list[Annotated[Line, Field(min_length=1, max_length=100)]] = Field(
        default_factory=list, max_length=50
    )
    per_value: Flag = False
    at_least: Int | None = Field(default=None, ge=0)
    at_least_share: Number | None = Field(default=None, ge=0, le=1)
    at_most: Int | None = Field(default=None, ge=0)
    host: HostRef | None = None

    @model_validator(mode="after")
    def _shape(self) -> Self:
        bounds = [b for b in (self.at_least, self.at_least_share, self.at_most) if b is not None]
        if len(bounds) != 1:
            raise ValueError("give exactly one of at_least, at_least_share and at_most")
        if self.at_most is None and (self.per_value or self.host is not None):
            raise ValueError("floors are camp-wide over named values")
        if not self.per_value and not self.values:
            raise ValueError("name the values of the group, or set per_value")
        return self


class DayPlanIn(BaseModel):
    """The matchmaking day(s): local times in the camp's time zone."""

    model_config = ConfigDict(extra="forbid")

    start: time = time(9, 0)
    end: time = time(17, 0)
    slot_minutes: Int = Field(default=30, ge=5, le=240)
    gap_minutes: Int = Field(default=0, ge=0, le=120)
    breaks: list[tuple[time, time]] = Field(
        default_factory=lambda: [(time(12, 0), time(13, 30))], max_length=10
    )
    max_per_host_per_day: Int | None = Field(default=None, ge=1)
    max_per_startup_per_day: Int | None = Field(default=None, ge=1)
    days: list[date] | None = Field(
        default=None, max_length=31, description="Defaults to every day of the camp."
    )


class CampCreate(BaseModel):
    """A new camp. It lasts at most 366 days (``starts_on`` and ``ends_on`` included), all
    of them from 2000-01-01 to 2099-12-31, as are the days of its ``day_plan``."""

    model_config = ConfigDict(extra="forbid")

    name: Line = Field(min_length=1, max_length=200)
    starts_on: CampDay
    ends_on: CampDay = Field(
        description=f"The last day, on or after starts_on; at most {MAX_CAMP_DAYS} days in all."
    )
    location: Line = Field(min_length=1, max_length=300)
    timezone: str = Field(default="Asia/Shanghai", max_length=60)
    hosts: list[CampHostIn] = Field(min_length=1, max_length=500)
    eligibility: EligibilityIn = Field(default_factory=EligibilityIn)
    quotas: list[QuotaIn] = Field(default_factory=list, max_length=20)
    day_plan: DayPlanIn = Field(default_factory=DayPlanIn)

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (KeyError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("ends_on")
    @classmethod
    def _length(cls, ends_on: date, info: ValidationInfo) -> date:
        starts_on = info.data.get("starts_on")
        if starts_on is None:  # starts_on has its own error
            return ends_on
        if ends_on < starts_on:
            raise ValueError("must not be before starts_on")
        if (ends_on - starts_on).days >= MAX_CAMP_DAYS:
            last = starts_on + timedelta(days=MAX_CAMP_DAYS - 1)
            raise ValueError(
                f"a camp lasts at most {MAX_CAMP_DAYS} days: end on {last.isoformat()} "
                "at the latest"
            )
        return ends_on


class CampHostRead(BaseModel):
    id: int = Field(description="The camp host id used by rankings and results.")
    incubator_id: int | None
    partner_id: int | None
    name: str
    places: int
    eligibility: EligibilityIn | None
    accept_unranked: bool


class CampRead(BaseModel):
    id: int
    name: str
    starts_on: date
    ends_on: date
    location: str
    timezone: str
    hosts: list[CampHostRead]
    eligibility: EligibilityIn
    quotas: list[QuotaIn]
    day_plan: DayPlanIn
    applications: int


class CampPage(BaseModel):
    """One page of camps; pass ``next_cursor`` back as ``cursor`` for the next one."""

    items: list[CampRead]
    next_cursor: str | None = None


class ApplicationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    startup_id: Id
    host_preferences: list[Id | HostRef] = Field(
        default_factory=list,
        max_length=500,
        description=(
            "Hosts wanted, best first: host profile ids (incubator or partner of this camp), "
            'or {"incubator_id": n} / {"partner_id": n} when an id is both.'
        ),
    )
    accept_unranked: Flag = Field(
        default=True, description="Also accept hosts not listed, ordered by engine score."
    )


class ApplicationRead(BaseModel):
    id: int
    camp_id: int
    startup_id: int
    host_preferences: list[int] = Field(description="Camp host ids, best first.")
    accept_unranked: bool
    eligible_host_ids: list[int]
    created_at: datetime


class RankingUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    startup_ids: list[Id] = Field(max_length=10_000, description="Applicants, best first.")
    accept_unranked: Flag = Field(
        default=True, description="Also accept applicants not listed, ordered by engine score."
    )


class RankingRead(BaseModel):
    camp_id: int
    host_id: int
    startup_ids: list[int]
    accept_unranked: bool


class AllocateRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    camp_priority: list[Id] | None = Field(
        default=None,
        max_length=10_000,
        description="Who wins when a camp-wide cap binds; default: best engine score.",
    )


class HostNoteRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    host_id: int
    choice: int
    reason: str
    places: int
    locked: int
    your_rank: int
    last_admitted_rank: int | None
    quota: str | None


class AlternativeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    host_id: int
    kind: str
    free_places: int
    places_short: int | None


class IneligibleRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    host_id: int
    reasons: list[str]


class ExplanationDetail(BaseModel):
    """The facts behind the sentence, each checkable against the preference lists."""

    model_config = ConfigDict(from_attributes=True)

    status: str
    outcome: str
    choice: int | None
    choices: int
    preference_source: str
    ahead: list[HostNoteRead]
    ineligible: list[IneligibleRead]
    alternatives: list[AlternativeRead]
    quota: str | None


class AssignmentRead(BaseModel):
    startup_id: int
    startup_name: str
    host_id: int
    host_name: str
    incubator_id: int | None
    partner_id: int | None
    locked: bool
    source: str
    explanation: str | None = None
    explanation_detail: ExplanationDetail | None = None


class UnplacedRead(BaseModel):
    startup_id: int
    startup_name: str
    explanation: str
    explanation_detail: ExplanationDetail


class QuotaOutcomeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    name: str
    kind: str
    group: str
    host_id: int | None
    required: int
    achieved: int
    met: bool
    reason: str | None


class AllocationRead(BaseModel):
    run_id: int
    camp_id: int
    created_at: datetime
    algorithm: str
    score_source: str
    assignments: list[AssignmentRead]
    unplaced: list[UnplacedRead]
    quota_report: list[QuotaOutcomeRead]


class AssignmentUpdate(BaseModel):
    """Move a startup to another host and/or lock it; every change is audited."""

    model_config = ConfigDict(extra="forbid")

    host_id: Id | None = Field(default=None, description="Camp host id to move the startup to.")
    locked: bool | None = None
    note: Annotated[str, AfterValidator(clean_text)] = Field(default="", max_length=1000)

    @model_validator(mode="after")
    def _something(self) -> Self:
        if self.host_id is None and self.locked is None:
            raise ValueError("give host_id, locked or both")
        return self


class AssignmentEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    startup_id: int
    actor_account_id: int | None
    from_host_id: int | None
    to_host_id: int | None
    locked_before: bool
    locked_after: bool
    note: str
    at: datetime


class MeetingRead(BaseModel):
    startup_id: int
    startup_name: str
    host_id: int
    host_name: str
    slot: int
    starts_at: datetime
    ends_at: datetime
    source: Literal["allocation", "connected"]


class UnscheduledRead(BaseModel):
    startup_id: int
    host_id: int
    reason: str


class ScheduleRead(BaseModel):
    camp_id: int
    timezone: str
    slots: int
    meetings: list[MeetingRead]
    unscheduled: list[UnscheduledRead]
