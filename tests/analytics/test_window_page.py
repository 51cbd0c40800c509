"""The analytics page reads a window from its form: the default, a chosen one, a wrong one."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time

from fastapi.testclient import TestClient

from tests.analytics.conftest import World
from tests.analytics.test_page import _signed_in
from tests.analytics.window_helpers import days_ago, served_to_incubator, today
from tests.conftest import mint_key


def _manager(world: World, lang: str = "en") -> TestClient:
    key = mint_key(world.client, "manager", incubator_ids=[world.incubator])
    return _signed_in(world, key, lang)


def _appearances(html: str) -> int:
    found = re.search(r"(\d+) appearances", html)
    assert found, html
    return int(found.group(1))


def test_the_page_shows_the_default_window_in_its_form(world: World) -> None:
    served_to_incubator(world, datetime.combine(days_ago(120), time.min, UTC), "Munich Motion")
    html = _manager(world).get("/analytics").text
    since, until = days_ago(89).isoformat(), today().isoformat()
    assert f'name="since" value="{since}"' in html
    assert f'name="until" value="{until}"' in html
    assert f"from {since} to {until} (UTC, both days included, 90 days)" in html
    assert f'name="incubator_id" value="{world.incubator}"' in html  # the form keeps the scope
    assert _appearances(html) == 0  # the old list is outside it


def test_the_page_with_a_window_counts_the_lists_served_in_it(world: World) -> None:
    served_to_incubator(world, datetime.combine(days_ago(120), time.min, UTC), "Munich Motion")
    since, until = days_ago(125).isoformat(), days_ago(115).isoformat()
    page = _manager(world).get(
        "/analytics", params={"incubator_id": world.incubator, "since": since, "until": until}
    )
    assert page.status_code == 200, page.text
    assert f"from {since} to {until} (UTC, both days included, 11 days)" in page.text
    assert _appearances(page.text) == 1
    assert re.search(r"<title>Recommended: 1</title>", page.text)


def test_empty_date_fields_mean_the_default_window(world: World) -> None:
    page = _manager(world).get("/analytics", params={"since": "", "until": ""})
    assert page.status_code == 200, page.text
    assert "90 days" in page.text


def test_the_window_is_said_in_chinese_on_a_chinese_page(world: World) -> None:
    html = _manager(world, "zh").get("/analytics").text
    assert f"统计 {days_ago(89).isoformat()} 至 {today().isoformat()}" in html
    assert "时间范围" in html


def test_a_wrong_window_is_a_422_page_naming_the_field(world: World) -> None:
    browser = _manager(world)
    cases = {
        "until": {"since": days_ago(1).isoformat(), "until": days_ago(5).isoformat()},
        "since": {"since": "12/01/2026"},
    }
    for field, params in cases.items():
        page = browser.get("/analytics", params=params)
        assert page.status_code == 422, page.text
        assert page.headers["content-type"].startswith("text/html")
        assert f"{field}: " in page.text
    too_long = browser.get("/analytics", params={"since": days_ago(400).isoformat()})
    assert too_long.status_code == 422
    assert "since: a window spans at most 366 days" in too_long.text
