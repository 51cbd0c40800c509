"""The schema tells partners about keys, limits, errors and examples of the new endpoints."""

from __future__ import annotations

from fastapi.testclient import TestClient

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
