"""Loose input the API used to take: booleans and strings as numbers, invisible characters in
names, a body labelled as something other than JSON, and ids of 0 on nested routes."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from matchmaker.startups.models import Startup
from tests.factories import BODIES, startup_body
from tests.platform.test_query_params import api_routes
from tests.profiles.helpers import assert_error, assert_invalid, create, row_counts, stored_engine


@pytest.mark.parametrize(
    ("plural", "field", "value"),
    [
        ("startups", "trl", True),
        ("startups", "trl", "5"),
        ("startups", "trl", 5.0),
        ("startups", "team_size", False),
        ("startups", "founded_year", "2020"),
        ("startups", "funding_raised_usd", True),
        ("incubators", "trl_min", True),
        ("incubators", "capacity", True),
        ("incubators", "fund_size_usd", "100"),
        ("scenarios", "min_trl", True),
        ("scenarios", "budget_usd", False),
        ("scenarios", "publisher", True),
    ],
)
def test_a_number_must_be_a_json_number(
    client: TestClient, plural: str, field: str, value: Any
) -> None:
    response = client.post(f"/v1/{plural}", json=BODIES[plural](**{field: value}))
    body = assert_invalid(response, field if field != "publisher" else "publisher.name")
    assert row_counts(client)[plural] == 0, body


def test_flags_and_scores_of_other_bodies_are_strict_too(client: TestClient) -> None:
    hook = {"url": "https://hooks.example.com/mm", "events": ["match.found"], "min_score": True}
    assert_invalid(client.post("/v1/webhooks", json=hook), "min_score", "valid number")
    batch = {"kind": "startups", "profile": startup_body(), "filters": {"limit": True}}
    assert_invalid(client.post("/v1/recommendations", json=batch), "filters.limit")
    key = {"role": "founder", "expires_in_days": "30"}
    assert_invalid(client.post("/v1/keys", json=key), "expires_in_days", "valid integer")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Acme\u202egnp.exe", "bidirectional override or isolate characters (U+202E)"),
        ("Acme\u202aLab", "bidirectional override or isolate characters (U+202A)"),
        ("\u2066Acme\u2069", "bidirectional override or isolate characters (U+2066)"),
        ("Ac\u200bme", "invisible formatting characters (U+200B)"),
        ("Acme\ufeff", "invisible formatting characters (U+FEFF)"),
        ("Acme\u00adLab", "invisible formatting characters (U+00AD)"),
        ("Acme\x85Lab", "control characters (U+0085)"),
        ("Acme\nLab", "single line: no tabs or line breaks (U+000A)"),
        ("Acme\tLab", "single line: no tabs or line breaks (U+0009)"),
    ],
)
def test_names_refuse_invisible_and_direction_changing_characters(
    client: TestClient, text: str, reason: str
) -> None:
    for plural in BODIES:
        field = "title" if plural == "scenarios" else "name"
        response = client.post(f"/v1/{plural}", json=BODIES[plural](**{field: text}))
        assert_invalid(response, field, reason)
    assert_invalid(
        client.post("/v1/startups", json=startup_body(tags=[text])), "tags.0", reason.split(" (")[0]
    )
    assert sum(row_counts(client).values()) == 0


def test_long_text_keeps_line_breaks_but_not_overrides(client: TestClient) -> None:
    response = client.post("/v1/startups", json=startup_body(description="ok\u202e reversed"))
    assert_invalid(response, "description", "U+202E")
    text = "第一行：面向工业场景的灵巧机械手。\n\t第二行（北京·海淀）"
    created = create(
        client,
        "startups",
        startup_body(name="北京灵巧机器人科技有限公司", pitch="灵巧手", description=text),
    )
    assert (created["name"], created["description"]) == ("北京灵巧机器人科技有限公司", text)
    # Joiners inside emoji and scripts are format characters too: refused, not silently kept.
    assert_invalid(
        client.post("/v1/startups", json=startup_body(name="Team 👩\u200d🔬")),
        "name",
        "U+200D",
    )


def test_a_read_returns_the_stored_text_as_stored_and_a_write_still_checks_it(
    client: TestClient,
) -> None:
    """Reads skip the text checks (they ran when the row was written): a row that holds an
    invisible character anyway (written before a check existed, or by hand) reads back as it
    is instead of failing the response, and the API still refuses to write one."""
    created = create(client, "startups", startup_body(name="Acme", tags=["optics"]))
    with stored_engine(client).begin() as conn:
        conn.execute(
            update(Startup)
            .where(Startup.id == created["id"])
            .values(name="Ac\u200bme", description="bidi \u202e kept")
        )
    read = client.get(f"/v1/startups/{created['id']}")
    assert read.status_code == 200, read.text
    assert (read.json()["name"], read.json()["description"]) == ("Ac\u200bme", "bidi \u202e kept")
    listed = client.get("/v1/startups").json()["items"]
    assert [s["name"] for s in listed] == ["Ac\u200bme"]
    patch = client.patch(f"/v1/startups/{created['id']}", json={"name": "Ac\u200bme 2"})
    assert_invalid(patch, "name", "U+200B")


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_a_json_route_sent_another_content_type_says_to_send_json(
    client: TestClient, content_type: str
) -> None:
    response = client.post(
        "/v1/startups",
        content=json.dumps(startup_body()),
        headers={"Content-Type": content_type},
    )
    body = assert_error(response, 415, "unsupported_media_type")
    (detail,) = body["detail"]
    assert detail["field"] == "body"
    assert "Content-Type: application/json" in detail["reason"]
    assert content_type in detail["reason"]
    assert row_counts(client)["startups"] == 0


def test_every_api_route_answers_an_id_of_0_with_422_on_that_parameter(
    client: TestClient,
) -> None:
    checked = 0
    for template, operations in client.get("/openapi.json").json()["paths"].items():
        names = re.findall(r"{(\w+)}", template)
        if not names:
            continue
        path = template
        for name in names:
            path = path.replace(f"{{{name}}}", "0")
        for method in operations:
            response = client.request(method.upper(), path)
            assert response.status_code == 422, (method, template, response.text)
            fields = {d["field"] for d in response.json()["detail"]}
            assert set(names) <= fields, (method, template, fields)
            checked += 1
    assert checked >= 20  # the profile, match, key, import, webhook and camp routes


@pytest.mark.parametrize("bad_id", ["1.0", "+1", " 1", "1_0", "1e0"])
def test_every_api_route_refuses_an_id_not_written_in_digits(
    client: TestClient, bad_id: str
) -> None:
    """pydantic's lax int read "1.0" as 1: /v1/startups/1.0 answered with startup 1."""
    create(client, "startups", startup_body())
    checked = 0
    for route in api_routes(client):
        names = re.findall(r"{(\w+)(:int)?}", route.path)
        if not names:
            continue
        path = re.sub(r"{[^}]+}", bad_id, route.path)
        for method in sorted(route.methods or ()):
            response = client.request(method, path)
            if any(converted for _, converted in names):
                # {id:int}: the router finds no such path, so no route reads the id.
                assert_error(response, 404, "not_found")
                assert response.json()["detail"] is None
                continue
            for name, _ in names:
                assert_invalid(response, name, "written in digits")
            checked += 1
    assert checked >= 20
