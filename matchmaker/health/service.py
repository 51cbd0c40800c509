"""Readiness: whether each thing a request needs works right now, and what is down."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from matchmaker import migrations_state
from matchmaker.runtime import Runtime


def writable(directory: Path, files: tuple[Path, ...] = ()) -> str | None:
    """Why ``directory`` (and ``files`` in it) cannot be written, or None.

    Creating a file is the only honest probe: permission bits, a read-only mount, an
    immutable flag and a full disk all show up, and for root only the last three do.
    """
    try:
        with tempfile.TemporaryFile(dir=directory, prefix=".ready-"):
            pass
    except OSError as exc:
        return f"{directory} is not writable ({exc.strerror or exc})"
    for path in files:
        if path.exists() and not os.access(path, os.W_OK):
            return f"{path} is not writable"
    return None


def _storage(runtime: Runtime, engine: Engine) -> str | None:
    problem = writable(runtime.settings.data_dir)
    database = engine.url.database
    if problem is None and engine.dialect.name == "sqlite" and database:
        db = Path(database)
        # SQLite writes its journal beside the database file, wherever that is.
        suffixes = ("", "-wal", "-shm", "-journal")
        problem = writable(db.parent, tuple(db.with_name(db.name + s) for s in suffixes))
    return problem


def readiness(runtime: Runtime, engine: Engine) -> tuple[bool, dict[str, Any]]:
    """``(ready, body)`` of /readyz: ``down`` names what does not work, ``checks`` says why."""
    schema = migrations_state.check(engine)
    matcher = runtime.matcher
    index_problem = None
    if not runtime.indexes_loaded:
        index_problem = (
            "indexes were not loaded: the schema was not at head when the server started"
        )
    model_problem = matcher.problem()
    checks: dict[str, str | None] = {
        "database": schema.error,
        "storage": _storage(runtime, engine),
        "index": index_problem,
        "model": model_problem,
    }
    down = [name for name, problem in checks.items() if problem is not None]
    body: dict[str, Any] = schema.as_dict()
    body["index"] = {
        "model": matcher.model,
        "problem": index_problem or model_problem,
        "indexed": matcher.indexed(),
    }
    body["one_text_backend"] = runtime.one_text_backend
    body["checks"] = {name: {"ok": p is None, "problem": p} for name, p in checks.items()}
    body["down"] = down
    body["ready"] = not down
    return not down, body
