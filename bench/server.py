"""Benchmarks 5 and 7 on a real server process: cold start to ready, HTTP throughput.

The server is ``matchmaker serve`` (uvicorn) on 127.0.0.1, over the dataset the run built;
all load goes to loopback only, bounded in count and time.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from bench.common import log, ratio, rss_mb, summary

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(
    url: str,
    data_dir: Path,
    port: int,
    extra_env: dict[str, str] | None = None,
    log_file: Path | None = None,
    tree: Path | None = None,
) -> Iterator[subprocess.Popen[bytes]]:
    """The server; its stderr (a line per request) goes to ``log_file`` when given: a pipe
    nobody reads fills up after a few hundred requests and stalls the server. ``tree``: run
    the ``matchmaker`` package of another checkout (e.g. ``git archive`` of an older commit)
    with this environment's dependencies, for A/B runs (``bench.ab_servers``)."""
    env = {
        **os.environ,
        **(extra_env or {}),
        "MATCHMAKER_DATABASE_URL": url,
        "MATCHMAKER_DATA_DIR": str(data_dir),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
    exe = str(Path(sys.executable).parent / "matchmaker")
    cmd = [exe, "serve", "--host", "127.0.0.1", "--port", str(port)]
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
        cmd[:1] = [sys.executable, "-c", "from matchmaker.cli import main; main()"]
    with contextlib.ExitStack() as stack:
        err: Any = subprocess.PIPE
        if log_file is not None:
            err = stack.enter_context(log_file.open("wb"))
        proc = subprocess.Popen(
            cmd, env=env, cwd=tree or ROOT, stdout=subprocess.DEVNULL, stderr=err
        )
        yield from _stopped(proc)


def _stopped(proc: subprocess.Popen[bytes]) -> Iterator[subprocess.Popen[bytes]]:
    try:
        yield proc
    finally:
        proc.send_signal(signal.SIGINT)  # a clean stop saves the snapshot, as in production
        try:
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wait_ready(proc: subprocess.Popen[bytes], port: int, timeout: float) -> float | None:
    """Seconds until /readyz answers 200, or None."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            raise RuntimeError(f"server exited with {proc.returncode}: {err[-2000:]}")
        try:
            r = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
            if r.status_code == 200:
                return time.perf_counter() - start
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    return None


def phases(url: str, data_dir: Path) -> dict[str, Any]:
    """Where a cold start spends its time, measured in a fresh process."""
    code = """
import json, time, sys
t0 = time.perf_counter()
import matchmaker.runtime as rt
from matchmaker.config import Settings
t1 = time.perf_counter()
from matchmaker.matching.encoder import SentenceTransformerEncoder
s = Settings()
enc = SentenceTransformerEncoder(s.model, s.encode_batch_size)
t2 = time.perf_counter()
runtime = rt.open_runtime(s, enc)
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "model_load_s": t2 - t1, "open_runtime_s": t3 - t2,
                  "indexed": {k: len(v) for k, v in runtime.store.indexes.items()}}))
runtime.engine.dispose()
"""
    env = {**os.environ, "MATCHMAKER_DATABASE_URL": url, "MATCHMAKER_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, timeout=600
    )
    if done.returncode:
        return {"error": done.stderr.decode(errors="replace")[-1500:]}
    import json

    out: dict[str, Any] = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in out.items()}


async def _load(
    url: str, headers: dict[str, str], concurrency: int, seconds: float, max_requests: int
) -> dict[str, Any]:
    """Closed-loop load: ``concurrency`` workers, until ``seconds`` or ``max_requests``."""
    latencies: list[float] = []
    errors = 0
    sent = 0
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal errors, sent
            while time.perf_counter() < stop and sent < max_requests:
                sent += 1
                start = time.perf_counter()
                try:
                    r = await client.get(url)
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append((time.perf_counter() - start) * 1000)

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": round(len(latencies) / elapsed, 1),
        **summary(latencies),
    }


def wrk(url: str, headers: dict[str, str], concurrency: int, seconds: int) -> dict[str, Any]:
    args = ["wrk", "-t2", f"-c{concurrency}", f"-d{seconds}s", "--latency"]
    for k, v in headers.items():
        args += ["-H", f"{k}: {v}"]
    done = subprocess.run([*args, url], capture_output=True, text=True, timeout=seconds + 30)
    rps = next(
        (float(line.split()[1]) for line in done.stdout.splitlines() if "Requests/sec" in line),
        float("nan"),
    )
    return {"rps": rps, "raw": done.stdout[-800:]}


def http_throughput(
    port: int, key: str, incubator_ids: list[int], concurrency: int, seconds: float
) -> dict[str, Any]:
    """Benchmark 5: match endpoint vs /healthz of the same server, same load generator."""
    base = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {key}"}
    match = f"{base}/v1/incubators/{incubator_ids[0]}/matches?limit=10"
    check = httpx.get(match, headers=headers, timeout=60)
    if check.status_code != 200:
        raise RuntimeError(f"match endpoint answered {check.status_code}: {check.text[:300]}")
    cap = int(seconds * 5000)
    asyncio.run(_load(f"{base}/healthz", {}, concurrency, 1.0, 200))  # warm-up
    out: dict[str, Any] = {"tool": "httpx (asyncio, in the benchmark process)"}
    out["concurrency"] = concurrency
    out["healthz"] = asyncio.run(_load(f"{base}/healthz", {}, concurrency, seconds, cap))
    out["match"] = asyncio.run(_load(match, headers, concurrency, seconds, cap))
    out["ratio_rps_match_vs_healthz"] = ratio(out["match"]["rps"], out["healthz"]["rps"])
    if shutil.which("wrk"):
        w_health = wrk(f"{base}/healthz", {}, concurrency, int(seconds))
        w_match = wrk(match, headers, concurrency, int(seconds))
        out["wrk"] = {
            "healthz_rps": w_health["rps"],
            "match_rps": w_match["rps"],
            "ratio_rps_match_vs_healthz": ratio(w_match["rps"], w_health["rps"]),
        }
    else:
        out["wrk"] = {"skipped": "wrk not installed (apt-get install -y wrk); httpx figures only"}
    return out


def cold_start_and_http(
    url: str,
    data_dir: Path,
    key: str,
    incubator_ids: list[int],
    concurrency: int,
    seconds: float,
) -> dict[str, Any]:
    port = free_port()
    log("cold start: matchmaker serve until /readyz is 200")
    out: dict[str, Any] = {}
    start = time.perf_counter()
    with serve(url, data_dir, port) as proc:
        ready = wait_ready(proc, port, 300)
        out["cold_start"] = {
            "ready_s": round(ready, 3) if ready is not None else None,
            "target_s_max": 15,
            **rss_mb(proc.pid),
        }
        if ready is None:
            return out
        log("http: load on /healthz and the match endpoint")
        out["http"] = http_throughput(port, key, incubator_ids, concurrency, seconds)
        out["http"]["server_rss_after_load"] = rss_mb(proc.pid)
    out["cold_start"]["total_with_shutdown_s"] = round(time.perf_counter() - start, 1)
    log("cold start: phases in a fresh process")
    out["cold_start"]["phases"] = phases(url, data_dir)
    return out
