"""The quality benchmark's way into the engine: a fresh app, profiles created through the
bulk import, decisions and rankings through the HTTP API (bench/quality.py)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from bench.quality_data import NEUTRAL_DOMAIN, PLACE, Company
from matchmaker import migrations_state
from matchmaker.access import service as access
from matchmaker.access.models import Role
from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder


@contextmanager
def engine(workdir: Path, encoder: Encoder) -> Iterator[TestClient]:
    """A fresh app over its own SQLite file, and a client holding an admin key.

    The workers stay on: the bulk import that creates the profiles runs in one.
    """
    url = f"sqlite:///{workdir / 'quality.db'}"
    migrations_state.upgrade(url)
    settings = Settings(database_url=url, data_dir=workdir / "data")
    with TestClient(create_app(settings, encoder)) as client:
        with client.app.state.sessions() as session, session.begin():  # type: ignore[attr-defined]
            issued = access.create_key(session, Role.admin, "quality benchmark", [], [], None)
        client.headers["Authorization"] = f"Bearer {issued.plaintext}"
        yield client


def call(client: TestClient, method: str, path: str, **kwargs: Any) -> Any:
    response = client.request(method, path, **kwargs)
    if response.status_code >= 300:
        raise RuntimeError(f"{method} {path}: {response.status_code} {response.text[:500]}")
    return response.json()


def startup_body(company: Company, stage: str, as_pitch: bool) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": company.name,
        "domains": [NEUTRAL_DOMAIN],
        "stage": stage,
        "trl": 5,
        "location": PLACE,
        "needs": ["funding", "mentoring"],
        "languages": ["en"],
    }
    body["pitch" if as_pitch else "description"] = company.text
    return body


def incubator_body(name: str, description: str, domain: str) -> dict[str, Any]:
    return {
        "name": name,
        "description": description,
        "kind": "national_incubator",
        "location": PLACE,
        "domains": [domain],
        "services": ["funding", "mentoring"],
        "capacity": 1000,
        "languages": ["en"],
    }


def create_many(client: TestClient, plural: str, bodies: list[dict[str, Any]]) -> dict[str, int]:
    """Profiles created through the bulk import (embedded in batches); name -> id."""
    if not bodies:
        return {}
    lines = "\n".join(json.dumps({"external_id": b["name"], **b}) for b in bodies).encode()
    files = {"file": (f"{plural}.jsonl", lines, "application/x-ndjson")}
    job = call(client, "POST", "/v1/imports", files=files, data={"kind": plural})
    deadline = time.monotonic() + 900
    while job["status"] not in ("finished", "failed"):
        if time.monotonic() > deadline:
            raise RuntimeError(f"import of {plural} still {job['status']} after 15 minutes")
        time.sleep(1)
        try:
            job = call(client, "GET", f"/v1/imports/{job['id']}")
        except OperationalError as exc:
            # On SQLite a keyed request writes the key's last use, and the import holds the
            # write lock while it embeds a chunk; on a loaded machine that outlasts the
            # busy timeout. The job is still running: ask again.
            if "locked" not in str(exc):
                raise
    if job["status"] != "finished" or job["failed"]:
        raise RuntimeError(f"import of {plural} did not finish cleanly: {job}")
    ids: dict[str, int] = {}
    params: dict[str, Any] = {"limit": 100}
    while True:
        page = call(client, "GET", f"/v1/{plural}", params=params)
        ids |= {item["name"]: int(item["id"]) for item in page["items"]}
        if not page["next_cursor"]:
            return ids
        params["cursor"] = page["next_cursor"]


def ranked_ids(client: TestClient, path: str, **params: Any) -> list[int]:
    page = call(client, "GET", path, params=params)
    return [int(m["profile"]["id"]) for m in page["matches"]]
