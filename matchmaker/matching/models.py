"""Stored embeddings: one normalised vector per profile, tagged with the model that made it;
and the change feed that tells other replicas of each change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from matchmaker.db import Base, UTCDateTime, utcnow


class Embedding(Base):
    __tablename__ = "embedding"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    profile_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    model: Mapped[str] = mapped_column(String(300))
    dim: Mapped[int] = mapped_column(Integer)
    # sha256 of the composed text: unchanged text is never embedded again.
    content_hash: Mapped[str] = mapped_column(String(64))
    vector: Mapped[bytes] = mapped_column(LargeBinary)  # float32, little-endian, normalised
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    __table_args__ = (
        Index("ix_embedding_kind_model", "kind", "model"),
        Index("ix_embedding_kind_updated_at", "kind", "updated_at"),
    )


class ProfileChange(Base):
    """One entry of the change feed: a profile written, deleted or re-embedded.

    Written in the transaction that made the change, so the feed holds exactly the committed
    changes; replicas read it by ``id`` (``matchmaker.matching.feed``).
    """

    __tablename__ = "profile_change"
    __table_args__ = (
        Index("ix_profile_change_created_at", "created_at"),
        {"sqlite_autoincrement": True},  # never reuse a pruned id: positions only grow
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))
    profile_id: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(10))  # upsert | delete | revector
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class FeedReader(Base):
    """A replica following the change feed, so pruning keeps what it needs (``readers.py``).

    ``id`` is stable per data dir; ``snapshot_position`` is the feed position of the index
    snapshot on its disk (what a restart replays from), ``position`` where its index stands
    now; ``seen_at`` its last heartbeat.
    """

    __tablename__ = "feed_reader"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    snapshot_position: Mapped[int | None] = mapped_column(Integer, nullable=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
