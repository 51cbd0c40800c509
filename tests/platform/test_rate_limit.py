"""Token buckets: 429 with Retry-After, per account (rotation included), admins exempt; pages
too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from matchmaker.platform.ratelimit import RateLimiter
from tests.conftest import as_admin, bearer, mint_key
from tests.factories import startup_body
from tests.web.test_session import _sign_in


@pytest.fixture
def limited(settings: Settings, encoder: Encoder) -> Iterator[TestClient]:
    tight = settings.model_copy(update={"rate_limit_per_minute": 6, "rate_limit_burst": 3})
    with TestClient(create_app(tight, encoder)) as client:
        yield as_admin(client)


def test_a_key_over_its_limit_gets_429_with_retry_after(limited: TestClient) -> None:
    one = bearer(mint_key(limited, "partner"))
    two = bearer(mint_key(limited, "partner"))
    answers = [limited.get("/v1/startups", headers=one) for _ in range(4)]
    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert [r.headers["X-RateLimit-Remaining"] for r in answers[:3]] == ["2", "1", "0"]
    refused = answers[-1]
    assert refused.json()["error"] == "rate_limited"
    # 6 a minute: one token every 10 s.
    assert 1 <= int(refused.headers["Retry-After"]) <= 10
    # Other keys have buckets of their own; admin keys are not limited.
    assert limited.get("/v1/startups", headers=two).status_code == 200
    assert all(limited.get("/v1/startups").status_code == 200 for _ in range(10))


def test_requests_without_a_usable_key_draw_on_no_account(limited: TestClient) -> None:
    anonymous = TestClient(limited.app)
    answers = [anonymous.get("/v1/startups") for _ in range(5)]
    assert [r.status_code for r in answers] == [401] * 5
    # The client address's bucket (test_rate_limit_keyless.py), not an account's 3.
    assert answers[0].headers["X-RateLimit-Limit"] == "60"


def test_bucket_arithmetic_with_a_clock_of_our_own() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=60, burst=2, clock=lambda: now[0])
    assert [limiter.take("a").allowed for _ in range(3)] == [True, True, False]
    assert limiter.take("a").retry_after == 1
    now[0] = 1.0  # one token back after a second
    assert limiter.take("a").allowed
    assert not limiter.take("a").allowed
    now[0] = 100.0  # never more than the burst
    assert [limiter.take("a").allowed for _ in range(3)] == [True, True, False]
    assert limiter.take("b").allowed  # another bucket


def test_a_signed_in_browser_shares_its_keys_bucket_and_gets_a_page(limited: TestClient) -> None:
    key = mint_key(limited, "founder")
    browser = TestClient(limited.app)
    _sign_in(browser, key)  # the sign-in itself is anonymous: its address pays, not the account
    assert browser.get("/").status_code == 200  # 1 of 3
    assert limited.get("/v1/keys/me", headers=bearer(key)).status_code == 200  # 2 of 3
    assert browser.get("/").status_code == 200  # 3 of 3
    refused = browser.get("/")
    assert refused.status_code == 429
    assert refused.headers["content-type"].startswith("text/html")
    assert 1 <= int(refused.headers["Retry-After"]) <= 10
    assert "Too many requests" in refused.text
    # The key's API calls are refused too: one budget.
    assert limited.get("/v1/keys/me", headers=bearer(key)).status_code == 429


def test_the_429_page_is_in_the_visitors_language(limited: TestClient) -> None:
    browser = TestClient(limited.app, headers={"Accept-Language": "zh-CN"})
    _sign_in(browser, mint_key(limited, "founder"))
    answers = [browser.get("/") for _ in range(4)]
    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert "请求过于频繁" in answers[-1].text


def test_rotating_a_key_does_not_refill_its_bucket(limited: TestClient) -> None:
    old = mint_key(limited, "partner")
    assert limited.get("/v1/keys/me", headers=bearer(old)).status_code == 200  # 1 of 3
    me = limited.get("/v1/keys/me", headers=bearer(old)).json()  # 2 of 3
    rotated = limited.post(f"/v1/keys/{me['key']['id']}/rotate", headers=bearer(old))  # 3 of 3
    assert rotated.status_code == 201
    refused = limited.get("/v1/keys/me", headers=bearer(rotated.json()["key"]))
    assert refused.status_code == 429
    assert "account" in refused.json()["message"]


def _batch(size: int) -> dict[str, object]:
    return {"kind": "startups", "profiles": [startup_body() for _ in range(size)]}


def test_a_batch_costs_one_request_per_profile(limited: TestClient) -> None:
    key = bearer(mint_key(limited, "partner"))
    assert limited.post("/v1/recommendations/batch", json=_batch(2), headers=key).status_code == 200
    refused = limited.post("/v1/recommendations/batch", json=_batch(2), headers=key)
    assert refused.status_code == 429
    assert refused.json()["error"] == "rate_limited"
    assert "a batch of 2 costs 2" in refused.json()["message"]
    assert 1 <= int(refused.headers["Retry-After"]) <= 10
    # A batch larger than the burst costs the burst: it passes once the bucket is full.
    other = bearer(mint_key(limited, "partner"))
    assert (
        limited.post("/v1/recommendations/batch", json=_batch(5), headers=other).status_code == 200
    )
    assert limited.get("/v1/keys/me", headers=other).status_code == 429


def test_a_batch_refused_for_its_cost_is_not_replayed(limited: TestClient) -> None:
    now = [0.0]
    limited.app.state.limiter._clock = lambda: now[0]  # type: ignore[attr-defined]
    key = bearer(mint_key(limited, "partner"))
    assert limited.post("/v1/recommendations/batch", json=_batch(2), headers=key).status_code == 200
    retry = {**key, "Idempotency-Key": "batch-1"}
    body = _batch(2)
    assert limited.post("/v1/recommendations/batch", json=body, headers=retry).status_code == 429
    now[0] = 60.0  # the bucket is full again: the same request runs, not a stored 429
    again = limited.post("/v1/recommendations/batch", json=body, headers=retry)
    assert again.status_code == 200
    assert "idempotent-replayed" not in again.headers
