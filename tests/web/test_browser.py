"""End to end in headless Chromium: managers review, founders fill in their profile, languages."""

from __future__ import annotations

import re
from typing import Any

import httpx
from playwright.sync_api import Browser, Page, expect

from matchmaker.vocab import label
from matchmaker.web.i18n import translations
from tests.web.conftest import LiveServer, sign_in

BEIJING = {"city": "Beijing", "region": "beijing", "country": "CN"}


def _robotics_incubator(server: LiveServer) -> int:
    return server.create(
        "incubators",
        name="Haidian Robotics Foundry",
        description="Incubator for industrial robots, grippers and welding automation.",
        domains=["robotics", "intelligent_manufacturing"],
        location=BEIJING,
        trl_min=3,
        trl_max=8,
        capacity=10,
    )


def _startup(server: LiveServer, name: str, **overrides: Any) -> int:
    return server.create("startups", name=name, website=None, **overrides)


def _status(page: Page, path: str) -> int:
    response = page.goto(path)
    assert response is not None
    return response.status


def test_manager_filters_accepts_a_match_and_sees_it_move_tabs(
    page: Page, live_server: LiveServer
) -> None:
    incubator = _robotics_incubator(live_server)
    gripper = "Gripper Dynamics"
    _startup(
        live_server,
        gripper,
        pitch="Adaptive robot grippers for electronics assembly",
        description="Robotic grippers with tactile sensing for intelligent manufacturing lines.",
        domains=["robotics", "intelligent_manufacturing"],
        stage="prototype",
        trl=5,
        location=BEIJING,
    )
    _startup(
        live_server,
        "Weldsight Robotics",
        description="Welding robots with machine vision for automotive plants.",
        domains=["robotics"],
        stage="pilot",
        trl=6,
        location={"city": "Tianjin", "region": "tianjin", "country": "CN"},
    )
    ledger = "Ledgerline"
    _startup(
        live_server,
        ledger,
        description="Blockchain settlement for cross-border trade finance.",
        domains=["blockchain"],
        stage="early_revenue",
        trl=7,
        location=BEIJING,
    )
    key = live_server.key("manager", incubator_ids=[incubator])

    page.goto("/")
    expect(page).to_have_url(re.compile(r"/signin\?next=/$"))
    sign_in(page, key)
    # A manager of one incubator lands on its dashboard.
    expect(page).to_have_url(re.compile(rf"/incubators/{incubator}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Haidian Robotics Foundry")
    cards = page.locator("article.card")
    expect(cards.filter(has_text=ledger)).to_have_count(1)

    page.get_by_label("Domain", exact=True).select_option("robotics")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"domain=robotics"))
    expect(cards.filter(has_text=ledger)).to_have_count(0)
    expect(cards.filter(has_text=gripper)).to_have_count(1)
    expect(cards.filter(has_text="Weldsight Robotics")).to_have_count(1)
    # Each card explains its score with a chart of the components and a reason.
    card = cards.filter(has_text=gripper)
    expect(card.get_by_role("img")).to_have_attribute("aria-label", re.compile(r"^Score 0\.\d\d"))
    expect(card.locator(".reason")).to_contain_text(gripper)

    tabs = page.get_by_role("navigation", name="Review states")
    expect(tabs.get_by_role("link", name=re.compile(r"^Accepted"))).to_contain_text("0")
    card.get_by_role("button", name=f"Accept {gripper}").click()

    expect(page.get_by_role("status")).to_have_text(f"Accepted: {gripper}.")
    expect(page).to_have_url(re.compile(r"domain=robotics"))  # the filters survive the post
    expect(cards.filter(has_text=gripper)).to_have_count(0)  # no longer "new"
    tabs.get_by_role("link", name=re.compile(r"^Accepted")).click()
    expect(page).to_have_url(re.compile(r"tab=accepted"))
    moved = cards.filter(has_text=gripper)
    expect(moved).to_have_count(1)
    expect(moved.locator(".state")).to_have_text("Accepted")
    expect(moved.locator(".decisions")).to_contain_text("Incubator: accepted")
    expect(tabs.get_by_role("link", name=re.compile(r"^Accepted"))).to_contain_text("1")

    # The web page acted through the review service: the API sees the same record.
    api = httpx.get(
        f"{live_server.url}/v1/matches",
        params={"incubator_id": incubator},
        headers={"Authorization": f"Bearer {key}"},
    )
    assert api.status_code == 200
    [record] = api.json()["items"]
    assert (record["state"], record["target_decision"]) == ("accepted", "accepted")


