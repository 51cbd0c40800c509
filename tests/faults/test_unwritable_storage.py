"""The SQLite data dir becomes unwritable under a running server, then writable again.

Tests run as root, which file modes do not stop, so the files are made immutable
(``chattr +i``): every write to them fails, root's included, as on a read-only or failing
disk. The ``-shm`` file is left alone: SQLite maps it into memory, and a write through the
mapping of an immutable file is answered with SIGBUS, which kills the process (that is the
kernel's answer to shared memory it cannot back, not a storage refusing a write).
"""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import sessionmaker

from matchmaker import migrations_state
from matchmaker.config import Settings
from matchmaker.startups.models import Startup
from tests.conftest import bearer, mint_key_in
from tests.factories import startup_body
from tests.faults.server import Server, server_env

pytestmark = pytest.mark.faults


@contextmanager
def immutable(paths: list[Path]) -> Iterator[None]:
    """``chattr +i`` on ``paths`` for the block; always undone, or the test's tmp dir stays."""
    subprocess.run(["chattr", "+i", *map(str, paths)], check=True)
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *map(str, paths)], check=True)


def test_unwritable_storage_answers_503_and_recovers_without_a_restart(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")  # SQLite in the data dir, as `make run`
    settings.data_dir.mkdir()
    url = settings.resolved_database_url()
    migrations_state.upgrade(url)
    engine = create_engine(url)
    admin = bearer(mint_key_in(sessionmaker(engine), "admin"))
    server = Server(server_env(url, settings.data_dir), tmp_path / "server.log")
    http = httpx.Client(headers=admin, timeout=60)
    try:
        server.start()
        assert server.process is not None
        pid = server.process.pid
        create = server.url + "/v1/startups"
        assert http.post(create, json=startup_body()).status_code == 201
        locked = [settings.data_dir, *settings.data_dir.rglob("*")]
        locked = [p for p in locked if not p.name.endswith("-shm")]
        print("immutable:", ", ".join(p.name for p in locked))
        key, body = uuid.uuid4().hex, startup_body()
        with immutable(locked):
            refused = http.post(create, json=body, headers={"Idempotency-Key": key})
            again = http.post(create, json=startup_body())
            ready_while = http.get(server.url + "/readyz")
            read_while = http.get(create)
        print(f"while unwritable: create {refused.status_code} {refused.text}")
        print(f"readyz {ready_while.status_code} {ready_while.text}")
        print(f"list {read_while.status_code}")
        # Writable again: the same process takes writes, the refused one included (a client
        # retries a 503; count how many tries recovery takes).
        tries = 0
        while tries < 20:
            tries += 1
            retried = http.post(create, json=body, headers={"Idempotency-Key": key})
            if retried.status_code != 503:
                break
            time.sleep(0.5)
        print(f"writable again: {retried.status_code} after {tries} tries")
        ready_after = http.get(server.url + "/readyz")
        assert server.process is not None
        assert server.process.pid == pid  # never restarted
        with engine.connect() as conn:
            rows = int(conn.scalar(select(func.count()).select_from(Startup)) or 0)
    finally:
        server.kill()
        http.close()
        engine.dispose()
    for answer in (refused, again):
        assert answer.status_code == 503, answer.text
        assert answer.json()["error"] == "storage_unwritable"
        assert int(answer.headers["Retry-After"]) > 0
    assert ready_while.status_code == 503
    assert "storage" in ready_while.text
    assert retried.status_code == 201, retried.text
    assert ready_after.status_code == 200, ready_after.text
    assert rows == 2  # the first create and the retried one; nothing of the refused ones
