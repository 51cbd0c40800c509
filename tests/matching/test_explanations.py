"""Scores are explained truthfully, thin profiles are not given invented scores, and the
same data always gives the same answer."""

from __future__ import annotations

import math

from fastapi.testclient import TestClient

from tests.matching.helpers import ids_of, make, matches


def _seed(client: TestClient) -> int:
    make(client, "incubators", name="Robot Lab", domains=["robotics"], services=["pilot_line"])
    make(
        client,
        "incubators",
        name="Chip Lab",
        domains=["integrated_circuits"],
        description="Wafer probing, packaging and a 28 nm shuttle service.",
    )
    make(
        client,
        "incubators",
        name="Ocean Lab",
        kind="offshore_carrier",
        location={"city": "Singapore", "region": "abroad", "country": "SG"},
        programs=["offshore_incubation"],
        domains=["robotics", "ai"],
    )
    return make(
        client,
        "startups",
        domains=["robotics", "ai"],
        needs=["pilot_line", "funding"],
        pitch="Robot arms that learn assembly tasks from demonstration",
        description="We build collaborative robot arms trained by imitation learning.",
    )


def test_components_add_up_to_the_score_and_notes_are_true(client: TestClient) -> None:
    startup = _seed(client)
    found = matches(client, f"/v1/startups/{startup}/matches", target="incubators")
    assert found
    for m in found:
        comps = m["components"]
        criteria = {n: c for n, c in comps.items() if c["contribution"] >= 0}
        assert math.isclose(sum(c["weight"] for c in criteria.values()), 1.0, abs_tol=1e-3)
        for c in comps.values():
            sign = 1 if c["contribution"] >= 0 else -1  # penalties subtract
            assert math.isclose(c["contribution"], sign * c["value"] * c["weight"], abs_tol=1e-3)
        # Exactly: the shown contributions, penalties included, are the score.
        assert round(sum(c["contribution"] for c in comps.values()), 4) == m["score"]
        assert math.isclose(comps["semantic"]["value"], max(0.0, m["similarity"]), abs_tol=1e-3)
        assert f"{m['score']:.2f}" in m["reason"]
        for domain in m["matched_domains"]:
            assert domain.replace("_", " ") in comps["domain"]["note"]
        assert comps["needs"]["value"] == len(m["matched_needs"]) / 2
        if comps["needs"]["value"] < 1:
            assert any("does not offer" in hint for hint in m["improve"])


def test_offshore_carrier_is_explained_as_abroad_for_a_startup_staying_home(
    client: TestClient,
) -> None:
    startup = _seed(client)
    found = matches(client, f"/v1/startups/{startup}/matches", target="incubators")
    ocean = next(m for m in found if m["profile"]["title"] == "Ocean Lab")
    assert ocean["components"]["region"]["value"] < 0.5
    assert any("abroad" in hint for hint in ocean["improve"])
    # The same carrier is a full regional fit once the startup seeks international expansion.
    client.patch(f"/v1/startups/{startup}", json={"needs": ["international_expansion"]})
    found = matches(client, f"/v1/startups/{startup}/matches", target="incubators")
    ocean = next(m for m in found if m["profile"]["title"] == "Ocean Lab")
    assert ocean["components"]["region"]["value"] == 1.0


def test_thin_profile_is_marked_low_confidence_instead_of_scored(client: TestClient) -> None:
    make(client, "incubators", name="Robot Lab", domains=["robotics"])
    thin = make(
        client,
        "startups",
        name="X",
        pitch="",
        description="Robots.",
        domains=["robotics"],
        needs=[],
    )
    found = matches(client, f"/v1/startups/{thin}/matches")
    assert found
    assert all(m["score"] is None and m["confidence"] == "low" for m in found)
    assert "too little information" in found[0]["reason"]


