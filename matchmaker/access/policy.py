"""Every object-level rule in one place: who may create, change and act for each profile.

Reading public profile fields needs only a valid key. Changing a profile, seeing its private
fields and acting on its matches needs *managing* it:

- admin: everything;
- the profile's owner (the account whose key created it);
- a manager: the incubators its account is bound to;
- a partner platform: the partners it is bound to, and scenarios those partners publish.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sqlalchemy import ColumnElement, false, or_, select, true
from sqlalchemy.orm import Session

from matchmaker.access.models import Role
from matchmaker.access.principal import Principal
from matchmaker.error_schemas import AccessDetail
from matchmaker.errors import Forbidden
from matchmaker.incubators.models import Incubator
from matchmaker.partners.models import Partner
from matchmaker.scenarios.models import Scenario
from matchmaker.startups.models import Startup

# Which roles may create each kind of profile.
CREATORS: dict[str, frozenset[Role]] = {
    "startup": frozenset({Role.founder, Role.partner, Role.admin}),
    "incubator": frozenset({Role.manager, Role.admin}),
    "partner": frozenset({Role.partner, Role.admin}),
    "scenario": frozenset({Role.partner, Role.admin}),
}

MODELS: dict[str, Any] = {
    "startup": Startup,
    "incubator": Incubator,
    "partner": Partner,
    "scenario": Scenario,
}


def can_manage(principal: Principal, kind: str, obj: Any) -> bool:
    """May ``principal`` change ``obj``, see its private fields and act on its matches?"""
    if principal.is_admin or obj.owner_account_id == principal.account_id:
        return True
    if kind == "incubator":
        return principal.role is Role.manager and obj.id in principal.incubator_ids
    if kind == "partner":
        return principal.role is Role.partner and obj.id in principal.partner_ids
    if kind == "scenario":
        return principal.role is Role.partner and obj.publisher_partner_id in principal.partner_ids
    return False


def managed_clause(principal: Principal, kind: str) -> ColumnElement[bool]:
    """The same rule as ``can_manage``, as a WHERE clause on ``kind``'s table."""
    model = MODELS[kind]
    if principal.is_admin:
        return true()
    owned = model.owner_account_id == principal.account_id
    bound: ColumnElement[bool] = false()
    if kind == "incubator" and principal.role is Role.manager and principal.incubator_ids:
        bound = model.id.in_(sorted(principal.incubator_ids))
    elif kind in ("partner", "scenario") and principal.role is Role.partner:
        column = model.id if kind == "partner" else model.publisher_partner_id
        if principal.partner_ids:
            bound = column.in_(sorted(principal.partner_ids))
    return or_(owned, bound)


def check_create(session: Session, principal: Principal, kind: str, body: BaseModel) -> None:
    """403 unless the role may create ``kind`` and may speak for any partner it names."""
    if principal.role not in CREATORS[kind]:
        allowed = ", ".join(sorted(r.value for r in CREATORS[kind]))
        raise Forbidden(
            f"{_a(principal.role.value)} key cannot create {_a(kind)}; roles that can: {allowed}",
            AccessDetail(role=principal.role.value, kind=kind),
        )
    _check_publisher(session, principal, kind, body.model_dump())


def _a(noun: str) -> str:
    """``noun`` with its indefinite article: "an incubator", "a startup"."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def check_update(
    session: Session, principal: Principal, kind: str, obj: Any, patch: BaseModel
) -> None:
    """403 unless the caller manages ``obj`` (and any partner the patch names)."""
    check_manage(principal, kind, obj)
    _check_publisher(session, principal, kind, patch.model_dump(exclude_unset=True))


def check_manage(principal: Principal, kind: str, obj: Any) -> None:
    """403 unless the caller manages ``obj``."""
    if not can_manage(principal, kind, obj):
        raise Forbidden(
            f"this key does not manage {kind} {obj.id}",
            AccessDetail(role=principal.role.value, kind=kind, id=obj.id),
        )


def owner_for_new(principal: Principal) -> int:
    """The account that will own a profile this principal creates."""
    return principal.account_id


def _check_publisher(
    session: Session, principal: Principal, kind: str, values: dict[str, Any]
) -> None:
    # Naming a partner as a scenario's publisher speaks for that partner, by id or by name: a
    # free-text name that is a partner's (case and spacing aside) reads as that partner's to
    # everyone, so it takes the same right as the id.
    publisher = values.get("publisher") if kind == "scenario" else None
    if publisher is None or principal.is_admin:
        return
    if isinstance(publisher, int):
        partner = session.get(Partner, publisher)
        named = [] if partner is None else [partner]
    else:
        named = partners_named(session, str(publisher))
    if named and not any(can_manage(principal, "partner", p) for p in named):
        first = named[0].id
        how = "" if isinstance(publisher, int) else f" (the name {publisher!r} is its name)"
        raise Forbidden(
            f"this key cannot publish scenarios for partner {first}{how}",
            AccessDetail(role=principal.role.value, kind="partner", id=first),
        )


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def partners_named(session: Session, name: str) -> list[Partner]:
    """The partners whose name is ``name``, ignoring case and runs of spaces."""
    words = name.split()
    if not words:
        return []
    # LIKE narrows to names of the same words in the same order; the exact test is in Python
    # (SQLite's LIKE folds ASCII case only, and % would also match other text between words).
    escaped = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words]
    pattern = "%".join(escaped)
    found = session.scalars(select(Partner).where(Partner.name.ilike(pattern, escape="\\")))
    return [p for p in found if _name_key(p.name) == _name_key(name)]
