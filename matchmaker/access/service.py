"""Accounts and keys: mint, authenticate, rotate, revoke. Flushes, never commits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session, load_only

from matchmaker.access import keys, sessions
from matchmaker.access.cache import PrincipalCache
from matchmaker.access.models import Account, AccountIncubator, AccountPartner, ApiKey, Role
from matchmaker.access.principal import Principal
from matchmaker.db import utcnow
from matchmaker.error_schemas import AccessDetail, ResourceRef
from matchmaker.errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthorized
from matchmaker.incubators.models import Incubator
from matchmaker.partners.models import Partner

# last_used_at is written at most this often per key, so reads stay reads.
LAST_USED_GRANULARITY = timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedKey:
    """A key row and its plaintext, which exists only in this object and the response."""

    key: ApiKey
    account: Account
    plaintext: str
    incubator_ids: tuple[int, ...]
    partner_ids: tuple[int, ...]


_STATE = select(ApiKey.revoked_at, ApiKey.expires_at, ApiKey.last_used_at).where(
    ApiKey.id == bindparam("id")
)


def authenticate(
    session: Session,
    plaintext: str,
    now: datetime | None = None,
    cache: PrincipalCache | None = None,
) -> Principal:
    """The principal behind a key; 401 if it is malformed, unknown, revoked or expired.

    With a ``cache``, a key verified before costs one query: its revocation, expiry and
    last use are read again every time (``access.cache``)."""
    now = now or utcnow()
    plaintext = plaintext.strip()
    cached = cache.get(plaintext) if cache is not None else None
    if cached is not None:
        # State only: the secret was verified when the key was cached. Read as plain
        # columns (an ORM object per request cost more than the query).
        state = session.execute(_STATE, {"id": cached.key_id}).one_or_none()
        if state is None:  # deleted, with its account
            raise Unauthorized("unknown API key")
        _check_usable(state.revoked_at, state.expires_at, now)
        if state.last_used_at is None or now - state.last_used_at >= LAST_USED_GRANULARITY:
            # Written with the request's own first flush, not now: an UPDATE here would lock
            # the key's row for the whole request and queue every concurrent request of the
            # same key behind it.
            key = session.get(ApiKey, cached.key_id, options=[load_only(ApiKey.last_used_at)])
            if key is not None:
                key.last_used_at = now
        return cached
    parts = keys.split(plaintext)
    key = session.scalar(select(ApiKey).where(ApiKey.prefix == parts[0])) if parts else None
    if parts is None or key is None or not keys.matches(parts[1], key.secret_hash):
        raise Unauthorized("unknown API key")
    _check_usable(key.revoked_at, key.expires_at, now)
    if key.last_used_at is None or now - key.last_used_at >= LAST_USED_GRANULARITY:
        key.last_used_at = now
    account = session.get(Account, key.account_id)
    if account is None:  # the FK cascades keys away with their account
        raise Unauthorized("unknown API key")
    principal = principal_of(session, account, key.id)
    if cache is not None:
        cache.put(plaintext, principal)
    return principal


def _check_usable(revoked_at: datetime | None, expires_at: datetime | None, now: datetime) -> None:
    if revoked_at is not None:
        raise Unauthorized("this API key was revoked")
    if expires_at is not None and now >= expires_at:
        raise Unauthorized(f"this API key expired at {expires_at.isoformat()}")


def principal_of(session: Session, account: Account, key_id: int) -> Principal:
    incubators = session.scalars(
        select(AccountIncubator.incubator_id).where(AccountIncubator.account_id == account.id)
    )
    partners = session.scalars(
        select(AccountPartner.partner_id).where(AccountPartner.account_id == account.id)
    )
    return Principal(
        account_id=account.id,
        role=Role(account.role),
        key_id=key_id,
        incubator_ids=frozenset(incubators),
        partner_ids=frozenset(partners),
    )


def create_account(
    session: Session,
    role: Role,
    name: str = "",
    incubator_ids: Iterable[int] = (),
    partner_ids: Iterable[int] = (),
    slug: str | None = None,
) -> Account:
    """A new account bound to the incubators (managers) or partners (platforms) it names."""
    incubator_ids, partner_ids = sorted(set(incubator_ids)), sorted(set(partner_ids))
    if incubator_ids and role is not Role.manager:
        raise InvalidInput("incubator_ids", "only a manager key is bound to incubators")
    if partner_ids and role is not Role.partner:
        raise InvalidInput("partner_ids", "only a partner-platform key is bound to partners")
    _require_existing(session, Incubator, "incubator_ids", incubator_ids)
    _require_existing(session, Partner, "partner_ids", partner_ids)
    account = Account(role=role.value, name=name, slug=slug)
    session.add(account)
    session.flush()
    session.add_all(AccountIncubator(account_id=account.id, incubator_id=i) for i in incubator_ids)
    session.add_all(AccountPartner(account_id=account.id, partner_id=p) for p in partner_ids)
    session.flush()
    return account


def issue_key(session: Session, account: Account, expires_in_days: int | None) -> IssuedKey:
    """A new key for an existing account."""
    new = keys.mint()
    now = utcnow()
    expires_at = now + timedelta(days=expires_in_days) if expires_in_days else None
    key = ApiKey(
        account_id=account.id,
        prefix=new.prefix,
        secret_hash=new.secret_hash,
        created_at=now,
        expires_at=expires_at,
    )
    session.add(key)
    session.flush()
    bound = principal_of(session, account, key.id)
    return IssuedKey(
        key,
        account,
        new.plaintext,
        tuple(sorted(bound.incubator_ids)),
        tuple(sorted(bound.partner_ids)),
    )


def create_key(
    session: Session,
    role: Role,
    name: str = "",
    incubator_ids: Iterable[int] = (),
    partner_ids: Iterable[int] = (),
    expires_in_days: int | None = None,
) -> IssuedKey:
    """A new account of ``role`` and its first key."""
    account = create_account(session, role, name, incubator_ids, partner_ids)
    return issue_key(session, account, expires_in_days)


def get_key(session: Session, principal: Principal, key_id: int) -> ApiKey:
    """A key the caller may see: its own account's, or any for an admin; else 404."""
    key = session.get(ApiKey, key_id)
    if key is None or not (principal.is_admin or key.account_id == principal.account_id):
        raise NotFound(f"no key with id {key_id}", ResourceRef(kind="key", id=key_id))
    return key


