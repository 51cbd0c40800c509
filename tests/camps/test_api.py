"""The camps API end to end: create, apply, rank, allocate, explain, adjust, schedule."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from matchmaker.camps import runs, service
from matchmaker.camps.models import Camp, CampAllocationRun, CampHost
from matchmaker.camps.schemas import HostRef
from matchmaker.errors import InvalidInput
from tests.camps.conftest import PLACES, World
from tests.conftest import KeyFactory


def test_a_camp_is_created_with_its_hosts_places_and_rules(world: World) -> None:
    camp = world.client.get(world.url(), headers=world.founders[0]).json()
    assert [h["places"] for h in camp["hosts"]] == [*PLACES, 1]
    assert camp["hosts"][3]["partner_id"] == world.partner
    assert camp["applications"] == len(world.startups)
    assert camp["quotas"][0]["at_least_share"] == 0.3


def test_allocation_respects_places_quotas_and_explains_every_startup(world: World) -> None:
    host = world.host(world.incubators[0])
    ranking = list(reversed(world.startups))
    r = world.client.put(
        world.url(f"/hosts/{host}/ranking"),
        json={"startup_ids": ranking},
        headers=world.host_manager,
    )
    assert r.status_code == 200, r.text
    result = world.allocate()
    places = {h["id"]: h["places"] for h in world.camp["hosts"]}
    taken: dict[int, int] = {}
    for a in result["assignments"]:
        taken[a["host_id"]] = taken.get(a["host_id"], 0) + 1
        assert a["explanation"].startswith("Placed with your ")
        assert a["explanation_detail"]["choice"] >= 1
    assert all(n <= places[h] for h, n in taken.items())
    assert len(result["assignments"]) + len(result["unplaced"]) == len(world.startups)
    for u in result["unplaced"]:
        assert u["explanation"].startswith("Not placed")
    report = {q["name"]: q for q in result["quota_report"]}
    assert report["30% Tianjin and Hebei"]["required"] == 3  # 30% of 7 places, rounded up
    assert report["30% Tianjin and Hebei"]["met"]
    assert all(q["met"] for q in result["quota_report"] if q["kind"] == "at_most")
    assert result["score_source"].startswith("engine:")
    # The host's own ranking decided its places: its top-ranked applicants who want it.
    mine = [a["startup_id"] for a in result["assignments"] if a["host_id"] == host]
    assert len(mine) == PLACES[0]


def test_a_stored_run_replays_to_the_same_allocation(world: World) -> None:
    result = world.allocate()
    sessions = world.client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as session:
        record = session.scalars(select(CampAllocationRun)).one()
        again = runs.replay(record.inputs)
    assert {str(s): h for s, h in again.assignments.items()} == record.result["assignments"]
    assert {a["startup_id"]: a["host_id"] for a in result["assignments"]} == again.assignments


def test_locked_and_moved_assignments_are_audited_and_survive_a_rerun(world: World) -> None:
    first = world.allocate()
    moved = first["assignments"][0]
    target = next(
        h["id"]
        for h in world.camp["hosts"]
        if h["id"] != moved["host_id"]
        and sum(a["host_id"] == h["id"] for a in first["assignments"]) < h["places"]
    )
    r = world.client.patch(
        world.url(f"/assignments/{moved['startup_id']}"),
        json={"host_id": target, "locked": True, "note": "speaks German"},
        headers=world.organiser,
    )
    assert r.status_code == 200, r.text
    assert (r.json()["host_id"], r.json()["locked"], r.json()["source"]) == (
        target,
        True,
        "manager",
    )
    again = world.allocate()
    kept = next(a for a in again["assignments"] if a["startup_id"] == moved["startup_id"])
    assert (kept["host_id"], kept["locked"]) == (target, True)
    events = world.client.get(world.url("/assignments/events"), headers=world.organiser).json()
    assert [(e["from_host_id"], e["to_host_id"], e["locked_after"], e["note"]) for e in events] == [
        (moved["host_id"], target, True, "speaks German")
    ]


def test_moving_into_a_full_host_is_refused(world: World) -> None:
    result = world.allocate()
    taken = [a["host_id"] for a in result["assignments"]]
    full = next(h["id"] for h in world.camp["hosts"] if taken.count(h["id"]) == h["places"])
    other = next(a for a in result["assignments"] if a["host_id"] != full)
    r = world.client.patch(
        world.url(f"/assignments/{other['startup_id']}"),
        json={"host_id": full},
        headers=world.organiser,
    )
    assert r.status_code == 409
    assert r.json()["error"] == "no_free_place"
    places = taken.count(full)
    assert r.json()["detail"] == {"host_id": full, "places": places}


def test_founders_see_only_their_own_results(world: World) -> None:
    world.allocate()
    founder = world.founders[0]
    view = world.client.get(world.url("/allocation"), headers=founder).json()
    own = {s for n, s in enumerate(world.startups) if n % 2 == 0}
    shown = {a["startup_id"] for a in view["assignments"]} | {
        u["startup_id"] for u in view["unplaced"]
    }
    assert shown == own


def test_who_may_do_what(world: World, auth: KeyFactory, client: TestClient) -> None:
    founder = world.founders[0]
    body = {
        "name": "x",
        "starts_on": "2026-06-01",
        "ends_on": "2026-06-01",
        "location": "x",
        "hosts": [{"incubator_id": world.incubators[0], "places": 1}],
    }
    assert client.post("/v1/camps", json=body, headers=founder).status_code == 403
    other = world.startups[1]  # the second founder's
    r = client.post(world.url("/applications"), json={"startup_id": other}, headers=founder)
    assert r.status_code == 403
    assert client.post(world.url("/allocate"), headers=founder).status_code == 403
    assert client.post(world.url("/allocate"), headers=auth("manager")).status_code == 403
    wrong_host = world.host(world.incubators[1])
    r = client.put(
        world.url(f"/hosts/{wrong_host}/ranking"),
        json={"startup_ids": []},
        headers=world.host_manager,
    )
    assert r.status_code == 403
    anonymous = TestClient(client.app)
    assert anonymous.get(world.url()).status_code == 401
    r = client.get(world.url("/schedule"), params={"startup_id": other}, headers=founder)
    assert r.status_code == 403


def test_requests_are_validated(world: World) -> None:
    again = world.apply(world.startups[0])
    assert again.status_code == 409
    twice = [{"incubator_id": world.incubators[0]}] * 2
    r = world.apply(world.startups[1], host_preferences=twice)
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == "host_preferences.1"
    r = world.client.post(
        world.url("/applications"),
        json={"startup_id": 999_999},
        headers=world.organiser,
    )
    assert r.status_code == 422
    host = world.host(world.incubators[0])
    r = world.client.put(
        world.url(f"/hosts/{host}/ranking"),
        json={"startup_ids": [999_999]},
        headers=world.organiser,
    )
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == "startup_ids.0"
    r = world.client.get(world.url("/allocation"), headers=world.organiser)
    assert r.status_code == 404
    r = world.client.post(
        "/v1/camps",
        json={
            **{k: world.camp[k] for k in ("name", "location")},
            "starts_on": "2026-06-02",
            "ends_on": "2026-06-01",
            "hosts": [{"incubator_id": world.incubators[0], "places": 1}],
        },
        headers=world.organiser,
    )
    assert r.status_code == 422


def test_schedule_books_nobody_twice_and_exports_icalendar(world: World, auth: KeyFactory) -> None:
    result = world.allocate()
    # A connected match between an applicant and a host also gets a meeting.
    startup = world.startups[0]
    incubator = world.incubators[2]
    for headers in (world.owner(startup), auth("manager", incubator_ids=[incubator])):
        r = world.client.post(
            "/v1/matches",
            json={"startup_id": startup, "incubator_id": incubator, "action": "accept"},
            headers=headers,
        )
        assert r.status_code in (200, 201), r.text
    schedule = world.client.get(world.url("/schedule"), headers=world.organiser).json()
    booked: set[tuple[str, int, int]] = set()
    for m in schedule["meetings"]:
        for key in (("s", m["startup_id"], m["slot"]), ("h", m["host_id"], m["slot"])):
            assert key not in booked
            booked.add(key)
    pairs = {(m["startup_id"], m["host_id"]): m["source"] for m in schedule["meetings"]}
    for a in result["assignments"]:
        assert pairs[(a["startup_id"], a["host_id"])] == "allocation"
    placed_there = any(
        a["startup_id"] == startup and a["host_id"] == world.host(incubator)
        for a in result["assignments"]
    )
    expected = "allocation" if placed_there else "connected"
    assert pairs[(startup, world.host(incubator))] == expected
    r = world.client.get(
        world.url("/schedule"),
        params={"format": "ics", "startup_id": startup},
        headers=world.owner(startup),
    )
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/calendar")
    text = r.text
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    mine = [m for m in schedule["meetings"] if m["startup_id"] == startup]
    assert text.count("BEGIN:VEVENT") == len(mine) >= 1
    for m in mine:
        stamp = m["starts_at"].replace("-", "").replace(":", "").replace("+0000", "Z")
        assert f"DTSTART:{stamp[:15]}Z" in text


def test_a_bare_host_id_that_is_both_an_incubator_and_a_partner_is_ambiguous() -> None:
    camp = Camp(hosts=[CampHost(id=1, incubator_id=5), CampHost(id=2, partner_id=5)])
    with pytest.raises(InvalidInput, match="partner_id"):
        service.preferences_of(camp, [5])
    assert service.preferences_of(camp, [HostRef(partner_id=5), HostRef(incubator_id=5)]) == [
        2,
        1,
    ]
