"""The object-level rules of matchmaker.access.policy, against the rules re-stated here as a
table (its module docstring), for every role, kind, ownership and binding."""

from __future__ import annotations

import itertools
from types import SimpleNamespace
from typing import Any

import pytest
from pydantic import BaseModel
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from matchmaker.access import policy
from matchmaker.access.models import Account, Role
from matchmaker.access.principal import Principal
from matchmaker.config import Settings
from matchmaker.error_schemas import AccessDetail
from matchmaker.errors import Forbidden
from matchmaker.incubators import service as incubators
from matchmaker.incubators.schemas import IncubatorCreate
from matchmaker.partners import service as partners
from matchmaker.partners.models import Partner
from matchmaker.partners.schemas import PartnerCreate
from matchmaker.profiles import service as profiles
from matchmaker.scenarios import service as scenarios
from matchmaker.scenarios.schemas import ScenarioCreate, ScenarioUpdate
from matchmaker.startups import service as startups
from matchmaker.startups.schemas import StartupCreate
from tests.factories import incubator_body, partner_body, scenario_body, startup_body

KINDS = ("startup", "incubator", "partner", "scenario")
KIND_OF = {"startup": startups.KIND, "incubator": incubators.KIND, "partner": partners.KIND}
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
        assert refused.value.detail == AccessDetail(role=role.value, kind=kind, id=obj.id)


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
    article = "an" if kind == "incubator" else "a"
    assert str(refused.value) == (
        f"a {role.value} key cannot create {article} {kind}; roles that can: {allowed}"
    )
    assert refused.value.detail == AccessDetail(role=role.value, kind=kind)


def test_a_new_profile_is_owned_by_the_callers_account() -> None:
    assert policy.owner_for_new(_principal(Role.founder, bound=False)) == ME


def test_the_managed_clause_selects_what_can_manage_allows(
    settings: Settings, db_engine: Engine
) -> None:
    with Session(db_engine) as session, session.begin():
        me, other = Account(role="partner", name="me"), Account(role="founder", name="other")
        session.add_all([me, other])
        session.flush()
        owners = (me.id, other.id, None)
        rows: dict[str, list[Any]] = {"partner": [], "startup": [], "incubator": []}
        for owner in owners:
            for kind, make in (
                ("partner", lambda: PartnerCreate(**partner_body())),
                ("startup", lambda: StartupCreate(**startup_body())),
                ("incubator", lambda: IncubatorCreate(**incubator_body())),
            ):
                rows[kind].append(profiles.create(session, KIND_OF[kind], make(), owner))
        # Each scenario published by another partner than the one sharing its id, so that
        # binding by publisher and binding by id select different scenarios.
        publishers = rows["partner"][1:] + rows["partner"][:1]
        rows["scenario"] = [
            profiles.create(
                session, scenarios.KIND, ScenarioCreate(**scenario_body(publisher=p.id)), owner
            )
            for p, owner in zip(publishers, owners, strict=True)
        ]
        assert all(s.id != s.publisher_partner_id for s in rows["scenario"]), (
            "ids must differ from publishers"
        )
        bound = frozenset({rows["partner"][1].id, rows["incubator"][2].id})
        for role, scope in itertools.product(Role, (frozenset(), bound)):
            principal = Principal(me.id, role, key_id=1, incubator_ids=scope, partner_ids=scope)
            for kind in KINDS:
                model = policy.MODELS[kind]
                clause = policy.managed_clause(principal, kind)
                selected = set(session.scalars(select(model.id).where(clause)))
                expected = {
                    o.id
                    for o in rows[kind]
                    if _may_manage(
                        role,
                        kind,
                        o.owner_account_id == me.id,
                        (o.publisher_partner_id if kind == "scenario" else o.id) in scope,
                    )
                }
                assert selected == expected, (role, kind, scope)
                assert expected == {
                    o.id for o in rows[kind] if policy.can_manage(principal, kind, o)
                }


def test_naming_a_publisher_speaks_for_that_partner(settings: Settings, db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        mine, theirs = (
            profiles.create(session, partners.KIND, PartnerCreate(**partner_body()))
            for _ in range(2)
        )
        platform = Principal(1, Role.partner, key_id=1, partner_ids=frozenset({mine.id}))
        admin = Principal(2, Role.admin, key_id=2)
        for principal, publisher in [
            (platform, mine.id),
            (platform, "Tianjin Auto Works"),  # a name speaks for no partner profile
            (platform, 10**9),  # no such partner: the scenario's own check refuses it
            (admin, theirs.id),
        ]:
            body = ScenarioCreate(**scenario_body(publisher=publisher))
            policy.check_create(session, principal, "scenario", body)
        body = ScenarioCreate(**scenario_body(publisher=theirs.id))
        with pytest.raises(
            Forbidden, match=f"cannot publish scenarios for partner {theirs.id}"
        ) as refused:
            policy.check_create(session, platform, "scenario", body)
        assert refused.value.detail == AccessDetail(role="partner", kind="partner", id=theirs.id)
        scenario = profiles.create(
            session, scenarios.KIND, ScenarioCreate(**scenario_body(publisher=mine.id))
        )
        moved = ScenarioUpdate.model_validate({"publisher": theirs.id})
        with pytest.raises(Forbidden):
            policy.check_update(session, platform, "scenario", scenario, moved)
        policy.check_update(session, platform, "scenario", scenario, ScenarioUpdate())
        # Only a scenario names a publisher: the same field elsewhere means nothing here.
        policy.check_create(session, platform, "partner", _Publisher(publisher=theirs.id))


def test_a_publisher_name_that_is_a_partners_name_speaks_for_that_partner(
    settings: Settings, db_engine: Engine
) -> None:
    with Session(db_engine) as session, session.begin():
        mine, theirs = (
            profiles.create(session, partners.KIND, PartnerCreate(**partner_body()))
            for _ in range(2)
        )
        platform = Principal(1, Role.partner, key_id=1, partner_ids=frozenset({mine.id}))
        mine_name, their_name = (session.get_one(Partner, p.id).name for p in (mine, theirs))
        admin = Principal(2, Role.admin, key_id=2)
        shouted = "  ".join(their_name.upper().split())  # case and spacing aside, theirs
        for publisher in (their_name, shouted):
            body = ScenarioCreate(**scenario_body(publisher=publisher))
            with pytest.raises(Forbidden, match=f"for partner {theirs.id} ") as refused:
                policy.check_create(session, platform, "scenario", body)
            assert refused.value.detail == AccessDetail(
                role="partner", kind="partner", id=theirs.id
            )
            policy.check_create(session, admin, "scenario", body)
        # Its own name, a name no partner has, and a LIKE wildcard that is only text.
        for publisher in (mine_name.lower(), "Tianjin Auto Works", "Partner%", "Partner_"):
            body = ScenarioCreate(**scenario_body(publisher=publisher))
            policy.check_create(session, platform, "scenario", body)
        scenario = profiles.create(
            session, scenarios.KIND, ScenarioCreate(**scenario_body(publisher=mine.id))
        )
        renamed = ScenarioUpdate.model_validate({"publisher": their_name})
        with pytest.raises(Forbidden):
            policy.check_update(session, platform, "scenario", scenario, renamed)


class _Publisher(BaseModel):
    publisher: int
