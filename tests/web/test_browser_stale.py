"""In headless Chromium: a founder sees that a profile is out of date, in the list and on its
page with the ranking's penalty in a match's explanation, and an edit makes it fresh."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from playwright.sync_api import Page, expect
from sqlalchemy import update

from matchmaker.startups.models import Startup
from tests.web.conftest import LiveServer, sign_in

BEIJING = {"city": "Beijing", "region": "beijing", "country": "CN"}


def test_a_founder_is_told_a_profile_is_out_of_date_until_it_is_edited(
    page: Page, live_server: LiveServer
) -> None:
    live_server.create(
        "incubators",
        name="Haidian Robotics Foundry",
        description="Incubator for industrial robots, grippers and welding automation.",
        domains=["robotics", "intelligent_manufacturing"],
        location=BEIJING,
    )
    key = live_server.key("founder")
    startup = live_server.create(
        "startups", owner_key=key, name="Clawtek Robotics", website=None, domains=["robotics"]
    )
    old = datetime.now(UTC) - timedelta(days=400)
    with live_server.app.state.sessions() as session, session.begin():
        session.execute(update(Startup).where(Startup.id == startup).values(updated_at=old))

    sign_in(page, key)
    page.goto("/")
    item = page.locator("li", has=page.get_by_role("link", name="Clawtek Robotics", exact=True))
    expect(item.locator(".tag")).to_have_text("out of date")
    page.get_by_role("link", name="Clawtek Robotics", exact=True).click()
    note = page.locator("#stale-note")
    expect(note).to_contain_text(f"Not updated since {old.date().isoformat()}")
    expect(page.locator("article.card").first).to_contain_text(
        "because the startup profile is out of date"
    )

    page.get_by_role("link", name="Edit profile").first.click()
    page.get_by_role("textbox", name="City", exact=True).fill("Haidian")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("status")).to_contain_text("Profile saved.")
    expect(page.locator("#stale-note")).to_have_count(0)
