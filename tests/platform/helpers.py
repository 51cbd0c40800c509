"""Claiming an Idempotency-Key directly, as a request still running (or dead) would have."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from matchmaker.platform import idempotency


def claim(client: TestClient, headers: dict[str, str], key: str) -> int:
    """Claim ``key`` for the API key in ``headers``; returns the record's id."""
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    me = client.get("/v1/keys/me", headers=headers).json()["key"]["id"]
    claimed = idempotency.claim(sessions, me, key, timedelta(hours=1))
    assert isinstance(claimed, idempotency.Claimed)
    return claimed.record_id
