"""Two versions of the service side by side (issue 15): requests interleaved, p50 of each.

    git archive <commit> | tar -x -C /tmp/old
    .venv/bin/python -m bench.http_routes --quick --keep --no-results   # the database
    .venv/bin/python -m bench.ab_servers /tmp/old . --paths /healthz /v1/startups/1
    .venv/bin/python -m bench.ab_servers /tmp/old . --paths POST:/v1/recommendations

Each tree's ``matchmaker serve`` (``bench.server.serve(tree=...)``) runs on its own copy of
the database that ``bench.http_routes --keep`` left in ``--data``; every round asks each path
of both servers, in an order that alternates, so load from elsewhere hits both alike. Paths
with the manager's incubator (``/v1/incubators/1``) use the manager's key, the others the
founder's; ``POST:/v1/recommendations`` sends the README's unsaved startup. Two servers on
the same tree differed by 2-3 % here (the first started is a little faster): the noise floor
of this method.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import OUT  # noqa: E402
from bench.http_routes import RECOMMEND  # noqa: E402
from bench.server import free_port, serve, wait_ready  # noqa: E402


def ask(client: httpx.Client, path: str, keys: dict[str, str]) -> float:
    """Seconds for one request of ``path`` (``POST:`` prefix: the unsaved recommendation)."""
    role = "manager" if path.startswith("/v1/incubators/1") else "founder"
    headers = {"Authorization": f"Bearer {keys[role]}"}
    start = time.perf_counter()
    if path.startswith("POST:"):
        r = client.post(path.removeprefix("POST:"), json=RECOMMEND, headers=headers)
    else:
        r = client.get(path, headers=headers)
    took = time.perf_counter() - start
    if r.status_code != 200:
        raise RuntimeError(f"{path}: {r.status_code} {r.text[:300]}")
    return took


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("a", type=Path, help="checkout of version A")
    p.add_argument("b", type=Path, help="checkout of version B")
    p.add_argument("--paths", nargs="+", default=["/healthz", "/v1/startups/1"])
    p.add_argument("--rounds", type=int, default=300)
    p.add_argument("--data", type=Path, default=OUT / "work-http")
    args = p.parse_args(argv)
    keys = json.loads((args.data / "keys.json").read_text(encoding="utf-8"))
    took: dict[str, dict[str, list[float]]] = {"A": {}, "B": {}}
    with contextlib.ExitStack() as stack:
        clients: dict[str, httpx.Client] = {}
        for name, tree in (("A", args.a), ("B", args.b)):
            data = OUT / f"work-ab-{name}"
            shutil.rmtree(data, ignore_errors=True)
            shutil.copytree(args.data, data)
            port = free_port()
            env = {"MATCHMAKER_RATE_LIMIT_PER_MINUTE": "0"}
            url = f"sqlite:///{data / 'mm.db'}"
            proc = stack.enter_context(
                serve(url, data, port, env, data / "server.log", tree.resolve())
            )
            if wait_ready(proc, port, 300) is None:
                raise RuntimeError(f"{name}: not ready; see {data / 'server.log'}")
            base = f"http://127.0.0.1:{port}"
            clients[name] = stack.enter_context(httpx.Client(base_url=base, timeout=60))
        for r in range(args.rounds + 10):  # the first 10 rounds warm up
            for path in args.paths:
                for name in ("A", "B") if r % 2 else ("B", "A"):
                    seconds = ask(clients[name], path, keys)
                    if r >= 10:
                        took[name].setdefault(path, []).append(seconds)
    out: dict[str, dict[str, float]] = {}
    for path in args.paths:
        a, b = (statistics.median(took[n][path]) * 1000 for n in ("A", "B"))
        out[path] = {"a_p50_ms": round(a, 2), "b_p50_ms": round(b, 2), "b_over_a": round(b / a, 3)}
        print(f"{path:45s} A {a:7.2f} ms  B {b:7.2f} ms  B/A {b / a:.3f}")
    return out


if __name__ == "__main__":
    main()
