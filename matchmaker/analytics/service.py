"""The funnel of review pairs and the exposure report, computed from the exposure log and the
review records (``repository``)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from statistics import median
from typing import Any

from sqlalchemy.orm import Session

from matchmaker.analytics import log, repository
from matchmaker.analytics.repository import Pair, StartupFacts
from matchmaker.analytics.schemas import (
    ExposureDimension,
    ExposureReport,
    ExposureRow,
    FounderGroup,
    FunnelGroupBy,
    FunnelReport,
    FunnelRow,
)
from matchmaker.analytics.scope import Scope
from matchmaker.analytics.window import Window
from matchmaker.vocab import DeclineReason, Domain, RegionGroup, Stage, region_group

ALL = "all"
_SHORTLISTED = frozenset({"shortlisted", "accepted", "connected"})
_ACCEPTED = frozenset({"accepted", "connected"})
_DECISIONS = frozenset({"accept", "decline"})
_FINAL = frozenset({"declined", "withdrawn"})


def founder_group(first_time: bool | None) -> FounderGroup:
    if first_time is None:
        return FounderGroup.unknown
    return FounderGroup.first_time if first_time else FounderGroup.experienced


@dataclass
class _PairFate:
    """What became of one startup–target pair."""

    entered_at: datetime
    states: set[str] = field(default_factory=set)
    final: str | None = None
    reasons: list[str] = field(default_factory=list)
    decided_at: datetime | None = None


def _fates(session: Session, scope: Scope, window: Window) -> dict[Pair, _PairFate]:
    """The pairs shown or acted on in the window, and what happened to them in it (a later
    step is not counted, so a past window's figures stay what they were)."""
    log.flush(session)
    shown = repository.first_exposures(session, scope, window)
    fates = {pair: _PairFate(at) for pair, at in shown.items()}
    by_id: dict[int, _PairFate] = {}
    for match in repository.matches(session, scope, window):
        pair = (match.startup_id, match.target_kind, match.target_id)
        # Created before the window, the pair entered it with its first event in it.
        created = match.created_at if match.created_at >= window.start else window.end
        fate = fates.get(pair)
        if fate is None:  # acted on without a logged list: it entered with its first action
            fate = fates[pair] = _PairFate(created)
        fate.entered_at = min(fate.entered_at, created)
        by_id[match.id] = fate
    for event in repository.events(session, scope, window):
        fate = by_id.get(event.match_id)
        if fate is None:  # a match committed between the two reads: counted next time
            continue
        fate.entered_at = min(fate.entered_at, event.created_at)
        fate.states.add(event.to_state)
        fate.final = event.to_state if event.to_state in _FINAL else None
        if event.action == "decline" and event.reason:
            fate.reasons.append(event.reason)
        if event.side == "target" and event.action in _DECISIONS and fate.decided_at is None:
            fate.decided_at = event.created_at
    return fates


def _groups(
    group_by: FunnelGroupBy | None, startup: StartupFacts, fate: _PairFate
) -> Iterable[str]:
    if group_by is None:
        return (ALL,)
    if group_by is FunnelGroupBy.domain:
        return startup.domains
    if group_by is FunnelGroupBy.region:
        return (region_group(startup.region).value,)
    if group_by is FunnelGroupBy.stage:
        return (startup.stage,)
    return (fate.entered_at.strftime("%Y-%m"),)


def _row(group: str, fates: list[_PairFate]) -> FunnelRow:
    reasons = Counter(r for f in fates if f.final == "declined" for r in f.reasons)
    hours = [
        (f.decided_at - f.entered_at).total_seconds() / 3600
        for f in fates
        if f.decided_at is not None
    ]
    return FunnelRow(
        group=group,
        recommended=len(fates),
        shortlisted=sum(1 for f in fates if f.states & _SHORTLISTED),
        accepted=sum(1 for f in fates if f.states & _ACCEPTED),
        connected=sum(1 for f in fates if "connected" in f.states),
        declined=sum(1 for f in fates if f.final == "declined"),
        withdrawn=sum(1 for f in fates if f.final == "withdrawn"),
        declined_reasons={r.value: reasons[r.value] for r in DeclineReason},
        decisions=len(hours),
        median_hours_to_decision=round(median(hours), 2) if hours else None,
    )


def _order(group_by: FunnelGroupBy | None) -> list[str]:
    """Groups in the vocabulary's order; months sort as text."""
    if group_by is FunnelGroupBy.domain:
        return [d.value for d in Domain]
    if group_by is FunnelGroupBy.region:
        return [r.value for r in RegionGroup]
    if group_by is FunnelGroupBy.stage:
        return [s.value for s in Stage]
    return []


def funnel(
    session: Session, scope: Scope, window: Window, group_by: FunnelGroupBy | None
) -> FunnelReport:
    """The scope's pairs of the window from recommended to connected, overall and by group."""
    fates = _fates(session, scope, window)
    facts = repository.startups(session, {pair[0] for pair in fates})
    kept = {pair: fate for pair, fate in fates.items() if pair[0] in facts}  # deleted: dropped
    grouped: dict[str, list[_PairFate]] = defaultdict(list)
    for (startup_id, _, _), fate in kept.items():
        for group in _groups(group_by, facts[startup_id], fate):
            grouped[group].append(fate)
    order = _order(group_by) or (sorted(grouped) if group_by is FunnelGroupBy.month else [])
    rows = [_row(g, grouped.get(g, [])) for g in order]
    return FunnelReport(
        scope=scope.read(),
        window=window.read(),
        group_by=group_by,
        total=_row(ALL, list(kept.values())),
        rows=rows,
    )


def _bucket(dimension: ExposureDimension, value: Any) -> str:
    if dimension is ExposureDimension.region:
        return region_group(str(value)).value
    if dimension is ExposureDimension.first_time_founders:
        return founder_group(value).value
    return str(value)


def _buckets(dimension: ExposureDimension) -> list[str]:
    if dimension is ExposureDimension.region:
        return [r.value for r in RegionGroup]
    if dimension is ExposureDimension.first_time_founders:
        return [f.value for f in FounderGroup]
    return [s.value for s in Stage]


def exposure(session: Session, scope: Scope, window: Window, k: int) -> ExposureReport:
    """By region, stage and first-time founders: share of the window's top-k appearances vs
    share of the pool stored now. Every list served counts (impressions, not distinct lists)."""
    log.flush(session)
    rows: list[ExposureRow] = []
    pool_total = exposures_total = 0
    for dimension in ExposureDimension:
        pool: Counter[str] = Counter()
        for value, n in repository.pool_counts(session, dimension.value).items():
            pool[_bucket(dimension, value)] += n
        shown: Counter[str] = Counter()
        distinct: Counter[str] = Counter()
        counts = repository.exposure_counts(session, scope, window, dimension.value, k)
        for value, (n, startups) in counts.items():
            shown[_bucket(dimension, value)] += n
            distinct[_bucket(dimension, value)] += startups
        pool_total, exposures_total = sum(pool.values()), sum(shown.values())
        for group in _buckets(dimension):
            pool_share = pool[group] / pool_total if pool_total else 0.0
            shown_share = shown[group] / exposures_total if exposures_total else 0.0
            rows.append(
                ExposureRow(
                    dimension=dimension,
                    group=group,
                    pool=pool[group],
                    pool_share=round(pool_share, 4),
                    exposures=shown[group],
                    exposure_share=round(shown_share, 4),
                    startups_shown=distinct[group],
                    ratio=round(shown_share / pool_share, 3)
                    if pool_share and exposures_total
                    else None,
                )
            )
    return ExposureReport(
        scope=scope.read(),
        window=window.read(),
        k=k,
        pool=pool_total,
        exposures=exposures_total,
        rows=rows,
    )
