"""Where a list's first stage spends its time: each step's mean ms a request, in this process.

    .venv/bin/python -m bench.http_routes --size 100000 --keep --no-results --rounds 10
    .venv/bin/python -m bench.first_stage_steps bench/out/work-http /v1/incubators/1/matches

DATA_DIR holds a database built by ``bench.http_routes --keep`` (its 30 decisions included)
and the demo keys beside it; the list is asked with the admin key through ``TestClient``
over the app ``matchmaker serve`` runs, on a copy of the folder (the original stays as it
was). The steps are ``matching/pool.py``'s, timed by wrapping them; a step's time includes
the steps it calls (``Pool.add`` inside ``_best_first``, for example). Unlike
``bench.profile_routes`` there is no profiler, so the request's own p50 is comparable with
other runs on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import bench.common  # noqa: E402,F401  (offline, like the service)

STEPS = (
    "_universe",
    "_part",
    "_best_first",
    "_centre_cosines",
    "_own_words",
    "without_shared_domain",
)


def _timed(spent: dict[str, float], name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - started

    return run


def wrap(spent: dict[str, float]) -> None:
    """Time the first stage's steps into ``spent`` (seconds, summed)."""
    from matchmaker.matching import pool, service

    for name in STEPS:
        setattr(pool, name, _timed(spent, name, getattr(pool, name)))
    pool.Pool.add = _timed(spent, "Pool.add", pool.Pool.add)  # type: ignore[method-assign]
    at = pool.ScoreBound.at
    pool.ScoreBound.at = _timed(spent, "ScoreBound.at", at)  # type: ignore[method-assign]
    service.widen = _timed(spent, "widen (all of it)", service.widen)
    # The index's searches and vector reads (the first search included).
    from matchmaker.matching.index import VectorIndex

    for name in ("search", "present_vectors"):
        method = getattr(VectorIndex, name)
        setattr(VectorIndex, name, _timed(spent, f"index.{name}", method))


def main(argv: list[str] | None = None) -> dict[str, float]:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("data_dir", type=Path)
    p.add_argument("path", help="a list, e.g. /v1/incubators/1/matches")
    p.add_argument("-n", type=int, default=40, help="timed requests (after 5 to warm up)")
    p.add_argument("--batches", type=int, default=None, help="the first stage's batch cap")
    args = p.parse_args(argv)
    from fastapi.testclient import TestClient

    from matchmaker.app import create_app
    from matchmaker.config import Settings

    keys = json.loads((args.data_dir / "keys.json").read_text(encoding="utf-8"))
    headers = {"Authorization": f"Bearer {keys['admin']}"}
    spent: dict[str, float] = defaultdict(float)
    wrap(spent)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "data"
        shutil.copytree(args.data_dir, work)
        settings = Settings(
            database_url=f"sqlite:///{work / 'mm.db'}", data_dir=work, rate_limit_per_minute=0
        )
        if args.batches is not None:
            settings = settings.model_copy(update={"first_stage_batches": args.batches})
        times = []
        with TestClient(create_app(settings)) as client:
            for _ in range(5):
                client.get(args.path, headers=headers).raise_for_status()
            spent.clear()
            for _ in range(args.n):
                started = time.perf_counter()
                client.get(args.path, headers=headers).raise_for_status()
                times.append(time.perf_counter() - started)
    out = {"request p50": statistics.median(times) * 1000}
    out |= {name: total / args.n * 1000 for name, total in spent.items()}
    print(f"{args.path}, {args.n} requests, batches {settings.first_stage_batches}")
    for name, ms in sorted(out.items(), key=lambda item: -item[1]):
        print(f"  {name:24s} {ms:7.2f} ms")
    return out


if __name__ == "__main__":
    main()
