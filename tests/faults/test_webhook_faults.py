"""A receiver that fails, then goes down, and a server killed -9 with events undelivered."""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import sessionmaker

from matchmaker.config import Settings
from matchmaker.webhooks import signing
from matchmaker.webhooks.models import WebhookDelivery
from tests.conftest import bearer, mint_key_in
from tests.factories import incubator_body, startup_body
from tests.faults.server import Server, server_env
from tests.webhooks.receiver import Received, receiver

pytestmark = pytest.mark.faults

EVENTS = 8


def _fast_webhooks(settings: Settings) -> dict[str, str]:
    return server_env(
        settings.resolved_database_url(),
        settings.data_dir,
        webhook_allow_private_urls=True,
        webhook_backoff_seconds=0.05,
        webhook_backoff_max_seconds=0.5,
        webhook_poll_seconds=0.1,
        webhook_timeout_seconds=2,
        webhook_max_attempts=30,  # enough to outlast the outage and the restart
    )


def _header(request: Received, name: str) -> str:
    return {k.lower(): v for k, v in request.headers.items()}[name.lower()]


def test_failing_then_down_receiver_and_a_server_kill_lose_no_event(
    settings: Settings, tmp_path: Path
) -> None:
    engine = create_engine(settings.resolved_database_url())
    sessions = sessionmaker(engine)
    admin, founder = (
        bearer(mint_key_in(sessions, "admin")),
        bearer(mint_key_in(sessions, "founder")),
    )
    server = Server(_fast_webhooks(settings), tmp_path / "server.log")
    received: list[Received] = []
    http = httpx.Client(base_url=server.url, timeout=30)
    try:
        first_start = server.start()
        incubator = http.post(
            "/v1/incubators", json=incubator_body(domains=["robotics"]), headers=admin
        ).json()["id"]
        manager = bearer(mint_key_in(sessions, "manager", incubator_ids=[incubator]))
        startups = []
        for _ in range(EVENTS):
            r = http.post("/v1/startups", json=startup_body(domains=["robotics"]), headers=founder)
            assert r.status_code == 201, r.text
            startups.append(r.json()["id"])

        def shortlist(startup: int) -> None:
            body = {"startup_id": startup, "incubator_id": incubator, "action": "shortlist"}
            assert http.post("/v1/matches", json=body, headers=founder).status_code == 201

        # 1. The receiver answers 500 to everything.
        with receiver(script=[500] * 10_000) as rx:
            port = int(rx.url.split(":")[2].split("/")[0])
            hook = http.post(
                "/v1/webhooks",
                json={"url": rx.url, "events": ["match.state_changed"]},
                headers=manager,
            ).json()
            for startup in startups[:4]:
                shortlist(startup)
            rx.wait_for(lambda got: len({_header(r, "X-Matchmaker-Event-Id") for r in got}) == 4)
        received += rx.requests
        # 2. The receiver is down (connection refused): two events are tried and refused ...
        for startup in startups[4:6]:
            shortlist(startup)
        deadline = time.monotonic() + 60
        with sessions() as session:
            while True:
                tried = session.scalars(select(WebhookDelivery.attempts)).all()
                if len(tried) >= 6 and all(n >= 1 for n in tried):
                    break
                assert time.monotonic() < deadline, "the worker never tried the new events"
                time.sleep(0.1)
                session.expire_all()
        # ... and two are committed right before the server is killed.
        for startup in startups[6:]:
            shortlist(startup)
        server.kill()
        with sessions() as session:
            delivered = session.scalars(
                select(WebhookDelivery.id).where(WebhookDelivery.status == "delivered")
            ).all()
        assert delivered == []  # every event is committed and none delivered at the kill
        # 3. The receiver comes back where it was, then the server restarts.
        with receiver(port=port) as back:
            restart = server.start()
            back.wait_for(
                lambda got: len({_header(r, "X-Matchmaker-Event-Id") for r in got}) == EVENTS,
                timeout=120,
            )
        received += back.requests
    finally:
        server.kill()
        http.close()
        engine.dispose()

    by_event: dict[str, set[bytes]] = defaultdict(set)
    for request in received:
        assert signing.verify(  # every attempt, failed or not, is signed with the secret
            hook["secret"],
            request.body,
            _header(request, signing.TIMESTAMP_HEADER),
            _header(request, signing.SIGNATURE_HEADER),
        )
        event = json.loads(request.body)
        assert event["id"] == _header(request, signing.EVENT_ID_HEADER)
        by_event[event["id"]].add(request.body)
    # Sent again only as the same event (same id, same body): a receiver dedupes on the id.
    assert all(len(bodies) == 1 for bodies in by_event.values())
    accepted = {json.loads(r.body)["id"]: json.loads(r.body) for r in back.accepted()}
    assert len(accepted) == EVENTS
    assert sorted(e["data"]["startup_id"] for e in accepted.values()) == sorted(startups)
    print(
        f"{len(received)} requests for {EVENTS} events; "
        f"{len(received) - len(back.accepted())} refused or failed; server started in "
        f"{first_start:.1f}s, restarted in {restart:.1f}s"
    )
