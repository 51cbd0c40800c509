"""The change feed: every profile write, deletion and re-embedding, in commit order for
replicas to follow (``matchmaker.matching.feed``).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 22:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "profile_change",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile_change")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_profile_change_created_at", "profile_change", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_profile_change_created_at", table_name="profile_change")
    op.drop_table("profile_change")
