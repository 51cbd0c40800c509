"""Ranking quality on public data, through the engine's public API, against baselines.

Tests, each with baselines measured in the same run (see bench/QUALITY.md):

- sector: real Techstars one-liners against one incubator per sector (our own profiles);
  the startup should get its sector's incubator first;
- sector, portfolio protocol (bench/sector_portfolio.py): the same queries, each sector
  incubator also known by the dev startups it accepted (entered through POST /v1/matches);
- history: CrunchBase-2013 accelerators known only by the startups they funded before a
  cut-off (entered as accepted decisions through POST /v1/matches); later startups are
  ranked from the startup's side and from the accelerator's side.

The engine runs in process (``create_app`` over a fresh SQLite file) and is reached only
through HTTP routes, so the benchmark measures whatever the engine does behind them.
``--tests`` runs some of them only (e.g. ``--tests sector,portfolio`` while iterating).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from fastapi.testclient import TestClient

from bench import bilingual, bilingual_engine
from bench.common import OUT, log, write_json
from bench.quality_api import call, create_many, engine, incubator_body, ranked_ids, startup_body
from bench.quality_data import (
    DEFAULT_DATA,
    NEUTRAL_DOMAIN,
    SECTORS,
    Company,
    history_split,
    sector_prior,
    sector_split,
)
from bench.quality_metrics import Scores, by_score, random_expectation, table, unit
from bench.sector_portfolio import portfolio_test
from matchmaker.lexical import BM25, reciprocal_rank_fusion
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.registry import MODELS, load_encoder, spec_of

TESTS = ("bilingual", "sector", "portfolio", "history")
REPORT_KEY = {"portfolio": "sector_portfolio"}
ACCEPTS_FROM_PAGE = 100  # the API's largest page: ranks below it count as misses, for all


def add_fusions(
    rows: dict[str, Scores],
    name: str,
    dense: list[Any],
    lexical: list[Any],
    truth: set[Any],
    args: argparse.Namespace,
    cut: int | None = None,
) -> None:
    """Rows for ``name`` fused with BM25: plain RRF, and RRF with BM25 down-weighted."""
    for label, weight in (("rrf", 1.0), (f"rrf, bm25 x{args.bm25_weight:g}", args.bm25_weight)):
        fused = reciprocal_rank_fusion(
            [dense[:cut], lexical[:cut]], k=args.rrf_k, weights=[1.0, weight]
        )
        rows.setdefault(f"{name}+bm25 ({label})", Scores()).add(fused, truth, cut)


def sector_test(
    client: TestClient, encoder: Encoder, data: Path, args: argparse.Namespace
) -> dict[str, Any]:
    """One incubator per sector; each test startup's own sector is the one right answer."""
    dev, test = sector_split(data, args.seed, args.dev_per_sector, args.test_per_sector)
    log(f"sector test: {len(SECTORS)} incubators, {len(test)} startups ({len(dev)} dev)")
    keys = [s.key for s in SECTORS]
    docs = [f"{s.name}. {s.description}" for s in SECTORS]
    started = time.perf_counter()
    made = create_many(
        client, "incubators", [incubator_body(s.name, s.description, s.domain) for s in SECTORS]
    )
    incubator = {made[s.name]: s.key for s in SECTORS}
    made = create_many(client, "startups", [startup_body(c, "prototype", True) for c in test])
    startup_ids = [made[c.name] for c in test]
    created_s = time.perf_counter() - started
    prior = sector_prior(data)
    popular = sorted(keys, key=lambda k: (-prior[k], k))
    bm25 = BM25(docs)
    cosine = unit(encoder.encode([c.text for c in test])) @ unit(encoder.encode(docs)).T
    rows = {m: Scores() for m in ("random", "popularity", "bm25", "cosine", "engine")}
    for i, (company, sid) in enumerate(zip(test, startup_ids, strict=True)):
        truth = {company.label}
        got = ranked_ids(
            client, f"/v1/startups/{sid}/matches", target="incubators", limit=len(keys)
        )
        engine_rank = [incubator[x] for x in got]
        lexical = [keys[j] for j in bm25.rank(company.text)]
        dense = by_score(keys, cosine[i])
        rows["random"].add_expected(*random_expectation(len(keys), 1))
        rows["popularity"].add(popular, truth)
        rows["bm25"].add(lexical, truth)
        rows["cosine"].add(dense, truth)
        rows["engine"].add(engine_rank, truth)
        add_fusions(rows, "engine", engine_rank, lexical, truth, args)
        add_fusions(rows, "cosine", dense, lexical, truth, args)
    return {
        "sectors": len(keys),
        "startups": len(test),
        "per_sector": args.test_per_sector,
        "create_startups_s": round(created_s, 1),
        "rows": {m: s.summary() for m, s in rows.items()},
    }


