"""Diversity and regional balance on real match lists: the real model, both databases.

Each option changes which matches are shown and their order, never a score: every shown
match has the score the plain list gives the same pair, and says why it moved.
"""

from __future__ import annotations

import math
from typing import Any

from fastapi.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from matchmaker.web.session import LANG_COOKIE
from tests.conftest import as_admin, mint_key
from tests.matching.helpers import ids_of, make, matches
from tests.web.test_session import _browser, _sign_in

WELD = (
    "Welding robot arm with AI seam tracking for car body lines; it finds the seam with a "
    "laser line scanner and corrects the torch path while it welds"
)
INCUBATOR_TEXT = (
    "Incubator for welding robots: robot arms that weld car body lines, laser seam tracking "
    "and torch path correction, with welding cells to test them."
)
OTHERS = (
    "Quadruped robot that walks power lines and substations to inspect insulators",
    "Surgical robot for knee and hip replacement with force feedback",
    "Underwater robot that inspects oil pipelines and ship hulls with sonar",
    "Fruit picking robot for greenhouses with soft grippers and a vision model",
    "Exoskeleton that helps stroke patients walk again during rehabilitation",
    "Warehouse robot that picks parcels from shelves with suction grippers",
)


def _incubator(client: TestClient) -> int:
    return make(
        client,
        "incubators",
        name="Robot Works",
        description=INCUBATOR_TEXT,
        domains=["robotics", "intelligent_manufacturing"],
        stages=["prototype", "pilot"],
        capacity=20,
    )


def _robot(client: TestClient, name: str, text: str, **overrides: Any) -> int:
    overrides.setdefault("website", f"https://{name.lower().replace(' ', '-')}.example.cn")
    return make(
        client,
        "startups",
        name=name,
        pitch=text,
        description=text,
        domains=["robotics", "intelligent_manufacturing"],
        tags=[],
        needs=["lab_equipment"],
        **overrides,
    )


