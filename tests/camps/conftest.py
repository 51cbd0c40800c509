"""A camp with three incubators and a partner as hosts and seven applicants (``world``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import KeyFactory
from tests.factories import BODIES


def create(client: TestClient, kind: str, headers: dict[str, str], **body: Any) -> int:
    r = client.post(f"/v1/{kind}", json=BODIES[kind](**body), headers=headers)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


@dataclass
class World:
    client: TestClient
    organiser: dict[str, str]
    host_manager: dict[str, str]
    founders: list[dict[str, str]]
    startups: list[int]  # startups[i] belongs to founders[i % 2]
    incubators: list[int]
    partner: int
    camp: dict[str, Any]

    def host(self, incubator_id: int) -> int:
        return int(next(h["id"] for h in self.camp["hosts"] if h["incubator_id"] == incubator_id))

    def url(self, tail: str = "") -> str:
        return f"/v1/camps/{self.camp['id']}{tail}"

    def owner(self, startup_id: int) -> dict[str, str]:
        return self.founders[self.startups.index(startup_id) % 2]

    def apply(self, startup_id: int, **body: Any) -> Any:
        return self.client.post(
            self.url("/applications"),
            json={"startup_id": startup_id, **body},
            headers=self.owner(startup_id),
        )

    def allocate(self) -> dict[str, Any]:
        r = self.client.post(self.url("/allocate"), headers=self.organiser)
        assert r.status_code == 200, r.text
        return dict(r.json())


PLACES = (2, 2, 2)  # 7 places with the partner's; the city cap leaves one free


@pytest.fixture
def world(client: TestClient, auth: KeyFactory) -> World:
    return build_world(client, auth)


def build_world(client: TestClient, auth: KeyFactory) -> World:
    """Three incubators (Beijing, Tianjin, Munich) and a partner host a camp run by a manager
    of none of them; seven startups of two founders apply, every other one ranking hosts."""
    admin = dict(client.headers)
    regions = (
        ("Beijing", "beijing", "CN"),
        ("Tianjin", "tianjin", "CN"),
        ("Munich", "abroad", "DE"),
    )
    incubators = [
        create(
            client,
            "incubators",
            admin,
            location={"city": city, "region": region, "country": country},
            domains=["robotics", "ai"],
        )
        for city, region, country in regions
    ]
    partner = create(client, "partners", admin)
    founders = [auth("founder"), auth("founder")]
    cities = ("Beijing", "Tianjin", "Baoding", "Beijing", "Tianjin", "Beijing", "Langfang")
    region_of = {
        "Beijing": "beijing",
        "Tianjin": "tianjin",
        "Baoding": "hebei",
        "Langfang": "hebei",
    }
    startups = [
        create(
            client,
            "startups",
            founders[i % 2],
            domains=["robotics"],
            trl=4 + i % 3,
            location={"city": city, "region": region_of[city], "country": "CN"},
        )
        for i, city in enumerate(cities)
    ]
    organiser = auth("manager")
    body = {
        "name": "Beijing–Munich cross-border accelerator camp",
        "starts_on": "2026-06-01",
        "ends_on": "2026-06-02",
        "location": "Zhongguancun, Haidian, Beijing",
        "hosts": [
            *({"incubator_id": i, "places": p} for i, p in zip(incubators, PLACES, strict=True)),
            {"partner_id": partner, "places": 1, "eligibility": {"trl_min": 5}},
        ],
        "eligibility": {"domains": ["robotics", "ai"]},
        "quotas": [
            {
                "name": "30% Tianjin and Hebei",
                "attribute": "region",
                "values": ["tianjin", "hebei"],
                "at_least_share": 0.3,
            },
            {"name": "at most 2 per city", "attribute": "city", "per_value": True, "at_most": 2},
        ],
        "day_plan": {"slot_minutes": 45, "max_per_host_per_day": 3},
    }
    r = client.post("/v1/camps", json=body, headers=organiser)
    assert r.status_code == 201, r.text
    w = World(
        client,
        organiser,
        auth("manager", incubator_ids=[incubators[0]]),
        founders,
        startups,
        incubators,
        partner,
        r.json(),
    )
    for n, s in enumerate(startups):
        prefs = [{"incubator_id": i} for i in incubators[:2]] if n % 2 == 0 else []
        assert w.apply(s, host_preferences=prefs).status_code == 201
    return w
