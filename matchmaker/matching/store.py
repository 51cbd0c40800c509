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
import numpy.typing as npt
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.atomic import write_text_atomically
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.filters import FILTER_FACETS, FacetMasks
from matchmaker.matching.index import VectorIndex
from matchmaker.matching.models import Embedding
from matchmaker.matching.scoring import FOREVER, HARD_RULE_COLUMNS, open_until
from matchmaker.matching.texts import compose, content_hash
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.profiles.models import ProfileFacet

log = logging.getLogger(__name__)

PENDING = "matchmaker.embedding_pending"
INDEX_OPS = "matchmaker.index_ops"
# A snapshot's time is the start of the oldest transaction still writing when it was taken
# (its rows carry earlier timestamps than its commit, and reach the index only after it);
# rows changed after that, less this margin for clock steps, are re-read at start-up. A
# fixed ten-minute margin re-read a whole bulk import at every restart soon after it.
SNAPSHOT_MARGIN = timedelta(minutes=1)
INFLIGHT = "matchmaker.inflight_since"
# Vectors by content hash, encoded before a bulk write's transaction began (embed_ahead):
# encoding 500 texts takes ~15 s, during which SQLite would refuse every other writer.
AHEAD = "matchmaker.embedded_ahead"
CHUNK = 5000  # rows per query when reading stored vectors
Ids = npt.NDArray[np.int64]


@dataclass(frozen=True)
class _Pending:
    kind: str
    profile_id: int
    version: int
    text: str
    facets: dict[str, list[str]] | None = None  # None: leave the filter masks alone
    until: int = FOREVER


@dataclass(frozen=True)
class _Op:
    kind: str
    profile_id: int
    version: int
    vector: np.ndarray | None  # None: the vector is unchanged (or the profile is gone)
    facets: dict[str, list[str]] | None = None
    until: int = FOREVER
    deleted: bool = False


