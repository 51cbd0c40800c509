"""Hybrid pair scoring: pure arithmetic over Facts and one cosine similarity.

A pair is always (startup, target) whichever side asked, so both directions agree.
score = sum(weight_i * value_i) / sum(weight_i) over the criteria that apply to the pair
(stage does not apply to scenarios, TRL not to partners, needs not when the startup lists
none that the target could serve, history not before the target has decided anything),
minus the penalties (a startup below a scenario's minimum TRL, in proportion to the gap;
no shared domain), and last a multiplicative penalty for a stale profile (either side not
updated for more than ``Weights.stale_after_days``: the score is multiplied by
1 - STALE_PENALTY, shown as a negative contribution). Every value is in [0, 1]; each
component's contribution is signed and the contributions add up to the score; see README
"How matching works".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from matchmaker.matching.facts import Facts
from matchmaker.matching.messages import Message
from matchmaker.vocab import BTH_REGIONS, STAGE_ORDER, Region, Stage

RANKING_VERSION = "hybrid-3"
# Penalties at full severity. A TRL shortfall costs a third of its weight per level (three
# levels or more cost it all); one level (-0.06) costs less than sharing no domain gives up
# (the domain criterion, its share of the reciprocal one and the -0.05 below).
TRL_SHORTFALL_PENALTY = 0.18
NO_SHARED_DOMAIN_PENALTY = 0.05
# A profile not updated for Weights.stale_after_days keeps (1 - this) of its score: it may be
# out of date (closed, moved, acquired), so it goes below fresh ones of similar fit, while a
# strong stale match still beats a weak fresh one.
STALE_PENALTY = 0.2
DEFAULT_STALE_AFTER_DAYS = 365
PENALTIES = ("trl_shortfall", "no_shared_domain", "stale_profile")

INTERNATIONAL_KINDS = frozenset(
    {
        "offshore_carrier",
        "international_incubator",
        "multinational_corporation",
        "foreign_rd_center",
    }
)
INTERNATIONAL_PROGRAMS = frozenset({"cross_border_accelerator_camp", "offshore_incubation"})
# Which partner collaboration mode serves which startup need.
NEED_TO_MODE = {
    "funding": "investment",
    "pilot_scenario": "pilot_procurement",
    "market_access": "market_access",
    "international_expansion": "market_access",
    "mentoring": "co_incubation",
    "workspace": "co_incubation",
    "lab_equipment": "joint_rd",
    "pilot_line": "joint_rd",
    "talent": "joint_rd",
}


@dataclass(frozen=True)
class Weights:
    semantic: float = 0.35
    domain: float = 0.15
    stage: float = 0.10
    trl: float = 0.10
    region: float = 0.10
    needs: float = 0.10
    reciprocal: float = 0.10
    # At most: a target's decisions count by n / (n + HISTORY_PRIOR) of this (history.py).
    history: float = 0.30
    # Not a weight: the age (days since the last update) from which a profile is stale.
    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS

    def of(self, name: str) -> float:
        return float(getattr(self, name))


@dataclass(frozen=True)
class Component:
    """value in [0, 1]; contribution = ±weight × value (negative for a penalty)."""

    value: float
    weight: float
    contribution: float = 0.0
    note: str = ""  # the message in English
    message: Message | None = None


@dataclass
class PairScore:
    startup_id: int
    target_kind: str
    target_id: int
    similarity: float
    score: float | None  # None: too little information to judge (low confidence)
    raw_score: float  # the same arithmetic, also for low-confidence pairs (for ordering)
    components: dict[str, Component]
    matched_domains: list[str]
    matched_needs: list[str]
    excluded: str | None = None
    trl_shortfall: int = 0
    hints: list[Message] = field(default_factory=list)
    confidence: str = "high"


def exclusion(target: Facts, today: date) -> str | None:
    """Why a target can never be proposed right now, if so (in English)."""
    why = exclusion_message(target, today)
    return why.english if why else None


def exclusion_message(target: Facts, today: date) -> Message | None:
    """Why a target can never be proposed right now, if so."""
    if target.kind == "incubator" and (target.capacity or 0) <= 0:
        return Message("excluded_full")
    if target.kind == "scenario":
        if target.status != "open":
            return Message("excluded_closed")
        if target.deadline is not None and target.deadline < today:
            return Message("excluded_deadline")
    return None


# open_until's values: a target that is never (or always) open, as a day ordinal.
NEVER, FOREVER = -1, 2**31 - 1
# The columns the hard rules read, by target kind (the other kinds have no hard rule).
HARD_RULE_COLUMNS: dict[str, tuple[str, ...]] = {
    "incubator": ("capacity",),
    "scenario": ("status", "deadline"),
}


def open_until(kind: str, row: Any) -> int:
    """The last day (``date.toordinal``) ``exclusion`` lets the target be proposed, read from
    a row with the HARD_RULE_COLUMNS of its kind; filters.FacetMasks keeps it per id."""
    if kind == "incubator":
        return FOREVER if (row.capacity or 0) > 0 else NEVER
    if kind == "scenario":
        if row.status != "open":
            return NEVER
        return FOREVER if row.deadline is None else int(row.deadline.toordinal())
    return FOREVER


def stale_kinds(startup: Facts, target: Facts, today: date, after_days: int) -> list[str]:
    """The kinds of the pair's profiles that were last updated more than ``after_days`` ago."""
    return [f.kind for f in (startup, target) if is_stale(f.updated_at, today, after_days)]


