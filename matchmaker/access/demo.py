"""Demo accounts for ``matchmaker seed-demo``: an admin, a founder, a manager and a platform.

Keys are shown once, so each run revokes the demo accounts' old keys and prints new ones.
The founder owns the first demo startup, the manager manages the first demo incubator and the
platform acts for the first demo partner, so the README's walk-through works with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from matchmaker.access import service
from matchmaker.access.models import Account, AccountIncubator, AccountPartner, ApiKey, Role
from matchmaker.db import utcnow
from matchmaker.incubators.models import Incubator
from matchmaker.partners.models import Partner
from matchmaker.startups.models import Startup

DEMO_ACCOUNTS = (
    ("demo-admin", Role.admin, "Demo admin"),
    ("demo-founder", Role.founder, "Demo founder"),
    ("demo-manager", Role.manager, "Demo incubator manager"),
    ("demo-partner", Role.partner, "Demo partner platform"),
)


@dataclass(frozen=True)
class DemoKey:
    role: Role
    name: str
    key: str
    scope: str


def issue_demo_keys(session: Session) -> list[DemoKey]:
    """Fresh keys for the demo accounts (created on first use); old demo keys are revoked."""
    startup = session.scalar(select(Startup).order_by(Startup.id).limit(1))
    incubator = session.scalar(select(Incubator).order_by(Incubator.id).limit(1))
    partner = session.scalar(select(Partner).order_by(Partner.id).limit(1))
    out = []
    for slug, role, name in DEMO_ACCOUNTS:
        account = session.scalar(select(Account).where(Account.slug == slug))
        if account is None:
            account = service.create_account(session, role, name, slug=slug)
        scope = "everything"
        if role is Role.founder:
            scope = "no demo startup yet"
            if startup is not None:
                startup.owner_account_id = account.id
                scope = f"owns startup {startup.id} ({startup.name})"
        elif role is Role.manager:
            scope = "no demo incubator yet"
            if incubator is not None:
                _bind(session, AccountIncubator(account_id=account.id, incubator_id=incubator.id))
                scope = f"manages incubator {incubator.id} ({incubator.name})"
        elif role is Role.partner:
            scope = "no demo partner yet"
            if partner is not None:
                _bind(session, AccountPartner(account_id=account.id, partner_id=partner.id))
                scope = f"acts for partner {partner.id} ({partner.name})"
        for old in session.scalars(
            select(ApiKey).where(ApiKey.account_id == account.id, ApiKey.revoked_at.is_(None))
        ):
            old.revoked_at = utcnow()
        issued = service.issue_key(session, account, expires_in_days=None)
        out.append(DemoKey(role, name, issued.plaintext, scope))
    session.flush()
    return out


def _bind(session: Session, binding: AccountIncubator | AccountPartner) -> None:
    if session.get(type(binding), (binding.account_id, _target_id(binding))) is None:
        session.add(binding)
        session.flush()


def _target_id(binding: AccountIncubator | AccountPartner) -> int:
    return binding.incubator_id if isinstance(binding, AccountIncubator) else binding.partner_id
