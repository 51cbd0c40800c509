"""Camps, applications, host rankings and audited manual adjustments.

Who may do what: any key reads a camp; managers and admins create camps; the camp's creator
(or an admin) allocates, adjusts and sees every result; a host's own manager (or partner
platform) may rank the applicants for that host; a founder applies the startups it manages.
``principal=None`` is the local operator (the CLI), who may do everything.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from matchmaker.access import policy
from matchmaker.access.models import Role
from matchmaker.access.principal import Principal
from matchmaker.camps import rules
from matchmaker.camps.applicants import applicant_ids as applicant_ids
from matchmaker.camps.applicants import check_room, count_applications
from matchmaker.camps.errors import NoFreePlace
from matchmaker.camps.market import Applicant, Eligibility
from matchmaker.camps.models import (
    Camp,
    CampApplication,
    CampAssignment,
    CampAssignmentEvent,
    CampHost,
    CampHostRanking,
)
from matchmaker.camps.schemas import (
    ApplicationCreate,
    ApplicationRead,
    AssignmentUpdate,
    CampCreate,
    CampHostRead,
    CampRead,
    DayPlanIn,
    EligibilityIn,
    HostRef,
    QuotaIn,
    RankingRead,
    RankingUpdate,
)
from matchmaker.error_schemas import AccessDetail, PlacesDetail, ResourceRef
from matchmaker.errors import Conflict, Duplicate, Forbidden, InvalidInput, NotFound
from matchmaker.incubators.models import Incubator
from matchmaker.partners.models import Partner
from matchmaker.startups.models import Startup

HOST_MODELS: dict[str, Any] = {"incubator": Incubator, "partner": Partner}
CAMP_CREATORS = frozenset({Role.manager, Role.admin})


# -- permissions ------------------------------------------------------------------------
def manages_camp(principal: Principal | None, camp: Camp) -> bool:
    return principal is None or principal.is_admin or camp.owner_account_id == principal.account_id


def check_manage_camp(principal: Principal | None, camp: Camp) -> None:
    if not manages_camp(principal, camp):
        raise Forbidden(
            f"this key does not manage camp {camp.id}", AccessDetail(kind="camp", id=camp.id)
        )


def manages_host(session: Session, principal: Principal | None, camp: Camp, host: CampHost) -> bool:
    if manages_camp(principal, camp):
        return True
    assert principal is not None
    kind, pid = host.profile
    row = session.get(HOST_MODELS[kind], pid)
    return row is not None and policy.can_manage(principal, kind, row)


def manages_startup(session: Session, principal: Principal | None, startup_id: int) -> bool:
    if principal is None or principal.is_admin:
        return True
    row = session.get(Startup, startup_id)
    return row is not None and policy.can_manage(principal, "startup", row)


# -- loading ----------------------------------------------------------------------------
def get_camp(session: Session, camp_id: int) -> Camp:
    camp = session.get(Camp, camp_id)
    if camp is None:
        raise NotFound(f"no camp {camp_id}", ResourceRef(kind="camp", id=camp_id))
    return camp


def host_rows(session: Session, camp: Camp) -> dict[int, Any]:
    """Camp host id -> its incubator or partner row."""
    return {h.id: session.get(HOST_MODELS[h.profile[0]], h.profile[1]) for h in camp.hosts}


def get_host(camp: Camp, host_id: int) -> CampHost:
    for host in camp.hosts:
        if host.id == host_id:
            return host
    raise NotFound(
        f"camp {camp.id} has no host {host_id}", ResourceRef(kind="camp_host", id=host_id)
    )


def eligibility_of(data: dict[str, Any] | None) -> Eligibility | None:
    if data is None:
        return None
    e = EligibilityIn.model_validate(data)
    return Eligibility(frozenset(e.domains), frozenset(e.stages), e.trl_min, e.trl_max)


def applicant_of(app: CampApplication, startup: Startup) -> Applicant:
    return Applicant(
        id=startup.id,
        domains=frozenset(startup.domains),
        stage=startup.stage,
        trl=startup.trl,
        attributes={"region": startup.region, "city": startup.city, "country": startup.country},
        ranking=tuple(app.host_preferences),
        accept_unranked=app.accept_unranked,
    )


# -- camps ------------------------------------------------------------------------------
def _host_id_of(camp: Camp, ref: HostRef) -> int:
    for host in camp.hosts:
        if (ref.incubator_id is not None and host.incubator_id == ref.incubator_id) or (
            ref.partner_id is not None and host.partner_id == ref.partner_id
        ):
            return host.id
    raise InvalidInput("host", f"{ref.model_dump(exclude_none=True)} is not a host of this camp")


def create_camp(session: Session, principal: Principal | None, data: CampCreate) -> Camp:
    """Create a camp with its hosts and places; the caller becomes its manager."""
    if principal is not None and principal.role not in CAMP_CREATORS:
        raise Forbidden(f"a {principal.role.value} key cannot create camps")
    rules.check(data)
    seen: set[tuple[str, int]] = set()
    for n, h in enumerate(data.hosts):
        kind, pid = ("incubator", h.incubator_id) if h.incubator_id else ("partner", h.partner_id)
        assert pid is not None
        if session.get(HOST_MODELS[kind], pid) is None:
            raise InvalidInput(f"hosts.{n}.{kind}_id", f"no {kind} {pid}")
        if (kind, pid) in seen:
            raise InvalidInput(f"hosts.{n}", f"{kind} {pid} is listed twice")
        seen.add((kind, pid))
    camp = Camp(
        name=data.name,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        location=data.location,
        timezone=data.timezone,
        eligibility=data.eligibility.model_dump(mode="json"),
        quotas=[q.model_dump(mode="json") for q in data.quotas],
        day_plan=data.day_plan.model_dump(mode="json"),
        owner_account_id=principal.account_id if principal else None,
        hosts=[
            CampHost(
                incubator_id=h.incubator_id,
                partner_id=h.partner_id,
                places=h.places,
                eligibility=h.eligibility.model_dump(mode="json") if h.eligibility else None,
                accept_unranked=h.accept_unranked,
            )
            for h in data.hosts
        ],
    )
    session.add(camp)
    session.flush()
    for n, q in enumerate(data.quotas):
        if q.host is not None:
            try:
                _host_id_of(camp, q.host)
            except InvalidInput:
                raise InvalidInput(f"quotas.{n}.host", "is not a host of this camp") from None
    return camp


def read_camp(session: Session, camp: Camp) -> CampRead:
    rows = host_rows(session, camp)
    return CampRead(
        id=camp.id,
        name=camp.name,
        starts_on=camp.starts_on,
        ends_on=camp.ends_on,
        location=camp.location,
        timezone=camp.timezone,
        hosts=[
            CampHostRead(
                id=h.id,
                incubator_id=h.incubator_id,
                partner_id=h.partner_id,
                name=rows[h.id].name,
                places=h.places,
                eligibility=EligibilityIn.model_validate(h.eligibility) if h.eligibility else None,
                accept_unranked=h.accept_unranked,
            )
            for h in camp.hosts
        ],
        eligibility=EligibilityIn.model_validate(camp.eligibility),
        quotas=[QuotaIn.model_validate(q) for q in camp.quotas],
        day_plan=DayPlanIn.model_validate(camp.day_plan),
        applications=count_applications(session, camp),
    )


# -- applications -----------------------------------------------------------------------
def preferences_of(camp: Camp, items: list[int | HostRef]) -> list[int]:
    """Camp host ids for the hosts an application names (profile ids or references)."""
    out: list[int] = []
    for n, item in enumerate(items):
        field = f"host_preferences.{n}"
        if isinstance(item, HostRef):
            host_id = _host_id_of(camp, item)
        else:
            hits = [h.id for h in camp.hosts if item in (h.incubator_id, h.partner_id)]
            if not hits:
                raise InvalidInput(field, f"no incubator or partner {item} hosts this camp")
            if len(hits) > 1:
                raise InvalidInput(
                    field,
                    f"{item} is both an incubator and a partner here; "
                    f'use {{"incubator_id": {item}}} or {{"partner_id": {item}}}',
                )
            host_id = hits[0]
        if host_id in out:
            raise InvalidInput(field, "this host is already listed")
        out.append(host_id)
    return out


def apply(
    session: Session,
    principal: Principal | None,
    camp: Camp,
    data: ApplicationCreate,
    *,
    max_applications: int,
) -> ApplicationRead:
    """A startup applies to the camp, optionally ranking the hosts it wants."""
    startup = session.get(Startup, data.startup_id)
    if startup is None:
        raise InvalidInput("startup_id", f"no startup {data.startup_id}")
    if not manages_startup(session, principal, startup.id):
        raise Forbidden(f"this key does not manage startup {startup.id}")
    prefs = preferences_of(camp, list(data.host_preferences))
    exists = session.scalar(
        select(CampApplication.id).where(
            CampApplication.camp_id == camp.id, CampApplication.startup_id == startup.id
        )
    )
    if exists is not None:
        raise Duplicate(f"startup {startup.id} has already applied to camp {camp.id}")
    check_room(session, camp, max_applications)
    app = CampApplication(
        camp_id=camp.id,
        startup_id=startup.id,
        host_preferences=prefs,
        accept_unranked=data.accept_unranked,
        applicant_account_id=principal.account_id if principal else None,
    )
    session.add(app)
    session.flush()
    return read_application(camp, app, startup)


def read_application(camp: Camp, app: CampApplication, startup: Startup) -> ApplicationRead:
    applicant = applicant_of(app, startup)
    camp_rule = eligibility_of(camp.eligibility) or Eligibility()
    eligible = [
        h.id
        for h in camp.hosts
        if camp_rule.admits(applicant)
        and ((rule := eligibility_of(h.eligibility)) is None or rule.admits(applicant))
    ]
    return ApplicationRead(
        id=app.id,
        camp_id=camp.id,
        startup_id=startup.id,
        host_preferences=app.host_preferences,
        accept_unranked=app.accept_unranked,
        eligible_host_ids=eligible,
        created_at=app.created_at,
    )


# -- host rankings ----------------------------------------------------------------------
def set_ranking(
    session: Session, principal: Principal | None, camp: Camp, host_id: int, data: RankingUpdate
) -> RankingRead:
    """Replace a host's ranking of the camp's applicants."""
    host = get_host(camp, host_id)
    if not manages_host(session, principal, camp, host):
        raise Forbidden(f"this key cannot rank applicants for host {host_id}")
    applicants = applicant_ids(session, camp)
    seen: set[int] = set()
    for n, sid in enumerate(data.startup_ids):
        if sid not in applicants:
            raise InvalidInput(f"startup_ids.{n}", f"startup {sid} has not applied to this camp")
        if sid in seen:
            raise InvalidInput(f"startup_ids.{n}", f"startup {sid} is listed twice")
        seen.add(sid)
    session.execute(delete(CampHostRanking).where(CampHostRanking.camp_host_id == host.id))
    session.flush()
    session.add_all(
        CampHostRanking(camp_host_id=host.id, position=p, startup_id=s)
        for p, s in enumerate(data.startup_ids)
    )
    host.accept_unranked = data.accept_unranked
    session.flush()
    return RankingRead(
        camp_id=camp.id,
        host_id=host.id,
        startup_ids=list(data.startup_ids),
        accept_unranked=host.accept_unranked,
    )


def rankings(session: Session, camp: Camp) -> dict[int, list[int]]:
    """Camp host id -> startup ids, best first."""
    rows = session.scalars(
        select(CampHostRanking)
        .where(CampHostRanking.camp_host_id.in_([h.id for h in camp.hosts]))
        .order_by(CampHostRanking.camp_host_id, CampHostRanking.position)
    )
    out: dict[int, list[int]] = {h.id: [] for h in camp.hosts}
    for row in rows:
        out[row.camp_host_id].append(row.startup_id)
    return out


# -- manual adjustments -----------------------------------------------------------------
def adjust(
    session: Session,
    principal: Principal | None,
    camp: Camp,
    startup_id: int,
    data: AssignmentUpdate,
) -> CampAssignment:
    """Move and/or lock one startup's assignment; audited, and kept by later runs if locked."""
    check_manage_camp(principal, camp)
    if startup_id not in applicant_ids(session, camp):
        raise NotFound(f"startup {startup_id} has not applied to camp {camp.id}")
    row = session.get(CampAssignment, (camp.id, startup_id))
    before_host = row.camp_host_id if row else None
    before_locked = row.locked if row else False
    target = before_host if data.host_id is None else get_host(camp, data.host_id).id
    if target is None:
        raise Conflict(f"startup {startup_id} is not placed; give host_id to place it")
    if target != before_host:
        taken = session.scalar(
            select(func.count())
            .select_from(CampAssignment)
            .where(CampAssignment.camp_host_id == target)
        )
        host = get_host(camp, target)
        if (taken or 0) >= host.places:
            raise NoFreePlace(
                f"host {target} has no free place ({host.places} taken); move someone out first",
                PlacesDetail(host_id=target, places=host.places),
            )
    if row is None:
        row = CampAssignment(camp_id=camp.id, startup_id=startup_id, camp_host_id=target)
        session.add(row)
    row.camp_host_id = target
    row.locked = before_locked if data.locked is None else data.locked
    if target != before_host:
        row.source = "manager"
    elif row.source is None:
        row.source = "allocation"
    session.add(
        CampAssignmentEvent(
            camp_id=camp.id,
            startup_id=startup_id,
            actor_account_id=principal.account_id if principal else None,
            from_host_id=before_host,
            to_host_id=target,
            locked_before=before_locked,
            locked_after=row.locked,
            note=data.note,
        )
    )
    session.flush()
    return row


def events(session: Session, principal: Principal | None, camp: Camp) -> list[CampAssignmentEvent]:
    """Every manual change to the camp's assignments, oldest first."""
    check_manage_camp(principal, camp)
    return list(
        session.scalars(
            select(CampAssignmentEvent)
            .where(CampAssignmentEvent.camp_id == camp.id)
            .order_by(CampAssignmentEvent.id)
        )
    )
