"""Unknown ids (404), exact duplicates (409) and stale versions (412), through HTTP."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.factories import BODIES, incubator_body, partner_body, scenario_body, startup_body
from tests.profiles.helpers import KINDS, assert_error, assert_invalid, create, row_counts


@pytest.mark.parametrize("plural", KINDS)
def test_unknown_ids_are_404_for_every_verb(client: TestClient, plural: str) -> None:
    for response in (
        client.get(f"/v1/{plural}/987654"),
        client.patch(f"/v1/{plural}/987654", json={}),
        client.delete(f"/v1/{plural}/987654"),
    ):
        body = assert_error(response, 404, "not_found")
        assert body["detail"] == {"kind": plural.removesuffix("s"), "id": 987654}
    # An id no row can have is still just "not found" (or not an id at all).
    assert client.get(f"/v1/{plural}/2147483648").status_code == 422
    assert_invalid(client.get(f"/v1/{plural}/0"), "profile_id")
    assert_invalid(client.get(f"/v1/{plural}/abc"), "profile_id")


def test_an_unknown_path_is_404_in_the_same_shape(client: TestClient) -> None:
    assert_error(client.get("/v1/rockets"), 404, "not_found")
    assert_error(client.put("/v1/startups"), 405, "method_not_allowed")


@pytest.mark.parametrize(
    ("plural", "first", "second"),
    [
        (
            "startups",
            {"name": "Deep Lidar", "website": "https://www.deeplidar.cn/"},
            {"name": "  deep-lidar ", "website": "http://DeepLidar.cn"},
        ),
        ("startups", {"name": "Qubit Forge", "website": None}, {"name": "QUBIT FORGE"}),
        (
            "incubators",
            {"name": "Zhongguancun Hub", "website": "https://zgc-hub.cn"},
            {"name": "zhongguancun hub", "website": "zgc-hub.cn/"},
        ),
        (
            "partners",
            {"name": "Siemens China R&D", "website": None},
            {"name": "siemens china r&d"},
        ),
        (
            "scenarios",
            {"title": "Weld inspection", "publisher": "Tianjin Auto Works"},
            {"title": "WELD INSPECTION", "publisher": "tianjin auto works"},
        ),
    ],
)
def test_an_exact_duplicate_is_409_pointing_at_the_existing_record(
    client: TestClient, plural: str, first: dict[str, object], second: dict[str, object]
) -> None:
    existing = create(client, plural, BODIES[plural](**first))
    before = row_counts(client)
    response = client.post(f"/v1/{plural}", json=BODIES[plural](**second))
    body = assert_error(response, 409, "duplicate")
    assert body["detail"]["existing_id"] == existing["id"]
    assert body["detail"]["url"] == f"/v1/{plural}/{existing['id']}"
    assert row_counts(client) == before


def test_same_name_with_another_website_is_not_a_duplicate(client: TestClient) -> None:
    create(client, "startups", startup_body(name="Nova", website="https://nova-robotics.cn"))
    create(client, "startups", startup_body(name="Nova", website="https://nova-materials.cn"))
    create(client, "incubators", incubator_body(name="Nova", website="https://nova.cn"))


def test_same_scenario_title_from_another_publisher_is_not_a_duplicate(
    client: TestClient,
) -> None:
    partner = create(client, "partners", partner_body())
    create(client, "scenarios", scenario_body(title="Grid storage pilot", publisher="State Grid"))
    create(client, "scenarios", scenario_body(title="Grid storage pilot", publisher=partner["id"]))
    again = client.post(
        "/v1/scenarios", json=scenario_body(title="grid storage pilot", publisher=partner["id"])
    )
    assert_error(again, 409, "duplicate")


@pytest.mark.parametrize("plural", KINDS)
def test_patching_into_a_duplicate_is_409_and_changes_nothing(
    client: TestClient, plural: str
) -> None:
    title = "title" if plural == "scenarios" else "name"
    # Same website (or publisher), so that only the name tells the two apart.
    shared = {"publisher": "Same Publisher"} if plural == "scenarios" else {"website": "same.cn"}
    first = create(client, plural, BODIES[plural](**{title: "Original one"}, **shared))
    second = create(client, plural, BODIES[plural](**{title: "Original two"}, **shared))
    response = client.patch(f"/v1/{plural}/{second['id']}", json={title: "ORIGINAL ONE"})
    body = assert_error(response, 409, "duplicate")
    assert body["detail"]["existing_id"] == first["id"]
    assert client.get(f"/v1/{plural}/{second['id']}").json() == second
    # Renaming a record to a new spelling of its own name is not a conflict with itself.
    own = client.patch(f"/v1/{plural}/{first['id']}", json={title: "ORIGINAL  ONE"})
    assert own.status_code == 200, own.text


@pytest.mark.parametrize("plural", KINDS)
def test_a_stale_if_match_is_412_and_loses_nothing(client: TestClient, plural: str) -> None:
    created = create(client, plural, BODIES[plural]())
    pid = created["id"]
    read = client.get(f"/v1/{plural}/{pid}")
    etag = read.headers["ETag"]
    assert etag == 'W/"1"'

    first = client.patch(
        f"/v1/{plural}/{pid}", json={"description": "First writer"}, headers={"If-Match": etag}
    )
    assert first.status_code == 200, first.text
    assert first.headers["ETag"] == 'W/"2"'

    stale = client.patch(
        f"/v1/{plural}/{pid}", json={"description": "Second writer"}, headers={"If-Match": etag}
    )
    body = assert_error(stale, 412, "precondition_failed")
    assert body["detail"] == {"id": pid, "current_version": 2}
    assert_error(
        client.delete(f"/v1/{plural}/{pid}", headers={"If-Match": etag}), 412, "precondition_failed"
    )

    now = client.get(f"/v1/{plural}/{pid}")
    assert now.json()["description"] == "First writer"
    assert now.json()["version"] == 2
    assert now.headers["ETag"] == 'W/"2"'

    # The same version in any accepted spelling, or "*", applies the write.
    for spelling in ('"2"', "2"):
        assert (
            client.patch(f"/v1/{plural}/{pid}", json={}, headers={"If-Match": spelling}).status_code
            == 200
        )
    assert client.delete(f"/v1/{plural}/{pid}", headers={"If-Match": "*"}).status_code == 204


# b"\xb2" arrives as "²", which str.isdigit() accepts but int() refuses.
@pytest.mark.parametrize(
    "value", [b"version-two", b'W/"abc"', b"\xb2", b"W/2x", b'W/"1', b"1234567890123"]
)
def test_a_malformed_if_match_is_422(client: TestClient, value: bytes) -> None:
    created = create(client, "startups", startup_body())
    response = client.patch(
        f"/v1/startups/{created['id']}", json={"pitch": "x"}, headers={b"If-Match": value}
    )
    assert_invalid(response, "If-Match")
    assert client.get(f"/v1/startups/{created['id']}").json() == created


def test_a_change_bumps_the_version_and_a_no_op_does_not(client: TestClient) -> None:
    created = create(client, "partners", partner_body())
    same = client.patch(f"/v1/partners/{created['id']}", json={"name": created["name"]})
    assert same.json()["version"] == 1
    changed = client.patch(f"/v1/partners/{created['id']}", json={"stages": ["growth"]})
    assert changed.json()["version"] == 2
    assert changed.json()["updated_at"] >= created["updated_at"]
    assert changed.json()["created_at"] == created["created_at"]
