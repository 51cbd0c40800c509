"""Rules that make the OpenAPI document a contract a client can be generated from.

Each rule is applied to the document FastAPI derives from the routes, in one place, and each
has a test that walks the schema for it (tests/platform/test_contract.py).
"""

from __future__ import annotations

import re
from typing import Any

from fastapi.routing import APIRoute

_VERBS = {"GET": "list", "POST": "create", "PUT": "replace", "PATCH": "update", "DELETE": "delete"}
_ITEM_VERBS = {"GET": "read", "PUT": "replace", "PATCH": "update", "DELETE": "delete"}


def operation_id(route: APIRoute) -> str:
    """``<resource>_<verb>`` from the path and method, e.g. ``startups_create``,
    ``startups_read``, ``startups_matches``, ``webhooks_deliveries_replay``.

    Derived from what partners see (the path), not from Python function names, so renaming a
    function never renames a generated client's method; the schema baseline catches a path
    change.
    """
    method = sorted(route.methods or {"GET"})[0]
    segments = [s for s in route.path_format.strip("/").split("/") if s != "v1"]
    names = [s for s in segments if not s.startswith("{")]
    base = "_".join(names)
    if segments[-1].startswith("{"):
        return f"{base}_{_ITEM_VERBS.get(method, method.lower())}"
    if len(names) == 1 and len(segments) == 1 and segments[0] not in {"healthz", "readyz"}:
        return f"{base}_{_VERBS.get(method, method.lower())}"
    # An action or a sub-resource named by its last segment: startups_matches, keys_rotate.
    return base or "root"


def not_null(param: dict[str, Any]) -> None:
    """An optional parameter is left out, never sent as null: drop the ``null`` branch
    FastAPI derives from ``X | None`` (clients and fuzzers would send the text "null")."""
    schema = param.get("schema", {})
    branches = [b for b in schema.get("anyOf", []) if b.get("type") != "null"]
    if len(branches) == 1 and len(schema["anyOf"]) == 2:
        del schema["anyOf"]
        schema.update(branches[0])


_STRING = {"type": "string"}
ETAG = {
    "description": 'The version of the record, W/"<version>": send it back as If-Match',
    "schema": {**_STRING, "pattern": r'^W/"[0-9]{1,9}"$'},
}
LOCATION = {"description": "The URL of the new resource", "schema": _STRING}
REPLAYED = {
    "description": "true when this is the stored response to an earlier request with the "
    "same Idempotency-Key (nothing was done again)",
    "schema": {"type": "string", "enum": ["true"]},
}
_PROFILES = ("startups", "incubators", "partners", "scenarios")
_HEADERS: dict[str, dict[str, Any]] = {
    **{f"{p}_{v}": {"ETag": ETAG} for p in _PROFILES for v in ("read", "update")},
    **{f"{p}_create": {"ETag": ETAG, "Location": LOCATION} for p in _PROFILES},
    "imports_create": {"Location": LOCATION},
}
# FastAPI's generated names, renamed to what a client's model should be called (and
# Page_StartupRead_ to StartupPage).
_NAMES = {"Body_imports_create": "ImportUpload"}


def apply(schema: dict[str, Any]) -> None:
    """Apply every rule to a document FastAPI generated."""
    generic = {
        name: re.sub(r"^Page_(\w+)Read_$", r"\1Page", name)
        for name in schema.get("components", {}).get("schemas", {})
        if name.startswith("Page_")
    }
    for old, new in {**_NAMES, **generic}.items():
        _rename(schema, old, new)
    components = schema.get("components", {}).get("schemas", {})
    for model in components.values():
        _binary_uploads(model)
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            for param in operation.get("parameters", []):
                not_null(param)
            _body_not_null(operation.get("requestBody", {}), components)
            for status, response in operation.get("responses", {}).items():
                if not status.startswith("2"):
                    continue
                headers = dict(_HEADERS.get(operation.get("operationId", ""), {}))
                if method == "post":
                    headers["Idempotent-Replayed"] = REPLAYED
                if headers:
                    response.setdefault("headers", {}).update(headers)
    _outputs_required(schema)


def _body_not_null(body: dict[str, Any], components: dict[str, Any]) -> None:
    """An optional form field is left out, never sent as the text "null"."""
    for media, content in body.get("content", {}).items():
        if media == "multipart/form-data":
            ref = content.get("schema", {}).get("$ref", "")
            for prop in components.get(ref.rsplit("/", 1)[-1], {}).get("properties", {}).values():
                not_null({"schema": prop})


def _rename(schema: dict[str, Any], old: str, new: str) -> None:
    components = schema.get("components", {}).get("schemas", {})
    if old not in components:
        return
    components[new] = components.pop(old)
    components[new]["title"] = new
    _replace_refs(schema, f"#/components/schemas/{old}", f"#/components/schemas/{new}")


def _replace_refs(node: Any, old: str, new: str) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and value == old:
                node[key] = new
            else:
                _replace_refs(value, old, new)
    elif isinstance(node, list):
        for item in node:
            _replace_refs(item, old, new)


def _binary_uploads(model: dict[str, Any]) -> None:
    """Generators read ``format: binary`` for a file part, not ``contentMediaType``."""
    for prop in model.get("properties", {}).values():
        if prop.get("contentMediaType") == "application/octet-stream":
            prop["format"] = "binary"


def _refs(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            found.add(ref.rsplit("/", 1)[1])
        for value in node.values():
            found |= _refs(value)
    elif isinstance(node, list):
        for item in node:
            found |= _refs(item)
    return found


def _closure(names: set[str], components: dict[str, Any]) -> set[str]:
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen or name not in components:
            continue
        seen.add(name)
        todo.extend(_refs(components[name]))
    return seen


def schema_roles(schema: dict[str, Any]) -> tuple[set[str], set[str]]:
    """Names of the component schemas reachable from requests, and from responses."""
    components = schema.get("components", {}).get("schemas", {})
    inputs: set[str] = set()
    outputs: set[str] = set()
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            inputs |= _refs(operation.get("requestBody", {}))
            inputs |= _refs(operation.get("parameters", []))
            outputs |= _refs(operation.get("responses", {}))
    return _closure(inputs, components), _closure(outputs, components)


def _outputs_required(schema: dict[str, Any]) -> None:
    """Every field of a model only ever sent by the server is present in each response
    (pydantic dumps them all, null included), so each is ``required``."""
    components = schema.get("components", {}).get("schemas", {})
    inputs, outputs = schema_roles(schema)
    for name in outputs - inputs:
        model = components[name]
        if "properties" in model:
            model["required"] = list(model["properties"])
