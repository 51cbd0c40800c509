"""A FAISS vector index behind a small interface; ids are database ids.

Exact inner-product search (vectors are unit length, so inner product is cosine) up to
``exact_max`` vectors; above that an IVF index trained on the stored vectors, whose
``nprobe`` is set from the recall measured by ``bench/``. Every method takes the lock:
FAISS allows concurrent searches but not a search during an add or remove.
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from pathlib import Path
from typing import Any

import faiss
import numpy as np
import numpy.typing as npt

from matchmaker.matching.encoder import Vectors

Ids = npt.NDArray[np.int64]


class VectorIndex:
    """add / remove / search / save / load over (id, unit vector) pairs."""

    def __init__(self, dim: int, exact_max: int = 200_000, nprobe: int = 32) -> None:
        self.dim = dim
        self.exact_max = exact_max
        self.nprobe = nprobe
        self._lock = threading.RLock()
        # IDMap2 over a flat index, or a bare IVF (which keeps external ids itself: IDMap's
        # remove assumes the inner index renumbers like a flat one, and IVF does not).
        # Any: the faiss stubs do not know the SWIG classes' real signatures.
        self._index: Any = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        self._ids: Ids | None = None  # sorted id cache, dropped on every write

    def __len__(self) -> int:
        return int(self._index.ntotal)

    @property
    def approximate(self) -> bool:
        return isinstance(self._index, faiss.IndexIVF)

    def __contains__(self, profile_id: object) -> bool:
        ids = self.ids()
        if not isinstance(profile_id, int):
            return False
        pos = int(np.searchsorted(ids, profile_id))
        return pos < len(ids) and int(ids[pos]) == profile_id

    def ids(self) -> Ids:
        with self._lock:
            if self._ids is None:
                self._ids = np.sort(self._collect_ids())
            return self._ids

    def _collect_ids(self) -> Ids:
        if not self.approximate:
            return faiss.vector_to_array(self._index.id_map).astype(np.int64)
        lists = self._index.invlists
        parts = [
            faiss.rev_swig_ptr(lists.get_ids(i), lists.list_size(i)).copy()
            for i in range(lists.nlist)
            if lists.list_size(i)
        ]
        return np.concatenate(parts).astype(np.int64) if parts else np.empty(0, np.int64)

    def add(self, ids: Collection[int], vectors: Vectors) -> None:
        """Insert or replace vectors; an id already present is replaced."""
        if len(ids) == 0:
            return
        arr = np.asarray(list(ids), dtype=np.int64)
        vecs = np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(arr), self.dim)
        with self._lock:
            self._ids = None
            self._index.remove_ids(arr)
            self._index.add_with_ids(vecs, arr)
            self._maybe_grow()

    def remove(self, ids: Collection[int]) -> None:
        if len(ids) == 0:
            return
        with self._lock:
            self._ids = None
            self._index.remove_ids(np.asarray(list(ids), dtype=np.int64))

    def vectors(self, ids: Collection[int]) -> Vectors:
        """Stored vectors of ``ids`` (all must be present), in the given order."""
        with self._lock:
            out = np.empty((len(ids), self.dim), dtype=np.float32)
            for row, i in enumerate(ids):
                out[row] = self._index.reconstruct(int(i))
            return out

    def search(
        self, query: Vectors, k: int, allowed: Collection[int] | None = None
    ) -> tuple[Ids, npt.NDArray[np.float32]]:
        """The ``k`` nearest ids and their cosine similarities, best first.

        ``allowed`` restricts the result to those ids. A small allowed set is scored
        exactly from its own vectors: filtered approximate search loses recall badly.
        """
        q = np.ascontiguousarray(query, dtype=np.float32).reshape(1, self.dim)
        with self._lock:
            if allowed is not None:
                return self._search_subset(q, k, allowed)
            k = min(k, len(self))
            if k <= 0:
                return np.empty(0, np.int64), np.empty(0, np.float32)
            params: Any = None
            if self.approximate:
                params = faiss.SearchParametersIVF(nprobe=self.nprobe)  # type: ignore[call-arg]
            scores, ids = self._index.search(q, k, params=params)
        keep = ids[0] >= 0
        return ids[0][keep].astype(np.int64), scores[0][keep]

    def _search_subset(
        self, q: Vectors, k: int, allowed: Collection[int]
    ) -> tuple[Ids, npt.NDArray[np.float32]]:
        present = np.fromiter(allowed, dtype=np.int64, count=len(allowed))
        if len(present) == 0 or len(self) == 0:
            return np.empty(0, np.int64), np.empty(0, np.float32)
        k = min(k, len(present))
        if self.approximate or len(present) * 8 < len(self):
            # Gather the subset and score it exactly; ids not in the index are dropped.
            known = np.isin(present, self.ids(), assume_unique=False)
            present = present[known]
            if len(present) == 0:
                return np.empty(0, np.int64), np.empty(0, np.float32)
            scores = self.vectors(present) @ q[0]
            top = np.argsort(-scores, kind="stable")[:k]
            return present[top], scores[top]
        selector = faiss.IDSelectorBatch(present)
        scores_, ids_ = self._index.search(q, k, params=faiss.SearchParameters(sel=selector))  # type: ignore[call-arg]
        keep = ids_[0] >= 0
        return ids_[0][keep].astype(np.int64), scores_[0][keep]

    def _maybe_grow(self) -> None:
        # Past exact_max an exact scan costs too much per query: switch to IVF once.
        if self.approximate or len(self) <= self.exact_max:
            return
        ids = self.ids()
        vecs = self.vectors(ids)
        nlist = int(4 * np.sqrt(len(ids)))
        quantizer = faiss.IndexFlatIP(self.dim)
        ivf = faiss.IndexIVFFlat(quantizer, self.dim, nlist, faiss.METRIC_INNER_PRODUCT)
        ivf.train(vecs)
        ivf.set_direct_map_type(faiss.DirectMap.Hashtable)  # type: ignore[attr-defined]  # reconstruct and remove by id
        ivf.add_with_ids(vecs, ids)
        self._index = ivf
        self._ids = None

    def save(self, path: Path) -> None:
        """Write atomically: a crash mid-write leaves the previous file intact."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        with self._lock:
            faiss.write_index(self._index, str(tmp))
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path, dim: int, exact_max: int = 200_000, nprobe: int = 32) -> VectorIndex:
        index = cls(dim, exact_max, nprobe)
        loaded = faiss.read_index(str(path))
        if loaded.d != dim:
            raise ValueError(f"index at {path} has dimension {loaded.d}, expected {dim}")
        index._index = loaded
        return index

    def rebuild_approximate(self, train: Vectors | None = None) -> None:
        """Retrain the IVF lists, e.g. after the data drifted far from the first training."""
        with self._lock:
            if self.approximate:
                ids = self.ids()
                vecs = self.vectors(ids)
                self._index = faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))
                self._index.add_with_ids(vecs, ids)
            self._ids = None
            self._maybe_grow()
