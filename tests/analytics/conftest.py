"""A manager's incubator, startups from each region, and the founders who own them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import KeyFactory
from tests.factories import BODIES

ROBOTICS = ["robotics", "intelligent_manufacturing"]
# (name, region, city, country, stage, first_time_founders)
STARTUPS = (
    ("Haidian Grippers", "beijing", "Beijing", "CN", "prototype", True),
    ("Binhai Welding Vision", "tianjin", "Tianjin", "CN", "pilot", False),
    ("Baoding Robot Joints", "hebei", "Baoding", "CN", "pilot", None),
    ("Shenzhen Cobots", "china_other", "Shenzhen", "CN", "prototype", True),
    ("Munich Motion", "abroad", "Munich", "DE", "early_revenue", None),
)


@dataclass
class World:
    client: TestClient
    admin: dict[str, str]
    manager: dict[str, str]
    outsider: dict[str, str]
    founder: dict[str, str]
    incubator: int
    other_incubator: int
    startups: dict[str, int]

    def act(self, headers: dict[str, str], startup: str, **body: Any) -> Any:
        body = {"startup_id": self.startups[startup], "incubator_id": self.incubator, **body}
        r = self.client.post("/v1/matches", json=body, headers=headers)
        assert r.status_code in (200, 201), r.text
        return r.json()

    def get(self, path: str, headers: dict[str, str] | None = None, **params: Any) -> Any:
        return self.client.get(path, params=params, headers=headers or self.admin)


def _create(client: TestClient, plural: str, headers: dict[str, str], **body: Any) -> int:
    r = client.post(f"/v1/{plural}", json=BODIES[plural](**body), headers=headers)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


@pytest.fixture
def world(client: TestClient, auth: KeyFactory) -> World:
    admin = dict(client.headers)
    incubator = _create(client, "incubators", admin, domains=ROBOTICS, capacity=20)
    other = _create(client, "incubators", admin, domains=ROBOTICS)
    founder = auth("founder")
    startups = {}
    for name, region, city, country, stage, first_time in STARTUPS:
        startups[name] = _create(
            client,
            "startups",
            founder,
            name=name,
            description=f"{name}: robots and automation for factories.",
            domains=ROBOTICS,
            stage=stage,
            location={"city": city, "region": region, "country": country},
            first_time_founders=first_time,
        )
    return World(
        client=client,
        admin=admin,
        manager=auth("manager", incubator_ids=[incubator]),
        outsider=auth("manager", incubator_ids=[other]),
        founder=founder,
        incubator=incubator,
        other_incubator=other,
        startups=startups,
    )
