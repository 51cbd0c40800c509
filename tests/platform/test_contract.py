"""Walks the OpenAPI document for each rule that makes it a contract clients generate from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from matchmaker.kinds import ALL_KINDS
from matchmaker.platform.contract import schema_roles
from matchmaker.vocab import IncubatorKind, PartnerKind
from scripts.openapi import document


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return document()


def _operations(schema: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield method, path, operation


def _by_id(schema: dict[str, Any], op_id: str) -> dict[str, Any]:
    (found,) = [op for _, _, op in _operations(schema) if op["operationId"] == op_id]
    return found


def test_operation_ids_are_stable_snake_case_and_unique(schema: dict[str, Any]) -> None:
    ids = [op["operationId"] for _, _, op in _operations(schema)]
    assert len(ids) == len(set(ids))
    for op_id in ids:
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", op_id), op_id
    for kind in ALL_KINDS:
        for verb in ("create", "list", "read", "update", "delete", "matches"):
            _by_id(schema, f"{kind.plural}_{verb}")
    for op_id in ("startups_bundle", "keys_rotate", "webhooks_ping", "recommendations_batch"):
        _by_id(schema, op_id)


def test_every_schema_has_a_name_a_person_would_give_it(schema: dict[str, Any]) -> None:
    for name in schema["components"]["schemas"]:
        assert re.fullmatch(r"[A-Z][A-Za-z]+", name), name  # no Body_..., no ..._Post


def test_the_upload_is_a_binary_file_part(schema: dict[str, Any]) -> None:
    body = _by_id(schema, "imports_create")["requestBody"]["content"]["multipart/form-data"]
    upload = schema["components"]["schemas"][body["schema"]["$ref"].rsplit("/", 1)[1]]
    assert upload["properties"]["file"]["format"] == "binary"
    for name, prop in upload["properties"].items():
        assert "anyOf" not in prop, name  # an optional form field is left out, not "null"


def test_an_optional_body_is_left_out_never_null(schema: dict[str, Any]) -> None:
    # A generated client cannot call an operation whose body is anyOf [Model, null] without one.
    bodies = [op["requestBody"] for _, _, op in _operations(schema) if "requestBody" in op]
    assert bodies
    for body in bodies:
        for media in body["content"].values():
            variants = media["schema"].get("anyOf", [])
            assert {"type": "null"} not in variants, body


def test_etag_location_and_replay_headers_are_declared(schema: dict[str, Any]) -> None:
    for kind in ALL_KINDS:
        created = _by_id(schema, f"{kind.plural}_create")["responses"]["201"]["headers"]
        assert {"ETag", "Location", "Idempotent-Replayed"} <= set(created)
        for verb in ("read", "update"):
            assert "ETag" in _by_id(schema, f"{kind.plural}_{verb}")["responses"]["200"]["headers"]
    for method, path, op in _operations(schema):
        if method == "post" and path.startswith("/v1/"):
            ok = [r for status, r in op["responses"].items() if status.startswith("2")]
            assert all("Idempotent-Replayed" in r.get("headers", {}) for r in ok), path


def test_response_models_require_every_field_they_always_carry(schema: dict[str, Any]) -> None:
    inputs, outputs = schema_roles(schema)
    components = schema["components"]["schemas"]
    reads = [n for n in outputs - inputs if "properties" in components[n]]
    assert {"StartupRead", "IncubatorRead", "PartnerRead", "ScenarioRead", "MatchRead"} <= set(
        reads
    )
    for name in reads:
        assert set(components[name]["required"]) == set(components[name]["properties"]), name


def test_vocabularies_are_enums(schema: dict[str, Any]) -> None:
    components = schema["components"]["schemas"]

    def enum_of(model: str, field: str) -> list[str]:
        prop = components[model]["properties"][field]
        prop = prop.get("items", prop)
        if "$ref" in prop:
            prop = components[prop["$ref"].rsplit("/", 1)[1]]
        return list(prop.get("enum") or [prop.get("const")])

    assert enum_of("MatchRead", "confidence") == ["low", "high"]
    assert "incubators" in enum_of("MatchList", "target")
    assert "startup" in enum_of("ProfileRef", "kind")
    assert "beijing" in enum_of("ProfileRef", "region")
    assert "match.found" in enum_of("WebhookRead", "events")
    assert "failed" in enum_of("DeliveryRead", "status")
    assert "running" in enum_of("ImportJobRead", "status")
    assert components["VocabularyItem"]["required"] == ["value", "label", "label_zh"]
    for kind in ALL_KINDS:
        if kind.kind_vocab is None:
            continue
        params = {p["name"]: p for p in _by_id(schema, f"{kind.plural}_list")["parameters"]}
        assert "$ref" in params["kind"]["schema"]["items"], kind.plural
    # A match list's kind filter names incubator or partner kinds, from their vocabularies.
    for op_id in ("startups_matches", "startups_bundle", "incubators_matches"):
        params = {p["name"]: p for p in _by_id(schema, op_id)["parameters"]}
        if "kind" in params:
            ref = params["kind"]["schema"]["items"]["$ref"]
            assert ref == "#/components/schemas/OrganisationKind", op_id
    kinds = set(components["OrganisationKind"]["enum"])
    assert kinds == {*IncubatorKind, *PartnerKind}
    assert components["Filters"]["properties"]["kinds"]["items"]["$ref"].endswith(
        "OrganisationKind"
    )


def test_readiness_calendar_and_ping_have_schemas(schema: dict[str, Any]) -> None:
    ready = _by_id(schema, "readyz")["responses"]
    for status in ("200", "503"):
        ref = ready[status]["content"]["application/json"]["schema"]["$ref"]
        assert ref.endswith("/Readiness"), status
    calendar = _by_id(schema, "camps_schedule")["responses"]["200"]["content"]
    assert calendar["text/calendar"]["schema"] == {"type": "string"}
    ping = _by_id(schema, "webhooks_ping")["responses"]["202"]["content"]["application/json"]
    assert ping["schema"]["$ref"].endswith("/PingQueued")


def test_webhook_events_are_published_with_their_payloads(schema: dict[str, Any]) -> None:
    hooks = schema["webhooks"]
    assert set(hooks) == {"ping", "match.found", "match.state_changed", "import.finished"}
    components = schema["components"]["schemas"]
    for name, item in hooks.items():
        ref = item["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        event = components[ref.rsplit("/", 1)[1]]
        assert event["properties"]["type"]["const"] == name
        assert set(event["required"]) == {"id", "type", "created_at", "data"}


def _error_refs(response: dict[str, Any]) -> dict[str, str]:
    """code -> schema name of every body an error response declares."""
    schema = response["content"]["application/json"]["schema"]
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        return {"": name}
    mapping = schema["discriminator"]["mapping"]
    assert schema["discriminator"]["propertyName"] == "error"
    assert sorted(r["$ref"] for r in schema["oneOf"]) == sorted(mapping.values())
    return {code: ref.rsplit("/", 1)[1] for code, ref in mapping.items()}


def test_every_error_code_has_its_own_typed_body(schema: dict[str, Any]) -> None:
    # A generated client parses each error into the model of its code, told apart by `error`.
    components = schema["components"]["schemas"]
    assert "ErrorBody" not in components
    seen: set[str] = set()
    for method, path, op in _operations(schema):
        for status, response in op["responses"].items():
            if status.startswith("2") or not path.startswith("/v1/"):
                continue  # /readyz's 503 is its readiness report, not an error
            for code, name in _error_refs(response).items():
                body = components[name]
                const = body["properties"]["error"]["const"]
                assert code in ("", const), (path, method, status, code)
                assert set(body["required"]) == {"error", "message", "detail"}, name
                assert f"`{const}`" in response["description"] or len(response) == 2, name
                seen.add(const)
    expected = {
        "validation_failed",
        "not_found",
        "forbidden",
        "unauthorized",
        "duplicate",
        "precondition_failed",
        "invalid_transition",
        "no_free_place",
        "rate_limited",
        "idempotency_key_reused",
        "database_unavailable",
    }
    assert expected <= seen, expected - seen


def test_error_details_are_named_models(schema: dict[str, Any]) -> None:
    components = schema["components"]["schemas"]

    def detail_of(code: str) -> set[str]:
        name = "".join(p.title() for p in code.split("_")) + "Error"
        detail = components[name]["properties"]["detail"]
        branches = detail.get("anyOf", [detail])
        return {
            b.get("$ref", b.get("items", {}).get("$ref", "")).rsplit("/", 1)[-1] for b in branches
        }

    assert detail_of("not_found") == {"ResourceRef", ""}
    assert detail_of("duplicate") == {"DuplicateDetail", ""}
    assert detail_of("precondition_failed") == {"VersionDetail", ""}
    assert detail_of("validation_failed") == {"FieldError"}
    assert components["VersionDetail"]["required"] == ["id", "current_version"]


def test_the_rate_limit_error_names_the_budget_it_counts(schema: dict[str, Any]) -> None:
    # Buckets are per account (its keys, rotated ones and web sessions share one), never per
    # key: the published text must not promise a key a budget of its own.
    body = schema["components"]["schemas"]["RateLimitedError"]
    described = [body["description"]] + [
        response["description"]
        for _, _, operation in _operations(schema)
        for status, response in operation.get("responses", {}).items()
        if status == "429"
    ]
    assert len(described) > 1
    for text in described:
        assert "account" in text, text
        assert "API key" not in text, text
