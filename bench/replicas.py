"""Several `matchmaker serve` replicas on one database behind HAProxy, on loopback ports.

Used by the multi-replica test (tests/deploy/test_replicas.py) and bench/feed_lag.py. The
HAProxy configuration is deploy/haproxy.cfg's, with the replicas' loopback ports in place of
Docker's DNS.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

START_TIMEOUT = 600.0  # a cold start loads the model: minutes on a loaded two-core machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def replica_env(database_url: str, data_dir: Path, **settings: object) -> dict[str, str]:
    """The environment of a replica: this database, its own index folder, these settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MATCHMAKER_")}
    env |= {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    env["MATCHMAKER_DATABASE_URL"] = database_url
    env["MATCHMAKER_DATA_DIR"] = str(data_dir)
    env |= {f"MATCHMAKER_{k.upper()}": str(v) for k, v in settings.items()}
    return env


@dataclass
class Replica:
    env: Mapping[str, str]
    log: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "matchmaker", "serve", "--port", str(self.port)],
                env=dict(self.env),
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                raise RuntimeError(f"replica exited on start:\n{self.output()}")
            try:
                if httpx.get(self.url + "/readyz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"replica not ready in {timeout}s:\n{self.output()}")

    def kill(self) -> None:
        """SIGKILL: no shutdown, no snapshot."""
        if self.process is not None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(30)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)
            self.process = None

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


def start_all(replicas: list[Replica]) -> None:
    """Start every replica at once and wait until each is ready."""
    for r in replicas:
        r.start()
    errors: list[BaseException] = []

    def wait(r: Replica) -> None:
        try:
            r.wait_ready()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            errors.append(exc)

    threads = [threading.Thread(target=wait, args=(r,)) for r in replicas]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


def haproxy_config(port: int, backends: list[int]) -> str:
    """deploy/haproxy.cfg's front and back ends, on loopback; quick checks so a killed
    replica leaves the rotation within a second, and retries that send a refused
    connection to another replica meanwhile."""
    servers = "\n".join(
        f"    server api{i} 127.0.0.1:{p} check inter 500ms fall 1 rise 2"
        for i, p in enumerate(backends)
    )
    return f"""global
    maxconn 4096

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response

frontend public
    bind 127.0.0.1:{port}
    http-request deny deny_status 404 if {{ path /metrics }}
    default_backend api

backend api
    balance leastconn
    option httpchk GET /readyz
    http-check expect status 200
{servers}
"""


@contextmanager
def haproxy(backends: list[int], workdir: Path) -> Iterator[str]:
    """HAProxy in front of ``backends`` (ports); yields its URL once it answers."""
    binary = shutil.which("haproxy") or "/usr/sbin/haproxy"
    port = free_port()
    config = workdir / "haproxy.cfg"
    config.write_text(haproxy_config(port, backends))
    log = workdir / "haproxy.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([binary, "-db", "-f", str(config)], stdout=out, stderr=out)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("haproxy did not start: " + log.read_text(errors="replace"))
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