def test_founder_corrects_a_wrong_trl_next_to_the_field_and_sees_recommendations(
    page: Page, live_server: LiveServer
) -> None:
    _robotics_incubator(live_server)
    live_server.create("partners", name="Rhine Automation China", domains=["robotics"])
    live_server.create("scenarios", title="Weld seam inspection", domains=["robotics", "ai"])
    key = live_server.key("founder")
    sign_in(page, key)
    page.get_by_role("link", name="Create a startup profile").click()

    page.get_by_role("textbox", name="Name", exact=True).fill("Clawtek Robotics")
    page.get_by_role("textbox", name="One-line pitch", exact=True).fill(
        "Soft robotic grippers for food factories"
    )
    page.get_by_role("textbox", name="Description", exact=True).fill(
        "We build soft robotic grippers and control software for food and electronics lines."
    )
    page.get_by_role("checkbox", name="Robotics", exact=True).check()
    page.get_by_role("checkbox", name="Intelligent manufacturing").check()
    page.get_by_role("combobox", name="Stage", exact=True).select_option("prototype")
    page.get_by_role("spinbutton", name="Technology readiness level (TRL)", exact=True).fill("12")
    page.get_by_role("combobox", name="Region", exact=True).select_option("beijing")
    page.get_by_role("textbox", name="City", exact=True).fill("Beijing")
    page.get_by_role("checkbox", name="Pilot line").check()
    page.get_by_role("button", name="Create profile").click()

    trl = page.get_by_role("spinbutton", name="Technology readiness level (TRL)", exact=True)
    field = page.locator(".field", has=trl)
    expect(field.locator(".error")).to_have_text("Must be at most 9.")
    expect(trl).to_have_attribute("aria-invalid", "true")
    expect(trl).to_have_attribute("aria-describedby", re.compile(r"\bf-trl-error\b"))
    expect(page.locator(".error")).to_have_count(1)  # only the wrong field is marked
    expect(page.get_by_role("alert")).to_contain_text("Please correct the fields marked below.")
    # What was typed is kept.
    expect(page.get_by_role("textbox", name="Name", exact=True)).to_have_value("Clawtek Robotics")
    expect(page.get_by_role("checkbox", name="Robotics", exact=True)).to_be_checked()

    trl.fill("5")
    page.get_by_role("button", name="Create profile").click()

    expect(page).to_have_url(re.compile(r"/startups/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Clawtek Robotics")
    expect(page.get_by_role("status")).to_contain_text("Profile saved.")
    first = page.locator("article.card").first
    expect(first.locator(".card-title")).to_have_text("Haidian Robotics Foundry")
    expect(first.get_by_role("img")).to_have_attribute("aria-label", re.compile(r"^Score "))
    expect(first.get_by_role("button", name="Accept Haidian Robotics Foundry")).to_be_visible()
    page.get_by_role("link", name="Scenarios").click()
    expect(page.locator("article.card .card-title")).to_contain_text(["Weld seam inspection"])


def test_a_founder_cannot_open_another_founders_edit_page(
    browser: Browser, page: Page, live_server: LiveServer
) -> None:
    owner, intruder = live_server.key("founder"), live_server.key("founder")
    startup = _startup(live_server, "Owned Optics", owner_key=owner, domains=["photonics"])

    sign_in(page, intruder)
    assert _status(page, f"/startups/{startup}/edit") == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("You are not allowed to do this")
    expect(page.locator("form.profile-form")).to_have_count(0)
    assert _status(page, f"/startups/{startup}") == 403

    # The owner, in a browser of their own, may.
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    try:
        own = context.new_page()
        sign_in(own, owner)
        assert _status(own, f"/startups/{startup}/edit") == 200
        expect(own.get_by_role("textbox", name="Name", exact=True)).to_have_value("Owned Optics")
    finally:
        context.close()


def test_the_chinese_switch_translates_the_dashboard(page: Page, live_server: LiveServer) -> None:
    incubator = _robotics_incubator(live_server)
    _startup(live_server, "Gripper Dynamics", domains=["robotics"], location=BEIJING)
    sign_in(page, live_server.key("manager", incubator_ids=[incubator]))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    zh = translations("zh")

    page.get_by_role("button", name="中文").click()

    expect(page).to_have_url(re.compile(rf"/incubators/{incubator}$"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")

    def zh_of(english: str) -> str:
        chinese = str(zh.gettext(english))
        assert chinese != english, f"{english!r} has no Chinese translation"
        return chinese

    expect(page.get_by_role("heading", name=zh_of("Filter startups"))).to_be_visible()
    expect(page.get_by_role("button", name=zh_of("Apply filters"))).to_be_visible()
    tabs = page.get_by_role("navigation", name=zh_of("Review states"))
    for state in ("New", "Shortlisted", "Accepted", "Declined", "Connected"):
        expect(tabs.get_by_role("link", name=re.compile("^" + zh_of(state)))).to_be_visible()
    card = page.locator("article.card").filter(has_text="Gripper Dynamics")
    expect(card.get_by_role("button", name=re.compile("^" + zh_of("Accept")))).to_be_visible()
    expect(page.get_by_text("Filter startups", exact=True)).to_have_count(0)
    expect(page.get_by_label(zh.gettext("Domain"), exact=True)).to_contain_text(
        label("robotics", "zh")
    )
    expect(page.get_by_role("button", name="中文")).to_have_attribute("aria-pressed", "true")

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("Filter startups", exact=True)).to_be_visible()
