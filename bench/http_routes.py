"""The HTTP hot path (issue 15): each route's latency on a real server, as a ratio to /healthz.

    .venv/bin/python -m bench.http_routes                    # 10k stored startups
    .venv/bin/python -m bench.http_routes --size 100000      # 100k
    .venv/bin/python -m bench.http_routes --quick            # 2k, for a smoke run
    .venv/bin/python -m bench.http_routes --rerank           # + the manager's list re-ranked

The server is ``matchmaker serve`` over the demo data (``seed-demo``: its profiles, its keys)
plus scaled startups made as ``bench.run`` makes them (``bench.dataset``), and a few dozen
accept/decline decisions made through the API so the history component has work to do.
Requests are sequential and interleaved (each round asks every route once, in a rotating
order), so load from other processes hits every route alike; the figures that count are the
ratios to ``/healthz`` p50 in the same run. Throughput: 8 concurrent clients on the manager's
match route against ``/healthz``. Both are measured twice, on two servers over the same
database: as served (a list or bundle asked again is the answer kept from before,
``matching/answers.py``) and with ``MATCHMAKER_ANSWERS_KEPT=0`` (every answer computed, what
a list costs the first time or after anything it read changed). The unsaved-profile
recommendation is also compared with one raw encode of the same text by the same model, in
this process, interleaved with it: sentence-transformers' own `encode` (torch), and, when the
default model's ONNX graph is in the model cache (the server then encodes one text on it,
``matching/one_text.py``), the bare ONNX Runtime encoder on that graph.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import dataset, synth  # noqa: E402
from bench.common import OUT, log, ratio, summary, write_json  # noqa: E402
from bench.ingest import raw_encode, texts_of  # noqa: E402
from bench.results_block import replace_block, stamp  # noqa: E402
from bench.server import _load, free_port, serve, wait_ready  # noqa: E402
from matchmaker.recommendations.schemas import STARTUP_EXAMPLE  # noqa: E402

POOL = 256  # synthetic startups embedded by the model: the pool the scaled ones copy
# The README's (and the schema's) unsaved profile, against incubators only.
RECOMMEND = {**STARTUP_EXAMPLE, "targets": ["incubators"], "filters": {"limit": 10}}


def build(work: Path, size: int) -> dict[str, Any]:
    """A SQLite database with the demo data, ``size`` startups in all, and the demo keys."""
    from sqlalchemy import create_engine, func, select

    from matchmaker.access.demo import issue_demo_keys
    from matchmaker.config import Settings
    from matchmaker.demo import seed
    from matchmaker.matching.encoder import SentenceTransformerEncoder
    from matchmaker.migrations_state import upgrade
    from matchmaker.runtime import open_runtime
    from matchmaker.startups.models import Startup

    url = f"sqlite:///{work / 'mm.db'}"
    upgrade(url)
    settings = Settings(database_url=url, data_dir=work)
    encoder = SentenceTransformerEncoder(settings.model, settings.encode_batch_size)
    runtime = open_runtime(settings, encoder)
    try:
        seed.load(settings, runtime)
        with runtime.sessions() as session, session.begin():
            keys = {k.role.value: k.key for k in issue_demo_keys(session)}
    finally:
        runtime.close()
    bodies = list(synth.startups(POOL, seed=0))
    _, pool = raw_encode(encoder, texts_of(bodies))
    engine = create_engine(url)
    with engine.connect() as conn:
        have = int(conn.scalar(select(func.max(Startup.id))) or 0)
    if size > have:
        log(f"inserting startups {have + 1}..{size} (vectors from a pool of {POOL})")
        dataset.insert_startups(engine, bodies, pool, have + 1, size - have, encoder.name, 1)
    engine.dispose()
    return {"url": url, "keys": keys, "encoder": encoder}


def fresh_build(out: Path, name: str, size: int) -> tuple[Path, dict[str, Any]]:
    """An empty ``out/work-<name>`` folder, and ``build``'s database of ``size`` startups in it."""
    work = out / f"work-{name}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    log(f"{name}: building {size:,} startups")
    return work, build(work, size)


def decide(base: str, admin: str, incubators: int, per_incubator: int) -> int:
    """Accepts and declines by the first incubators' side, through the API."""
    headers = {"Authorization": f"Bearer {admin}"}
    with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
        return decide_with(client, incubators, per_incubator)


def decide_with(client: httpx.Client, incubators: int, per_incubator: int) -> int:
    """``decide`` through a client that already carries an admin key."""
    made = 0
    for inc in range(1, incubators + 1):
        for j in range(per_incubator):
            body = {
                "startup_id": 1 + (inc * 7 + j * 13) % 40,
                "incubator_id": inc,
                "action": "accept" if j % 3 else "decline",
                "as_side": "target",
            }
            r = client.post("/v1/matches", json=body)
            made += r.status_code in (200, 201)
    return made


