"""Camps: camps, hosts with places, applications, host rankings, allocation runs (with their
inputs), assignments (lockable) and the audit of manual changes.

Revises 0005, not 0003: 0005 (partner platform) was written against 0003 first, and a
database already at 0005 must still receive these tables.

Revision ID: 0004
Revises: 0005
Create Date: 2026-11-28 20:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ONE_PROFILE = (
    "(CASE WHEN incubator_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN partner_id IS NULL THEN 0 ELSE 1 END) = 1"
)


def upgrade() -> None:
    op.create_table(
        "camp",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("timezone", sa.String(length=60), nullable=False),
        sa.Column("eligibility", sa.JSON(), nullable=False),
        sa.Column("quotas", sa.JSON(), nullable=False),
        sa.Column("day_plan", sa.JSON(), nullable=False),
        sa.Column("owner_account_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("ends_on >= starts_on", name=op.f("ck_camp_dates_in_order")),
        sa.ForeignKeyConstraint(
            ["owner_account_id"],
            ["account.id"],
            name=op.f("fk_camp_owner_account_id_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_camp")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_camp_owner_account_id", "camp", ["owner_account_id"])

    op.create_table(
        "camp_host",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("camp_id", sa.Integer(), nullable=False),
        sa.Column("incubator_id", sa.Integer(), nullable=True),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("places", sa.Integer(), nullable=False),
        sa.Column("eligibility", sa.JSON(), nullable=True),
        sa.Column("accept_unranked", sa.Boolean(), nullable=False),
        sa.CheckConstraint(ONE_PROFILE, name=op.f("ck_camp_host_one_profile")),
        sa.CheckConstraint("places >= 0", name=op.f("ck_camp_host_places_not_negative")),
        sa.ForeignKeyConstraint(
            ["camp_id"], ["camp.id"], name=op.f("fk_camp_host_camp_id_camp"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["incubator_id"],
            ["incubator.id"],
            name=op.f("fk_camp_host_incubator_id_incubator"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_camp_host_partner_id_partner"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_camp_host")),
        sa.UniqueConstraint("camp_id", "incubator_id", name="uq_camp_host_incubator"),
        sa.UniqueConstraint("camp_id", "partner_id", name="uq_camp_host_partner"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_camp_host_camp_id", "camp_host", ["camp_id"])

    op.create_table(
        "camp_application",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("camp_id", sa.Integer(), nullable=False),
        sa.Column("startup_id", sa.Integer(), nullable=False),
        sa.Column("host_preferences", sa.JSON(), nullable=False),
        sa.Column("accept_unranked", sa.Boolean(), nullable=False),
        sa.Column("applicant_account_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["camp_id"],
            ["camp.id"],
            name=op.f("fk_camp_application_camp_id_camp"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["startup_id"],
            ["startup.id"],
            name=op.f("fk_camp_application_startup_id_startup"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["applicant_account_id"],
            ["account.id"],
            name=op.f("fk_camp_application_applicant_account_id_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_camp_application")),
        sa.UniqueConstraint("camp_id", "startup_id", name="uq_camp_application_startup"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_camp_application_startup_id", "camp_application", ["startup_id"])

    op.create_table(
        "camp_host_ranking",
        sa.Column("camp_host_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("startup_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["camp_host_id"],
            ["camp_host.id"],
            name=op.f("fk_camp_host_ranking_camp_host_id_camp_host"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["startup_id"],
            ["startup.id"],
            name=op.f("fk_camp_host_ranking_startup_id_startup"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("camp_host_id", "position", name=op.f("pk_camp_host_ranking")),
        sa.UniqueConstraint("camp_host_id", "startup_id", name="uq_camp_host_ranking_startup"),
    )

    op.create_table(
        "camp_allocation_run",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("camp_id", sa.Integer(), nullable=False),
        sa.Column("actor_account_id", sa.Integer(), nullable=True),
        sa.Column("algorithm", sa.String(length=40), nullable=False),
        sa.Column("score_source", sa.String(length=60), nullable=False),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["camp_id"],
            ["camp.id"],
            name=op.f("fk_camp_allocation_run_camp_id_camp"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["actor_account_id"],
            ["account.id"],
            name=op.f("fk_camp_allocation_run_actor_account_id_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_camp_allocation_run")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_camp_allocation_run_camp_id", "camp_allocation_run", ["camp_id"])

    op.create_table(
        "camp_assignment",
        sa.Column("camp_id", sa.Integer(), nullable=False),
        sa.Column("startup_id", sa.Integer(), nullable=False),
        sa.Column("camp_host_id", sa.Integer(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["camp_id"],
            ["camp.id"],
            name=op.f("fk_camp_assignment_camp_id_camp"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["startup_id"],
            ["startup.id"],
            name=op.f("fk_camp_assignment_startup_id_startup"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["camp_host_id"],
            ["camp_host.id"],
            name=op.f("fk_camp_assignment_camp_host_id_camp_host"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["camp_allocation_run.id"],
            name=op.f("fk_camp_assignment_run_id_camp_allocation_run"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("camp_id", "startup_id", name=op.f("pk_camp_assignment")),
    )
    op.create_index("ix_camp_assignment_camp_host_id", "camp_assignment", ["camp_host_id"])

    op.create_table(
        "camp_assignment_event",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("camp_id", sa.Integer(), nullable=False),
        sa.Column("startup_id", sa.Integer(), nullable=False),
        sa.Column("actor_account_id", sa.Integer(), nullable=True),
        sa.Column("from_host_id", sa.Integer(), nullable=True),
        sa.Column("to_host_id", sa.Integer(), nullable=True),
        sa.Column("locked_before", sa.Boolean(), nullable=False),
        sa.Column("locked_after", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["camp_id"],
            ["camp.id"],
            name=op.f("fk_camp_assignment_event_camp_id_camp"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["startup_id"],
            ["startup.id"],
            name=op.f("fk_camp_assignment_event_startup_id_startup"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["actor_account_id"],
            ["account.id"],
            name=op.f("fk_camp_assignment_event_actor_account_id_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_camp_assignment_event")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_camp_assignment_event_camp", "camp_assignment_event", ["camp_id", "id"])


def downgrade() -> None:
    op.drop_table("camp_assignment_event")
    op.drop_table("camp_assignment")
    op.drop_table("camp_allocation_run")
    op.drop_table("camp_host_ranking")
    op.drop_table("camp_application")
    op.drop_table("camp_host")
    op.drop_table("camp")
