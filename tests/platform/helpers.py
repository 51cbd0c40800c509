"""Claiming an Idempotency-Key directly, as a request still running (or dead) would have."""

from __future__ import annotations

import signal
import subprocess
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from matchmaker.platform import idempotency, leases


def claim(client: TestClient, headers: dict[str, str], key: str, owner: str) -> int:
    """Claim ``key`` for the API key in ``headers`` on behalf of ``owner``; returns the
    record's id."""
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    me = client.get("/v1/keys/me", headers=headers).json()["key"]["id"]
    claimed = idempotency.claim(sessions, me, key, timedelta(hours=1), owner)
    assert isinstance(claimed, idempotency.Claimed)
    return claimed.record_id


def owner_in(process: subprocess.Popen[bytes]) -> str:
    """The owner of a request running in ``process``."""
    return f"{leases.process_owner(process.pid)}|{uuid.uuid4().hex}"


def kill_9(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait()


def all_routes(routes: list[Any]) -> Iterator[Any]:
    """Every route of ``routes``, those of included routers too."""
    for route in routes:
        if hasattr(route, "original_router"):  # an included router (FastAPI >= 0.165)
            yield from all_routes(route.original_router.routes)
        else:
            yield route
