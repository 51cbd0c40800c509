"""In headless Chromium: a manager opens the analytics page from the dashboard and reads its
plots in English and in Chinese."""

from __future__ import annotations

import re
from datetime import timedelta

import httpx
from playwright.sync_api import Page, expect

from matchmaker.db import utcnow
from matchmaker.vocab import label
from matchmaker.web.i18n import translations
from tests.web.conftest import LiveServer, sign_in

TIANJIN = {"city": "Tianjin", "region": "tianjin", "country": "CN"}
BEIJING = {"city": "Beijing", "region": "beijing", "country": "CN"}


def _api(server: LiveServer, key: str, path: str, **body: object) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key}"}
    if body:
        return httpx.post(f"{server.url}{path}", json=body, headers=headers, timeout=60)
    return httpx.get(f"{server.url}{path}", headers=headers, timeout=60)


def test_a_manager_reads_the_funnel_and_exposure_plots_in_both_languages(
    page: Page, live_server: LiveServer
) -> None:
    incubator = live_server.create(
        "incubators",
        name="Haidian Robotics Foundry",
        domains=["robotics", "intelligent_manufacturing"],
        location=BEIJING,
        capacity=10,
    )
    robots = ["robotics", "intelligent_manufacturing"]
    gripper = live_server.create(
        "startups", name="Gripper Dynamics", location=BEIJING, domains=robots, website=None
    )
    welder = live_server.create(
        "startups", name="Binhai Welders", location=TIANJIN, domains=robots, website=None
    )
    key = live_server.key("manager", incubator_ids=[incubator])
    served = _api(live_server, key, f"/v1/incubators/{incubator}/matches")
    assert served.status_code == 200
    assert len(served.json()["matches"]) == 2
    for startup, action in ((gripper, "accept"), (welder, "decline")):
        extra = {"reason": "no_capacity"} if action == "decline" else {}
        acted = _api(
            live_server,
            key,
            "/v1/matches",
            startup_id=startup,
            incubator_id=incubator,
            action=action,
            **extra,
        )
        assert acted.status_code == 201, acted.text

    sign_in(page, key)
    expect(page).to_have_url(re.compile(rf"/incubators/{incubator}$"))
    page.get_by_role("link", name="Analytics").click()
    expect(page).to_have_url(re.compile(rf"/analytics\?incubator_id={incubator}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Analytics: Haidian Robotics Foundry")
    funnel = page.get_by_role("img", name=re.compile(r"^Review funnel: "))
    expect(funnel).to_be_visible()
    # The dashboard's own list was logged too: the two startups, each once as a pair.
    expect(funnel).to_have_accessible_name(
        "Review funnel: Recommended 2, Shortlisted 1, Accepted 1, Connected 0, Declined 1"
    )
    box = funnel.bounding_box()
    assert box is not None
    assert box["width"] > 300
    regions = page.get_by_role("img", name=re.compile(r"^Region: "))
    expect(regions).to_contain_text("Tianjin")
    declined = page.get_by_role("table", name="Declined pairs by reason")
    expect(declined).to_contain_text(label("no_capacity"))

    # The date form narrows every plot to a window; this one ended before anything happened.
    today = utcnow().date()
    since, until = (today - timedelta(days=40)).isoformat(), (today - timedelta(30)).isoformat()
    page.get_by_label("From").fill(since)
    page.get_by_label("To", exact=True).fill(until)
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(
        re.compile(rf"/analytics\?incubator_id={incubator}&since={since}&until={until}$")
    )
    expect(funnel).to_have_accessible_name(
        "Review funnel: Recommended 0, Shortlisted 0, Accepted 0, Connected 0, Declined 0"
    )
    expect(page.get_by_text(f"from {since} to {until}")).to_be_visible()
    page.goto(f"{live_server.url}/analytics?incubator_id={incubator}")

    zh = translations("zh")
    page.get_by_role("button", name="中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page).to_have_url(re.compile(rf"/analytics\?incubator_id={incubator}$"))
    title = str(zh.gettext("Review funnel"))
    assert title != "Review funnel"
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    chinese = page.get_by_role("img", name=re.compile("^" + re.escape(title)))
    expect(chinese).to_contain_text(str(zh.gettext("Recommended")))
    expect(
        page.get_by_role("img", name=re.compile("^" + str(zh.gettext("Region"))))
    ).to_contain_text(label("tianjin", "zh"))
    expect(page.get_by_text("Who is recommended", exact=True)).to_have_count(0)
