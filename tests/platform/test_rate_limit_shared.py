"""Rate limits shared by replicas through Redis; per process without it, or while it is down.

The Redis at MATCHMAKER_TEST_REDIS_URL is shared with other test runs: every test writes under
a prefix of its own and deletes only its own keys afterwards.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
import redis
from fastapi.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from matchmaker.platform.ratelimit import RedisRateLimiter
from tests.conftest import as_admin, bearer, mint_key

REDIS_URL = os.environ.get("MATCHMAKER_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def prefix() -> Iterator[str]:
    """A key prefix no other test uses; its keys are deleted afterwards (never FLUSHALL)."""
    mine = f"mmtest:{uuid.uuid4().hex}:"
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.fail(
            f"Redis at {REDIS_URL} is not reachable ({exc}): start it, or point "
            "MATCHMAKER_TEST_REDIS_URL at one",
            pytrace=False,
        )
    yield mine
    for key in client.scan_iter(match=f"{mine}*"):
        client.delete(key)
    client.close()


def _replicas(settings: Settings, encoder: Encoder, stack: ExitStack, n: int) -> list[TestClient]:
    """``n`` apps on one database, each with an index folder of its own, as replicas are."""
    clients = []
    for i in range(n):
        own = settings.model_copy(update={"data_dir": settings.data_dir / f"replica{i}"})
        clients.append(stack.enter_context(TestClient(create_app(own, encoder))))
    return clients


def _tight(settings: Settings, **extra: object) -> Settings:
    return settings.model_copy(
        update={"rate_limit_per_minute": 6, "rate_limit_burst": 3, "workers_enabled": False} | extra
    )


def test_replicas_sharing_redis_share_one_budget_per_key(
    settings: Settings, encoder: Encoder, prefix: str
) -> None:
    shared = _tight(settings, redis_url=REDIS_URL, redis_prefix=prefix)
    with ExitStack() as stack:
        one, two = _replicas(shared, encoder, stack, 2)
        key = bearer(mint_key(as_admin(one), "partner"))
        answers = [(one if i % 2 == 0 else two).get("/v1/startups", headers=key) for i in range(5)]
    assert [r.status_code for r in answers] == [200, 200, 200, 429, 429]
    # The remaining count runs down across both replicas: one bucket.
    assert [r.headers["X-RateLimit-Remaining"] for r in answers[:3]] == ["2", "1", "0"]
    assert 1 <= int(answers[3].headers["Retry-After"]) <= 10
    with redis.Redis.from_url(REDIS_URL) as client:
        assert len(list(client.scan_iter(match=f"{prefix}ratelimit:*"))) == 1


def test_without_redis_each_replica_counts_on_its_own(settings: Settings, encoder: Encoder) -> None:
    with ExitStack() as stack:
        one, two = _replicas(_tight(settings), encoder, stack, 2)
        key = bearer(mint_key(as_admin(one), "partner"))
        answers = [(one if i % 2 == 0 else two).get("/v1/startups", headers=key) for i in range(8)]
    # Three each, then each replica refuses on its own.
    assert [r.status_code for r in answers] == [200] * 6 + [429] * 2


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_unreachable_redis_falls_back_to_limits_in_this_process(
    settings: Settings, encoder: Encoder, prefix: str
) -> None:
    down = _tight(settings, redis_url=f"redis://127.0.0.1:{_closed_port()}/0", redis_prefix=prefix)
    with TestClient(create_app(down, encoder)) as client:
        key = bearer(mint_key(as_admin(client), "partner"))
        answers = [client.get("/v1/startups", headers=key).status_code for _ in range(4)]
    # Neither open (no limit) nor closed (everything refused): this process's own buckets.
    assert answers == [200, 200, 200, 429]


def test_the_bucket_script_refills_on_redis_time_and_expires_idle_buckets(prefix: str) -> None:
    client = redis.Redis.from_url(REDIS_URL)
    limiter = RedisRateLimiter(per_minute=60, burst=2, client=client, prefix=prefix)
    verdicts = [limiter.take("account:7") for _ in range(3)]
    assert [v.allowed for v in verdicts] == [True, True, False]
    assert [v.remaining for v in verdicts[:2]] == [1, 0]
    assert verdicts[2].retry_after == 1  # one token a second
    assert limiter.take("account:8").allowed  # another account, another bucket
    # A bucket refills to full in 2 s: Redis may forget it a second after that.
    ttl = client.pttl(f"{prefix}ratelimit:account:7")
    assert 0 < ttl <= 3000
    assert limiter.errors == 0
    client.close()


def _by_address_in_redis(settings: Settings, prefix: str) -> Settings:
    """Settings whose per-address budget (6 a minute, bursts of 3) lives in Redis."""
    return _tight(
        settings,
        redis_url=REDIS_URL,
        redis_prefix=prefix,
        anonymous_rate_limit_per_minute=6,
        anonymous_rate_limit_burst=3,
    )


def test_replicas_sharing_redis_share_one_budget_per_anonymous_address(
    settings: Settings, encoder: Encoder, prefix: str
) -> None:
    shared = _by_address_in_redis(settings, prefix)
    with ExitStack() as stack:
        one, two = _replicas(shared, encoder, stack, 2)
        visitor = [TestClient(app.app, client=("198.51.100.7", 40000)) for app in (one, two)]
        answers = [visitor[i % 2].get("/signin") for i in range(5)]
        other = TestClient(two.app, client=("198.51.100.8", 40000)).get("/signin")
    assert [r.status_code for r in answers] == [200, 200, 200, 429, 429]
    assert [r.headers["X-RateLimit-Remaining"] for r in answers[:3]] == ["2", "1", "0"]
    assert answers[3].headers["content-type"].startswith("text/html")
    assert other.status_code == 200
    with redis.Redis.from_url(REDIS_URL) as client:
        buckets = {k.decode() for k in client.scan_iter(match=f"{prefix}ratelimit:*")}
    assert buckets == {
        f"{prefix}ratelimit:address:198.51.100.7",
        f"{prefix}ratelimit:address:198.51.100.8",
    }


def test_replicas_sharing_redis_share_the_address_budget_of_calls_without_a_key(
    settings: Settings, encoder: Encoder, prefix: str
) -> None:
    shared = _by_address_in_redis(settings, prefix)
    bogus = bearer("mm_0123456789ab_" + "x" * 43)
    with ExitStack() as stack:
        one, two = _replicas(shared, encoder, stack, 2)
        visitor = [TestClient(app.app, client=("198.51.100.7", 40000)) for app in (one, two)]
        answers = [visitor[i % 2].get("/v1/startups", headers=bogus) for i in range(4)]
        page = visitor[1].get("/signin")  # the same budget as the address's pages
    assert [r.status_code for r in answers] == [401, 401, 401, 429]
    assert answers[3].json()["error"] == "rate_limited"
    assert page.status_code == 429
    with redis.Redis.from_url(REDIS_URL) as client:
        buckets = {k.decode() for k in client.scan_iter(match=f"{prefix}ratelimit:*")}
    assert buckets == {f"{prefix}ratelimit:address:198.51.100.7"}
