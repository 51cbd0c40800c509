"""Whose import runs next: the queue is shared fairly between accounts, not taken in upload
order, so one account's many (or huge) uploads cannot hold back everybody else's.

Each account's own jobs run in the order it uploaded them. Across accounts, the next job is
the one with the fewest jobs of its account ahead of it (running elsewhere, or queued before
it); among equals, the account that has waited longest goes first: waiting since its oldest
queued job was uploaded, or since its last job ended if that is later. An account that just
had a turn therefore goes behind every account already waiting, which makes the accounts take
turns, one job each, however many jobs each of them queued.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matchmaker.imports.models import ImportJob
from matchmaker.imports.service import UNFINISHED


@dataclass(frozen=True, slots=True)
class Pending:
    """An unfinished job, as much as choosing the next one needs."""

    id: int
    account_id: int | None
    status: str
    path: str | None
    created_at: datetime


def pending(session: Session) -> list[Pending]:
    """Every queued or running job, oldest first."""
    rows = session.execute(
        select(
            ImportJob.id,
            ImportJob.account_id,
            ImportJob.status,
            ImportJob.path,
            ImportJob.created_at,
        )
        .where(ImportJob.status.in_(UNFINISHED))
        .order_by(ImportJob.id)
    ).all()
    return [Pending(*row) for row in rows]


def last_ended(session: Session, accounts: Collection[int | None]) -> dict[int, datetime]:
    """When each of these accounts' latest job ended (accounts with none are left out)."""
    ids = [a for a in accounts if a is not None]
    if not ids:
        return {}
    rows = session.execute(
        select(ImportJob.account_id, func.max(ImportJob.finished_at))
        .where(ImportJob.account_id.in_(ids), ImportJob.finished_at.is_not(None))
        .group_by(ImportJob.account_id)
    ).all()
    return {int(account): ended for account, ended in rows if account is not None and ended}


def fair_order(
    queued: Sequence[Pending],
    running: Counter[int | None],
    ended: Mapping[int, datetime],
) -> list[int]:
    """The ids of ``queued`` in the order their turns come, given how many jobs each account
    has ``running`` (in other workers) and when its last job ``ended``."""
    by_account: dict[int | None, list[Pending]] = defaultdict(list)
    for job in sorted(queued, key=lambda j: j.id):
        by_account[job.account_id].append(job)
    keyed: list[tuple[int, datetime, int]] = []
    for account, own in by_account.items():
        since = own[0].created_at
        if account is not None and account in ended:
            since = max(since, ended[account])
        keyed += [(running[account] + ahead, since, job.id) for ahead, job in enumerate(own)]
    return [job_id for _, _, job_id in sorted(keyed)]
