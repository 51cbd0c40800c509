"""Decisions improve ranking (real model): declined pairs vanish, accepts and declines move
an incubator's recommendations through the pair's history component, from both sides, and
the explanation says so."""

from __future__ import annotations

from statistics import fmean
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import KeyFactory
from tests.reviews.conftest import create

ROBOTICS = [
    "Collaborative robot arms for electronics assembly lines, with force sensing and "
    "vision-guided grasping.",
    "Autonomous mobile robots that move pallets in warehouses and factories using lidar SLAM.",
    "Robotic welding cells with seam tracking for shipbuilding and heavy steel structures.",
    "Dexterous robotic hands and grippers for picking irregular parts in factories.",
    "Inspection robots that crawl along power-plant pipes and detect corrosion with "
    "ultrasonic sensors.",
    "Agricultural harvesting robots that pick strawberries in greenhouses with machine vision.",
]
FINTECH = [
    "Mobile payment gateway for small merchants with QR-code checkout and instant settlement.",
    "Peer-to-peer lending platform that scores borrowers with alternative credit data.",
    "Blockchain-based trade finance platform for invoices and letters of credit between banks.",
    "Digital wallet and cross-border remittance app for overseas workers.",
    "Insurance claims automation that reads medical bills for health insurers.",
]


def _startup(client: TestClient, headers: dict[str, str], name: str, text: str, domain: str) -> int:
    # Identical facts, so only the text (and so the semantic component) tells them apart.
    return create(
        client,
        "startups",
        headers,
        name=name,
        pitch=text,
        description=text,
        domains=[domain],
        tags=[],
        stage="prototype",
        trl=5,
        needs=["funding", "mentoring"],
        location={"city": "Beijing", "region": "beijing", "country": "CN"},
    )


@pytest.fixture
def setting(client: TestClient, auth: KeyFactory) -> dict[str, Any]:
    admin = dict(client.headers)
    incubator = create(
        client,
        "incubators",
        admin,
        name="Zhongguancun Fintech and Robotics Hub",
        description="Incubator for fintech startups in payments, lending, digital banking and "
        "blockchain finance, with a small robotics and automation track.",
        domains=["blockchain", "robotics"],
        stages=["prototype", "pilot"],
        services=["funding", "mentoring"],
        capacity=20,
    )
    founder = auth("founder")
    robotics = [
        _startup(client, founder, f"Robo {i}", t, "robotics") for i, t in enumerate(ROBOTICS)
    ]
    fintech = [
        _startup(client, founder, f"Fin {i}", t, "blockchain") for i, t in enumerate(FINTECH)
    ]
    return {
        "incubator": incubator,
        "manager": auth("manager", incubator_ids=[incubator]),
        "founder": founder,
        "robotics": robotics,
        "fintech": fintech,
    }


def _ranking(client: TestClient, s: dict[str, Any]) -> list[dict[str, Any]]:
    r = client.get(
        f"/v1/incubators/{s['incubator']}/matches", params={"limit": 50}, headers=s["manager"]
    )
    assert r.status_code == 200, r.text
    return list(r.json()["matches"])


def _decide(client: TestClient, s: dict[str, Any], startup: int, action: str) -> None:
    body: dict[str, Any] = {"startup_id": startup, "incubator_id": s["incubator"], "action": action}
    if action == "decline":
        body["reason"] = "domain_mismatch"
    assert client.post("/v1/matches", json=body, headers=s["manager"]).status_code == 201


def _startup_side(client: TestClient, s: dict[str, Any], startup: int) -> dict[str, Any]:
    r = client.get(
        f"/v1/startups/{startup}/matches",
        params={"target": "incubators", "limit": 50},
        headers=s["founder"],
    )
    assert r.status_code == 200, r.text
    found = [m for m in r.json()["matches"] if m["profile"]["id"] == s["incubator"]]
    assert found, f"incubator not among startup {startup}'s matches"
    return dict(found[0])


def test_accepts_and_declines_teach_the_pair_score_from_both_sides(
    client: TestClient, setting: dict[str, Any]
) -> None:
    s = setting
    accepted, unseen_robotics = s["robotics"][:3], s["robotics"][3:]
    declined, unseen_fintech = s["fintech"][:2], s["fintech"][2:]
    unseen = unseen_robotics + unseen_fintech

    def positions(ranking: list[dict[str, Any]]) -> dict[int, int]:
        order = [m["profile"]["id"] for m in ranking if m["profile"]["id"] in unseen]
        return {sid: order.index(sid) for sid in unseen}

    before = _ranking(client, s)
    assert all("history" not in m["components"] for m in before)  # cold start: no history
    rank_before = positions(before)
    # The profile leans fintech, so unseen robotics startups start below unseen fintech ones.
    assert fmean(rank_before[i] for i in unseen_robotics) > fmean(
        rank_before[i] for i in unseen_fintech
    )

    for startup in accepted:
        _decide(client, s, startup, "accept")
    for startup in declined:
        _decide(client, s, startup, "decline")

    after = _ranking(client, s)
    rank_after = positions(after)
    ids_after = [m["profile"]["id"] for m in after]
    assert not set(declined) & set(ids_after)
    assert fmean(rank_after[i] for i in unseen_robotics) < fmean(
        rank_before[i] for i in unseen_robotics
    )
    by_id = {m["profile"]["id"]: m for m in after}
    for sid in unseen:
        history = by_id[sid]["components"]["history"]
        assert "(of 3 accepted, 2 declined" in history["note"]
        assert (
            round(sum(c["contribution"] for c in by_id[sid]["components"].values()), 4)
            == (by_id[sid]["score"])
        )
    values = {sid: by_id[sid]["components"]["history"]["value"] for sid in unseen}
    assert min(values[i] for i in unseen_robotics) > max(values[i] for i in unseen_fintech)
    for sid in unseen_robotics:
        assert "accepted" in by_id[sid]["reason"]
    # The startup side sees the same pair with the same score and the same history.
    for sid in unseen:
        theirs = _startup_side(client, s, sid)
        assert theirs["score"] == by_id[sid]["score"]
        assert theirs["components"] == by_id[sid]["components"]


def test_a_declined_pair_is_never_proposed_again_in_either_direction(
    client: TestClient, setting: dict[str, Any]
) -> None:
    s = setting
    startup = s["robotics"][0]

    def startup_side() -> list[int]:
        r = client.get(
            f"/v1/startups/{startup}/matches",
            params={"target": "incubators", "limit": 50},
            headers=s["founder"],
        )
        assert r.status_code == 200, r.text
        return [m["profile"]["id"] for m in r.json()["matches"]]

    assert startup in [m["profile"]["id"] for m in _ranking(client, s)]
    assert s["incubator"] in startup_side()
    _decide(client, s, startup, "decline")
    assert startup not in [m["profile"]["id"] for m in _ranking(client, s)]
    assert s["incubator"] not in startup_side()
    # Declined by the startup side works the same way.
    other = s["fintech"][0]
    body = {
        "startup_id": other,
        "incubator_id": s["incubator"],
        "action": "decline",
        "reason": "region_mismatch",
    }
    assert client.post("/v1/matches", json=body, headers=s["founder"]).status_code == 201
    assert other not in [m["profile"]["id"] for m in _ranking(client, s)]
