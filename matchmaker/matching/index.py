"""The FAISS implementation of the engine's vector index (``encoder.Index``); ids are
database ids.

Exact inner-product search (vectors are unit length, so inner product is cosine) up to
``exact_max`` vectors; above that an IVF index trained on the stored vectors, whose
``nprobe`` is set from the recall measured by ``bench/`` (see bench/RESULTS.md).

Searches share a read lock and run side by side (FAISS releases the GIL); writes take the
write lock: FAISS allows concurrent searches but not a search during an add or remove.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import faiss
import numpy as np
import numpy.typing as npt

from matchmaker.atomic import write_atomically
from matchmaker.matching.encoder import Ids, Mask, Scores, Vectors

# Up to this many allowed ids are gathered and scored directly; above it a bitmap selector
# scans every list, which costs about the same whatever the subset's size.
GATHER_MAX = 2048
# One query per search: OpenMP threads there spin-wait on a busy two-core machine (a 20k
# exact search took 28 ms with two threads, 1 ms with one), and concurrent requests use the
# cores anyway. Training and bulk adds, under the write lock, use every core.
SEARCH_THREADS = 1
BULK_THREADS = os.cpu_count() or 1
BULK = 10_000  # rows from which an add counts as bulk
MANY = 64  # queries from which search_many is bulk work


def _search_threads() -> None:
    # OpenMP's thread count belongs to the calling thread: set once at start-up, it held for
    # the main thread only, and every request thread searched with all cores and left them
    # spinning (a manager's match cost 25 ms of CPU instead of 11; bench/RESULTS.md §20).
    faiss.omp_set_num_threads(SEARCH_THREADS)


@contextmanager
def _bulk_threads() -> Iterator[None]:
    faiss.omp_set_num_threads(BULK_THREADS)
    try:
        yield
    finally:
        _search_threads()


class _RWLock:
    """Many readers or one writer; a waiting writer holds back new readers."""

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._readers = 0
        self._writer: int | None = None
        self._depth = 0
        self._waiting = 0

    @contextmanager
    def read(self) -> Iterator[None]:
        me = threading.get_ident()
        if self._writer == me:  # a writer may read what it is writing
            yield
            return
        with self._cond:
            while self._writer is not None or self._waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        me = threading.get_ident()
        with self._cond:
            if self._writer != me:
                self._waiting += 1
                while self._writer is not None or self._readers:
                    self._cond.wait()
                self._waiting -= 1
                self._writer = me
            self._depth += 1
        try:
            yield
        finally:
            with self._cond:
                self._depth -= 1
                if not self._depth:
                    self._writer = None
                    self._cond.notify_all()


def as_ids(values: Collection[int] | Ids) -> Ids:
    if isinstance(values, np.ndarray):
        return values.astype(np.int64, copy=False).ravel()
    return np.fromiter(values, dtype=np.int64, count=len(values))


class VectorIndex:
    """add / remove / search / save / load over (id, unit vector) pairs: an ``Index``, and
    what only the store and the benchmarks need besides (``load``, ``approximate``, the
    IVF settings)."""

    def __init__(self, dim: int, exact_max: int = 50_000, nprobe: int = 16) -> None:
        self.dim = dim
        self.exact_max = exact_max
        self.nprobe = nprobe
        self._lock = _RWLock()
        # IDMap2 over a flat index, or a bare IVF (which keeps external ids itself: IDMap's
        # remove assumes the inner index renumbers like a flat one, and IVF does not).
        # Any: the faiss stubs do not know the SWIG classes' real signatures.
        self._index: Any = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        # present[id]: membership in O(1) without asking FAISS (ids are dense database ids).
        self._present = np.zeros(0, dtype=bool)
        self._ids: Ids | None = None  # sorted id cache, dropped on every write

    def __len__(self) -> int:
        return int(self._index.ntotal)

    @property
    def approximate(self) -> bool:
        return isinstance(self._index, faiss.IndexIVF)

    def __contains__(self, profile_id: object) -> bool:
        if not isinstance(profile_id, int | np.integer):
            return False
        present = self._present
        return bool(0 <= profile_id < len(present) and present[profile_id])

    def ids(self) -> Ids:
        ids = self._ids
        if ids is None:
            ids = np.flatnonzero(self._present).astype(np.int64)
            self._ids = ids
        return ids

    def _has(self, arr: Ids) -> npt.NDArray[np.bool_]:
        present = self._present
        inside = (arr >= 0) & (arr < len(present))
        out = np.zeros(len(arr), dtype=bool)
        out[inside] = present[arr[inside]]
        return out

    def _mark(self, arr: Ids, value: bool) -> None:
        if value and len(arr) and int(arr.max()) >= len(self._present):
            grown = np.zeros(max(int(arr.max()) + 1, 2 * len(self._present)), dtype=bool)
            grown[: len(self._present)] = self._present
            self._present = grown
        self._present[arr] = value
        self._ids = None

    def add(self, ids: Collection[int] | Ids, vectors: Vectors) -> None:
        """Insert or replace vectors; an id already present is replaced."""
        arr = as_ids(ids)
        if len(arr) == 0:
            return
        vecs = np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(arr), self.dim)
        if len(np.unique(arr)) != len(arr):  # the last vector given for an id wins
            _, last = np.unique(arr[::-1], return_index=True)
            keep = np.sort(len(arr) - 1 - last)
            arr, vecs = arr[keep], vecs[keep]
        with self._lock.write():
            old = arr[self._has(arr)]
            if len(old):
                self._index.remove_ids(old)
            if len(arr) >= BULK and self.approximate:
                with _bulk_threads():  # assigning rows to lists is a matrix product
                    self._index.add_with_ids(vecs, arr)
            else:
                self._index.add_with_ids(vecs, arr)
            self._mark(arr, True)
            self._maybe_grow()

    def remove(self, ids: Collection[int] | Ids) -> None:
        arr = as_ids(ids)
        with self._lock.write():
            old = arr[self._has(arr)]
            if len(old):
                self._index.remove_ids(old)
                self._mark(old, False)

    def vectors(self, ids: Collection[int] | Ids) -> Vectors:
        """Stored vectors of ``ids`` (all must be present), in the given order."""
        arr = as_ids(ids)
        if len(arr) == 0:
            return np.empty((0, self.dim), dtype=np.float32)
        with self._lock.read():
            return np.asarray(self._index.reconstruct_batch(arr), dtype=np.float32)

    def present_vectors(self, ids: Collection[int] | Ids) -> tuple[Ids, Vectors]:
        """Those of ``ids`` still present and their vectors, read at once (a search's ids
        may have been removed since)."""
        arr = as_ids(ids)
        with self._lock.read():
            arr = arr[self._has(arr)] if len(arr) else arr
            if len(arr) == 0:
                return arr, np.empty((0, self.dim), dtype=np.float32)
            return arr, np.asarray(self._index.reconstruct_batch(arr), dtype=np.float32)

    def search(
        self, query: Vectors, k: int, allowed: Collection[int] | Ids | Mask | None = None
    ) -> tuple[Ids, Scores]:
        """The ``k`` nearest ids and their cosine similarities, best first.

        ``allowed`` (ids, or a boolean mask indexed by id) restricts the result to those
        ids, exactly: filtered approximate
        search loses recall badly, so a subset is scored from all of its own vectors.
        """
        q = np.ascontiguousarray(query, dtype=np.float32).reshape(1, self.dim)
        _search_threads()
        with self._lock.read():
            if allowed is not None:
                subset = allowed if isinstance(allowed, np.ndarray) else as_ids(allowed)
                if subset.dtype != np.bool_:
                    subset = subset.astype(np.int64, copy=False).ravel()
                return self._search_subset(q, k, subset)
            k = min(k, len(self))
            if k <= 0:
                return np.empty(0, np.int64), np.empty(0, np.float32)
            params: Any = None
            if self.approximate:
                params = faiss.SearchParametersIVF(nprobe=self.nprobe)  # type: ignore[call-arg]
            scores, ids = self._index.search(q, k, params=params)
        keep = ids[0] >= 0
        return ids[0][keep].astype(np.int64), scores[0][keep]

    def search_many(self, queries: Vectors, k: int) -> tuple[Ids, Scores]:
        """The ``k`` nearest ids of each query row and their cosines, best first (-1 pads a
        row when the index holds fewer than ``k``). One FAISS call: a matrix product, not a
        loop of single searches (duplicate detection asks this for every stored vector)."""
        q = np.ascontiguousarray(queries, dtype=np.float32).reshape(-1, self.dim)
        with self._lock.read():
            k = min(k, len(self))
            if k <= 0 or len(q) == 0:
                return np.full((len(q), 0), -1, np.int64), np.empty((len(q), 0), np.float32)
            params: Any = None
            if self.approximate:
                params = faiss.SearchParametersIVF(nprobe=self.nprobe)  # type: ignore[call-arg]
            if len(q) >= MANY:
                with _bulk_threads():
                    scores, ids = self._index.search(q, k, params=params)
            else:
                _search_threads()
                scores, ids = self._index.search(q, k, params=params)
        return ids.astype(np.int64), scores

    def _search_subset(self, q: Vectors, k: int, allowed: Ids | Mask) -> tuple[Ids, Scores]:
        # Ids not in the index are dropped; a mask (indexed by id) skips building one.
        present_mask = self._present
        if allowed.dtype == np.bool_:
            n = min(len(allowed), len(present_mask))
            mask = allowed[:n] & present_mask[:n]
            count = int(np.count_nonzero(mask))
            present = np.flatnonzero(mask) if count <= GATHER_MAX else None
        else:
            ids = allowed.astype(np.int64, copy=False)
            present = np.unique(ids[self._has(ids)])
            count = len(present)
            mask = None
        k = min(k, count)
        if k <= 0:
            return np.empty(0, np.int64), np.empty(0, np.float32)
        if present is not None and count <= GATHER_MAX:
            present = present.astype(np.int64)
            scores = self._index.reconstruct_batch(present) @ q[0]
            top = np.argsort(-scores, kind="stable")[:k]
            return present[top], scores[top].astype(np.float32)
        if mask is None:
            assert present is not None
            mask = np.zeros(int(present[-1]) + 1, dtype=bool)
            mask[present] = True
        packed = np.packbits(mask, bitorder="little")
        selector = faiss.IDSelectorBitmap(len(packed), faiss.swig_ptr(packed))
        if self.approximate:
            # Every list: exact over the subset, at the cost of one pass over the ids.
            params: Any = faiss.SearchParametersIVF(sel=selector, nprobe=self._index.nlist)  # type: ignore[call-arg]
        else:
            params = faiss.SearchParameters(sel=selector)  # type: ignore[call-arg]
        scores_, ids_ = self._index.search(q, k, params=params)
        keep = ids_[0] >= 0
        return ids_[0][keep].astype(np.int64), scores_[0][keep]

    def _maybe_grow(self) -> None:
        # Past exact_max an exact scan costs too much per query: switch to IVF once.
        if self.approximate or len(self) <= self.exact_max:
            return
        ids = self.ids()
        vecs = np.asarray(self._index.reconstruct_batch(ids), dtype=np.float32)
        nlist = int(4 * np.sqrt(len(ids)))
        quantizer = faiss.IndexFlatIP(self.dim)
        ivf = faiss.IndexIVFFlat(quantizer, self.dim, nlist, faiss.METRIC_INNER_PRODUCT)
        with _bulk_threads():
            ivf.train(vecs)
            ivf.set_direct_map_type(faiss.DirectMap.Hashtable)  # type: ignore[attr-defined]  # reconstruct and remove by id
            ivf.add_with_ids(vecs, ids)
        self._index = ivf

    def save(self, path: Path) -> None:
        """Write atomically: a crash mid-write leaves the previous file intact."""
        with self._lock.read():
            write_atomically(path, lambda tmp: faiss.write_index(self._index, str(tmp)))

    @classmethod
    def load(cls, path: Path, dim: int, exact_max: int = 50_000, nprobe: int = 16) -> VectorIndex:
        index = cls(dim, exact_max, nprobe)
        loaded = faiss.read_index(str(path))
        if loaded.d != dim:
            raise ValueError(f"index at {path} has dimension {loaded.d}, expected {dim}")
        index._index = loaded
        index._mark(_stored_ids(loaded), True)
        return index

    def rebuild_approximate(self, train: Vectors | None = None) -> None:
        """Retrain the IVF lists, e.g. after the data drifted far from the first training."""
        with self._lock.write():
            if self.approximate:
                ids = self.ids()
                vecs = np.asarray(self._index.reconstruct_batch(ids), dtype=np.float32)
                self._index = faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))
                self._index.add_with_ids(vecs, ids)
            self._maybe_grow()


def _stored_ids(index: Any) -> Ids:
    if not isinstance(index, faiss.IndexIVF):
        return faiss.vector_to_array(index.id_map).astype(np.int64)
    lists: Any = index.invlists
    parts = [
        faiss.rev_swig_ptr(lists.get_ids(i), lists.list_size(i)).copy()
        for i in range(lists.nlist)
        if lists.list_size(i)
    ]
    return np.concatenate(parts).astype(np.int64) if parts else np.empty(0, np.int64)
