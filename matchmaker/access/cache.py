"""Verified keys, remembered so that a request does not rebuild its principal from four queries.

What is cached is what cannot change for a key: the account, its role and its bindings (a key
belongs to one account for life, and bindings are set when the account is made). What can
change — revoked, expired, deleted with its account — is read again on every request by
``access.service.authenticate`` with one primary-key query, so revocation takes effect on the
next request in every process, exactly as without the cache. The rate limiter alone trusts a
cached principal without that query (``PlatformMiddleware``): it only decides which bucket a
request counts against, and the route refuses a revoked key itself.

Entries are keyed by the sha256 of the whole key, so only the exact key once verified finds
one; plaintexts are never held.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from matchmaker.access.principal import Principal

TTL_SECONDS = 60.0
MAX_ENTRIES = 10_000


class PrincipalCache:
    """Principals of verified keys, least recently used dropped first, each for ``ttl`` s."""

    def __init__(
        self,
        ttl: float = TTL_SECONDS,
        max_entries: int = MAX_ENTRIES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: OrderedDict[bytes, tuple[float, Principal]] = OrderedDict()

    @staticmethod
    def _digest(plaintext: str) -> bytes:
        return hashlib.sha256(plaintext.encode()).digest()

    def get(self, plaintext: str) -> Principal | None:
        digest = self._digest(plaintext)
        with self._lock:
            entry = self._entries.get(digest)
            if entry is None:
                return None
            if self._clock() >= entry[0]:
                del self._entries[digest]
                return None
            self._entries.move_to_end(digest)
            return entry[1]

    def put(self, plaintext: str, principal: Principal) -> None:
        digest = self._digest(plaintext)
        with self._lock:
            self._entries[digest] = (self._clock() + self.ttl, principal)
            self._entries.move_to_end(digest)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)
