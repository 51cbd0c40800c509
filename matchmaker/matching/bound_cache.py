"""The facts' part of the first stage's score bound, kept per query between requests.

Computing ``bounds.facts_part`` over every profile of a kind was the largest single step of a
manager's list at 100,000 startups (about 6 ms, bench/RESULTS.md section 22). It depends only
on the query's facts, the weights and the facet masks, so it is kept for the last few queries
and, when the masks change, brought up to date for the ids that changed
(``FacetMasks.changed_since``); a change it cannot follow (a bulk load, the arrays grown, new
masks) rebuilds it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from matchmaker.matching.bounds import FactsPart, facts_part
from matchmaker.matching.facts import Facts
from matchmaker.matching.filters import FacetMasks
from matchmaker.matching.scoring import Weights

# Queries kept. Each holds 13 bytes per profile of the kind (1.3 MB at 100,000).
ENTRIES = 16


@dataclass(frozen=True, slots=True)
class _Entry:
    masks: FacetMasks
    version: int
    part: FactsPart  # over ids 0 .. size - 1 of ``masks`` at ``version``


class BoundCache:
    """``facts_part`` over every id of a kind, for the last ENTRIES queries."""

    def __init__(self, entries: int = ENTRIES) -> None:
        self.entries = entries
        self._kept: OrderedDict[tuple[Facts, str, Weights], _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def part(self, query: Facts, kind: str, masks: FacetMasks, weights: Weights) -> FactsPart:
        """The facts' part of every id ``masks`` holds (index it by profile id)."""
        key = (query, kind, weights)
        # Read before the arrays: a change made while they are read moves it past this
        # version, so the next request recomputes those ids.
        version, size = masks.version, masks.size
        with self._lock:
            entry = self._kept.get(key)
            if entry is not None:
                self._kept.move_to_end(key)
        part: FactsPart | None = None
        if entry is not None and entry.masks is masks and len(entry.part.known) == size:
            changed = masks.changed_since(entry.version)
            if changed is not None:
                part = _updated(entry.part, query, kind, masks, weights, changed)
        if part is None:
            part = facts_part(query, kind, masks, weights, np.arange(size, dtype=np.int64))
        with self._lock:
            self._kept[key] = _Entry(masks, version, part)
            while len(self._kept) > self.entries:
                self._kept.popitem(last=False)
        return part


def _updated(
    part: FactsPart,
    query: Facts,
    kind: str,
    masks: FacetMasks,
    weights: Weights,
    changed: np.ndarray,
) -> FactsPart:
    """``part`` with the ids ``changed`` computed again (new arrays: other requests may be
    reading the old ones)."""
    if not len(changed):
        return part
    ids = np.unique(changed)
    fresh = facts_part(query, kind, masks, weights, ids)
    out = FactsPart(
        part.known.copy(), part.known_weight.copy(), part.penalty.copy(), part.shares.copy()
    )
    out.known[ids] = fresh.known
    out.known_weight[ids] = fresh.known_weight
    out.penalty[ids] = fresh.penalty
    out.shares[ids] = fresh.shares
    return out