def utc_today() -> date:
    """The UTC day that staleness and deadlines are judged by, in every list and in the
    stamp of a kept one (``Matcher.stamp``)."""
    return datetime.now(UTC).date()


def stale_since(updated_at: datetime, after_days: int) -> datetime:
    """The start (UTC midnight) of the first day on which a profile last updated at
    ``updated_at`` counts as stale: more than ``after_days`` whole days later."""
    day = updated_at.astimezone(UTC).date() + timedelta(days=after_days + 1)
    return datetime.combine(day, time(), UTC)


def is_stale(updated_at: datetime | None, today: date, after_days: int) -> bool:
    return updated_at is not None and stale_since(updated_at, after_days).date() <= today


def is_international(target: Facts) -> bool:
    return target.subkind in INTERNATIONAL_KINDS or bool(target.programs & INTERNATIONAL_PROGRAMS)


def region_fit(s: Facts, t: Facts) -> tuple[float, Message]:
    """Beijing–Tianjin–Hebei is one collaborative region; offshore carriers and
    cross-border programs fit startups from abroad and those going abroad."""
    intl = is_international(t)
    wants_abroad = "international_expansion" in s.needs
    if s.region == Region.abroad:
        if t.region == Region.abroad and t.country == s.country:
            return 1.0, Message("region_same_country", {"country": s.country})
        if intl:
            return 1.0, Message("region_program_for_abroad")
        return (
            (0.4, Message("region_china_no_program"))
            if t.region != Region.abroad
            else (
                0.5,
                Message(
                    "region_different_countries", {"country": s.country, "other_country": t.country}
                ),
            )
        )
    if t.region == Region.abroad:
        if wants_abroad and intl:
            return 1.0, Message("region_offshore_base", {"country": t.country})
        if wants_abroad:
            return 0.7, Message("region_expansion_country", {"country": t.country})
        return (0.35 if intl else 0.2), Message("region_abroad", {"country": t.country})
    if s.region == t.region:
        if s.region != Region.china_other or s.city.casefold() == t.city.casefold():
            if t.city:
                return 1.0, Message("region_same_city", {"city": t.city})
            return 1.0, Message("region_same", {"region": t.region})
        cities = {"city": s.city or "?", "other_city": t.city or "?"}
        return 0.6, Message("region_other_cities", cities)
    if s.region in BTH_REGIONS and t.region in BTH_REGIONS:
        return 0.9, Message("region_bth", {"region": s.region, "other_region": t.region})
    if wants_abroad and intl:
        return 0.9, Message("region_program_for_expansion")
    return 0.5, Message("region_different", {"region": s.region, "other_region": t.region})


