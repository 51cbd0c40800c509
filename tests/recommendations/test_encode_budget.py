"""The encode budget (issue 15): one call to the model per request that must embed, none else.

The encoder is the real model wrapped by a counter (every call still reaches the model), so
a second pass or a re-embedding of stored targets anywhere on the path would show up here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder, Vectors
from tests.conftest import as_admin
from tests.factories import incubator_body, partner_body, scenario_body, startup_body


@dataclass
class Counted:
    client: TestClient
    encoder: CountingEncoder
    startup: int
    incubator: int


class CountingEncoder:
    """The real encoder, with the number of texts of each call recorded."""

    def __init__(self, inner: Encoder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.calls: list[int] = []

    def encode(self, texts: list[str]) -> Vectors:
        self.calls.append(len(texts))
        return self.inner.encode(texts)


@pytest.fixture
def counted(settings: Settings, encoder: Encoder) -> Iterator[Counted]:
    """An app over stored profiles of every kind, with a decision, and its counting encoder."""
    counting = CountingEncoder(encoder)
    with TestClient(create_app(settings, counting)) as client:
        as_admin(client)
        startups = [_post(client, "startups", startup_body(name=f"S{i}")) for i in range(3)]
        incubator = _post(client, "incubators", incubator_body())
        _post(client, "partners", partner_body())
        _post(client, "scenarios", scenario_body())
        decision = {"startup_id": startups[0], "incubator_id": incubator, "action": "accept"}
        r = client.post("/v1/matches", json={**decision, "as_side": "target"})
        assert r.status_code == 201, r.text
        counting.calls.clear()
        yield Counted(client, counting, startups[0], incubator)


def _post(client: TestClient, plural: str, body: dict[str, Any]) -> int:
    r = client.post(f"/v1/{plural}", json=body)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def test_an_unsaved_startup_is_embedded_once_for_every_target_kind(
    counted: Counted,
) -> None:
    client, counting = counted.client, counted.encoder
    body = {"kind": "startups", "profile": startup_body(name="Unsaved")}
    r = client.post("/v1/recommendations", json=body)
    assert r.status_code == 200, r.text
    assert [res["target"] for res in r.json()["results"]] == ["incubators", "partners", "scenarios"]
    assert counting.calls == [1]


def test_a_batch_of_unsaved_profiles_is_one_call(
    counted: Counted,
) -> None:
    client, counting = counted.client, counted.encoder
    profiles = [startup_body(name=f"Unsaved {i}") for i in range(3)]
    body = {"kind": "startups", "profiles": profiles, "targets": ["incubators"]}
    r = client.post("/v1/recommendations/batch", json=body)
    assert r.status_code == 200, r.text
    assert counting.calls == [3]


def test_an_unsaved_incubator_is_embedded_once(
    counted: Counted,
) -> None:
    client, counting = counted.client, counted.encoder
    body = {"kind": "incubators", "profile": incubator_body(name="Unsaved hub")}
    r = client.post("/v1/recommendations", json=body)
    assert r.status_code == 200, r.text
    assert r.json()["results"][0]["matches"]
    assert counting.calls == [1]


def test_a_write_is_embedded_once(counted: Counted) -> None:
    client, counting = counted.client, counted.encoder
    _post(client, "startups", startup_body(name="Written"))
    assert counting.calls == [1]


def test_reads_of_stored_profiles_embed_nothing(
    counted: Counted,
) -> None:
    client, counting = counted.client, counted.encoder
    s, i = counted.startup, counted.incubator
    for path in (
        f"/v1/startups/{s}",
        "/v1/startups",
        f"/v1/startups/{s}/matches?target=incubators",
        f"/v1/incubators/{i}/matches",
        f"/v1/startups/{s}/bundle",
    ):
        r = client.get(path)
        assert r.status_code == 200, (path, r.text)
    assert counting.calls == []
