"""Routes for API keys: create (admin), list, who am I, rotate, revoke."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, status

from matchmaker.access import service
from matchmaker.access.models import Account, ApiKey, Role
from matchmaker.access.principal import PrincipalDep
from matchmaker.access.schemas import KeyCreate, KeyIssued, KeyRead, KeyRotate, Me
from matchmaker.db import SessionDep
from matchmaker.errors import Conflict, Forbidden, NotFound, Unauthorized, error_responses
from matchmaker.params import PathId
from matchmaker.platform.routes import OneHopRoute

router = APIRouter(route_class=OneHopRoute, prefix="/v1/keys", tags=["keys"])
# The rotate body is optional but never null: a generated client cannot send "no body" for
# an optional anyOf [KeyRotate, null], so the schema says KeyRotate with this default.
DEFAULT_ROTATION = KeyRotate()


def _read(key: ApiKey, account: Account) -> KeyRead:
    return KeyRead(
        id=key.id,
        account_id=account.id,
        role=Role(account.role),
        name=account.name,
        prefix=key.prefix,
        created_at=key.created_at,
        expires_at=key.expires_at,
        revoked_at=key.revoked_at,
        last_used_at=key.last_used_at,
    )


def _issued(issued: service.IssuedKey) -> KeyIssued:
    return KeyIssued(
        **_read(issued.key, issued.account).model_dump(),
        key=issued.plaintext,
        incubator_ids=list(issued.incubator_ids),
        partner_ids=list(issued.partner_ids),
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=KeyIssued,
    responses=error_responses(Unauthorized, Forbidden),
)
def create_key(session: SessionDep, principal: PrincipalDep, body: KeyCreate) -> KeyIssued:
    """Create an account and its first key (admin only); the key is shown once."""
    service.require_admin(principal, "create keys")
    issued = service.create_key(
        session, body.role, body.name, body.incubator_ids, body.partner_ids, body.expires_in_days
    )
    return _issued(issued)


@router.get("", response_model=list[KeyRead], responses=error_responses(Unauthorized))
def list_keys(session: SessionDep, principal: PrincipalDep) -> list[KeyRead]:
    """Every key (admin) or your own account's keys, revoked ones included; never secrets."""
    return [_read(k, a) for k, a in service.list_keys(session, principal)]


@router.get("/me", response_model=Me, responses=error_responses(Unauthorized))
def me(session: SessionDep, principal: PrincipalDep) -> Me:
    """Who this key is: account, role, bound incubators and partners."""
    key = service.get_key(session, principal, principal.key_id)
    account = session.get(Account, principal.account_id)
    assert account is not None
    return Me(
        account_id=account.id,
        role=principal.role,
        name=account.name,
        incubator_ids=sorted(principal.incubator_ids),
        partner_ids=sorted(principal.partner_ids),
        key=_read(key, account),
    )


@router.post(
    "/{key_id:int}/rotate",
    status_code=status.HTTP_201_CREATED,
    response_model=KeyIssued,
    responses=error_responses(Unauthorized, NotFound, Conflict),
)
def rotate_key(
    session: SessionDep,
    principal: PrincipalDep,
    key_id: PathId,
    body: Annotated[KeyRotate, Body()] = DEFAULT_ROTATION,
) -> KeyIssued:
    """Replace one of your keys: a new key is returned (once) and the old one is revoked."""
    return _issued(service.rotate(session, principal, key_id, body.expires_in_days))


@router.delete(
    "/{key_id:int}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=error_responses(Unauthorized, NotFound),
)
def revoke_key(session: SessionDep, principal: PrincipalDep, key_id: PathId) -> None:
    """Revoke one of your keys (any key, for an admin); it fails from the next request on."""
    service.revoke(session, principal, key_id)
