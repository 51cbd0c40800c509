"""The matchmaking-day schedule of a camp: allocated and connected pairs, as JSON or iCalendar.

Pairs are the camp's current assignments plus every *connected* match (both sides accepted,
see the review workflow) between an applicant and one of the camp's host profiles. The
schedule is computed on demand from those pairs and the camp's day plan, so it follows every
re-run and manual adjustment, and is the same for the same data.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any, Literal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from matchmaker.access.principal import Principal
from matchmaker.camps import ics, service, wording
from matchmaker.camps.models import Camp, CampAssignment
from matchmaker.camps.runs import visible
from matchmaker.camps.schedule import N_, DayPlan, Meeting, Schedule, schedule
from matchmaker.camps.schemas import (
    MAX_CAMP_DAYS,
    DayPlanIn,
    MeetingRead,
    ScheduleRead,
    UnscheduledRead,
)
from matchmaker.errors import Forbidden
from matchmaker.reviews.models import Match
from matchmaker.reviews.workflow import State
from matchmaker.startups.models import Startup


def day_plan(camp: Camp) -> DayPlan:
    """The camp's day plan; its days are the camp's, and at most its first MAX_CAMP_DAYS.

    Camps stored before that limit existed may be longer (one ran to 9999-12-31): making
    slots for each of their days took minutes and gigabytes. Their first MAX_CAMP_DAYS days
    have room for any realistic schedule; a pair that still finds no slot is listed as
    unscheduled, as on any full day plan.
    """
    plan = DayPlanIn.model_validate(camp.day_plan)
    length = min((camp.ends_on - camp.starts_on).days + 1, MAX_CAMP_DAYS)
    days = plan.days or [camp.starts_on + timedelta(days=n) for n in range(length)]
    breaks: tuple[tuple[time, time], ...] = tuple((a, b) for a, b in plan.breaks)
    return DayPlan(
        days=tuple(sorted(set(days))),
        start=plan.start,
        end=plan.end,
        slot_minutes=plan.slot_minutes,
        gap_minutes=plan.gap_minutes,
        breaks=breaks,
        timezone=camp.timezone,
        max_per_host_per_day=plan.max_per_host_per_day,
        max_per_startup_per_day=plan.max_per_startup_per_day,
    )


def pairs(
    session: Session, camp: Camp
) -> dict[tuple[int, int], Literal["allocation", "connected"]]:
    """(startup id, camp host id) -> why they meet."""
    out: dict[tuple[int, int], Literal["allocation", "connected"]] = {}
    for row in session.scalars(select(CampAssignment).where(CampAssignment.camp_id == camp.id)):
        out[(row.startup_id, row.camp_host_id)] = "allocation"
    applicants = service.applicant_ids(session, camp)
    by_profile = {h.profile: h.id for h in camp.hosts}
    incubators = [h.incubator_id for h in camp.hosts if h.incubator_id is not None]
    partners = [h.partner_id for h in camp.hosts if h.partner_id is not None]
    if applicants and (incubators or partners):
        connected = session.scalars(
            select(Match).where(
                Match.state == State.connected.value,
                Match.startup_id.in_(sorted(applicants)),
                or_(Match.incubator_id.in_(incubators), Match.partner_id.in_(partners)),
            )
        )
        for m in connected:
            key = ("incubator", m.incubator_id) if m.incubator_id else ("partner", m.partner_id)
            host_id = by_profile.get(key)  # type: ignore[arg-type]
            if host_id is not None:
                out.setdefault((m.startup_id, host_id), "connected")
    return out


def build(
    session: Session,
    principal: Principal | None,
    camp: Camp,
    startup_id: int | None = None,
    host_id: int | None = None,
) -> tuple[Schedule, list[Meeting], dict[str, Any]]:
    """The whole schedule, the meetings the caller asked for and may see, and display names."""
    if host_id is not None:
        service.get_host(camp, host_id)
    scope = visible(session, principal, camp)
    if scope is not None:
        if startup_id is not None and startup_id not in scope[0]:
            raise Forbidden(f"this key does not manage startup {startup_id} in this camp")
        if host_id is not None and host_id not in scope[1]:
            raise Forbidden(f"this key does not manage host {host_id} of this camp")
    sources = pairs(session, camp)
    result = schedule(sources, day_plan(camp))
    mine = [
        m
        for m in result.meetings
        if (startup_id is None or m.startup_id == startup_id)
        and (host_id is None or m.host_id == host_id)
        and (scope is None or m.startup_id in scope[0] or m.host_id in scope[1])
    ]
    hosts = service.host_rows(session, camp)
    ids = sorted({s for s, _ in sources})
    startups = {
        row.id: row.name
        for row in session.execute(select(Startup.id, Startup.name).where(Startup.id.in_(ids)))
    }
    names = {
        "startups": startups,
        "hosts": {h: row.name for h, row in hosts.items()},
        "sources": sources,
    }
    return result, mine, names


def read(
    session: Session,
    principal: Principal | None,
    camp: Camp,
    startup_id: int | None = None,
    host_id: int | None = None,
    lang: str = "en",
) -> ScheduleRead:
    """The schedule as JSON, limited to what the caller may see; reasons in ``lang``."""
    result, mine, names = build(session, principal, camp, startup_id, host_id)
    scope = visible(session, principal, camp)
    unscheduled = [
        u
        for u in result.unscheduled
        if scope is None or u.startup_id in scope[0] or u.host_id in scope[1]
    ]
    return ScheduleRead(
        camp_id=camp.id,
        timezone=camp.timezone,
        slots=len(result.slots),
        meetings=[
            MeetingRead(
                startup_id=m.startup_id,
                startup_name=names["startups"].get(m.startup_id, ""),
                host_id=m.host_id,
                host_name=names["hosts"].get(m.host_id, ""),
                slot=m.slot.index,
                starts_at=m.slot.starts_at,
                ends_at=m.slot.ends_at,
                source=names["sources"][(m.startup_id, m.host_id)],
            )
            for m in mine
        ],
        unscheduled=[
            UnscheduledRead(
                startup_id=u.startup_id, host_id=u.host_id, reason=wording.say(lang, u.reason)
            )
            for u in unscheduled
        ],
    )


MEETING_WITH = N_("Meeting with {name}")
MEETS = N_("{startup} meets {host}")
MATCHMAKING_DAY = N_("{camp}: matchmaking day ({day})")


def calendar(
    session: Session,
    principal: Principal | None,
    camp: Camp,
    startup_id: int | None = None,
    host_id: int | None = None,
    lang: str = "en",
) -> str:
    """The caller's meetings (or one participant's) as an iCalendar file, worded in ``lang``."""
    _, mine, names = build(session, principal, camp, startup_id, host_id)

    def host(m: Meeting) -> str:
        return str(names["hosts"].get(m.host_id, "host"))

    def startup(m: Meeting) -> str:
        return str(names["startups"].get(m.startup_id, "startup"))

    def title(m: Meeting) -> str:
        if startup_id is not None:
            return wording.say(lang, MEETING_WITH, name=host(m))
        if host_id is not None:
            return wording.say(lang, MEETING_WITH, name=startup(m))
        return wording.say(lang, MEETS, startup=startup(m), host=host(m))

    return ics.calendar(
        mine,
        camp_id=camp.id,
        camp_name=camp.name,
        location=camp.location,
        title=title,
        description=lambda m: wording.say(
            lang, MATCHMAKING_DAY, camp=camp.name, day=_day(m.slot.day)
        ),
    )


def _day(day: date) -> str:
    return day.isoformat()
