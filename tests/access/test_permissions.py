"""The permission matrix: every role × every profile kind × every action, through HTTP.

Each role works on profiles it owns or manages and on profiles that belong to someone else
(reached by id). Reads of public fields are open to every key; changes need ownership.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from fastapi.testclient import TestClient

from tests.conftest import KeyFactory
from tests.factories import BODIES

KINDS = ("startups", "incubators", "partners", "scenarios")
ROLES = ("founder", "manager", "partner", "admin")
# The specification: which roles may create which kind of profile.
CREATORS = {
    "startups": {"founder", "partner", "admin"},
    "incubators": {"manager", "admin"},
    "partners": {"partner", "admin"},
    "scenarios": {"partner", "admin"},
}


@dataclass
class World:
    headers: dict[str, dict[str, str]]
    own: dict[tuple[str, str], int] = field(default_factory=dict)  # (role, kind) -> id
    other: dict[str, int] = field(default_factory=dict)  # kind -> someone else's id


def _create(client: TestClient, kind: str, headers: dict[str, str], **body: object) -> int:
    r = client.post(f"/v1/{kind}", json=BODIES[kind](**body), headers=headers)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


@pytest.fixture
def world(client: TestClient, auth: KeyFactory) -> World:
    admin = dict(client.headers)
    bound_incubator = _create(client, "incubators", admin)
    bound_partner = _create(client, "partners", admin)
    w = World(
        headers={
            "admin": admin,
            "founder": auth("founder"),
            "manager": auth("manager", incubator_ids=[bound_incubator]),
            "partner": auth("partner", partner_ids=[bound_partner]),
        }
    )
    # Someone else's profiles: another founder's startup, another platform's partner and
    # scenario, an incubator nobody here manages.
    other_founder, other_platform = auth("founder"), auth("partner")
    w.other = {
        "startups": _create(client, "startups", other_founder),
        "incubators": _create(client, "incubators", admin),
        "partners": _create(client, "partners", other_platform),
        "scenarios": _create(client, "scenarios", other_platform),
    }
    w.own[("founder", "startups")] = _create(client, "startups", w.headers["founder"])
    w.own[("manager", "incubators")] = bound_incubator
    w.own[("partner", "partners")] = bound_partner
    w.own[("partner", "startups")] = _create(client, "startups", w.headers["partner"])
    w.own[("partner", "scenarios")] = _create(
        client, "scenarios", w.headers["partner"], publisher=bound_partner
    )
    for kind in KINDS:
        w.own[("admin", kind)] = _create(client, kind, admin)
    return w


def _expected(role: str, kind: str, action: str, world: World) -> int | None:
    if action == "create":
        return 201 if role in CREATORS[kind] else 403
    if action in ("list", "read"):
        return 200
    if action.endswith("_own"):
        if (role, kind) not in world.own:
            return None  # this role owns nothing of this kind
        return 204 if action == "delete_own" else 200
    if role == "admin":
        return 204 if action == "delete_other" else 200
    return 403


ACTIONS = ("create", "list", "read", "update_other", "delete_other", "update_own", "delete_own")


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client: TestClient, world: World, role: str) -> None:
    headers = world.headers[role]
    wrong: list[tuple[str, str, int | None, int]] = []
    for kind in KINDS:
        for action in ACTIONS:
            expected = _expected(role, kind, action, world)
            if expected is None:
                continue
            target = world.own.get((role, kind)) if action.endswith("_own") else world.other[kind]
            patch = {"description": f"changed by {role}"}
            if action == "create":
                r = client.post(f"/v1/{kind}", json=BODIES[kind](), headers=headers)
            elif action == "list":
                r = client.get(f"/v1/{kind}", headers=headers)
            elif action == "read":
                r = client.get(f"/v1/{kind}/{world.other[kind]}", headers=headers)
            elif action.startswith("update"):
                r = client.patch(f"/v1/{kind}/{target}", json=patch, headers=headers)
            else:
                r = client.delete(f"/v1/{kind}/{target}", headers=headers)
            if r.status_code != expected:
                wrong.append((kind, action, r.status_code, expected))
            if r.status_code == 403:
                assert r.json()["error"] == "forbidden"
    assert wrong == []


def test_refused_changes_leave_the_profile_unchanged(client: TestClient, world: World) -> None:
    startup = world.other["startups"]
    before = client.get(f"/v1/startups/{startup}").json()
    r = client.patch(
        f"/v1/startups/{startup}", json={"name": "Hijacked"}, headers=world.headers["founder"]
    )
    assert r.status_code == 403
    assert client.get(f"/v1/startups/{startup}").json() == before


def test_contact_details_are_never_in_public_reads(
    client: TestClient, world: World, auth: KeyFactory
) -> None:
    founder = world.headers["founder"]
    own = world.own[("founder", "startups")]
    for headers in (founder, auth("manager"), world.headers["admin"]):
        assert "contact_email" not in client.get(f"/v1/startups/{own}", headers=headers).json()
        listed = client.get("/v1/startups", headers=headers).json()["items"]
        assert listed
        assert all("contact_email" not in item for item in listed)


def test_a_partner_platform_cannot_publish_for_a_partner_it_does_not_act_for(
    client: TestClient, world: World
) -> None:
    platform = world.headers["partner"]
    foreign = world.other["partners"]
    body = BODIES["scenarios"](publisher=foreign)
    assert client.post("/v1/scenarios", json=body, headers=platform).status_code == 403
    own = world.own[("partner", "scenarios")]
    r = client.patch(f"/v1/scenarios/{own}", json={"publisher": foreign}, headers=platform)
    assert r.status_code == 403


def test_a_partner_platform_cannot_publish_under_another_partners_name(
    client: TestClient, world: World
) -> None:
    platform = world.headers["partner"]
    foreign = world.other["partners"]
    name = client.get(f"/v1/partners/{foreign}").json()["name"]
    for publisher in (name, f" {name.upper()} "):
        body = BODIES["scenarios"](publisher=publisher)
        r = client.post("/v1/scenarios", json=body, headers=platform)
        assert r.status_code == 403, (publisher, r.text)
        assert (r.json()["detail"]["kind"], r.json()["detail"]["id"]) == ("partner", foreign)
    names = {s["publisher_name"] for s in client.get("/v1/scenarios").json()["items"]}
    assert name not in names


def test_a_partner_platform_manages_scenarios_its_partner_publishes(
    client: TestClient, world: World
) -> None:
    published = _create(
        client, "scenarios", world.headers["admin"], publisher=world.own[("partner", "partners")]
    )
    r = client.patch(
        f"/v1/scenarios/{published}", json={"status": "closed"}, headers=world.headers["partner"]
    )
    assert r.status_code == 200


def test_a_manager_who_creates_an_incubator_manages_it(client: TestClient, world: World) -> None:
    manager = world.headers["manager"]
    created = _create(client, "incubators", manager)
    r = client.patch(f"/v1/incubators/{created}", json={"capacity": 9}, headers=manager)
    assert r.status_code == 200
    assert client.delete(f"/v1/incubators/{created}", headers=manager).status_code == 204


def test_recommendations_are_for_whoever_manages_the_profile(
    client: TestClient, world: World, auth: KeyFactory
) -> None:
    h = world.headers
    cases = [
        (h["founder"], f"/v1/startups/{world.own[('founder', 'startups')]}/matches", 200),
        (h["founder"], f"/v1/startups/{world.own[('founder', 'startups')]}/bundle", 200),
        (h["founder"], f"/v1/startups/{world.other['startups']}/matches", 403),
        (h["founder"], f"/v1/startups/{world.other['startups']}/bundle", 403),
        (h["manager"], f"/v1/incubators/{world.own[('manager', 'incubators')]}/matches", 200),
        (h["manager"], f"/v1/incubators/{world.other['incubators']}/matches", 403),
        (h["partner"], f"/v1/partners/{world.own[('partner', 'partners')]}/matches", 200),
        (h["partner"], f"/v1/scenarios/{world.own[('partner', 'scenarios')]}/matches", 200),
        (h["partner"], f"/v1/partners/{world.other['partners']}/matches", 403),
        (h["partner"], f"/v1/scenarios/{world.other['scenarios']}/matches", 403),
        (auth("manager"), f"/v1/startups/{world.own[('founder', 'startups')]}/matches", 403),
        (h["admin"], f"/v1/scenarios/{world.other['scenarios']}/matches", 200),
    ]
    got = [(url, client.get(url, headers=headers).status_code) for headers, url, _ in cases]
    assert got == [(url, code) for _, url, code in cases]
