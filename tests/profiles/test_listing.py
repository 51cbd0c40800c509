"""Lists: every filter, the text query, and cursor pagination while rows are being written."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import BODIES, incubator_body, partner_body, scenario_body, startup_body
from tests.profiles.helpers import KINDS, assert_invalid, create

BEIJING = {"city": "Beijing", "region": "beijing", "country": "CN"}
TIANJIN = {"city": "Tianjin", "region": "tianjin", "country": "CN"}
MUNICH = {"city": "Munich", "region": "abroad", "country": "DE"}


def ids(client: TestClient, plural: str, **params: Any) -> list[int]:
    response = client.get(f"/v1/{plural}", params={"limit": 100, **params})
    assert response.status_code == 200, response.text
    assert response.json()["next_cursor"] is None
    return [item["id"] for item in response.json()["items"]]


def test_startup_filters(client: TestClient) -> None:
    chip = create(
        client,
        "startups",
        startup_body(
            name="Photon Chip", domains=["integrated_circuits"], stage="pilot", location=BEIJING
        ),
    )
    robot = create(
        client,
        "startups",
        startup_body(name="Weld Robot", domains=["robotics", "ai"], stage="idea", location=TIANJIN),
    )
    abroad = create(
        client,
        "startups",
        startup_body(
            name="Munich Qubits", domains=["quantum", "ai"], stage="pilot", location=MUNICH
        ),
    )
    assert ids(client, "startups", domain="ai") == [robot["id"], abroad["id"]]
    assert ids(client, "startups", domain=["quantum", "integrated_circuits"]) == [
        chip["id"],
        abroad["id"],
    ]
    assert ids(client, "startups", stage="pilot") == [chip["id"], abroad["id"]]
    assert ids(client, "startups", region="abroad") == [abroad["id"]]
    assert ids(client, "startups", region=["beijing", "tianjin"]) == [chip["id"], robot["id"]]
    # Different filters narrow each other; values of one filter widen it.
    assert ids(client, "startups", domain="ai", stage="pilot") == [abroad["id"]]
    assert ids(client, "startups", domain="ai", region="beijing") == []
    assert ids(client, "startups", q="ROBOT") == [robot["id"]]
    assert ids(client, "startups", q="o", stage="idea") == [robot["id"]]
    assert ids(client, "startups", q="%") == []  # LIKE wildcards are matched literally


def test_q_finds_chinese_inside_names_and_descriptions_without_spaces(
    client: TestClient,
) -> None:
    arm = create(
        client,
        "startups",
        startup_body(
            name="智造科技",
            pitch="焊接",
            description="我们为汽车工厂研发协作机械臂和视觉检测系统。",
        ),
    )
    named = create(client, "startups", startup_body(name="机械臂实验室 Robotics"))
    other = create(client, "startups", startup_body(name="量子传感", description="量子精密测量。"))
    assert ids(client, "startups", q="机械臂") == [arm["id"], named["id"]]
    assert ids(client, "startups", q="量子") == [other["id"]]
    # Mixed Chinese and English: every term must appear, in either field.
    assert ids(client, "startups", q="机械臂 robotics") == [named["id"]]
    assert ids(client, "startups", q="视觉 机械臂") == [arm["id"]]
    lab = create(client, "incubators", incubator_body(description="提供机械臂中试线和测试场地。"))
    assert ids(client, "incubators", q="中试") == [lab["id"]]


def test_incubator_and_partner_kind_filters(client: TestClient) -> None:
    national = create(client, "incubators", incubator_body(kind="national_incubator"))
    offshore = create(
        client,
        "incubators",
        incubator_body(kind="offshore_carrier", stages=["growth"], location=MUNICH),
    )
    assert ids(client, "incubators", kind="offshore_carrier") == [offshore["id"]]
    assert ids(client, "incubators", stage="growth") == [offshore["id"]]
    assert ids(client, "incubators", stage="prototype") == [national["id"]]
    assert ids(client, "incubators", domain="robotics", region="beijing") == [national["id"]]

    mnc = create(client, "partners", partner_body(kind="multinational_corporation"))
    fund = create(client, "partners", partner_body(kind="venture_fund", domains=["biomedicine"]))
    assert ids(client, "partners", kind="venture_fund") == [fund["id"]]
    assert ids(client, "partners", kind=["venture_fund", "multinational_corporation"]) == [
        mnc["id"],
        fund["id"],
    ]
    assert ids(client, "partners", domain="biomedicine") == [fund["id"]]
    assert_invalid(client.get("/v1/partners", params={"kind": "maker_space"}), "kind.0")
    assert_invalid(client.get("/v1/incubators", params={"kind": "venture_fund"}), "kind.0")


def test_scenario_status_filter(client: TestClient) -> None:
    open_ = create(client, "scenarios", scenario_body(status="open"))
    closed = create(client, "scenarios", scenario_body(status="closed", location=BEIJING))
    assert ids(client, "scenarios", status="open") == [open_["id"]]
    assert ids(client, "scenarios", status="closed") == [closed["id"]]
    assert ids(client, "scenarios", region="tianjin") == [open_["id"]]
    assert ids(client, "scenarios", q=closed["title"].lower()) == [closed["id"]]
    client.patch(f"/v1/scenarios/{open_['id']}", json={"status": "closed"})
    assert ids(client, "scenarios", status="closed") == [open_["id"], closed["id"]]
    assert_invalid(client.get("/v1/scenarios", params={"status": "pending"}), "status.0")


def test_filters_follow_updates_and_deletes(client: TestClient) -> None:
    created = create(client, "startups", startup_body(domains=["ai"], location=BEIJING))
    client.patch(
        f"/v1/startups/{created['id']}", json={"domains": ["quantum"], "location": TIANJIN}
    )
    assert ids(client, "startups", domain="ai") == []
    assert ids(client, "startups", domain="quantum", region="tianjin") == [created["id"]]
    client.delete(f"/v1/startups/{created['id']}")
    assert ids(client, "startups", domain="quantum") == []


@pytest.mark.parametrize(
    ("plural", "not_applicable"),
    [
        ("startups", {"kind": "maker_space"}),
        ("startups", {"status": "open"}),
        ("incubators", {"status": "open"}),
        ("partners", {"status": "closed"}),
        ("scenarios", {"stage": "pilot"}),
        ("scenarios", {"kind": "maker_space"}),
    ],
)
def test_a_filter_that_does_not_apply_to_a_kind_is_422(
    client: TestClient, plural: str, not_applicable: dict[str, str]
) -> None:
    (name,) = not_applicable
    assert_invalid(client.get(f"/v1/{plural}", params=not_applicable), name, "not a filter")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"domain": "crypto"}, "domain.0"),
        ({"stage": "seed"}, "stage.0"),
        ({"region": "moon"}, "region.0"),
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_bad_list_parameters_are_422(
    client: TestClient, params: dict[str, Any], field: str
) -> None:
    assert_invalid(client.get("/v1/startups", params=params), field)


def _b64(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    ["not a cursor", "!!!", _b64("id:abc"), _b64("page:3"), _b64("id:99999999999"), "x" * 101],
)
def test_a_malformed_cursor_is_422(client: TestClient, cursor: str) -> None:
    assert_invalid(client.get("/v1/startups", params={"cursor": cursor}), "cursor")


@pytest.mark.parametrize("plural", KINDS)
def test_pages_have_no_duplicates_or_gaps_while_rows_are_inserted(
    client: TestClient, plural: str
) -> None:
    body = BODIES[plural]
    for _ in range(7):
        create(client, plural, body())
    seen: list[int] = []
    cursor: str | None = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 3}
        if cursor:
            params["cursor"] = cursor
        page = client.get(f"/v1/{plural}", params=params).json()
        seen += [item["id"] for item in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
        if pages <= 3:
            # Writers keep adding while the client pages through.
            create(client, plural, body())
            create(client, plural, body())
    everything = ids(client, plural)
    assert len(everything) == 7 + 6
    assert seen == everything  # in id order, each once, none missing
    assert pages >= 5


def test_a_row_deleted_ahead_of_the_cursor_leaves_no_gap(client: TestClient) -> None:
    made = [create(client, "partners", partner_body())["id"] for _ in range(6)]
    first = client.get("/v1/partners", params={"limit": 2}).json()
    client.delete(f"/v1/partners/{made[3]}")
    second = client.get("/v1/partners", params={"limit": 2, "cursor": first["next_cursor"]})
    third = client.get("/v1/partners", params={"limit": 2, "cursor": second.json()["next_cursor"]})
    paged = [i["id"] for p in (first, second.json(), third.json()) for i in p["items"]]
    assert paged == [made[0], made[1], made[2], made[4], made[5]]
    assert third.json()["next_cursor"] is None


def test_filtered_pages_skip_nothing(client: TestClient) -> None:
    wanted = []
    for n in range(9):
        domains = ["quantum"] if n % 2 == 0 else ["agritech"]
        created = create(client, "startups", startup_body(domains=domains))
        if n % 2 == 0:
            wanted.append(created["id"])
    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2, "domain": "quantum"}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/v1/startups", params=params).json()
        seen += [item["id"] for item in page["items"]]
        create(client, "startups", startup_body(domains=["agritech"]))
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == wanted


def test_contact_email_is_never_listed(client: TestClient) -> None:
    for plural, body in BODIES.items():
        create(client, plural, body(contact_email="private@example.cn"))
        listed = client.get(f"/v1/{plural}").text
        assert "private@example.cn" not in listed
        assert "contact_email" not in listed


@pytest.mark.parametrize(
    ("path", "query", "field", "reason"),
    [
        ("/v1/startups", "domian=ai", "domian", "unknown query parameter"),
        ("/v1/startups", "limit=5&limit=6", "limit", "more than once"),
        ("/v1/startups", "q=a&q=b", "q", "more than once"),
        ("/v1/startups/1", "verbose=1", "verbose", "unknown query parameter"),
    ],
)
def test_unknown_or_repeated_query_parameters_are_422(
    client: TestClient, path: str, query: str, field: str, reason: str
) -> None:
    create(client, "startups", startup_body())
    assert_invalid(client.get(f"{path}?{query}"), field, reason)


def test_a_filter_may_be_repeated(client: TestClient) -> None:
    created = create(client, "startups", startup_body(domains=["quantum"]))
    assert ids(client, "startups", domain=["ai", "quantum"]) == [created["id"]]
