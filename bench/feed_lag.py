"""Change-feed lag across replicas, and requests/s through HAProxy with one and two replicas.

Two `matchmaker serve` replicas on one throwaway PostgreSQL database. Lag: a startup created
(then deleted) through replica A, until replica B's match list for an incubator shows it
(then no longer does), polled over HTTP; measured from A's answer. Throughput: an
incubator's matches through HAProxy in front of A alone, then of A and B, from ``--clients``
concurrent clients for ``--seconds``.

    .venv/bin/python -m bench.feed_lag [--pg-url URL] [--samples 100]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.common import pct
from bench.ingest import pg_database
from bench.replicas import Replica, haproxy, replica_env, start_all
from matchmaker.access import service as access
from matchmaker.access.models import Role
from matchmaker.db import make_engine, make_sessionmaker

BACKGROUND = 20  # startups of other fields, so the match list is not trivially short
POLL = 0.01  # seconds between B's reads while waiting


def _key(url: str) -> dict[str, str]:
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as session, session.begin():
            issued = access.create_key(session, Role("admin"), "bench feed_lag")
        return {"Authorization": f"Bearer {issued.plaintext}"}
    finally:
        engine.dispose()


def _startup(n: int, domains: list[str]) -> dict[str, Any]:
    return {
        "name": f"Bench Startup {n}",
        "pitch": "Trapped-ion quantum processors" if "quantum" in domains else "Robot arms",
        "description": "A hard-tech team building its first product.",
        "domains": domains,
        "stage": "prototype",
        "trl": 4,
        "founded_year": 2022,
        "team_size": 12,
        "location": {"city": "Beijing", "region": "beijing", "country": "CN"},
        "needs": ["lab_equipment", "pilot_scenario"],
        "languages": ["zh", "en"],
        "contact_email": f"founder{n}@example.com",
    }


def _wait(client: httpx.Client, path: str, present: int | None, absent: int | None) -> float:
    started = time.perf_counter()
    while True:
        r = client.get(path, params={"limit": 50})
        ids = {m["profile"]["id"] for m in r.json()["matches"]}
        if (present is None or present in ids) and (absent is None or absent not in ids):
            return time.perf_counter() - started
        if time.perf_counter() - started > 30:
            raise RuntimeError(f"not visible through B in 30 s: {present=} {absent=}")
        time.sleep(POLL)


def lag(a: str, b: str, headers: dict[str, str], samples: int) -> dict[str, Any]:
    with httpx.Client(headers=headers, timeout=30) as ca, httpx.Client(headers=headers) as cb:
        incubator = ca.post(
            f"{a}/v1/incubators",
            json={
                "name": "Bench Quantum Incubator",
                "description": "Labs for quantum hardware teams.",
                "kind": "national_incubator",
                "domains": ["quantum"],
                "stages": ["prototype", "pilot"],
                "trl_min": 3,
                "trl_max": 7,
                "services": ["lab_equipment", "pilot_line"],
                "capacity": 5,
                "languages": ["zh"],
                "location": {"city": "Beijing", "region": "beijing", "country": "CN"},
            },
        )
        incubator.raise_for_status()
        path = f"{b}/v1/incubators/{incubator.json()['id']}/matches"
        for n in range(BACKGROUND):
            ca.post(f"{a}/v1/startups", json=_startup(n, ["robotics"])).raise_for_status()
        created, deleted = [], []
        for n in range(samples):
            r = ca.post(f"{a}/v1/startups", json=_startup(1000 + n, ["quantum"]))
            r.raise_for_status()
            new = int(r.json()["id"])
            created.append(_wait(cb, path, new, None))
            ca.delete(f"{a}/v1/startups/{new}").raise_for_status()
            deleted.append(_wait(cb, path, None, new))
    both = created + deleted

    def stats(xs: list[float]) -> dict[str, float]:
        return {"p50_s": round(pct(xs, 50), 3), "p99_s": round(pct(xs, 99), 3), "n": len(xs)}

    return {"create": stats(created), "delete": stats(deleted), "all": stats(both)}


async def _load(url: str, headers: dict[str, str], clients: int, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds

    async def one(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < stop:
            started = time.perf_counter()
            r = await client.get(url, params={"limit": 10})
            if r.status_code == 200:
                latencies.append(time.perf_counter() - started)
            else:
                errors += 1

    async with httpx.AsyncClient(headers=headers, timeout=60) as client:
        await asyncio.gather(*(one(client) for _ in range(clients)))
    return {
        "rps": round(len(latencies) / seconds, 1),
        "p50_ms": round(pct(latencies, 50) * 1000, 1),
        "p99_ms": round(pct(latencies, 99) * 1000, 1),
        "errors": errors,
    }


def throughput(
    replicas: list[Replica], headers: dict[str, str], work: Path, clients: int, seconds: float
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with httpx.Client(headers=headers) as c:
        incubator = c.get(f"{replicas[0].url}/v1/incubators").json()["items"][0]["id"]
    for n in (1, 2):
        folder = work / f"haproxy{n}"
        folder.mkdir()
        with haproxy([r.port for r in replicas[:n]], folder) as balancer:
            url = f"{balancer}/v1/incubators/{incubator}/matches"
            asyncio.run(_load(url, headers, clients, 2))  # warm-up
            out[f"{n}_replica" + ("s" if n > 1 else "")] = asyncio.run(
                _load(url, headers, clients, seconds)
            )
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get(
        "MATCHMAKER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    p.add_argument("--pg-url", default=default, help="admin URL; a throwaway database is made")
    p.add_argument("--samples", type=int, default=100, help="creates (and deletes) timed")
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--seconds", type=float, default=15.0)
    args = p.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="mm-feed-lag-"))
    with pg_database(args.pg_url) as url:
        headers = _key(url)
        env = {"log_format": "text", "rate_limit_per_minute": 0}
        replicas = [
            Replica(replica_env(url, work / f"r{i}", **env), work / f"r{i}.log") for i in range(2)
        ]
        try:
            start_all(replicas)
            a, b = (r.url for r in replicas)
            result = {"lag": lag(a, b, headers, args.samples)}
            result["throughput"] = throughput(replicas, headers, work, args.clients, args.seconds)
        finally:
            for r in replicas:
                r.stop()
            shutil.rmtree(work, ignore_errors=True)
    result["cpus"] = os.cpu_count()
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
