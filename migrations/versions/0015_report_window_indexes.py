"""Indexes for analytics reports read by date window: each scoped query of the exposure log
is a range over ``served_at`` within one target's rows, and review events are read by time.

``ix_exposure_query`` (query_kind, query_id) becomes (query_kind, query_id, served_at): a
manager's window of its own lists is one index range instead of every list it was ever
served. The startup lists that showed a target get (shown_kind, shown_id, served_at), which
they had no index for. ``match_event.created_at`` gets one for the funnel's window.

On PostgreSQL the indexes are built and dropped ``CONCURRENTLY``, outside the migration's
transaction: the exposure log grows with every list served, and a plain ``CREATE INDEX``
would hold off every write to it (so every list request) for as long as the build takes.
A concurrent build that fails leaves an invalid index behind; drop it and run the upgrade
again (``IF NOT EXISTS`` would skip it and keep the invalid one).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 22:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _concurrently() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _concurrently():
        _upgrade(concurrently=False)
        return
    with op.get_context().autocommit_block():
        _upgrade(concurrently=True)


def _upgrade(concurrently: bool) -> None:
    op.create_index(
        "ix_exposure_query_served_at",
        "exposure",
        ["query_kind", "query_id", "served_at"],
        postgresql_concurrently=concurrently,
    )
    op.drop_index("ix_exposure_query", table_name="exposure", postgresql_concurrently=concurrently)
    op.create_index(
        "ix_exposure_shown_served_at",
        "exposure",
        ["shown_kind", "shown_id", "served_at"],
        postgresql_concurrently=concurrently,
    )
    op.create_index(
        "ix_match_event_created_at",
        "match_event",
        ["created_at"],
        postgresql_concurrently=concurrently,
    )


def downgrade() -> None:
    if not _concurrently():
        _downgrade(concurrently=False)
        return
    with op.get_context().autocommit_block():
        _downgrade(concurrently=True)


def _downgrade(concurrently: bool) -> None:
    op.drop_index(
        "ix_match_event_created_at", table_name="match_event", postgresql_concurrently=concurrently
    )
    op.drop_index(
        "ix_exposure_shown_served_at", table_name="exposure", postgresql_concurrently=concurrently
    )
    op.create_index(
        "ix_exposure_query",
        "exposure",
        ["query_kind", "query_id"],
        postgresql_concurrently=concurrently,
    )
    op.drop_index(
        "ix_exposure_query_served_at", table_name="exposure", postgresql_concurrently=concurrently
    )
