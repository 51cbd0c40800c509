"""Schemathesis, run as a partner would run it, against a live server built from this app.

Its command line with its default checks and phases (examples, coverage, fuzzing, stateful)
goes through every operation of ``/openapi.json``: no 5xx, responses as documented,
schema-valid requests accepted, schema-invalid ones refused, 405s with an ``Allow`` header.
The only failures it may report are the ones the README explains under "What a fuzzer
reports" (rules the schema cannot express); each is matched here by its check, status and
error code, so anything else fails the test.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from matchmaker.access import service as access
from matchmaker.access.models import Role
from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from tests.factories import BODIES
from tests.live import serve

# Test cases per operation and phase: the run is CPU-bound on the server's encoder, and both
# databases must stay within a few minutes on two cores.
MAX_EXAMPLES = 3

# (check, status, error code) of schema-valid requests the server rightly refuses; the README
# section "What a fuzzer reports" says why each is correct behaviour.
EXPLAINED = {
    # the same Idempotency-Key sent with a different request
    ("positive_data_acceptance", 422, "idempotency_key_reused"),
    # a well-formed If-Match naming a version the record is not at
    ("positive_data_acceptance", 412, "precondition_failed"),
    # rules across fields or rows: trl_min <= trl_max, a region within its country, exactly
    # one of two ids, a referenced record that exists, a state change the workflow forbids
    ("positive_data_acceptance", 422, "validation_failed"),
    ("positive_data_acceptance", 409, "invalid_transition"),
}


@pytest.fixture
def live(settings: Settings, encoder: Encoder) -> Iterator[tuple[str, FastAPI]]:
    # Without the per-address limit on calls without a key: the fuzzer sends hundreds of
    # them from one address (its auth checks), and past the address's burst the middleware
    # would answer 429 before the route, hiding a route that forgot to ask for a key.
    # tests/platform/test_rate_limit_keyless.py tests that limit.
    settings = settings.model_copy(update={"anonymous_rate_limit_per_minute": 0})
    app = create_app(settings, encoder)
    with serve(app) as url:
        yield url, app


def _key(app: FastAPI, role: Role) -> tuple[int, str]:
    with app.state.sessions() as session, session.begin():
        issued = access.create_key(session, role, f"fuzz {role.value}", (), (), None)
        return issued.key.id, issued.plaintext


def _failures(report: Path) -> list[tuple[str, str, int, str]]:
    """(operation, check, status, error code) of every failed check in the NDJSON events."""
    found = []
    for line in report.read_text(encoding="utf-8").splitlines():
        recorder = (json.loads(line).get("ScenarioFinished") or {}).get("recorder") or {}
        for case_id, checks in (recorder.get("checks") or {}).items():
            response = (recorder.get("interactions") or {}).get(case_id, {}).get("response") or {}
            for check in checks:
                if check.get("status") == "failure":
                    found.append(
                        (
                            str(recorder.get("label")),
                            str(check.get("name")),
                            int(response.get("status_code") or 0),
                            _error_code(response.get("content")),
                        )
                    )
    return found


def _error_code(content: Any) -> str:
    raw = content.get("$base64", "") if isinstance(content, dict) else ""
    try:
        body = json.loads(base64.b64decode(raw) or b"{}")
    except ValueError:
        return ""
    return str(body.get("error", "")) if isinstance(body, dict) else ""


def test_schemathesis_finds_nothing_the_readme_does_not_explain(
    live: tuple[str, FastAPI], tmp_path: Path
) -> None:
    url, app = live
    # Some records to read, update and match; the fuzzer's own key is not the one it may
    # revoke or rotate (key_id is fixed to a throwaway key).
    _, admin = _key(app, Role.admin)
    throwaway, _ = _key(app, Role.founder)
    for plural, body in BODIES.items():
        httpx.post(
            f"{url}/v1/{plural}",
            json=body(),
            headers={"Authorization": f"Bearer {admin}"},
            timeout=120,
        ).raise_for_status()
    config = tmp_path / "schemathesis.toml"
    # The coverage phase tries each undeclared method on every path: two of them (one that no
    # route takes, one that some do) show the 405 and its Allow header at a fraction of the time.
    config.write_text(
        f'[parameters]\n"path.key_id" = {throwaway}\n\n'
        '[phases.coverage]\nunexpected-methods = ["PUT", "OPTIONS"]\n',
        encoding="utf-8",
    )
    # Built once and cached by the app: the fuzzer's own load of it must not time out.
    httpx.get(f"{url}/openapi.json", timeout=120).raise_for_status()
    report = tmp_path / "events.ndjson"
    done = subprocess.run(
        [
            str(Path(sys.executable).with_name("st")),
            "--config-file",
            str(config),
            "run",
            f"{url}/openapi.json",
            "--header",
            f"Authorization: Bearer {admin}",
            "--max-examples",
            str(MAX_EXAMPLES),
            "--seed",
            "1",
            "--generation-database",
            "none",
            "--workers",
            "2",
            "--request-timeout",
            "60",
            "--no-color",
            "--report",
            "ndjson",
            "--report-ndjson-path",
            str(report),
        ],
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "SCHEMATHESIS_HOOKS": ""},
    )
    assert report.exists(), done.stdout + done.stderr
    failures = _failures(report)
    unexplained = [f for f in failures if f[1:] not in EXPLAINED]
    assert not unexplained, (unexplained, done.stdout[-20000:])
    # The run reached the API: records were created and updated along the way.
    assert "Tested: " in done.stdout, done.stdout[-5000:]
