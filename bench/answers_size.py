"""Memory one kept answer holds (``matching/answers.py``), by the list's length.

    .venv/bin/python -m bench.http_routes --quick --keep     # a database and its demo keys
    .venv/bin/python -m bench.answers_size                   # bench/out/work-http

The app ``matchmaker serve`` runs, in this process over that database: a manager's list is
asked for with each ``--limits`` value, and the memory freed when the kept answers are
dropped (``tracemalloc``, traced from before the request) is what the answer held. The JSON
body's size is printed beside it.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import sys
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import bench.common  # noqa: E402,F401  (offline, like the service)
from bench.common import OUT  # noqa: E402


async def _measure(work: Path, limits: list[int]) -> list[tuple[int, int, int]]:
    import httpx

    from matchmaker.app import create_app
    from matchmaker.config import Settings

    keys = json.loads((work / "keys.json").read_text(encoding="utf-8"))
    settings = Settings(
        database_url=f"sqlite:///{work / 'mm.db'}", data_dir=work, rate_limit_per_minute=0
    )
    app = create_app(settings)
    headers = {"Authorization": f"Bearer {keys['manager']}"}
    out = []
    async with app.router.lifespan_context(app):
        answers = app.state.runtime.matcher.answers
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            await client.get("/v1/incubators/1/matches?limit=5", headers=headers)  # warm-up
            for limit in limits:
                answers.clear()
                gc.collect()
                tracemalloc.start()
                r = await client.get(f"/v1/incubators/1/matches?limit={limit}", headers=headers)
                r.raise_for_status()
                gc.collect()
                kept = tracemalloc.take_snapshot()
                answers.clear()
                gc.collect()
                dropped = tracemalloc.take_snapshot()
                tracemalloc.stop()
                freed = -sum(s.size_diff for s in dropped.compare_to(kept, "filename"))
                out.append((len(r.json()["matches"]), len(r.content), freed))
    return out


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--work", type=Path, default=OUT / "work-http")
    p.add_argument("--limits", type=int, nargs="+", default=[10, 50, 100])
    args = p.parse_args(argv)
    rows = asyncio.run(_measure(args.work, args.limits))
    print("| matches | JSON bytes | kept answer, KB |")
    print("|---|---|---|")
    for matches, size, freed in rows:
        print(f"| {matches} | {size:,} | {freed / 1024:,.0f} |")


if __name__ == "__main__":
    main()
