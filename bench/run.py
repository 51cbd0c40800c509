"""Run every benchmark, write bench/out/*.json and print the figures with their targets.

    .venv/bin/python -m bench.run            # full: 10k, 100k and 1M profiles (~15 min)
    .venv/bin/python -m bench.run --quick    # 10k, smaller samples: the CI smoke run

Every figure is a ratio against a reference measured in the same run; the quick mode
reports and never fails on timing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import common, dataset, ingest, latency, synth  # noqa: E402
from bench.common import log, write_json  # noqa: E402

MODES: dict[str, dict[str, Any]] = {
    "full": {
        "sizes": [10_000, 100_000, 1_000_000],
        "ingest": 512,
        "rounds": 8,
        "incubators": 200,
        "queries": 40,
        "repeat": 2,
        "recall_queries": 100,
        "old_sql_reps": 5,
        "unsaved_queries": 20,
        "peer_size": 100_000,
        "http_seconds": 8.0,
    },
    "quick": {
        "sizes": [10_000],
        "ingest": 128,
        "rounds": 4,
        "incubators": 40,
        "queries": 20,
        "repeat": 2,
        "recall_queries": 40,
        "old_sql_reps": 5,
        "unsaved_queries": 8,
        "peer_size": 10_000,
        "http_seconds": 4.0,
    },
}
NPROBE_SWEEP = (4, 8, 16, 32, 64, 128)


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--quick", action="store_true", help="10k profiles, small samples (CI)")
    p.add_argument("--sizes", type=int, nargs="+", help="override the dataset sizes")
    p.add_argument("--ingest", type=int, help="override the number of profiles ingested")
    p.add_argument("--incubators", type=int, help="override the number of query incubators")
    p.add_argument("--queries", type=int, help="override the queries per measurement")
    p.add_argument("--exact-max", type=int, help="override index_exact_max")
    p.add_argument("--nprobe", type=int, help="override index_nprobe")
    p.add_argument("--out", type=Path, default=common.OUT, help="where the JSON goes")
    p.add_argument("--pg-url", default=os.environ.get("MATCHMAKER_TEST_POSTGRES_URL", ""))
    p.add_argument("--no-server", action="store_true", help="skip cold start and HTTP")
    p.add_argument("--no-peer", action="store_true", help="skip the Chroma comparison")
    p.add_argument("--keep", action="store_true", help="keep the work folder (databases)")
    p.add_argument("--no-peer-install", action="store_true", help="do not pip-install chromadb")
    return p.parse_args(argv)


def config(args: argparse.Namespace) -> dict[str, Any]:
    cfg = dict(MODES["quick" if args.quick else "full"])
    for name in ("sizes", "ingest", "incubators", "queries"):
        if getattr(args, name):
            cfg[name] = getattr(args, name)
    cfg["peer_size"] = min(cfg["peer_size"], max(cfg["sizes"]))
    return cfg


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parse(argv)
    cfg = config(args)
    out_dir: Path = args.out
    work = out_dir / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    began = time.perf_counter()
    report: dict[str, Any] = {"mode": "quick" if args.quick else "full", "config": cfg}

    from matchmaker.access import service as access
    from matchmaker.access.models import Role
    from matchmaker.config import Settings
    from matchmaker.matching.encoder import SentenceTransformerEncoder
    from matchmaker.migrations_state import upgrade
    from matchmaker.runtime import open_runtime

    defaults = Settings()
    exact_max = args.exact_max or defaults.index_exact_max
    nprobe = args.nprobe or defaults.index_nprobe
    report["engine"] = {"index_exact_max": exact_max, "index_nprobe": nprobe}
    log(f"bench ({report['mode']}): loading the model")
    t = time.perf_counter()
    encoder = SentenceTransformerEncoder(defaults.model, defaults.encode_batch_size)
    report["model_load_s"] = round(time.perf_counter() - t, 2)

    # 1. Ingest; its reference vectors are the pool the scaled datasets are made from.
    bodies = list(synth.startups(cfg["ingest"], seed=0))
    report["ingest"], pool = ingest.run(encoder, bodies, work, args.pg_url or None, cfg["rounds"])
    write_json("ingest", report["ingest"], out_dir)

    # 2-4 on one SQLite database that grows through the sizes.
    scale_dir = work / "scale"
    scale_dir.mkdir()
    url = f"sqlite:///{scale_dir / 'mm.db'}"
    upgrade(url)
    inc_bodies = list(synth.incubators(cfg["incubators"], seed=1))
    log(f"scale: {len(inc_bodies)} incubators through the public path")
    latency.add_incubators(encoder, url, scale_dir, inc_bodies)
    settings = Settings(
        database_url=url, data_dir=scale_dir, index_exact_max=exact_max, index_nprobe=nprobe
    )
    from sqlalchemy import create_engine, select

    engine = create_engine(url)
    sizes: dict[str, Any] = {}
    peer_input: dict[str, Any] = {}
    have = 0
    for size in cfg["sizes"]:
        log(f"scale: inserting startups {have + 1}..{size} (precomputed vectors)")
        t = time.perf_counter()
        dataset.insert_startups(
            engine, bodies, pool, have + 1, size - have, encoder.name, seed=size
        )
        fig: dict[str, Any] = {"insert_s": round(time.perf_counter() - t, 1)}
        have = size
        t = time.perf_counter()
        runtime = open_runtime(settings, encoder)
        fig["open_runtime_s"] = round(time.perf_counter() - t, 1)
        scale = latency.Scale(runtime, latency.load_incubators(runtime))
        log(f"scale {size}: match latency")
        fig["match"] = latency.match_latency(scale, cfg["queries"], cfg["repeat"])
        log(f"scale {size}: recall")
        fig["recall"] = latency.recall(scale, cfg["recall_queries"], NPROBE_SWEEP)
        log(f"scale {size}: filtered match")
        fig["filtered"] = latency.filtered(
            scale, cfg["queries"], cfg["repeat"], cfg["old_sql_reps"]
        )
        log(f"scale {size}: unsaved profiles")
        fig["unsaved"] = latency.unsaved(
            scale,
            encoder,
            list(synth.startups(min(cfg["queries"], cfg["unsaved_queries"]), seed=99)),
            list(synth.incubators(min(cfg["queries"], cfg["unsaved_queries"]), seed=98)),
            cfg["repeat"],
        )
        fig["bench_rss"] = common.rss_mb()
        if size == cfg["peer_size"]:
            peer_input = _peer_input(runtime, scale, fig)
        runtime.close()
        sizes[str(size)] = fig
        write_json(f"scale_{size}", fig, out_dir)
    engine.dispose()
    report["scale"] = sizes

    if not args.no_server:
        # A plain session: opening a runtime here would load the index once more.
        from sqlalchemy.orm import sessionmaker

        from bench import server
        from matchmaker.incubators.models import Incubator

        key_engine = create_engine(url)
        with sessionmaker(key_engine)() as session, session.begin():
            key = access.create_key(session, Role.admin, "bench").plaintext
            ids = list(session.scalars(select(Incubator.id).order_by(Incubator.id)))
        key_engine.dispose()
        report["server"] = server.cold_start_and_http(
            url, scale_dir, key, ids, concurrency=8, seconds=cfg["http_seconds"]
        )
        write_json("server", report["server"], out_dir)

    if not args.no_peer:
        from bench import peer

        texts = ingest.texts_of(bodies)
        metas = [
            {"region": b["location"]["region"], "domain_ai": "ai" in b["domains"]} for b in bodies
        ]
        ours = {
            "ingest_ratio_vs_raw_encode": report["ingest"]["sqlite"]["ratio_vs_raw_encode"],
            **peer_input["ours"],
        }
        report["peer"] = peer.run(
            work / "peer",
            texts,
            metas,
            encoder.batch_size,
            peer_input["vectors"],
            peer_input["ids"],
            peer_input["regions"],
            peer_input["ai"],
            peer_input["queries"],
            ours,
            install=not args.no_peer_install,
        )
        write_json("peer", report["peer"], out_dir)

    report["total_s"] = round(time.perf_counter() - began, 1)
    report["targets"] = targets(report)
    write_json("summary", report, out_dir)
    print_table(report, out_dir)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return report


def _peer_input(runtime: Any, scale: latency.Scale, fig: dict[str, Any]) -> dict[str, Any]:
    """The vectors and facts of the searched index, for Chroma to load (benchmark 6)."""
    from sqlalchemy import select

    from matchmaker.startups.models import Startup

    ids = scale.index.ids()
    with runtime.sessions() as session:
        rows = dict(session.execute(select(Startup.id, Startup.region)).all())
        domains = dict(session.execute(select(Startup.id, Startup.domains)).all())
    inc = runtime.store.indexes["incubator"]
    return {
        "ids": ids,
        "vectors": scale.index.vectors(ids),
        "regions": [rows[int(i)] for i in ids],
        "ai": np.asarray(["ai" in domains[int(i)] for i in ids]),
        "queries": inc.vectors([i.id for i in scale.incubators[: len(scale.incubators)]]),
        "ours": {
            "vectors": len(ids),
            "filtered_vector_index_p50_ms": fig["filtered"]["raw_faiss_bitmap"]["p50_ms"],
            "filtered_matcher_p50_ms": fig["filtered"]["matcher"]["p50_ms"],
            "filtered_recall_at_10": fig["filtered"]["recall_at_10_vs_exact"],
        },
    }


def targets(r: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with its measured value and whether it is met (reported, never enforced)."""
    rows: list[dict[str, Any]] = []

    def add(name: str, value: Any, goal: str, met: bool | None) -> None:
        rows.append({"target": name, "value": value, "goal": goal, "met": met})

    for db in ("sqlite", "postgresql"):
        fig = r["ingest"].get(db, {})
        if "ratio_vs_raw_encode" in fig:
            v = fig["ratio_vs_raw_encode"]
            add(f"ingest {db}: path / raw encode throughput", v, ">= 0.9", v >= 0.9)
            v = fig["median_round_ratio"]
            add(f"ingest {db}: same, median of paired rounds", v, ">= 0.9", v >= 0.9)
    for size, fig in r.get("scale", {}).items():
        m = fig["match"]["matcher"]["p50_ms"]
        rec = fig["recall"]["recall_at_10"]
        if int(size) == 100_000:
            add("match p50 at 100k (ms)", m, "<= 20", m <= 20)
        if int(size) == 1_000_000:
            add("match p50 at 1M (ms)", m, "<= 50", m <= 50)
            add("recall@10 at 1M", rec, ">= 0.95", rec >= 0.95)
        f = fig["filtered"]
        add(f"filtered p50 at {size} (ms)", f["matcher"]["p50_ms"], "report", None)
        add(
            f"filtered recall@10 at {size}",
            f["recall_at_10_vs_exact"],
            "== 1.0",
            f["recall_at_10_vs_exact"] >= 0.9999,
        )
        for case in ("startup_to_incubators", "incubator_to_startups"):
            v = fig["unsaved"][case]["ratio_p50"]
            add(f"unsaved {case} at {size}: p50 / raw encode", v, "<= 1.3", v <= 1.3)
    cold = r.get("server", {}).get("cold_start", {})
    if cold.get("ready_s") is not None:
        add("cold start to ready (s)", cold["ready_s"], "<= 15", cold["ready_s"] <= 15)
        add("cold start RSS (MB)", cold.get("rss_mb"), "report", None)
    http = r.get("server", {}).get("http", {})
    if http:
        add("http rps match / healthz", http["ratio_rps_match_vs_healthz"], "report", None)
    peer = r.get("peer", {})
    if "skipped" not in peer and peer:
        v = peer["ingest_ratio_ours_vs_chroma"]
        add("peer ingest: ours / Chroma (relative to raw encode)", v, "> 1", v > 1)
        v = peer["filtered_p50_ratio_chroma_vs_ours"]
        add("peer filtered p50: Chroma / our index", v, "> 1", v > 1)
        v = peer["filtered_p50_ratio_chroma_vs_our_matcher"]
        add("peer filtered p50: Chroma / our full matcher", v, "> 1", v > 1)
    elif peer:
        add("peer (Chroma)", peer["skipped"][:60], "skipped", None)
    return rows


def print_table(r: dict[str, Any], out: Path) -> None:
    print()
    print(f"{'target':<58} {'value':>10}  {'goal':<9} met")
    for row in r["targets"]:
        met = {True: "yes", False: "NO", None: "-"}[row["met"]]
        value = row["value"]
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{row['target']:<58} {shown:>10}  {row['goal']:<9} {met}")
    print(f"\ntotal {r['total_s']} s; JSON in {out}")


if __name__ == "__main__":
    main()
