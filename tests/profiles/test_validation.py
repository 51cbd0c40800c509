"""Every validation rule, through HTTP: 422 naming the field and the reason, and nothing stored."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import BODIES, incubator_body, partner_body, scenario_body, startup_body
from tests.profiles.helpers import KINDS, assert_invalid, create, row_counts, title_field

DOMESTIC = ["beijing", "tianjin", "hebei", "china_other"]


@pytest.mark.parametrize(
    ("plural", "field", "value", "reason"),
    [
        ("startups", "trl", 0, "greater than or equal to 1"),
        ("startups", "trl", 10, "less than or equal to 9"),
        ("startups", "trl", "high", "valid integer"),
        ("startups", "founded_year", 1800, "greater than or equal to 1950"),
        ("startups", "team_size", 0, "greater than or equal to 1"),
        ("startups", "funding_raised_usd", -1, "greater than or equal to 0"),
        ("incubators", "trl_min", 0, "greater than or equal to 1"),
        ("incubators", "trl_max", 10, "less than or equal to 9"),
        ("incubators", "capacity", -1, "greater than or equal to 0"),
        ("scenarios", "min_trl", 10, "less than or equal to 9"),
        ("scenarios", "budget_usd", -5, "greater than or equal to 0"),
        ("scenarios", "deadline", "30/06/2027", "valid date"),
    ],
)
def test_out_of_range_numbers_are_refused(
    client: TestClient, plural: str, field: str, value: Any, reason: str
) -> None:
    response = client.post(f"/v1/{plural}", json=BODIES[plural](**{field: value}))
    assert_invalid(response, field, reason)
    assert row_counts(client)[plural] == 0


@pytest.mark.parametrize("plural", KINDS)
@pytest.mark.parametrize("region", DOMESTIC)
def test_a_chinese_region_needs_country_cn(client: TestClient, plural: str, region: str) -> None:
    body = BODIES[plural](location={"city": "Somewhere", "region": region, "country": "US"})
    assert_invalid(client.post(f"/v1/{plural}", json=body), "location.country", "must be CN")


@pytest.mark.parametrize("plural", KINDS)
def test_abroad_needs_a_foreign_country(client: TestClient, plural: str) -> None:
    explicit = BODIES[plural](location={"city": "Berlin", "region": "abroad", "country": "CN"})
    assert_invalid(client.post(f"/v1/{plural}", json=explicit), "location.country", "other than CN")
    # Leaving the country out means CN, which abroad cannot be.
    implicit = BODIES[plural](location={"city": "Berlin", "region": "abroad"})
    assert_invalid(client.post(f"/v1/{plural}", json=implicit), "location.country", "other than CN")
    good = create(
        client,
        plural,
        BODIES[plural](location={"city": "Berlin", "region": "abroad", "country": "de"}),
    )
    assert good["location"] == {"city": "Berlin", "region": "abroad", "country": "DE"}


@pytest.mark.parametrize(
    ("location", "field"),
    [
        ({"city": "Beijing", "region": "mars"}, "location.region"),
        ({"city": "Beijing"}, "location.region"),
        ({"region": "abroad", "country": "DEU"}, "location.country"),
        ({"region": "beijing", "country": "C1"}, "location.country"),
        ({"region": "beijing", "district": "Haidian"}, "location.district"),
    ],
)
def test_malformed_locations_are_refused(
    client: TestClient, location: dict[str, Any], field: str
) -> None:
    assert_invalid(client.post("/v1/startups", json=startup_body(location=location)), field)


@pytest.mark.parametrize("plural", KINDS)
def test_unknown_fields_are_refused_not_dropped(client: TestClient, plural: str) -> None:
    response = client.post(f"/v1/{plural}", json=BODIES[plural](colour="red"))
    assert_invalid(response, "colour", "Extra inputs are not permitted")
    created = create(client, plural, BODIES[plural]())
    patched = client.patch(f"/v1/{plural}/{created['id']}", json={"colour": "red"})
    assert_invalid(patched, "colour", "Extra inputs are not permitted")
    # Read-only fields are unknown to writes too: a client cannot set its own id or version.
    assert_invalid(client.patch(f"/v1/{plural}/{created['id']}", json={"version": 9}), "version")
    assert client.get(f"/v1/{plural}/{created['id']}").json() == created


@pytest.mark.parametrize(
    ("plural", "field", "items"),
    [
        ("startups", "domains", ["ai", "quantum", "ai"]),
        ("startups", "tags", ["lidar", "lidar"]),
        ("startups", "needs", ["funding", "funding"]),
        ("startups", "languages", ["zh", "zh"]),
        ("startups", "qualifications", ["tech_sme", "tech_sme"]),
        ("incubators", "stages", ["pilot", "pilot"]),
        ("incubators", "services", ["workspace", "workspace"]),
        ("incubators", "programs", ["demo_day", "demo_day"]),
        ("partners", "collaboration_modes", ["joint_rd", "joint_rd"]),
        ("scenarios", "domains", ["ai", "ai"]),
    ],
)
def test_duplicate_list_items_are_refused(
    client: TestClient, plural: str, field: str, items: list[str]
) -> None:
    response = client.post(f"/v1/{plural}", json=BODIES[plural](**{field: items}))
    assert_invalid(response, field, "items must be unique")


@pytest.mark.parametrize(
    ("plural", "field", "limit"),
    [
        ("startups", "name", 200),
        ("startups", "pitch", 280),
        ("startups", "description", 5000),
        ("incubators", "name", 200),
        ("incubators", "description", 5000),
        ("partners", "name", 200),
        ("scenarios", "title", 200),
        ("scenarios", "publisher", 200),
    ],
)
def test_text_longer_than_its_limit_is_refused(
    client: TestClient, plural: str, field: str, limit: int
) -> None:
    too_long = client.post(f"/v1/{plural}", json=BODIES[plural](**{field: "x" * (limit + 1)}))
    body = assert_invalid(too_long, field if field != "publisher" else "publisher.name")
    assert str(limit) in body["message"]
    # Exactly at the limit is fine, and surrounding spaces do not count.
    at_limit = create(client, plural, BODIES[plural](**{field: f"  {'y' * limit}  "}))
    assert at_limit[field] == "y" * limit


def test_limits_of_nested_and_list_text(client: TestClient) -> None:
    city = {"city": "c" * 101, "region": "beijing"}
    assert_invalid(client.post("/v1/startups", json=startup_body(location=city)), "location.city")
    assert_invalid(client.post("/v1/startups", json=startup_body(tags=["t" * 41])), "tags.0")
    assert_invalid(client.post("/v1/startups", json=startup_body(tags=[""])), "tags.0")
    many = [f"tag{i}" for i in range(21)]
    assert_invalid(client.post("/v1/startups", json=startup_body(tags=many)), "tags", "at most 20")
    long_site = "https://" + "w" * 290 + ".com"
    assert_invalid(client.post("/v1/startups", json=startup_body(website=long_site)), "website")
    assert_invalid(client.post("/v1/startups", json=startup_body(name="   ")), "name")
    assert_invalid(client.post("/v1/startups", json=startup_body(domains=[])), "domains")


@pytest.mark.parametrize(
    "text", ["nul\x00byte", "bell\x07", "escape\x1b[0m", "lone \ud800 surrogate"]
)
def test_text_a_database_cannot_store_is_refused(client: TestClient, text: str) -> None:
    # Sent as escaped JSON: a lone surrogate cannot be encoded as UTF-8 at all.
    response = client.post(
        "/v1/startups",
        content=json.dumps(startup_body(description=text)),
        headers={"Content-Type": "application/json"},
    )
    assert_invalid(response, "description")
    assert row_counts(client)["startups"] == 0
    if text.isascii():  # a URL carries bytes, so only these can reach the query
        assert_invalid(client.get("/v1/startups", params={"q": text}), "q")


def test_tabs_and_line_breaks_are_kept(client: TestClient) -> None:
    text = "Line one\r\nLine two\n\tindented"
    assert create(client, "startups", startup_body(description=text))["description"] == text


@pytest.mark.parametrize(
    ("plural", "field", "value"),
    [
        ("startups", "stage", "seed"),
        ("startups", "domains", ["crypto"]),
        ("startups", "needs", ["free_lunch"]),
        ("startups", "qualifications", ["famous"]),
        ("startups", "languages", ["english"]),
        ("incubators", "kind", "bank"),
        ("incubators", "programs", ["spa_weekend"]),
        ("partners", "kind", "startup"),
        ("partners", "collaboration_modes", ["marriage"]),
        ("scenarios", "status", "pending"),
        ("scenarios", "collaboration_mode", "barter"),
    ],
)
def test_values_outside_a_vocabulary_are_refused(
    client: TestClient, plural: str, field: str, value: Any
) -> None:
    response = client.post(f"/v1/{plural}", json=BODIES[plural](**{field: value}))
    assert_invalid(response, f"{field}.0" if isinstance(value, list) else field)


@pytest.mark.parametrize(
    ("plural", "field"),
    [
        ("startups", "name"),
        ("startups", "domains"),
        ("startups", "stage"),
        ("startups", "trl"),
        ("startups", "location"),
        ("startups", "pitch"),
        ("incubators", "kind"),
        ("incubators", "trl_min"),
        ("partners", "collaboration_modes"),
        ("scenarios", "title"),
        ("scenarios", "publisher"),
        ("scenarios", "status"),
    ],
)
def test_null_for_a_field_that_cannot_be_empty_is_refused_in_patch(
    client: TestClient, plural: str, field: str
) -> None:
    created = create(client, plural, BODIES[plural]())
    response = client.patch(f"/v1/{plural}/{created['id']}", json={field: None})
    assert response.status_code == 422, response.text
    assert any(d["field"].split(".")[0] == field for d in response.json()["detail"])
    assert client.get(f"/v1/{plural}/{created['id']}").json() == created


def test_null_clears_an_optional_field(client: TestClient) -> None:
    created = create(client, "startups", startup_body(website="https://lidar.example.cn"))
    patched = client.patch(f"/v1/startups/{created['id']}", json={"website": None})
    assert patched.status_code == 200, patched.text
    assert patched.json()["website"] is None


def test_required_fields_are_named_when_missing(client: TestClient) -> None:
    response = client.post("/v1/startups", json={"name": "Only a name"})
    for field in ("domains", "stage", "trl", "location"):
        assert_invalid(response, field, "Field required")


def test_trl_min_above_trl_max_is_refused(client: TestClient) -> None:
    response = client.post("/v1/incubators", json=incubator_body(trl_min=7, trl_max=3))
    assert_invalid(response, "trl_max", "must not be below trl_min (7)")
    assert row_counts(client)["incubators"] == 0


@pytest.mark.parametrize("patch", [{"trl_min": 8}, {"trl_max": 2}, {"trl_min": 9, "trl_max": 1}])
def test_trl_range_is_checked_when_only_one_side_is_patched(
    client: TestClient, patch: dict[str, int]
) -> None:
    created = create(client, "incubators", incubator_body(trl_min=3, trl_max=7))
    response = client.patch(f"/v1/incubators/{created['id']}", json=patch)
    assert_invalid(response, "trl_max", "must not be below trl_min")
    assert client.get(f"/v1/incubators/{created['id']}").json() == created
    fine = client.patch(f"/v1/incubators/{created['id']}", json={"trl_min": 7})
    assert fine.status_code == 200, fine.text
    assert (fine.json()["trl_min"], fine.json()["trl_max"]) == (7, 7)


def test_scenario_publisher_must_be_a_known_partner(client: TestClient) -> None:
    response = client.post("/v1/scenarios", json=scenario_body(publisher=4242))
    assert_invalid(response, "publisher", "no partner with id 4242")
    assert row_counts(client)["scenarios"] == 0

    partner = create(client, "partners", partner_body(name="Tianjin Port Group"))
    scenario = create(client, "scenarios", scenario_body(publisher=partner["id"]))
    assert scenario["publisher"] == partner["id"]
    assert scenario["publisher_name"] == "Tianjin Port Group"
    patched = client.patch(f"/v1/scenarios/{scenario['id']}", json={"publisher": 4242})
    assert_invalid(patched, "publisher", "no partner with id 4242")
    assert client.get(f"/v1/scenarios/{scenario['id']}").json() == scenario
    assert_invalid(client.post("/v1/scenarios", json=scenario_body(publisher=0)), "publisher.id")


def test_a_scenario_named_publisher_needs_no_partner(client: TestClient) -> None:
    scenario = create(client, "scenarios", scenario_body(publisher="Xiong'an New Area Bureau"))
    assert scenario["publisher"] == "Xiong'an New Area Bureau"
    assert scenario["publisher_name"] == "Xiong'an New Area Bureau"


def test_email_must_be_an_address(client: TestClient) -> None:
    response = client.post("/v1/startups", json=startup_body(contact_email="not-an-email"))
    assert_invalid(response, "contact_email")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"name": ', "JSON"),
        (b"\xff\xfe not utf-8", "JSON"),
        (b"[1, 2, 3]", "dictionary"),
    ],
)
def test_a_body_that_is_not_a_json_object_is_refused(
    client: TestClient, content: bytes, reason: str
) -> None:
    response = client.post(
        "/v1/startups", content=content, headers={"Content-Type": "application/json"}
    )
    assert_invalid(response, "body", reason)


@pytest.mark.parametrize("plural", KINDS)
def test_every_failed_write_leaves_no_trace(client: TestClient, plural: str) -> None:
    kept = create(client, plural, BODIES[plural]())
    before = row_counts(client)
    title = title_field(plural)
    attempts = [
        client.post(f"/v1/{plural}", json=BODIES[plural](colour="red")),
        client.post(f"/v1/{plural}", json=BODIES[plural](domains=["ai", "ai"])),
        client.post(f"/v1/{plural}", json=BODIES[plural](**{title: "x" * 201})),
        client.patch(f"/v1/{plural}/{kept['id']}", json={"domains": ["crypto"]}),
        client.patch(f"/v1/{plural}/{kept['id']}", json={title: None}),
    ]
    assert [r.status_code for r in attempts] == [422] * len(attempts)
    assert row_counts(client) == before
    assert client.get(f"/v1/{plural}/{kept['id']}").json() == kept


def test_a_founding_year_in_the_future_is_refused(client: TestClient) -> None:
    next_year = date.today().year + 1
    response = client.post("/v1/startups", json=startup_body(founded_year=next_year))
    assert_invalid(response, "founded_year", "must not be after this year")
    this_year = create(client, "startups", startup_body(founded_year=date.today().year))
    assert this_year["founded_year"] == date.today().year
