"""Responses of the analytics routes: the review funnel and the exposure report."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field


class FunnelGroupBy(StrEnum):
    """How the funnel is broken down (by the startup of each pair, or the pair's month)."""

    domain = "domain"
    region = "region"
    stage = "stage"
    month = "month"


class ReportFormat(StrEnum):
    json = "json"
    csv = "csv"


class FounderGroup(StrEnum):
    """A startup's ``first_time_founders``: true, false, or not said."""

    first_time = "first_time"
    experienced = "experienced"
    unknown = "unknown"


class ExposureDimension(StrEnum):
    region = "region"
    stage = "stage"
    first_time_founders = "first_time_founders"


class ReportScope(BaseModel):
    """Whose lists and pairs a report counts: one incubator's, one partner's, or all."""

    kind: Literal["service", "incubator", "partner"]
    id: int | None = Field(description="the incubator or partner; null for the whole service")


class ReportWindow(BaseModel):
    """The UTC days a report covers, both included."""

    since: date = Field(description="first day counted, from 00:00 UTC")
    until: date = Field(description="last day counted, through 24:00 UTC")
    days: int = Field(description="days in the window, since and until included")


class FunnelRow(BaseModel):
    """One group's pairs at each step; each step counts the pairs that reached it."""

    group: str = Field(description="the domain, region, stage or YYYY-MM month; 'all' ungrouped")
    recommended: int = Field(
        description="pairs shown in a match list in the window, or acted on in it (so every "
        "step is part of this); a pair shown again and again counts once"
    )
    shortlisted: int = Field(description="pairs shortlisted, accepted or connected")
    accepted: int = Field(description="pairs accepted by at least one side, or connected")
    connected: int
    declined: int = Field(description="pairs whose last step in the window was a decline")
    withdrawn: int = Field(description="pairs whose last step in the window was a withdrawal")
    declined_reasons: dict[str, int] = Field(description="declined pairs by the reason given")
    decisions: int = Field(description="pairs the target side accepted or declined")
    median_hours_to_decision: float | None = Field(
        description="from the pair's first appearance in the window (in a list, or its first "
        "action) to the target side's accept or decline; null without decisions"
    )


class FunnelReport(BaseModel):
    """recommended -> shortlisted -> accepted -> connected, with declines and decision time:
    the pairs shown or acted on in the window, and the steps they took in it."""

    scope: ReportScope
    window: ReportWindow
    group_by: FunnelGroupBy | None
    total: FunnelRow
    rows: list[FunnelRow] = Field(description="one per group, in vocabulary or month order")


class ExposureRow(BaseModel):
    """How often one group's startups were in top-k lists, against its share of the pool."""

    dimension: ExposureDimension
    group: str
    pool: int = Field(description="startups of this group stored now")
    pool_share: float = Field(description="pool / every startup stored")
    exposures: int = Field(
        description="appearances in the top k of the lists served in the window: impressions, "
        "so the same list served twice (a page reloaded) counts twice"
    )
    exposure_share: float = Field(description="exposures / every exposure counted")
    startups_shown: int = Field(
        description="distinct startups of the group that appeared in the window"
    )
    ratio: float | None = Field(
        description="exposure_share / pool_share: 1 is a fair share, below 1 under-exposed; "
        "null for an empty group or when nothing was shown yet"
    )


class ExposureReport(BaseModel):
    """Who appears in the startup lists served to incubators, partners and scenarios in the
    window, against the pool of startups stored now."""

    scope: ReportScope
    window: ReportWindow
    k: int = Field(description="only ranks 1 to k count")
    pool: int = Field(description="startups stored now")
    exposures: int = Field(description="appearances counted in the window (impressions)")
    rows: list[ExposureRow]
