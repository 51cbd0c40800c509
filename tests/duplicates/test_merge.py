"""Merging a duplicate keeps every match and its history, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from matchmaker.access.models import AccountIncubator
from matchmaker.duplicates.models import ProfileMerge
from tests.conftest import KeyFactory
from tests.factories import BODIES


def _create(
    client: TestClient, plural: str, headers: dict[str, str] | None = None, **body: Any
) -> int:
    r = client.post(f"/v1/{plural}", json=BODIES[plural](**body), headers=headers)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def _act(client: TestClient, headers: dict[str, str] | None, **body: Any) -> dict[str, Any]:
    r = client.post("/v1/matches", json=body, headers=headers)
    assert r.status_code in (200, 201), r.text
    return dict(r.json())


def _merge(client: TestClient, **body: Any) -> Any:
    return client.post("/v1/admin/duplicates/merge", json=body)


def test_a_merged_startup_keeps_every_match_and_both_histories(
    client: TestClient, auth: KeyFactory
) -> None:
    first, second = _create(client, "incubators"), _create(client, "incubators")
    founder_a, founder_b = auth("founder"), auth("founder")
    keep = _create(client, "startups", founder_a, name="Qiangu Quantum Sensing")
    dup = _create(client, "startups", founder_b, name="QianGu Quantum-Sensing Co., Ltd.")
    # The kept startup shortlisted the first incubator; the duplicate got further with it
    # (connected), and alone shortlisted the second.
    kept_record = _act(client, founder_a, startup_id=keep, incubator_id=first, action="shortlist")
    connected = _act(client, founder_b, startup_id=dup, incubator_id=first, action="accept")
    _act(client, None, startup_id=dup, incubator_id=first, action="accept", as_side="target")
    _act(client, founder_b, startup_id=dup, incubator_id=second, action="shortlist")

    r = _merge(client, kind="startup", keep_id=keep, merge_id=dup)
    assert r.status_code == 201, r.text
    audit = r.json()
    assert (audit["keep_id"], audit["merged_id"]) == (keep, dup)
    assert audit["merged_title"] == "QianGu Quantum-Sensing Co., Ltd."
    assert audit["moved"]["matches"] == 2  # the connected record and the second one
    assert audit["moved"]["match_conflicts"] == 1
    assert audit["moved"]["match_events_joined"] == 1

    assert client.get(f"/v1/startups/{dup}").status_code == 404
    records = client.get("/v1/matches", params={"startup_id": keep}).json()["items"]
    by_target = {m["incubator_id"]: m for m in records}
    assert set(by_target) == {first, second}
    # The more advanced record of the shared pair survives, with both histories on it.
    assert by_target[first]["id"] == connected["id"]
    assert by_target[first]["state"] == "connected"
    assert by_target[second]["state"] == "shortlisted"
    events = client.get(f"/v1/matches/{connected['id']}/events").json()
    actions = sorted((e["side"], e["action"]) for e in events)
    assert actions == [("startup", "accept"), ("startup", "shortlist"), ("target", "accept")]
    assert client.get(f"/v1/matches/{kept_record['id']}").status_code == 404

    # The index dropped the merged profile's vector exactly as a delete does.
    store = client.app.state.runtime.store  # type: ignore[attr-defined]
    assert keep in store.indexes["startup"]
    assert dup not in store.indexes["startup"]
    with client.app.state.sessions() as session:  # type: ignore[attr-defined]
        stored = session.scalars(select(ProfileMerge)).one()
        assert stored.merged_id == dup
        assert stored.actor_account_id is not None


def test_a_merged_incubator_brings_its_managers_and_its_startups_history(
    client: TestClient, auth: KeyFactory
) -> None:
    keep = _create(client, "incubators", name="Zhongguancun Frontier Hard Tech Incubator")
    dup = _create(client, "incubators", name="ZGC Frontier Hard-Tech Incubator")
    manager = auth("manager", incubator_ids=[dup])
    startup = _create(client, "startups")
    declined = _act(
        client,
        manager,
        startup_id=startup,
        incubator_id=dup,
        action="decline",
        reason="stage_mismatch",
    )
    r = _merge(client, kind="incubator", keep_id=keep, merge_id=dup)
    assert r.status_code == 201, r.text
    assert r.json()["moved"]["account_bindings"] == 1
    record = client.get(f"/v1/matches/{declined['id']}").json()
    assert (record["incubator_id"], record["state"]) == (keep, "declined")
    with client.app.state.sessions() as session:  # type: ignore[attr-defined]
        bound = session.scalars(select(AccountIncubator.incubator_id)).all()
    assert bound == [keep]


def test_bad_merges_are_refused_with_the_reason(client: TestClient, auth: KeyFactory) -> None:
    a, b = _create(client, "startups"), _create(client, "startups")
    incubator = _create(client, "incubators", name="Not a startup")
    same = _merge(client, kind="startup", keep_id=a, merge_id=a)
    assert same.status_code == 422
    assert same.json()["detail"][0]["field"] == "merge_id"
    # Ids are per kind: an incubator's id names no startup (or another one), and the merge
    # says which id of which kind is missing.
    missing = max(a, b, incubator) + 1
    other_kind = _merge(client, kind="startup", keep_id=a, merge_id=missing)
    assert other_kind.status_code == 404
    assert other_kind.json()["message"] == f"no startup with id {missing}"
    unknown = _merge(client, kind="robot", keep_id=a, merge_id=b)
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["field"] == "kind"
    founder = client.post(
        "/v1/admin/duplicates/merge",
        json={"kind": "startup", "keep_id": a, "merge_id": b},
        headers=auth("founder"),
    )
    assert founder.status_code == 403
    # Nothing was changed by any of them.
    assert client.get(f"/v1/startups/{b}").status_code == 200


def test_two_hosts_of_one_camp_are_not_merged(client: TestClient) -> None:
    a, b = _create(client, "incubators"), _create(client, "incubators")
    camp = {
        "name": "Beijing-Munich accelerator camp",
        "starts_on": "2026-06-01",
        "ends_on": "2026-06-02",
        "location": "Haidian, Beijing",
        "hosts": [{"incubator_id": a, "places": 2}, {"incubator_id": b, "places": 2}],
    }
    made = client.post("/v1/camps", json=camp)
    assert made.status_code == 201, made.text
    r = _merge(client, kind="incubator", keep_id=a, merge_id=b)
    assert r.status_code == 409
    assert r.json()["detail"] == {"kind": "camp", "id": made.json()["id"]}
    assert client.get(f"/v1/incubators/{b}").status_code == 200


def test_a_merged_partner_hands_over_its_scenarios_and_platform(
    client: TestClient, auth: KeyFactory
) -> None:
    keep = _create(client, "partners", name="Kessler Automation Beijing R&D Centre")
    dup = _create(client, "partners", name="Kessler Automation (Beijing) R&D Center")
    scenario = _create(client, "scenarios", title="Robotic grinding cell", publisher=dup)
    platform = auth("partner", partner_ids=[dup])
    r = _merge(client, kind="partner", keep_id=keep, merge_id=dup)
    assert r.status_code == 201, r.text
    assert r.json()["moved"]["scenarios"] == 1
    read = client.get(f"/v1/scenarios/{scenario}").json()
    assert (read["publisher"], read["publisher_name"]) == (
        keep,
        "Kessler Automation Beijing R&D Centre",
    )
    # The same title under the kept partner is now a duplicate of that scenario.
    again = client.post(
        "/v1/scenarios",
        json=BODIES["scenarios"](title="Robotic grinding cell", publisher=keep),
    )
    assert again.status_code == 409
    assert again.json()["detail"]["existing_id"] == scenario
    # The platform bound to the merged partner now speaks for the kept one.
    patch = client.patch(f"/v1/partners/{keep}", json={"domains": ["robotics"]}, headers=platform)
    assert patch.status_code == 200, patch.text
