"""OpenMP threads sleep, not spin, between parallel regions unless the operator says
otherwise (matchmaker/__init__.py): spinning threads took the CPU that requests needed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

SHOW = "import matchmaker, os; print(os.environ['OMP_WAIT_POLICY'])"


@pytest.mark.parametrize(("given", "expected"), [(None, "PASSIVE"), ("ACTIVE", "ACTIVE")])
def test_importing_matchmaker_sets_passive_waiting_unless_set(
    given: str | None, expected: str
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    if given is not None:
        env["OMP_WAIT_POLICY"] = given
    shown = subprocess.run(
        [sys.executable, "-c", SHOW], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert shown == expected
