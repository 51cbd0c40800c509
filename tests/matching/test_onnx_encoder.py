"""The ONNX Runtime backend of the default model: exported locally from the packaged weights,
loaded offline, and its vectors are the torch model's (cosine > 0.999 in fp32)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from matchmaker.matching.encoder import Encoder
from matchmaker.matching.onnx_encoder import ONNX_INT8_NAME, ONNX_NAME, OnnxEncoder
from matchmaker.matching.registry import load_encoder, spec_of

TEXTS = [
    "Solid-state lidar sensors and perception software for autonomous mining trucks.",
    "Hard-tech incubator with shared labs, a pilot line and a seed fund in Haidian.",
    "Perovskite solar cells",
    "固态激光雷达传感器和感知软件，用于自动驾驶矿用卡车。",
    "We build CRISPR diagnostics for hospitals; our team of twelve has run pilots in "
    "three provinces and seeks lab equipment, a pilot scenario and mentoring. " * 12,
    "",
]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("onnx")


@pytest.fixture(scope="module")
def onnx_encoder(cache: Path) -> OnnxEncoder:
    return OnnxEncoder(cache, batch_size=4)


def test_vectors_agree_with_the_torch_model(onnx_encoder: OnnxEncoder, encoder: Encoder) -> None:
    mine = onnx_encoder.encode(TEXTS)
    theirs = encoder.encode(TEXTS)
    assert mine.shape == theirs.shape == (len(TEXTS), 384)
    assert mine.dtype == np.float32
    assert np.allclose(np.linalg.norm(mine, axis=1), 1.0, atol=1e-5)
    cosines = np.sum(mine * theirs, axis=1)
    assert cosines.min() > 0.999, cosines
    # Batching and order do not change a text's vector.
    alone = np.stack([onnx_encoder.encode([t])[0] for t in TEXTS])
    assert np.allclose(alone, mine, atol=1e-5)
    assert onnx_encoder.encode([]).shape == (0, 384)


def test_the_graph_is_exported_once_into_the_cache(onnx_encoder: OnnxEncoder, cache: Path) -> None:
    graphs = sorted(p.name for p in cache.iterdir() if "int8" not in p.name)
    assert len(graphs) == 1, graphs
    assert graphs[0].endswith(".onnx")
    assert onnx_encoder.name == ONNX_NAME


def test_int8_is_close_and_registered(cache: Path, encoder: Encoder) -> None:
    int8 = load_encoder("all-MiniLM-L6-v2-onnx-int8", batch_size=8, cache=cache)
    assert int8.name == ONNX_INT8_NAME
    spec = spec_of("all-MiniLM-L6-v2-onnx-int8")
    assert spec is not None
    assert spec.stored_name == ONNX_INT8_NAME
    cosines = np.sum(int8.encode(TEXTS[:5]) * encoder.encode(TEXTS[:5]), axis=1)
    # Quantised weights move the vectors a little; how much it matters is in bench/RESULTS.md.
    assert cosines.min() > 0.95, cosines


def test_the_option_loads_offline_in_a_fresh_process(cache: Path) -> None:
    """A new process, hub access refused, the graph already exported: loads and encodes."""
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('no network in this test')\n"
        "socket.socket.connect = refuse\n"
        "from pathlib import Path\n"
        "from matchmaker.matching.registry import load_encoder\n"
        f"e = load_encoder('all-MiniLM-L6-v2-onnx', 32, Path({str(cache)!r}))\n"
        "print(e.name, e.encode(['lidar for trucks']).shape)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cache)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"{ONNX_NAME} (1, 384)"
