"""Idempotency records name the process and request that claimed them, so a retry can tell
at once whether the claim's owner still runs (``matchmaker.platform.leases``).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("idempotency_record") as batch:
        batch.add_column(sa.Column("owner", sa.String(255), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("idempotency_record") as batch:
        batch.drop_column("owner")
