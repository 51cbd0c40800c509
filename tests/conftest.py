"""Fixtures: every database test runs once on SQLite and once on PostgreSQL.

The schema is built by ``alembic upgrade head`` (never ``create_all``); each test gets an
app of its own over emptied tables. PostgreSQL comes from ``MATCHMAKER_TEST_POSTGRES_URL``
(the Makefile sets it); each test session creates and drops a database of its own there, so
parallel runs do not see each other.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import Phase
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from matchmaker import migrations_state
from matchmaker.access import service as access
from matchmaker.access.models import Role
from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder, SentenceTransformerEncoder
from matchmaker.tables import metadata

# scripts/mutation.py runs the fast tests once per mutant, with --hypothesis-profile=mutation:
# a failing property stops at its first counterexample (shrinking it and explaining it take
# a minute, which the harness would count as a timeout), no example database carries
# counterexamples from one mutant to the next, and the camp allocation's properties try 20
# examples instead of 60 (tests/camps/instances.fast). `make test` uses the default profile.
hypothesis_settings.register_profile(
    "mutation",
    max_examples=20,
    database=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
)

PG_URL = os.environ.get("MATCHMAKER_TEST_POSTGRES_URL", "")
BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


def _create_pg_database() -> tuple[str, str]:
    admin_url = make_url(PG_URL)
    name = f"mm_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001 - turned into a clear failure below
        pytest.fail(
            f"PostgreSQL at {admin_url.render_as_string()} is not reachable ({exc}). Start it "
            "(pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set "
            "MATCHMAKER_TEST_POSTGRES_URL= to test on SQLite only.",
            pytrace=False,
        )
    finally:
        admin.dispose()
    return name, admin_url.set(database=name).render_as_string(hide_password=False)


def _drop_pg_database(name: str) -> None:
    admin = create_engine(make_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A migrated, empty database of each backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'test.db'}"
        migrations_state.upgrade(url)
        yield url
        return
    with pg_database() as url:
        yield url


@contextmanager
def pg_database() -> Iterator[str]:
    """A migrated PostgreSQL database of its own, dropped afterwards."""
    name, url = _create_pg_database()
    try:
        migrations_state.upgrade(url)
        yield url
    finally:
        _drop_pg_database(name)


@pytest.fixture(scope="session")
def db_engine(database_url: str) -> Iterator[Engine]:
    engine = create_engine(database_url)
    yield engine
    engine.dispose()


def _empty_tables(engine: Engine) -> None:
    # DELETE, children first, then ids from 1 again: TRUNCATE of every table took 0.25 s on
    # PostgreSQL, twice per test, where a test leaves a few rows to delete.
    tables = [t.name for t in reversed(metadata.sorted_tables)]
    with engine.begin() as conn:
        for table in tables:
            conn.execute(text(f"DELETE FROM {table}"))
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT setval(oid, 1, false) FROM pg_class WHERE relkind = 'S'"))
        elif conn.scalar(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")):
            # AUTOINCREMENT tables (the change feed) keep their counter here, not in the table.
            conn.execute(text("DELETE FROM sqlite_sequence"))


@pytest.fixture
def settings(database_url: str, db_engine: Engine, tmp_path: Path) -> Iterator[Settings]:
    """Settings for one test over emptied tables; the tables are emptied again after it."""
    _empty_tables(db_engine)
    yield Settings(database_url=database_url, data_dir=tmp_path / "data")
    _empty_tables(db_engine)


@pytest.fixture(scope="session")
def encoder() -> Encoder:
    """The real default model, loaded once per test session."""
    return SentenceTransformerEncoder()


def mint_key(
    client: TestClient,
    role: str,
    *,
    incubator_ids: Iterable[int] = (),
    partner_ids: Iterable[int] = (),
    expires_in_days: int | None = None,
) -> str:
    """A new account of ``role`` and its key, made in the test database as the CLI does."""
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    return mint_key_in(sessions, role, incubator_ids, partner_ids, expires_in_days)


def mint_key_in(
    sessions: sessionmaker[Session],
    role: str,
    incubator_ids: Iterable[int] = (),
    partner_ids: Iterable[int] = (),
    expires_in_days: int | None = None,
) -> str:
    """``mint_key`` for a database no app of this process has open (a server subprocess's)."""
    with sessions() as session, session.begin():
        issued = access.create_key(
            session, Role(role), f"test {role}", incubator_ids, partner_ids, expires_in_days
        )
    return issued.plaintext


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def as_admin(client: TestClient) -> TestClient:
    """Make a started client send a new admin key (for tests that build their own app)."""
    client.headers.update(bearer(mint_key(client, "admin")))
    return client


@contextmanager
def app_process(
    settings: Settings, encoder: Encoder, name: str | None = None, **changes: Any
) -> Iterator[TestClient]:
    """Another process's app on the same database, sending an admin key: its own data folder
    ``name`` beside the test's (or the test's own when None), ``changes`` to its settings."""
    if name is not None:
        changes["data_dir"] = settings.data_dir.parent / name
    with TestClient(create_app(settings.model_copy(update=changes), encoder)) as other:
        yield as_admin(other)


@pytest.fixture
def client(settings: Settings, encoder: Encoder) -> Iterator[TestClient]:
    """A client of a fresh app that sends an admin key (so it may do anything)."""
    with TestClient(create_app(settings, encoder)) as test_client:
        yield as_admin(test_client)


KeyFactory = Callable[..., dict[str, str]]


@pytest.fixture
def auth(client: TestClient) -> KeyFactory:
    """``auth("manager", incubator_ids=[3])``: headers with a new key of that role."""

    def make(role: str, **scope: Any) -> dict[str, str]:
        return bearer(mint_key(client, role, **scope))

    return make


@pytest.fixture
def anonymous(client: TestClient) -> TestClient:
    """A client of the same running app that sends no key."""
    return TestClient(client.app)
