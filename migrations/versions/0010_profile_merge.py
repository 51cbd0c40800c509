"""The audit of duplicate-profile merges (POST /v1/admin/duplicates/merge).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "profile_merge",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("keep_id", sa.Integer(), nullable=False),
        sa.Column("merged_id", sa.Integer(), nullable=False),
        sa.Column("merged_title", sa.String(length=200), nullable=False),
        sa.Column("merged_dedupe_key", sa.String(length=600), nullable=False),
        sa.Column("actor_account_id", sa.Integer(), nullable=True),
        sa.Column("moved", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_account_id"],
            ["account.id"],
            name=op.f("fk_profile_merge_actor_account_id_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile_merge")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_profile_merge_kind_keep", "profile_merge", ["kind", "keep_id"])


def downgrade() -> None:
    op.drop_index("ix_profile_merge_kind_keep", table_name="profile_merge")
    op.drop_table("profile_merge")
