"""The authenticated caller of a request, and the dependency that finds it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from matchmaker.access.models import Role
from matchmaker.db import SessionDep
from matchmaker.errors import Unauthorized


@dataclass(frozen=True)
class Principal:
    """Who is calling: the account behind the key, its role, and what it is bound to."""

    account_id: int
    role: Role
    key_id: int
    incubator_ids: frozenset[int] = frozenset()
    partner_ids: frozenset[int] = frozenset()

    @property
    def is_admin(self) -> bool:
        return self.role is Role.admin


_bearer = HTTPBearer(
    auto_error=False,
    bearerFormat="mm_<prefix>_<secret>",
    description="An API key from `matchmaker keys create` or `POST /v1/keys`.",
)


def get_principal(
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The caller of this request; 401 without a usable key."""
    from matchmaker.access import service  # service imports Principal from here
    from matchmaker.access.cache import PrincipalCache

    if credentials is None:
        raise Unauthorized("send an API key: 'Authorization: Bearer mm_...'")
    cache: PrincipalCache | None = getattr(request.app.state, "principals", None)
    return service.authenticate(session, credentials.credentials, cache=cache)


PrincipalDep = Annotated[Principal, Depends(get_principal)]
# For `dependencies=` on routers: every route below it needs a key, used or not.
REQUIRE_KEY = [Depends(get_principal)]
