"""What the camp pages show, composed from the camps services; no rule is decided here.

Who may run or rank comes from ``matchmaker.camps.service``; allocations and their
explanations are the stored runs (``camps.runs.read``); scores are the camp's own
(``camps.scoring``: the engine's ``score_many``, as allocation uses them), never recomputed
here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from matchmaker.access.principal import Principal
from matchmaker.camps import days, runs, service
from matchmaker.camps.models import Camp, CampAllocationRun, CampApplication, CampHost
from matchmaker.camps.schemas import AllocationRead, RankingUpdate, ScheduleRead
from matchmaker.camps.scoring import camp_score, scored_pairs
from matchmaker.error_schemas import AccessDetail
from matchmaker.errors import Forbidden, InvalidInput, NotFound
from matchmaker.kinds import STARTUP
from matchmaker.matching.facts import facts_of
from matchmaker.matching.schemas import MatchRead
from matchmaker.matching.service import Matcher, to_read
from matchmaker.params import whole_number
from matchmaker.startups.models import Startup


@dataclass(frozen=True)
class HostLine:
    host: CampHost
    kind: str
    profile: Any  # the incubator or partner row
    ranked: int  # how many applicants its ranking lists
    ranks_it: bool  # the viewer may rank for it


@dataclass(frozen=True)
class ApplicantLine:
    startup: Startup
    wants: list[str]  # host names, best first


@dataclass(frozen=True)
class CampPage:
    camp: Camp
    runs_it: bool
    hosts: list[HostLine]
    applicants: list[ApplicantLine]
    allocation: AllocationRead | None


@dataclass(frozen=True)
class RankLine:
    startup: Startup
    position: int | None  # 1-based place in the host's ranking; None when unranked
    score: float  # the camp's score of the pair, as allocation orders unranked applicants
    match: MatchRead  # the engine's explanation of that score


@dataclass(frozen=True)
class HostPage:
    camp: Camp
    host: HostLine
    lines: list[RankLine]


def check_open(session: Session, principal: Principal, camp: Camp) -> list[CampHost]:
    """The hosts the viewer ranks for; 403 unless it runs the camp or manages a host."""
    mine = [h for h in camp.hosts if service.manages_host(session, principal, camp, h)]
    if not mine:
        raise Forbidden(
            f"this key neither runs nor hosts camp {camp.id}",
            AccessDetail(role=principal.role.value, kind="camp", id=camp.id),
        )
    return mine


def latest_run(session: Session, camp: Camp) -> CampAllocationRun | None:
    """The camp's latest run, or None before the first (a page shows "not allocated yet")."""
    try:
        return runs.latest(session, camp)
    except NotFound:
        return None


def _host_lines(session: Session, camp: Camp, mine: list[CampHost]) -> list[HostLine]:
    rows = service.host_rows(session, camp)
    ranks = service.rankings(session, camp)
    return [HostLine(h, h.profile[0], rows[h.id], len(ranks[h.id]), h in mine) for h in camp.hosts]


def _applications(session: Session, camp: Camp) -> list[tuple[CampApplication, Startup]]:
    stmt = (
        select(CampApplication, Startup)
        .join(Startup, Startup.id == CampApplication.startup_id)
        .where(CampApplication.camp_id == camp.id)
        .order_by(Startup.name, Startup.id)
    )
    return [(app, startup) for app, startup in session.execute(stmt)]


def camp_page(session: Session, principal: Principal, camp: Camp, lang: str = "en") -> CampPage:
    """A camp as its manager or a host's manager sees it: hosts, applicants, the allocation
    (its explanations in ``lang``)."""
    mine = check_open(session, principal, camp)
    hosts = _host_lines(session, camp, mine)
    names = {line.host.id: line.profile.name for line in hosts}
    applicants = [
        ApplicantLine(startup, [names[h] for h in app.host_preferences if h in names])
        for app, startup in _applications(session, camp)
    ]
    record = latest_run(session, camp)
    allocation = runs.read(session, principal, camp, record, lang) if record else None
    return CampPage(camp, service.manages_camp(principal, camp), hosts, applicants, allocation)


def host_page(
    session: Session, matcher: Matcher | None, principal: Principal, camp: Camp, host_id: int
) -> HostPage:
    """One host's ranking of the applicants: ranked ones in its order, then the rest by the
    camp's score (the order allocation gives them), each with the engine's explanation."""
    host = service.get_host(camp, host_id)
    if not service.manages_host(session, principal, camp, host):
        raise Forbidden(f"this key cannot rank applicants for host {host_id}")
    line = next(h for h in _host_lines(session, camp, [host]) if h.host.id == host.id)
    startups = [startup for _, startup in _applications(session, camp)]
    pairs = [
        row[0] for row in scored_pairs(session, matcher, startups, [(line.kind, line.profile)])
    ]
    ranking = service.rankings(session, camp)[host.id]
    position = {sid: n + 1 for n, sid in enumerate(ranking)}
    lines = [
        RankLine(
            startup,
            position.get(startup.id),
            camp_score(pair),
            to_read(pair, facts_of(STARTUP.name, startup)),
        )
        for startup, pair in zip(startups, pairs, strict=True)
    ]
    unranked = len(lines) + 1  # not len() in the key: a list is empty while it sorts
    lines.sort(key=lambda r: (r.position or unranked, -r.score, r.startup.id))
    return HostPage(camp, line, lines)


def ranking_of(fields: dict[str, str], shown: list[str], accept_unranked: bool) -> RankingUpdate:
    """The ranking a form gives: ``rank-<startup id>`` numbers, blank for unranked; equal
    numbers keep the order the page showed them in. ``shown``: the startup ids the page
    listed, as the form sent them."""
    ranked: list[tuple[int, int, int]] = []
    for order, text in enumerate(shown):
        sid = whole_number(text)
        if sid is None:
            raise InvalidInput("shown", "a startup id written in digits")
        raw = fields.get(f"rank-{sid}", "").strip()
        if not raw:
            continue
        rank = whole_number(raw)
        if rank is None or not 1 <= rank <= 10_000:
            raise InvalidInput(f"rank-{sid}", "a whole number from 1, or blank for unranked")
        ranked.append((rank, order, sid))
    return RankingUpdate(
        startup_ids=[sid for _, _, sid in sorted(ranked)], accept_unranked=accept_unranked
    )


@dataclass(frozen=True)
class MeetingLine:
    starts: datetime  # in the camp's time zone
    ends: datetime
    startup_name: str
    host_name: str
    source: str


def schedule_lines(
    session: Session, principal: Principal, camp: Camp, lang: str = "en"
) -> tuple[ScheduleRead, list[MeetingLine]]:
    """The meetings the viewer may see, in the camp's local time (reasons in ``lang``)."""
    check_open(session, principal, camp)
    view = days.read(session, principal, camp, lang=lang)
    zone = ZoneInfo(camp.timezone)
    lines = [
        MeetingLine(
            m.starts_at.astimezone(zone),
            m.ends_at.astimezone(zone),
            m.startup_name,
            m.host_name,
            m.source,
        )
        for m in view.meetings
    ]
    return view, lines
