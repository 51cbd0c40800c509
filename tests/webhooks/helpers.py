"""A founder's startup and a manager's incubator, and acting on their match."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import KeyFactory
from tests.factories import incubator_body, startup_body
from tests.webhooks.receiver import Received


@dataclass
class Pair:
    founder: dict[str, str]
    manager: dict[str, str]
    startup: int
    incubator: int


def make_pair(client: TestClient, auth: KeyFactory) -> Pair:
    incubator = client.post(
        "/v1/incubators", json=incubator_body(name="Robot Works", domains=["robotics"])
    ).json()["id"]
    founder = auth("founder")
    startup = client.post(
        "/v1/startups",
        json=startup_body(name="Arm Lab", domains=["robotics"], pitch="Dexterous robot hands"),
        headers=founder,
    ).json()["id"]
    return Pair(founder, auth("manager", incubator_ids=[incubator]), startup, incubator)


def act(client: TestClient, pair: Pair, headers: dict[str, str], action: str) -> int:
    r = client.post(
        "/v1/matches",
        json={"startup_id": pair.startup, "incubator_id": pair.incubator, "action": action},
        headers=headers,
    )
    return r.status_code


def subscribe(
    client: TestClient, headers: dict[str, str], url: str, events: list[str], **extra: Any
) -> dict[str, Any]:
    r = client.post("/v1/webhooks", json={"url": url, "events": events, **extra}, headers=headers)
    assert r.status_code == 201, r.text
    return dict(r.json())


def body(request: Received) -> dict[str, Any]:
    return dict(json.loads(request.body))


def wait_delivered(
    client: TestClient, hook_id: int, headers: dict[str, str], event: str, timeout: float = 60
) -> dict[str, Any]:
    """The delivery of ``event`` once it is no longer pending (delivered or failed)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        items = client.get(f"/v1/webhooks/{hook_id}/deliveries", headers=headers).json()["items"]
        done = [d for d in items if d["event"] == event and d["status"] != "pending"]
        if done:
            return dict(done[0])
        time.sleep(0.05)
    raise AssertionError(f"no {event} delivery finished")
