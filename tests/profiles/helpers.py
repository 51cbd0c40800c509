"""Assertions and database peeks shared by the profile tests."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from matchmaker.kinds import BY_PLURAL
from matchmaker.profiles.models import ProfileFacet

KINDS = list(BY_PLURAL)


class Response(Protocol):
    """What the tests read of a TestClient response (whichever httpx the client is built on)."""

    @property
    def status_code(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def headers(self) -> Mapping[str, str]: ...

    def json(self) -> Any: ...


def assert_invalid(response: Response, field: str, reason: str = "") -> dict[str, Any]:
    """A 422 in the API's error shape whose detail names ``field`` (and ``reason``, if given)."""
    assert response.status_code == 422, response.text
    body = response.json()
    assert set(body) == {"error", "message", "detail"}
    assert body["error"] == "validation_failed"
    assert isinstance(body["message"], str)
    assert body["message"]
    assert all(set(d) == {"field", "reason"} for d in body["detail"]), body
    hits = [d for d in body["detail"] if d["field"] == field]
    assert hits, f"no error on {field!r}: {body['detail']}"
    if reason:
        assert any(reason in d["reason"] for d in hits), hits
    return body  # type: ignore[no-any-return]


def assert_error(response: Response, status: int, error: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "message", "detail"}
    assert body["error"] == error
    return body  # type: ignore[no-any-return]


def title_field(plural: str) -> str:
    return BY_PLURAL[plural].title_attr


def create(client: TestClient, plural: str, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post(f"/v1/{plural}", json=body)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def row_counts(client: TestClient) -> dict[str, int]:
    """Rows of every profile table and of the facet table, read straight from the database."""
    with stored_engine(client).connect() as conn:
        counts = {
            plural: conn.scalar(select(func.count()).select_from(kind.model)) or 0
            for plural, kind in BY_PLURAL.items()
        }
        counts["facets"] = conn.scalar(select(func.count()).select_from(ProfileFacet)) or 0
        return counts


def facets_of(client: TestClient, plural: str, profile_id: int) -> set[tuple[str, str]]:
    kind = BY_PLURAL[plural]
    with stored_engine(client).connect() as conn:
        rows = conn.execute(
            select(ProfileFacet.name, ProfileFacet.value).where(
                ProfileFacet.kind == kind.name, ProfileFacet.profile_id == profile_id
            )
        )
        return {(name, value) for name, value in rows}


def stored_engine(client: TestClient) -> Engine:
    """The running app's database engine, to read or write rows behind the API."""
    engine: Engine = client.app.state.engine  # type: ignore[attr-defined]
    return engine
