"""The object-level rules of matchmaker.access.policy, against the rules re-stated here as a
table (its module docstring), for every role, kind, ownership and binding."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

import pytest
from pydantic import BaseModel

from matchmaker.access import policy
from matchmaker.access.models import Role
from matchmaker.access.principal import Principal
from matchmaker.errors import Forbidden

KINDS = ("startup", "incubator", "partner", "scenario")
ME, SOMEONE = 1, 2
BOUND, UNBOUND = 10, 11


def _principal(role: Role, bound: bool) -> Principal:
    ids = frozenset({BOUND}) if bound else frozenset()
    return Principal(account_id=ME, role=role, key_id=5, incubator_ids=ids, partner_ids=ids)


def _profile(kind: str, owner: int | None, bound: bool) -> SimpleNamespace:
    # A scenario is reached through the partner that publishes it, the others by their id.
    ref = BOUND if bound else UNBOUND
    if kind == "scenario":
        return SimpleNamespace(id=99, owner_account_id=owner, publisher_partner_id=ref)
    return SimpleNamespace(id=ref, owner_account_id=owner, publisher_partner_id=None)


def _may_manage(role: Role, kind: str, owned: bool, bound: bool) -> bool:
    binding = {"incubator": Role.manager, "partner": Role.partner, "scenario": Role.partner}
    return role is Role.admin or owned or (bound and binding.get(kind) is role)


CASES = list(itertools.product(Role, KINDS, (ME, SOMEONE, None), (True, False)))


@pytest.mark.parametrize(("role", "kind", "owner", "bound"), CASES)
def test_who_manages_a_profile(role: Role, kind: str, owner: int | None, bound: bool) -> None:
    principal, obj = _principal(role, bound), _profile(kind, owner, bound)
    expected = _may_manage(role, kind, owner == ME, bound)
    assert policy.can_manage(principal, kind, obj) is expected
    if expected:
        policy.check_manage(principal, kind, obj)
    else:
        with pytest.raises(Forbidden) as refused:
            policy.check_manage(principal, kind, obj)
        assert refused.value.status_code == 403
        assert f"does not manage {kind} {obj.id}" in str(refused.value)


class _Body(BaseModel):
    name: str = "x"


@pytest.mark.parametrize(("role", "kind"), list(itertools.product(Role, KINDS)))
def test_who_may_create_each_kind(role: Role, kind: str) -> None:
    creators = {
        "startup": {Role.founder, Role.partner, Role.admin},
        "incubator": {Role.manager, Role.admin},
        "partner": {Role.partner, Role.admin},
        "scenario": {Role.partner, Role.admin},
    }
    principal = _principal(role, bound=False)
    if role in creators[kind]:
        policy.check_create(None, principal, kind, _Body())  # type: ignore[arg-type]
        return
    with pytest.raises(Forbidden) as refused:
        policy.check_create(None, principal, kind, _Body())  # type: ignore[arg-type]
    allowed = ", ".join(sorted(r.value for r in creators[kind]))
    assert str(refused.value) == (
        f"a {role.value} key cannot create a {kind}; roles that can: {allowed}"
    )


def test_a_new_profile_is_owned_by_the_callers_account() -> None:
    assert policy.owner_for_new(_principal(Role.founder, bound=False)) == ME
