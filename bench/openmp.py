"""OpenMP threads that spin or sleep: what the wait policy costs a server (issue 15).

    .venv/bin/python -m bench.openmp                 # 10k stored startups
    .venv/bin/python -m bench.openmp --size 2000     # a smoke run

torch and FAISS run their parallel regions on OpenMP threads, which by default spin for a
while after each region (``OMP_WAIT_POLICY=ACTIVE`` behaviour) before they sleep; the
service sets ``PASSIVE`` unless told otherwise (matchmaker/__init__.py). This compares the
two, each in a fresh process, so the policy is read when libgomp loads:

- the server (``matchmaker serve`` over the database ``bench.http_routes`` builds): the
  manager's match and the unsaved recommendation, sequential (p50 and the server's CPU per
  request), then the manager's match with 1 and 8 concurrent clients (requests/s and the
  server's CPU per request meanwhile);
- the encoder alone (the default model, in a child process): texts/s one text a call and a
  batch of 256 in one call.

Runs alternate ACTIVE, PASSIVE, ACTIVE, PASSIVE, so that load from other processes falls on
both alike; the figures to compare are those of the same round.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import OUT, log, write_json  # noqa: E402
from bench.http_routes import RECOMMEND, cpu_seconds, fresh_build  # noqa: E402
from bench.server import _load, free_port, serve, wait_ready  # noqa: E402

POLICIES = ("ACTIVE", "PASSIVE")
ENCODE = """
import json, sys, time
sys.path.insert(0, {root!r})
from matchmaker.matching.registry import load_encoder
encoder = load_encoder("")
texts = [f"Startup {{i}} builds quantum sensors, edge AI chips and robots for factory "
         f"lines, batteries and medical imaging, with pilots in Tianjin and Hebei {{i}}."
         for i in range(256)]
encoder.encode(texts[:32])
started = time.perf_counter()
for text in texts[:40]:
    encoder.encode([text])
one = 40 / (time.perf_counter() - started)
started = time.perf_counter()
encoder.encode(texts)
print(json.dumps({{"one_per_s": one, "batch_per_s": 256 / (time.perf_counter() - started)}}))
"""


def _sequential(
    client: httpx.Client, pid: int, method: str, path: str, body: Any, n: int
) -> dict[str, float]:
    for _ in range(3):
        client.request(method, path, json=body).raise_for_status()
    before, times = cpu_seconds(pid), []
    for _ in range(n):
        started = time.perf_counter()
        client.request(method, path, json=body).raise_for_status()
        times.append((time.perf_counter() - started) * 1000)
    return {
        "p50_ms": round(statistics.median(times), 2),
        "server_cpu_ms": round((cpu_seconds(pid) - before) * 1000 / n, 2),
    }


def _concurrent(pid: int, url: str, key: str, clients: int, seconds: float) -> dict[str, float]:
    before = cpu_seconds(pid)
    got = asyncio.run(_load(url, {"Authorization": f"Bearer {key}"}, clients, seconds, 100_000))
    return {
        "rps": got["rps"],
        "server_cpu_ms": round((cpu_seconds(pid) - before) * 1000 / max(got["requests"], 1), 2),
    }


def server_round(built: dict[str, Any], work: Path, policy: str, args: Any) -> dict[str, Any]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        "OMP_WAIT_POLICY": policy,
        "MATCHMAKER_RATE_LIMIT_PER_MINUTE": "100000000",
        "MATCHMAKER_RATE_LIMIT_BURST": "1000000",
    }
    keys = built["keys"]
    out: dict[str, Any] = {}
    with serve(built["url"], work, port, env, work / f"server-{policy}.log") as proc:
        if wait_ready(proc, port, 300) is None:
            raise RuntimeError("the server did not become ready")
        manager = {"Authorization": f"Bearer {keys['manager']}"}
        founder = {"Authorization": f"Bearer {keys['founder']}"}
        with httpx.Client(base_url=base, headers=manager, timeout=60) as client:
            path = "/v1/incubators/1/matches"
            out["manager"] = _sequential(client, proc.pid, "GET", path, None, args.rounds)
        with httpx.Client(base_url=base, headers=founder, timeout=60) as client:
            out["unsaved"] = _sequential(
                client, proc.pid, "POST", "/v1/recommendations", RECOMMEND, args.rounds
            )
        for clients in (1, 8):
            out[f"manager_{clients}_clients"] = _concurrent(
                proc.pid, f"{base}/v1/incubators/1/matches", keys["manager"], clients, args.seconds
            )
    return out


def encoder_round(policy: str) -> dict[str, float]:
    env = {**os.environ, "OMP_WAIT_POLICY": policy, "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", ENCODE.format(root=str(ROOT))],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return {k: round(v, 1) for k, v in figures.items()}


def markdown(rounds: list[dict[str, Any]]) -> str:
    lines = [
        "| round | policy | manager p50 ms / CPU ms | unsaved p50 ms / CPU ms | manager, 1 client: "
        "req/s / CPU ms | 8 clients: req/s / CPU ms | encode, one a call / batch: texts/s |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rounds:
        s, e = r["server"], r["encoder"]
        one, eight = s["manager_1_clients"], s["manager_8_clients"]
        lines.append(
            f"| {r['round']} | {r['policy']} | {s['manager']['p50_ms']} / "
            f"{s['manager']['server_cpu_ms']} | {s['unsaved']['p50_ms']} / "
            f"{s['unsaved']['server_cpu_ms']} | {one['rps']} / {one['server_cpu_ms']} | "
            f"{eight['rps']} / {eight['server_cpu_ms']} | {e['one_per_s']} / {e['batch_per_s']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--size", type=int, default=10_000, help="stored startups in all")
    p.add_argument("--rounds", type=int, default=40, help="sequential requests per route")
    p.add_argument("--seconds", type=float, default=5.0, help="per concurrent measurement")
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args(argv)
    work, built = fresh_build(args.out, "openmp", args.size)
    rounds = []
    for n in (1, 2):
        for policy in POLICIES:
            log(f"openmp: round {n}, {policy}")
            server = server_round(built, work, policy, args)
            rounds.append(
                {"round": n, "policy": policy, "server": server, "encoder": encoder_round(policy)}
            )
    write_json("openmp", {"startups": args.size, "rounds": rounds}, args.out)
    shutil.rmtree(work, ignore_errors=True)
    print(markdown(rounds))
    return rounds


if __name__ == "__main__":
    main()
