"""Benchmark 6: the same ingest and the same filtered top-10 query in Chroma (embedded).

``chromadb`` is used by the benchmark only. It is installed on demand with pip into
``bench/.peer/site`` (not into the project's environment: it brings uvloop, httptools and
others that would change how the service itself runs). The peer runs in a child process
whose ``sys.path`` has the project's packages first and that folder last, so it uses the
same torch and sentence-transformers; if the install or the import fails, the benchmark
says so and skips this part.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np

from bench.common import log, ratio

HERE = Path(__file__).resolve().parent
SITE = HERE / ".peer" / "site"


def ensure_chromadb(install: bool) -> str | None:
    """None when chromadb imports in the peer's path, else why not."""
    probe = [sys.executable, "-c", f"import sys; sys.path.append({str(SITE)!r}); import chromadb"]
    if subprocess.run(probe, capture_output=True).returncode == 0:
        return None
    if not install:
        return f"chromadb not installed (pip install --target {SITE} chromadb)"
    log(f"peer: installing chromadb into {SITE} (benchmark only)")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "--target",
            str(SITE),
            "chromadb",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if done.returncode:
        return f"pip could not install chromadb: {done.stderr[-600:]}"
    if subprocess.run(probe, capture_output=True).returncode:
        return "chromadb installed but does not import here"
    return None


def run(
    work: Path,
    texts: list[str],
    metadatas: list[dict[str, Any]],
    batch_size: int,
    vectors: np.ndarray,
    ids: np.ndarray,
    regions: list[str],
    ai: np.ndarray,
    queries: np.ndarray,
    ours: dict[str, Any],
    install: bool,
) -> dict[str, Any]:
    problem = ensure_chromadb(install)
    if problem:
        log(f"peer: skipped: {problem}")
        return {"skipped": problem}
    work.mkdir(parents=True, exist_ok=True)
    np.save(work / "vectors.npy", vectors)
    np.save(work / "ids.npy", ids)
    np.save(work / "ai.npy", ai)
    np.save(work / "queries.npy", queries)
    (work / "input.json").write_text(
        json.dumps(
            {"texts": texts, "metadatas": metadatas, "regions": regions, "batch_size": batch_size}
        )
    )
    log(f"peer: Chroma ingest of {len(texts)} texts and {len(ids)} vectors, filtered queries")
    done = subprocess.run(
        [sys.executable, str(HERE / "peer_chroma.py"), str(work), str(SITE)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode:
        return {"skipped": f"the Chroma run failed: {done.stderr[-1500:]}"}
    peer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    out: dict[str, Any] = {"chroma": peer, "ours": ours}
    # Ingest: each side relative to the raw encode of the same texts in its own process.
    out["ingest_ratio_ours_vs_chroma"] = ratio(
        ours["ingest_ratio_vs_raw_encode"], peer["ingest"]["ratio_vs_raw_encode"]
    )
    out["filtered_p50_ratio_chroma_vs_ours"] = ratio(
        peer["filtered"]["p50_ms"], ours["filtered_vector_index_p50_ms"]
    )
    out["filtered_p50_ratio_chroma_vs_our_matcher"] = ratio(
        peer["filtered"]["p50_ms"], ours["filtered_matcher_p50_ms"]
    )
    return out
