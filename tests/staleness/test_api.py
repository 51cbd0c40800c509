"""Stale profiles are flagged in their reads, listed to the accounts that manage them, and
ranked lower in match lists with the reason, in English and Chinese."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import update

from matchmaker.incubators.models import Incubator
from matchmaker.matching.scoring import STALE_PENALTY
from matchmaker.startups.models import Startup
from tests.conftest import KeyFactory, bearer, mint_key
from tests.factories import incubator_body, startup_body
from tests.web.test_session import _browser, _sign_in


def _create(client: TestClient, plural: str, body: dict[str, Any], headers: Any = None) -> int:
    r = client.post(f"/v1/{plural}", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def _age(client: TestClient, model: Any, profile_id: int, days: int) -> datetime:
    """Make a profile look last updated ``days`` ago (as if nobody touched it since)."""
    at = datetime.now(UTC) - timedelta(days=days)
    with client.app.state.sessions() as session, session.begin():  # type: ignore[attr-defined]
        session.execute(update(model).where(model.id == profile_id).values(updated_at=at))
    return at


def test_a_profile_not_updated_for_a_year_is_flagged_until_it_is_updated(
    client: TestClient, auth: KeyFactory
) -> None:
    founder, other = auth("founder"), auth("founder")
    old = _create(client, "startups", startup_body(), founder)
    fresh = _create(client, "startups", startup_body(), founder)
    _create(client, "startups", startup_body(), other)
    _age(client, Startup, old, 400)

    read = client.get(f"/v1/startups/{old}").json()
    assert read["stale"] is True
    since = datetime.fromisoformat(read["stale_since"])
    assert since <= datetime.now(UTC)
    assert client.get(f"/v1/startups/{fresh}").json()["stale"] is False

    mine = client.get("/v1/me/stale", headers=founder).json()
    assert mine["stale_after_days"] == 365
    assert [(i["kind"], i["id"], i["url"]) for i in mine["items"]] == [
        ("startup", old, f"/v1/startups/{old}")
    ]
    assert client.get("/v1/me/stale", headers=other).json()["items"] == []

    patched = client.patch(f"/v1/startups/{old}", json={"team_size": 15}, headers=founder)
    assert patched.status_code == 200
    assert patched.json()["stale"] is False
    assert client.get("/v1/me/stale", headers=founder).json()["items"] == []


def test_a_stale_incubator_ranks_below_its_fresh_twin_with_the_reason(client: TestClient) -> None:
    startup = _create(client, "startups", startup_body(domains=["robotics"]))
    body = incubator_body(description="Robotics incubator with a pilot line and shared labs.")
    fresh = _create(client, "incubators", {**body, "name": "Fresh robotics incubator"})
    stale = _create(
        client,
        "incubators",
        {**body, "name": "Stale robotics incubator", "website": "https://stale.example.cn"},
    )
    _age(client, Incubator, stale, 500)

    found = client.get(f"/v1/startups/{startup}/matches", params={"target": "incubators"})
    matches = {m["profile"]["id"]: m for m in found.json()["matches"]}
    assert [m["profile"]["id"] for m in found.json()["matches"]][:2] == [fresh, stale]
    penalty = matches[stale]["components"]["stale_profile"]
    expected = matches[fresh]["score"] * (1 - STALE_PENALTY)
    assert abs(matches[stale]["score"] - expected) < 2e-3  # shown rounded to 4 places
    assert penalty["contribution"] < 0
    assert penalty["explanation"]["code"] == "stale_profile"
    assert "because the incubator profile is out of date" in matches[stale]["reason"]
    assert "stale_profile" not in matches[fresh]["components"]

    zh = client.get(
        f"/v1/startups/{startup}/matches",
        params={"target": "incubators"},
        headers={"Accept-Language": "zh-CN"},
    ).json()
    reason = next(m["reason"] for m in zh["matches"] if m["profile"]["id"] == stale)
    assert "孵化器资料已过时" in reason


def test_the_founder_and_the_manager_pages_say_a_profile_is_out_of_date(
    client: TestClient,
) -> None:
    key = mint_key(client, "founder")
    startup = _create(client, "startups", startup_body(), bearer(key))
    incubator = _create(client, "incubators", incubator_body())
    since = _age(client, Startup, startup, 400).date().isoformat()
    founder = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(founder, key)
    home = founder.get("/").text
    assert '<span class="tag">out of date</span>' in home
    page = founder.get(f"/startups/{startup}").text
    assert f"Not updated since {since}: this profile counts as out of date" in page

    _age(client, Incubator, incubator, 800)
    manager = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(manager, mint_key(client, "manager", incubator_ids=[incubator]))
    board = manager.get(f"/incubators/{incubator}", headers={"Accept-Language": "zh-CN"}).text
    assert "此资料视为已过时" in board
    fresh = _create(client, "startups", startup_body(), bearer(key))
    assert 'id="stale-note"' not in founder.get(f"/startups/{fresh}").text
