"""The replicas following the change feed, so that pruning keeps what they need.

Each replica records, under an id stable per data dir, where its index stands in the feed,
the position of the snapshot on its disk and when it was last seen. Pruning keeps every
change after the lowest position a replica seen within the reader timeout would replay
from at a restart (its snapshot's, or where it stands when it has none): a replica that
was running or stopped recently replays instead of rebuilding its index from the tables.
A replica not seen for longer stops holding the feed back, and its row is forgotten.
"""

from __future__ import annotations

import socket
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from matchmaker.atomic import write_text_atomically
from matchmaker.db import utcnow
from matchmaker.matching.models import FeedReader

ID_FILE = "replica_id"


def replica_id(data_dir: Path) -> str:
    """This data dir's replica id, made once (host name for the reader, a random part so
    that two data dirs on one host differ)."""
    path = data_dir / ID_FILE
    try:
        known = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        known = ""
    if known:
        return known[:64]
    made = f"{socket.gethostname()[:40]}-{uuid.uuid4().hex[:12]}"
    data_dir.mkdir(parents=True, exist_ok=True)
    write_text_atomically(path, made)
    return made


@dataclass(frozen=True)
class Reader:
    id: str
    position: int
    snapshot_position: int | None
    seen_at: datetime

    @property
    def needs(self) -> int:
        """The position a restart would replay from."""
        return self.position if self.snapshot_position is None else self.snapshot_position


def beat(session: Session, reader: str, position: int, snapshot_position: int | None) -> None:
    """Record where ``reader`` stands, now."""
    values = {
        "id": reader,
        "position": position,
        "snapshot_position": snapshot_position,
        "seen_at": utcnow(),
    }
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(FeedReader).values(**values)
    update = {k: stmt.excluded[k] for k in ("position", "snapshot_position", "seen_at")}
    session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=update))


def live(session: Session, seen_since: datetime) -> list[Reader]:
    """Readers seen since ``seen_since``, by id."""
    rows = session.scalars(
        select(FeedReader).where(FeedReader.seen_at >= seen_since).order_by(FeedReader.id)
    )
    return [Reader(r.id, r.position, r.snapshot_position, r.seen_at) for r in rows]


def floor(session: Session, seen_since: datetime) -> int | None:
    """The lowest position a reader seen since ``seen_since`` needs (None: no reader)."""
    needs = func.coalesce(FeedReader.snapshot_position, FeedReader.position)
    found = session.scalar(select(func.min(needs)).where(FeedReader.seen_at >= seen_since))
    return None if found is None else int(found)


def forget(session: Session, seen_before: datetime) -> int:
    """Drop readers not seen since ``seen_before``; returns how many."""
    result = session.execute(delete(FeedReader).where(FeedReader.seen_at < seen_before))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
