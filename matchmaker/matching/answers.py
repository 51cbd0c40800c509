"""Ranked lists and bundles kept between requests, for as long as nothing they read moved.

A manager's list at 100k startups costs 20-30 ms of CPU; the same list asked again (a
dashboard refreshed, a partner platform polling) gave the same answer at the same cost
(bench/RESULTS.md, sections 20-22). An answer is kept under its question (who, which
profile at which version, which filters) and a *stamp* of everything else it read
(``Matcher.stamp``): the change feed's last id in the database and the generation of
every kind's changes applied here (moved by every profile write, deletion and re-embedding,
of any process), the database's decision counter (moved by every write to a match record:
decisions, withdrawals, cascades), the UTC date (staleness and deadlines are by day) and
the engine's settings. A question whose stamp moved is a new question: nothing is
invalidated, old entries age out of the LRU.

Only the caller knows whether its transaction wrote anything the stamp cannot see yet, so
reuse is asked for explicitly (the read-only API routes and pages do); a session with
pending writes never reuses (``Matcher.stamp``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Tally:
    hits: int
    misses: int
    entries: int


class Answers:
    """A bounded LRU of finished answers (English; localised per request afterwards).

    Values are pydantic responses that nothing mutates after they are built (``localize``
    copies), so one object may be served to many requests. ``entries`` 0 keeps nothing.
    """

    def __init__(self, entries: int) -> None:
        self.entries = max(0, entries)
        self._kept: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._hits = 0
        self._misses = 0

    def get_or(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer kept under ``key``, or ``compute()``'s, kept. Two requests missing the
        same key at once both compute it: the same inputs give the same answer."""
        if not self.entries:
            return compute()
        with self._lock:
            hit = self._kept.get(key)
            if hit is not None:
                self._kept.move_to_end(key)
                self._hits += 1
                return hit  # type: ignore[no-any-return]
            self._misses += 1
        value = compute()
        with self._lock:
            self._kept[key] = value
            self._kept.move_to_end(key)
            while len(self._kept) > self.entries:
                self._kept.popitem(last=False)
        return value

    def tally(self) -> Tally:
        with self._lock:
            return Tally(self._hits, self._misses, len(self._kept))

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
