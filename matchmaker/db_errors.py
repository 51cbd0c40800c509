"""Which database errors mean "the database is down or cannot be written", not "a bug".

Both answer 503 with Retry-After (``matchmaker.errors.unavailable``); the SQLite engine also
drops the connection behind a storage error (``matchmaker.db.make_engine``).
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import exc as sa

# SQLite's messages for storage it cannot write. A connection opened while its directory was
# read-only is a read-only connection for good, whatever the directory becomes later.
_SQLITE_STORAGE = (
    "readonly database",
    "unable to open database",
    "disk i/o error",
    "database or disk is full",
)


def storage_failure(exc: BaseException) -> bool:
    """A SQLite error saying its files cannot be written (or opened)."""
    orig = exc.orig if isinstance(exc, sa.DBAPIError) else exc
    if not isinstance(orig, sqlite3.Error):
        return False
    message = str(orig).lower()
    return any(part in message for part in _SQLITE_STORAGE)


def connection_failure(exc: BaseException) -> bool:
    """The database is unreachable, restarting, or too busy to answer in time."""
    if isinstance(exc, sa.DisconnectionError | sa.TimeoutError):
        return True  # a failed pre-ping or no pooled connection free in time
    if not isinstance(exc, sa.DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    if isinstance(exc.orig, sqlite3.Error):
        # Other SQLite OperationalErrors (no such table, syntax) are bugs, not outages.
        return "database is locked" in str(exc.orig).lower()
    # PostgreSQL: connection refused or reset, server shutting down, too many clients ...
    return isinstance(exc, sa.OperationalError | sa.InterfaceError)
