"""Embeddings: one stored vector per profile, with its model and content hash.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 19:16:25.236800
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "embedding",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("model", sa.String(length=300), nullable=False),
        sa.Column("dim", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("kind", "profile_id", name=op.f("pk_embedding")),
    )
    with op.batch_alter_table("embedding", schema=None) as batch_op:
        batch_op.create_index("ix_embedding_kind_model", ["kind", "model"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("embedding", schema=None) as batch_op:
        batch_op.drop_index("ix_embedding_kind_model")

    op.drop_table("embedding")
