"""Idempotency records learn whether the request's own transaction committed; profiles and
embeddings get an index on ``updated_at``, which servers poll for other processes' writes.

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-28 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


PROFILE_TABLES = ("startup", "incubator", "partner", "scenario")


def upgrade() -> None:
    with op.batch_alter_table("idempotency_record") as batch:
        batch.add_column(sa.Column("committed_at", sa.DateTime(timezone=True), nullable=True))
    for table in PROFILE_TABLES:
        op.create_index(f"ix_{table}_updated_at", table, ["updated_at"])
    op.create_index("ix_embedding_kind_updated_at", "embedding", ["kind", "updated_at"])


def downgrade() -> None:
    op.drop_index("ix_embedding_kind_updated_at", table_name="embedding")
    for table in PROFILE_TABLES:
        op.drop_index(f"ix_{table}_updated_at", table_name=table)
    with op.batch_alter_table("idempotency_record") as batch:
        batch.drop_column("committed_at")
