"""`matchmaker serve` as a real subprocess: started on a free port, waited for, killed -9.

Fault tests need a process they can kill without warning; the in-thread server of
tests/live.py dies with the test process, so it cannot show what a restart finds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.pgcluster import free_port

# Cold start loads the model: ~10 s on two free cores, over 2 minutes on a loaded machine.
START_TIMEOUT = 600.0


def server_env(database_url: str, data_dir: Path, **settings: object) -> dict[str, str]:
    """The environment of a server on this database and data dir, plus MATCHMAKER_ settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MATCHMAKER_")}
    env |= {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    env["MATCHMAKER_DATABASE_URL"] = database_url
    env["MATCHMAKER_DATA_DIR"] = str(data_dir)
    env |= {f"MATCHMAKER_{k.upper()}": str(v) for k, v in settings.items()}
    return env


@dataclass
class Server:
    """One `matchmaker serve` process; its output goes to ``log``."""

    env: Mapping[str, str]
    log: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, ready: str = "/readyz", timeout: float = START_TIMEOUT) -> float:
        """Start on ``self.port``; wait until ``ready`` answers 200; returns seconds taken."""
        assert self.process is None, "already running"
        self.starts += 1
        with open(self.log, "ab") as out:
            out.write(f"\n--- start {self.starts} ---\n".encode())
            out.flush()
            self.process = subprocess.Popen(
                [sys.executable, "-m", "matchmaker", "serve", "--port", str(self.port)],
                env=dict(self.env),
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.process.poll() is not None:
                self.process = None
                pytest.fail(f"the server exited on start:\n{self.output()}", pytrace=False)
            try:
                if httpx.get(self.url + ready, timeout=2).status_code == 200:
                    return time.monotonic() - started
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.kill()
        pytest.fail(f"the server did not answer {ready} in {timeout}s:\n{self.output()}")

    def kill(self) -> None:
        """SIGKILL: no lifespan shutdown, no snapshot, no flush of anything."""
        if self.process is None:
            return
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process = None

    def stop(self) -> None:
        """SIGTERM, as a service manager stops it: the lifespan ends and snapshots are saved."""
        if self.process is None:
            return
        self.process.terminate()
        self.process.wait(timeout=120)
        self.process = None

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-6000:]


@contextmanager
def running(env: Mapping[str, str], log: Path) -> Iterator[Server]:
    """A started server, killed when the block ends (whatever happened in it)."""
    server = Server(env, log)
    server.start()
    try:
        yield server
    finally:
        server.kill()
