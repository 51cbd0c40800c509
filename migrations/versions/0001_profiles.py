"""Profiles: startups, incubators, partners, scenarios, and their filter facets.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 19:15:10.177656
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "incubator",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("stages", sa.JSON(), nullable=False),
        sa.Column("trl_min", sa.Integer(), nullable=False),
        sa.Column("trl_max", sa.Integer(), nullable=False),
        sa.Column("services", sa.JSON(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("fund_size_usd", sa.BigInteger(), nullable=True),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("programs", sa.JSON(), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("domains", sa.JSON(), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("contact_email", sa.String(length=254), nullable=True),
        sa.Column("dedupe_key", sa.String(length=600), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incubator")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_incubator_dedupe_key")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "partner",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("collaboration_modes", sa.JSON(), nullable=False),
        sa.Column("stages", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("domains", sa.JSON(), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("contact_email", sa.String(length=254), nullable=True),
        sa.Column("dedupe_key", sa.String(length=600), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_partner_dedupe_key")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "profile_facet",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=30), nullable=False),
        sa.Column("value", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint(
            "kind", "profile_id", "name", "value", name=op.f("pk_profile_facet")
        ),
    )
    with op.batch_alter_table("profile_facet", schema=None) as batch_op:
        batch_op.create_index(
            "ix_profile_facet_lookup", ["kind", "name", "value", "profile_id"], unique=False
        )

    op.create_table(
        "startup",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("pitch", sa.String(length=280), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("trl", sa.Integer(), nullable=False),
        sa.Column("founded_year", sa.Integer(), nullable=True),
        sa.Column("team_size", sa.Integer(), nullable=True),
        sa.Column("funding_raised_usd", sa.BigInteger(), nullable=True),
        sa.Column("needs", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("qualifications", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("domains", sa.JSON(), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("contact_email", sa.String(length=254), nullable=True),
        sa.Column("dedupe_key", sa.String(length=600), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_startup")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_startup_dedupe_key")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "scenario",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("publisher_partner_id", sa.Integer(), nullable=True),
        sa.Column("publisher_name", sa.String(length=200), nullable=False),
        sa.Column("min_trl", sa.Integer(), nullable=False),
        sa.Column("collaboration_mode", sa.String(length=40), nullable=False),
        sa.Column("budget_usd", sa.BigInteger(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("domains", sa.JSON(), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("contact_email", sa.String(length=254), nullable=True),
        sa.Column("dedupe_key", sa.String(length=600), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["publisher_partner_id"],
            ["partner.id"],
            name=op.f("fk_scenario_publisher_partner_id_partner"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_scenario_dedupe_key")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("scenario", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scenario_publisher_partner_id"), ["publisher_partner_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("scenario", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scenario_publisher_partner_id"))

    op.drop_table("scenario")
    op.drop_table("startup")
    with op.batch_alter_table("profile_facet", schema=None) as batch_op:
        batch_op.drop_index("ix_profile_facet_lookup")

    op.drop_table("profile_facet")
    op.drop_table("partner")
    op.drop_table("incubator")
