"""kill -9 of the server during concurrent creates with Idempotency-Keys, then every retry."""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import sessionmaker

from matchmaker.config import Settings
from matchmaker.startups.models import Startup
from tests.conftest import bearer, mint_key_in
from tests.factories import startup_body
from tests.faults.server import Server, server_env

pytestmark = pytest.mark.faults

REQUESTS = 48
SENDERS = 8


def _create(
    url: str, headers: dict[str, str], key: str, body: dict[str, Any]
) -> tuple[int | None, Any, float]:
    """One POST: (status, body, seconds), status None when the connection broke."""
    started = time.monotonic()
    try:
        r = httpx.post(
            url + "/v1/startups",
            json=body,
            headers={**headers, "Idempotency-Key": key},
            timeout=60,
        )
    except httpx.TransportError:
        return None, None, time.monotonic() - started
    return r.status_code, r.json(), time.monotonic() - started


def test_kill_9_during_idempotent_creates_then_every_retry_gets_its_one_row(
    settings: Settings, tmp_path: Path
) -> None:
    url = settings.resolved_database_url()
    engine = create_engine(url)
    headers = bearer(mint_key_in(sessionmaker(engine), "admin"))
    server = Server(server_env(url, settings.data_dir), tmp_path / "server.log")
    requests = [(uuid.uuid4().hex, startup_body()) for _ in range(REQUESTS)]
    kill_after = random.randrange(REQUESTS // 4, REQUESTS // 2)
    answered = threading.Semaphore(0)
    try:
        server.start()

        def send(item: tuple[str, dict[str, Any]]) -> tuple[int | None, Any, float]:
            result = _create(server.url, headers, *item)
            answered.release()
            return result

        with ThreadPoolExecutor(SENDERS) as pool:
            futures = [pool.submit(send, item) for item in requests]
            for _ in range(kill_after):
                answered.acquire()
            server.kill()  # with requests in flight and others not yet sent
            first = [f.result() for f in futures]
        before = {i: body for i, (status, body, _) in enumerate(first) if status == 201}
        broken = sum(1 for status, _, _ in first if status is None)
        print(f"killed after {kill_after} answers: {len(before)} created, {broken} cut off")
        assert {status for status, _, _ in first} <= {201, None}
        assert broken, "the kill cut no request off"

        restart = server.start()
        with ThreadPoolExecutor(SENDERS) as pool:
            retries = list(pool.map(lambda item: _create(server.url, headers, *item), requests))
        slowest = max(seconds for _, _, seconds in retries)
        print(f"restart {restart:.1f}s; {REQUESTS} retries, slowest answered in {slowest:.2f}s")
        with engine.connect() as conn:
            rows = dict(conn.execute(select(Startup.id, Startup.name)).all())
    finally:
        server.kill()
        engine.dispose()
    # Every retry gets its answer on the first try (never 409 in_progress): its row, or, for
    # a request the kill cut off between its commit and storing its response (never sent),
    # idempotency_response_lost. Either way its row exists exactly once.
    lost = [i for i, (status, _, _) in enumerate(retries) if status != 201]
    for i in lost:
        assert retries[i][0] == 409, retries[i]
        assert retries[i][1]["error"] == "idempotency_response_lost", retries[i]
        assert i not in before  # a response that was sent is always replayed
    print(f"{len(lost)} retries answered idempotency_response_lost")
    # rows == requests: each request's (unique) name stored once
    assert Counter(rows.values()) == Counter(body["name"] for _, body in requests)
    ids = [body["id"] for status, body, _ in retries if status == 201]
    assert len(set(ids)) == len(ids) == REQUESTS - len(lost)
    assert set(ids) <= set(rows)
    for i, body in before.items():  # a response sent before the kill is the one replayed
        assert retries[i][1] == body
