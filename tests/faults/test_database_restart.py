"""A PostgreSQL restart under reads and writes, on a private cluster (never the shared one)."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, func, make_url, select, text
from sqlalchemy.orm import sessionmaker

from matchmaker import migrations_state
from matchmaker.startups.models import Startup
from tests.conftest import bearer, mint_key_in
from tests.factories import incubator_body, startup_body
from tests.faults.server import Server, server_env
from tests.pgcluster import private_cluster

pytestmark = pytest.mark.faults

OUTAGE_SECONDS = 4.0


@dataclass
class Load:
    """Readers and a writer hammering one server; what they got, by phase."""

    http: httpx.Client
    stop: threading.Event = field(default_factory=threading.Event)
    phase: str = "before"
    answers: list[tuple[str, str, int, str | None, str]] = field(default_factory=list)
    created: list[int] = field(default_factory=list)
    writes: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, what: str, r: httpx.Response) -> None:
        error = r.json().get("error", "") if r.status_code >= 400 else ""
        with self.lock:
            self.answers.append(
                (self.phase, what, r.status_code, r.headers.get("Retry-After"), error)
            )

    def read(self, startup: int) -> None:
        while not self.stop.is_set():
            self.note("list", self.http.get("/v1/startups", params={"limit": 5}))
            self.note("matches", self.http.get(f"/v1/startups/{startup}/matches"))
            time.sleep(0.05)

    def write(self) -> None:
        """Create startups one by one; retry each with its Idempotency-Key until it lands."""
        while not self.stop.is_set():
            key, body = uuid.uuid4().hex, startup_body(domains=["robotics"])
            with self.lock:
                self.writes += 1
            while True:
                r = self.http.post("/v1/startups", json=body, headers={"Idempotency-Key": key})
                self.note("create", r)
                if r.status_code == 201:
                    with self.lock:
                        self.created.append(r.json()["id"])
                    break
                time.sleep(0.2)

    def successes_since(self, phase: str, what: str) -> int:
        with self.lock:
            return sum(1 for p, w, s, _, _ in self.answers if (p, w) == (phase, what) and s < 300)


def test_a_postgresql_restart_answers_503_and_recovers_without_a_server_restart(
    tmp_path: Path,
) -> None:
    with private_cluster() as cluster:
        admin_engine = create_engine(cluster.url, isolation_level="AUTOCOMMIT")
        with admin_engine.connect() as conn:
            conn.execute(text("CREATE DATABASE faults"))
        admin_engine.dispose()
        url = make_url(cluster.url).set(database="faults").render_as_string(hide_password=False)
        migrations_state.upgrade(url)
        # pre-ping: the restart ends this engine's pooled connection too
        engine = create_engine(url, pool_pre_ping=True)
        admin = bearer(mint_key_in(sessionmaker(engine), "admin"))
        server = Server(server_env(url, tmp_path / "data"), tmp_path / "server.log")
        http = httpx.Client(base_url=server.url, headers=admin, timeout=60)
        try:
            server.start()
            assert server.process is not None
            pid = server.process.pid
            assert http.post("/v1/incubators", json=incubator_body()).status_code == 201
            startup = http.post("/v1/startups", json=startup_body()).json()["id"]
            load = Load(http)
            threads = [
                threading.Thread(target=load.read, args=(startup,)),
                threading.Thread(target=load.write),
            ]
            for thread in threads:
                thread.start()
            try:
                time.sleep(2)
                load.phase = "outage"
                cluster.stop()
                stopped = time.monotonic()
                time.sleep(OUTAGE_SECONDS / 2)
                ready = httpx.get(server.url + "/readyz", timeout=30)
                time.sleep(OUTAGE_SECONDS / 2)
                cluster.start()
                load.phase = "after"
                restarted = time.monotonic()
                deadline = restarted + 60
                while not (
                    load.successes_since("after", "create")
                    and load.successes_since("after", "list")
                ):
                    assert time.monotonic() < deadline, "no recovery a minute after the restart"
                    time.sleep(0.1)
                recovered = time.monotonic() - restarted
                time.sleep(1)
            finally:
                load.stop.set()
                for thread in threads:
                    thread.join(timeout=120)
            readyz = httpx.get(server.url + "/readyz", timeout=30)
            assert server.process is not None
            assert server.process.pid == pid  # the same process throughout
            with engine.connect() as conn:
                rows = int(conn.scalar(select(func.count()).select_from(Startup)) or 0)
        finally:
            server.kill()
            http.close()
            engine.dispose()

    statuses = Counter((p, s) for p, _, s, _, _ in load.answers)
    print(f"outage {time.monotonic() - stopped:.1f}s; recovered {recovered:.2f}s after restart")
    print("answers by phase and status:", dict(statuses))
    # Only success or 503 at any time; every 503 says when to come back and what is wrong.
    assert {s for _, s in statuses} <= {200, 201, 503}, statuses
    unavailable = [a for a in load.answers if a[2] == 503]
    assert [a for a in unavailable if a[0] == "outage"], "the outage went unnoticed"
    assert all(retry is not None and int(retry) > 0 for _, _, _, retry, _ in unavailable)
    assert {error for *_, error in unavailable} == {"database_unavailable"}
    assert ready.status_code == 503
    assert "database" in json.dumps(ready.json())
    # Recovered in the same process: ready again, every write retried into exactly one row.
    assert readyz.status_code == 200, readyz.text
    assert rows == load.writes + 1 == len(set(load.created)) + 1
    assert readyz.json()["index"]["indexed"]["startup"] == rows
