"""Alembic environment: the URL comes from the caller's config or MATCHMAKER_ settings."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from matchmaker.config import Settings
from matchmaker.tables import metadata

config = context.config
url = config.get_main_option("sqlalchemy.url") or Settings().resolved_database_url()


def run_offline() -> None:
    context.configure(
        url=url,
        target_metadata=metadata,
        literal_binds=True,
        render_as_batch=url.startswith("sqlite"),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connectable = engine_from_config(
        {"sqlalchemy.url": url}, prefix="sqlalchemy.", poolclass=pool.NullPool
    )
    with connectable.connect() as connection:
        # Batch mode lets ALTERs work on SQLite, which cannot alter most constraints in place.
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
