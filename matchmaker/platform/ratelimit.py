"""Per-key token buckets, in memory.

Each API key gets ``burst`` tokens, refilled at ``per_minute / 60`` a second; a request takes
one. The buckets live in this process: one process enforces the limit exactly, N processes
each enforce it (so a key may get up to N times the rate). A shared store (Redis, the
database) would be the next step if the service ever runs several workers.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    remaining: int
    retry_after: int  # whole seconds until one token is back; 0 when allowed


class RateLimiter:
    """Token buckets keyed by API key id; thread-safe."""

    def __init__(
        self, per_minute: int, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.per_minute = per_minute
        self.burst = burst
        self._rate = per_minute / 60.0
        self._clock = clock
        self._buckets: dict[int, tuple[float, float]] = {}  # key id -> (tokens, at)
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    def take(self, key_id: int) -> Verdict:
        """Spend one token of ``key_id``'s bucket if there is one."""
        now = self._clock()
        with self._lock:
            tokens, at = self._buckets.get(key_id, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - at) * self._rate)
            if tokens >= 1.0:
                self._buckets[key_id] = (tokens - 1.0, now)
                return Verdict(True, int(tokens - 1.0), 0)
            self._buckets[key_id] = (tokens, now)
            wait = (1.0 - tokens) / self._rate
            return Verdict(False, 0, max(1, math.ceil(wait)))