def history_test(
    client: TestClient, encoder: Encoder, data: Path, args: argparse.Namespace
) -> dict[str, Any]:
    """Accelerators known by past accepts only; later startups ranked from both sides."""
    h = history_split(
        data,
        args.cutoff,
        args.seed,
        args.min_past,
        args.max_accelerators,
        args.max_past_each,
        args.max_later,
    )
    log(
        f"history test: {len(h.accelerators)} accelerators, {len(h.past)} past accepts, "
        f"{len(h.later)} later startups (cut-off {h.cutoff})"
    )
    description = "A startup accelerator program: seed investment, mentors and a demo day."
    bodies = [incubator_body(a, description, NEUTRAL_DOMAIN) for a in h.accelerators]
    acc_id = create_many(client, "incubators", bodies)
    by_id = {i: a for a, i in acc_id.items()}
    # Past startups are past the program (a later stage), so the accelerator's side can ask
    # for the later, prototype-stage ones only.
    first = {c.name: c for c, _ in reversed(h.past)}
    past_id = create_many(
        client, "startups", [startup_body(c, "early_revenue", False) for c in first.values()]
    )
    for company, accelerator in h.past:
        body = {
            "startup_id": past_id[company.name],
            "incubator_id": acc_id[accelerator],
            "action": "accept",
            "as_side": "target",
        }
        call(client, "POST", "/v1/matches", json=body)
    made = create_many(client, "startups", [startup_body(c, "prototype", False) for c in h.later])
    later_id = [made[c.name] for c in h.later]
    texts = {c.name: f"{c.name}. {c.text}" for c, _ in h.past} | {
        c.name: f"{c.name}. {c.text}" for c in h.later
    }
    accepted: dict[str, list[Company]] = {a: [] for a in h.accelerators}
    for company, accelerator in h.past:
        accepted[accelerator].append(company)
    vectors = dict(zip(texts, unit(encoder.encode(list(texts.values()))), strict=True))
    centroid = unit(
        np.stack([np.mean([vectors[c.name] for c in accepted[a]], axis=0) for a in h.accelerators])
    )
    later_vec = np.stack([vectors[c.name] for c in h.later])
    sims = later_vec @ centroid.T  # later startup × accelerator
    bm25 = BM25([" ".join(texts[c.name] for c in accepted[a]) for a in h.accelerators])
    popular = sorted(h.accelerators, key=lambda a: (-len(accepted[a]), a))
    category_pop = Counter(c.label for c, _ in h.past)

    methods = ("random", "popularity", "bm25", "centroid", "engine")
    side = {m: Scores() for m in methods}
    for i, (company, sid) in enumerate(zip(h.later, later_id, strict=True)):
        truth = set(company.truth)
        got = [
            by_id[x]
            for x in ranked_ids(
                client, f"/v1/startups/{sid}/matches", target="incubators", limit=len(acc_id)
            )
        ]
        lexical = [h.accelerators[j] for j in bm25.rank(texts[company.name])]
        dense = by_score(h.accelerators, sims[i])
        side["random"].add_expected(*random_expectation(len(h.accelerators), len(truth)))
        side["popularity"].add(popular, truth)
        side["bm25"].add(lexical, truth)
        side["centroid"].add(dense, truth)
        side["engine"].add(got, truth)
        add_fusions(side, "engine", got, lexical, truth, args)
        add_fusions(side, "centroid", dense, lexical, truth, args)

    names = [c.name for c in h.later]
    later_bm25 = BM25([texts[n] for n in names])
    by_pop = by_score(names, [category_pop[c.label] for c in h.later])
    other = {m: Scores() for m in methods}
    cut = ACCEPTS_FROM_PAGE
    for j, accelerator in enumerate(h.accelerators):
        truth = {c.name for c in h.later if accelerator in c.truth}
        if not truth:
            continue
        later_name = dict(zip(later_id, names, strict=True))
        got = [
            later_name[x]
            for x in ranked_ids(
                client,
                f"/v1/incubators/{acc_id[accelerator]}/matches",
                stage="prototype",
                limit=cut,
            )
            if x in later_name
        ]
        lexical = [
            names[k]
            for k in later_bm25.rank(" ".join(texts[c.name] for c in accepted[accelerator]))
        ]
        dense = by_score(names, sims[:, j])
        other["random"].add_expected(*random_expectation(len(names), len(truth), cut))
        other["popularity"].add(by_pop, truth, cut)
        other["bm25"].add(lexical, truth, cut)
        other["centroid"].add(dense, truth, cut)
        other["engine"].add(got, truth, cut)
        add_fusions(other, "engine", got, lexical, truth, args, cut)
        add_fusions(other, "centroid", dense, lexical, truth, args, cut)
    return {
        "cutoff": h.cutoff,
        "accelerators": len(h.accelerators),
        "past_accepts": len(h.past),
        "later_startups": len(h.later),
        "startup_side": {m: s.summary() for m, s in side.items()},
        "accelerator_side": {m: s.summary() for m, s in other.items()},
    }


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--quick", action="store_true", help="a few startups: shape, not figures")
    p.add_argument(
        "--model",
        default="",
        help=f"MATCHMAKER_MODEL to measure ({', '.join(MODELS)} or a path); default MiniLM",
    )
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the public data folder")
    p.add_argument("--out", type=Path, default=OUT, help="where quality.json goes")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--dev-per-sector", type=int, default=5)
    p.add_argument("--test-per-sector", type=int, default=40)
    p.add_argument("--spare-per-sector", type=int, default=10, help="portfolio tuning queries")
    p.add_argument(
        "--portfolio-spare", type=int, default=0, help="spare startups added to each portfolio"
    )
    p.add_argument(
        "--tests",
        default=",".join(TESTS),
        help=f"comma-separated, of {', '.join(TESTS)}: those to run (all by default)",
    )
    p.add_argument("--cutoff", default="2012-07-01", help="history before it, tests after")
    p.add_argument("--min-past", type=int, default=8, help="past accepts an accelerator needs")
    p.add_argument("--max-accelerators", type=int, default=100)
    p.add_argument("--max-past-each", type=int, default=10_000)
    p.add_argument("--max-later", type=int, default=10_000)
    p.add_argument("--rrf-k", type=float, default=60.0, help="reciprocal rank fusion constant")
    p.add_argument("--bm25-weight", type=float, default=0.5, help="BM25's weight in 2nd fusion")
    args = p.parse_args(argv)
    args.tests = [t for t in args.tests.split(",") if t]
    if unknown := set(args.tests) - set(TESTS):
        p.error(f"unknown tests: {', '.join(sorted(unknown))}")
    if args.quick:
        args.test_per_sector, args.dev_per_sector, args.spare_per_sector = 2, 1, 1
        args.max_accelerators, args.max_past_each, args.max_later = 4, 4, 8
    return args


