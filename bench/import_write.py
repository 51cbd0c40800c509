"""What an import spends beside the encoder, and the statements it sends (issue 15).

    .venv/bin/python -m bench.import_write                          # this checkout, 3 runs
    .venv/bin/python -m bench.import_write --trees /tmp/old . --repeat 5   # A/B, alternating

Each run is a fresh process on a fresh SQLite database: ``--rows`` synthetic startups
(``bench/synth.py``) written to a JSON file and imported by the import service, as
``matchmaker import`` does, with the real model. The encoder's calls are timed from outside,
so *beside the encoder* is the job's wall time minus the time spent inside ``encode``: the
validation, the texts, the statements, the index. Statements are counted by their verb and
table as the driver receives them (an executemany is one). ``--trees`` runs each checkout's
code in turn (``PYTHONPATH``; e.g. ``git archive`` of an older commit) for an A/B; the
through-the-API figure is ``bench.ingest_http``'s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _one(rows: int) -> dict[str, Any]:
    """One import in this process (the ``matchmaker`` on ``sys.path`` is the tree's)."""
    from sqlalchemy import event

    from bench import synth
    from matchmaker.config import Settings
    from matchmaker.imports import service
    from matchmaker.matching.registry import load_encoder
    from matchmaker.migrations_state import upgrade
    from matchmaker.runtime import open_runtime

    work = Path(tempfile.mkdtemp(prefix="mm-import-write-"))
    url = f"sqlite:///{work / 'mm.db'}"
    upgrade(url)
    path = work / "startups.json"
    bodies = [{**b, "external_id": f"w-{n}"} for n, b in enumerate(synth.startups(rows, seed=7))]
    path.write_text(json.dumps(bodies), encoding="utf-8")
    settings = Settings(database_url=url, data_dir=work)
    inner = load_encoder(
        settings.model, settings.encode_batch_size, settings.model_cache, settings.one_text_onnx
    )
    encoding = [0.0]

    class Timed:
        name, dim = inner.name, inner.dim

        def encode(self, texts: list[str]) -> Any:
            started = time.perf_counter()
            try:
                return inner.encode(texts)
            finally:
                encoding[0] += time.perf_counter() - started

    runtime = open_runtime(settings, Timed())
    statements: Counter[str] = Counter()

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        words = statement.split()
        after = ("FROM", "INTO", "UPDATE")
        table = next((words[i + 1] for i, w in enumerate(words[:-1]) if w in after), "?")
        statements[f"{words[0]} {table}"] += 1

    try:
        with runtime.sessions() as session, session.begin():
            job_id = service.create_job(
                session,
                kind="startups",
                fmt="json",
                source="bench",
                filename=path.name,
                path=path,
                mapping=None,
                account_id=None,
            ).id
        event.listen(runtime.engine, "before_cursor_execute", count)
        started = time.perf_counter()
        status = service.run(runtime.sessions, job_id, settings)
        seconds = time.perf_counter() - started
    finally:
        runtime.close()
    if status != "finished":
        raise RuntimeError(f"import ended {status}")
    return {
        "rows": rows,
        "seconds": seconds,
        "encode_seconds": encoding[0],
        "beside_ms_per_row": (seconds - encoding[0]) / rows * 1000,
        "statements": sum(statements.values()),
        "by_statement": dict(statements.most_common()),
    }


def _run(tree: Path, rows: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tree), str(ROOT)])}
    out = subprocess.run(
        [sys.executable, "-m", "bench.import_write", "--one", "--rows", str(rows)],
        cwd=tree,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {"tree": str(tree), **json.loads(out.strip().splitlines()[-1])}


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--rows", type=int, default=1000)
    p.add_argument("--trees", nargs="+", type=Path, default=[ROOT])
    p.add_argument("--repeat", type=int, default=3, help="rounds over the trees")
    p.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.one:
        print(json.dumps(_one(args.rows)))
        return []
    runs = []
    for round_ in range(args.repeat):
        for tree in args.trees:
            run = _run(tree.resolve(), args.rows)
            runs.append(run)
            print(
                f"round {round_ + 1} {tree}: {run['beside_ms_per_row']:.2f} ms a row beside "
                f"the encoder ({run['encode_seconds']:.1f} s of {run['seconds']:.1f} s encoding); "
                f"{run['statements']} statements",
                flush=True,
            )
    print(f"\n{args.rows:,} startups, one import each run\n")
    print("| tree | runs | ms a row beside the encoder, median (min-max) | statements | per row |")
    print("|---|---|---|---|---|")
    for tree in args.trees:
        mine = [r for r in runs if r["tree"] == str(tree.resolve())]
        beside = [r["beside_ms_per_row"] for r in mine]
        print(
            f"| {tree} | {len(mine)} | {statistics.median(beside):.2f} "
            f"({min(beside):.2f}-{max(beside):.2f}) | {mine[0]['statements']} | "
            f"{mine[0]['statements'] / args.rows:.1f} |"
        )
    return runs


if __name__ == "__main__":
    main()
