"""A real server for tests that need one: uvicorn in a thread on a free loopback port."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from matchmaker.access import service as access
from matchmaker.access.models import Role


@contextmanager
def serve(app: FastAPI, start_timeout: float = 120) -> Iterator[str]:
    """Serve ``app`` (lifespan included) on 127.0.0.1, port chosen by the OS; yield its URL."""
    # ws="none": no route uses websockets, and their libraries' deprecation warnings would be
    # errors under filterwarnings=error.
    config = uvicorn.Config(
        app, host="127.0.0.1", port=0, log_level="warning", ws="none", http="h11", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the test server did not start", pytrace=False)
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=60)


@contextmanager
def client_of(app: FastAPI, role: str) -> Iterator[httpx.Client]:
    """An HTTP client of ``app`` served live, sending a new key of ``role``."""
    with serve(app) as url:
        with app.state.sessions() as session, session.begin():
            issued = access.create_key(session, Role(role), f"live {role}", (), (), None)
        headers = {"Authorization": f"Bearer {issued.plaintext}"}
        with httpx.Client(base_url=url, headers=headers, timeout=120) as client:
            yield client


def run_shell(script: str) -> str:
    """A document's shell block, run as a reader would paste it (stopping at the first
    failing command); its output."""
    done = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout
