"""An account has at most MATCHMAKER_IMPORTS_PER_ACCOUNT uploads queued or running: one
account queueing without end delayed every other account's imports."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.access import service as access
from matchmaker.access.models import Role
from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.imports import service
from matchmaker.imports.errors import ImportQueueFull
from matchmaker.imports.models import ImportJob
from matchmaker.imports.worker import ImportWorker, upload_dir
from matchmaker.matching.encoder import Encoder
from tests.conftest import bearer, mint_key
from tests.imports.helpers import upload

ROWS = "external_id,name,domains,stage,trl,region\nq1,Queue Robotics,robotics,pilot,5,beijing\n"


def test_an_account_past_its_import_cap_is_refused_until_one_ends(
    settings: Settings, encoder: Encoder
) -> None:
    capped = settings.model_copy(update={"workers_enabled": False, "imports_per_account": 2})
    with TestClient(create_app(capped, encoder)) as client:
        busy, other = bearer(mint_key(client, "founder")), bearer(mint_key(client, "founder"))
        for name in ("one.csv", "two.csv"):
            assert upload(client, ROWS, name, headers=busy).status_code == 202
        r = upload(client, ROWS, "three.csv", headers=busy)
        assert r.status_code == 409, r.text
        assert r.json()["error"] == "import_queue_full"
        [detail] = r.json()["detail"]
        assert detail["field"] == "file"
        assert detail["reason"] == (
            "this account has 2 imports queued or running, the most it may have "
            "(MATCHMAKER_IMPORTS_PER_ACCOUNT=2); upload again once one has ended"
        )
        assert len(client.get("/v1/imports", headers=busy).json()) == 2
        assert len(list(upload_dir(capped).iterdir())) == 2  # the refused file was not kept
        # The cap is each account's own.
        assert upload(client, ROWS, "mine.csv", headers=other).status_code == 202
        sessions = client.app.state.sessions  # type: ignore[attr-defined]
        assert ImportWorker(sessions, capped).run_once()  # the first upload ends
        assert upload(client, ROWS, "three.csv", headers=busy).status_code == 202
        assert upload(client, ROWS, "four.csv", headers=busy).status_code == 409


def test_the_upload_route_declares_the_refusal(client: TestClient) -> None:
    responses = client.get("/openapi.json").json()["paths"]["/v1/imports"]["post"]["responses"]
    assert "import_queue_full" in responses["409"]["description"]


def test_simultaneous_uploads_never_pass_the_cap(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    sessions: sessionmaker[Session] = client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as session, session.begin():
        account_id = access.create_key(session, Role.founder).account.id
    cap, uploads = 3, 8

    def slow_insert(*_: Any) -> None:
        # Widen the gap between the count and the insert, so that without the lock every
        # upload counts before any of them inserts.
        time.sleep(0.2)

    event.listen(sessions, "before_flush", slow_insert)
    start = threading.Barrier(uploads)
    outcomes: list[str] = []

    def queue(n: int) -> None:
        start.wait()
        try:
            with sessions() as session, session.begin():
                service.create_job(
                    session,
                    kind="startups",
                    fmt="csv",
                    source="race",
                    filename=f"{n}.csv",
                    path=tmp_path / f"{n}.csv",
                    mapping=None,
                    account_id=account_id,
                    per_account=cap,
                )
            outcomes.append("queued")
        except ImportQueueFull as exc:
            outcomes.append("refused" if "IMPORTS_PER_ACCOUNT=3" in exc.message else exc.message)

    threads = [threading.Thread(target=queue, args=(n,)) for n in range(uploads)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        event.remove(sessions, "before_flush", slow_insert)
    assert sorted(outcomes) == ["queued"] * cap + ["refused"] * (uploads - cap)
    with sessions() as session:
        stored = session.scalar(
            select(func.count()).select_from(ImportJob).where(ImportJob.account_id == account_id)
        )
    assert stored == cap
