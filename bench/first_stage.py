"""What the first stage of a list misses (issue 13, issue 15): each list asked for 10 and for
100, and the top 10 of each compared.

    .venv/bin/python -m bench.first_stage                 # 2,000 stored startups
    .venv/bin/python -m bench.first_stage --size 10000

A list first scores the ``max(5 × limit, 50)`` profiles nearest to the query's description,
then widens while the score bound says an unscored profile could still enter it
(``matching/pool.py``). If the top 10 of the list asked for 100 is not the list asked for
10, the first stage missed profiles that the engine itself scores higher. Each row also has
the batches the widening scored after the first (the nearest and the most promising) and
the list's p50 time asked for 10 (in this process, no HTTP: ``bench.http_routes`` has the
HTTP figures). The database is
``bench.http_routes``' (the demo data and ``--size`` scaled startups, no decisions beyond the
demo's; ``--decisions`` first enters ``bench.http_routes``' accepts and declines by the first
six incubators, so their lists carry the history component); the lists are asked through
the API in this process (``TestClient`` over the app ``matchmaker serve`` runs), with an
admin key. ``--batches N`` sets ``MATCHMAKER_FIRST_STAGE_BATCHES``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import OUT, log, write_json  # noqa: E402
from bench.http_routes import decide_with, fresh_build  # noqa: E402


def counting(searches: list[int]) -> Callable[..., int]:
    """The engine's widening step, counting its searches into ``searches``."""
    from matchmaker.matching import service

    widen = service.widen

    def counted(*args: Any, **kwargs: Any) -> int:
        made = widen(*args, **kwargs)
        searches.append(made)
        return made

    service.widen = counted
    return widen


def compare(
    client: Any, path: str, headers: dict[str, str], searches: list[int]
) -> dict[str, Any] | None:
    """The list asked for 10 against the top 10 of the list asked for 100."""
    sep = "&" if "?" in path else "?"
    times = []
    for _ in range(5):
        started = time.perf_counter()
        small = client.get(f"{path}{sep}limit=10", headers=headers).json().get("matches", [])
        times.append((time.perf_counter() - started) * 1000)
    made_small = searches[-1] if searches else 0
    large = client.get(f"{path}{sep}limit=100", headers=headers).json().get("matches", [])[:10]
    made_large = searches[-1] if searches else 0
    if not small:
        return None
    a, b = [m["score"] for m in small], [m["score"] for m in large]
    ids = {m["profile"]["id"] for m in small} & {m["profile"]["id"] for m in large}
    return {
        "path": path,
        "overlap": len(ids),
        "top1": [a[0], b[0]],
        "mean10": [round(statistics.fmean(a), 4), round(statistics.fmean(b), 4)],
        "searches": [made_small, made_large],
        "p50_ms": round(statistics.median(times), 1),
    }


def markdown(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| list | top-10 overlap | rank 1, limit 10 → 100 | mean of top 10 | more batches,"
        " limit 10 / 100 | p50 ms, limit 10 |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        (a1, b1), (am, bm), (s1, s2) = r["top1"], r["mean10"], r["searches"]
        lines.append(
            f"| `{r['path']}` | {r['overlap']}/10 | {a1:.3f} → {b1:.3f} | {am:.3f} → {bm:.3f}"
            f" | {s1} / {s2} | {r['p50_ms']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--size", type=int, default=2_000, help="stored startups in all")
    p.add_argument("--lists", type=int, default=12, help="incubators and startups asked")
    p.add_argument("--decisions", action="store_true", help="enter http_routes' decisions")
    p.add_argument("--batches", type=int, default=None, help="the first stage's batch cap")
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args(argv)
    from fastapi.testclient import TestClient

    from matchmaker.app import create_app
    from matchmaker.config import Settings

    work, built = fresh_build(args.out, "first-stage", args.size)
    settings = Settings(database_url=built["url"], data_dir=work, rate_limit_per_minute=0)
    if args.batches is not None:
        settings = settings.model_copy(update={"first_stage_batches": args.batches})
    headers = {"Authorization": f"Bearer {built['keys']['admin']}"}
    paths = [f"/v1/incubators/{i}/matches" for i in range(1, args.lists + 1)]
    paths += [f"/v1/startups/{i}/matches?target=incubators" for i in range(1, args.lists + 1)]
    log(f"first stage: {len(paths)} lists, each asked for 10 and for 100")
    searches: list[int] = []
    counting(searches)
    decided = 0
    with TestClient(create_app(settings, built["encoder"])) as client:
        if args.decisions:
            client.headers.update(headers)
            decided = decide_with(client, 6, 8)
            log(f"first stage: {decided} decisions entered")
        rows = [r for path in paths if (r := compare(client, path, headers, searches)) is not None]
    shutil.rmtree(work, ignore_errors=True)
    name = f"first_stage_{args.size}" + ("_decisions" if args.decisions else "")
    fig = {"startups": args.size, "decisions": decided, "batches": settings.first_stage_batches}
    write_json(name, fig | {"lists": rows}, args.out)
    print(markdown(rows))
    return rows


if __name__ == "__main__":
    main()
