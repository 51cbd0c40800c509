"""Against a real server: a retry sent the moment the first 2xx arrives is replayed.

The response is stored before it is sent, so no retry can reach the server between the two
(with the response sent first, 9 of 15 such retries got 409 idempotency_in_progress).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from tests.factories import startup_body
from tests.live import client_of

TRIES = 30


@pytest.fixture
def server(settings: Settings, encoder: Encoder) -> Iterator[httpx.Client]:
    """A client of a live server, sending a founder's key."""
    with client_of(create_app(settings, encoder), "founder") as client:
        yield client


def _twice(client: httpx.Client, path: str, body: dict[str, Any], key: str) -> None:
    headers = {"Idempotency-Key": key}
    first = client.post(path, json=body, headers=headers)
    assert first.is_success, first.text
    again = client.post(path, json=body, headers=headers)
    assert again.status_code == first.status_code, again.text
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.content == first.content


def test_a_retry_right_after_a_create_is_replayed(server: httpx.Client) -> None:
    client = server
    for i in range(TRIES):
        _twice(client, "/v1/startups", startup_body(name=f"Retry Lab {i}"), f"create-{i}")
    listed = client.get("/v1/startups", params={"limit": 100}).json()
    assert len(listed["items"]) == TRIES  # each created once


def test_a_retry_right_after_a_batch_recommendation_is_replayed(
    server: httpx.Client,
) -> None:
    client = server
    for i in range(TRIES):
        body = {"kind": "startups", "profiles": [startup_body(name=f"Batch Lab {i}")]}
        _twice(client, "/v1/recommendations/batch", body, f"batch-{i}")
