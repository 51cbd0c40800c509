"""The change feed: every profile write, deletion and re-embedding, readable by position.

The store records the changes of a transaction in ``profile_change`` just before it commits
(``store.py``), so the feed holds exactly what committed. A replica follows it by id, never
by time: a slow transaction cannot fall outside a window, and deletions travel like any
other change.

Ids come from a sequence taken before commit, so on PostgreSQL id 10 may commit after id 11
was read. A reader therefore remembers the ids it skipped over (``gaps``) and asks for them
again until they appear or ``grace`` passes (a rolled-back transaction leaves its id unused
for ever); its position is the highest id below which nothing can still arrive.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session

from matchmaker.matching.models import ProfileChange

Op = Literal["upsert", "delete", "revector"]
CHANNEL = "matchmaker_changes"
# session.info key: (kind, profile_id) -> the change the transaction will record.
FEED = "matchmaker.feed_changes"
READ_LIMIT = 5000  # rows per read; a larger backlog is read in several passes
CHUNK = 5000  # ids per IN (...) when asking for gaps again


@dataclass(frozen=True)
class Change:
    kind: str
    profile_id: int
    version: int
    op: Op


def note(session: Session, change: Change) -> None:
    """Record ``change`` at commit. A deletion outweighs a write, a write a re-embedding."""
    changes: dict[tuple[str, int], Change] = session.info.setdefault(FEED, {})
    key = (change.kind, change.profile_id)
    old = changes.get(key)
    rank = {"revector": 0, "upsert": 1, "delete": 2}
    if old is None or rank[change.op] >= rank[old.op]:
        changes[key] = change


def record(session: Session) -> None:
    """Write the changes noted in this transaction; on PostgreSQL wake the other replicas
    (NOTIFY is delivered at commit, and not at all on rollback)."""
    changes: dict[tuple[str, int], Change] = session.info.pop(FEED, {})
    if not changes:
        return
    session.execute(
        insert(ProfileChange),
        [
            {"kind": c.kind, "profile_id": c.profile_id, "version": c.version, "op": c.op}
            for c in changes.values()
        ],
    )
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})


def forget(session: Session) -> None:
    session.info.pop(FEED, None)


# The highest id in the feed (NULL when empty), as a column another statement can carry.
HEAD = select(func.max(ProfileChange.id)).scalar_subquery()


def head(session: Session) -> int:
    """The highest id in the feed (0 when empty)."""
    return int(session.scalar(select(HEAD)) or 0)


def covers(session: Session, position: int) -> bool:
    """Whether every change after ``position`` is still in the feed (none was pruned).

    Pruning always keeps the newest row it could have removed, so a feed whose first row is
    at most ``position + 1`` lost nothing after it.
    """
    first = session.scalar(select(func.min(ProfileChange.id)))
    if first is None:
        return position == 0
    return int(first) <= position + 1


def prune(session: Session, older_than: datetime, floor: int | None = None) -> int:
    """Delete changes made before ``older_than``, keeping the newest of them (see
    ``covers``) and, given ``floor``, every change after it (what a replica will replay
    from ``floor``: ``readers.floor``); returns how many went."""
    old = ProfileChange.created_at < older_than
    where = old if floor is None else old & (ProfileChange.id <= floor)
    keep = session.scalar(select(func.max(ProfileChange.id)).where(where))
    if keep is None:
        return 0
    result = session.execute(delete(ProfileChange).where(ProfileChange.id < keep))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Cursor:
    """Where a replica stands in the feed. Immutable: ``read`` returns the next cursor, which
    the caller keeps only once the changes read are applied."""

    high: int = 0  # the highest id read
    gaps: dict[int, float] = field(default_factory=dict)  # id skipped -> when first skipped
    grace: float = 60.0

    @property
    def position(self) -> int:
        """Every change at or below this id has been read (or given up on)."""
        return min(self.gaps) - 1 if self.gaps else self.high

    def read(
        self, session: Session, limit: int = READ_LIMIT
    ) -> tuple[list[ProfileChange], Cursor, bool]:
        """New changes, the cursor after them, and whether more may be waiting."""
        now = time.monotonic()
        rows = list(
            session.scalars(
                select(ProfileChange)
                .where(ProfileChange.id > self.high)
                .order_by(ProfileChange.id)
                .limit(limit)
            )
        )
        gaps = dict(self.gaps)
        late = _by_ids(session, sorted(gaps))
        for row in late:
            del gaps[row.id]
        high = self.high
        for row in rows:
            for skipped in range(high + 1, row.id):
                gaps[skipped] = now
            high = row.id
        gaps = {i: t for i, t in gaps.items() if now - t < self.grace}
        return late + rows, replace(self, high=high, gaps=gaps), len(rows) == limit


def _by_ids(session: Session, ids: Sequence[int]) -> list[ProfileChange]:
    found: list[ProfileChange] = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        found.extend(session.scalars(select(ProfileChange).where(ProfileChange.id.in_(chunk))))
    return found


def summarise(rows: Iterable[ProfileChange]) -> dict[tuple[str, int], Change]:
    """What ``rows`` ask of each profile: a deletion outweighs a re-embedding, which
    outweighs a write (a re-embedding must be read whatever this replica holds); the
    highest version wins."""
    out: dict[tuple[str, int], Change] = {}
    rank = {"revector": 1, "upsert": 0, "delete": 2}
    for row in rows:
        key = (row.kind, row.profile_id)
        op: Op = row.op  # type: ignore[assignment]
        old = out.get(key)
        if old is not None and rank[old.op] > rank[op]:
            op = old.op
        version = max(row.version, old.version if old else 0)
        out[key] = Change(row.kind, row.profile_id, version, op)
    return out