def routes(keys: dict[str, str]) -> dict[str, tuple[str, str, str, dict[str, Any] | None]]:
    """name: (method, path, key, json body)."""
    founder, manager = keys["founder"], keys["manager"]
    return {
        "/healthz": ("GET", "/healthz", "", None),
        "GET /v1/startups/1": ("GET", "/v1/startups/1", founder, None),
        "GET /v1/startups (list)": ("GET", "/v1/startups", founder, None),
        "/v1/startups/1/matches?target=incubators (founder)": (
            "GET",
            "/v1/startups/1/matches?target=incubators",
            founder,
            None,
        ),
        "/v1/incubators/1/matches (manager)": ("GET", "/v1/incubators/1/matches", manager, None),
        "/v1/startups/1/bundle": ("GET", "/v1/startups/1/bundle", founder, None),
        "POST /v1/recommendations (one unsaved startup)": (
            "POST",
            "/v1/recommendations",
            founder,
            RECOMMEND,
        ),
    }


# The manager's list with each re-ranking option (README "Diverse and balanced lists").
RERANKED = {
    "diversity=mmr": "diversity=mmr",
    "one_per_org": "one_per_org=true",
    "fair_regions=tianjin,hebei": "fair_regions=tianjin&fair_regions=hebei",
    "all three": "diversity=mmr&one_per_org=true&fair_regions=tianjin&fair_regions=hebei",
}


def reranked(keys: dict[str, str]) -> dict[str, tuple[str, str, str, dict[str, Any] | None]]:
    path = "/v1/incubators/1/matches"
    return {
        f"{path}?{name} (manager)": ("GET", f"{path}?{query}", keys["manager"], None)
        for name, query in RERANKED.items()
    }


