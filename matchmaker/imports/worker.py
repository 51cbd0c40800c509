"""Runs uploaded import jobs one at a time, in a thread of the API process or of
``matchmaker worker``, taking turns between accounts (``turns``).

Jobs are found in the database (status ``queued`` or ``running``), not in memory, so a job
interrupted by a restart is resumed by the next process. Only uploads (files under the upload
folder) are picked up: a CLI import runs in its own process. Several workers on one
PostgreSQL database each claim a job before running it (``background.try_claim``), so a job
runs in one of them at a time and a dead worker's job is resumed by another.
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from matchmaker.background import Claim, PollingWorker, try_claim
from matchmaker.config import Settings
from matchmaker.imports import service, turns
from matchmaker.imports.models import ImportJob

log = logging.getLogger(__name__)

# The advisory-lock namespace of import jobs ("mi", for try_claim).
CLAIMS = 0x6D69


def upload_dir(settings: Settings) -> Path:
    return settings.upload_dir or settings.data_dir / "imports"


class ImportWorker(PollingWorker):
    """Runs queued upload jobs one at a time."""

    name = "imports"

    def __init__(self, sessions: sessionmaker[Session], settings: Settings) -> None:
        super().__init__(settings.webhook_poll_seconds * 2)
        self.sessions = sessions
        self.settings = settings
        self.uploads = upload_dir(settings).resolve()

    def next_job(self) -> tuple[int, Claim] | None:
        """The unfinished upload job whose turn it is (``turns``), claimed; None if none
        is free."""
        with self.sessions() as session:
            jobs = [j for j in turns.pending(session) if self._is_upload(j.path)]
            ended = turns.last_ended(session, {j.account_id for j in jobs})
        running: Counter[int | None] = Counter()
        # A job left running by a process that died resumes first: its account had its turn.
        # One whose claim is held runs in another worker, and counts against its account.
        for job in jobs:
            if job.status == "running":
                found = self._claim(job.id)
                if found is not None:
                    return found
                running[job.account_id] += 1
        queued = [j for j in jobs if j.status == "queued"]
        for job_id in turns.fair_order(queued, running, ended):
            # Another worker may claim the same job first: then the next in turn is tried.
            found = self._claim(job_id)
            if found is not None:
                return found
        return None

    def _is_upload(self, path: str | None) -> bool:
        return bool(path) and Path(path or "").resolve().parent == self.uploads

    def _claim(self, job_id: int) -> tuple[int, Claim] | None:
        claim = try_claim(self.sessions, CLAIMS, job_id)
        return None if claim is None else (job_id, claim)

    def run_once(self) -> bool:
        found = self.next_job()
        if found is None:
            return False
        job_id, claim = found
        try:
            # Run re-reads the job's status under the claim: one finished meanwhile by the
            # worker that held it just before is left alone.
            status = service.run(self.sessions, job_id, self.settings, stop=self._stop)
            if status in ("finished", "failed"):
                self._remove_upload(job_id)
        finally:
            claim.release()
        return True

    def _remove_upload(self, job_id: int) -> None:
        with self.sessions() as session, session.begin():
            job = session.get(ImportJob, job_id)
            if job is not None and job.path:
                Path(job.path).unlink(missing_ok=True)
                job.path = None
