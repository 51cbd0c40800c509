"""``GET /v1/camps`` (filters, pages) and ``DELETE /v1/camps/{id}`` (who may, what goes)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from matchmaker.camps.models import (
    Camp,
    CampAllocationRun,
    CampApplication,
    CampAssignment,
    CampAssignmentEvent,
    CampHost,
    CampHostRanking,
)
from tests.camps.conftest import World, create
from tests.conftest import KeyFactory


def _camp(client: TestClient, headers: dict[str, str], starts_on: str, **hosts: int) -> int:
    body = {
        "name": f"Camp from {starts_on}",
        "starts_on": starts_on,
        "ends_on": starts_on,
        "location": "Beijing",
        "hosts": [{f"{kind}_id": pid, "places": 2} for kind, pid in hosts.items()],
    }
    r = client.post("/v1/camps", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def _ids(client: TestClient, headers: dict[str, str], **params: Any) -> list[int]:
    """Every camp the list gives, following the cursor page by page."""
    out: list[int] = []
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        r = client.get("/v1/camps", params=query, headers=headers)
        assert r.status_code == 200, r.text
        page = r.json()
        out += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            return out


def test_camps_are_listed_page_by_page_and_narrowed_by_host_part_and_date(
    client: TestClient, auth: KeyFactory
) -> None:
    admin = dict(client.headers)
    first, second = (create(client, "incubators", admin) for _ in range(2))
    partner = create(client, "partners", admin)
    runner, other = auth("manager"), auth("manager")
    one = _camp(client, runner, "2026-05-01", incubator=first)
    two = _camp(client, runner, "2026-06-01", incubator=second, partner=partner)
    three = _camp(client, other, "2026-07-01", incubator=first, partner=partner)
    four = _camp(client, other, "2026-08-01", incubator=second)
    founder = auth("founder")

    every = [one, two, three, four]
    assert _ids(client, founder) == every  # any key reads camps
    pages = client.get("/v1/camps", params={"limit": 3}, headers=founder).json()
    assert [c["id"] for c in pages["items"]] == every[:3]
    assert pages["items"][1]["hosts"][1]["partner_id"] == partner  # each item is a full camp
    assert _ids(client, founder, limit=1) == every
    assert _ids(client, founder, incubator_id=first) == [one, three]
    assert _ids(client, founder, partner_id=partner) == [two, three]
    assert _ids(client, founder, incubator_id=second, partner_id=partner) == [two]
    assert _ids(client, runner, managed_by_me=True) == [one, two]
    assert _ids(client, founder, managed_by_me=True) == []
    assert _ids(client, admin, managed_by_me=True) == every  # an admin runs every camp
    host = auth("manager", incubator_ids=[first])
    assert _ids(client, host, hosted_by_me=True) == [one, three]
    platform = auth("partner", partner_ids=[partner])
    assert _ids(client, platform, hosted_by_me=True, starts_from="2026-06-15") == [three]
    assert _ids(client, founder, starts_from="2026-06-01", starts_to="2026-07-01") == [two, three]


def test_a_bad_camp_list_query_names_the_parameter(client: TestClient) -> None:
    for params, field in (
        ({"domain": "ai"}, "domain"),
        ({"cursor": "nonsense"}, "cursor"),
        ({"limit": 0}, "limit"),
        ({"incubator_id": 0}, "incubator_id"),
        ({"starts_from": "June"}, "starts_from"),
        # pydantic alone would read "0" as 1970-01-01 and take a datetime: not YYYY-MM-DD
        ({"starts_from": "0"}, "starts_from"),
        ({"starts_to": "2026-07-01T00:00:00"}, "starts_to"),
        ({"managed_by_me": "perhaps"}, "managed_by_me"),
    ):
        r = client.get("/v1/camps", params=params)
        assert r.status_code == 422, params
        assert r.json()["detail"][0]["field"] == field, r.json()


def _rows(world: World) -> dict[str, int]:
    camp_id = world.camp["id"]
    sessions = world.client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as session:
        hosts = select(CampHost.id).where(CampHost.camp_id == camp_id)
        counts = {
            model.__tablename__: session.scalar(
                select(func.count()).select_from(model).where(where)
            )
            or 0
            for model, where in (
                (Camp, Camp.id == camp_id),
                (CampHost, CampHost.camp_id == camp_id),
                (CampApplication, CampApplication.camp_id == camp_id),
                (CampHostRanking, CampHostRanking.camp_host_id.in_(hosts)),
                (CampAllocationRun, CampAllocationRun.camp_id == camp_id),
                (CampAssignment, CampAssignment.camp_id == camp_id),
                (CampAssignmentEvent, CampAssignmentEvent.camp_id == camp_id),
            )
        }
    return counts


def test_only_the_camps_manager_or_an_admin_deletes_it_and_everything_goes(
    world: World, auth: KeyFactory
) -> None:
    host = world.host(world.incubators[0])
    ranked = world.client.put(
        world.url(f"/hosts/{host}/ranking"),
        json={"startup_ids": world.startups[:3]},
        headers=world.host_manager,
    )
    assert ranked.status_code == 200, ranked.text
    placed = world.allocate()["assignments"][0]
    locked = world.client.patch(
        world.url(f"/assignments/{placed['startup_id']}"),
        json={"locked": True},
        headers=world.organiser,
    )
    assert locked.status_code == 200, locked.text
    assert all(_rows(world).values()), _rows(world)

    for refused in (world.host_manager, world.founders[0], auth("manager"), auth("partner")):
        r = world.client.delete(world.url(), headers=refused)
        assert r.status_code == 403, r.text
        assert r.json()["error"] == "forbidden"
    assert world.client.get(world.url()).status_code == 200

    r = world.client.delete(world.url(), headers=world.organiser)
    assert r.status_code == 204, r.text
    assert set(_rows(world).values()) == {0}
    gone = world.client.delete(world.url(), headers=world.organiser)
    assert (gone.status_code, gone.json()["error"]) == (404, "not_found")
    assert world.client.get(world.url()).status_code == 404
    # The startups and hosts themselves stay.
    assert world.client.get(f"/v1/startups/{world.startups[0]}").status_code == 200
    assert world.client.get(f"/v1/incubators/{world.incubators[0]}").status_code == 200


def test_an_admin_may_delete_any_camp(client: TestClient, auth: KeyFactory) -> None:
    incubator = create(client, "incubators", dict(client.headers))
    camp = _camp(client, auth("manager"), "2026-05-01", incubator=incubator)
    assert client.delete(f"/v1/camps/{camp}").status_code == 204  # the client is an admin
    assert _ids(client, dict(client.headers)) == []
