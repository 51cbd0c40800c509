"""How deliveries are signed, and how a receiver checks them.

``X-Matchmaker-Signature: v1=<hex>`` where ``<hex>`` is HMAC-SHA256, keyed with the
webhook's secret, over ``"<X-Matchmaker-Timestamp>.<raw body>"``. Receivers should compare
in constant time and refuse timestamps too far from their clock (replayed captures).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

SIGNATURE_HEADER = "X-Matchmaker-Signature"
TIMESTAMP_HEADER = "X-Matchmaker-Timestamp"
EVENT_HEADER = "X-Matchmaker-Event"
EVENT_ID_HEADER = "X-Matchmaker-Event-Id"
DELIVERY_HEADER = "X-Matchmaker-Delivery"
TOLERANCE_SECONDS = 300


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return "v1=" + mac.hexdigest()


def verify(
    secret: str,
    body: bytes,
    timestamp: str,
    signature: str,
    tolerance: int = TOLERANCE_SECONDS,
    now: float | None = None,
) -> bool:
    """True if ``signature`` is ours for this body and timestamp, and the timestamp is fresh."""
    try:
        ts = int(timestamp)
    except ValueError:
        return False
    if abs((time.time() if now is None else now) - ts) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, ts, body), signature)