def _by_id(found: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    return {m["profile"]["id"]: m for m in found}


def _same_scores_as_plain(found: list[dict[str, Any]], plain: list[dict[str, Any]]) -> None:
    """Every shown match has the plain list's score, similarity and reason for its pair."""
    by_id = _by_id(plain)
    for m in found:
        p = by_id[m["profile"]["id"]]
        assert (m["score"], m["similarity"], m["reason"]) == (
            p["score"],
            p["similarity"],
            p["reason"],
        )
        assert m["components"] == p["components"]


def test_mmr_lists_fewer_near_copies_and_keeps_every_score(client: TestClient) -> None:
    incubator = _incubator(client)
    copies = {
        _robot(client, f"Weld Copy {n}", WELD.replace("car body", body))
        for n, body in enumerate(("car body", "car-body", "vehicle body", "auto body"))
    }
    for n, text in enumerate(OTHERS):
        _robot(client, f"Other Robot {n}", text)
    path = f"/v1/incubators/{incubator}/matches"
    plain = matches(client, path, limit=100)
    top = 4
    plain_copies = len(set(ids_of(plain[:top])) & copies)
    assert plain_copies >= 3  # the plain list is mostly near-copies: something to fix

    diverse = matches(client, path, limit=top, diversity="mmr", mmr_lambda=0.5)
    assert len(diverse) == top
    assert len(set(ids_of(diverse)) & copies) < plain_copies
    _same_scores_as_plain(diverse, plain)
    rank = {pid: i + 1 for i, pid in enumerate(ids_of(plain))}
    moved = [m for m in diverse if m["rerank"] is not None]
    assert moved  # something moved, and each says so, with its plain rank
    for m in moved:
        assert m["rerank"]["code"] == "rerank_diversity"
        assert m["rerank"]["params"]["rank"] == rank[m["profile"]["id"]]
        assert "moved up for diversity" in m["rerank"]["text"]
    # λ = 1 is the score alone: the plain order.
    assert ids_of(matches(client, path, limit=top, diversity="mmr", mmr_lambda=1)) == ids_of(
        plain[:top]
    )


def test_one_per_org_keeps_the_best_of_each_website(client: TestClient) -> None:
    incubator = _incubator(client)
    same_org = {
        _robot(client, "Weld Main", WELD, website="https://www.weldco.cn/"),
        _robot(
            client, "Weld Lab", WELD.replace("car body", "truck"), website="http://weldco.cn/lab"
        ),
        _robot(client, "Weld Asia", WELD.replace("laser", "camera"), website="WeldCo.cn/asia"),
    }
    others = {_robot(client, f"Other Robot {n}", text) for n, text in enumerate(OTHERS[:3])}
    path = f"/v1/incubators/{incubator}/matches"
    plain = matches(client, path, limit=100)
    assert len(set(ids_of(plain)) & same_org) == 3

    found = matches(client, path, limit=10, one_per_org="true")
    shown = set(ids_of(found))
    assert len(shown & same_org) == 1
    assert shown == others | {next(i for i in ids_of(plain) if i in same_org)}  # its best
    _same_scores_as_plain(found, plain)
    rank = {pid: i + 1 for i, pid in enumerate(ids_of(plain))}
    for position, m in enumerate(found, start=1):
        moved = rank[m["profile"]["id"]] > position
        assert (m["rerank"] or {}).get("code") == ("rerank_org" if moved else None)


def _regional_world(client: TestClient) -> tuple[int, set[int]]:
    incubator = _incubator(client)
    for n, text in enumerate(OTHERS):
        _robot(client, f"Beijing Robot {n}", f"{WELD}. {text}")
    tianjin = {
        _robot(
            client,
            f"Tianjin Robot {n}",
            text,
            location={"city": "Tianjin", "region": "tianjin", "country": "CN"},
        )
        for n, text in enumerate(("Robot vacuum for office floors", "A toy robot kit for kids"))
    }
    return incubator, tianjin


def test_regional_balance_gives_each_prefix_its_minimum_share(client: TestClient) -> None:
    incubator, tianjin = _regional_world(client)
    path = f"/v1/incubators/{incubator}/matches"
    plain = matches(client, path, limit=100)
    assert not set(ids_of(plain[:5])) & tianjin  # under-exposed by score alone

    for share in (0.2, 0.4):
        found = matches(client, path, limit=5, fair_regions="tianjin", fair_share=share)
        assert len(found) == 5
        for i in range(1, 6):
            have = len(set(ids_of(found[:i])) & tianjin)
            assert have >= math.floor(share * i + 1e-9), (share, i)
        _same_scores_as_plain(found, plain)
        for m in found:
            if m["profile"]["id"] in tianjin:
                assert m["rerank"]["code"] == "rerank_region"
                assert m["rerank"]["params"] == {"region": "tianjin", "share": share}
    # Protecting Tianjin keeps the rest in their plain order.
    rest = [i for i in ids_of(found) if i not in tianjin]
    assert rest == [i for i in ids_of(plain) if i not in tianjin][: len(rest)]


def test_regional_balance_says_when_the_pool_is_short(client: TestClient) -> None:
    incubator, tianjin = _regional_world(client)
    path = f"/v1/incubators/{incubator}/matches"
    response = client.get(path, params={"limit": 5, "fair_regions": ["tianjin", "hebei"]})
    assert response.status_code == 200, response.text
    body = response.json()
    assert len(set(ids_of(body["matches"])) & tianjin) == 1
    notes = body["rerank_notes"]
    assert [n["code"] for n in notes] == ["rerank_region_short"]
    assert notes[0]["params"] == {"region": "hebei", "wanted": 1, "found": 0}
    assert notes[0]["text"] == "too few candidates from Hebei for its minimum share (0 of 1)"
    chinese = client.get(
        path,
        params={"limit": 5, "fair_regions": ["tianjin", "hebei"]},
        headers={"Accept-Language": "zh"},
    ).json()
    assert chinese["rerank_notes"][0]["code"] == "rerank_region_short"
    assert "河北" in chinese["rerank_notes"][0]["text"]
    moved = [m for m in chinese["matches"] if m["rerank"]]
    assert moved
    assert all("区域均衡" in m["rerank"]["text"] for m in moved)


def test_every_match_list_takes_the_options(client: TestClient) -> None:
    incubator, tianjin = _regional_world(client)
    startup = _robot(client, "Weld Query", WELD)
    options = {"diversity": "mmr", "one_per_org": "true", "fair_regions": "tianjin"}
    for target in ("incubators", "partners", "scenarios"):
        response = client.get(
            f"/v1/startups/{startup}/matches", params={"target": target, **options}
        )
        assert response.status_code == 200, response.text
    bundle = client.get(f"/v1/startups/{startup}/bundle", params=options)
    assert bundle.status_code == 200, bundle.text
    unsaved = {
        "kind": "incubators",
        "profile": {
            "name": "Robot Works",
            "description": INCUBATOR_TEXT,
            "kind": "national_incubator",
            "location": {"city": "Beijing", "region": "beijing", "country": "CN"},
            "domains": ["robotics", "intelligent_manufacturing"],
            "stages": ["prototype", "pilot"],
            "capacity": 20,
        },
        "filters": {"limit": 5, "fair_regions": ["tianjin"], "fair_share": 0.2},
    }
    response = client.post("/v1/recommendations", json=unsaved)
    assert response.status_code == 200, response.text
    stored = matches(
        client,
        f"/v1/incubators/{incubator}/matches",
        limit=5,
        fair_regions="tianjin",
        fair_share=0.2,
    )
    # The same list as the stored twin's (an unsaved profile's vector is embedded afresh, so
    # near-equal scores may swap; see test_recommendations).
    unsaved_found = response.json()["results"][0]["matches"]
    assert set(ids_of(unsaved_found)) == set(ids_of(stored))
    assert [m["rerank"] for m in unsaved_found if m["profile"]["id"] in tianjin] == [
        m["rerank"] for m in stored if m["profile"]["id"] in tianjin
    ]


def _field(response: Any) -> list[str]:
    assert response.status_code == 422, response.text
    return [d["field"] for d in response.json()["detail"]]


def test_invalid_options_are_422_naming_the_field(client: TestClient) -> None:
    incubator = _incubator(client)
    startup = _robot(client, "Weld Query", WELD)
    path = f"/v1/incubators/{incubator}/matches"
    assert _field(client.get(path, params={"diversity": "random"})) == ["diversity"]
    assert _field(client.get(path, params={"mmr_lambda": 1.5})) == ["mmr_lambda"]
    assert _field(client.get(path, params={"one_per_org": "maybe"})) == ["one_per_org"]
    assert _field(client.get(path, params={"fair_regions": "mars"})) == ["fair_regions.0"]
    assert _field(client.get(path, params={"fair_share": -0.1})) == ["fair_share"]
    forward = f"/v1/startups/{startup}/matches"
    assert _field(client.get(forward, params={"kind": "spaceport"})) == ["kind.0"]
    too_much: dict[str, Any] = {
        "fair_regions": ["tianjin", "hebei", "elsewhere"],
        "fair_share": 0.4,
    }
    assert _field(client.get(path, params=too_much)) == ["fair_share"]
    bundle = f"/v1/startups/{startup}/bundle"
    assert _field(client.get(bundle, params=too_much)) == ["fair_share"]
    body = {"kind": "startups", "profile": _unsaved_startup(), "filters": too_much}
    assert _field(client.post("/v1/recommendations", json=body)) == ["filters.fair_share"]


def _unsaved_startup() -> dict[str, Any]:
    return {
        "name": "Weld Query",
        "pitch": WELD,
        "domains": ["robotics"],
        "stage": "prototype",
        "trl": 4,
        "location": {"city": "Beijing", "region": "beijing", "country": "CN"},
    }


def test_the_service_defaults_apply_and_a_request_can_turn_them_off(
    settings: Settings, encoder: Encoder
) -> None:
    balanced = settings.model_copy(
        update={"rerank_fair_regions": ["tianjin"], "rerank_fair_share": 0.2}
    )
    with TestClient(create_app(balanced, encoder)) as raw:
        client = as_admin(raw)
        incubator, tianjin = _regional_world(client)
        path = f"/v1/incubators/{incubator}/matches"
        assert set(ids_of(matches(client, path, limit=5))) & tianjin
        assert not set(ids_of(matches(client, path, limit=5, fair_share=0))) & tianjin
        # The dashboard's list is the same list: it says why a startup is on it, in each language.
        manager = _browser(client.app)  # type: ignore[arg-type]
        _sign_in(manager, mint_key(client, "manager", incubator_ids=[incubator]))
        page = manager.get(f"/incubators/{incubator}")
        assert page.status_code == 200
        assert "included for regional balance: at least 20% of the list from Tianjin" in page.text
        manager.cookies.set(LANG_COOKIE, "zh")
        assert (
            "为区域均衡列入：列表中至少 20% 来自天津"
            in manager.get(f"/incubators/{incubator}").text
        )
