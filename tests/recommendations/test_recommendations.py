"""Recommendations for unsaved profiles: same answers as stored ones, batches, nothing kept."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from matchmaker.recommendations.schemas import MAX_BATCH, MAX_BATCH_TEXT
from matchmaker.tables import metadata
from tests.factories import incubator_body, partner_body, scenario_body, startup_body


def _world(client: TestClient) -> None:
    for body in (
        incubator_body(name="Quantum Foundry", domains=["quantum", "photonics"], capacity=3),
        incubator_body(name="Robot Works", domains=["robotics"], capacity=4),
        incubator_body(name="Bio Valley", domains=["biomedicine"], capacity=2),
    ):
        assert client.post("/v1/incubators", json=body).status_code == 201
    assert client.post("/v1/partners", json=partner_body(domains=["quantum"])).status_code == 201
    assert client.post("/v1/scenarios", json=scenario_body(min_trl=3)).status_code == 201


def _quantum_startup(**overrides: Any) -> dict[str, Any]:
    return startup_body(
        name="Qubit Sense",
        pitch="Diamond NV-centre quantum magnetometers",
        description="Room-temperature quantum sensors for brain imaging and navigation.",
        domains=["quantum", "medical_devices"],
        **overrides,
    )


def _ranked(result: dict[str, Any]) -> list[tuple[int, float | None]]:
    return [(m["profile"]["id"], m["score"]) for m in result["matches"]]


def _row_counts(client: TestClient) -> dict[str, int]:
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as session:
        return {
            t.name: int(session.scalar(select(func.count()).select_from(t)) or 0)
            for t in metadata.sorted_tables
        }


def test_unsaved_startup_gets_the_matches_a_stored_one_would(client: TestClient) -> None:
    _world(client)
    body = _quantum_startup()
    r = client.post("/v1/recommendations", json={"kind": "startups", "profile": body})
    assert r.status_code == 200, r.text
    results = {res["target"]: res for res in r.json()["results"]}
    assert set(results) == {"incubators", "partners", "scenarios"}
    assert results["incubators"]["query"]["id"] == 0  # not stored
    top = results["incubators"]["matches"][0]
    assert top["profile"]["title"] == "Quantum Foundry"
    assert top["reason"]
    assert "quantum" in top["matched_domains"]

    stored = client.post("/v1/startups", json=body).json()["id"]
    for target in ("incubators", "partners", "scenarios"):
        got = client.get(f"/v1/startups/{stored}/matches", params={"target": target})
        assert got.status_code == 200, got.text
        unsaved, saved = _ranked(results[target]), _ranked(got.json())
        assert [i for i, _ in unsaved] == [i for i, _ in saved]
        assert [s for _, s in unsaved] == pytest.approx([s for _, s in saved], abs=1e-3)


def test_a_recommendation_writes_nothing(client: TestClient) -> None:
    _world(client)
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    before = _row_counts(client)
    sizes = {k: len(ix) for k, ix in runtime.store.indexes.items()}
    single = {"kind": "incubators", "profile": incubator_body(name="Unsaved Hub")}
    assert client.post("/v1/recommendations", json=single).status_code == 200
    batch = {"kind": "startups", "profiles": [_quantum_startup(), startup_body()]}
    assert client.post("/v1/recommendations/batch", json=batch).status_code == 200
    assert _row_counts(client) == before
    assert {k: len(ix) for k, ix in runtime.store.indexes.items()} == sizes


def test_batch_and_single_results_agree(client: TestClient) -> None:
    _world(client)
    profiles = [
        _quantum_startup(),
        startup_body(name="Arm Lab", domains=["robotics"], pitch="Dexterous robot hands"),
        startup_body(name="Cell Line", domains=["biomedicine"], pitch="Cell therapy process"),
    ]
    batch = client.post(
        "/v1/recommendations/batch",
        json={"kind": "startups", "profiles": profiles, "targets": ["incubators", "partners"]},
    )
    assert batch.status_code == 200, batch.text
    items = batch.json()["items"]
    assert len(items) == len(profiles)
    for profile, item in zip(profiles, items, strict=True):
        single = client.post(
            "/v1/recommendations",
            json={"kind": "startups", "profile": profile, "targets": ["incubators", "partners"]},
        )
        assert single.status_code == 200
        for from_batch, alone in zip(item["results"], single.json()["results"], strict=True):
            assert from_batch["query"]["title"] == profile["name"]
            assert [i for i, _ in _ranked(from_batch)] == [i for i, _ in _ranked(alone)]
            assert [s for _, s in _ranked(from_batch)] == pytest.approx(
                [s for _, s in _ranked(alone)], abs=1e-3
            )
    # The robotics startup is not matched first with the quantum incubator, and back.
    assert items[0]["results"][0]["matches"][0]["profile"]["title"] == "Quantum Foundry"
    assert items[1]["results"][0]["matches"][0]["profile"]["title"] == "Robot Works"


def test_reverse_direction_for_an_unsaved_incubator(client: TestClient) -> None:
    for body in (
        _quantum_startup(),
        startup_body(name="Arm Lab", domains=["robotics"], pitch="Dexterous robot hands"),
    ):
        assert client.post("/v1/startups", json=body).status_code == 201
    r = client.post(
        "/v1/recommendations",
        json={
            "kind": "incubators",
            "profile": incubator_body(name="Robotics Hub", domains=["robotics"], capacity=5),
            "filters": {"limit": 1},
        },
    )
    assert r.status_code == 200, r.text
    (result,) = r.json()["results"]
    assert result["target"] == "startups"
    assert [m["profile"]["title"] for m in result["matches"]] == ["Arm Lab"]


def test_batch_limit_and_wrong_directions_are_refused(client: TestClient) -> None:
    too_many = {"kind": "startups", "profiles": [startup_body()] * (MAX_BATCH + 1)}
    r = client.post("/v1/recommendations/batch", json=too_many)
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == "profiles"
    wrong = {"kind": "incubators", "profile": incubator_body(), "targets": ["partners"]}
    r = client.post("/v1/recommendations", json=wrong)
    assert r.status_code == 422
    assert r.json()["detail"] == [
        {"field": "targets", "reason": "incubators are matched with startups only"}
    ]
    bad_profile = {"kind": "startups", "profile": startup_body(trl=12)}
    r = client.post("/v1/recommendations", json=bad_profile)
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == "profile.trl"


def test_a_batch_whose_texts_add_up_to_too_much_is_refused(client: TestClient) -> None:
    long = "Quantum sensors for brain imaging. " * 140  # 4,900 characters
    count = MAX_BATCH_TEXT // len(long) + 1
    batch = {"kind": "startups", "profiles": [startup_body(description=long)] * count}
    r = client.post("/v1/recommendations/batch", json=batch)
    assert r.status_code == 422, r.text
    [error] = r.json()["detail"]
    assert error["field"] == "profiles"
    assert f"at most {MAX_BATCH_TEXT}" in error["reason"]
    batch["profiles"] = batch["profiles"][: count - 2]  # under the limit: answered
    assert client.post("/v1/recommendations/batch", json=batch).status_code == 200


def test_recommendations_need_a_key(client: TestClient, anonymous: TestClient) -> None:
    r = anonymous.post("/v1/recommendations", json={"kind": "startups", "profile": startup_body()})
    assert r.status_code == 401


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "startups", "profile": startup_body(), "filters": {"limit": 0}}, "filters.limit"),
        ({"kind": "scenarios", "profile": scenario_body(deadline="soon")}, "profile.deadline"),
        ({"kind": "incubators", "profile": incubator_body(kind="castle")}, "profile.kind"),
        ({"kind": "partners", "profile": partner_body(website="x")}, "profile.website"),
        ({"kind": "scenarios", "profile": scenario_body(publisher=999)}, "profile.publisher"),
        ({"kind": "scenarios", "profile": scenario_body(publisher="")}, "profile.publisher.name"),
        ({"kind": "startups", "profile": startup_body(), "extra": 1}, "extra"),
    ],
)
def test_an_error_names_the_field_as_the_body_holds_it(
    client: TestClient, body: dict[str, Any], field: str
) -> None:
    """Not behind the tag of the union member (``scenarios.profile.deadline``), and a
    reference checked against the database under ``profile`` like the others."""
    r = client.post("/v1/recommendations", json=body)
    assert r.status_code == 422, r.text
    assert [d["field"] for d in r.json()["detail"]] == [field]
    assert r.json()["message"].startswith(f"{field}: ")


def test_a_batch_error_names_the_profile_it_is_in(client: TestClient) -> None:
    profiles = [scenario_body(), scenario_body(deadline="soon")]
    r = client.post("/v1/recommendations/batch", json={"kind": "scenarios", "profiles": profiles})
    assert r.status_code == 422, r.text
    assert [d["field"] for d in r.json()["detail"]] == ["profiles.1.deadline"]
    profiles = [scenario_body(), scenario_body(publisher=999)]
    r = client.post("/v1/recommendations/batch", json={"kind": "scenarios", "profiles": profiles})
    assert r.status_code == 422, r.text
    assert r.json()["detail"] == [
        {"field": "profiles.1.publisher", "reason": "no partner with id 999"}
    ]