class EmbeddingStore:
    """One VectorIndex per profile kind, persisted under ``index_dir``."""

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
        self.indexes = {k: VectorIndex(encoder.dim, exact_max, nprobe) for k in self.kinds}
        self.filters = {k: FacetMasks() for k in self.kinds}
        self._exact_max, self._nprobe = exact_max, nprobe
        self._applied: dict[tuple[str, int], int] = {}  # (kind, id) -> profile version
        self._deleted: set[tuple[str, int]] = set()
        self._apply_lock = threading.Lock()
        self._inflight: dict[int, datetime] = {}  # id(session) -> its first profile write
        self._inflight_lock = threading.Lock()
        self.stale: dict[str, int] = {}  # vectors made by another model, per kind
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
        pending: dict[tuple[str, int], _Pending] = session.info.setdefault(PENDING, {})
        facets, until = _filter_facts(kind, profile)
        pending[(kind.name, profile.id)] = _Pending(
            kind.name, profile.id, profile.version, compose(kind.name, profile), facets, until
        )

    def deleted(self, session: Session, kind: ProfileKind, profile_id: int) -> None:
        self._writing(session)
        session.info.get(PENDING, {}).pop((kind.name, profile_id), None)
        session.execute(
            delete(Embedding).where(Embedding.kind == kind.name, Embedding.profile_id == profile_id)
        )
        session.info.setdefault(INDEX_OPS, []).append(
            _Op(kind.name, profile_id, 1 << 62, None, deleted=True)
        )

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
            ops += [
                _Op(p.kind, p.profile_id, p.version, None, p.facets, p.until)
                for p in pending.values()
                if p.facets is not None
            ]
            session.info.setdefault(INDEX_OPS, []).extend(ops)
            session.flush()

    def _after_commit(self, session: Session) -> None:
        try:
            self.apply(session.info.pop(INDEX_OPS, []))
        finally:
            self._done(session)

    def _after_rollback(self, session: Session) -> None:
        session.info.pop(PENDING, None)
        session.info.pop(INDEX_OPS, None)
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

    def write_embeddings(self, session: Session, items: list[_Pending]) -> list[_Op]:
        """Embed the texts that changed (one batch) and store them; returns index ops."""
        ahead: dict[str, np.ndarray] = session.info.get(AHEAD, {})
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
                ops.append(_Op(kind, p.profile_id, p.version, vec))
        return ops

    def apply(self, ops: Iterable[_Op]) -> None:
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

    def refresh(self, sessions: sessionmaker[Session], since: datetime) -> int:
        """Apply profiles that other processes (a CLI import, another server) saved since
        ``since``; returns how many changed here. Their deletions reach this process at its
        next start.

        A profile whose row changed is skipped when this process already applied that
        version (its own commits). A vector that changed while its profile row did not (a
        ``matchmaker reindex``) is always taken.
        """
        cutoff = since - SNAPSHOT_MARGIN
        ops: list[_Op] = []
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
                        ops.append(_Op(name, p.id, p.version, vec, *_filter_facts(kind, p)))
        self.apply(ops)
        return len(ops)

    # -- persistence --------------------------------------------------------------------
    def _paths(self, kind: str) -> tuple[Path, Path, Path]:
        base = self.index_dir / kind
        return base.with_suffix(".faiss"), base.with_suffix(".json"), base.with_suffix(".npz")

    def save(self) -> None:
        # Under the apply lock, so the vectors and the filter masks are of the same moment.
        with self._apply_lock:
            for kind, index in self.indexes.items():
                data_path, meta_path, facets_path = self._paths(kind)
                with self._inflight_lock:
                    saved_at = min([datetime.now(UTC), *self._inflight.values()])
                index.save(data_path)
                self.filters[kind].save(facets_path)
                meta = {
                    "model": self.encoder.name,
                    "dim": self.encoder.dim,
                    "saved_at": saved_at.isoformat(),
                    "count": len(index),
                }
                # Written last: its saved_at never claims more than the files before it hold.
                write_text_atomically(meta_path, json.dumps(meta))

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
        """The snapshot's time, or None when the index must be rebuilt from the database."""
        data_path, meta_path, facets_path = self._paths(kind)
        self.indexes[kind] = VectorIndex(self.encoder.dim, self._exact_max, self._nprobe)
        self.filters[kind] = FacetMasks()
        if not (data_path.exists() and meta_path.exists() and facets_path.exists()):
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
            index = VectorIndex.load(data_path, self.encoder.dim, self._exact_max, self._nprobe)
            filters = FacetMasks.load(facets_path)
            self.indexes[kind], self.filters[kind] = index, filters
            return datetime.fromisoformat(meta["saved_at"])
        except Exception as exc:  # noqa: BLE001 - a snapshot is a cache: whatever is wrong
            # with it (empty, truncated, garbage: EOFError, BadZipFile, ...), rebuild.
            log.warning(
                "index snapshot for %s unreadable (%s); rebuilding from the database", kind, exc
            )
            return None

    def _catch_up(self, session: Session, kind: str, since: datetime | None) -> dict[str, int]:
        """Bring a snapshot (or an empty index) up to the database.

        The database is asked for ids only (from the primary key's index) and for the rows
        changed since the snapshot; vectors are read for those alone. Reading every row's
        timestamp made a cold start at a million profiles take many seconds.
        """
        index = self.indexes[kind]
        name = self.encoder.name
        mine = (Embedding.kind == kind, Embedding.model == name)
        stale = self._count(session, Embedding.kind == kind, Embedding.model != name)
        # With no stale rows every row of the kind is ours: the primary key covers the query.
        where = (Embedding.kind == kind,) if not stale else mine
        db_ids = _int_column(session, select(Embedding.profile_id).where(*where))
        in_index = index.ids()
        gone = np.setdiff1d(in_index, db_ids)
        fetch = np.setdiff1d(db_ids, in_index)
        changed_profiles: Ids = np.empty(0, np.int64)
        if since is not None:
            cutoff = since - SNAPSHOT_MARGIN
            changed = session.scalars(
                select(Embedding.profile_id).where(*mine, Embedding.updated_at >= cutoff)
            )
            fetch = np.union1d(fetch, np.asarray(changed.all(), dtype=np.int64))
            model = self.kinds[kind].model
            touched = session.scalars(select(model.id).where(model.updated_at >= cutoff))
            changed_profiles = np.asarray(touched.all(), dtype=np.int64)
        index.remove(gone)
        for start in range(0, len(fetch), CHUNK):
            chunk = fetch[start : start + CHUNK].tolist()
            rows = session.execute(
                select(Embedding.profile_id, Embedding.vector).where(
                    *mine, Embedding.profile_id.in_(chunk)
                )
            ).all()
            if rows:
                index.add([pid for pid, _ in rows], _stack(rows, self.encoder.dim))
        filters = self.filters[kind]
        filters.clear(gone)
        if since is None:
            self._load_facets(session, kind, None)
        else:
            self._load_facets(session, kind, np.union1d(fetch, changed_profiles))
        self.stale[kind] = stale
        self.missing[kind] = self._missing(session, kind, len(db_ids))
        return {"indexed": len(index), "fetched": len(fetch), "removed": len(gone)}

    def _count(self, session: Session, *where: Any) -> int:
        stmt = select(func.count()).select_from(Embedding).where(*where)
        return int(session.scalar(stmt) or 0)

    def _missing(self, session: Session, kind: str, vectors: int) -> int:
        """Profiles with no vector of this model (counted only when the totals differ)."""
        model = self.kinds[kind].model
        profiles = int(session.scalar(select(func.count()).select_from(model)) or 0)
        if profiles == vectors:
            return 0
        mine = (Embedding.kind == kind, Embedding.model == self.encoder.name)
        stmt = select(func.count()).select_from(model)
        stmt = stmt.where(model.id.not_in(select(Embedding.profile_id).where(*mine)))
        return int(session.scalar(stmt) or 0)

    def _load_facets(self, session: Session, kind: str, ids: Ids | None) -> None:
        """Read the filter facets and hard-rule columns of ``ids`` (None: of every profile)."""
        filters = self.filters[kind]
        model = self.kinds[kind].model
        columns = HARD_RULE_COLUMNS.get(kind, ())
        if ids is None:
            pairs = session.execute(
                select(ProfileFacet.name, ProfileFacet.value)
                .where(ProfileFacet.kind == kind, ProfileFacet.name.in_(FILTER_FACETS))
                .distinct()
            ).all()
            for facet, value in pairs:
                members = session.scalars(
                    select(ProfileFacet.profile_id).where(
                        ProfileFacet.kind == kind,
                        ProfileFacet.name == facet,
                        ProfileFacet.value == value,
                    )
                )
                filters.set_facet(facet, value, np.asarray(members.all(), dtype=np.int64))
            if columns:
                rows = session.execute(select(model.id, *(getattr(model, c) for c in columns)))
                self._set_until(kind, rows.all())
            return
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK].tolist()
            found: dict[int, dict[str, list[str]]] = {pid: {} for pid in chunk}
            for pid, facet, value in session.execute(
                select(ProfileFacet.profile_id, ProfileFacet.name, ProfileFacet.value).where(
                    ProfileFacet.kind == kind,
                    ProfileFacet.name.in_(FILTER_FACETS),
                    ProfileFacet.profile_id.in_(chunk),
                )
            ):
                found[pid].setdefault(facet, []).append(value)
            filters.set(chunk, [found[pid] for pid in chunk], [FOREVER] * len(chunk))
            if columns:
                rows = session.execute(
                    select(model.id, *(getattr(model, c) for c in columns)).where(
                        model.id.in_(chunk)
                    )
                )
                self._set_until(kind, rows.all())

    def _set_until(self, kind: str, rows: Sequence[Any]) -> None:
        if rows:
            ids = np.asarray([r[0] for r in rows], dtype=np.int64)
            until = np.asarray([open_until(kind, r) for r in rows], dtype=np.int32)
            self.filters[kind].set_until(ids, until)

    def mismatch(self) -> str | None:
        """Why the stored vectors cannot be searched as they are, if they cannot."""
        stale = {k: n for k, n in self.stale.items() if n}
        if stale:
            return (
                f"{sum(stale.values())} stored vectors were made by another model than "
                f"{self.encoder.name}; run `matchmaker reindex`"
            )
        return None


def _filter_facts(kind: ProfileKind, profile: Any) -> tuple[dict[str, list[str]], int]:
    """What the filter masks hold of a profile: its filter facets, and until when it is open."""
    facets = {n: list(v) for n, v in kind.facets(profile).items() if n in FILTER_FACETS}
    return facets, open_until(kind.name, profile)


def _stack(rows: Sequence[Any], dim: int) -> np.ndarray:
    """Stored vectors (little-endian float32 bytes) as one matrix."""
    return np.frombuffer(b"".join(v for _, v in rows), dtype="<f4").reshape(len(rows), dim)


def _int_column(session: Session, stmt: Any) -> Ids:
    """One integer column through the driver's own cursor: SQLAlchemy's rows cost 3 s per
    million ids at start-up, the cursor 1 s."""
    conn = session.connection()
    compiled = stmt.compile(dialect=conn.dialect)
    params = compiled.params
    args: Any = (
        tuple(params[k] for k in compiled.positiontup or ()) if compiled.positional else params
    )
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), args)
        rows = cursor.fetchall()
    finally:
        cursor.close()
    return np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
