"""Keeps stored embeddings and the FAISS indexes in step with the profile tables.

Profile services tell the store of each save and delete (it is a ``ProfileListener``).
Texts are collected during the transaction and embedded in one batch just before it
commits, so bulk work is batched for free and a rolled-back write embeds nothing that
lasts; the index is changed only after the commit succeeded. The same commit records the
changes in the feed (``feed.py``) that other replicas follow. Its other parts: snapshots
(``snapshots.py``), following the feed (``store_refresh.py``) and what they share
(``store_ops.py``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.matching import feed
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.filters import FacetMasks
from matchmaker.matching.models import Embedding
from matchmaker.matching.snapshots import Snapshots
from matchmaker.matching.store_ops import CHUNK, IndexOp, Pending, filter_facts
from matchmaker.matching.store_refresh import CrossProcessRefresh
from matchmaker.matching.texts import compose, content_hash
from matchmaker.profiles.kinds import ProfileKind

PENDING = "matchmaker.embedding_pending"
INDEX_OPS = "matchmaker.index_ops"
INFLIGHT = "matchmaker.inflight_since"
# Vectors by content hash, encoded before a bulk write's transaction began (embed_ahead):
# encoding 500 texts takes ~15 s, during which SQLite would refuse every other writer.
AHEAD = "matchmaker.embedded_ahead"


class EmbeddingStore(Snapshots, CrossProcessRefresh):
    """One vector index per profile kind (FAISS's ``VectorIndex``), persisted under
    ``index_dir``."""

    def __init__(
        self,
        encoder: Encoder,
        kinds: Sequence[ProfileKind],
        index_dir: Path,
        exact_max: int = 50_000,
        nprobe: int = 16,
    ) -> None:
        self.encoder = encoder
        self.kinds = {k.name: k for k in kinds}
        self.index_dir = index_dir
        self._exact_max, self._nprobe = exact_max, nprobe
        self.indexes = {k: self.new_index() for k in self.kinds}
        self.filters = {k: FacetMasks() for k in self.kinds}
        self._applied: dict[tuple[str, int], int] = {}  # (kind, id) -> profile version
        self._generations: dict[str, int] = dict.fromkeys(self.kinds, 0)
        self.cursor = feed.Cursor()  # set by load(): where this replica stands in the feed
        self.snapshot_position: int | None = None  # set by load() and save()
        self._deleted: set[tuple[str, int]] = set()
        self._apply_lock = threading.Lock()
        self._inflight: dict[int, datetime] = {}  # id(session) -> its first profile write
        self._inflight_lock = threading.Lock()
        # One reader of the feed at a time: two (the worker and a caller) reading from the
        # same cursor could each keep theirs, and the later keep move it backwards.
        self._follow_lock = threading.Lock()
        self.stale: dict[str, int] = {}  # vectors made by another model, per kind
        self.stale_models: dict[str, set[tuple[str, int]]] = {}  # (model, dim) of those
        self.missing: dict[str, int] = {}  # profiles with no vector, per kind

    # -- ProfileListener --------------------------------------------------------------
    def _writing(self, session: Session) -> None:
        if INFLIGHT not in session.info:
            # The profile row was flushed just before this call: step back a little.
            since = datetime.now(UTC) - timedelta(seconds=5)
            session.info[INFLIGHT] = since
            with self._inflight_lock:
                self._inflight[id(session)] = since

    def _done(self, session: Session) -> None:
        if session.info.pop(INFLIGHT, None) is not None:
            with self._inflight_lock:
                self._inflight.pop(id(session), None)

    def saved(self, session: Session, kind: ProfileKind, profile: Any) -> None:
        self._writing(session)
        pending: dict[tuple[str, int], Pending] = session.info.setdefault(PENDING, {})
        facets, until = filter_facts(kind, profile)
        pending[(kind.name, profile.id)] = Pending(
            kind.name, profile.id, profile.version, compose(kind.name, profile), facets, until
        )

    def deleted(self, session: Session, kind: ProfileKind, profile_id: int) -> None:
        self._writing(session)
        session.info.get(PENDING, {}).pop((kind.name, profile_id), None)
        session.execute(
            delete(Embedding).where(Embedding.kind == kind.name, Embedding.profile_id == profile_id)
        )
        session.info.setdefault(INDEX_OPS, []).append(
            IndexOp(kind.name, profile_id, 1 << 62, None, deleted=True)
        )
        feed.note(session, feed.Change(kind.name, profile_id, 0, "delete"))

    # -- transaction hooks --------------------------------------------------------------
    def attach(self, sessions: sessionmaker[Session]) -> None:
        """Embed before each commit and update the indexes after it."""
        from sqlalchemy import event

        event.listen(sessions, "before_commit", self._before_commit)
        event.listen(sessions, "after_commit", self._after_commit)
        event.listen(sessions, "after_rollback", self._after_rollback)

    def _before_commit(self, session: Session) -> None:
        pending: dict[tuple[str, int], Pending] = session.info.pop(PENDING, {})
        if pending:
            ops = self.write_embeddings(session, list(pending.values()))
            ops += [
                IndexOp(p.kind, p.profile_id, p.version, None, p.facets, p.until)
                for p in pending.values()
                if p.facets is not None
            ]
            for p in pending.values():
                feed.note(session, feed.Change(p.kind, p.profile_id, p.version, "upsert"))
            session.info.setdefault(INDEX_OPS, []).extend(ops)
            session.flush()
        # Every write, deletion and re-embedding of this transaction, in its own commit.
        feed.record(session)

    def _after_commit(self, session: Session) -> None:
        try:
            self.apply(session.info.pop(INDEX_OPS, []))
        finally:
            self._done(session)

    def _after_rollback(self, session: Session) -> None:
        session.info.pop(PENDING, None)
        session.info.pop(INDEX_OPS, None)
        feed.forget(session)
        self._done(session)

    def embed_ahead(
        self, session: Session, kind: str, texts: Sequence[tuple[int | None, str]]
    ) -> dict[str, np.ndarray]:
        """Encode, outside any write transaction, the texts that profiles are about to get.

        ``texts`` pairs a profile id (None for a profile not yet created) with its coming
        text; texts already stored for that profile are skipped. Put the result in the
        writing session's ``info[AHEAD]``: its commit then only stores the vectors.
        """
        ids = [pid for pid, _ in texts if pid is not None]
        stored: set[tuple[int, str]] = set()
        for start in range(0, len(ids), CHUNK):
            stored.update(
                (int(pid), str(h))
                for pid, h in session.execute(
                    select(Embedding.profile_id, Embedding.content_hash).where(
                        Embedding.kind == kind,
                        Embedding.model == self.encoder.name,
                        Embedding.profile_id.in_(ids[start : start + CHUNK]),
                    )
                )
            )
        todo = {
            content_hash(text): text
            for pid, text in texts
            if pid is None or (pid, content_hash(text)) not in stored
        }
        if not todo:
            return {}
        return dict(zip(todo, self.encoder.encode(list(todo.values())), strict=True))

    def write_embeddings(self, session: Session, items: list[Pending]) -> list[IndexOp]:
        """Embed the texts that changed (one batch) and store them; returns index ops."""
        ahead: dict[str, np.ndarray] = session.info.get(AHEAD, {})
        ops: list[IndexOp] = []
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
            hashes = {p.text: content_hash(p.text) for p in todo}
            missing = [text for text, h in hashes.items() if h not in ahead]
            fresh = dict(zip(missing, self.encoder.encode(missing), strict=True)) if missing else {}
            for p in todo:
                h = hashes[p.text]
                vec = ahead[h] if h in ahead else fresh[p.text]
                row = rows.get(p.profile_id) or Embedding(kind=kind, profile_id=p.profile_id)
                row.model, row.dim = self.encoder.name, self.encoder.dim
                row.content_hash = h
                row.vector = vec.astype("<f4").tobytes()
                session.add(row)
                ops.append(IndexOp(kind, p.profile_id, p.version, vec))
                # A save outweighs this (see feed.note); alone (a reindex) it is news.
                feed.note(session, feed.Change(kind, p.profile_id, p.version, "revector"))
        return ops

    def apply(self, ops: Iterable[IndexOp]) -> None:
        """Apply committed changes in version order: a late, older write never wins.

        One remove and one add per kind: FAISS removal scans the whole index, so a bulk
        import must not pay it once per profile.
        """
        with self._apply_lock:
            vectors: dict[str, dict[int, np.ndarray]] = {}
            facets: dict[str, dict[int, tuple[dict[str, list[str]], int]]] = {}
            removed: dict[str, set[int]] = {}
            for op in ops:
                key = (op.kind, op.profile_id)
                if op.deleted:
                    self._deleted.add(key)
                    removed.setdefault(op.kind, set()).add(op.profile_id)
                    continue
                if key in self._deleted or self._applied.get(key, 0) > op.version:
                    continue
                self._applied[key] = op.version
                if op.vector is not None:
                    vectors.setdefault(op.kind, {})[op.profile_id] = op.vector
                if op.facets is not None:
                    facets.setdefault(op.kind, {})[op.profile_id] = (op.facets, op.until)
            for kind in removed.keys() | vectors.keys() | facets.keys():
                self._generations[kind] = self._generations.get(kind, 0) + 1
                gone = removed.get(kind, set())
                add = {i: v for i, v in vectors.get(kind, {}).items() if i not in gone}
                tags = {i: f for i, f in facets.get(kind, {}).items() if i not in gone}
                self.indexes[kind].remove(list(gone))
                if add:
                    self.indexes[kind].add(list(add), np.stack(list(add.values())))
                self.filters[kind].clear(list(gone))
                self.filters[kind].set(
                    list(tags), [f for f, _ in tags.values()], [u for _, u in tags.values()]
                )

    def applied_version(self, kind: str, profile_id: int) -> int:
        """The version of the profile this process last applied (0: none since start;
        later than any version once it was deleted)."""
        if (kind, profile_id) in self._deleted:
            return 1 << 62
        return self._applied.get((kind, profile_id), 0)

    def generation(self, kind: str) -> int:
        """A number that moves whenever a change to a profile of ``kind`` is applied."""
        return self._generations.get(kind, 0)

    def mismatch(self) -> str | None:
        """Why the stored vectors cannot be searched as they are, if they cannot."""
        stale = {k: n for k, n in self.stale.items() if n}
        if stale:
            made_by = sorted({m for k in stale for m in self.stale_models.get(k, ())})
            by = ", ".join(f"{m} ({d}-d)" for m, d in made_by) or "another model"
            return (
                f"{sum(stale.values())} stored vectors were made by {by}, not by the configured "
                f"model {self.encoder.name} ({self.encoder.dim}-d); run `matchmaker reindex` "
                "to re-embed them (or set MATCHMAKER_MODEL back)"
            )
        return None
