"""This process's presence on a PostgreSQL database, visible from every host.

A claim made on another machine cannot be checked through ``/proc``. On PostgreSQL each
serving process holds a session-level advisory lock keyed by its identity on a connection kept
for the purpose; when the process dies (``kill -9``, a lost host), PostgreSQL ends the
connection and the lock with it, so any replica sees at once that the claim's owner is gone.

The keeper re-takes the lock after the database restarts. Until it has, the process looks
gone: a retry may then run a request whose claim this process made before the restart. That
is safe, because the restart rolled back whatever that request had not committed, and a
committed request is never run again (``idempotency``).
"""

from __future__ import annotations

import hashlib
import logging
import threading

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from matchmaker.background import Claim, PollingWorker, try_claim_on

log = logging.getLogger(__name__)

NAMESPACE = 0x6D70  # "mp": advisory-lock namespace of process presence
CHECK_SECONDS = 5.0


def key_of(process: str) -> int:
    """The lock key of a process identity: 32 bits of its hash. A collision can only make a
    dead owner look alive, never a live one look dead."""
    return int.from_bytes(hashlib.sha256(process.encode()).digest()[:4], "big", signed=True)


def visible(session: Session, process: str) -> bool:
    """Whether ``process`` holds its presence lock on this session's database."""
    found = session.scalar(
        text(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            " AND classid = :ns AND objid = CAST(:id AS oid) AND objsubid = 2)"
        ),
        # pg_locks shows the int4 key as an unsigned oid.
        {"ns": NAMESPACE, "id": key_of(process) & 0xFFFFFFFF},
    )
    return bool(found)


class _Keeper(PollingWorker):
    name = "presence"

    def __init__(self, engine: Engine, process: str) -> None:
        super().__init__(CHECK_SECONDS)
        self.engine = engine
        self.process = process
        self.users = 0
        self._claim: Claim | None = None
        self.held = threading.Event()

    def run_once(self) -> bool:
        if self._claim is not None and self._claim.alive():
            return False
        self.held.clear()
        if self._claim is not None:
            self._claim.release()
            self._claim = None
        try:
            self._claim = try_claim_on(self.engine, NAMESPACE, key_of(self.process))
        except SQLAlchemyError as exc:
            log.warning("presence lock not taken (will retry): %s", exc)
            return False
        if self._claim is None:
            # Held by another process whose identity hashes alike: the key is visible all
            # the same, which is all a claim's check reads.
            log.warning("presence lock key %s is held by another process", key_of(self.process))
        self.held.set()
        return False

    def stop(self, timeout: float = 30.0) -> None:
        super().stop(timeout)
        if self._claim is not None:
            self._claim.release()
            self._claim = None
        self.held.clear()


_keepers: dict[tuple[str, str], _Keeper] = {}
_lock = threading.Lock()


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def enter(engine: Engine, process: str) -> None:
    """Make ``process`` visible on ``engine``'s database (PostgreSQL only) until ``leave``."""
    if engine.dialect.name != "postgresql":
        return
    with _lock:
        keeper = _keepers.get((_url(engine), process))
        if keeper is None:
            keeper = _keepers[(_url(engine), process)] = _Keeper(engine, process)
            keeper.run_once()  # visible before the first request is served
            keeper.start()
        keeper.users += 1


def leave(engine: Engine, process: str) -> None:
    with _lock:
        keeper = _keepers.get((_url(engine), process))
        if keeper is None:
            return
        keeper.users -= 1
        if keeper.users == 0:
            del _keepers[(_url(engine), process)]
            keeper.stop()


def present(engine: Engine, process: str) -> bool:
    """Whether ``process`` is visible on ``engine``'s database right now."""
    keeper = _keepers.get((_url(engine), process))
    return keeper is not None and keeper.held.is_set()
