"""The ONNX Runtime backend of all-MiniLM-L6-v2 against the torch model: speed and agreement.

Texts are the quality benchmark's (bench/quality_data.py: the sector test's Techstars
one-liners, dev and test, and the history test's later startups). For each backend:
texts/s one text a call (a write or an unsaved profile) and in batches of 32 (ingest);
the cosine of each text's vector with the torch one; and, ranking every sector-test
startup's nearest neighbours among all the texts by cosine, the top-10 overlap with the
torch model's ranking (the agreement issue 15, item 3 asks for, >= 0.95).

    .venv/bin/python -m bench.onnx_encoder [--single 200] [--batch-texts 2000]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from bench.common import OUT, log, write_json
from bench.quality_data import DEFAULT_DATA, history_split, sector_split
from matchmaker.matching.encoder import Encoder, SentenceTransformerEncoder
from matchmaker.matching.onnx_encoder import OnnxEncoder


def texts_per_second(encoder: Encoder, texts: list[str], batch: int) -> float:
    encoder.encode(texts[:batch])  # warm-up
    start = time.perf_counter()
    for i in range(0, len(texts), batch):
        encoder.encode(texts[i : i + batch])
    return len(texts) / (time.perf_counter() - start)


def top10_overlap(reference: np.ndarray, other: np.ndarray, queries: int) -> float:
    """Mean share of each query's 10 nearest texts (itself left out) both models agree on."""
    shared = []
    for q in range(queries):
        ref = reference @ reference[q]
        oth = other @ other[q]
        ref[q] = oth[q] = -np.inf
        a = set(np.argpartition(-ref, 10)[:10].tolist())
        b = set(np.argpartition(-oth, 10)[:10].tolist())
        shared.append(len(a & b) / 10)
    return float(np.mean(shared))


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--single", type=int, default=200, help="texts encoded one a call")
    p.add_argument("--batch-texts", type=int, default=2000, help="texts encoded 32 a call")
    args = p.parse_args(argv)
    dev, test = sector_split(DEFAULT_DATA, 13, 5, 40)
    history = history_split(DEFAULT_DATA, "2012-07-01", 13)
    texts = [c.text for c in test + dev] + [c.text for c in history.later]
    queries = len(test)
    log(f"{len(texts)} texts ({queries} sector-test startups as queries)")
    torch_model = SentenceTransformerEncoder("", 32)
    reference = torch_model.encode(texts)
    backends: list[tuple[str, Encoder]] = [
        ("torch (sentence-transformers)", torch_model),
        ("onnx fp32", OnnxEncoder(quantize=False, batch_size=32)),  # into data/models
        ("onnx int8", OnnxEncoder(quantize=True, batch_size=32)),
    ]
    rows: dict[str, dict[str, Any]] = {}
    for name, encoder in backends:
        vectors = reference if encoder is torch_model else encoder.encode(texts)
        cosines = np.sum(vectors * reference, axis=1)
        single = texts_per_second(encoder, texts[: args.single], 1)
        batched = texts_per_second(encoder, texts[: args.batch_texts], 32)
        rows[name] = {
            "texts_per_s_single": round(single, 1),
            "texts_per_s_batch32": round(batched, 1),
            "cosine_min": round(float(cosines.min()), 5),
            "cosine_mean": round(float(cosines.mean()), 5),
            "top10_overlap": round(top10_overlap(reference, vectors, queries), 4),
        }
        log(f"{name}: {rows[name]}")
    path = write_json("onnx_encoder", {"texts": len(texts), "queries": queries, "rows": rows})
    log(f"wrote {path.relative_to(OUT.parent.parent)}")
    print(
        "| backend | texts/s, one a call | texts/s, 32 a call | cosine with torch min / mean "
        "| top-10 overlap |"
    )
    print("|---|---|---|---|---|")
    for name, r in rows.items():
        print(
            f"| {name} | {r['texts_per_s_single']} | {r['texts_per_s_batch32']} | "
            f"{r['cosine_min']} / {r['cosine_mean']} | {r['top10_overlap']} |"
        )


if __name__ == "__main__":
    main()
