"""The TRL facet: every profile's technology readiness in ``profile_facet``, so the first
stage of a ranked list can bound the TRL criterion of every candidate at once
(``matchmaker.matching.bounds``). A startup has its level; an incubator every level of its
range; a scenario every level from its minimum. New writes add them
(``vocab.trl_facet``); this adds them to the rows already there.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 11:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (kind, table, the condition a row's TRL criterion sets on a level :level)
HOLDERS = (
    ("startup", "startup", "trl = {level}"),
    (
        "incubator",
        "incubator",
        "trl_min IS NOT NULL AND trl_max IS NOT NULL AND trl_min <= {level} AND trl_max >= {level}",
    ),
    ("scenario", "scenario", "min_trl IS NOT NULL AND min_trl <= {level}"),
)


def upgrade() -> None:
    for kind, table, condition in HOLDERS:
        for level in range(1, 10):
            op.execute(
                f"INSERT INTO profile_facet (kind, profile_id, name, value) "  # noqa: S608 - constants
                f"SELECT '{kind}', id, 'trl', '{level}' FROM {table} "
                f"WHERE {condition.format(level=level)}"
            )


def downgrade() -> None:
    op.execute("DELETE FROM profile_facet WHERE name = 'trl'")
