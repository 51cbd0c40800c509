"""A JSON body that gives a key twice is refused naming the key, not read as its last value."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from tests.factories import startup_body
from tests.profiles.helpers import assert_invalid, create, row_counts

JSON = {"Content-Type": "application/json"}


def _with_twice(body: dict[str, object], **again: object) -> str:
    """``body`` as JSON text with each of ``again``'s keys written a second time at the end."""
    text = json.dumps(body)
    extra = "".join(f", {json.dumps(k)}: {json.dumps(v)}" for k, v in again.items())
    return text[:-1] + extra + "}"


def test_a_key_given_twice_is_refused_and_nothing_is_stored(client: TestClient) -> None:
    text = _with_twice(startup_body(name="Bad T", trl=3), name="Other", trl=4)
    response = client.post("/v1/startups", content=text, headers=JSON)
    body = assert_invalid(response, "name", "given more than once")
    assert_invalid(response, "trl", "given more than once")
    assert [d["field"] for d in body["detail"]] == ["name", "trl"]
    assert body["message"].startswith("name: given more than once")
    assert row_counts(client)["startups"] == 0


def test_a_nested_key_given_twice_is_named_by_its_path(client: TestClient) -> None:
    created = create(client, "startups", startup_body())
    text = '{"pitch": "new", "location": {"region": "beijing", "region": "tianjin"}}'
    response = client.patch(f"/v1/startups/{created['id']}", content=text, headers=JSON)
    assert_invalid(response, "location.region", "given more than once")
    assert client.get(f"/v1/startups/{created['id']}").json() == created

    batch = '{"kind": "startups", "profiles": [{"trl": 3}, {"trl": 3, "trl": 4}]}'
    response = client.post("/v1/recommendations", content=batch, headers=JSON)
    body = assert_invalid(response, "profiles.1.trl", "given more than once")
    # The same key in two objects is no repetition.
    assert [d["field"] for d in body["detail"]] == ["profiles.1.trl"]


def test_every_router_of_the_api_refuses_repeated_keys(client: TestClient) -> None:
    hook = '{"url": "https://hooks.example.com/a", "url": "https://hooks.example.com/b"}'
    assert_invalid(client.post("/v1/webhooks", content=hook, headers=JSON), "url")
    key = '{"role": "founder", "role": "admin"}'
    assert_invalid(client.post("/v1/keys", content=key, headers=JSON), "role", "more than once")
    fine = '{"role": "founder", "name": "role"}'
    assert client.post("/v1/keys", content=fine, headers=JSON).status_code == 201


def test_an_import_mapping_that_repeats_a_key_is_refused(client: TestClient) -> None:
    mapping = '{"fields": {"name": "company", "name": "title"}}'
    response = client.post(
        "/v1/imports",
        files={"file": ("x.csv", b"company,title\nA,B\n")},
        data={"kind": "startups", "mapping": mapping},
    )
    assert_invalid(response, "mapping.fields.name", "given more than once")
    assert client.get("/v1/imports").json() == []
