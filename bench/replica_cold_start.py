"""Replica cold start at scale on PostgreSQL: snapshot + feed replay, pruned feed, no snapshot.

A throwaway PostgreSQL database gets ``--size`` startups written straight into the tables
(``bench/dataset.py``: vectors from a small pool the model embeds). Replica A starts once
(from the tables), then stops cleanly, writing its snapshot. While A is down, ``--writes``
creates, updates and deletes go through replica B's API (B starts from a copy of A's
snapshot). A is then cold-started three ways, each timed to ``/readyz`` 200 and checked:

* ``snapshot``: its snapshot, then the feed replayed from the snapshot's position;
* ``pruned``: the same snapshot, the feed pruned past it, so A rebuilds from the tables;
* ``no_snapshot``: its index folder deleted, so A builds from the tables.

The check: no bulk startup is at stage ``growth`` (the pool's are moved to
``early_revenue``), and every write sets or leaves a startup at ``growth`` in one
(region, domain) bucket, so the startups A's filtered match lists show at ``stage=growth``,
bucket by bucket, must be exactly those the writes left there (and B's lists the same).

    .venv/bin/python -m bench.replica_cold_start [--size 1000000] [--writes 1000]
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import numpy as np
from sqlalchemy import create_engine

from bench import dataset, synth
from bench.common import log, rss_mb
from bench.feed_lag import _key
from bench.ingest import pg_database, raw_encode, texts_of
from bench.replicas import Replica, replica_env
from matchmaker.config import Settings
from matchmaker.db import make_engine, make_sessionmaker, utcnow
from matchmaker.matching import feed
from matchmaker.matching.encoder import SentenceTransformerEncoder
from matchmaker.vocab import Domain, Region

POOL = 256  # synthetic startups embedded by the model: the pool the scaled ones copy
MARK = "growth"  # the stage no bulk startup has: the writes' startups are found by it
REGIONS = [r.value for r in Region]
DOMAINS = [d.value for d in Domain]
BUCKETS = [(r, d) for d in DOMAINS for r in REGIONS]
LIMIT = 100  # the API's largest page; a bucket must stay below it to be read whole
CLIENTS = 4  # concurrent writers through B
STEP = 100_000  # startups inserted between two progress lines
READY = 3600.0  # a build from the tables at 1M on the loaded two-core machine: many minutes


def _place(region: str) -> dict[str, str]:
    city = synth.CITIES[region][0]
    country = synth.COUNTRY.get(city, "FI") if region == "abroad" else "CN"
    return {"city": city, "region": region, "country": country}


def _marked(n: int) -> dict[str, Any]:
    """What a write sets: the marked stage, in bucket ``n``."""
    region, domain = BUCKETS[n % len(BUCKETS)]
    return {"stage": MARK, "trl": 8, "domains": [domain], "location": _place(region)}


def build(url: str, size: int) -> SentenceTransformerEncoder:
    """``size`` startups in the tables, none at the marked stage."""
    settings = Settings()
    encoder = SentenceTransformerEncoder(settings.model, settings.encode_batch_size)
    bodies = list(synth.startups(POOL, seed=0))
    for b in bodies:
        if b["stage"] == MARK:
            b["stage"], b["trl"] = "early_revenue", 7
    _, pool = raw_encode(encoder, texts_of(bodies))
    engine = create_engine(url)
    try:
        for first in range(1, size + 1, STEP):
            n = min(STEP, size + 1 - first)
            dataset.insert_startups(engine, bodies, pool, first, n, encoder.name, seed=first)
            log(f"  {first + n - 1} startups")
    finally:
        engine.dispose()
    return encoder


def writes(b: str, headers: dict[str, str], size: int, count: int) -> tuple[set[int], float]:
    """``count`` writes through B: 40 % creates, 40 % updates of bulk startups, 20 % deletes
    (half of created, half of updated ones). Returns the startups left at the marked stage
    and the writes per second."""
    creates = count * 2 // 5
    deletes = count // 5
    updates = count - creates - deletes
    step = max(1, size // (updates + 1))
    targets = [1 + i * step for i in range(updates)]
    started = time.perf_counter()
    with httpx.Client(headers=headers, timeout=120) as c, ThreadPoolExecutor(CLIENTS) as pool:

        def create(n: int) -> int:
            body = synth.startup(np.random.default_rng(n), 10_000_000 + n)
            r = c.post(f"{b}/v1/startups", json={**body, **_marked(n)})
            r.raise_for_status()
            return int(r.json()["id"])

        def patch(n: int) -> int:
            pid = targets[n]
            c.patch(f"{b}/v1/startups/{pid}", json=_marked(creates + n)).raise_for_status()
            return pid

        def remove(pid: int) -> int:
            c.delete(f"{b}/v1/startups/{pid}").raise_for_status()
            return pid

        created = list(pool.map(create, range(creates)))
        updated = list(pool.map(patch, range(updates)))
        gone = created[: deletes // 2] + updated[: deletes - deletes // 2]
        list(pool.map(remove, gone))
    seconds = time.perf_counter() - started
    return (set(created) | set(updated)) - set(gone), count / seconds


def marked_in(base: str, headers: dict[str, str], incubator: int) -> set[int]:
    """The startups a replica's filtered match lists show at the marked stage, all buckets."""
    seen: set[int] = set()
    with httpx.Client(headers=headers, timeout=120) as c:
        for region, domain in BUCKETS:
            r = c.get(
                f"{base}/v1/incubators/{incubator}/matches",
                params={"stage": MARK, "region": region, "domain": domain, "limit": LIMIT},
            )
            r.raise_for_status()
            ids = [int(m["profile"]["id"]) for m in r.json()["matches"]]
            if len(ids) >= LIMIT:
                raise RuntimeError(f"bucket {region}/{domain} is full: lower --writes")
            seen.update(ids)
    return seen


