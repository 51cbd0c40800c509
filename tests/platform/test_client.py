"""The official client: committed up to date with the schema, and a partner journey through it.

The journey generates the client from the live app's schema, installs it (no dependencies:
httpx and attrs come from this environment) into a throwaway directory, and runs
tests/platform/journey.py in a fresh interpreter against a live server, on each database.
"""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from matchmaker.access import service as access
from matchmaker.access.models import Role
from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from scripts.openapi import document, dumps
from tests.live import serve

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "clients" / "python"
GENERATOR = Path(sys.executable).with_name("openapi-python-client")


def generate(schema_file: Path, out: Path) -> str:
    """Run the pinned generator as ``make client`` does; its output (warnings included)."""
    done = subprocess.run(
        [
            str(GENERATOR),
            "generate",
            "--path",
            str(schema_file),
            "--config",
            str(CLIENT / "openapi-python-client.yaml"),
            "--meta",
            "none",
            "--output-path",
            str(out),
            "--overwrite",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def _differences(cmp: filecmp.dircmp[str]) -> list[str]:
    found = [*cmp.left_only, *cmp.right_only, *cmp.diff_files]
    for sub in cmp.subdirs.values():
        found += _differences(sub)
    return [f for f in found if f != "__pycache__"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The client generated from the app's schema now, and what the generator printed."""
    folder = tmp_path_factory.mktemp("client")
    schema_file = folder / "openapi.json"
    schema_file.write_text(dumps(document()), encoding="utf-8")
    out = folder / "matchmaker_client"
    return out, generate(schema_file, out)


def test_the_generator_prints_no_warning(generated: tuple[Path, str]) -> None:
    _, output = generated
    assert "warning" not in output.lower(), output
    assert "error" not in output.lower(), output


def test_the_committed_client_is_generated_from_the_current_schema(
    generated: tuple[Path, str],
) -> None:
    committed = json.loads((CLIENT / "openapi.json").read_text(encoding="utf-8"))
    assert committed == document(), "clients/python/openapi.json is stale: run `make client`"
    out, _ = generated
    stale = _differences(filecmp.dircmp(out, CLIENT / "matchmaker_client"))
    assert not stale, f"clients/python is stale ({stale[:5]}): run `make client`"


@pytest.fixture(scope="module")
def installed(generated: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated client installed with pip into a throwaway directory, no downloads."""
    out, _ = generated
    project = out.parent
    for name in ("pyproject.toml", "README.md"):
        (project / name).write_bytes((CLIENT / name).read_bytes())
    target = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(project),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return target


@pytest.fixture
def live(settings: Settings, encoder: Encoder) -> Iterator[tuple[str, FastAPI]]:
    local = settings.model_copy(
        # A small burst, so the journey's founder key (admin keys are exempt) meets the limit.
        update={
            "webhook_allow_private_urls": True,
            "webhook_poll_seconds": 0.1,
            "rate_limit_per_minute": 60,
            "rate_limit_burst": 5,
        }
    )
    app = create_app(local, encoder)
    with serve(app) as url:
        yield url, app


def _key(app: FastAPI, role: Role, **scope: list[int]) -> str:
    with app.state.sessions() as session, session.begin():
        issued = access.create_key(
            session, role, f"contract {role.value}", scope.get("incubators", ()), (), None
        )
        return issued.plaintext


def test_the_partner_journey_runs_through_the_generated_client(
    installed: Path, live: tuple[str, FastAPI]
) -> None:
    url, app = live
    env = {
        "PATH": os.environ.get("PATH", ""),
        # the throwaway install first; httpx and attrs from this environment
        "PYTHONPATH": os.pathsep.join([str(installed)]),
        "MATCHMAKER_URL": url,
        "MATCHMAKER_ADMIN_KEY": _key(app, Role.admin),
    }
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("journey.py"))],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=installed,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "journey: done" in done.stdout, done.stdout
