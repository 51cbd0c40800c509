"""Who holds an Idempotency-Key claim, and whether it still runs.

An owner is the claiming process (host, boot, pid and the pid's start time, so a reused pid
is not mistaken for it) and one request within it. A request holds its ``Lease`` until its
response is stored or it gives up, so a claim is alive exactly while:

- this process: that request is still running here;
- another process on this machine: that process still exists (``kill -9`` ends it at once);
- another machine, on PostgreSQL: that process holds its presence lock (``presence``);
- another machine without a presence lock (SQLite is one machine's file; a process of a
  version without presence), or a claim made before owners were recorded: it is younger
  than ``STALE_CLAIM`` (a process there cannot be seen from here).
"""

from __future__ import annotations

import os
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from types import TracebackType

from matchmaker.params import whole_number

STALE_CLAIM = timedelta(minutes=5)
_SEP = "|"
# Starts the token of a claim whose process held its presence lock when it claimed.
PRESENT = "p"
_running: set[str] = set()  # tokens of this process's requests that hold a lease
_lock = threading.Lock()


def _start_time(pid: int) -> str | None:
    """The start time (in clock ticks since boot) of process ``pid``, None if it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # Field 22; the command name (field 2) may hold spaces, so count after its ")".
    return stat.rpartition(")")[2].split()[19]


@cache
def _machine() -> tuple[str, str]:
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        boot = ""  # not Linux: other processes cannot be checked, only timed out
    return socket.gethostname(), boot


def process_owner(pid: int) -> str:
    """The process part of an owner: host, boot, pid and the pid's start time."""
    return _SEP.join([*_machine(), str(pid), _start_time(pid) or ""])


@cache
def _this_process(pid: int) -> str:
    return process_owner(pid)  # keyed by pid: a forked worker is another process


def this_process() -> str:
    return _this_process(os.getpid())


class Lease:
    """Held by one request from its claim until its response is stored (``with``).
    ``present``: this process holds its presence lock, so other machines can see it."""

    def __init__(self, present: bool = False) -> None:
        self.token = (PRESENT if present else "") + uuid.uuid4().hex
        self.owner = f"{this_process()}{_SEP}{self.token}"

    def __enter__(self) -> Lease:
        with _lock:
            _running.add(self.token)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with _lock:
            _running.discard(self.token)


def alive(
    owner: str | None,
    created_at: datetime,
    now: datetime,
    visible: Callable[[str], bool] | None = None,
) -> bool:
    """Whether the owner of a claim made at ``created_at`` may still complete it.
    ``visible(process)``: whether a process of another machine holds its presence lock."""
    parts = (owner or "").split(_SEP)
    if len(parts) != 5 or whole_number(parts[2], max_digits=18) is None:
        return now - created_at <= STALE_CLAIM
    host, boot, pid, start, token = parts
    process = _SEP.join((host, boot, pid, start))
    if process == this_process():
        with _lock:
            return token in _running
    if boot and (host, boot) == _machine():
        return _start_time(int(pid)) == start
    if token.startswith(PRESENT) and visible is not None:
        return visible(process)
    return now - created_at <= STALE_CLAIM
