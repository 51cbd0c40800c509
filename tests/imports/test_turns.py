"""Accounts take turns at the import worker: one account's many uploads no longer hold back
another account's, and an account whose import runs in another worker waits for the others."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.app import create_app
from matchmaker.background import try_claim
from matchmaker.config import Settings
from matchmaker.imports.models import ImportJob
from matchmaker.imports.turns import Pending, fair_order
from matchmaker.imports.worker import CLAIMS, ImportWorker
from matchmaker.matching.encoder import Encoder
from tests.conftest import bearer, mint_key
from tests.imports.helpers import upload

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
HEADER = "external_id,name,domains,stage,trl,region\n"


def _job(job_id: int, account: int, minutes: int) -> Pending:
    return Pending(job_id, account, "queued", f"/up/{job_id}.csv", T0 + timedelta(minutes=minutes))


def test_accounts_take_turns_whatever_each_of_them_queued() -> None:
    flood = [_job(i, 1, i) for i in range(1, 6)]  # account 1 queued five at once
    late = [_job(6, 2, 10), _job(7, 2, 11)]
    assert fair_order(flood + late, Counter(), {}) == [1, 6, 2, 7, 3, 4, 5]


def test_an_account_that_just_had_a_turn_goes_behind_those_waiting() -> None:
    queued = [_job(1, 1, 0), _job(2, 2, 5), _job(3, 3, 6)]
    # Account 1's previous job ended after 2 and 3 uploaded: they have waited longer.
    ended = {1: T0 + timedelta(minutes=7), 3: T0 + timedelta(minutes=2)}
    assert fair_order(queued, Counter(), ended) == [2, 3, 1]


def test_an_account_running_a_job_elsewhere_comes_after_those_running_none() -> None:
    queued = [_job(1, 1, 0), _job(2, 2, 5), _job(3, 1, 6)]
    assert fair_order(queued, Counter({1: 1}), {}) == [2, 1, 3]
    # Two running against one queued ahead: account 2's second job goes first.
    more = [*queued, _job(4, 2, 7)]
    assert fair_order(more, Counter({1: 2}), {}) == [2, 4, 1, 3]


def _rows(tag: str) -> str:
    return HEADER + f"{tag},Turn {tag} Robotics,robotics,pilot,5,beijing\n"


def test_a_late_accounts_upload_runs_before_the_rest_of_an_earlier_flood(
    settings: Settings, encoder: Encoder
) -> None:
    stopped = settings.model_copy(update={"workers_enabled": False})
    with TestClient(create_app(stopped, encoder)) as client:
        flood, late = bearer(mint_key(client, "founder")), bearer(mint_key(client, "founder"))
        ids = {}
        for tag, headers in (("a1", flood), ("a2", flood), ("a3", flood), ("b1", late)):
            r = upload(client, _rows(tag), f"{tag}.csv", headers=headers, source="turns")
            assert r.status_code == 202, r.text
            ids[r.json()["id"]] = tag
        sessions = client.app.state.sessions  # type: ignore[attr-defined]
        worker = ImportWorker(sessions, stopped)
        for _ in ids:
            assert worker.run_once()
        assert not worker.run_once()
        with sessions() as session:
            started = session.scalars(select(ImportJob.id).order_by(ImportJob.started_at)).all()
        order = [ids[job_id] for job_id in started]
        assert order == ["a1", "b1", "a2", "a3"]


def test_a_job_running_in_another_worker_lets_another_account_go_first(
    settings: Settings, encoder: Encoder
) -> None:
    stopped = settings.model_copy(update={"workers_enabled": False})
    with TestClient(create_app(stopped, encoder)) as client:
        flood, late = bearer(mint_key(client, "founder")), bearer(mint_key(client, "founder"))
        a1, a2, b1 = (
            upload(client, _rows(tag), f"{tag}.csv", headers=headers).json()["id"]
            for tag, headers in (("a1", flood), ("a2", flood), ("b1", late))
        )
        sessions: sessionmaker[Session] = client.app.state.sessions  # type: ignore[attr-defined]
        with sessions() as session, session.begin():
            job = session.get(ImportJob, a1)
            assert job is not None
            job.status = "running"  # as the other worker has marked it
        elsewhere = try_claim(sessions, CLAIMS, a1)  # the other worker's claim
        assert elsewhere is not None
        try:
            found = ImportWorker(sessions, stopped).next_job()
            assert found is not None
            job_id, claim = found
            claim.release()
        finally:
            elsewhere.release()
        if sessions.kw["bind"].dialect.name == "postgresql":
            # a1 is held: account 1 has a job running, so account 2's goes before a2.
            assert job_id == b1, (a1, a2, b1, job_id)
        else:
            # SQLite has a single worker (the API process's): a running job is one a dead
            # process left, and resumes first.
            assert job_id == a1, (a1, a2, b1, job_id)
