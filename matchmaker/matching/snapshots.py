"""Index snapshots: saved at shutdown, loaded at start-up and caught up from the database.

A snapshot records the feed position it includes; a starting replica loads it and replays
the feed from there. A snapshot older than the pruned feed is dropped and the index rebuilt
from the tables; one from before the feed existed is caught up by time, as it used to be.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.atomic import write_text_atomically
from matchmaker.matching import feed
from matchmaker.matching.encoder import Ids, Index
from matchmaker.matching.filters import MASKED_FACETS, FacetMasks
from matchmaker.matching.index import VectorIndex
from matchmaker.matching.models import Embedding
from matchmaker.matching.scoring import FOREVER, HARD_RULE_COLUMNS, open_until
from matchmaker.matching.store_ops import CHUNK, SNAPSHOT_MARGIN, StoreState
from matchmaker.profiles.models import ProfileFacet

log = logging.getLogger(__name__)
# Rows per batch of a streamed scan of the vector table: each batch is one bulk add (all
# cores: index.BULK). Small, because the index turns IVF (trained on all it holds) at the
# first batch past exact_max: batches of 50k trained it on 100k vectors with 1,264 lists,
# 381 s of a 851 s rebuild at 1M (profiled, loaded machine); 10k train on 60k with 979,
# about what the 5,000-id queries used to give.
SCAN_ROWS = 10_000


class Snapshots(StoreState):
    """Persistence of an ``EmbeddingStore``'s indexes and filter masks; the one place
    that builds or loads a FAISS index (the rest of the engine sees an ``Index``)."""

    def new_index(self) -> Index:
        """An empty index for the configured model, with the store's FAISS settings."""
        return VectorIndex(self.encoder.dim, self._exact_max, self._nprobe)

    # -- persistence --------------------------------------------------------------------
    def _paths(self, kind: str) -> tuple[Path, Path, Path]:
        base = self.index_dir / kind
        return base.with_suffix(".faiss"), base.with_suffix(".json"), base.with_suffix(".npz")

    def save(self) -> None:
        # Under the apply lock, so the vectors and the filter masks are of the same moment.
        with self._apply_lock:
            position = self.cursor.position
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
                    # Read under the apply lock: every change up to it is in these files.
                    "feed_position": position,
                }
                # Written last: its saved_at never claims more than the files before it hold.
                write_text_atomically(meta_path, json.dumps(meta))
            self.snapshot_position = position

    def load(self, sessions: sessionmaker[Session], grace: float = 60.0) -> dict[str, Any]:
        """Load the snapshots, catch up from the database and replay the feed from the
        oldest snapshot's position; never re-embeds."""
        report: dict[str, Any] = {}
        with sessions() as session:
            # Read first: whatever the tables show below is at least this new.
            start = feed.head(session)
        positions = [start]
        loaded: list[int] = []
        for kind in self.kinds:
            started = time.perf_counter()
            with sessions() as session:
                # Asked before the files are read: at a million profiles reading a snapshot
                # the feed no longer covers cost seconds for nothing.
                if self._pruned_past(session, kind):
                    log.warning(
                        "index snapshot for %s is older than the pruned change feed; "
                        "rebuilding from the database",
                        kind,
                    )
                    self._reset(kind)
                    since, position = None, None
                else:
                    since, position = self._load_snapshot(kind)
                report[kind] = self._catch_up(session, kind, since, window=position is None)
            if position is not None:
                positions.append(position)
                loaded.append(position)
            report[kind]["ms"] = int((time.perf_counter() - started) * 1000)
        # What a restart would replay from until the next save (readers.py).
        self.snapshot_position = min(loaded) if loaded else None
        started = time.perf_counter()
        self.cursor = feed.Cursor(high=min(positions), grace=grace)
        replayed, more = 0, True
        while more:
            changed, more = self.follow(sessions)
            replayed += changed
        report["feed"] = {"from": min(positions), "replayed": replayed}
        report["feed"]["ms"] = int((time.perf_counter() - started) * 1000)
        return report

    def _reset(self, kind: str) -> None:
        self.indexes[kind] = self.new_index()
        self.filters[kind] = FacetMasks()

    def _pruned_past(self, session: Session, kind: str) -> bool:
        """Whether the feed lost changes after the position ``kind``'s snapshot records
        (False when there is none, or it cannot be read: ``_load_snapshot`` says why)."""
        try:
            meta = json.loads(self._paths(kind)[1].read_text(encoding="utf-8"))
            position = meta.get("feed_position")
        except (OSError, ValueError, AttributeError):
            return False
        return isinstance(position, int) and not feed.covers(session, position)

    def _load_snapshot(self, kind: str) -> tuple[datetime | None, int | None]:
        """The snapshot's time (None when the index must be rebuilt from the database) and
        the feed position it includes (None when it predates the feed)."""
        data_path, meta_path, facets_path = self._paths(kind)
        self._reset(kind)
        if not (data_path.exists() and meta_path.exists() and facets_path.exists()):
            return None, None
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta["model"] != self.encoder.name or meta["dim"] != self.encoder.dim:
                log.warning(
                    "index snapshot for %s was made by %s; rebuilding from the database",
                    kind,
                    meta["model"],
                )
                return None, None
            index = VectorIndex.load(data_path, self.encoder.dim, self._exact_max, self._nprobe)
            filters = FacetMasks.load(facets_path)
            self.indexes[kind], self.filters[kind] = index, filters
            position = meta.get("feed_position")
            return datetime.fromisoformat(meta["saved_at"]), (
                None if position is None else int(position)
            )
        except Exception as exc:  # noqa: BLE001 - a snapshot is a cache: whatever is wrong
            # with it (empty, truncated, garbage: EOFError, BadZipFile, ...), rebuild.
            log.warning(
                "index snapshot for %s unreadable (%s); rebuilding from the database", kind, exc
            )
            self._reset(kind)
            return None, None

    def _catch_up(
        self, session: Session, kind: str, since: datetime | None, window: bool = True
    ) -> dict[str, int]:
        """Bring a snapshot (or an empty index) up to the database.

        Profiles changed since a snapshot are found by time only when it predates the feed
        (``window``); otherwise the feed replay that follows brings them.

        The database is asked for ids only (from the primary key's index) and for the rows
        changed since the snapshot; vectors are read for those alone. Reading every row's
        timestamp made a cold start at a million profiles take many seconds.
        """
        index = self.indexes[kind]
        name = self.encoder.name
        mine = (Embedding.kind == kind, Embedding.model == name)
        stale = self._count(session, Embedding.kind == kind, Embedding.model != name)
        self.stale_models[kind] = set()
        if stale:
            others = select(Embedding.model, Embedding.dim).where(
                Embedding.kind == kind, Embedding.model != name
            )
            self.stale_models[kind] = {(m, int(d)) for m, d in session.execute(others.distinct())}
        # With no stale rows every row of the kind is ours: the primary key covers the query.
        where = (Embedding.kind == kind,) if not stale else mine
        db_ids = _int_column(session, select(Embedding.profile_id).where(*where))
        in_index = index.ids()
        gone = np.setdiff1d(in_index, db_ids)
        fetch = np.setdiff1d(db_ids, in_index)
        changed_profiles: Ids = np.empty(0, np.int64)
        if since is not None and window:
            cutoff = since - SNAPSHOT_MARGIN
            changed = session.scalars(
                select(Embedding.profile_id).where(*mine, Embedding.updated_at >= cutoff)
            )
            fetch = np.union1d(fetch, np.asarray(changed.all(), dtype=np.int64))
            model = self.kinds[kind].model
            touched = session.scalars(select(model.id).where(model.updated_at >= cutoff))
            changed_profiles = np.asarray(touched.all(), dtype=np.int64)
        index.remove(gone)
        if 2 * len(fetch) > len(db_ids):  # most of the kind (a rebuild): one scan
            self._scan_vectors(session, kind, fetch, mine)
        else:
            self._read_vectors(session, kind, fetch, mine)
        filters = self.filters[kind]
        filters.clear(gone)
        if since is None:
            self._load_facets(session, kind, None)
        else:
            self._load_facets(session, kind, np.union1d(fetch, changed_profiles))
        self.stale[kind] = stale
        self.missing[kind] = self._missing(session, kind, len(db_ids))
        return {"indexed": len(index), "fetched": len(fetch), "removed": len(gone)}

    def _read_vectors(self, session: Session, kind: str, fetch: Ids, mine: Any) -> None:
        """Add the vectors of ``fetch`` (a few of the kind), asked for by id."""
        index = self.indexes[kind]
        for start in range(0, len(fetch), CHUNK):
            chunk = fetch[start : start + CHUNK].tolist()
            rows = session.execute(
                select(Embedding.profile_id, Embedding.vector).where(
                    *mine, Embedding.profile_id.in_(chunk)
                )
            ).all()
            if rows:
                index.add([pid for pid, _ in rows], _stack(rows, self.encoder.dim))

    def _scan_vectors(self, session: Session, kind: str, fetch: Ids, mine: Any) -> None:
        """Add the vectors of ``fetch`` (most of the kind) from one streamed scan of the
        kind's rows. Asking for them 5,000 ids at a time cost 2.5 s a query on PostgreSQL
        at a million rows (an index probe per id): minutes for a rebuild."""
        index = self.indexes[kind]
        stmt = select(Embedding.profile_id, Embedding.vector).where(*mine)
        result = session.execute(stmt, execution_options={"yield_per": SCAN_ROWS})
        for part in result.partitions():
            ids = np.fromiter((r[0] for r in part), dtype=np.int64, count=len(part))
            keep = np.isin(ids, fetch)
            rows = [r for r, k in zip(part, keep, strict=True) if k]
            if rows:
                index.add(ids[keep], _stack(rows, self.encoder.dim))

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
                .where(ProfileFacet.kind == kind, ProfileFacet.name.in_(MASKED_FACETS))
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
                    ProfileFacet.name.in_(MASKED_FACETS),
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
