"""Following the change feed: what other processes changed, applied to this one's indexes."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.matching import feed
from matchmaker.matching.models import Embedding
from matchmaker.matching.store_ops import CHUNK, IndexOp, StoreState, filter_facts

DELETED = 1 << 62  # a deletion's version: later than any write


class CrossProcessRefresh(StoreState):
    """``follow``: what the index-refresh worker (``refresh.py``) calls when woken by a
    NOTIFY or at its poll interval."""

    cursor: feed.Cursor

    def follow(self, sessions: sessionmaker[Session]) -> tuple[int, bool]:
        """Apply the changes committed since the cursor; returns how many profiles changed
        here and whether more may be waiting.

        A write this process already applied (its own commits) is not read again; a
        re-embedding (``matchmaker reindex``) always is.
        """
        with self._follow_lock:
            return self._follow(sessions)

    def _follow(self, sessions: sessionmaker[Session]) -> tuple[int, bool]:
        with sessions() as session:
            rows, cursor, more = self.cursor.read(session)
            todo: dict[str, list[int]] = {}
            ops: list[IndexOp] = []
            for (kind, profile_id), change in feed.summarise(rows).items():
                key = (kind, profile_id)
                if kind not in self.kinds or key in self._deleted:
                    continue
                if change.op == "delete":
                    ops.append(IndexOp(kind, profile_id, DELETED, None, deleted=True))
                elif change.op == "revector" or self._applied.get(key, -1) < change.version:
                    todo.setdefault(kind, []).append(profile_id)
            for kind, ids in todo.items():
                ops += self._read_profiles(session, kind, sorted(ids))
        self.apply(ops)
        # Kept only now: a snapshot taken meanwhile must not claim changes not yet applied.
        self.cursor = cursor
        return len(ops), more

    def _read_profiles(self, session: Session, name: str, ids: Sequence[int]) -> list[IndexOp]:
        """Index ops for profiles as they are now; one gone since is removed."""
        kind = self.kinds[name]
        model = kind.model
        mine = (Embedding.kind == name, Embedding.model == self.encoder.name)
        ops: list[IndexOp] = []
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            # Rows before vectors: a profile version seen here was committed with its
            # vector, so the vector read next is at least as new.
            profiles = {p.id: p for p in session.scalars(select(model).where(model.id.in_(chunk)))}
            vectors = dict(
                session.execute(
                    select(Embedding.profile_id, Embedding.vector).where(
                        *mine, Embedding.profile_id.in_(list(profiles))
                    )
                ).all()
            )
            for pid in chunk:
                p = profiles.get(pid)
                if p is None:  # deleted after this change: its deletion follows in the feed
                    ops.append(IndexOp(name, pid, DELETED, None, deleted=True))
                    continue
                raw = vectors.get(pid)
                vec = None if raw is None else np.frombuffer(raw, dtype="<f4").copy()
                ops.append(IndexOp(name, pid, p.version, vec, *filter_facts(kind, p)))
        return ops
