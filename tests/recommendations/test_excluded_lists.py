"""A target the hard rules keep from every startup (an incubator with no open places, a closed
scenario) gets an empty list that says why, in the asker's language, not one that looks like
"nobody fits"."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.factories import incubator_body, scenario_body, startup_body
from tests.profiles.helpers import create


def test_a_full_incubator_and_a_closed_scenario_are_told_why_their_list_is_empty(
    client: TestClient,
) -> None:
    create(client, "startups", startup_body())
    full = int(create(client, "incubators", incubator_body(capacity=0))["id"])
    open_ = int(create(client, "incubators", incubator_body(capacity=5))["id"])
    closed = int(create(client, "scenarios", scenario_body(status="closed"))["id"])

    listed = client.get(f"/v1/incubators/{full}/matches").json()
    assert listed["matches"] == []
    assert listed["excluded"]["code"] == "excluded_full"
    assert listed["excluded"]["text"] == "the incubator has no open places"
    chinese = client.get(f"/v1/incubators/{full}/matches", headers={"Accept-Language": "zh"})
    assert chinese.json()["excluded"]["code"] == "excluded_full"
    assert chinese.json()["excluded"]["text"] != listed["excluded"]["text"]

    scenario = client.get(f"/v1/scenarios/{closed}/matches").json()
    assert (scenario["matches"], scenario["excluded"]["code"]) == ([], "excluded_closed")

    proposed = client.get(f"/v1/incubators/{open_}/matches").json()
    assert proposed["excluded"] is None
    assert proposed["matches"]