def test_a_chinese_sentence_is_information_and_two_characters_are_not(
    client: TestClient,
) -> None:
    # No spaces in Chinese: counting space-separated words made this 40-character sentence
    # one word, too little to judge.
    make(client, "incubators", name="机器人孵化器", domains=["robotics"])
    sentence = "我们研发用于汽车焊接产线的协作机械臂，结合视觉识别与力控技术，帮助工厂降低成本。"
    assert len(sentence) >= 40
    full, bare = (
        make(
            client,
            "startups",
            name=name,
            pitch="",
            description=description,
            domains=["robotics"],
            needs=[],
        )
        for name, description in (("焊接机器人", sentence), ("机械", "机械"))
    )
    found = matches(client, f"/v1/startups/{full}/matches")
    assert found
    assert all(m["confidence"] == "high" and m["score"] is not None for m in found)
    found = matches(client, f"/v1/startups/{bare}/matches")
    assert found
    assert all(m["confidence"] == "low" and m["score"] is None for m in found)


def test_same_data_gives_the_same_response(client: TestClient) -> None:
    startup = _seed(client)
    first = client.get(f"/v1/startups/{startup}/matches").json()
    second = client.get(f"/v1/startups/{startup}/matches").json()
    assert first == second


def test_filters_and_limits(client: TestClient) -> None:
    startup = _seed(client)
    only_chips = matches(client, f"/v1/startups/{startup}/matches", domain="integrated_circuits")
    assert [m["profile"]["title"] for m in only_chips] == ["Chip Lab"]
    abroad = matches(client, f"/v1/startups/{startup}/matches", region="abroad")
    assert [m["profile"]["title"] for m in abroad] == ["Ocean Lab"]
    kinds = matches(client, f"/v1/startups/{startup}/matches", kind="offshore_carrier")
    assert [m["profile"]["title"] for m in kinds] == ["Ocean Lab"]
    assert len(matches(client, f"/v1/startups/{startup}/matches", limit=1)) == 1
    strong = matches(client, f"/v1/startups/{startup}/matches", min_score=0.6)
    assert all(m["score"] >= 0.6 for m in strong)
    for bad in (
        {"limit": 0},
        {"limit": 101},
        {"min_score": 2},
        {"target": "startups"},
        {"domain": "fintech"},
    ):
        r = client.get(f"/v1/startups/{startup}/matches", params=bad)
        assert r.status_code == 422, bad
        assert r.json()["error"] == "validation_failed"
    assert client.get("/v1/startups/999999/matches").status_code == 404


def test_bundle_fits_the_startup_and_itself(client: TestClient) -> None:
    startup = _seed(client)
    partner = make(client, "partners", domains=["robotics"], name="Arm Maker Group")
    scenario = make(
        client,
        "scenarios",
        domains=["robotics"],
        min_trl=3,
        title="Robotic palletising pilot",
        location={"city": "Beijing", "region": "beijing", "country": "CN"},
    )
    body = client.get(f"/v1/startups/{startup}/bundle").json()
    bundle = body["bundle"]
    assert bundle["partner"]["profile"]["id"] == partner
    assert bundle["scenario"]["profile"]["id"] == scenario
    assert bundle["incubator"]["profile"]["title"] in {"Robot Lab", "Ocean Lab"}
    assert bundle["shared_domains"] == ["robotics"]
    assert "robotics" in bundle["reason"]


def test_bundle_says_what_is_missing(client: TestClient) -> None:
    startup = _seed(client)
    body = client.get(f"/v1/startups/{startup}/bundle").json()
    assert body["bundle"] is None
    assert "partners" in body["message"]
    assert "scenarios" in body["message"]


def test_declined_or_closed_scenarios_are_not_proposed(client: TestClient) -> None:
    startup = _seed(client)
    closed = make(client, "scenarios", domains=["robotics"], status="closed", title="Old pilot")
    past = make(client, "scenarios", domains=["robotics"], deadline="2020-01-01", title="Past")
    live = make(client, "scenarios", domains=["robotics"], title="Live pilot")
    found = ids_of(matches(client, f"/v1/startups/{startup}/matches", target="scenarios"))
    assert live in found
    assert closed not in found
    assert past not in found
