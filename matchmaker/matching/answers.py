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
MATCHES_EACH = 10  # the matches an answer is budgeted at: a list of the default limit


@dataclass(frozen=True, slots=True)
class Tally:
    hits: int
    misses: int
    entries: int


class Answers:
    """A bounded LRU of finished answers (English; localised per request afterwards).

    Values are pydantic responses that nothing mutates after they are built (``localize``
    copies), so one object may be served to many requests. ``entries`` bounds the answers
    kept and, at ``MATCHES_EACH`` matches an answer, the matches in them all: a list of 10
    explained matches holds about 0.2 MB, one of 100 about 2 MB (bench/RESULTS.md, section
    25), so a process keeps at most about ``entries`` × 0.2 MB. ``entries`` 0 keeps nothing.
    """

    def __init__(self, entries: int) -> None:
        self.entries = max(0, entries)
        self.budget = self.entries * MATCHES_EACH
        self._kept: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._weight = 0
        self._lock = threading.Lock()
        self._hits = 0
        self._misses = 0

    def get_or(self, key: Hashable, compute: Callable[[], T], weigh: Callable[[T], int]) -> T:
        """The answer kept under ``key``, or ``compute()``'s, kept at ``weigh``'s count of
        matches. Two requests missing the same key at once both compute it: the same inputs
        give the same answer."""
        if not self.entries:
            return compute()
        with self._lock:
            hit = self._kept.get(key)
            if hit is not None:
                self._kept.move_to_end(key)
                self._hits += 1
                return hit[0]  # type: ignore[no-any-return]
            self._misses += 1
        value = compute()
        weight = max(1, weigh(value))
        if weight > self.budget:
            return value
        with self._lock:
            old = self._kept.pop(key, None)
            self._weight += weight - (old[1] if old else 0)
            self._kept[key] = (value, weight)
            while len(self._kept) > self.entries or self._weight > self.budget:
                _, (_, dropped) = self._kept.popitem(last=False)
                self._weight -= dropped
        return value

    def tally(self) -> Tally:
        with self._lock:
            return Tally(self._hits, self._misses, len(self._kept))

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._weight = 0
