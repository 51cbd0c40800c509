"""Owners of Idempotency-Key claims: a request still running, and a process killed with -9."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from matchmaker.platform import leases


@pytest.fixture
def live_owner() -> Iterator[str]:
    """The owner of a request still running in this process."""
    with leases.Lease() as lease:
        yield lease.owner


@pytest.fixture
def other_process() -> Iterator[subprocess.Popen[bytes]]:
    """Another process on this machine, running until the test kills it."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
    try:
        yield process
    finally:
        process.kill()
        process.wait()
