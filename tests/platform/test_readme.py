"""The README's "Integrate in 10 minutes" example, run as written against a live server
through the official client."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from matchmaker.access import service as access
from matchmaker.access.models import Role
from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from tests.factories import incubator_body
from tests.live import serve

README = Path(__file__).resolve().parents[2] / "README.md"
SECTION = "## Integrate in 10 minutes"


def example() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index(SECTION) :]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "the section has a python code block"
    return match.group(1)


@pytest.fixture
def live(settings: Settings, encoder: Encoder) -> Iterator[tuple[str, object]]:
    """The app served by uvicorn on 127.0.0.1 and a free port, in a thread."""
    local = settings.model_copy(
        update={"webhook_allow_private_urls": True, "webhook_poll_seconds": 0.1}
    )
    app = create_app(local, encoder)
    with serve(app) as url:
        yield url, app


def _key(app: object, role: Role) -> str:
    with app.state.sessions() as session, session.begin():  # type: ignore[attr-defined]
        return access.create_key(session, role, f"readme {role.value}").plaintext


def test_the_integration_example_runs_as_written(live: tuple[str, object]) -> None:
    url, app = live
    admin = {"Authorization": f"Bearer {_key(app, Role.admin)}"}
    for body in (
        incubator_body(name="Quantum Foundry", domains=["quantum", "medical_devices"]),
        incubator_body(name="Weld Works", domains=["ai", "intelligent_manufacturing"]),
    ):
        httpx.post(f"{url}/v1/incubators", json=body, headers=admin, timeout=120).raise_for_status()
    env = {
        "PATH": os.environ.get("PATH", ""),
        # the official client as committed (tests/platform/test_client.py keeps it current)
        "PYTHONPATH": str(README.parent / "clients" / "python"),
        "MATCHMAKER_URL": url,
        "MATCHMAKER_KEY": _key(app, Role.partner),
    }
    done = subprocess.run(
        [sys.executable, "-c", example()],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "ping received: evt_" in out
    assert "Qubit Sense -> Quantum Foundry" in out
    assert "Weld Vision -> Weld Works" in out
    assert "import: finished 1 created, 1 failed" in out
    assert "row 2: trl:" in out
