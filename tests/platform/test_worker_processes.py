"""Two ``matchmaker worker`` processes on one PostgreSQL database, beside an API replica that
runs no workers: an import job runs once, and each webhook event is delivered once in all.

PostgreSQL only (a database of this test's own): on SQLite the workers live in the one API
process, as before.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from matchmaker.webhooks import signing
from tests.conftest import as_admin, bearer, mint_key, pg_database
from tests.imports.helpers import finished, upload
from tests.webhooks.helpers import subscribe
from tests.webhooks.receiver import receiver

ROWS = 60
PINGS = 5


@pytest.fixture
def pg_url() -> Iterator[str]:
    with pg_database() as url:
        yield url


@contextmanager
def worker_process(
    env: dict[str, str], log: Path, metrics_port: int
) -> Iterator[subprocess.Popen[bytes]]:
    command = [sys.executable, "-m", "matchmaker", "worker", "--metrics-port", str(metrics_port)]
    with log.open("wb") as out:
        proc = subprocess.Popen(command, env=env, stdout=out, stderr=out)
        try:
            yield proc
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(60)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def attempts(port: int) -> float:
    """The webhook attempts a worker says it made, from its /metrics."""
    text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=30).text
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "matchmaker_webhook_attempts_total"
    )


def log_lines(path: Path) -> list[dict[str, object]]:
    out = []
    for raw in path.read_text(errors="replace").splitlines():
        try:
            out.append(json.loads(raw))
        except ValueError:
            continue  # a library's own print, not one of our lines
    return out


def wait_started(logs: list[Path], procs: list[subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        for proc, path in zip(procs, logs, strict=True):
            assert proc.poll() is None, path.read_text(errors="replace")[-3000:]
        if all(any(line["message"] == "worker started" for line in log_lines(p)) for p in logs):
            return
        time.sleep(0.2)
    raise AssertionError("the workers did not start: " + logs[0].read_text()[-3000:])


def test_two_workers_run_an_import_once_and_deliver_each_event_once(
    pg_url: str, encoder: Encoder, tmp_path: Path
) -> None:
    uploads = tmp_path / "uploads"  # the folder API replicas and workers share
    api_settings = Settings(
        database_url=pg_url,
        data_dir=tmp_path / "api",
        upload_dir=uploads,
        workers_enabled=False,
        webhook_allow_private_urls=True,
    )
    env = {
        **os.environ,
        "MATCHMAKER_DATABASE_URL": pg_url,
        "MATCHMAKER_UPLOAD_DIR": str(uploads),
        "MATCHMAKER_WORKERS_ENABLED": "false",  # as on the API replicas: worker ignores it
        "MATCHMAKER_WEBHOOK_POLL_SECONDS": "0.1",
        "MATCHMAKER_WEBHOOK_ALLOW_PRIVATE_URLS": "true",
        "MATCHMAKER_IMPORT_CHUNK_ROWS": "5",
        "MATCHMAKER_LOG_FORMAT": "json",
    }
    logs = [tmp_path / "worker0.log", tmp_path / "worker1.log"]
    with ExitStack() as stack:
        hook = stack.enter_context(receiver())
        api = as_admin(stack.enter_context(TestClient(create_app(api_settings, encoder))))
        partner = bearer(mint_key(api, "partner"))
        webhook = subscribe(api, partner, hook.url, ["import.finished"])
        ports = [free_port(), free_port()]
        procs = [
            stack.enter_context(
                worker_process({**env, "MATCHMAKER_DATA_DIR": str(tmp_path / f"w{i}")}, log, port)
            )
            for i, (log, port) in enumerate(zip(logs, ports, strict=True))
        ]
        wait_started(logs, procs)

        lines = [f"r{i},Robotics {i},robotics,pilot,5,hebei" for i in range(ROWS)]
        csv = "external_id,name,domains,stage,trl,region\n" + "\n".join(lines) + "\n"
        r = upload(api, csv, "many.csv", source="crm", headers=partner)
        assert r.status_code == 202, r.text
        for _ in range(PINGS):
            assert api.post(f"/v1/webhooks/{webhook['id']}/ping", headers=partner).status_code
        job = finished(api, r.json()["id"], partner, timeout=300)
        hook.wait_for(lambda got: len(got) >= PINGS + 1, timeout=120)
        time.sleep(3)  # a second worker sending any event again would have done so by now
        deliveries = api.get(f"/v1/webhooks/{webhook['id']}/deliveries", headers=partner).json()
        sent = [attempts(port) for port in ports]

        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        assert [proc.wait(60) for proc in procs] == [0, 0]

    # The job ran in one worker: each row read and created once, one import.finished event.
    assert (job["status"], job["rows_read"], job["created"]) == ("finished", ROWS, ROWS)
    events = [request.headers[signing.EVENT_ID_HEADER] for request in hook.requests]
    assert len(events) == PINGS + 1 == len(set(events))
    kinds = sorted(request.headers[signing.EVENT_HEADER] for request in hook.requests)
    assert kinds == ["import.finished"] + ["ping"] * PINGS
    assert [d["attempts"] for d in deliveries["items"]] == [1] * (PINGS + 1)
    # What the workers' own /metrics count adds up to the same.
    assert sum(sent) == PINGS + 1
    # Both workers were up and working on the same database.
    for path in logs:
        assert any(line["message"] == "worker stopped" for line in log_lines(path))
