"""The two review pages: a target's dashboard (startups for it) and a startup's recommendations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from matchmaker.access import policy
from matchmaker.analytics import log as exposures
from matchmaker.kinds import BY_NAME, BY_PLURAL, STARTUP
from matchmaker.matching.bundle import bundle
from matchmaker.matching.messages import Message
from matchmaker.matching.schemas import BundleResponse, MatchRead
from matchmaker.matching.service import MAX_LIMIT, Matcher, MatchFilters
from matchmaker.profiles.service import matching_ids
from matchmaker.reviews.feedback import Viewer, recommend
from matchmaker.reviews.models import TARGET_KINDS, Match
from matchmaker.reviews.workflow import Side
from matchmaker.startups.models import Startup
from matchmaker.web import service
from matchmaker.web.service import Card, card

# The tabs of a dashboard, in order. "new" is everything recommended that nobody acted on.
TABS = ("new", "shortlisted", "accepted", "declined", "connected", "withdrawn")


@dataclass(frozen=True)
class Filters:
    """A dashboard's filters, as the query string gives them."""

    domains: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    trl_min: int | None = None
    trl_max: int | None = None
    min_score: float | None = None
    limit: int = 20

    @property
    def by_trl(self) -> bool:
        return self.trl_min is not None or self.trl_max is not None

    def trl_ok(self, trl: int) -> bool:
        low, high = self.trl_min or 1, self.trl_max or 9
        return low <= trl <= high


@dataclass
class Dashboard:
    kind: str
    target: Any
    tab: str
    cards: list[Card]
    counts: dict[str, int]
    more: bool
    # Why the engine proposes nobody to this target at all (e.g. no open places), if so.
    closed: Message | None = None


def target_dashboard(
    session: Session,
    matcher: Matcher,
    viewer: Viewer,
    kind: str,
    target: Any,
    filters: Filters,
    tab: str,
) -> Dashboard:
    """Startups for an incubator, partner or scenario: recommended, or by review state."""
    records = service.records(session, viewer.principal, {f"{kind}_id": target.id})
    acted = {r.startup_id: r for r in records}
    new_cards, closed = _recommended(session, matcher, viewer, kind, target, filters, acted)
    startups = _filtered_startups(session, filters, {r.startup_id for r in records})
    counts: Counter[str] = Counter()
    tab_cards: list[Card] = []
    for record in records:
        startup = startups.get(record.startup_id)
        if startup is None:
            continue
        explained = service.explain(session, matcher, startup, kind, target, Side.target)
        if filters.min_score is not None and (explained is None or _below(explained, filters)):
            continue
        counts[record.state] += 1
        if record.state == tab:
            tab_cards.append(card(startup, kind, target, Side.target, explained, record))
    counts["new"] = len(new_cards)
    if tab == "new":
        tab_cards = new_cards
    else:
        tab_cards.sort(key=lambda c: (-(c.score or 0.0), c.startup.id))
    if tab == "new":  # the recommendations this page shows: logged like an API list
        exposures.record_shown(session, kind, target, [c.match for c in tab_cards[: filters.limit]])
    return Dashboard(
        kind,
        target,
        tab,
        tab_cards[: filters.limit],
        dict(counts),
        len(tab_cards) > filters.limit,
        closed,
    )


def _below(match: MatchRead, filters: Filters) -> bool:
    return (match.score or 0.0) < (filters.min_score or 0.0)


def _recommended(
    session: Session,
    matcher: Matcher,
    viewer: Viewer,
    kind: str,
    target: Any,
    filters: Filters,
    acted: dict[int, Match],
) -> tuple[list[Card], Message | None]:
    """The "new" cards, and why the engine proposes nobody to this target, if so (the
    list's own ``excluded``, as the API shows it)."""
    # Ask for more than a page: pairs someone acted on leave "new", and the engine has no TRL
    # filter, so both are taken out here.
    wanted = MAX_LIMIT if filters.by_trl else min(MAX_LIMIT, filters.limit + len(acted) + 1)
    engine_filters = MatchFilters(
        domains=filters.domains,
        stages=filters.stages,
        regions=filters.regions,
        min_score=filters.min_score,
        limit=wanted,
    )
    ranked = recommend(session, matcher, viewer, BY_NAME[kind], target, STARTUP, engine_filters)
    ids = [m.profile.id for m in ranked.matches if m.profile.id not in acted]
    rows = {s.id: s for s in session.scalars(select(Startup).where(Startup.id.in_(ids)))}
    cards = []
    for match in ranked.matches:
        startup = rows.get(match.profile.id)
        if startup is None or (filters.by_trl and not filters.trl_ok(startup.trl)):
            continue
        cards.append(card(startup, kind, target, Side.target, match, None))
    closed = ranked.excluded
    return cards[: filters.limit + 1], Message(closed.code, closed.params) if closed else None


