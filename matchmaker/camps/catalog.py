"""Finding camps (one filtered page at a time) and deleting one with everything it holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from matchmaker.access import policy
from matchmaker.access.principal import Principal
from matchmaker.camps import service
from matchmaker.camps.models import Camp, CampHost
from matchmaker.incubators.models import Incubator
from matchmaker.partners.models import Partner
from matchmaker.profiles.service import decode_cursor, encode_cursor


@dataclass(frozen=True)
class CampFilters:
    """What a camp list may be narrowed to; every filter given must hold."""

    incubator_id: int | None = None
    partner_id: int | None = None
    managed_by_me: bool = False
    hosted_by_me: bool = False
    starts_from: date | None = None
    starts_to: date | None = None


def hosted_clause(principal: Principal) -> ColumnElement[bool]:
    """Camps with a host the principal manages (its incubators, or its partner platforms)."""
    incubators = select(Incubator.id).where(policy.managed_clause(principal, "incubator"))
    partners = select(Partner.id).where(policy.managed_clause(principal, "partner"))
    return Camp.id.in_(
        select(CampHost.camp_id).where(
            or_(CampHost.incubator_id.in_(incubators), CampHost.partner_id.in_(partners))
        )
    )


def managed_clause(principal: Principal) -> ColumnElement[bool]:
    """Camps the principal runs: the ones its account created (an admin runs every camp)."""
    if principal.is_admin:
        return Camp.id.is_not(None)
    return Camp.owner_account_id == principal.account_id


def list_page(
    session: Session,
    principal: Principal,
    filters: CampFilters,
    limit: int,
    cursor: str | None,
) -> tuple[list[Camp], str | None]:
    """One page of camps in id order (stable: camps created meanwhile come after the cursor).

    Every key may read every camp (as ``GET /v1/camps/{id}`` does); the filters narrow it.
    """
    stmt = select(Camp).order_by(Camp.id).limit(limit + 1)
    for host_column, host_id in (
        (CampHost.incubator_id, filters.incubator_id),
        (CampHost.partner_id, filters.partner_id),
    ):
        if host_id is not None:
            stmt = stmt.where(Camp.id.in_(select(CampHost.camp_id).where(host_column == host_id)))
    if filters.managed_by_me:
        stmt = stmt.where(managed_clause(principal))
    if filters.hosted_by_me:
        stmt = stmt.where(hosted_clause(principal))
    if filters.starts_from is not None:
        stmt = stmt.where(Camp.starts_on >= filters.starts_from)
    if filters.starts_to is not None:
        stmt = stmt.where(Camp.starts_on <= filters.starts_to)
    if cursor is not None:
        stmt = stmt.where(Camp.id > decode_cursor(cursor))
    rows = list(session.scalars(stmt))
    next_cursor = encode_cursor(rows[limit - 1].id) if len(rows) > limit else None
    return rows[:limit], next_cursor


def for_people(session: Session, principal: Principal) -> list[Camp]:
    """The camps a person runs or hosts, newest start first (the web pages' list)."""
    stmt = (
        select(Camp)
        .where(or_(managed_clause(principal), hosted_clause(principal)))
        .order_by(Camp.starts_on.desc(), Camp.id.desc())
    )
    return list(session.scalars(stmt))


def delete_camp(session: Session, principal: Principal | None, camp: Camp) -> None:
    """Delete a camp (its manager or an admin): hosts, applications, rankings, runs,
    assignments and their audit go with it (the foreign keys cascade)."""
    service.check_manage_camp(principal, camp)
    session.delete(camp)
    session.flush()
