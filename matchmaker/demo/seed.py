"""Load ``data.json`` through the same services the API uses (validation, facets, index)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from matchmaker.config import Settings
from matchmaker.kinds import INCUBATOR, PARTNER, SCENARIO, STARTUP
from matchmaker.profiles import service
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.runtime import Runtime, open_runtime

DATA = Path(__file__).with_name("data.json")


def load(settings: Settings, runtime: Runtime | None = None, path: Path = DATA) -> dict[str, int]:
    """Create every demo profile that is not there yet; returns how many of each exist.

    ``path`` is another file of the same shape (bench/demo_languages.py compares versions)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    own = runtime is None
    rt = runtime or open_runtime(settings)
    counts: dict[str, int] = {}
    try:
        with rt.sessions() as session, session.begin():
            partner_ids: dict[str, int] = {}
            for raw in data["partners"]:
                fields = {k: v for k, v in raw.items() if k != "ref"}
                partner_ids[raw["ref"]] = _ensure(session, PARTNER, fields)
            for raw in data["scenarios"]:
                publisher = raw["publisher"]
                if isinstance(publisher, dict):
                    raw = {**raw, "publisher": partner_ids[publisher["ref"]]}
                _ensure(session, SCENARIO, raw)
            for kind in (INCUBATOR, STARTUP):
                for raw in data[kind.plural]:
                    _ensure(session, kind, raw)
            for kind in (STARTUP, INCUBATOR, PARTNER, SCENARIO):
                counts[kind.plural] = len(data[kind.plural])
    finally:
        if own:
            rt.close()
    return counts


def _ensure(session: Any, kind: ProfileKind, fields: dict[str, Any]) -> int:
    body = kind.create.model_validate(fields)
    key = kind.dedupe_key(body.model_dump())
    existing = session.scalar(select(kind.model.id).where(kind.model.dedupe_key == key))
    if existing is not None:
        return int(existing)
    return service.create(session, kind, body).id
