"""Create, read, update, delete and list every profile kind through HTTP."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.factories import BODIES, partner_body, scenario_body

KINDS = list(BODIES)


@pytest.mark.parametrize("plural", KINDS)
def test_full_lifecycle_of_each_kind(client: TestClient, plural: str) -> None:
    body = BODIES[plural]()
    created = client.post(f"/v1/{plural}", json=body)
    assert created.status_code == 201, created.text
    record = created.json()
    pid = record["id"]
    assert created.headers["Location"] == f"/v1/{plural}/{pid}"
    assert record["version"] == 1
    assert "contact_email" not in record

    read = client.get(f"/v1/{plural}/{pid}")
    assert read.status_code == 200
    assert read.headers["ETag"] == 'W/"1"'
    assert read.json() == record

    title = "name" if "name" in body else "title"
    patched = client.patch(
        f"/v1/{plural}/{pid}", json={title: "Renamed"}, headers={"If-Match": 'W/"1"'}
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()[title] == "Renamed"
    assert patched.json()["version"] == 2
    assert patched.headers["ETag"] == 'W/"2"'

    listed = client.get(f"/v1/{plural}", params={"q": "renam"})
    assert [item["id"] for item in listed.json()["items"]] == [pid]

    assert client.delete(f"/v1/{plural}/{pid}").status_code == 204
    assert client.get(f"/v1/{plural}/{pid}").status_code == 404
    assert client.delete(f"/v1/{plural}/{pid}").status_code == 404


@pytest.mark.parametrize("plural", KINDS)
def test_every_field_sent_is_read_back(client: TestClient, plural: str) -> None:
    body = BODIES[plural]()
    created = client.post(f"/v1/{plural}", json=body).json()
    for field, value in body.items():
        if field == "contact_email":
            continue  # private: never read back
        assert created[field] == value, field
    read = client.get(f"/v1/{plural}/{created['id']}").json()
    assert read == created


@pytest.mark.parametrize("plural", KINDS)
def test_a_patch_changes_only_what_it_names(client: TestClient, plural: str) -> None:
    created = client.post(f"/v1/{plural}", json=BODIES[plural]()).json()
    new_location = {"city": "Shijiazhuang", "region": "hebei", "country": "CN"}
    patched = client.patch(
        f"/v1/{plural}/{created['id']}",
        json={"location": new_location, "description": "Moved to Hebei."},
    ).json()
    assert patched["location"] == new_location
    assert patched["description"] == "Moved to Hebei."
    unchanged = {k: v for k, v in created.items() if k not in ("location", "description")}
    assert {k: patched[k] for k in unchanged if k not in ("version", "updated_at")} == {
        k: v for k, v in unchanged.items() if k not in ("version", "updated_at")
    }
    listed = client.get(f"/v1/{plural}", params={"region": "hebei"}).json()["items"]
    assert [item["id"] for item in listed] == [created["id"]]


def test_a_scenario_outlives_its_publishers_profile(client: TestClient) -> None:
    partner = client.post(
        "/v1/partners", json=partner_body(name="Hebei Steel Research Institute")
    ).json()
    scenario = client.post("/v1/scenarios", json=scenario_body(publisher=partner["id"])).json()
    assert client.delete(f"/v1/partners/{partner['id']}").status_code == 204
    kept = client.get(f"/v1/scenarios/{scenario['id']}").json()
    assert kept["publisher"] == "Hebei Steel Research Institute"
    assert kept["publisher_name"] == "Hebei Steel Research Institute"
