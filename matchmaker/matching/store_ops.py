"""What the store's parts pass each other: pending embeddings and index operations, and the
state they share."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.matching import feed
from matchmaker.matching.encoder import Encoder, Index
from matchmaker.matching.filters import MASKED_FACETS, FacetMasks
from matchmaker.matching.scoring import FOREVER, open_until
from matchmaker.profiles.kinds import ProfileKind

# A snapshot's time is the start of the oldest transaction still writing when it was taken
# (its rows carry earlier timestamps than its commit, and reach the index only after it);
# rows changed after that, less this margin for clock steps, are re-read at start-up. A
# fixed ten-minute margin re-read a whole bulk import at every restart soon after it.
SNAPSHOT_MARGIN = timedelta(minutes=1)
CHUNK = 5000  # rows per query when reading stored vectors


@dataclass(frozen=True)
class Pending:
    kind: str
    profile_id: int
    version: int
    text: str
    facets: dict[str, list[str]] | None = None  # None: leave the filter masks alone
    until: int = FOREVER


@dataclass(frozen=True)
class IndexOp:
    kind: str
    profile_id: int
    version: int
    vector: np.ndarray | None  # None: the vector is unchanged (or the profile is gone)
    facets: dict[str, list[str]] | None = None
    until: int = FOREVER
    deleted: bool = False


class StoreState:
    """The state the store's parts share (set in ``EmbeddingStore.__init__``)."""

    encoder: Encoder
    kinds: dict[str, ProfileKind]
    index_dir: Path
    indexes: dict[str, Index]  # VectorIndex, built by Snapshots.new_index
    filters: dict[str, FacetMasks]
    stale: dict[str, int]
    stale_models: dict[str, set[tuple[str, int]]]
    missing: dict[str, int]
    _exact_max: int
    _nprobe: int
    _applied: dict[tuple[str, int], int]
    _deleted: set[tuple[str, int]]
    _apply_lock: threading.Lock
    _inflight: dict[int, datetime]
    _inflight_lock: threading.Lock
    _follow_lock: threading.Lock

    cursor: feed.Cursor
    snapshot_position: int | None  # the feed position of the snapshot on disk, if any

    def apply(self, ops: Iterable[IndexOp]) -> None:
        raise NotImplementedError

    def follow(self, sessions: sessionmaker[Session]) -> tuple[int, bool]:
        raise NotImplementedError


def filter_facts(kind: ProfileKind, profile: Any) -> tuple[dict[str, list[str]], int]:
    """What the filter masks hold of a profile: its filter facets, and until when it is open."""
    facets = {n: list(v) for n, v in kind.facets(profile).items() if n in MASKED_FACETS}
    return facets, open_until(kind.name, profile)
