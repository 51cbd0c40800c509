"""Create, read, update, delete and list every profile kind through HTTP."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.factories import BODIES

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