def loaded_report(log_file: Path) -> dict[str, Any]:
    """The replica's own "indexes loaded" line: per kind, the load and catch-up ms; the
    feed replay (from which position, how many changes, ms)."""
    report: dict[str, Any] = {}
    for line in log_file.read_text(errors="replace").splitlines():
        try:
            message = json.loads(line).get("message", "")
        except ValueError:
            continue
        if message.startswith("indexes loaded: "):
            report = ast.literal_eval(message.removeprefix("indexes loaded: "))
    return report


def cold_start(
    a: Replica, headers: dict[str, str], incubator: int, want: set[int]
) -> dict[str, Any]:
    a.log.write_bytes(b"")
    started = time.perf_counter()
    a.start()
    a.wait_ready(READY)
    ready = time.perf_counter() - started
    assert a.process is not None
    memory = rss_mb(a.process.pid)
    report = loaded_report(a.log)
    shown = marked_in(a.url, headers, incubator)
    startup = report.get("startup", {})
    return {
        "ready_s": round(ready, 1),
        "rss_mb": memory["rss_mb"],
        "startup_load_ms": startup.get("ms"),
        "fetched": startup.get("fetched"),
        "indexed": startup.get("indexed"),
        "feed": report.get("feed"),
        "correct": shown == want,
        "missing": len(want - shown),
        "extra": len(shown - want),
    }


def prune_everything(url: str) -> int:
    """Prune the feed by age as if every change were old (keeps only the newest row)."""
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as session, session.begin():
            return feed.prune(session, utcnow() + timedelta(seconds=1))
    finally:
        engine.dispose()


def run(url: str, size: int, count: int, work: Path, insert: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"size": size, "writes": count}
    if insert:
        t = time.perf_counter()
        log(f"inserting {size} startups (vectors from a pool of {POOL})")
        build(url, size)
        out["insert_s"] = round(time.perf_counter() - t, 1)
    headers = _key(url)
    env = {"log_format": "json", "rate_limit_per_minute": 0}
    a = Replica(replica_env(url, work / "a", **env), work / "a.log")
    b = Replica(replica_env(url, work / "b", **env), work / "b.log")
    try:
        log("A: first start, from the tables")
        t = time.perf_counter()
        a.start()
        a.wait_ready(READY)
        out["first_start_s"] = round(time.perf_counter() - t, 1)
        with httpx.Client(headers=headers, timeout=60) as c:
            body = synth.incubator(np.random.default_rng(7), 1)
            r = c.post(f"{a.url}/v1/incubators", json=body | {"stages": [MARK], "capacity": 5})
            r.raise_for_status()
            incubator = int(r.json()["id"])
        a.stop()  # clean: the snapshot is written
        position = json.loads((work / "a" / "index" / "startup.json").read_text())
        out["snapshot_position"] = position["feed_position"]
        shutil.copytree(work / "a" / "index", work / "b" / "index")
        log("B: start from a copy of A's snapshot")
        b.start()
        b.wait_ready(READY)
        log(f"B: {count} writes while A is down")
        want, rate = writes(b.url, headers, size, count)
        out["writes_per_s"] = round(rate, 1)
        out["marked"] = len(want)
        out["b_correct"] = marked_in(b.url, headers, incubator) == want
        out["runs"] = {}
        log("A: cold start from its snapshot, replaying the feed")
        out["runs"]["snapshot"] = cold_start(a, headers, incubator, want)
        a.kill()  # no new snapshot: the next start finds the same one
        out["pruned_rows"] = prune_everything(url)
        log("A: cold start from its snapshot, the feed pruned past it")
        out["runs"]["pruned"] = cold_start(a, headers, incubator, want)
        a.kill()
        shutil.rmtree(work / "a" / "index")
        log("A: cold start with no snapshot")
        out["runs"]["no_snapshot"] = cold_start(a, headers, incubator, want)
    finally:
        a.stop()
        b.stop()
    return out


def table(out: dict[str, Any]) -> str:
    lines = [
        "| start | ready (s) | RSS (MB) | startup load (ms) | vectors fetched | feed replayed "
        "(changes, ms) | checked |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in out["runs"].items():
        f = r["feed"] or {}
        check = "ok" if r["correct"] else f"**wrong** ({r['missing']} missing, {r['extra']} extra)"
        lines.append(
            f"| {name} | {r['ready_s']} | {r['rss_mb']} | {r['startup_load_ms']} | "
            f"{r['fetched']} | {f.get('replayed')}, {f.get('ms')} | {check} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get(
        "MATCHMAKER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    p.add_argument("--pg-url", default=default, help="admin URL; a throwaway database is made")
    p.add_argument("--size", type=int, default=1_000_000, help="startups in the tables")
    p.add_argument("--writes", type=int, default=1000, help="writes made while A is down")
    p.add_argument(
        "--reuse-database",
        metavar="URL",
        help="a database whose --size startups an interrupted run inserted (nothing else "
        "written since); used as it is and not dropped",
    )
    args = p.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="mm-cold-"))
    try:
        if args.reuse_database:
            out = run(args.reuse_database, args.size, args.writes, work, insert=False)
        else:
            with pg_database(args.pg_url) as url:
                out = run(url, args.size, args.writes, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out["cpus"] = os.cpu_count()
    print(json.dumps(out, indent=2))
    print(table(out))
    return out


if __name__ == "__main__":
    main()
