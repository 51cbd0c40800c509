"""Where one route spends its time: cProfile over the ASGI app, in this process.

    .venv/bin/python -m bench.profile_routes DATA_DIR KEY METHOD PATH [--json BODY] [-n 40]

KEY is an API key, or a demo role (founder, manager, admin, partner) whose key
``bench.http_routes --keep`` saved beside the database.

DATA_DIR holds a database built by ``bench.http_routes --keep`` (``bench/out/work-http``).
The app is the one ``matchmaker serve`` runs (``create_app``), called through httpx's ASGI
transport. Thread-pool hops are run inline here so that one profiler sees the whole request
(cProfile follows one thread); what the hops themselves cost is measured by
``bench.http_routes`` on a real server, not here.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import pstats
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import bench.common  # noqa: E402,F401  (offline, like the service)


def _inline_threadpool() -> None:
    import anyio.to_thread

    async def run_sync(func: Any, *args: Any, **_: Any) -> Any:
        return func(*args)

    anyio.to_thread.run_sync = run_sync  # type: ignore[assignment]


async def _profile(args: argparse.Namespace) -> str:
    import httpx

    from matchmaker.app import create_app
    from matchmaker.config import Settings

    url = f"sqlite:///{args.data_dir / 'mm.db'}"
    # Every answer computed unless asked (--kept): a kept answer skips the engine's work
    # (matching/answers.py), and the route's profile is then of what is left around it.
    settings = Settings(
        database_url=url, data_dir=args.data_dir, rate_limit_per_minute=0, answers_kept=args.kept
    )
    app = create_app(settings)
    body = json.loads(args.json) if args.json else None
    key = args.key
    saved = args.data_dir / "keys.json"  # written by bench.http_routes --keep
    if not key.startswith("mm_") and saved.exists():
        key = json.loads(saved.read_text(encoding="utf-8"))[key]
    headers = {"Authorization": f"Bearer {key}"}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for _ in range(3):  # warm-up
                r = await client.request(args.method, args.path, headers=headers, json=body)
                r.raise_for_status()
            prof = cProfile.Profile()
            prof.enable()
            for _ in range(args.n):
                await client.request(args.method, args.path, headers=headers, json=body)
            prof.disable()
    if args.dump:
        prof.dump_stats(args.dump)
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).sort_stats(args.sort)
    stats.print_stats(args.top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("data_dir", type=Path)
    p.add_argument("key")
    p.add_argument("method")
    p.add_argument("path")
    p.add_argument("--json", help="request body")
    p.add_argument("-n", type=int, default=40, help="profiled requests")
    p.add_argument(
        "--kept", type=int, default=0, help="answers kept (MATCHMAKER_ANSWERS_KEPT); 0: none"
    )
    p.add_argument("--sort", default="cumulative")
    p.add_argument("--top", type=int, default=45)
    p.add_argument("--dump", type=Path, help="also write the raw profile here (pstats format)")
    args = p.parse_args(argv)
    print(profile(args))


def profile(args: argparse.Namespace) -> str:
    """The printed profile of ``args.n`` requests (``args`` as ``main`` parses them)."""
    _inline_threadpool()
    return asyncio.run(_profile(args))


if __name__ == "__main__":
    main()
