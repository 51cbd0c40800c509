"""kill -9 of `matchmaker import` at a random point, then the same command again."""

from __future__ import annotations

import csv
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.imports.models import ExternalRef, ImportJob
from matchmaker.matching.encoder import Encoder
from matchmaker.startups.models import Startup
from tests.faults.server import server_env
from tests.matching.helpers import assert_index_is_database

pytestmark = pytest.mark.faults

ROWS = 120
CHUNK = 10  # rows per import transaction: twelve commits, so a kill lands between two
DOMAINS = ["robotics", "quantum", "new_materials", "aerospace", "biomedicine", "ai"]


def _write(path: Path) -> Path:
    with open(path, "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["external_id", "name", "domains", "stage", "trl", "region"])
        for i in range(ROWS):
            domain = DOMAINS[i % len(DOMAINS)]
            name = f"Fault {domain.replace('_', ' ').title()} Works {i}"
            out.writerow([f"f{i}", name, domain, "pilot", 3 + i % 5, "beijing"])
    return path


def _import(path: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    args = ["import", str(path), "--kind", "startups", "--source", "faults", "--no-progress"]
    return subprocess.Popen(
        [sys.executable, "-m", "matchmaker", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def test_kill_9_during_an_import_then_resume_loses_and_duplicates_nothing(
    settings: Settings, encoder: Encoder, tmp_path: Path
) -> None:
    path = _write(tmp_path / "startups.csv")
    env = server_env(settings.database_url, settings.data_dir, import_chunk_rows=CHUNK)
    rng = random.Random()
    # Kill once this many rows are committed, then a random fraction of a chunk later; in the
    # first half, so that on a fast machine the rest (~35 rows/s) is still running by then.
    kill_after, extra = rng.randrange(1, ROWS // 2), rng.uniform(0, 0.3)
    print(f"kill after {kill_after} committed rows + {extra:.2f}s")
    engine = create_engine(settings.database_url)
    count = select(func.count()).select_from(Startup)
    try:
        t0 = time.monotonic()
        process = _import(path, env)
        committed = 0
        deadline = time.monotonic() + 300
        while committed < kill_after:
            if process.poll() is not None:
                pytest.fail(f"the import ended before the kill: {process.communicate()[0]!r}")
            assert time.monotonic() < deadline, "the import made no progress"
            time.sleep(0.05)
            with engine.connect() as conn:
                committed = int(conn.scalar(count) or 0)
        time.sleep(extra)
        os.kill(process.pid, signal.SIGKILL)
        process.communicate(timeout=30)
        with engine.connect() as conn:
            at_kill = int(conn.scalar(count) or 0)
        print(f"killed with {at_kill} of {ROWS} rows committed, {time.monotonic() - t0:.1f}s in")
        assert 0 < at_kill < ROWS, "the kill did not land inside the import"

        resumed = _import(path, env)
        output = resumed.communicate(timeout=300)[0].decode()
        assert resumed.returncode == 0, output
        print(f"resumed: {output.strip()} ({time.monotonic() - t0:.1f}s in)")
        assert f"{ROWS} rows" in output, output
        assert "0 failed" in output, output

        with engine.connect() as conn:
            startups = conn.execute(select(Startup.id, Startup.name)).all()
            refs = conn.execute(
                select(ExternalRef.external_id, ExternalRef.profile_id).where(
                    ExternalRef.source == "faults"
                )
            ).all()
            jobs = conn.execute(select(ImportJob.status)).scalars().all()
    finally:
        engine.dispose()
    assert len(startups) == ROWS  # nothing duplicated ...
    assert {ext for ext, _ in refs} == {f"f{i}" for i in range(ROWS)}  # ... nothing lost
    assert sorted(pid for _, pid in refs) == sorted(sid for sid, _ in startups)
    assert jobs == ["finished"]  # the second run went on with the first run's job
    # A server started now holds exactly the database's vectors.
    with TestClient(create_app(settings, encoder)) as client:
        assert_index_is_database(client, "startup")
        assert len(client.app.state.runtime.store.indexes["startup"]) == ROWS  # type: ignore[attr-defined]
