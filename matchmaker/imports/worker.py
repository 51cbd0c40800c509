"""Runs uploaded import jobs one at a time, in a thread of the API process.

Jobs are found in the database (status ``queued`` or ``running``), not in memory, so a job
interrupted by a restart is resumed by the next process. Only uploads (files under
``data_dir/imports``) are picked up: a CLI import runs in its own process.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.background import PollingWorker
from matchmaker.config import Settings
from matchmaker.imports import service
from matchmaker.imports.models import ImportJob

log = logging.getLogger(__name__)


def upload_dir(settings: Settings) -> Path:
    return settings.data_dir / "imports"


class ImportWorker(PollingWorker):
    """Runs queued upload jobs one at a time."""

    name = "imports"

    def __init__(self, sessions: sessionmaker[Session], settings: Settings) -> None:
        super().__init__(settings.webhook_poll_seconds * 2)
        self.sessions = sessions
        self.settings = settings
        self.uploads = upload_dir(settings).resolve()

    def next_job(self) -> int | None:
        with self.sessions() as session:
            rows = session.execute(
                select(ImportJob.id, ImportJob.path)
                .where(ImportJob.status.in_(("queued", "running")))
                .order_by(ImportJob.id)
            )
            for job_id, path in rows:
                if path and Path(path).resolve().parent == self.uploads:
                    return int(job_id)
        return None

    def run_once(self) -> bool:
        job_id = self.next_job()
        if job_id is None:
            return False
        status = service.run(self.sessions, job_id, self.settings, stop=self._stop)
        if status in ("finished", "failed"):
            self._remove_upload(job_id)
        return True

    def _remove_upload(self, job_id: int) -> None:
        with self.sessions() as session, session.begin():
            job = session.get(ImportJob, job_id)
            if job is not None and job.path:
                Path(job.path).unlink(missing_ok=True)
                job.path = None
