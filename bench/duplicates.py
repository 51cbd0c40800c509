"""How long duplicate detection takes at 10k+ profiles, and whether it finds planted duplicates.

Builds ``--rows`` synthetic startups (bench/synth.py, embedded with the real model) plus
``--planted`` re-entries of randomly chosen ones under another spelling ("Co., Ltd." added,
other case, one sentence added to the description), stores them in a fresh SQLite database
and a VectorIndex, and times ``duplicates.detect.find`` (the work behind
``GET /v1/admin/duplicates``). Prints the time, how many planted pairs were found (recall)
and how many other pairs were listed.

    .venv/bin/python -m bench.duplicates --rows 10000 --planted 100 --vectors /tmp/dupes.npy

``--vectors`` keeps the embeddings in a file (made on the first run, read on the next), so a
second run times detection without encoding 10k texts again.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import insert
from sqlalchemy.orm import Session

from bench import synth
from matchmaker import migrations_state
from matchmaker.db import make_engine
from matchmaker.duplicates import detect
from matchmaker.kinds import STARTUP
from matchmaker.matching.index import VectorIndex
from matchmaker.matching.registry import load_encoder


def _row(body: dict[str, Any], n: int) -> dict[str, Any]:
    loc = body["location"]
    return {
        "id": n,
        "name": body["name"],
        "pitch": body["pitch"],
        "description": body["description"],
        "domains": body["domains"],
        "stage": body["stage"],
        "trl": body["trl"],
        "city": loc["city"],
        "region": loc["region"],
        "country": loc["country"],
        "dedupe_key": f"{n}|{body['name']}",
        "version": 1,
    }


def _respelt(body: dict[str, Any]) -> dict[str, Any]:
    return {
        **body,
        "name": body["name"].upper().replace(" TECH ", " Technology ") + " Co., Ltd.",
        "description": body["description"] + " We were founded in Beijing.",
    }


def run(rows: int, planted: int, seed: int = 7, cache: Path | None = None) -> dict[str, Any]:
    bodies = list(synth.startups(rows, seed=seed))
    rng = np.random.default_rng(seed)
    originals = sorted(rng.choice(rows, size=planted, replace=False).tolist())
    bodies += [_respelt(bodies[i]) for i in originals]
    expected = {(i + 1, rows + k + 1) for k, i in enumerate(originals)}
    started = time.perf_counter()
    if cache is not None and cache.exists():
        vectors = np.load(cache)
    else:
        encoder = load_encoder("", 64)
        vectors = encoder.encode([f"{b['name']}. {b['pitch']}. {b['description']}" for b in bodies])
        if cache is not None:
            np.save(cache, vectors)
    encode_s = time.perf_counter() - started
    if len(vectors) != len(bodies):
        raise SystemExit(f"{cache} holds {len(vectors)} vectors, not {len(bodies)}")
    index = VectorIndex(vectors.shape[1])
    ids = np.arange(1, len(bodies) + 1, dtype=np.int64)
    index.add(ids, vectors)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'dupes.db'}"
        migrations_state.upgrade(url)
        engine = make_engine(url)
        with Session(engine) as session, session.begin():
            session.execute(insert(STARTUP.model), [_row(b, n) for n, b in enumerate(bodies, 1)])
        timings = []
        with Session(engine) as session:
            for _ in range(3):
                started = time.perf_counter()
                pairs = detect.find(session, STARTUP, index)
                timings.append(time.perf_counter() - started)
        engine.dispose()
    found = {(p.keep.id, p.merge.id) for p in pairs}
    return {
        "profiles": len(bodies),
        "planted": planted,
        "encode_or_load_seconds": round(encode_s, 1),
        "find_seconds": [round(t, 2) for t in timings],
        "planted_found": len(found & expected),
        "other_pairs": len(found - expected),
        "other_examples": [
            (p.keep.title, p.merge.title, p.name_similarity, p.cosine)
            for p in pairs
            if (p.keep.id, p.merge.id) not in expected
        ][:5],
    }


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--planted", type=int, default=100)
    parser.add_argument("--vectors", type=Path, help="an .npy file to keep the embeddings in")
    args = parser.parse_args(argv)
    report = run(args.rows, args.planted, cache=args.vectors)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return report


if __name__ == "__main__":
    main()
