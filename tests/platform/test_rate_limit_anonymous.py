"""Pages asked for without a key or session: one bucket per client address (sign-in guesses and
floods), answered over the limit with the same HTML 429 page as a session; API calls without a
usable key share it (tests/platform/test_rate_limit_keyless.py); health checks and the
stylesheet are not counted."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from matchmaker.platform.ratelimit import bucket_of_address
from tests.conftest import mint_key_in
from tests.web.test_session import _csrf, _sign_in

ATTACKER = ("198.51.100.7", 40000)
NEIGHBOUR = ("198.51.100.8", 40000)
BAD_KEY = "mm_000000000000_nope"


@pytest.fixture
def app(settings: Settings, encoder: Encoder) -> Iterator[FastAPI]:
    """An app allowing 3 anonymous pages at once per address, one more every 10 s."""
    tight = settings.model_copy(
        update={"anonymous_rate_limit_per_minute": 6, "anonymous_rate_limit_burst": 3}
    )
    application = create_app(tight, encoder)
    with TestClient(application):  # runs the lifespan once for every client below
        yield application


def _from(app: FastAPI, address: tuple[str, int]) -> TestClient:
    return TestClient(app, client=address)


def test_sign_in_guesses_from_one_address_get_the_429_page(app: FastAPI) -> None:
    browser = _from(app, ATTACKER)
    csrf = _csrf(browser)  # 1 of 3
    guesses = [browser.post("/signin", data={"key": BAD_KEY, "csrf": csrf}) for _ in range(3)]
    assert [r.status_code for r in guesses] == [401, 401, 429]
    assert [r.headers["X-RateLimit-Remaining"] for r in guesses[:2]] == ["1", "0"]
    refused = guesses[-1]
    assert refused.headers["content-type"].startswith("text/html")
    assert "Too many requests" in refused.text
    assert "This key is not valid" not in refused.text  # the guess was not even tried
    assert 1 <= int(refused.headers["Retry-After"]) <= 10  # 6 a minute: a token every 10 s
    # The sign-in page itself too, in the visitor's language.
    zh = browser.get("/signin", headers={"Accept-Language": "zh-CN"})
    assert zh.status_code == 429
    assert "请求过于频繁" in zh.text
    # Another address has a bucket of its own.
    assert _from(app, NEIGHBOUR).get("/signin").status_code == 200


def test_api_calls_without_a_key_share_the_pages_budget_and_get_json(app: FastAPI) -> None:
    visitor = _from(app, ATTACKER)
    assert all(visitor.get("/healthz").status_code == 200 for _ in range(5))
    assert all(visitor.get("/static/style.css").status_code == 200 for _ in range(5))
    # One budget per address: two 401s and a page spend it.
    assert [visitor.get("/v1/startups").status_code for _ in range(2)] == [401, 401]
    assert visitor.get("/signin").status_code == 200
    page, api = visitor.get("/signin"), visitor.get("/v1/startups")
    assert (page.status_code, api.status_code) == (429, 429)
    # Each over the limit in its own language: a page for the browser, JSON for the API.
    assert page.headers["content-type"].startswith("text/html")
    assert api.json()["error"] == "rate_limited"


def test_a_signed_in_browser_counts_against_its_account_not_its_address(app: FastAPI) -> None:
    key = mint_key_in(app.state.sessions, "founder")
    browser = _from(app, ATTACKER)
    _sign_in(browser, key)  # 2 of the address's 3
    assert _from(app, ATTACKER).get("/signin").status_code == 200  # 3 of 3
    assert _from(app, ATTACKER).get("/signin").status_code == 429
    # The session's pages draw on the account's bucket (1200 a minute), not the address's.
    answers = [browser.get("/") for _ in range(5)]
    assert [r.status_code for r in answers] == [200] * 5
    assert answers[0].headers["X-RateLimit-Limit"] == "1200"


def test_a_rate_of_zero_turns_the_address_limit_off(settings: Settings, encoder: Encoder) -> None:
    off = settings.model_copy(
        update={"anonymous_rate_limit_per_minute": 0, "anonymous_rate_limit_burst": 1}
    )
    with TestClient(create_app(off, encoder), client=ATTACKER) as visitor:
        assert [visitor.get("/signin").status_code for _ in range(5)] == [200] * 5


def test_an_ipv6_client_counts_per_64_and_a_mapped_ipv4_as_ipv4() -> None:
    one = bucket_of_address("2001:db8:1:2::1")
    assert one == "address:2001:db8:1:2::/64"
    assert bucket_of_address("2001:db8:1:2:ffff:ffff:ffff:ffff") == one
    assert bucket_of_address("2001:db8:1:3::1") != one
    assert bucket_of_address("::ffff:203.0.113.9") == bucket_of_address("203.0.113.9")
    assert bucket_of_address("203.0.113.9") == "address:203.0.113.9"
    assert bucket_of_address(None) == "address:unknown"