def cpu_seconds(pid: int | str) -> float:
    """User + system CPU seconds of a process so far (Linux /proc; ticks of 10 ms)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def sequential(
    base: str, table: dict[str, Any], rounds: int, references: dict[str, Any], pid: int
) -> dict[str, Any]:
    """Per round every route once (order rotating), and each raw encode (``references``,
    called in this process): wall ms per call, and the CPU the server (or, for a raw
    encode, this process) spent on it.

    CPU time does not grow when other processes take the cores, so it compares runs made
    under different loads; summed over many calls, the 10 ms ticks average out."""
    ms: dict[str, list[float]] = {name: [] for name in [*table, *references]}
    cpu: dict[str, float] = dict.fromkeys(ms, 0.0)
    names = list(ms)
    with httpx.Client(base_url=base, timeout=60) as client:
        for r in range(rounds + 3):  # 3 untimed warm-up rounds
            for name in names[r % len(names) :] + names[: r % len(names)]:
                who: int | str = "self" if name in references else pid
                cpu_start = cpu_seconds(who)
                start = time.perf_counter()
                if name in references:
                    references[name]()
                else:
                    method, path, key, body = table[name]
                    headers = {"Authorization": f"Bearer {key}"} if key else {}
                    resp = client.request(method, path, headers=headers, json=body)
                    if resp.status_code != 200:
                        raise RuntimeError(f"{name}: {resp.status_code} {resp.text[:300]}")
                if r >= 3:
                    ms[name].append((time.perf_counter() - start) * 1000)
                    cpu[name] += cpu_seconds(who) - cpu_start
    return {
        name: {**summary(v), "cpu_ms_per_call": round(cpu[name] * 1000 / len(v), 2)}
        for name, v in ms.items()
    }


TORCH_RAW = "raw encode"  # sentence-transformers' encode: the torch model alone
ONNX_RAW = "raw encode, ONNX Runtime"  # the bare ONNX encoder on the graph the server uses


def raw_references(encoder: Any, text: str) -> dict[str, Any]:
    """One raw encode of ``text`` by each backend the server may encode one text on."""
    from matchmaker.matching.onnx_encoder import OnnxEncoder, default_cache, exported_graph

    refs: dict[str, Any] = {TORCH_RAW: lambda: raw_encode(encoder, [text])}
    graph = exported_graph(default_cache())
    if graph is not None:  # as the server's one-text path runs it (one_text.py)
        onnx = OnnxEncoder(graph=graph, batch_size=1, spin=False)
        refs[ONNX_RAW] = lambda: onnx.encode([text])
    return refs


def markdown(fig: dict[str, Any]) -> str:
    seq = fig["sequential"]
    health = seq["/healthz"]["p50_ms"]
    # Older figures (before answers were kept) have no second server.
    computed = fig.get("computed", {}).get("sequential", {})
    health_c = computed.get("/healthz", {}).get("p50_ms", 0.0)
    lines = [
        f"{fig['startups']:,} stored startups; {fig['rounds']} sequential requests a route; "
        f"{fig['decisions']} decisions. *As served*: the service's defaults, so a list or "
        "bundle asked again is the kept answer (`matching/answers.py`); *computed*: a second "
        "server on the same database with `MATCHMAKER_ANSWERS_KEPT=0`, what every list costs "
        "the first time it is asked, or after anything it read changed.",
        "",
        "| request | p50 ms | p95 ms | p50 × `/healthz` | server CPU ms/request "
        "| computed: p50 ms | × `/healthz` | CPU ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, s in seq.items():
        c = computed.get(name)
        more = (
            f"{c['p50_ms']:.1f} | {ratio(c['p50_ms'], health_c):.2f} | {c['cpu_ms_per_call']:.1f}"
            if c
            else "- | - | -"
        )
        lines.append(
            f"| `{name}` | {s['p50_ms']:.1f} | {s['p95_ms']:.1f} | "
            f"{ratio(s['p50_ms'], health):.2f} | {s['cpu_ms_per_call']:.1f} | {more} |"
        )
    rec = seq["POST /v1/recommendations (one unsaved startup)"]
    lines.append("")
    lines.append(f"the server encodes one text on: {fig.get('one_text_backend', 'torch')}")
    for name in (TORCH_RAW, ONNX_RAW):
        if name not in seq:
            continue
        raw = seq[name]
        lines.append(
            f"unsaved recommendation / {name} of the same text: p50 "
            f"{ratio(rec['p50_ms'], raw['p50_ms']):.2f}, CPU "
            f"{ratio(rec['cpu_ms_per_call'], raw['cpu_ms_per_call']):.2f}"
        )
    for label, part in (("as served", fig), ("computed", fig.get("computed"))):
        if not part:
            continue
        t = part["throughput"]
        lines.append(
            f"throughput ({label}), {t['concurrency']} concurrent clients, {t['seconds']} s "
            f"each: `/healthz` {t['healthz']['rps']} req/s, manager match {t['match']['rps']} "
            f"req/s, ratio {t['ratio_rps_match_vs_healthz']:.3f}; server CPU ms/request "
            f"meanwhile: `/healthz` {t['healthz'].get('server_cpu_ms_per_request', '-')}, "
            f"match {t['match'].get('server_cpu_ms_per_request', '-')}"
        )
    return "\n".join(lines)


# The routes that read stored profiles only (no encode): the one whose profile is written.
STORED_ROUTES = (
    "GET /v1/startups/1",
    "GET /v1/startups (list)",
    "/v1/startups/1/matches?target=incubators (founder)",
    "/v1/incubators/1/matches (manager)",
    "/v1/startups/1/bundle",
)


def profiled(work: Path, key: str, method: str, path: str, body: Any) -> str:
    """cProfile of 40 requests of one route, in this process (``bench.profile_routes``)."""
    from bench import profile_routes

    args = argparse.Namespace(
        data_dir=work,
        key=key,
        method=method,
        path=path,
        json=json.dumps(body) if body is not None else None,
        n=40,
        sort="tottime",
        top=35,
        dump=None,
        kept=0,
    )
    # Paths relative to the checkout: the block is read on other machines.
    return profile_routes.profile(args).replace(f"{ROOT}/", "")


def results_text(fig: dict[str, Any], slowest: str, profile: str) -> str:
    size = fig["startups"]
    return (
        f"### `bench.http_routes --size {size}` ({stamp()})\n\n"
        f"`.venv/bin/python -m bench.http_routes --size {size}` (`make bench`):\n\n"
        f"{markdown(fig)}\n\n"
        f"Profile of the slowest stored-profile route when computed, `{slowest}`: 40 "
        "requests in-process with `MATCHMAKER_ANSWERS_KEPT=0` (`bench.profile_routes`: the "
        "app `matchmaker serve` runs, thread-pool hops inline), "
        f"the 35 functions with the most time of their own:\n\n```\n{profile.strip()}\n```"
    )


def _loaded(
    pid: int, url: str, headers: dict[str, str], seconds: float, cap: int
) -> dict[str, Any]:
    """8 concurrent clients on ``url``, with the server's CPU per request meanwhile (threads
    left spinning show here, not in the sequential rounds)."""
    before = cpu_seconds(pid)
    out = asyncio.run(_load(url, headers, 8, seconds, cap))
    used = cpu_seconds(pid) - before
    return {**out, "server_cpu_ms_per_request": round(used * 1000 / max(out["requests"], 1), 2)}


def measure(
    built: dict[str, Any],
    work: Path,
    env: dict[str, str],
    table: dict[str, Any],
    args: argparse.Namespace,
    references: dict[str, Any],
    decide_first: bool,
) -> dict[str, Any]:
    """One server with ``env``: the sequential rounds and the throughput with 8 clients."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    out: dict[str, Any] = {}
    with serve(built["url"], work, port, env, work / "server.log") as proc:
        if wait_ready(proc, port, 300) is None:
            raise RuntimeError("the server did not become ready")
        if decide_first:
            out["decisions"] = decide(base, built["keys"]["admin"], 6, 8)
        log(f"http routes ({_kept(env)}): {args.rounds} sequential rounds")
        out["sequential"] = sequential(base, table, args.rounds, references, proc.pid)
        ready = httpx.get(f"{base}/readyz", timeout=30).json()
        out["one_text_backend"] = ready.get("one_text_backend", "torch")
        log(f"http routes ({_kept(env)}): throughput with 8 clients")
        manager = {"Authorization": f"Bearer {built['keys']['manager']}"}
        cap = int(args.seconds * 5000)
        t: dict[str, Any] = {"concurrency": 8, "seconds": args.seconds}
        t["healthz"] = _loaded(proc.pid, f"{base}/healthz", {}, args.seconds, cap)
        t["match"] = _loaded(
            proc.pid, f"{base}/v1/incubators/1/matches", manager, args.seconds, cap
        )
        t["ratio_rps_match_vs_healthz"] = ratio(t["match"]["rps"], t["healthz"]["rps"])
        out["throughput"] = t
    return out


