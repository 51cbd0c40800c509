"""Keeps stored embeddings and the FAISS indexes in step with the profile tables.

Profile services tell the store of each save and delete (it is a ``ProfileListener``).
Texts are collected during the transaction and embedded in one batch just before it
commits, so bulk work is batched for free and a rolled-back write embeds nothing that
lasts; the index is changed only after the commit succeeded.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.matching.encoder import Encoder
from matchmaker.matching.index import VectorIndex
from matchmaker.matching.models import Embedding
from matchmaker.matching.texts import compose, content_hash
from matchmaker.profiles.kinds import ProfileKind

log = logging.getLogger(__name__)

PENDING = "matchmaker.embedding_pending"
INDEX_OPS = "matchmaker.index_ops"
# Rows changed this close to the last snapshot are re-read at start-up: a commit may
# have landed in the database just before the snapshot and in the index just after.
SNAPSHOT_MARGIN = timedelta(minutes=10)


@dataclass(frozen=True)
class _Pending:
    kind: str
    profile_id: int
    version: int
    text: str


@dataclass(frozen=True)
class _Op:
    kind: str
    profile_id: int
    version: int
    vector: np.ndarray | None  # None: remove


class EmbeddingStore:
    """One VectorIndex per profile kind, persisted under ``index_dir``."""

    def __init__(
        self,
        encoder: Encoder,
        kinds: Sequence[ProfileKind],
        index_dir: Path,
        exact_max: int = 200_000,
        nprobe: int = 32,
    ) -> None:
        self.encoder = encoder
        self.kinds = {k.name: k for k in kinds}
        self.index_dir = index_dir
        self.indexes = {k: VectorIndex(encoder.dim, exact_max, nprobe) for k in self.kinds}
        self._exact_max, self._nprobe = exact_max, nprobe
        self._applied: dict[tuple[str, int], int] = {}  # (kind, id) -> profile version
        self._deleted: set[tuple[str, int]] = set()
        self._apply_lock = threading.Lock()
        self.stale: dict[str, int] = {}  # vectors made by another model, per kind
        self.missing: dict[str, int] = {}  # profiles with no vector, per kind

    # -- ProfileListener --------------------------------------------------------------
    def saved(self, session: Session, kind: ProfileKind, profile: Any) -> None:
        pending: dict[tuple[str, int], _Pending] = session.info.setdefault(PENDING, {})
        pending[(kind.name, profile.id)] = _Pending(
            kind.name, profile.id, profile.version, compose(kind.name, profile)
        )

    def deleted(self, session: Session, kind: ProfileKind, profile_id: int) -> None:
        session.info.get(PENDING, {}).pop((kind.name, profile_id), None)
        session.execute(
            delete(Embedding).where(Embedding.kind == kind.name, Embedding.profile_id == profile_id)
        )
        session.info.setdefault(INDEX_OPS, []).append(_Op(kind.name, profile_id, 1 << 62, None))

    # -- transaction hooks --------------------------------------------------------------
    def attach(self, sessions: sessionmaker[Session]) -> None:
        """Embed before each commit and update the indexes after it."""
        from sqlalchemy import event

        event.listen(sessions, "before_commit", self._before_commit)
        event.listen(sessions, "after_commit", self._after_commit)
        event.listen(sessions, "after_rollback", self._after_rollback)

    def _before_commit(self, session: Session) -> None:
        pending: dict[tuple[str, int], _Pending] = session.info.pop(PENDING, {})
        if pending:
            ops = self.write_embeddings(session, list(pending.values()))
            session.info.setdefault(INDEX_OPS, []).extend(ops)
            session.flush()

    def _after_commit(self, session: Session) -> None:
        self.apply(session.info.pop(INDEX_OPS, []))

    def _after_rollback(self, session: Session) -> None:
        session.info.pop(PENDING, None)
        session.info.pop(INDEX_OPS, None)

    def write_embeddings(self, session: Session, items: list[_Pending]) -> list[_Op]:
        """Embed the texts that changed (one batch) and store them; returns index ops."""
        ops: list[_Op] = []
        for kind in {p.kind for p in items}:
            group = [p for p in items if p.kind == kind]
            rows = {
                e.profile_id: e
                for e in session.scalars(
                    select(Embedding).where(
                        Embedding.kind == kind,
                        Embedding.profile_id.in_([p.profile_id for p in group]),
                    )
                )
            }
            todo = []
            for p in group:
                row = rows.get(p.profile_id)
                if (
                    row
                    and row.model == self.encoder.name
                    and row.content_hash == content_hash(p.text)
                ):
                    continue  # unchanged text is never embedded again
                todo.append(p)
            vectors = self.encoder.encode([p.text for p in todo])
            for p, vec in zip(todo, vectors, strict=True):
                row = rows.get(p.profile_id) or Embedding(kind=kind, profile_id=p.profile_id)
                row.model, row.dim = self.encoder.name, self.encoder.dim
                row.content_hash = content_hash(p.text)
                row.vector = vec.astype("<f4").tobytes()
                session.add(row)
                ops.append(_Op(kind, p.profile_id, p.version, vec))
        return ops

    def apply(self, ops: Iterable[_Op]) -> None:
        """Apply committed changes in version order: a late, older write never wins."""
        with self._apply_lock:
            for op in ops:
                key = (op.kind, op.profile_id)
                if op.vector is None:
                    self._deleted.add(key)
                    self.indexes[op.kind].remove([op.profile_id])
                    continue
                if key in self._deleted or self._applied.get(key, 0) > op.version:
                    continue
                self._applied[key] = op.version
                self.indexes[op.kind].add([op.profile_id], op.vector.reshape(1, -1))

    # -- persistence --------------------------------------------------------------------
    def _paths(self, kind: str) -> tuple[Path, Path]:
        return self.index_dir / f"{kind}.faiss", self.index_dir / f"{kind}.json"

    def save(self) -> None:
        for kind, index in self.indexes.items():
            data_path, meta_path = self._paths(kind)
            saved_at = datetime.now(UTC)
            index.save(data_path)
            meta = {
                "model": self.encoder.name,
                "dim": self.encoder.dim,
                "saved_at": saved_at.isoformat(),
                "count": len(index),
            }
            tmp = meta_path.with_suffix(".json.tmp")
            tmp.write_text(json.dumps(meta), encoding="utf-8")
            tmp.replace(meta_path)

    def load(self, sessions: sessionmaker[Session]) -> dict[str, dict[str, int]]:
        """Load the snapshots and catch up from the database; never re-embeds."""
        report: dict[str, dict[str, int]] = {}
        for kind in self.kinds:
            started = time.perf_counter()
            since = self._load_snapshot(kind)
            with sessions() as session:
                report[kind] = self._catch_up(session, kind, since)
            report[kind]["ms"] = int((time.perf_counter() - started) * 1000)
        return report

    def _load_snapshot(self, kind: str) -> datetime | None:
        data_path, meta_path = self._paths(kind)
        if not (data_path.exists() and meta_path.exists()):
            return None
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta["model"] != self.encoder.name or meta["dim"] != self.encoder.dim:
                log.warning(
                    "index snapshot for %s was made by %s; rebuilding from the database",
                    kind,
                    meta["model"],
                )
                return None
            self.indexes[kind] = VectorIndex.load(
                data_path, self.encoder.dim, self._exact_max, self._nprobe
            )
            return datetime.fromisoformat(meta["saved_at"])
        except (OSError, ValueError, KeyError, RuntimeError) as exc:
            log.warning(
                "index snapshot for %s unreadable (%s); rebuilding from the database", kind, exc
            )
            self.indexes[kind] = VectorIndex(self.encoder.dim, self._exact_max, self._nprobe)
            return None

    def _catch_up(self, session: Session, kind: str, since: datetime | None) -> dict[str, int]:
        index = self.indexes[kind]
        mine = (Embedding.kind == kind, Embedding.model == self.encoder.name)
        rows = session.execute(select(Embedding.profile_id, Embedding.updated_at).where(*mine))
        db_ids: dict[int, datetime] = {pid: at for pid, at in rows}
        in_index = set(index.ids().tolist())
        gone = in_index - db_ids.keys()
        cutoff = since - SNAPSHOT_MARGIN if since else None
        fetch = [
            pid
            for pid, at in db_ids.items()
            if pid not in in_index or cutoff is None or at >= cutoff
        ]
        index.remove(list(gone))
        for start in range(0, len(fetch), 5000):
            chunk = fetch[start : start + 5000]
            vecs = session.execute(
                select(Embedding.profile_id, Embedding.vector).where(
                    *mine, Embedding.profile_id.in_(chunk)
                )
            ).all()
            index.add(
                [pid for pid, _ in vecs], np.stack([np.frombuffer(v, dtype="<f4") for _, v in vecs])
            )
        model = self.kinds[kind].model
        self.stale[kind] = (
            session.scalar(
                select(func.count())
                .select_from(Embedding)
                .where(Embedding.kind == kind, Embedding.model != self.encoder.name)
            )
            or 0
        )
        self.missing[kind] = (
            session.scalar(
                select(func.count())
                .select_from(model)
                .where(model.id.not_in(select(Embedding.profile_id).where(*mine)))
            )
            or 0
        )
        return {"indexed": len(index), "fetched": len(fetch), "removed": len(gone)}

    def mismatch(self) -> str | None:
        """Why the stored vectors cannot be searched as they are, if they cannot."""
        stale = {k: n for k, n in self.stale.items() if n}
        if stale:
            return (
                f"{sum(stale.values())} stored vectors were made by another model than "
                f"{self.encoder.name}; run `matchmaker reindex`"
            )
        return None