def revoke(session: Session, principal: Principal, key_id: int) -> ApiKey:
    """Revoke a key now; revoking a revoked key changes nothing."""
    key = get_key(session, principal, key_id)
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        sessions.end_for_key(session, key.id, key.revoked_at)
        session.flush()
    return key


def rotate(
    session: Session, principal: Principal, key_id: int, expires_in_days: int | None
) -> IssuedKey:
    """Issue a replacement key for the same account and revoke the old one."""
    key = get_key(session, principal, key_id)
    if key.revoked_at is not None:
        raise Conflict(
            f"key {key_id} is revoked; only a live key can be rotated",
            ResourceRef(kind="key", id=key_id),
        )
    account = session.get(Account, key.account_id)
    assert account is not None  # FK
    if expires_in_days is None and key.expires_at is not None:
        # Keep the old key's lifetime, counted from now.
        expires_in_days = max(1, (key.expires_at - key.created_at).days)
    issued = issue_key(session, account, expires_in_days)
    key.revoked_at = utcnow()
    sessions.end_for_key(session, key.id, key.revoked_at)
    session.flush()
    return issued


def list_keys(session: Session, principal: Principal) -> list[tuple[ApiKey, Account]]:
    """Every key an admin may see, or the caller's own account's keys."""
    stmt = select(ApiKey, Account).join(Account, Account.id == ApiKey.account_id)
    if not principal.is_admin:
        stmt = stmt.where(ApiKey.account_id == principal.account_id)
    return [(k, a) for k, a in session.execute(stmt.order_by(ApiKey.id))]


def require_admin(principal: Principal, what: str) -> None:
    if not principal.is_admin:
        raise Forbidden(f"only an admin key may {what}", AccessDetail(role=principal.role.value))


def _require_existing(
    session: Session, model: type[Incubator] | type[Partner], field: str, ids: list[int]
) -> None:
    if not ids:
        return
    found = set(session.scalars(select(model.id).where(model.id.in_(ids))))
    missing = [i for i in ids if i not in found]
    if missing:
        raise InvalidInput(field, f"no {model.__tablename__} with id {missing[0]}")


def lock_account(session: Session, account_id: int) -> None:
    """Hold the account's row until the transaction ends, so a count of what it owns stays
    true until the insert that the count allowed commits (per-account caps).

    PostgreSQL locks the row (SELECT ... FOR NO KEY UPDATE): a second transaction waits here,
    then counts what the first committed; inserts elsewhere that merely reference the account
    (its foreign keys) do not wait. SQLite ignores FOR UPDATE, and its driver opens the
    transaction only at the first write, so two counts could still both run before either
    insert: a write that changes nothing takes the database's one write lock now instead.
    """
    if session.get_bind().dialect.name == "postgresql":
        stmt = select(Account.id).where(Account.id == account_id)
        session.execute(stmt.with_for_update(key_share=True))
    else:
        session.execute(text("UPDATE account SET id = id WHERE id = :id"), {"id": account_id})
