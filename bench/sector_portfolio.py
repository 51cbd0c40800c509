"""The sector test, portfolio protocol: each sector incubator known by its description AND
the startups it accepted before (bench/QUALITY.md, "Sector test with a portfolio").

The incubators, the test startups and their neutral facts are those of the sector test
(bench/quality.py, ``sector_test``), so its test queries are the same. In addition each
sector's *dev* startups (``sector_split``) are created at stage ``early_revenue`` and entered
through ``POST /v1/matches`` as that sector incubator's ``accept``: the incubator's past
portfolio. They are never candidates of a test query (the queries rank incubators).
``--portfolio-spare K`` adds to each portfolio the sector's first K *spare* startups (those
after the test queries in the seeded order; only the larger sectors have them), so the
portfolio grows and the test queries stay the same.

In one app the test queries are ranked twice through ``GET /v1/startups/{id}/matches``:
before the decisions are entered (*engine, no portfolio*) and after (*engine, portfolio*).
Baselines get the same information: the raw model's cosine to the description, to the
centroid of the portfolio's one-liners, and to both (the mean of the description's vector
and the portfolio centroid), and BM25 over the description with the portfolio's one-liners.

Tuning queries, never the test ones: each portfolio startup, ranked with its own decision
left out (the engine leaves a pair's own decision out of its history; the baselines leave it
out of the centroid and of BM25's document), and the *spare* startups of the larger sectors
not in a portfolio. Anything tuned is tuned on these.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from fastapi.testclient import TestClient

from bench.common import log
from bench.quality_api import call, create_many, incubator_body, ranked_ids, startup_body
from bench.quality_data import SECTORS, Company, sector_pools, sector_prior
from bench.quality_metrics import Scores, by_score, random_expectation, unit
from matchmaker.lexical import BM25
from matchmaker.matching.encoder import Encoder

METHODS = (
    "random",
    "popularity",
    "bm25, description",
    "cosine, description",
    "bm25, description + portfolio",
    "cosine, portfolio centroid",
    "cosine, description + portfolio centroid",
    "engine, no portfolio",
    "engine, portfolio",
)


class _Baselines:
    """The same-information baselines of one portfolio, each query's own startup left out."""

    def __init__(self, encoder: Encoder, dev: list[Company]) -> None:
        self.keys = [s.key for s in SECTORS]
        self.description = [f"{s.name}. {s.description}" for s in SECTORS]
        self.portfolio = {k: [c for c in dev if c.label == k] for k in self.keys}
        self.vector = {
            c.name: v for c, v in zip(dev, unit(encoder.encode([c.text for c in dev])), strict=True)
        }
        self.desc_vec = unit(encoder.encode(self.description))
        self.desc_bm25 = BM25(self.description)
        self.encoder = encoder

    def rankings(self, company: Company, vector: np.ndarray) -> dict[str, list[str]]:
        own = company.name
        members = {k: [c for c in self.portfolio[k] if c.name != own] for k in self.keys}
        centroid = unit(
            np.stack(
                [
                    np.mean([self.vector[c.name] for c in members[k]], axis=0)
                    if members[k]
                    else np.zeros_like(vector)
                    for k in self.keys
                ]
            )
        )
        mixed = unit(self.desc_vec + centroid)
        both = BM25(
            [
                " ".join([d, *(c.text for c in members[k])])
                for d, k in zip(self.description, self.keys, strict=True)
            ]
        )
        return {
            "bm25, description": [self.keys[j] for j in self.desc_bm25.rank(company.text)],
            "cosine, description": by_score(self.keys, self.desc_vec @ vector),
            "bm25, description + portfolio": [self.keys[j] for j in both.rank(company.text)],
            "cosine, portfolio centroid": by_score(self.keys, centroid @ vector),
            "cosine, description + portfolio centroid": by_score(self.keys, mixed @ vector),
        }


def portfolio_pools(
    data: Path, args: argparse.Namespace
) -> tuple[list[Company], list[Company], list[Company]]:
    """(portfolio, test, spare): the dev startups with each sector's first
    ``args.portfolio_spare`` spare ones, the sector test's queries, the other spare ones."""
    dev, test, spare = sector_pools(
        data,
        args.seed,
        args.dev_per_sector,
        args.test_per_sector,
        args.portfolio_spare + args.spare_per_sector,
    )
    placed: Counter[str] = Counter()
    rest: list[Company] = []
    for company in spare:
        placed[company.label] += 1
        (dev if placed[company.label] <= args.portfolio_spare else rest).append(company)
    return dev, test, rest


def accept_portfolios(
    client: TestClient,
    dev: list[Company],
    startup_id: dict[str, int],
    incubator_id: dict[str, int],
) -> None:
    """Each portfolio startup entered as its sector incubator's accept, through the API."""
    for company in dev:
        body = {
            "startup_id": startup_id[company.name],
            "incubator_id": incubator_id[company.label],
            "action": "accept",
            "as_side": "target",
        }
        call(client, "POST", "/v1/matches", json=body)


def portfolio_test(
    client: TestClient, encoder: Encoder, data: Path, args: argparse.Namespace
) -> dict[str, Any]:
    """The sector test's queries, each incubator also known by its accepted dev startups."""
    dev, test, spare = portfolio_pools(data, args)
    log(
        f"sector test, portfolio: {len(SECTORS)} incubators, {len(dev)} accepted startups, "
        f"{len(test)} test startups, {len(spare)} spare"
    )
    made = create_many(
        client, "incubators", [incubator_body(s.name, s.description, s.domain) for s in SECTORS]
    )
    incubator_id = {s.key: made[s.name] for s in SECTORS}
    sector_of = {i: k for k, i in incubator_id.items()}
    queries = [startup_body(c, "prototype", True) for c in test + spare]
    past = [startup_body(c, "early_revenue", True) for c in dev]
    startup_id = create_many(client, "startups", queries + past)
    keys = [s.key for s in SECTORS]

    def engine(company: Company) -> list[str]:
        path = f"/v1/startups/{startup_id[company.name]}/matches"
        return [
            sector_of[x] for x in ranked_ids(client, path, target="incubators", limit=len(keys))
        ]

    before = {c.name: engine(c) for c in test}
    accept_portfolios(client, dev, startup_id, incubator_id)
    prior = sector_prior(data)
    popular = sorted(keys, key=lambda k: (-prior[k], k))
    baselines = _Baselines(encoder, dev)
    test_rows = {m: Scores() for m in METHODS}
    tune_rows = {m: Scores() for m in METHODS if m != "engine, no portfolio"}
    every = test + spare + dev
    vectors = unit(encoder.encode([c.text for c in every]))
    for company, vector in zip(every, vectors, strict=True):
        truth = {company.label}
        rows = test_rows if company.name in before else tune_rows
        ranked = baselines.rankings(company, vector) | {
            "popularity": popular,
            "engine, portfolio": engine(company),
        }
        if company.name in before:
            ranked["engine, no portfolio"] = before[company.name]
        rows["random"].add_expected(*random_expectation(len(keys), 1))
        for method, order in ranked.items():
            rows[method].add(order, truth)
    return {
        "sectors": len(keys),
        "portfolio": dict(Counter(c.label for c in dev)),
        "startups": len(test),
        "tuning_queries": len(spare) + len(dev),
        "rows": {m: s.summary() for m, s in test_rows.items()},
        "tuning_rows": {m: s.summary() for m, s in tune_rows.items()},
    }
