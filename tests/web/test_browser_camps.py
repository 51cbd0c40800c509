"""A camp run end to end in headless Chromium by the demo incubator manager: open the demo
camp, rank applicants, run the allocation, read assignments and quotas, download the .ics."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect
from sqlalchemy import func, select

from matchmaker.access import demo as demo_keys
from matchmaker.access.models import Role
from matchmaker.camps.demo import NAME, load_demo_camp
from matchmaker.camps.models import CampApplication
from matchmaker.config import Settings
from matchmaker.demo import seed
from matchmaker.web.i18n import translations
from tests.web.conftest import LiveServer, sign_in

HOST = "Zhongguancun Frontier Hard Tech Incubator"  # the demo manager's incubator


def _demo(server: LiveServer, settings: Settings) -> str:
    """The demo profiles, keys and camp, as `seed-demo` and `camps demo` make them; returns
    the demo manager's key."""
    seed.load(settings, server.app.state.runtime)
    with server.app.state.sessions() as session, session.begin():
        keys = demo_keys.issue_demo_keys(session)
        load_demo_camp(session)
    return next(k.key for k in keys if k.role is Role.manager)


def test_the_demo_manager_runs_the_demo_camp_in_the_browser(
    page: Page, live_server: LiveServer, settings: Settings, tmp_path: Path
) -> None:
    sign_in(page, _demo(live_server, settings))
    with live_server.app.state.sessions() as session:
        applicants = session.scalar(select(func.count()).select_from(CampApplication)) or 0
    assert applicants > 32  # more applicants than places: someone is left out
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Camps").click()
    expect(page).to_have_url(re.compile(r"/camps$"))
    page.get_by_role("link", name=NAME).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NAME)
    expect(page.get_by_role("heading", name=re.compile(r"^Applicants"))).to_contain_text(
        str(applicants)
    )
    expect(page.get_by_text("Not allocated yet.")).to_be_visible()

    # Rank: put the applicant the camp's score likes least first.
    page.get_by_role("link", name=f"Rank applicants {HOST}").click()
    cards = page.locator("article.card")
    expect(cards).to_have_count(applicants)
    last = cards.last.locator(".card-title").inner_text()
    expect(cards.first.locator(".score")).to_contain_text("Camp score")
    expect(cards.first.get_by_role("img")).to_have_attribute("aria-label", re.compile("^Score"))
    page.get_by_role("spinbutton", name=f"Rank {last}", exact=True).fill("1")
    page.get_by_role("button", name="Save ranking").click()
    expect(page.get_by_role("status")).to_have_text("Ranking saved: 1 applicants ranked.")
    expect(cards.first.locator(".card-title")).to_have_text(last)
    expect(page.get_by_role("spinbutton", name=f"Rank {last}", exact=True)).to_have_value("1")

    page.get_by_role("link", name=NAME).click()
    page.get_by_role("button", name="Run allocation").click()
    expect(page.get_by_role("status")).to_contain_text(re.compile(r"Allocation done: \d+ placed"))
    assignments = page.get_by_role("table", name=re.compile(r"^Assignments"))
    rows = assignments.locator("tbody tr")
    expect(rows.first).to_be_visible()
    placed = rows.count()
    assert 0 < placed <= 32  # the demo camp's places
    expect(rows.first.locator("td").nth(3)).to_contain_text(re.compile(r"^Placed with"))
    quotas = page.get_by_role("table", name="Quota report")
    floor = quotas.locator("tr", has_text="30% of places for Tianjin and Hebei")
    expect(floor.locator("td").last).to_have_text("yes")
    caps = quotas.locator("tr", has_text="at most 12 startups from one city")  # one per city
    expect(caps.filter(has_text="Beijing").locator("td").nth(4)).to_have_text("12")
    expect(quotas.locator("tbody tr td:last-child", has_text="no")).to_have_count(0)

    page.get_by_role("link", name="Meeting schedule").click()
    meetings = page.locator("table.records tbody tr")
    expect(meetings).to_have_count(placed)  # one meeting per assignment in the demo
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the calendar (.ics)").click()
    path = tmp_path / "camp.ics"
    info.value.save_as(path)
    text = path.read_bytes().decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == placed

    # The same pages in Chinese.
    page.get_by_role("button", name="中文").click()
    zh = translations("zh")
    expect(page.get_by_role("heading", level=1)).to_have_text(zh.gettext("Meeting schedule"))
    page.get_by_role("link", name=NAME).click()
    expect(page.get_by_role("heading", name=zh.gettext("Quota report"))).to_be_visible()
    expect(page.get_by_role("button", name=zh.gettext("Run allocation"))).to_be_visible()
