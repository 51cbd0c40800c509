"""A counter the database moves on every write to a match record, so a process can keep
every target's decisions in memory and read them again only when they changed
(``matchmaker.reviews.feedback.DecisionCache``).

Triggers, not application code, move it: decisions also change when a profile's deletion
cascades to its matches or a merge moves them, on any process or replica.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# One row for every kind: per-kind rows, locked in different orders by a merge that moves
# records of several kinds, could deadlock two transactions. The row is created on first use
# too, so a table emptied by hand (or by a test's reset) still counts.
BUMP_SQLITE = (
    "INSERT OR IGNORE INTO decision_version (id, n) VALUES (1, 0); "
    "UPDATE decision_version SET n = n + 1 WHERE id = 1;"
)
POSTGRES_FUNCTION = """
CREATE FUNCTION bump_decision_version() RETURNS trigger AS $$
BEGIN
    INSERT INTO decision_version (id, n) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
    UPDATE decision_version SET n = n + 1 WHERE id = 1;
    RETURN NULL;
END $$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    op.create_table(
        "decision_version",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_version")),
    )
    op.execute("INSERT INTO decision_version (id, n) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        op.execute(
            "CREATE TRIGGER match_decision_version AFTER INSERT OR UPDATE OR DELETE ON match "
            "FOR EACH ROW EXECUTE FUNCTION bump_decision_version()"
        )
    else:
        for event in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER match_decision_version_{event.lower()} AFTER {event} ON match "
                f"BEGIN {BUMP_SQLITE} END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER match_decision_version ON match")
        op.execute("DROP FUNCTION bump_decision_version()")
    else:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER match_decision_version_{event}")
    op.drop_table("decision_version")
