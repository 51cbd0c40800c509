"""Which profiles pass a match request's filters and hard rules, held in memory per kind.

Asking the database for the ids behind a filter costs a query and a set of Python ints per
request (seconds at a million profiles); these masks answer in a millisecond. One boolean
array per filterable facet value, indexed by profile id, and one array of the last day each
profile may be proposed (``scoring.open_until``). The store keeps them in step with the
database exactly as it keeps the vector indexes: changed after each commit, in version
order, saved with the index snapshot and caught up at start-up.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from matchmaker.atomic import write_atomically
from matchmaker.matching.scoring import FOREVER

# The facets a match request can filter on (MatchFilters' domains, stages, regions, kinds).
FILTER_FACETS = ("domain", "stage", "region", "kind")
# Every facet held: the filters', and those the first stage's score bound reads (bounds.py).
MASKED_FACETS = (*FILTER_FACETS, "need", "service", "mode", "trl")

Mask = npt.NDArray[np.bool_]
Ids = npt.NDArray[np.int64]
Bits = npt.NDArray[np.uint64]
# Facets whose values (at most 64 each) are also held as one bit field per id: what the
# first stage's score bound reads for every profile at once (bounds.py).
BIT_FACETS = ("domain", "stage", "region", "need", "service", "mode", "trl")
# Recent changes whose ids are kept (``FacetMasks.changed_since``); a change of more ids than
# CHANGE_IDS_MAX (a bulk load) is not kept, and what was derived before it is rebuilt.
CHANGES_KEPT = 256
CHANGE_IDS_MAX = 4096


class FacetMasks:
    """Facet value -> id mask, and id -> last open day, for one profile kind."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._masks: dict[tuple[str, str], Mask] = {}
        self._bits: dict[str, Bits] = {}
        self._bit: dict[tuple[str, str], np.uint64] = {}
        self._until = np.zeros(0, dtype=np.int32)
        self._size = 0
        # Moves on every change of a facet; the ids each recent change touched, so that
        # what is derived from the bit fields can be brought up to date id by id.
        self._version = 0
        self._changes: deque[tuple[int, Ids]] = deque(maxlen=CHANGES_KEPT)

    def _changed(self, ids: Ids) -> None:
        """Record a change of ``ids``' facets (under the lock)."""
        self._version += 1
        if len(ids) > CHANGE_IDS_MAX:
            self._changes.clear()
        else:  # a copy: the caller may reuse its array
            self._changes.append((self._version, np.array(ids, dtype=np.int64)))

    @property
    def version(self) -> int:
        return self._version

    def changed_since(self, version: int) -> Ids | None:
        """The ids whose facets changed after ``version`` (maybe some more); None when too
        many changes were made since to tell."""
        with self._lock:
            if version == self._version:
                return np.zeros(0, dtype=np.int64)
            if not self._changes or self._changes[0][0] > version + 1:
                return None
            return np.concatenate([ids for v, ids in self._changes if v > version])

    def _grow(self, top: int) -> None:
        if top < self._size:
            return
        size = max(top + 1, 2 * self._size, 1024)
        for key, mask in self._masks.items():
            grown = np.zeros(size, dtype=bool)
            grown[: self._size] = mask
            self._masks[key] = grown
        for name, field in self._bits.items():
            wider = np.zeros(size, dtype=np.uint64)
            wider[: self._size] = field
            self._bits[name] = wider
        until = np.full(size, FOREVER, dtype=np.int32)
        until[: self._size] = self._until
        self._until, self._size = until, size

    def set(
        self,
        ids: Sequence[int],
        facets: Sequence[Mapping[str, Iterable[str]]],
        until: Sequence[int],
    ) -> None:
        """Replace what is known of ``ids``."""
        if not ids:
            return
        arr = np.asarray(ids, dtype=np.int64)
        groups: dict[tuple[str, str], list[int]] = {}
        for pid, values in zip(ids, facets, strict=True):
            for name, vs in values.items():
                if name in MASKED_FACETS:
                    for v in vs:
                        groups.setdefault((name, str(v)), []).append(pid)
        with self._lock:
            self._grow(int(arr.max()))
            for mask in self._masks.values():
                mask[arr] = False
            for field in self._bits.values():
                field[arr] = 0
            for key, members in groups.items():
                if key not in self._masks:
                    self._masks[key] = np.zeros(self._size, dtype=bool)
                self._masks[key][members] = True
                self._mark(key, np.asarray(members, dtype=np.int64))
            self._until[arr] = np.asarray(until, dtype=np.int32)
            self._changed(arr)

    def set_facet(self, name: str, value: str, ids: Ids) -> None:
        """Mark ``ids`` as having one facet value (bulk loading)."""
        if name not in MASKED_FACETS or not len(ids):
            return
        with self._lock:
            self._grow(int(ids.max()))
            mask = self._masks.get((name, value))
            if mask is None:
                mask = self._masks[(name, value)] = np.zeros(self._size, dtype=bool)
            mask[ids] = True
            self._mark((name, value), ids)
            self._changed(np.asarray(ids, dtype=np.int64))

    def _mark(self, key: tuple[str, str], ids: Ids) -> None:
        """Set the bit of a facet value on ``ids`` (under the lock, the arrays grown)."""
        name = key[0]
        if name not in BIT_FACETS:
            return
        bit = self._bit.get(key)
        if bit is None:
            taken = sum(1 for n, _ in self._bit if n == name)
            if taken == 64:
                raise ValueError(f"more than 64 values of facet {name}")
            bit = self._bit[key] = np.uint64(1 << taken)
        field = self._bits.get(name)
        if field is None:
            field = self._bits[name] = np.zeros(self._size, dtype=np.uint64)
        field[ids] |= bit

    def set_until(self, ids: Ids, until: npt.NDArray[np.int32]) -> None:
        if not len(ids):
            return
        with self._lock:
            self._grow(int(ids.max()))
            self._until[ids] = until

    def clear(self, ids: Sequence[int] | Ids) -> None:
        """Forget ``ids`` (deleted profiles, or about to be reloaded)."""
        arr = np.asarray(ids, dtype=np.int64)
        arr = arr[arr < self._size]
        if not len(arr):
            return
        with self._lock:
            for mask in self._masks.values():
                mask[arr] = False
            for field in self._bits.values():
                field[arr] = 0
            self._until[arr] = FOREVER
            self._changed(arr)

    def allowed(self, criteria: Mapping[str, Sequence[str]], today: int | None) -> Mask | None:
        """Ids passing every facet criterion (any of its values) and, given ``today``, the
        hard rules; None when nothing restricts them. Index the result by profile id."""
        out: Mask | None = None
        with self._lock:
            for name, values in criteria.items():
                if not values:
                    continue
                union = np.zeros(self._size, dtype=bool)
                for v in values:
                    mask = self._masks.get((name, str(v)))
                    if mask is not None:
                        union |= mask
                out = union if out is None else out & union
            if today is not None:
                open_ = self._until >= today
                out = open_ if out is None else out & open_
        return out

    def bits(self, name: str) -> tuple[Bits, dict[str, int]]:
        """Facet ``name`` as one bit field per id (index it by profile id; ``size`` long),
        and each value's bit."""
        with self._lock:
            field = self._bits.get(name)
            if field is None:
                field = np.zeros(self._size, dtype=np.uint64)
            return field, {v: int(b) for (n, v), b in self._bit.items() if n == name}

    @property
    def size(self) -> int:
        """The length of the arrays ``allowed`` and ``count`` return."""
        return self._size

    # -- persistence ----------------------------------------------------------------------
    def save(self, path: Path) -> None:
        with self._lock:
            arrays: dict[str, npt.NDArray[Any]] = {
                f"{n}::{v}": np.flatnonzero(m) for (n, v), m in self._masks.items()
            }
            closed = np.flatnonzero(self._until != FOREVER)
            arrays["until_ids"] = closed
            arrays["until"] = self._until[closed]
            arrays["facets"] = np.asarray(MASKED_FACETS)
            # Ids up to the size are known even when some have no facet at all.
            arrays["size"] = np.asarray([self._size], dtype=np.int64)

        def write(tmp: Path) -> None:
            with tmp.open("wb") as out:
                np.savez(out, **arrays)  # type: ignore[arg-type]

        write_atomically(path, write)

    @classmethod
    def load(cls, path: Path) -> FacetMasks:
        masks = cls()
        # Our own file object: np.load leaves its own open when the content is garbage.
        with path.open("rb") as file, np.load(file) as data:
            held = data["facets"].tolist() if "facets" in data.files else list(FILTER_FACETS)
            if set(MASKED_FACETS) - set(held):
                # Written before these facets were held: a bound read from it would be wrong.
                raise ValueError(f"facet masks without {sorted(set(MASKED_FACETS) - set(held))}")
            for key in data.files:
                if "::" not in key:
                    continue
                name, value = key.split("::", 1)
                masks.set_facet(name, value, data[key].astype(np.int64))
            masks.set_until(data["until_ids"].astype(np.int64), data["until"])
            if "size" in data.files and int(data["size"][0]) > 0:
                with masks._lock:
                    masks._grow(int(data["size"][0]) - 1)
        return masks
