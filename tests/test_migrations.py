"""Migrations: upgrade, downgrade to base and upgrade again, on each backend, in a database of
their own; and the schema they build is the one the models describe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine

from matchmaker import migrations_state
from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.kinds import ALL_KINDS
from matchmaker.matching.encoder import Encoder
from matchmaker.tables import metadata
from tests.conftest import BACKENDS, _create_pg_database, _drop_pg_database, as_admin
from tests.factories import BODIES


@pytest.fixture(params=BACKENDS)
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with nothing in it, thrown away after the test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrations.db'}"
        return
    name, url = _create_pg_database()
    try:
        yield url
    finally:
        _drop_pg_database(name)


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def _revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _head() -> str | None:
    return ScriptDirectory.from_config(migrations_state.alembic_config("")).get_current_head()


def test_upgrade_downgrade_to_base_and_upgrade_again(empty_database_url: str) -> None:
    url = empty_database_url
    engine = create_engine(url)
    try:
        migrations_state.upgrade(url)
        assert _revision(engine) == _head()
        assert {t.name for t in metadata.sorted_tables} <= _tables(engine)

        migrations_state.downgrade(url, "base")
        assert _revision(engine) is None
        assert _tables(engine) <= {"alembic_version"}

        migrations_state.upgrade(url)
        assert _revision(engine) == _head()
        assert {t.name for t in metadata.sorted_tables} <= _tables(engine)
    finally:
        engine.dispose()


def test_every_revision_steps_down_and_up_one_at_a_time(empty_database_url: str) -> None:
    url = empty_database_url
    script = ScriptDirectory.from_config(migrations_state.alembic_config(url))
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    engine = create_engine(url)
    try:
        for revision in revisions:
            migrations_state.upgrade(url, revision)
            assert _revision(engine) == revision
        for revision in reversed(revisions[:-1]):
            migrations_state.downgrade(url, "-1")
            assert _revision(engine) == revision
        migrations_state.downgrade(url, "-1")
        assert _revision(engine) is None
    finally:
        engine.dispose()


def test_report_indexes_are_built_concurrently_on_postgresql(empty_database_url: str) -> None:
    """0015 indexes the exposure log, which every served list writes to: on PostgreSQL a
    plain CREATE INDEX would hold those writes off for the whole build."""
    url = empty_database_url
    migrations_state.upgrade(url, "0014")
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if " INDEX " in statement.upper():
            statements.append(" ".join(statement.upper().split()))

    event.listen(Engine, "before_cursor_execute", seen)
    try:
        migrations_state.upgrade(url, "0015")
        migrations_state.downgrade(url, "0014")
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
    assert len(statements) == 8, statements  # 3 built and 1 dropped, then undone
    concurrent = [s for s in statements if "CONCURRENTLY" in s]
    postgresql = url.startswith("postgresql")
    assert concurrent == (statements if postgresql else [])


def test_migrations_build_the_schema_the_models_describe(empty_database_url: str) -> None:
    """Autogenerate against a migrated database finds nothing to do: no drift."""
    migrations_state.upgrade(empty_database_url)
    engine = create_engine(empty_database_url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_the_api_works_on_a_database_migrated_down_and_up_again(
    empty_database_url: str, tmp_path: Path, encoder: Encoder
) -> None:
    migrations_state.upgrade(empty_database_url)
    migrations_state.downgrade(empty_database_url, "base")
    migrations_state.upgrade(empty_database_url)
    settings = Settings(database_url=empty_database_url, data_dir=tmp_path / "data")
    with TestClient(create_app(settings, encoder)) as client:
        as_admin(client)
        for kind in ALL_KINDS:
            created = client.post(f"/v1/{kind.plural}", json=BODIES[kind.plural]())
            assert created.status_code == 201, created.text
            assert client.get(f"/v1/{kind.plural}").json()["items"] == [created.json()]
