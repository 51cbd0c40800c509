"""Ingest through the HTTP API, per encoder backend, against the raw torch encoder (issue 15).

    .venv/bin/python -m bench.ingest_http                   # 1,000 startups a backend
    .venv/bin/python -m bench.ingest_http --rows 300 --models all-MiniLM-L6-v2-onnx
    .venv/bin/python -m bench.ingest_http --models all-MiniLM-L6-v2 --trees /tmp/old .  # A/B

For each backend (``MATCHMAKER_MODEL``): a fresh SQLite database, ``matchmaker serve`` with
that model, and one upload of ``--rows`` synthetic startups (``bench/synth.py``, every one
distinct) to ``POST /v1/imports`` as a JSON array, timed from the upload to the job's
``finished_at`` as the server stamps it (the status is read every ``--poll`` seconds, 0.2
by default; each read is work the server does beside the import). The reference is the raw
torch model (sentence-transformers' ``encode`` of the same composed texts, batch 32), timed
in this process just before and just after each server's run; the ratio is the API's rows/s
over the mean of the two. The ONNX graph is exported once into ``--cache`` (``matchmaker
export-onnx`` does the same) and shared by the runs. ``--trees A B ...`` runs each backend's
server on each of those checkouts in turn (e.g. ``git archive`` of an older commit), for an
A/B of the import path under the same load; ``--repeat`` alternates them again.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import synth  # noqa: E402
from bench.common import OUT, log, write_json  # noqa: E402
from bench.ingest import raw_encode, texts_of  # noqa: E402
from bench.server import free_port, serve, wait_ready  # noqa: E402

MODELS = ("all-MiniLM-L6-v2", "all-MiniLM-L6-v2-onnx")


def _admin_key(url: str) -> str:
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker

    from matchmaker.access import service as access
    from matchmaker.access.models import Role

    engine = create_engine(url)
    try:
        with sessionmaker(engine)() as session, session.begin():
            return access.create_key(session, Role.admin, "bench ingest", (), (), None).plaintext
    finally:
        engine.dispose()


def _raw_rate(texts: list[str]) -> float:
    """Texts a second of the raw torch model at the engine's batch size (loaded once)."""
    global _MODEL
    if _MODEL is None:
        from matchmaker.matching.encoder import SentenceTransformerEncoder

        _MODEL = SentenceTransformerEncoder()
    seconds, _ = raw_encode(_MODEL, texts)
    return len(texts) / seconds


_MODEL: Any = None


def _upload(
    base: str, key: str, bodies: list[dict[str, Any]], timeout: float, poll: float
) -> float:
    """Seconds from the upload to the job's ``finished_at`` as the server stamped it (the
    same machine's clock), so the poll interval bounds neither precision nor the result."""
    headers = {"Authorization": f"Bearer {key}"}
    # Each row names its id in the source, so a second upload would update, not duplicate.
    rows = [{**b, "external_id": f"bench-{n}"} for n, b in enumerate(bodies)]
    payload = json.dumps(rows).encode()
    with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
        start, wall = time.perf_counter(), time.time()
        r = client.post(
            "/v1/imports",
            files={"file": ("startups.json", payload, "application/json")},
            data={"kind": "startups", "source": "bench"},
        )
        r.raise_for_status()
        job = r.json()
        while job["status"] not in ("finished", "failed"):
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"import not done after {timeout:.0f} s: {job}")
            time.sleep(poll)
            job = client.get(f"/v1/imports/{job['id']}").json()
    if job["status"] != "finished" or job.get("created") != len(bodies):
        raise RuntimeError(f"import did not create every row: {json.dumps(job)[:500]}")
    finished = datetime.fromisoformat(job["finished_at"].replace("Z", "+00:00")).timestamp()
    return finished - wall


def run_model(
    model: str,
    bodies: list[dict[str, Any]],
    texts: list[str],
    work: Path,
    cache: Path,
    tree: Path | None = None,
    poll: float = 0.2,
) -> dict[str, Any]:
    from matchmaker.migrations_state import upgrade

    folder = work / model
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "models").symlink_to(cache)  # where checkouts before MODEL_CACHE look
    url = f"sqlite:///{folder / 'mm.db'}"
    upgrade(url)
    key = _admin_key(url)
    before = _raw_rate(texts)
    port = free_port()
    env = {
        "MATCHMAKER_MODEL": model,
        "MATCHMAKER_MODEL_CACHE": str(cache),
        "MATCHMAKER_RATE_LIMIT_PER_MINUTE": "0",
    }
    with serve(url, folder, port, env, folder / "server.log", tree) as proc:
        if wait_ready(proc, port, 300) is None:
            raise RuntimeError(f"{model}: server not ready; see {folder / 'server.log'}")
        took = _upload(f"http://127.0.0.1:{port}", key, bodies, 3600, poll)
    after = _raw_rate(texts)
    api = len(bodies) / took
    raw = (before + after) / 2
    where = f" ({tree})" if tree else ""
    log(
        f"{model}{where}: {api:.1f} rows/s through the API; "
        f"raw torch {before:.1f} / {after:.1f} texts/s"
    )
    return {
        "model": model,
        "tree": str(tree or "."),
        "rows": len(bodies),
        "poll_seconds": poll,
        "seconds": round(took, 2),
        "api_rows_per_s": round(api, 2),
        "raw_torch_texts_per_s": round(raw, 2),
        "raw_before": round(before, 2),
        "raw_after": round(after, 2),
        "ratio_vs_raw_torch": round(api / raw, 3),
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--rows", type=int, default=1000)
    p.add_argument("--models", nargs="+", default=list(MODELS))
    p.add_argument("--cache", type=Path, default=OUT / "onnx-cache", help="ONNX graphs")
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--trees", nargs="+", type=Path, help="checkouts whose server to run (A/B)")
    p.add_argument("--repeat", type=int, default=1, help="rounds over the trees")
    p.add_argument(
        "--poll",
        type=float,
        default=0.2,
        help="seconds between the client's status reads (each is work the server does beside "
        "the import)",
    )
    args = p.parse_args(argv)

    from matchmaker.matching.onnx_encoder import OnnxEncoder

    args.cache.mkdir(parents=True, exist_ok=True)
    if any("onnx" in m for m in args.models):
        OnnxEncoder(cache=args.cache, quantize=False)  # exports the graph once, if missing
    bodies = list(synth.startups(args.rows, seed=7))
    texts = texts_of(bodies)
    work = args.out / "work-ingest-http"
    shutil.rmtree(work, ignore_errors=True)
    trees = [t.resolve() for t in args.trees] if args.trees else [None]
    rows = [
        run_model(m, bodies, texts, work, args.cache.resolve(), tree, args.poll)
        for _ in range(args.repeat)
        for m in args.models
        for tree in trees
    ]
    shutil.rmtree(work, ignore_errors=True)
    print(f"\n{args.rows:,} startups a backend, one upload to POST /v1/imports\n")
    print("| backend | tree | rows/s through the API | raw torch texts/s (before/after) | ratio |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(
            f"| `{r['model']}` | {r['tree']} | {r['api_rows_per_s']:.1f} | {r['raw_before']:.1f} / "
            f"{r['raw_after']:.1f} | {r['ratio_vs_raw_torch']:.2f} |"
        )
    report = {"rows": rows}
    write_json("ingest_http", report, args.out)
    return report


if __name__ == "__main__":
    main()
