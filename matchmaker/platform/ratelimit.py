"""Token buckets, one per caller: in this process, or in Redis so that every replica shares them.

A bucket is named by the caller (``PlatformMiddleware`` uses the account, so a key and the keys
that replace it on rotation share one; a web page asked for without a session uses the client
address, in a limiter of its own with ``MATCHMAKER_ANONYMOUS_RATE_LIMIT_*``). Each holds
``burst`` tokens, refilled at ``per_minute / 60`` a second; a request takes one (a batch of
recommendations one per profile: ``charge``). Without ``MATCHMAKER_REDIS_URL`` the buckets live
in this process: exact for one process, per process when several run (a caller may then get
up to N times the rate). With it, one bucket per caller lives in Redis and a Lua script refills
and spends it atomically, on Redis's clock, so N replicas enforce one budget.

When Redis cannot be reached the limiter neither lets everything through nor refuses
everything: it falls back to the in-process buckets (each replica then enforces the limit on
its own, as without Redis) and tries Redis again after ``RETRY_SECONDS``. A Redis outage thus
costs neither availability nor all protection.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import redis

from matchmaker.access.principal import Principal
from matchmaker.errors import RateLimited

log = logging.getLogger(__name__)

# Redis clients wait this long at most: a slow Redis must not stall every request.
REDIS_TIMEOUT_SECONDS = 0.25
RETRY_SECONDS = 5.0


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    remaining: int
    retry_after: int  # whole seconds until one token is back; 0 when allowed


class Limiter(Protocol):
    per_minute: int
    burst: int
    # take() waits on the network: callers on the event loop hand it to a thread.
    blocking: bool

    @property
    def enabled(self) -> bool: ...

    def take(self, bucket: str, cost: int = 1) -> Verdict:
        """Spend ``cost`` tokens of ``bucket`` if it holds them, else none."""
        ...


def _verdict(tokens_left: float, allowed: bool, rate: float, cost: int = 1) -> Verdict:
    if allowed:
        return Verdict(True, int(tokens_left), 0)
    return Verdict(False, int(tokens_left), max(1, math.ceil((cost - tokens_left) / rate)))


def bucket_of(principal: Principal) -> str:
    """The bucket a caller draws on: its account's, so that a key and the keys that replace it
    on rotation share one (an account holds one live key; rotation revokes the old one)."""
    return f"account:{principal.account_id}"


def bucket_of_address(host: str | None) -> str:
    """The bucket of a page asked for without a key or session: the client's address, which
    uvicorn takes from X-Forwarded-For only when the connection comes from a trusted proxy
    (MATCHMAKER_FORWARDED_ALLOW_IPS). An IPv6 client counts per /64, the block one host is
    usually given, else it could change address on every request."""
    if not host:
        return "address:unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        # Not an address (a unix socket's peer, a test client): its name, bounded.
        return f"address:{host[:64]}"
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return f"address:{address.ipv4_mapped}"
        return f"address:{ipaddress.IPv6Network((address, 64), strict=False)}"
    return f"address:{address}"


class RateLimiter:
    """Token buckets by name, in this process; thread-safe."""

    blocking = False  # a dict and a lock held for microseconds

    def __init__(
        self, per_minute: int, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.per_minute = per_minute
        self.burst = burst
        self._rate = per_minute / 60.0
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # bucket -> (tokens, at)
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    def take(self, bucket: str, cost: int = 1) -> Verdict:
        """Spend ``cost`` tokens of ``bucket`` if it holds them, else none."""
        now = self._clock()
        with self._lock:
            tokens, at = self._buckets.get(bucket, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - at) * self._rate)
            if tokens >= cost:
                self._buckets[bucket] = (tokens - cost, now)
                return _verdict(tokens - cost, True, self._rate)
            self._buckets[bucket] = (tokens, now)
            return _verdict(tokens, False, self._rate, cost)


# KEYS[1] the bucket; ARGV rate (tokens a second), burst, cost. Returns {allowed, tokens left}; the
# token count goes back as a string because Redis turns Lua numbers into integers.
_TAKE = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or burst
local at = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local allowed = 0
if tokens >= cost then
    tokens = tokens - cost
    allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
-- A full bucket holds nothing worth keeping: let Redis drop idle ones.
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return {allowed, tostring(tokens)}
"""


class RedisRateLimiter:
    """The same buckets in Redis, shared by every process using the same URL and prefix."""

    blocking = True

    def __init__(
        self, per_minute: int, burst: int, client: redis.Redis, prefix: str = "matchmaker:"
    ) -> None:
        self.per_minute = per_minute
        self.burst = burst
        self._rate = per_minute / 60.0
        self._client = client
        self._prefix = f"{prefix}ratelimit:"
        self._script = client.register_script(_TAKE)
        self._fallback = RateLimiter(per_minute, burst)
        self._down_until = 0.0
        self.errors = 0  # Redis failures so far (exported as a metric)

    @classmethod
    def from_url(
        cls, url: str, per_minute: int, burst: int, prefix: str = "matchmaker:"
    ) -> RedisRateLimiter:
        client = redis.Redis.from_url(
            url,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        )
        return cls(per_minute, burst, client, prefix)

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    def take(self, bucket: str, cost: int = 1) -> Verdict:
        """Spend ``cost`` tokens of the shared ``bucket``; in-process while Redis is down."""
        if time.monotonic() < self._down_until:
            return self._fallback.take(bucket, cost)
        try:
            allowed, left = self._script(
                keys=[f"{self._prefix}{bucket}"], args=[self._rate, self.burst, cost]
            )
        except redis.RedisError as exc:
            self.errors += 1
            self._down_until = time.monotonic() + RETRY_SECONDS
            log.warning(
                "rate limits: Redis unreachable (%s); counting in this process for %.0f s",
                type(exc).__name__,
                RETRY_SECONDS,
            )
            return self._fallback.take(bucket, cost)
        return _verdict(float(left), bool(int(allowed)), self._rate, cost)

    def close(self) -> None:
        self._client.close()


def charge(state: Any, principal: Principal, cost: int, what: str) -> None:
    """Spend what a request costs beyond the one token ``PlatformMiddleware`` took for it
    (a batch of ``cost`` profiles costs ``cost``, at most the burst, so that any batch can
    pass once the bucket is full); 429 with ``Retry-After`` if the bucket lacks it, and then
    nothing more is spent. Blocking with Redis: call it from a thread, as sync routes run."""
    limiter: Limiter | None = getattr(state, "limiter", None)
    if limiter is None or not limiter.enabled or principal.is_admin:
        return
    extra = min(cost, limiter.burst) - 1
    if extra <= 0:
        return
    verdict = limiter.take(bucket_of(principal), extra)
    if not verdict.allowed:
        raise RateLimited(
            f"{what} costs {extra + 1} of the {limiter.burst} requests the account may send "
            f"at once ({limiter.per_minute} a minute); {verdict.remaining + 1} were left: "
            f"retry in {verdict.retry_after} s",
            verdict.retry_after,
        )


def limiter_for(per_minute: int, burst: int, redis_url: str, prefix: str) -> Limiter:
    """Shared buckets in Redis when a URL is set, else buckets in this process."""
    if redis_url:
        return RedisRateLimiter.from_url(redis_url, per_minute, burst, prefix)
    return RateLimiter(per_minute, burst)
