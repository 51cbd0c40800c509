"""The Docker image builds and serves: scripts/docker_smoke.sh with a Docker engine of its own
(Debian's docker.io, a debootstrapped base; see the script), /readyz and a match."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_image_builds_starts_and_answers_readyz_and_a_match() -> None:
    missing = [tool for tool in ("dockerd", "debootstrap") if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} not installed: make deploy-tools", pytrace=False)
    run = subprocess.run(
        ["bash", str(ROOT / "scripts" / "docker_smoke.sh")],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    out = run.stdout + run.stderr
    assert run.returncode == 0, out[-6000:]
    ready = next(line for line in out.splitlines() if line.startswith("readyz: "))
    body = json.loads(ready.removeprefix("readyz: "))
    assert body["ready"] is True
    assert body["index"]["indexed"]["incubator"] > 0
    assert any(
        line.startswith("matches: ") and int(line.split()[1]) > 0 for line in out.splitlines()
    )
    assert "smoke test passed" in out
    # The daemon was stopped by the script: nothing of it is left mounted.
    mounts = Path("/proc/mounts").read_text()
    assert "/tmp/mm-docker." not in mounts
