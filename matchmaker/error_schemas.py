"""What each error code's body looks like, so a generated client parses every error into a
typed model: one schema per code (``NotFoundError``, ``DuplicateError``...) and, where one
status can carry several codes, a ``oneOf`` told apart by ``error`` (its discriminator).

Every body is ``{"error": code, "message": text, "detail": ...}``; only ``detail``'s type
differs by code. Domain errors register their code when their class is defined
(``matchmaker.errors``); the codes answered by middleware are registered here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, create_model
from pydantic.json_schema import models_json_schema

REF = "#/components/schemas/{model}"


class FieldError(BaseModel):
    """One field of the request and what is wrong with it."""

    field: str
    reason: str


class ResourceRef(BaseModel):
    """The record an error is about: its kind (``startup``, ``camp``, ``key``...) and id."""

    kind: str
    id: int


class AccessDetail(BaseModel):
    """Who was refused (the key's role) and, where there is one, the record refused."""

    role: str | None = None
    kind: str | None = None
    id: int | None = None
    startup_id: int | None = None  # a match's startup, when the refused record is its target


class DuplicateDetail(BaseModel):
    """The record that already exists: read or update it instead."""

    existing_id: int
    url: str


class VersionDetail(BaseModel):
    """The record's version now: read it again, reapply the change, send this in If-Match."""

    id: int
    current_version: int


class TransitionDetail(BaseModel):
    """The match, its state, and the side and action that state does not allow."""

    match_id: int | None
    state: str
    side: str
    action: str


class PlacesDetail(BaseModel):
    """The camp host whose places are all taken."""

    host_id: int
    places: int


@dataclass(frozen=True, slots=True)
class ErrorCode:
    code: str
    status: int
    detail: Any  # a detail model, list[FieldError], or None (no detail)
    description: str

    @property
    def schema_name(self) -> str:
        return "".join(part.title() for part in self.code.split("_")) + "Error"


CODES: dict[str, ErrorCode] = {}


def register(code: str, status: int, detail: Any, description: str) -> None:
    """Declare an error code; the same code cannot mean two things."""
    entry = ErrorCode(code, status, detail, " ".join(description.split()))
    known = CODES.setdefault(code, entry)
    if (known.status, known.detail) != (status, detail):
        raise ValueError(f"error code {code!r} is registered twice with different bodies")


FIELDS = list[FieldError]


def body_model(entry: ErrorCode) -> type[BaseModel]:
    # Every field is required: the server always sends ``detail``, null included.
    detail: tuple[Any, Any]
    if entry.detail is None:
        detail = (None, ...)
    elif entry.detail == FIELDS:
        detail = (FIELDS, ...)
    else:
        detail = (entry.detail | None, ...)
    fields: dict[str, Any] = {
        "error": (Literal[entry.code], ...),
        "message": (str, ...),
        "detail": detail,
    }
    return create_model(
        entry.schema_name,
        __config__=ConfigDict(title=entry.schema_name),
        __doc__=entry.description,
        **fields,
    )


def components() -> dict[str, Any]:
    """The component schemas of every registered code's body (and the details they use)."""
    models = [body_model(entry) for entry in CODES.values()]
    _, schema = models_json_schema([(m, "serialization") for m in models], ref_template=REF)
    defs: dict[str, Any] = schema.get("$defs", {})
    return defs


def _ref(code: str) -> dict[str, str]:
    return {"$ref": REF.format(model=CODES[code].schema_name)}


def content(codes: list[str]) -> dict[str, Any]:
    """``content`` of a response that answers with any of ``codes``."""
    codes = list(dict.fromkeys(codes))
    if len(codes) == 1:
        schema: dict[str, Any] = _ref(codes[0])
    else:
        schema = {
            "oneOf": [_ref(c) for c in codes],
            "discriminator": {
                "propertyName": "error",
                "mapping": {c: _ref(c)["$ref"] for c in codes},
            },
        }
    return {"application/json": {"schema": schema}}


def codes_of(response: dict[str, Any]) -> list[str]:
    """The codes an already declared response answers with (see ``content``)."""
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    refs = [schema] if "$ref" in schema else schema.get("oneOf", [])
    by_name = {e.schema_name: e.code for e in CODES.values()}
    return [by_name[r["$ref"].rsplit("/", 1)[1]] for r in refs if "$ref" in r]


def _described(code: str) -> str:
    return f"`{code}`: {CODES[code].description.rstrip('.')}."


def response(codes: list[str], description: str | None = None) -> dict[str, Any]:
    """A whole response entry: what it means and the bodies it may carry."""
    text = description or " ".join(_described(c) for c in codes)
    return {"description": text, "content": content(codes)}


def add_codes(responses: dict[str, Any], status: int, codes: list[str]) -> None:
    """Declare more codes on a status an operation may already answer with."""
    existing = responses.get(str(status))
    if existing is None:
        responses[str(status)] = response(codes)
        return
    merged = codes_of(existing) + codes
    known = codes_of(existing)
    extra = " ".join(_described(c) for c in codes if c not in known)
    existing["content"] = content(merged)
    existing["description"] = f"{existing.get('description', '')} {extra}".strip()


# Codes answered outside the routes (middleware and the framework's own errors).
register("validation_failed", 422, FIELDS, "Invalid input: detail lists field and reason")
register(
    "unsupported_media_type",
    415,
    FIELDS,
    "The body was sent with a Content-Type other than application/json",
)
register(
    "payload_too_large",
    413,
    None,
    "The body is larger than `MATCHMAKER_MAX_BODY_BYTES` (`MATCHMAKER_MAX_UPLOAD_BYTES` for "
    "uploads); it was not read",
)
register("method_not_allowed", 405, None, "This path does not take this method (see `Allow`)")
register(
    "rate_limited",
    429,
    None,
    "Too many requests for this account (its keys and web sessions share one budget); wait "
    "`Retry-After` s",
)
register(
    "idempotency_in_progress",
    409,
    None,
    "A request with this Idempotency-Key is still running; retry after `Retry-After`",
)
register(
    "idempotency_response_lost",
    409,
    None,
    "The request with this Idempotency-Key was carried out but its response was not kept; "
    "read the result instead of retrying",
)
register(
    "idempotency_key_reused",
    422,
    FIELDS,
    "This Idempotency-Key was used with a different request; use a new key",
)