def stage_fit(s: Facts, t: Facts) -> tuple[float, Message] | None:
    # Scenarios have no stages, so they take the first return.
    if not t.stages or s.stage is None:
        return None
    if s.stage in t.stages:
        return 1.0, Message("stage_accepted", {"stage": s.stage})
    gap = min(abs(STAGE_ORDER[Stage(s.stage)] - STAGE_ORDER[Stage(x)]) for x in t.stages)
    accepted = sorted(t.stages, key=lambda x: STAGE_ORDER[Stage(x)])
    note = Message("stage_outside", {"stages": accepted, "stage": s.stage})
    return (0.5 if gap == 1 else 0.0), note


def trl_fit(s: Facts, t: Facts) -> tuple[float, Message, int] | None:
    """(value, note, shortfall in TRL levels below a scenario's minimum)."""
    if s.trl is None:
        return None
    if t.kind == "scenario" and t.min_trl is not None:
        if s.trl >= t.min_trl:
            return 1.0, Message("trl_meets_minimum", {"min_trl": t.min_trl, "trl": s.trl}), 0
        gap = t.min_trl - s.trl
        note = Message("trl_below_minimum", {"min_trl": t.min_trl, "trl": s.trl})
        return max(0.0, 1 - gap / 3), note, gap
    if t.kind == "incubator" and t.trl_min is not None and t.trl_max is not None:
        span = {"trl_min": t.trl_min, "trl_max": t.trl_max, "trl": s.trl}
        if t.trl_min <= s.trl <= t.trl_max:
            return 1.0, Message("trl_in_range", span), 0
        gap = t.trl_min - s.trl if s.trl < t.trl_min else s.trl - t.trl_max
        note = Message("trl_out_of_range", span)
        return max(0.0, 1 - gap / 3), note, 0
    return None


# A side's asks count as met in the reciprocal note from half met, as shown (two places):
# both met is the only case the note calls a fit both ways, so a value near 0 never is.
ASKS_MET = 0.5


def reciprocal_note(forward: float, backward: float) -> Message:
    """The reciprocal component in words: fits both ways, one way (naming the side whose
    asks are not met) or neither, with each side's asks (``forward``: the startup's,
    ``backward``: the target's) to two places. Words only: the value is their harmonic mean."""
    asks = {"forward": round(forward, 2), "backward": round(backward, 2)}
    startup_met, target_met = asks["forward"] >= ASKS_MET, asks["backward"] >= ASKS_MET
    if startup_met and target_met:
        return Message("reciprocal", asks)
    if target_met:
        return Message("reciprocal_startup_unmet", asks)
    if startup_met:
        return Message("reciprocal_target_unmet", asks)
    return Message("reciprocal_neither", asks)


def needs_fit(s: Facts, t: Facts) -> tuple[float, Message | None, list[str]] | None:
    """(coverage of the startup's needs, note, needs covered)."""
    if not s.needs:
        return None
    if t.kind == "incubator":
        covered = sorted(s.needs & t.services)
        missing = sorted(s.needs - t.services)
        value = len(covered) / len(s.needs)
    else:
        # Partners and scenarios serve needs through their collaboration modes (a scenario
        # has one): what share of the needs they could serve do they serve?
        servable = [n for n in s.needs if n in NEED_TO_MODE]
        if not servable:
            return None
        covered = sorted(n for n in servable if NEED_TO_MODE[n] in t.modes)
        missing = sorted(set(servable) - set(covered))
        value = len(covered) / len(servable)
    # Some needs remain here (the empty cases returned above): covered, missing or both.
    if covered and missing:
        note = Message("needs_offers_missing", {"covered": covered, "missing": missing})
    elif covered:
        note = Message("needs_offers", {"covered": covered})
    else:
        note = Message("needs_missing", {"missing": missing})
    return value, note, covered
