"""The exposure log: what is written for each kind of list, and what retention deletes."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matchmaker.analytics import log, writer
from matchmaker.analytics.models import Exposure
from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.db import utcnow
from matchmaker.matching.encoder import Encoder
from matchmaker.recommendations.schemas import STARTUP_EXAMPLE
from tests.analytics.conftest import World
from tests.conftest import as_admin
from tests.factories import BODIES


def _rows(client: TestClient) -> list[Exposure]:
    with client.app.state.sessions() as session, session.begin():  # type: ignore[attr-defined]
        log.flush(session)  # what the app's buffered writer holds
        return list(session.scalars(select(Exposure).order_by(Exposure.id)))


def test_a_served_list_is_logged_in_rank_order_and_an_unsaved_profile_is_not(
    world: World,
) -> None:
    body = {**STARTUP_EXAMPLE, "targets": ["incubators"]}
    assert world.client.post("/v1/recommendations", json=body).status_code == 200
    assert _rows(world.client) == []
    served = world.get(f"/v1/incubators/{world.incubator}/matches", world.manager, limit=3)
    shown = [m["profile"]["id"] for m in served.json()["matches"]]
    rows = _rows(world.client)
    assert [(r.shown_kind, r.shown_id, r.rank) for r in rows] == [
        ("startup", s, rank) for rank, s in enumerate(shown, start=1)
    ]
    assert {(r.query_kind, r.query_id) for r in rows} == {("incubator", world.incubator)}
    assert len({r.served_at for r in rows}) == 1


def test_a_bundle_logs_its_three_parts(world: World) -> None:
    admin = world.admin
    partner = world.client.post("/v1/partners", json=BODIES["partners"](), headers=admin)
    scenario = world.client.post(
        "/v1/scenarios",
        json=BODIES["scenarios"](domains=["robotics"], min_trl=3),
        headers=admin,
    )
    assert partner.status_code == scenario.status_code == 201
    startup = world.startups["Binhai Welding Vision"]
    found = world.get(f"/v1/startups/{startup}/bundle", world.founder).json()
    rows = _rows(world.client)
    if found["bundle"] is None:  # nothing fits together: nothing was shown
        assert rows == []
        return
    parts = {(k, found["bundle"][k]["profile"]["id"]) for k in ("incubator", "partner", "scenario")}
    assert {(r.shown_kind, r.shown_id) for r in rows} == parts
    assert {(r.query_kind, r.query_id, r.rank) for r in rows} == {("startup", startup, 1)}


def test_retention_deletes_only_exposures_older_than_it(client: TestClient) -> None:
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    now = utcnow()
    with sessions() as session, session.begin():
        # Younger than the default retention (365 days): the app's own worker, whose hourly
        # housekeeping also runs at its start, leaves them to this test.
        for days in (40, 31, 29, 0):
            session.add(
                Exposure(
                    served_at=now - timedelta(days=days),
                    query_kind="incubator",
                    query_id=1,
                    shown_kind="startup",
                    shown_id=days + 1,
                    rank=1,
                )
            )
    assert log.prune(sessions, timedelta(days=30), now=now) == 2
    assert sorted(r.shown_id for r in _rows(client)) == [1, 30]
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Exposure)) == 2
    # The webhook worker's hourly housekeeping runs it with the setting.
    log.housekeeping(sessions, 1)()
    assert [r.shown_id for r in _rows(client)] == [1]


def test_the_writer_takes_rows_off_the_request_and_writes_them_within_a_second(
    world: World,
) -> None:
    served = world.get(f"/v1/incubators/{world.incubator}/matches", world.manager, limit=3)
    shown = len(served.json()["matches"])
    sessions = world.client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as session:
        assert writer.of(session) is not None  # the app's sessions carry its writer
    deadline = time.monotonic() + 10 * writer.FLUSH_SECONDS
    written = 0
    while time.monotonic() < deadline and written < shown:
        time.sleep(0.05)
        with sessions() as session:  # no flush here: the writer's own thread wrote them
            written = session.scalar(select(func.count()).select_from(Exposure)) or 0
    assert written == shown


def test_stopping_the_app_writes_what_the_writer_still_holds(
    settings: Settings, encoder: Encoder
) -> None:
    app = create_app(settings, encoder)
    with TestClient(app) as client:
        as_admin(client)
        incubator = client.post("/v1/incubators", json=BODIES["incubators"]()).json()["id"]
        client.post("/v1/startups", json=BODIES["startups"](domains=["robotics"]))
        buffered = writer.of(app.state.sessions())
        assert buffered is not None
        buffered.stop()  # no more ticks: only the shutdown flush can write what follows
        served = client.get(f"/v1/incubators/{incubator}/matches").json()["matches"]
        assert served
    with app.state.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Exposure)) == len(served)


def test_a_report_waits_for_a_flush_under_way_and_then_sees_its_rows(client: TestClient) -> None:
    # The race behind a CI failure: the writer's thread had taken the queue and was still
    # writing when a report flushed, found nothing queued and read before the commit.
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    buffered = writer.ExposureWriter(sessions)  # not started: this test drives it
    row = {"query_kind": "incubator", "query_id": 1, "shown_kind": "startup", "rank": 1}
    buffered.add([{**row, "served_at": utcnow(), "shown_id": 7}])
    writing, release = threading.Event(), threading.Event()

    @contextlib.contextmanager
    def slow_sessions() -> Iterator[Session]:
        with sessions() as session:
            execute = session.execute

            def held(*args: Any, **kwargs: Any) -> Any:
                writing.set()
                release.wait(10)
                return execute(*args, **kwargs)

            session.execute = held
            yield session

    buffered.sessions = slow_sessions  # type: ignore[assignment]
    flushing = threading.Thread(target=buffered.flush)
    flushing.start()
    assert writing.wait(10)
    taken: list[list[dict[str, Any]]] = []
    reporting = threading.Thread(target=lambda: taken.append(buffered.take_written()))
    reporting.start()
    reporting.join(0.3)
    assert reporting.is_alive()  # the report waits while the flush writes
    release.set()
    flushing.join(10)
    reporting.join(10)
    assert taken == [[]]  # nothing left queued, and the flushed row is committed:
    with sessions() as session:
        assert [e.shown_id for e in session.scalars(select(Exposure))] == [7]
