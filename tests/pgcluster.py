"""A throwaway PostgreSQL cluster a test may stop and start (never the shared one)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrivateCluster:
    """initdb'd into a temporary directory, run by the ``postgres`` user on its own port."""

    def __init__(self, root: Path) -> None:
        if not _BIN_DIRS:
            pytest.fail("PostgreSQL server binaries not found under /usr/lib/postgresql")
        self.bin = _BIN_DIRS[-1]
        self.data = root / "data"
        self.port = free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        self._pg("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")

    def _pg(self, tool: str, *args: str) -> None:
        # initdb and pg_ctl refuse to run as root: run them as the postgres user.
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(self.bin / tool), *args],
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.data / "server.log")
        self._pg("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")


@contextmanager
def private_cluster() -> Iterator[PrivateCluster]:
    """A started cluster, stopped and deleted afterwards."""
    root = Path(tempfile.mkdtemp(prefix="mm-pg-"))  # not under pytest's root-only tmp dirs
    shutil.chown(root, "postgres", "postgres")
    cluster = PrivateCluster(root)
    cluster.start()
    try:
        yield cluster
    finally:
        subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                str(cluster.bin / "pg_ctl"),
                "-D",
                str(cluster.data),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(root, ignore_errors=True)
