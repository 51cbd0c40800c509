"""The exposure log of served match lists, and startups' optional first-time-founders flag.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 21:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exposure",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("served_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("query_kind", sa.String(length=20), nullable=False),
        sa.Column("query_id", sa.Integer(), nullable=False),
        sa.Column("shown_kind", sa.String(length=20), nullable=False),
        sa.Column("shown_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exposure")),
    )
    op.create_index("ix_exposure_served_at", "exposure", ["served_at"])
    op.create_index("ix_exposure_query", "exposure", ["query_kind", "query_id"])
    with op.batch_alter_table("startup") as batch:
        batch.add_column(sa.Column("first_time_founders", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("startup") as batch:
        batch.drop_column("first_time_founders")
    op.drop_index("ix_exposure_query", table_name="exposure")
    op.drop_index("ix_exposure_served_at", table_name="exposure")
    op.drop_table("exposure")
