"""Access and reviews: accounts, API keys (hashes only), bindings, profile owners, matches
and their append-only events.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 19:21:17.833054
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PROFILE_TABLES = ("startup", "incubator", "partner", "scenario")
TARGET_KINDS = ("incubator", "partner", "scenario")


def _one_target() -> str:
    present = " + ".join(f"(CASE WHEN {k}_id IS NULL THEN 0 ELSE 1 END)" for k in TARGET_KINDS)
    consistent = " OR ".join(f"(target_kind = '{k}' AND {k}_id IS NOT NULL)" for k in TARGET_KINDS)
    return f"({present}) = 1 AND ({consistent})"


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("slug", sa.String(length=60), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account")),
        sa.UniqueConstraint("slug", name=op.f("uq_account_slug")),
        sqlite_autoincrement=True,
    )
    # Profile tables are altered before anything references them: on SQLite batch mode
    # rebuilds each table, and nothing should point at it while it does.
    for table in PROFILE_TABLES:
        with op.batch_alter_table(table, table_kwargs={"sqlite_autoincrement": True}) as batch:
            batch.add_column(sa.Column("owner_account_id", sa.Integer(), nullable=True))
            batch.create_index(f"ix_{table}_owner_account_id", ["owner_account_id"])
            batch.create_foreign_key(
                f"fk_{table}_owner_account_id_account",
                "account",
                ["owner_account_id"],
                ["id"],
                ondelete="SET NULL",
            )

    op.create_table(
        "api_key",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_api_key_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_key")),
        sa.UniqueConstraint("prefix", name=op.f("uq_api_key_prefix")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_api_key_account_id", "api_key", ["account_id"])

    for kind in ("incubator", "partner"):
        op.create_table(
            f"account_{kind}",
            sa.Column("account_id", sa.Integer(), nullable=False),
            sa.Column(f"{kind}_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(
                ["account_id"],
                ["account.id"],
                name=op.f(f"fk_account_{kind}_account_id_account"),
                ondelete="CASCADE",
            ),
            sa.ForeignKeyConstraint(
                [f"{kind}_id"],
                [f"{kind}.id"],
                name=op.f(f"fk_account_{kind}_{kind}_id_{kind}"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("account_id", f"{kind}_id", name=op.f(f"pk_account_{kind}")),
        )
        op.create_index(f"ix_account_{kind}_{kind}_id", f"account_{kind}", [f"{kind}_id"])

    op.create_table(
        "match",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("startup_id", sa.Integer(), nullable=False),
        sa.Column("target_kind", sa.String(length=20), nullable=False),
        sa.Column("incubator_id", sa.Integer(), nullable=True),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("scenario_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("startup_decision", sa.String(length=20), nullable=True),
        sa.Column("target_decision", sa.String(length=20), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("model", sa.String(length=300), nullable=True),
        sa.Column("ranking_version", sa.String(length=40), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(_one_target(), name=op.f("ck_match_one_target")),
        sa.ForeignKeyConstraint(
            ["startup_id"],
            ["startup.id"],
            name=op.f("fk_match_startup_id_startup"),
            ondelete="CASCADE",
        ),
        *(
            sa.ForeignKeyConstraint(
                [f"{kind}_id"],
                [f"{kind}.id"],
                name=op.f(f"fk_match_{kind}_id_{kind}"),
                ondelete="CASCADE",
            )
            for kind in TARGET_KINDS
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match")),
        sqlite_autoincrement=True,
    )
    for kind in TARGET_KINDS:
        op.create_index(f"ix_match_{kind}_state", "match", [f"{kind}_id", "state"])
        op.create_index(
            f"uq_match_startup_{kind}", "match", ["startup_id", f"{kind}_id"], unique=True
        )

    op.create_table(
        "match_event",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("actor_account_id", sa.Integer(), nullable=True),
        sa.Column("side", sa.String(length=20), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("from_state", sa.String(length=20), nullable=False),
        sa.Column("to_state", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=True),
        sa.Column("note", sa.String(length=1000), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("model", sa.String(length=300), nullable=True),
        sa.Column("ranking_version", sa.String(length=40), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_account_id"],
            ["account.id"],
            name=op.f("fk_match_event_actor_account_id_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["match.id"],
            name=op.f("fk_match_event_match_id_match"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_event")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_match_event_match_id", "match_event", ["match_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_match_event_match_id", table_name="match_event")
    op.drop_table("match_event")
    for kind in reversed(TARGET_KINDS):
        op.drop_index(f"uq_match_startup_{kind}", table_name="match")
        op.drop_index(f"ix_match_{kind}_state", table_name="match")
    op.drop_table("match")
    for kind in ("partner", "incubator"):
        op.drop_index(f"ix_account_{kind}_{kind}_id", table_name=f"account_{kind}")
        op.drop_table(f"account_{kind}")
    op.drop_index("ix_api_key_account_id", table_name="api_key")
    op.drop_table("api_key")
    for table in reversed(PROFILE_TABLES):
        with op.batch_alter_table(table, table_kwargs={"sqlite_autoincrement": True}) as batch:
            batch.drop_constraint(f"fk_{table}_owner_account_id_account", type_="foreignkey")
            batch.drop_index(f"ix_{table}_owner_account_id")
            batch.drop_column("owner_account_id")
    op.drop_table("account")
