"""Whose event is it: the accounts a profile belongs to, and the profiles an account has.

"Their profiles" means what an account owns (created with its keys) or is bound to (a
manager's incubators, a platform's partners and the scenarios those partners publish). An
admin's reach over everything does not make everything its own: admins get events for what
they own, like everyone else.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from matchmaker.access.models import AccountIncubator, AccountPartner
from matchmaker.kinds import BY_NAME, INCUBATOR, PARTNER, SCENARIO
from matchmaker.scenarios.models import Scenario


def accounts_of(session: Session, kind: str, profile_id: int) -> set[int]:
    """The accounts that own or are bound to one profile."""
    model = BY_NAME[kind].model
    row = session.get(model, profile_id)
    if row is None:
        return set()
    out = {row.owner_account_id} if row.owner_account_id else set()
    if kind == INCUBATOR.name:
        out |= set(
            session.scalars(
                select(AccountIncubator.account_id).where(AccountIncubator.incubator_id == row.id)
            )
        )
    partner_id = row.id if kind == PARTNER.name else None
    if isinstance(row, Scenario):
        partner_id = row.publisher_partner_id
    if partner_id is not None:
        out |= set(
            session.scalars(
                select(AccountPartner.account_id).where(AccountPartner.partner_id == partner_id)
            )
        )
    return out


def profiles_of(session: Session, account_id: int, kind: str) -> set[int]:
    """The ids of ``kind`` profiles an account owns or is bound to."""
    model = BY_NAME[kind].model
    clauses = [model.owner_account_id == account_id]
    partners = select(AccountPartner.partner_id).where(AccountPartner.account_id == account_id)
    if kind == INCUBATOR.name:
        clauses.append(
            model.id.in_(
                select(AccountIncubator.incubator_id).where(
                    AccountIncubator.account_id == account_id
                )
            )
        )
    elif kind == PARTNER.name:
        clauses.append(model.id.in_(partners))
    elif kind == SCENARIO.name:
        clauses.append(Scenario.publisher_partner_id.in_(partners))
    return set(session.scalars(select(model.id).where(or_(*clauses))))
