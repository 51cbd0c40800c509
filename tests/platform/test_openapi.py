"""The schema tells partners about keys, limits, errors and examples of the new endpoints."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from matchmaker.kinds import ALL_KINDS
from matchmaker.params import FILTERS
from matchmaker.profiles.schemas import MAX_ID
from matchmaker.profiles.service import encode_cursor
from tests.factories import startup_body

NEW = {
    ("post", "/v1/recommendations"),
    ("post", "/v1/recommendations/batch"),
    ("post", "/v1/imports"),
    ("get", "/v1/imports"),
    ("get", "/v1/imports/{import_id}"),
    ("post", "/v1/webhooks"),
    ("get", "/v1/webhooks"),
    ("get", "/v1/webhooks/{webhook_id}"),
    ("delete", "/v1/webhooks/{webhook_id}"),
    ("post", "/v1/webhooks/{webhook_id}/ping"),
    ("get", "/v1/webhooks/{webhook_id}/deliveries"),
    ("get", "/v1/webhooks/{webhook_id}/deliveries/{delivery_id}"),
    ("post", "/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/replay"),
}


def test_every_post_takes_an_idempotency_key_and_every_route_may_be_limited(
    client: TestClient,
) -> None:
    schema = client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        if not path.startswith("/v1/"):
            continue
        for method, op in operations.items():
            assert "429" in op["responses"], (method, path)
            names = [p["name"] for p in op.get("parameters", [])]
            assert ("Idempotency-Key" in names) == (method == "post"), (method, path)


def test_new_endpoints_list_their_errors_and_carry_examples(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    found = {(m, p) for p, ops in schema["paths"].items() for m in ops}
    assert found >= NEW
    for method, path in NEW:
        op = schema["paths"][path][method]
        assert {"401", "422", "429"} <= set(op["responses"]), (method, path)
        assert op.get("summary"), (method, path)
        assert op.get("description"), (method, path)
        if "{" in path:
            assert "404" in op["responses"], (method, path)
    body = schema["paths"]["/v1/recommendations"]["post"]["requestBody"]["content"]
    assert set(body["application/json"]["examples"]) == {"startup", "incubator"}
    batch = schema["paths"]["/v1/recommendations/batch"]["post"]["requestBody"]["content"]
    assert batch["application/json"]["examples"]["startups"]["value"]["kind"] == "startups"
    components = schema["components"]["schemas"]
    for name in ("WebhookCreate", "DeliveryRead", "ImportJobRead"):
        assert components[name]["examples"], name


def _params(op: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in op.get("parameters", [])}


def test_each_list_route_advertises_only_the_filters_its_kind_accepts(
    client: TestClient,
) -> None:
    schema = client.get("/openapi.json").json()
    for kind in ALL_KINDS:
        advertised = set(_params(schema["paths"][f"/v1/{kind.plural}"]["get"]))
        assert advertised - {"q", "limit", "cursor"} == set(kind.filters), kind.plural
        for name in FILTERS - kind.filters:
            # not advertised, and still refused as an unknown parameter
            response = client.get(f"/v1/{kind.plural}", params={name: "x"})
            assert response.status_code == 422, (kind.plural, name)


def test_if_match_cursor_and_idempotency_key_declare_their_format(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    startups = schema["paths"]["/v1/startups"]
    one = schema["paths"]["/v1/startups/{profile_id}"]
    declared = {
        "If-Match": _params(one["patch"])["If-Match"]["schema"],
        "cursor": _params(startups["get"])["cursor"]["schema"],
        "Idempotency-Key": _params(startups["post"])["Idempotency-Key"]["schema"],
    }
    assert declared["If-Match"] == _params(one["delete"])["If-Match"]["schema"]
    for name, param in declared.items():
        assert param.get("type") == "string", name
        assert param.get("pattern"), name
        assert "anyOf" not in param, name  # an absent header is never sent as "null"
    assert re.fullmatch(declared["cursor"]["pattern"], encode_cursor(MAX_ID))
    assert re.fullmatch(declared["cursor"]["pattern"], encode_cursor(1))
    assert re.fullmatch(declared["If-Match"]["pattern"], 'W/"3"')
    assert not re.fullmatch(declared["Idempotency-Key"]["pattern"], "two words")


def test_what_the_patterns_refuse_the_server_refuses(client: TestClient) -> None:
    assert client.get("/v1/startups", params={"cursor": ""}).status_code == 422
    spaced = client.post(
        "/v1/startups", json=startup_body(), headers={"Idempotency-Key": "two words"}
    )
    assert spaced.status_code == 422
    assert spaced.json()["detail"][0]["field"] == "Idempotency-Key"


def test_a_405_names_every_method_of_the_path_in_allow(client: TestClient) -> None:
    cases = {
        ("PUT", "/v1/startups"): "GET, POST",
        ("POST", "/v1/startups/1"): "GET, PATCH, DELETE",
        ("GET", "/v1/webhooks/1/ping"): "POST",
        ("DELETE", "/v1/keys/me"): "GET",
        ("PATCH", "/v1/camps/1/assignments/events"): "GET",
    }
    for (method, path), allow in cases.items():
        response = client.request(method, path)
        assert response.status_code == 405, (method, path)
        assert response.headers["Allow"] == allow, (method, path)
        assert response.json()["error"] == "method_not_allowed"
