"""Signatures as a receiver checks them, against the documented format re-computed here."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time

import pytest

from matchmaker.webhooks import signing

SECRET = "whsec_test-secret"
BODY = b'{"event":"match.connected","id":7}'
NOW = 1_800_000_000


def _documented(secret: str, timestamp: int, body: bytes) -> str:
    """``v1=`` + hex HMAC-SHA256 keyed with the secret over ``"<timestamp>.<raw body>"``."""
    message = str(timestamp).encode() + b"." + body
    return "v1=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def test_a_signature_is_the_documented_hmac() -> None:
    assert signing.sign(SECRET, NOW, BODY) == _documented(SECRET, NOW, BODY)


@pytest.mark.parametrize("skew", [0, 1, -1, 299, -299, 300, -300])
def test_a_fresh_signature_verifies(skew: int) -> None:
    sig = _documented(SECRET, NOW, BODY)
    assert signing.verify(SECRET, BODY, str(NOW), sig, now=NOW + skew)


@pytest.mark.parametrize("skew", [301, -301, 10_000])
def test_a_stale_or_future_timestamp_is_refused(skew: int) -> None:
    sig = _documented(SECRET, NOW, BODY)
    assert not signing.verify(SECRET, BODY, str(NOW), sig, now=NOW + skew)
    # A receiver may allow more skew than the default five minutes.
    assert signing.verify(SECRET, BODY, str(NOW), sig, tolerance=abs(skew), now=NOW + skew)


def test_the_receivers_clock_is_used_when_none_is_given() -> None:
    ts = int(time.time())
    assert signing.verify(SECRET, BODY, str(ts), _documented(SECRET, ts, BODY))
    old = ts - 3600
    assert not signing.verify(SECRET, BODY, str(old), _documented(SECRET, old, BODY))


@pytest.mark.parametrize(
    ("secret", "body", "timestamp", "signature"),
    [
        ("whsec_other", BODY, str(NOW), _documented(SECRET, NOW, BODY)),
        (SECRET, BODY + b" ", str(NOW), _documented(SECRET, NOW, BODY)),
        (SECRET, BODY, str(NOW + 1), _documented(SECRET, NOW, BODY)),
        (SECRET, BODY, "not-a-number", _documented(SECRET, NOW, BODY)),
        (SECRET, BODY, str(NOW), _documented(SECRET, NOW, BODY)[3:]),
    ],
)
def test_anything_but_our_signature_of_this_body_is_refused(
    secret: str, body: bytes, timestamp: str, signature: str
) -> None:
    assert not signing.verify(secret, body, timestamp, signature, now=NOW)


def test_new_secrets_are_prefixed_and_unguessable() -> None:
    secrets = {signing.new_secret() for _ in range(50)}
    assert len(secrets) == 50
    for secret in secrets:
        assert secret.startswith("whsec_")
        raw = base64.urlsafe_b64decode(secret.removeprefix("whsec_") + "=")
        assert len(raw) == 32  # 256 bits, the size of the HMAC-SHA256 key
