"""Run Alembic from code and tell whether a database is at head."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(database_url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return cfg


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str) -> None:
    command.downgrade(alembic_config(database_url), revision)


@dataclass(frozen=True)
class SchemaState:
    ready: bool
    current: str | None
    head: str | None
    error: str | None = None

    def as_dict(self) -> dict[str, str | bool | None]:
        return {
            "ready": self.ready,
            "current": self.current,
            "head": self.head,
            "error": self.error,
        }


def check(engine: Engine) -> SchemaState:
    head = ScriptDirectory.from_config(
        alembic_config(engine.url.render_as_string(hide_password=False))
    ).get_current_head()
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
    except SQLAlchemyError as exc:
        return SchemaState(False, None, head, f"database unreachable: {type(exc).__name__}")
    if current != head:
        return SchemaState(False, current, head, "schema is not at head: run `matchmaker migrate`")
    return SchemaState(True, current, head)
