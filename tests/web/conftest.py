"""A real server and a real browser: uvicorn on 127.0.0.1 (random port) and Debian's chromium.

The server is the whole app (API and pages) over the test database of each backend, with the
session's shared model. Profiles and keys are made through the same services the API uses.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from matchmaker.access import service as access
from matchmaker.access.models import Role
from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.kinds import BY_PLURAL
from matchmaker.matching.encoder import Encoder
from matchmaker.profiles import service as profiles
from matchmaker.web.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.factories import BODIES
from tests.live import serve

START_TIMEOUT_SECONDS = 120


@dataclass
class LiveServer:
    """The running app: its address, and helpers that write through its services."""

    url: str
    app: FastAPI

    def key(self, role: str, **scope: Any) -> str:
        """A new account of ``role`` and its API key (plaintext)."""
        with self.app.state.sessions() as session, session.begin():
            issued = access.create_key(session, Role(role), f"web test {role}", **scope)
        return issued.plaintext

    def account_of(self, key: str) -> int:
        with self.app.state.sessions() as session, session.begin():
            return access.authenticate(session, key).account_id

    def create(self, plural: str, owner_key: str | None = None, **overrides: Any) -> int:
        """A profile from the test factories, owned by ``owner_key``'s account if given."""
        kind = BY_PLURAL[plural]
        owner = self.account_of(owner_key) if owner_key else None
        body = kind.create.model_validate(BODIES[plural](**overrides))
        with self.app.state.sessions() as session, session.begin():
            return profiles.create(session, kind, body, owner_account_id=owner).id


@pytest.fixture
def live_server(settings: Settings, encoder: Encoder) -> Iterator[LiveServer]:
    """The app served by uvicorn in a thread on 127.0.0.1, port chosen by the OS."""
    app = create_app(settings, encoder)
    with serve(app, START_TIMEOUT_SECONDS) as url:
        yield LiveServer(url, app)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's chromium, headless; never a browser that Playwright downloads."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    instance = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield instance
    instance.close()


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    """A fresh browser context (no cookies) on the live server, in English."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


def sign_in(page: Page, key: str) -> None:
    """Sign in through the form, as a person would."""
    page.goto("/signin")
    page.get_by_label("API key", exact=True).fill(key)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
