"""The default model with one text a call on ONNX Runtime and every batch on torch.

Measured on two cores with ~440-character startup texts (issue 15, item 3): one text took
14 ms (median) on ONNX Runtime fp32 against 26-27 ms on torch; with onnxruntime's threads not
spinning (below) and the cores shared with other work, 17-21 ms against 28-34 ms, and 26 ms of
CPU against 37 ms. Batches of 32 went 81-85 texts/s on torch against 65-69 on ONNX Runtime.
One text is the hot path (an unsaved profile's recommendation, a profile created or updated
through the API); batches are imports, reindexing and catching up. So each call goes where it
is faster.

The graph comes from the shared model cache (``MATCHMAKER_MODEL_CACHE``), put there by
``matchmaker export-onnx`` (``make install`` and the Dockerfile run it). It is never exported
at start: that is about 35 s of both cores, on a first start and in every test that loads the
model; without it single texts stay on torch and the start says how to get it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from matchmaker.matching.encoder import Encoder, ModelLoadError, SentenceTransformerEncoder, Vectors
from matchmaker.matching.onnx_encoder import OnnxEncoder, default_cache, exported_graph

log = logging.getLogger(__name__)

ONNXRUNTIME = "onnxruntime"
TORCH = "torch"


class OneTextOnnx:
    """``encode([text])`` on the ONNX graph of the default model, anything else on torch."""

    def __init__(self, torch_model: SentenceTransformerEncoder, graph: Path) -> None:
        # The torch model's name, so vectors stored by either stay valid with no reindex: the
        # two agree to cosine >= 0.9999999 on realistic texts (> 0.99999 on Chinese, empty and
        # truncated ones too, tests/matching/test_one_text_onnx.py), with the same top-10
        # neighbours and the same quality-benchmark figures to the last digit (bench/RESULTS.md,
        # section 17) -- the bar of issue 15 item 3 (top-10 overlap >= 0.95, no quality drop).
        self.name = torch_model.name
        self.dim = torch_model.dim
        self.graph = graph
        self._torch = torch_model
        # One lock for both: on two cores a batch and a single text encoded at once only
        # fight over them. No spinning: onnxruntime's threads spin for work after each run,
        # which took a one-text encode from 26 ms of CPU to 53-59 ms (for 2 ms less latency,
        # median), CPU the server's other requests need.
        self._onnx = OnnxEncoder(graph=graph, batch_size=1, lock=torch_model.lock, spin=False)
        if self._onnx.dim != self.dim:
            raise ModelLoadError(f"{graph} makes {self._onnx.dim}-d vectors, not {self.dim}-d")

    def encode(self, texts: list[str]) -> Vectors:
        if len(texts) == 1:
            return self._onnx.encode(texts)
        return self._torch.encode(texts)


def with_one_text_onnx(torch_model: SentenceTransformerEncoder, cache: Path | None) -> Encoder:
    """The default model with its single texts on ONNX Runtime when its graph is in ``cache``
    (the user's cache folder when None); otherwise ``torch_model`` itself, said once."""
    folder = cache or default_cache()
    graph = exported_graph(folder)
    if graph is None:
        log.info(
            "single texts are encoded on torch: no ONNX graph of the default model in %s; "
            "`matchmaker export-onnx` puts it there and makes one-text encodes ~2x faster",
            folder,
        )
        return torch_model
    try:
        encoder = OneTextOnnx(torch_model, graph)
    except ModelLoadError as exc:
        # Torch encodes every text as well, only slower: not a reason to refuse to start.
        log.warning("single texts are encoded on torch: %s", exc)
        return torch_model
    log.info("single texts are encoded on ONNX Runtime (%s), batches on torch", graph)
    return encoder


def one_text_backend(encoder: Encoder) -> str:
    """What encodes a single text: onnxruntime, torch, or another backend's class name."""
    if isinstance(encoder, OneTextOnnx | OnnxEncoder):
        return ONNXRUNTIME
    if isinstance(encoder, SentenceTransformerEncoder):
        return TORCH
    return type(encoder).__name__
