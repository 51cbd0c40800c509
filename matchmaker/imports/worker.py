"""Runs uploaded import jobs one at a time, in a thread of the API process or of
``matchmaker worker``.

Jobs are found in the database (status ``queued`` or ``running``), not in memory, so a job
interrupted by a restart is resumed by the next process. Only uploads (files under the upload
folder) are picked up: a CLI import runs in its own process. Several workers on one
PostgreSQL database each claim a job before running it (``background.try_claim``), so a job
runs in one of them at a time and a dead worker's job is resumed by another.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.background import Claim, PollingWorker, try_claim
from matchmaker.config import Settings
from matchmaker.imports import service
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
        """The first unfinished upload job no other worker holds, claimed."""
        with self.sessions() as session:
            rows = session.execute(
                select(ImportJob.id, ImportJob.path)
                .where(ImportJob.status.in_(("queued", "running")))
                .order_by(ImportJob.id)
            ).all()
        for job_id, path in rows:
            if path and Path(path).resolve().parent == self.uploads:
                claim = try_claim(self.sessions, CLAIMS, int(job_id))
                if claim is not None:
                    return int(job_id), claim
        return None

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
