"""Cross-process refresh: profiles other processes saved, applied to this one's indexes."""

from __future__ import annotations

from datetime import datetime

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.matching.models import Embedding
from matchmaker.matching.store_ops import CHUNK, SNAPSHOT_MARGIN, IndexOp, StoreState, filter_facts


class CrossProcessRefresh(StoreState):
    """``refresh``: what the index-refresh worker (``refresh.py``) calls every interval."""

    def refresh(self, sessions: sessionmaker[Session], since: datetime) -> int:
        """Apply profiles that other processes (a CLI import, another server) saved since
        ``since``; returns how many changed here. Their deletions reach this process at its
        next start.

        A profile whose row changed is skipped when this process already applied that
        version (its own commits). A vector that changed while its profile row did not (a
        ``matchmaker reindex``) is always taken.
        """
        cutoff = since - SNAPSHOT_MARGIN
        ops: list[IndexOp] = []
        with sessions() as session:
            for name, kind in self.kinds.items():
                model = kind.model
                mine = (Embedding.kind == name, Embedding.model == self.encoder.name)
                recent = dict(
                    session.execute(
                        select(model.id, model.version).where(model.updated_at >= cutoff)
                    ).all()
                )
                revectored = set(
                    session.scalars(
                        select(Embedding.profile_id).where(*mine, Embedding.updated_at >= cutoff)
                    )
                )
                todo = sorted(
                    {i for i, v in recent.items() if self._applied.get((name, i)) != v}
                    | (revectored - recent.keys())
                )
                for start in range(0, len(todo), CHUNK):
                    chunk = todo[start : start + CHUNK]
                    # Rows before vectors: a profile version seen here was committed with its
                    # vector, so the vector read next is at least as new.
                    profiles = list(session.scalars(select(model).where(model.id.in_(chunk))))
                    vectors = dict(
                        session.execute(
                            select(Embedding.profile_id, Embedding.vector).where(
                                *mine, Embedding.profile_id.in_([p.id for p in profiles])
                            )
                        ).all()
                    )
                    for p in profiles:
                        raw = vectors.get(p.id)
                        vec = None if raw is None else np.frombuffer(raw, dtype="<f4").copy()
                        ops.append(IndexOp(name, p.id, p.version, vec, *filter_facts(kind, p)))
        self.apply(ops)
        return len(ops)
