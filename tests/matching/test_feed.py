"""The change feed: out-of-order commits are not lost, a snapshot replays from its position,
and pruning never leaves a replica with a hole it cannot see."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from matchmaker.config import Settings
from matchmaker.db import utcnow
from matchmaker.kinds import STARTUP
from matchmaker.matching import feed
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.models import ProfileChange
from matchmaker.matching.store import EmbeddingStore
from matchmaker.profiles import service as profiles
from matchmaker.runtime import Runtime, open_runtime
from matchmaker.startups.schemas import StartupCreate
from tests.conftest import pg_database
from tests.factories import startup_body

TIANJIN = {"location": {"city": "Tianjin", "region": "tianjin", "country": "CN"}}


def _runtime(settings: Settings, encoder: Encoder, data_dir: Path) -> Runtime:
    # No refresher thread runs here: the tests follow the feed themselves.
    return open_runtime(settings.model_copy(update={"data_dir": data_dir}), encoder)


@contextmanager
def _opened(settings: Settings, encoder: Encoder, data_dir: Path) -> Iterator[Runtime]:
    """``_runtime``, closed at the end of the block."""
    runtime = _runtime(settings, encoder, data_dir)
    try:
        yield runtime
    finally:
        runtime.close()


def _create(rt: Runtime, **body: object) -> int:
    with rt.sessions() as session, session.begin():
        return int(profiles.create(session, STARTUP, StartupCreate(**startup_body(**body))).id)


def _move_to_tianjin(session: Session, profile_id: int) -> None:
    obj = profiles.get(session, STARTUP, profile_id)
    profiles.update(session, STARTUP, obj, STARTUP.update(**TIANJIN), None)


def _in_region(store: EmbeddingStore, region: str) -> set[int]:
    mask = store.filters["startup"].allowed({"region": [region]}, None)
    assert mask is not None
    return {int(i) for i in mask.nonzero()[0]}


@pytest.fixture
def pg_settings(tmp_path: Path) -> Iterator[Settings]:
    with pg_database() as url:
        yield Settings(database_url=url, data_dir=tmp_path / "data")


def test_a_change_committed_after_a_later_one_was_read_is_not_lost(
    pg_settings: Settings, encoder: Encoder, tmp_path: Path
) -> None:
    reader = _runtime(pg_settings, encoder, tmp_path / "reader")
    writer = _runtime(pg_settings, encoder, tmp_path / "writer")
    try:
        first, second = _create(writer), _create(writer)
        reader.store.follow(reader.sessions)
        assert {first, second} <= _in_region(reader.store, "beijing")

        # Transaction A takes its feed id, then stalls before committing.
        reached, release = threading.Event(), threading.Event()

        def stall(session: Session) -> None:
            if session.info.get("stall"):
                reached.set()
                release.wait(30)

        event.listen(writer.sessions, "before_commit", stall)  # after the store's hook

        def slow() -> None:
            with writer.sessions() as session, session.begin():
                session.info["stall"] = True
                _move_to_tianjin(session, first)

        thread = threading.Thread(target=slow)
        thread.start()
        assert reached.wait(30)
        # Transaction B takes the next id and commits first.
        with writer.sessions() as session, session.begin():
            _move_to_tianjin(session, second)
        reader.store.follow(reader.sessions)
        assert second in _in_region(reader.store, "tianjin")
        assert first in _in_region(reader.store, "beijing")
        cursor = reader.store.cursor
        assert cursor.position < cursor.high  # A's id is remembered as a gap

        release.set()
        thread.join(30)
        reader.store.follow(reader.sessions)
        assert {first, second} <= _in_region(reader.store, "tianjin")
        assert reader.store.cursor.position == reader.store.cursor.high
    finally:
        release.set()
        reader.close()
        writer.close()


def test_a_rolled_back_feed_id_is_given_up_after_the_grace(
    pg_settings: Settings, encoder: Encoder, tmp_path: Path
) -> None:
    with _opened(pg_settings, encoder, tmp_path / "reader") as reader:
        reader.store.cursor = feed.Cursor(grace=0.3)
        with reader.sessions() as session:
            session.add(ProfileChange(kind="startup", profile_id=1, version=1, op="upsert"))
            session.flush()
            session.rollback()  # its id is never used again
        _create(reader)
        reader.store.follow(reader.sessions)
        held = reader.store.cursor
        assert held.position == held.high - 2  # the rolled-back id is still awaited
        threading.Event().wait(0.4)
        reader.store.follow(reader.sessions)
        assert reader.store.cursor.position == held.high


def test_a_replica_started_from_an_old_snapshot_replays_the_feed(
    settings: Settings, encoder: Encoder, tmp_path: Path
) -> None:
    replica = _runtime(settings, encoder, tmp_path / "replica")
    kept, moved, gone = _create(replica), _create(replica), _create(replica)
    replica.store.follow(replica.sessions)
    position = replica.store.cursor.position
    replica.close()  # the snapshot includes the feed up to here
    meta = json.loads((tmp_path / "replica" / "index" / "startup.json").read_text())
    assert meta["feed_position"] == position > 0

    with _opened(settings, encoder, tmp_path / "other") as other:
        added = _create(other)
        with other.sessions() as session, session.begin():
            _move_to_tianjin(session, moved)
            profiles.remove(session, STARTUP, profiles.get(session, STARTUP, gone), None)

    with _opened(settings, encoder, tmp_path / "replica") as restarted:
        store = restarted.store
        assert set(store.indexes["startup"].ids().tolist()) == {kept, moved, added}
        assert _in_region(store, "tianjin") == {moved}
        assert _in_region(store, "beijing") == {kept, added}


def test_pruning_keeps_recent_changes_and_a_too_old_snapshot_is_rebuilt(
    settings: Settings, encoder: Encoder, tmp_path: Path
) -> None:
    replica = _runtime(settings, encoder, tmp_path / "replica")
    old = _create(replica)
    replica.close()
    with _opened(settings, encoder, tmp_path / "other") as other:
        later = [_create(other) for _ in range(3)]
        with other.sessions() as session, session.begin():
            profiles.remove(session, STARTUP, profiles.get(session, STARTUP, old), None)
        with other.sessions() as session, session.begin():
            # Nothing is older than a week: nothing goes.
            assert feed.prune(session, utcnow() - timedelta(days=7)) == 0
            count = select(func.count()).select_from(ProfileChange)
            total = int(session.scalar(count) or 0)
            # Everything is older than a second from now: all but the newest go.
            assert feed.prune(session, utcnow() + timedelta(seconds=1)) == total - 1
            assert session.scalar(count) == 1
            assert not feed.covers(session, 1)

    # The replica's snapshot needs changes that were pruned: it rebuilds from the tables.
    with _opened(settings, encoder, tmp_path / "replica") as restarted:
        assert set(restarted.store.indexes["startup"].ids().tolist()) == set(later)
        assert _in_region(restarted.store, "beijing") == set(later)
