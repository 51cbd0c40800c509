"""Render screenshots of the main web pages into docs/screenshots/ for the README.

Runs the real app on the demo data in a throwaway data directory, acts as the demo manager
and founder through the pages (a real headless chromium, Debian's package), and saves PNGs:

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Chinese pages need a CJK font (`make screenshots` installs Debian's fonts-noto-cjk); without
one chromium draws tofu boxes. The *-zh.png shots are the Chinese pages of Chinese profiles.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright

from matchmaker import migrations_state
from matchmaker.access.demo import issue_demo_keys
from matchmaker.access.models import Role
from matchmaker.app import create_app
from matchmaker.camps.demo import NAME as DEMO_CAMP
from matchmaker.camps.demo import load_demo_camp
from matchmaker.config import Settings
from matchmaker.demo import seed
from matchmaker.web.chromium import CHROMIUM, CHROMIUM_ARGS
from matchmaker.web.session import LANG_COOKIE

LAPTOP: dict[str, object] = {"viewport": {"width": 1280, "height": 860}}
# Demo profiles written in Chinese (matchmaker/demo/data.json), found by `q` search.
CHINESE_STARTUP = "天枢人形机器人"
CHINESE_INCUBATOR = "亦庄机器人深度孵化中心"
PHONE: dict[str, object] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True}


@contextmanager
def serve(data_dir: Path) -> Iterator[tuple[str, dict[Role, str]]]:
    """The app on the demo data at a free port; yields its URL and the demo keys."""
    settings = Settings(data_dir=data_dir, database_url="")
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    migrations_state.upgrade(settings.resolved_database_url())
    app = create_app(settings)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise SystemExit("the server did not start")
        time.sleep(0.1)
    try:
        seed.load(settings, app.state.runtime)
        with app.state.sessions() as session, session.begin():
            keys = {k.role: k.key for k in issue_demo_keys(session)}
            load_demo_camp(session)  # run by the demo manager
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}", keys
    finally:
        server.should_exit = True
        thread.join(timeout=60)


def sign_in(browser: Browser, url: str, key: str, **options: object) -> Page:
    context = browser.new_context(base_url=url, locale="en-GB", **options)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto("/signin")
    page.get_by_label("API key").fill(key)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    return page


def shoot(page: Page, out: Path, name: str, full_page: bool = False) -> None:
    page.screenshot(path=str(out / f"{name}.png"), full_page=full_page)
    print(f"wrote {out / name}.png")


def run(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, serve(Path(tmp) / "data") as (url, keys):
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            visitor = browser.new_page(base_url=url, viewport={"width": 1280, "height": 860})
            visitor.goto("/signin")
            shoot(visitor, out, "signin")

            founder = sign_in(browser, url, keys[Role.founder], **LAPTOP)
            founder.goto("/")
            startup_link = founder.locator("a[href^='/startups/']").first
            startup_path = str(startup_link.get_attribute("href"))
            manager = sign_in(browser, url, keys[Role.manager], **LAPTOP)
            dashboard = manager.url

            # A little review activity, through the pages: the founder and the manager both
            # accept their pair (connected); the manager shortlists one startup, declines one.
            incubator = dashboard.rstrip("/").rsplit("/", 1)[-1]
            startup = startup_path.rsplit("/", 1)[-1]
            pair = f"/pairs/{startup}/incubator/{incubator}"
            for page, side in ((founder, "startup"), (manager, "target")):
                page.goto(f"{pair}?side={side}")
                page.get_by_role("button", name=re.compile(r"^Accept ")).click()
            manager.goto(dashboard)
            cards = manager.locator("article.card")
            cards.nth(1).get_by_role("button", name=re.compile(r"^Shortlist ")).click()
            decline = cards.nth(2)
            decline.locator("summary").click()
            decline.get_by_label("Reason").select_option("stage_mismatch")
            decline.get_by_label("Note").fill("Come back after the pilot.")
            decline.get_by_role("button", name=re.compile(r"^Decline ")).click()

            manager.goto(dashboard + "?domain=integrated_circuits")
            shoot(manager, out, "dashboard")
            manager.goto(f"{pair}?side=target")
            shoot(manager, out, "match-detail", full_page=True)

            founder.goto("/startups/new")
            founder.locator("#f-name").fill("Clawtek Robotics")
            founder.get_by_role("checkbox", name="Robotics", exact=True).check()
            founder.get_by_role("combobox", name="Stage").select_option("prototype")
            founder.locator("#f-trl").fill("12")
            founder.get_by_role("button", name="Create profile").click()
            founder.locator("#f-trl").scroll_into_view_if_needed()
            founder.evaluate("window.scrollBy(0, -260)")
            shoot(founder, out, "startup-form-error")
            founder.goto(startup_path + "?target=scenarios")
            shoot(founder, out, "founder-recommendations")
            founder.goto(startup_path + "?target=bundle")
            shoot(founder, out, "founder-bundle")

            manager.goto(dashboard)
            manager.get_by_role("button", name="中文").click()
            shoot(manager, out, "dashboard-zh")
            # The lists served above (dashboards, the founder's pages) are the analytics' data.
            manager.goto(f"/analytics?incubator_id={incubator}")
            shoot(manager, out, "analytics-zh", full_page=True)
            manager.get_by_role("button", name="English").click()
            shoot(manager, out, "analytics", full_page=True)
            shoot_chinese_profiles(browser, url, keys[Role.admin], out)
            shoot_camp(browser, url, keys[Role.manager], out)
            phone = sign_in(browser, url, keys[Role.manager], **PHONE)
            phone.locator("nav.tabs").evaluate("tabs => tabs.scrollIntoView()")
            shoot(phone, out, "dashboard-phone")
            browser.close()


def shoot_chinese_profiles(browser: Browser, url: str, key: str, out: Path) -> None:
    """A Chinese startup's incubator matches and its pair with a Chinese incubator, in Chinese."""
    admin = sign_in(browser, url, key, **LAPTOP)
    admin.context.add_cookies([{"name": LANG_COOKIE, "value": "zh", "url": url}])
    auth = {"Authorization": f"Bearer {key}"}

    def first_id(kind: str, q: str) -> int:
        r = admin.request.get(f"/v1/{kind}", params={"q": q}, headers=auth)
        return int(r.json()["items"][0]["id"])

    startup = first_id("startups", CHINESE_STARTUP)
    incubator = first_id("incubators", CHINESE_INCUBATOR)
    admin.goto(f"/startups/{startup}?target=incubators")
    shoot(admin, out, "startup-matches-zh")
    admin.goto(f"/pairs/{startup}/incubator/{incubator}")
    shoot(admin, out, "match-detail-zh", full_page=True)


def shoot_camp(browser: Browser, url: str, key: str, out: Path) -> None:
    """The demo camp after an allocation run from its page: assignments, then in Chinese."""
    manager = sign_in(browser, url, key, **LAPTOP)
    manager.goto("/camps")
    manager.get_by_role("link", name=DEMO_CAMP).click()
    manager.get_by_role("button", name="Run allocation").click()
    manager.locator("#allocation").scroll_into_view_if_needed()
    shoot(manager, out, "camp-allocation")
    manager.get_by_role("button", name="中文").click()
    manager.locator("#h-quotas").scroll_into_view_if_needed()
    shoot(manager, out, "camp-quotas-zh")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    run(parser.parse_args().out)


if __name__ == "__main__":
    main()