def _kept(env: dict[str, str]) -> str:
    return "answers computed" if env.get("MATCHMAKER_ANSWERS_KEPT") == "0" else "as served"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--size", type=int, default=10_000, help="stored startups in all")
    p.add_argument("--rounds", type=int, default=60, help="sequential requests per route")
    p.add_argument("--seconds", type=float, default=8.0, help="per throughput measurement")
    p.add_argument("--quick", action="store_true", help="2k startups, 40 rounds, 4 s")
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--keep", action="store_true", help="keep the work folder")
    p.add_argument("--rerank", action="store_true", help="also the re-ranked manager's list")
    p.add_argument(
        "--no-results",
        action="store_true",
        help="do not rewrite this size's block in bench/RESULTS.md (--quick never does)",
    )
    args = p.parse_args(argv)
    if args.quick:
        args.size, args.rounds, args.seconds = 2_000, 40, 4.0
    work, built = fresh_build(args.out, "http", args.size)
    encoder = built["encoder"]
    from matchmaker.kinds import STARTUP
    from matchmaker.matching.texts import compose
    from matchmaker.recommendations.service import transient

    # The very text the server embeds for the unsaved profile.
    profile = STARTUP.create.model_validate(RECOMMEND["profile"])
    text = compose("startup", transient(None, STARTUP, profile))  # type: ignore[arg-type]
    fig: dict[str, Any] = {"startups": args.size, "rounds": args.rounds}
    # Limits so high that they never answer 429, but the limiter still runs on every request.
    env = {
        "MATCHMAKER_RATE_LIMIT_PER_MINUTE": "100000000",
        "MATCHMAKER_RATE_LIMIT_BURST": "1000000",
    }
    table = routes(built["keys"]) | (reranked(built["keys"]) if args.rerank else {})

    references = raw_references(encoder, text)

    # As served (lists and bundles asked again are kept answers), then every answer computed
    # (MATCHMAKER_ANSWERS_KEPT=0): what a list asked for the first time costs.
    fig |= measure(built, work, env, table, args, references, decide_first=True)
    computed = {**env, "MATCHMAKER_ANSWERS_KEPT": "0"}
    fig["computed"] = measure(built, work, computed, table, args, references, decide_first=False)
    write_json(f"http_routes_{args.size}", fig, args.out)
    print(markdown(fig))
    if not (args.quick or args.no_results):
        # The slowest when computed: a kept answer's route spends nothing in the engine.
        computed = fig["computed"]["sequential"]
        slowest = max(
            (n for n in computed if n in STORED_ROUTES), key=lambda n: computed[n]["p50_ms"]
        )
        method, path, key, body = table[slowest]
        log(f"http routes: profiling {slowest}")
        profile = profiled(work, key, method, path, body)
        replace_block(f"http_routes_{args.size}", results_text(fig, slowest, profile))
    if args.keep:  # for bench.profile_routes (a throwaway database's demo keys)
        (work / "keys.json").write_text(json.dumps(built["keys"]), encoding="utf-8")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return fig


if __name__ == "__main__":
    main()
