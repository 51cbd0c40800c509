"""SQLite storage made read-only under a running server: 503 and /readyz saying so, then
writes work again as soon as the storage does, without a restart.

Root writes through permission bits, so the server runs as root without the capabilities
that let it (``setpriv --bounding-set``): to it, ``chmod a-w`` means what it means to any
other owner.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from matchmaker import migrations_state
from matchmaker.access import service as access
from matchmaker.access.models import Role
from matchmaker.config import Settings
from matchmaker.db import make_engine, make_sessionmaker
from tests.factories import startup_body
from tests.pgcluster import free_port

BURST = 12


def _chmod_tree(root: Path, writable: bool) -> None:
    for path in [root, *root.rglob("*")]:
        if path.is_dir():
            path.chmod(0o755 if writable else 0o555)
        else:
            path.chmod(0o644 if writable else 0o444)


@contextmanager
def _server(data: Path) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "MATCHMAKER_DATA_DIR": str(data), "HF_HUB_OFFLINE": "1"}
    command = [sys.executable, "-m", "matchmaker", "serve", "--port", str(port)]
    no_override = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
    process = subprocess.Popen([*no_override, *command], env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            assert process.poll() is None, "the server exited"
            assert time.monotonic() < deadline, "the server did not start"
            try:
                if httpx.get(f"{url}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.5)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _burst(client: httpx.Client, names: list[str]) -> list[httpx.Response]:
    with ThreadPoolExecutor(len(names)) as pool:
        return list(
            pool.map(lambda n: client.post("/v1/startups", json=startup_body(name=n)), names)
        )


@pytest.fixture
def data_dir() -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="mm-storage-"))
    try:
        yield root / "data"
    finally:
        _chmod_tree(root, writable=True)
        shutil.rmtree(root)


def test_unwritable_storage_answers_503_and_recovers_without_a_restart(data_dir: Path) -> None:
    data_dir.mkdir()
    url = Settings(data_dir=data_dir).resolved_database_url()
    migrations_state.upgrade(url)
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session, session.begin():
        admin = access.create_key(session, Role("admin"), "storage", (), (), None)
    engine.dispose()

    created: set[str] = set()
    with (
        _server(data_dir) as base,
        httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {admin.plaintext}"}, timeout=120
        ) as client,
    ):
        assert client.get("/readyz").status_code == 200
        assert client.post("/v1/startups", json=startup_body(name="Before")).status_code == 201
        created.add("Before")

        _chmod_tree(data_dir, writable=False)
        ready = client.get("/readyz")
        assert ready.status_code == 503, ready.text
        assert "storage" in ready.json()["down"]
        refused = 0
        for round_ in range(3):
            names = [f"During {round_}-{i}" for i in range(BURST)]
            for name, response in zip(names, _burst(client, names), strict=True):
                if response.status_code == 201:
                    created.add(name)  # through a connection opened before: nothing lost
                    continue
                assert response.status_code == 503, response.text
                assert response.json()["error"] == "storage_unwritable"
                assert int(response.headers["Retry-After"]) > 0
                refused += 1
        assert refused > 0

        _chmod_tree(data_dir, writable=True)
        assert client.get("/readyz").status_code == 200
        for i in range(3):
            response = client.post("/v1/startups", json=startup_body(name=f"After {i}"))
            assert response.status_code == 201, response.text
            created.add(f"After {i}")
        names = [f"After burst {i}" for i in range(BURST)]
        for name, response in zip(names, _burst(client, names), strict=True):
            assert response.status_code == 201, response.text
            created.add(name)
        listed = client.get("/v1/startups", params={"limit": 100}).json()["items"]
        assert {s["name"] for s in listed} == created