def print_report(report: dict[str, Any]) -> None:
    if "sector" in report:
        print("\n## sector test\n" + table(report["sector"]["rows"]))
    if "sector_portfolio" in report:
        portfolio = report["sector_portfolio"]
        print("\n## sector test, portfolio protocol\n" + table(portfolio["rows"]))
        print(
            "\n## ... its tuning queries (dev left out, spare)\n" + table(portfolio["tuning_rows"])
        )
    if "history" in report:
        print("\n## history test, startup side\n" + table(report["history"]["startup_side"]))
        print(
            "\n## history test, accelerator side\n" + table(report["history"]["accelerator_side"])
        )
    if "bilingual" in report:
        print("\n## bilingual test (raw model; sector hit@1 / MRR, pairing hit@1)")
        print(bilingual.table({report["model"]: report["bilingual"]}, speed=False))
        print("\n## bilingual sector test through the engine (hit@1 / MRR)")
        engine_sector = report["bilingual"].get("engine_sector", {})
        print(
            " | ".join(f"{k} {v['hit@1']:.3f} / {v['mrr']:.3f}" for k, v in engine_sector.items())
        )


def main(argv: Sequence[str] | None = None, encoder: Encoder | None = None) -> dict[str, Any]:
    args = parse(argv)
    if not (args.data / "SOURCES.md").exists():
        raise SystemExit(f"no public data at {args.data} (set --data or MATCHMAKER_BENCH_DATA)")
    started = time.perf_counter()
    encoder = encoder or load_encoder(args.model)
    report: dict[str, Any] = {"mode": "quick" if args.quick else "full", "model": encoder.name}
    if "bilingual" in args.tests:
        spec = spec_of(args.model)
        english = spec is None or spec.languages == "English"
        report["bilingual"] = bilingual.evaluate(encoder, english)
    runs: dict[str, Callable[[TestClient], Any]] = {
        "bilingual": bilingual_engine.sector,
        "sector": lambda c: sector_test(c, encoder, args.data, args),
        "portfolio": lambda c: portfolio_test(c, encoder, args.data, args),
        "history": lambda c: history_test(c, encoder, args.data, args),
    }
    for name in (t for t in TESTS if t in args.tests):
        with tempfile.TemporaryDirectory() as tmp, engine(Path(tmp), encoder) as client:
            result = runs[name](client)
        if name == "bilingual":
            report["bilingual"]["engine_sector"] = result
        else:
            report[REPORT_KEY.get(name, name)] = result
    report["seconds"] = round(time.perf_counter() - started, 1)
    write_json("quality", report, args.out)
    print_report(report)
    print(f"\n{report['seconds']} s; figures in {args.out / 'quality.json'}")
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
