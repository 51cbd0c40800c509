"""Match requests as recorded decisions grow (issue 15): the founder's and the manager's list
through HTTP with 0, 2,000 and 10,000 decisions on the incubators.

    .venv/bin/python -m bench.decisions_scale
    .venv/bin/python -m bench.decisions_scale --size 2000 --decisions 0 1000    # smoke run

The database is the one ``bench.http_routes`` builds (the demo data and ``--size`` startups);
each step adds accepted (60%) and declined (40%) decisions of random incubators on random
startups straight into the ``match`` table (as a busy deployment would have recorded them
over months through ``POST /v1/matches``), then starts ``matchmaker serve`` over it and times
sequential requests: p50 and the server's CPU per request. Every list ranks with the history
component, which reads all decisions of the target kind.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import OUT, log, write_json  # noqa: E402
from bench.http_routes import cpu_seconds, fresh_build  # noqa: E402
from bench.server import free_port, serve, wait_ready  # noqa: E402

ROUTES = {
    "founder": "/v1/startups/1/matches?target=incubators",
    "manager": "/v1/incubators/1/matches",
}


def add_decisions(db: Path, total: int, startups: int, seed: int = 0) -> int:
    """Decisions of the incubators until ``total`` exist; the number added."""
    with sqlite3.connect(db) as conn:
        incubators = [r[0] for r in conn.execute("SELECT id FROM incubator")]
        taken = {(s, i) for s, i in conn.execute("SELECT startup_id, incubator_id FROM match")}
        rng = random.Random(seed + total)
        rows: list[tuple[Any, ...]] = []
        while len(taken) < total:
            pair = (rng.randint(41, startups), rng.choice(incubators))
            if pair in taken:
                continue
            taken.add(pair)
            decision = "accepted" if rng.random() < 0.6 else "declined"
            stamp = "2026-12-01 00:00:00"
            rows.append((*pair, "incubator", decision, decision, 1, stamp, stamp))
        conn.executemany(
            "INSERT INTO match (startup_id, incubator_id, target_kind, target_decision, state,"
            " version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return len(rows)


def timed(work: Path, url: str, keys: dict[str, str], rounds: int) -> dict[str, Any]:
    port = free_port()
    env = {"MATCHMAKER_RATE_LIMIT_PER_MINUTE": "0"}
    out: dict[str, Any] = {}
    with serve(url, work, port, env, work / "server.log") as proc:
        if wait_ready(proc, port, 600) is None:
            raise RuntimeError("the server did not become ready")
        for name, path in ROUTES.items():
            headers = {"Authorization": f"Bearer {keys[name]}"}
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers) as client:
                for _ in range(3):
                    client.get(path).raise_for_status()
                before, times = cpu_seconds(proc.pid), []
                for _ in range(rounds):
                    started = time.perf_counter()
                    client.get(path).raise_for_status()
                    times.append((time.perf_counter() - started) * 1000)
                cpu = (cpu_seconds(proc.pid) - before) * 1000 / rounds
            out[name] = {"p50_ms": round(statistics.median(times), 1), "cpu_ms": round(cpu, 1)}
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--size", type=int, default=10_000, help="stored startups in all")
    p.add_argument("--decisions", type=int, nargs="+", default=[0, 2_000, 10_000])
    p.add_argument("--rounds", type=int, default=30, help="sequential requests per route")
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args(argv)
    work, built = fresh_build(args.out, "decisions", args.size)
    steps: dict[str, Any] = {}
    for total in sorted(args.decisions):
        added = add_decisions(work / "mm.db", total, args.size)
        log(f"decisions: {total:,} ({added:,} added)")
        steps[str(total)] = timed(work, built["url"], built["keys"], args.rounds)
    write_json("decisions_scale", {"startups": args.size, "steps": steps}, args.out)
    shutil.rmtree(work, ignore_errors=True)
    print("| decisions | founder p50 ms / server CPU ms | manager p50 ms / server CPU ms |")
    print("|---|---|---|")
    for total, s in steps.items():
        f, m = s["founder"], s["manager"]
        print(f"| {int(total):,} | {f['p50_ms']} / {f['cpu_ms']} | {m['p50_ms']} / {m['cpu_ms']} |")
    return steps


if __name__ == "__main__":
    main()
