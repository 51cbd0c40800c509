"""API calls without a usable key (none, another scheme, malformed, unknown, revoked, expired)
count against their client address's bucket, the one pages without a session draw on: 401
while it lasts, then the API's JSON 429. Probes, /metrics and the stylesheet are never counted.

The app runs as `matchmaker serve` runs it, behind a trusted proxy (tests.web.test_proxy), so
the address is the one the proxy puts in X-Forwarded-For; 3 such requests at once per address,
one more every 10 s.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import exc as sa_exc
from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.access import keys
from matchmaker.access import service as access
from matchmaker.access.models import ApiKey
from matchmaker.config import Settings
from matchmaker.db import utcnow
from matchmaker.matching.encoder import Encoder
from tests.conftest import bearer, mint_key_in
from tests.web.test_proxy import PROXY, served

ATTACKER = {"X-Forwarded-For": "203.0.113.7"}
NEIGHBOUR = {"X-Forwarded-For": "203.0.113.8"}
UNKNOWN = "mm_0123456789ab_" + "x" * 43  # well formed: costs the lookup of its prefix

TRUSTED = PROXY[0]


def _sessions(client: TestClient) -> sessionmaker[Session]:
    """The sessions of the app inside uvicorn's proxy headers middleware."""
    return client.app.app.state.sessions  # type: ignore[attr-defined,no-any-return]


def test_the_unknown_key_is_well_formed() -> None:
    # Else the tests below would only ever send keys refused without a lookup.
    assert keys.split(UNKNOWN) == ("0123456789ab", "x" * 43)


def test_bogus_keys_from_one_address_get_401_then_the_apis_429(
    settings: Settings, encoder: Encoder
) -> None:
    with served(settings, encoder, forwarded_allow_ips=TRUSTED) as client:
        guesses = [
            client.get("/v1/startups", headers=ATTACKER),  # no Authorization at all
            client.get("/v1/startups", headers=ATTACKER | {"Authorization": "Basic Zm9vOmJhcg=="}),
            client.get("/v1/keys/me", headers=ATTACKER | bearer("mm_bad")),
            client.get("/v1/keys/me", headers=ATTACKER | bearer(UNKNOWN)),
        ]
        assert [r.status_code for r in guesses] == [401, 401, 401, 429]
        # The 401s say what is left, like the sign-in page's answers.
        assert [r.headers["X-RateLimit-Remaining"] for r in guesses[:3]] == ["2", "1", "0"]
        assert guesses[0].headers["X-RateLimit-Limit"] == "6"
        refused = guesses[-1]
        assert refused.headers["content-type"] == "application/json"
        body = refused.json()
        assert body["error"] == "rate_limited"
        assert "without a valid API key from this address" in body["message"]
        assert "6 a minute (bursts of 3)" in body["message"]
        assert 1 <= int(refused.headers["Retry-After"]) <= 10  # 6 a minute: a token every 10 s
        # One budget per address: its pages are refused too, with the HTML page.
        page = client.get("/signin", headers=ATTACKER)
        assert page.status_code == 429
        assert page.headers["content-type"].startswith("text/html")
        # Another visitor behind the same proxy has a bucket of its own.
        assert client.get("/v1/startups", headers=NEIGHBOUR).status_code == 401


def test_revoked_and_expired_keys_count_against_the_address(
    settings: Settings, encoder: Encoder
) -> None:
    with served(settings, encoder, forwarded_allow_ips=TRUSTED) as client:
        sessions = _sessions(client)
        revoked, expired = mint_key_in(sessions, "partner"), mint_key_in(sessions, "partner")
        with sessions() as session, session.begin():
            for key, column in ((revoked, "revoked_at"), (expired, "expires_at")):
                prefix = keys.split(key)
                assert prefix is not None
                session.execute(
                    update(ApiKey)
                    .where(ApiKey.prefix == prefix[0])
                    .values({column: utcnow() - timedelta(minutes=1)})
                )
        answers = [
            client.get("/v1/keys/me", headers=ATTACKER | bearer(key)).status_code
            for key in (revoked, expired, revoked, expired)
        ]
        assert answers == [401, 401, 401, 429]


def test_a_valid_key_from_a_limited_address_draws_on_its_account(
    settings: Settings, encoder: Encoder
) -> None:
    with served(settings, encoder, forwarded_allow_ips=TRUSTED) as client:
        key = bearer(mint_key_in(_sessions(client), "partner"))
        assert [
            client.get("/v1/startups", headers=ATTACKER | bearer(UNKNOWN)).status_code
            for _ in range(4)
        ] == [401, 401, 401, 429]
        answers = [client.get("/v1/keys/me", headers=ATTACKER | key) for _ in range(5)]
        assert [r.status_code for r in answers] == [200] * 5
        assert answers[0].headers["X-RateLimit-Limit"] == "1200"  # the account's limit
        # And it did not refill the address's bucket.
        assert client.get("/v1/startups", headers=ATTACKER).status_code == 429


def test_probes_metrics_and_the_stylesheet_are_never_counted(
    settings: Settings, encoder: Encoder
) -> None:
    with served(settings, encoder, forwarded_allow_ips=TRUSTED) as client:
        bogus = ATTACKER | bearer(UNKNOWN)
        for path in ("/healthz", "/readyz", "/metrics", "/static/style.css"):
            answers = [client.get(path, headers=bogus) for _ in range(5)]
            assert [r.status_code for r in answers] == [200] * 5, path
            assert "X-RateLimit-Remaining" not in answers[0].headers, path
        # The address's whole burst is still there.
        api = [client.get("/v1/startups", headers=bogus).status_code for _ in range(4)]
        assert api == [401, 401, 401, 429]
        # Over the limit, the probes still answer.
        assert client.get("/healthz", headers=bogus).status_code == 200
        assert client.get("/readyz", headers=bogus).status_code == 200


def test_a_rate_of_zero_turns_the_address_limit_off_for_the_api_too(
    settings: Settings, encoder: Encoder
) -> None:
    with served(
        settings, encoder, forwarded_allow_ips=TRUSTED, anonymous_rate_limit_per_minute=0
    ) as client:
        answers = [client.get("/v1/startups", headers=ATTACKER | bearer(UNKNOWN)) for _ in range(8)]
        assert [r.status_code for r in answers] == [401] * 8
        assert "X-RateLimit-Remaining" not in answers[0].headers


def test_a_database_outage_lets_keys_through_uncounted(
    settings: Settings, encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    with served(settings, encoder, forwarded_allow_ips=TRUSTED) as client:

        def unreachable(*args: object, **kwargs: object) -> None:
            raise sa_exc.TimeoutError("no connection free in time")

        with monkeypatch.context() as patched:
            # Whether the key is good cannot be known: the route answers 503, nobody pays.
            patched.setattr(access, "authenticate", unreachable)
            answers = [
                client.get("/v1/keys/me", headers=ATTACKER | bearer(UNKNOWN)) for _ in range(5)
            ]
            assert [r.status_code for r in answers] == [503] * 5
            assert answers[0].json()["error"] == "database_unavailable"
            assert "X-RateLimit-Remaining" not in answers[0].headers
        back = [client.get("/v1/keys/me", headers=ATTACKER | bearer(UNKNOWN)) for _ in range(4)]
        assert [r.status_code for r in back] == [401, 401, 401, 429]
