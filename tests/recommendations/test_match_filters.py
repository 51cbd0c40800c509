"""What a match request may ask for: the target kinds a side is matched with, and filters the
target kind has a facet for. Anything else is a 422 naming the parameter, never a list of
another kind or an empty list that looks like "no match"."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.factories import incubator_body, partner_body, scenario_body, startup_body
from tests.profiles.helpers import assert_invalid, create


@pytest.fixture
def ids(client: TestClient) -> dict[str, int]:
    """One stored profile of each kind."""
    bodies = {
        "startups": startup_body(),
        "incubators": incubator_body(),
        "partners": partner_body(),
        "scenarios": scenario_body(),
    }
    return {plural: int(create(client, plural, body)["id"]) for plural, body in bodies.items()}


@pytest.mark.parametrize("side", ["incubators", "partners", "scenarios"])
@pytest.mark.parametrize("target", ["partners", "incubators", "startups"])
def test_a_side_other_than_a_startup_is_matched_with_startups_only(
    client: TestClient, ids: dict[str, int], side: str, target: str
) -> None:
    response = client.get(f"/v1/{side}/{ids[side]}/matches", params={"target": target})
    assert_invalid(response, "target", f"{side} are matched with startups only")
    listed = client.get(f"/v1/{side}/{ids[side]}/matches")
    assert listed.status_code == 200, listed.text
    assert listed.json()["target"] == "startups"
