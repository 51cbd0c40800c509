"""The parties of a review: a founder's startup, a manager's incubator, a platform's partner
and scenario, and outsiders with keys of the same roles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import KeyFactory
from tests.factories import BODIES


@dataclass
class Parties:
    client: TestClient
    founder: dict[str, str]
    manager: dict[str, str]
    platform: dict[str, str]
    outsider_founder: dict[str, str]
    outsider_manager: dict[str, str]
    startup: int
    incubator: int
    partner: int
    scenario: int

    def act(self, headers: dict[str, str], **body: Any) -> Any:  # the TestClient's response
        body.setdefault("startup_id", self.startup)
        if not any(k in body for k in ("incubator_id", "partner_id", "scenario_id")):
            body["incubator_id"] = self.incubator
        return self.client.post("/v1/matches", json=body, headers=headers)

    def events(self, match_id: int, headers: dict[str, str] | None = None) -> list[Any]:
        r = self.client.get(f"/v1/matches/{match_id}/events", headers=headers or self.founder)
        assert r.status_code == 200, r.text
        return list(r.json())


def create(client: TestClient, kind: str, headers: dict[str, str], **body: Any) -> int:
    r = client.post(f"/v1/{kind}", json=BODIES[kind](**body), headers=headers)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


@pytest.fixture
def parties(client: TestClient, auth: KeyFactory) -> Parties:
    admin = dict(client.headers)
    incubator = create(client, "incubators", admin, contact_email="desk@incubator.example.cn")
    other_incubator = create(client, "incubators", admin)
    partner = create(client, "partners", admin, contact_email="bd@partner.example.com")
    founder, platform = auth("founder"), auth("partner", partner_ids=[partner])
    startup = create(
        client,
        "startups",
        founder,
        contact_email="ceo@robotics.example.cn",
        domains=["robotics", "intelligent_manufacturing"],
        stage="pilot",
        trl=5,
    )
    scenario = create(
        client, "scenarios", platform, publisher=partner, contact_email="pilots@partner.example"
    )
    return Parties(
        client=client,
        founder=founder,
        manager=auth("manager", incubator_ids=[incubator]),
        platform=platform,
        outsider_founder=auth("founder"),
        outsider_manager=auth("manager", incubator_ids=[other_incubator]),
        startup=startup,
        incubator=incubator,
        partner=partner,
        scenario=scenario,
    )