def _filtered_startups(session: Session, filters: Filters, ids: set[int]) -> dict[int, Startup]:
    """The startups among ``ids`` that pass the facet and TRL filters."""
    if not ids:
        return {}
    stmt = select(Startup).where(Startup.id.in_(sorted(ids)))
    for facet, values in (
        ("domain", filters.domains),
        ("stage", filters.stages),
        ("region", filters.regions),
    ):
        if values:
            stmt = stmt.where(Startup.id.in_(matching_ids(STARTUP, facet, values)))
    if filters.trl_min is not None:
        stmt = stmt.where(Startup.trl >= filters.trl_min)
    if filters.trl_max is not None:
        stmt = stmt.where(Startup.trl <= filters.trl_max)
    return {s.id: s for s in session.scalars(stmt)}


@dataclass
class StartupPage:
    startup: Any
    target: str  # plural: incubators, partners or scenarios; or "bundle"
    cards: list[Card]
    decided: list[Card]
    bundle: BundleResponse | None
    bundle_cards: list[Card]


def startup_page(
    session: Session, matcher: Matcher, viewer: Viewer, startup: Any, target: str
) -> StartupPage:
    """A startup's recommendations of one kind (or its bundle) and every pair it acted on."""
    records = service.records(session, viewer.principal, {"startup_id": startup.id})
    by_pair = {(r.target_kind, r.target_id): r for r in records}
    targets = _targets(session, records)
    decided = [
        card(startup, r.target_kind, targets[(r.target_kind, r.target_id)], Side.startup, None, r)
        for r in reversed(records)
        if (r.target_kind, r.target_id) in targets
    ]
    if target == "bundle":
        # The bundle is a startup-side read like its recommendations: the same policy check.
        policy.check_manage(viewer.principal, STARTUP.name, startup)
        found = bundle(matcher, session, startup)
        exposures.record_bundle(session, found)
        return StartupPage(
            startup, target, [], decided, found, _bundle_cards(session, startup, found, by_pair)
        )
    kind = BY_PLURAL[target]
    ranked = recommend(session, matcher, viewer, STARTUP, startup, kind, MatchFilters(limit=10))
    exposures.record_list(session, ranked)
    ids = [m.profile.id for m in ranked.matches]
    rows = {r.id: r for r in session.scalars(select(kind.model).where(kind.model.id.in_(ids)))}
    cards = [
        card(
            startup,
            kind.name,
            rows[m.profile.id],
            Side.startup,
            m,
            by_pair.get((kind.name, m.profile.id)),
        )
        for m in ranked.matches
        if m.profile.id in rows
    ]
    return StartupPage(startup, target, cards, decided, None, [])


def _bundle_cards(
    session: Session, startup: Any, found: BundleResponse, by_pair: dict[tuple[str, int], Match]
) -> list[Card]:
    if found.bundle is None:
        return []
    parts = found.bundle
    cards = []
    for kind, match in (
        ("incubator", parts.incubator),
        ("partner", parts.partner),
        ("scenario", parts.scenario),
    ):
        row = session.get(BY_NAME[kind].model, match.profile.id)
        if row is not None:
            record = by_pair.get((kind, row.id))
            cards.append(card(startup, kind, row, Side.startup, match, record))
    return cards


def _targets(session: Session, records: list[Match]) -> dict[tuple[str, int], Any]:
    out: dict[tuple[str, int], Any] = {}
    for kind in TARGET_KINDS:
        ids = [r.target_id for r in records if r.target_kind == kind]
        if ids:
            model = BY_NAME[kind].model
            for row in session.scalars(select(model).where(model.id.in_(ids))):
                out[(kind, row.id)] = row
    return out
