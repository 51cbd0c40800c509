"""Uploading a file to import and waiting for its job."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from matchmaker.imports import service


def upload(
    client: TestClient,
    content: str | bytes,
    filename: str,
    kind: str = "startups",
    headers: dict[str, str] | None = None,
    **form: Any,
) -> Any:
    data = {"kind": kind, **{k: json.dumps(v) if k == "mapping" else v for k, v in form.items()}}
    raw = content.encode() if isinstance(content, str) else content
    return client.post(
        "/v1/imports", files={"file": (filename, raw)}, data=data, headers=headers or {}
    )


def finished(
    client: TestClient, job_id: int, headers: dict[str, str] | None = None, timeout: float = 120
) -> dict[str, Any]:
    """The job once the worker is done with it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/v1/imports/{job_id}", headers=headers or {}).json()
        if job["status"] in ("finished", "failed"):
            return dict(job)
        time.sleep(0.1)
    raise AssertionError(f"import {job_id} did not finish")


def run(client: TestClient, content: str, filename: str, **kwargs: Any) -> dict[str, Any]:
    r = upload(client, content, filename, **kwargs)
    assert r.status_code == 202, r.text
    assert r.headers["Location"] == f"/v1/imports/{r.json()['id']}"
    return finished(client, r.json()["id"], kwargs.get("headers"))


def operator_job(
    client: TestClient, path: Path, source: str, mapping: dict[str, Any] | None = None
) -> int:
    """A queued job importing the CSV ``path`` as startups, as the CLI would create it (or,
    with ``path`` in the upload folder, as an upload whose mapping was never checked)."""
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as session, session.begin():
        job = service.create_job(
            session,
            kind="startups",
            fmt="csv",
            source=source,
            filename=path.name,
            path=path.resolve(),
            mapping=mapping,
            account_id=None,
        )
        return int(job.id)
