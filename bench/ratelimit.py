"""What a rate-limit decision costs: in this process, and in Redis (one round trip running the
token-bucket script). Interleaved, so load from other processes hits both alike.

    python -m bench.ratelimit [--redis-url redis://127.0.0.1:6379/0] [--n 5000]

Writes under a prefix of its own and deletes only its keys (the Redis may be shared).
"""

from __future__ import annotations

import argparse
import json
import time
import uuid

import redis

from bench.common import ratio, summary
from matchmaker.platform.ratelimit import RateLimiter, RedisRateLimiter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--n", type=int, default=5000)
    args = parser.parse_args()
    prefix = f"mmbench:{uuid.uuid4().hex}:"
    client = redis.Redis.from_url(args.redis_url)
    # A budget no request exhausts, over 100 keys: the cost of deciding, not of refusing.
    local = RateLimiter(per_minute=10**9, burst=10**6)
    shared = RedisRateLimiter(per_minute=10**9, burst=10**6, client=client, prefix=prefix)
    timings: dict[str, list[float]] = {"in_process": [], "redis": []}
    try:
        for i in range(args.n):
            for name, limiter in (("in_process", local), ("redis", shared)):
                started = time.perf_counter()
                limiter.take(f"account:{i % 100}")
                timings[name].append((time.perf_counter() - started) * 1000)
    finally:
        for key in client.scan_iter(match=f"{prefix}*"):
            client.delete(key)
        client.close()
    figures = {name: summary(ms) for name, ms in timings.items()}
    figures["redis_over_in_process_p50"] = {
        "ratio": ratio(figures["redis"]["p50_ms"], figures["in_process"]["p50_ms"])
    }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
