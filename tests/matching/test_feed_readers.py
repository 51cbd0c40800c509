"""Pruning that respects replicas: the feed keeps what the snapshot of a replica seen lately
needs, so it replays at its restart instead of rebuilding; one not seen for longer than the
reader timeout stops holding the feed back."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from matchmaker.config import Settings
from matchmaker.db import utcnow
from matchmaker.kinds import STARTUP
from matchmaker.matching import feed, readers
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.models import FeedReader, ProfileChange
from matchmaker.matching.refresh import IndexRefresher
from matchmaker.observability.metrics import StateCollector
from matchmaker.profiles import service as profiles
from matchmaker.runtime import Runtime
from tests.matching.test_feed import _create, _in_region, _move_to_tianjin, _opened, _runtime


def _refresher(
    rt: Runtime,
    timeout: timedelta = timedelta(hours=24),
    hold_max: timedelta = timedelta(days=30),
) -> IndexRefresher:
    # Retention 0: by age alone every change could go; only the registry keeps any.
    return IndexRefresher(
        rt.store,
        rt.sessions,
        3600,
        timedelta(0),
        reader=rt.reader,
        reader_timeout=timeout,
        hold_max=hold_max,
    )


def _changes_elsewhere(rt: Runtime, moved: int, gone: int) -> int:
    """A create, a move to Tianjin and a deletion, in three transactions; the new id."""
    added = _create(rt)
    with rt.sessions() as session, session.begin():
        _move_to_tianjin(session, moved)
    with rt.sessions() as session, session.begin():
        profiles.remove(session, STARTUP, profiles.get(session, STARTUP, gone), None)
    return added


def _caught_up(rt: Runtime) -> int:
    """Follow the feed to its head and return the position."""
    rt.store.follow(rt.sessions)
    assert rt.store.cursor.position == rt.store.cursor.high
    return rt.store.cursor.position


def _below(rt: Runtime, position: int | None = None) -> int:
    """Changes in the feed with an id below ``position`` (None: all)."""
    stmt = select(func.count()).select_from(ProfileChange)
    if position is not None:
        stmt = stmt.where(ProfileChange.id < position)
    with rt.sessions() as session:
        return int(session.scalar(stmt) or 0)


def _covers(rt: Runtime, position: int) -> bool:
    with rt.sessions() as session:
        return feed.covers(session, position)


def test_pruning_keeps_what_a_stopped_replicas_snapshot_needs_and_it_replays(
    settings: Settings, encoder: Encoder, tmp_path: Path
) -> None:
    replica = _runtime(settings, encoder, tmp_path / "replica")
    kept, moved, gone = _create(replica), _create(replica), _create(replica)
    position = _caught_up(replica)
    reader = replica.reader
    replica.close()  # the snapshot is saved, and its position recorded
    with replica.sessions() as session:
        [row] = readers.live(session, utcnow() - timedelta(minutes=5))
    assert (row.id, row.snapshot_position) == (reader, position)

    with _opened(settings, encoder, tmp_path / "other") as other:
        added = _changes_elsewhere(other, moved, gone)
        # Everything is older than the retention, but the replica's snapshot needs the
        # changes after its position: only those before it go.
        before = _below(other, position)
        assert before > 0
        assert _refresher(other).prune() == before
        assert _covers(other, position)
        families = {f.name: f for f in StateCollector(other.matcher, other.sessions).collect()}
        snapshot = {
            s.labels["reader"]: s.value
            for s in families["matchmaker_feed_reader_snapshot_behind"].samples
        }
        assert snapshot == {reader: 3}  # the three changes made while it was down

    with _opened(settings, encoder, tmp_path / "replica") as restarted:
        assert restarted.reader == reader  # stable per data dir
        assert restarted.store.snapshot_position == position  # replayed, not rebuilt
        assert set(restarted.store.indexes["startup"].ids().tolist()) == {kept, moved, added}
        assert _in_region(restarted.store, "tianjin") == {moved}
        assert _in_region(restarted.store, "beijing") == {kept, added}


def test_a_replica_not_seen_within_the_timeout_no_longer_holds_the_feed_back(
    settings: Settings, encoder: Encoder, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    replica = _runtime(settings, encoder, tmp_path / "replica")
    kept, moved, gone = _create(replica), _create(replica), _create(replica)
    position = _caught_up(replica)
    replica.close()

    with _opened(settings, encoder, tmp_path / "other") as other:
        added = _changes_elsewhere(other, moved, gone)
        with other.sessions() as session, session.begin():
            session.execute(
                update(FeedReader)
                .where(FeedReader.id == replica.reader)
                .values(seen_at=utcnow() - timedelta(hours=25))
            )
        total = _below(other)
        assert _refresher(other, timedelta(hours=24)).prune() == total - 1
        assert not _covers(other, position)
        with other.sessions() as session:
            assert session.get(FeedReader, replica.reader) is None  # forgotten

    # A snapshot the feed no longer covers is not even read (at 1M that took seconds).
    (tmp_path / "replica" / "index" / "startup.faiss").write_bytes(b"not read")
    caplog.set_level(logging.WARNING, logger="matchmaker.matching.snapshots")
    with _opened(settings, encoder, tmp_path / "replica") as restarted:
        warnings = [r.getMessage() for r in caplog.records]
        assert any("startup is older than the pruned change feed" in m for m in warnings)
        assert not any("unreadable" in m for m in warnings)
        assert restarted.store.snapshot_position is None  # rebuilt from the tables
        assert set(restarted.store.indexes["startup"].ids().tolist()) == {kept, moved, added}
        assert _in_region(restarted.store, "tianjin") == {moved}


def test_a_killed_replica_replays_from_the_snapshot_its_heartbeat_recorded(
    settings: Settings, encoder: Encoder, tmp_path: Path
) -> None:
    first = _runtime(settings, encoder, tmp_path / "replica")
    kept, moved, gone = _create(first), _create(first), _create(first)
    position = _caught_up(first)
    first.close()

    # It runs from that snapshot for a while, following the feed, then dies unsaved.
    running = _runtime(settings, encoder, tmp_path / "replica")
    with _opened(settings, encoder, tmp_path / "other") as other:
        refresher = _refresher(running)
        added = _changes_elsewhere(other, moved, gone)
        refresher.run_once()  # follows the feed and records where it stands
        assert _in_region(running.store, "tianjin") == {moved}
        with running.sessions() as session:
            row = session.get(FeedReader, running.reader)
            assert row is not None
            assert (row.position, row.snapshot_position) == (feed.head(session), position)
        running.engine.dispose()  # killed: no snapshot saved, the one on disk stays
        later = _create(other)
        before = _below(other, position)
        assert _refresher(other).prune() == before > 0

    with _opened(settings, encoder, tmp_path / "replica") as restarted:
        assert restarted.store.snapshot_position == position
        ids = set(restarted.store.indexes["startup"].ids().tolist())
        assert ids == {kept, moved, added, later}
        assert _in_region(restarted.store, "tianjin") == {moved}


def test_the_replica_id_is_kept_per_data_dir(tmp_path: Path) -> None:
    one = readers.replica_id(tmp_path / "a")
    assert readers.replica_id(tmp_path / "a") == one
    assert readers.replica_id(tmp_path / "b") != one
    assert 0 < len(one) <= 64


def test_no_replica_holds_a_change_longer_than_the_hold_maximum(
    settings: Settings, encoder: Encoder, tmp_path: Path
) -> None:
    replica = _runtime(settings, encoder, tmp_path / "replica")
    _create(replica)
    position = _caught_up(replica)
    replica.close()  # its snapshot needs everything after ``position``

    with _opened(settings, encoder, tmp_path / "other") as other:
        _changes_elsewhere(other, _create(other), _create(other))
        # Seen a moment ago, so within the reader timeout: under the hold maximum its
        # snapshot keeps the changes after it, and only those before it go...
        before = _below(other, position)
        assert _refresher(other).prune() == before
        assert _covers(other, position)
        # ...but changes older than the hold maximum go whoever needs them (all but the
        # newest, which ``covers`` relies on).
        remaining = _below(other)
        assert remaining > 1
        assert _refresher(other, hold_max=timedelta(0)).prune() == remaining - 1
        assert not _covers(other, position)
