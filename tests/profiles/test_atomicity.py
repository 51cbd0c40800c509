"""A request that fails after it has written leaves nothing behind: one transaction per request.

The failure is injected through the real extension point, a profile listener (the interface
the matching engine uses), which runs after the profile row and its facets were flushed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from matchmaker.errors import ServiceUnavailable
from tests.factories import BODIES
from tests.profiles.helpers import KINDS, create, facets_of, row_counts


class FailingListener:
    """Fails every save and delete, as a broken downstream component would."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def saved(self, session: Session, kind: Any, profile: Any) -> None:
        raise self.error

    def deleted(self, session: Session, kind: Any, profile_id: int) -> None:
        raise self.error


@pytest.fixture
def fail_after_write(client: TestClient) -> Iterator[Any]:
    """Call with an exception: from then on every profile write fails after flushing."""
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    original = dict(sessions.kw["info"])

    def install(error: Exception) -> None:
        listeners = (*original["listeners"], FailingListener(error))
        sessions.configure(info={**original, "listeners": listeners})

    yield install
    sessions.configure(info=original)


@pytest.mark.parametrize("plural", KINDS)
def test_a_write_failing_after_its_flush_leaves_nothing(
    client: TestClient, fail_after_write: Any, plural: str
) -> None:
    kept = create(client, plural, BODIES[plural]())
    facets = facets_of(client, plural, kept["id"])
    before = row_counts(client)
    fail_after_write(ServiceUnavailable("the index is unavailable"))

    created = client.post(f"/v1/{plural}", json=BODIES[plural]())
    patched = client.patch(
        f"/v1/{plural}/{kept['id']}",
        json={"description": "Half-written?", "domains": ["agritech"]},
        headers={"If-Match": 'W/"1"'},
    )
    deleted = client.delete(f"/v1/{plural}/{kept['id']}")

    for response in (created, patched, deleted):
        assert response.status_code == 503, response.text
        assert response.json()["error"] == "unavailable"
    assert row_counts(client) == before
    assert client.get(f"/v1/{plural}/{kept['id']}").json() == kept
    assert facets_of(client, plural, kept["id"]) == facets


def test_an_unexpected_error_is_a_500_in_the_same_shape_and_rolls_back(
    client: TestClient, fail_after_write: Any
) -> None:
    before = row_counts(client)
    fail_after_write(RuntimeError("boom"))
    quiet = TestClient(client.app, raise_server_exceptions=False)
    quiet.headers.update(client.headers)
    response = quiet.post("/v1/startups", json=BODIES["startups"]())
    assert response.status_code == 500
    assert response.json() == {
        "error": "internal_error",
        "message": "internal error",
        "detail": None,
    }
    assert row_counts(client) == before
