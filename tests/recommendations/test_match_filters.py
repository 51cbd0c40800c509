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


@pytest.mark.parametrize(
    ("path", "query", "field", "reason"),
    [
        (
            "startups",
            {"target": "scenarios", "stage": "idea"},
            "stage",
            "scenarios have no stage; filters for scenarios: domain, region",
        ),
        (
            "startups",
            {"target": "partners", "kind": "offshore_carrier"},
            "kind",
            "offshore_carrier is not one of the partner kinds: multinational_corporation",
        ),
        (
            "startups",
            {"target": "incubators", "kind": "venture_fund"},
            "kind",
            "venture_fund is not one of the incubator kinds",
        ),
        (
            "startups",
            {"target": "scenarios", "kind": "university"},
            "kind",
            "scenarios have no kind",
        ),
        (
            "incubators",
            {"kind": "national_incubator"},
            "kind",
            "startups have no kind; filters for startups: domain, stage, region",
        ),
        ("scenarios", {"kind": "university"}, "kind", "startups have no kind"),
    ],
)
def test_a_filter_the_target_kind_cannot_have_is_422_not_an_empty_list(
    client: TestClient,
    ids: dict[str, int],
    path: str,
    query: dict[str, str],
    field: str,
    reason: str,
) -> None:
    response = client.get(f"/v1/{path}/{ids[path]}/matches", params=query)
    assert_invalid(response, field, reason)


def test_filters_the_target_kind_has_still_filter(client: TestClient, ids: dict[str, int]) -> None:
    checks = [
        ("startups", {"target": "partners", "kind": "multinational_corporation", "stage": "idea"}),
        ("startups", {"target": "incubators", "kind": "national_incubator"}),
        ("startups", {"target": "scenarios", "domain": "ai", "region": "beijing"}),
        ("incubators", {"stage": "prototype", "domain": "ai"}),
    ]
    for path, query in checks:
        response = client.get(f"/v1/{path}/{ids[path]}/matches", params=query)
        assert response.status_code == 200, (path, query, response.text)


@pytest.mark.parametrize(
    ("body", "field", "reason"),
    [
        (
            {"targets": ["scenarios"], "filters": {"stages": ["idea"]}},
            "filters.stages",
            "scenarios have no stage; filters for scenarios: filters.domains, filters.regions",
        ),
        (
            {"targets": ["partners"], "filters": {"kinds": ["offshore_carrier"]}},
            "filters.kinds",
            "offshore_carrier is not one of the partner kinds",
        ),
        (
            {"filters": {"kinds": ["national_incubator"]}},
            "filters.kinds",
            "; set targets to the kinds it applies to",
        ),
    ],
)
def test_a_recommendation_refuses_a_filter_its_targets_cannot_have(
    client: TestClient, body: dict[str, object], field: str, reason: str
) -> None:
    request = {"kind": "startups", "profile": startup_body(), **body}
    assert_invalid(client.post("/v1/recommendations", json=request), field, reason)
    batch = {"kind": "startups", "profiles": [startup_body()], **body}
    assert_invalid(client.post("/v1/recommendations/batch", json=batch), field, reason)


def test_an_unsaved_incubator_refuses_a_kind_filter_on_startups(client: TestClient) -> None:
    request = {
        "kind": "incubators",
        "profile": incubator_body(),
        "filters": {"kinds": ["national_incubator"]},
    }
    response = client.post("/v1/recommendations", json=request)
    assert_invalid(response, "filters.kinds", "startups have no kind")
