"""The history component's constants on the sector portfolio protocol's tuning queries only.

    .venv/bin/python -m bench.sector_portfolio_tune

One app, built as bench/sector_portfolio.py builds it but *without the test startups*: the
11 sector incubators, each sector's portfolio (its dev startups, and as many spare ones as
``--portfolio-spare`` says; ``early_revenue``) entered as its accepts through
``POST /v1/matches``, and the other spare startups (``prototype``, after the test ones in
the seeded order). Each variant sets the history component's constants in the running
process (``history.HISTORY_PRIOR``, ``history.WORDS_SHARE``, the matcher's
``weights.history``) and ranks, through ``GET /v1/startups/{id}/matches``, every
portfolio startup (its own decision left out by the engine) and every spare one. The test
queries are never created, so nothing here can be fitted to them.

Then, at the engine's constants, one change the engine does not have, emulated on the same
responses: the target's own profile vector counted in the centroid of its accepted startups
as ``--description-members`` more members ("the centroid including the target's own
description"). Each match's history contribution is replaced by the variant's (same weight,
the words half kept as the engine gave it) and the list re-sorted. The dense fit is
recomputed from the stored vectors, and the words half is what is left of the engine's value
(the run logs how often that falls outside [0, 1], which would mean a wrong recomputation);
0 members is the engine as it is.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from fastapi.testclient import TestClient

from bench.common import log
from bench.quality_api import call, create_many, engine, incubator_body, ranked_ids, startup_body
from bench.quality_data import DEFAULT_DATA, SECTORS, Company
from bench.quality_metrics import Scores, by_score
from bench.sector_portfolio import accept_portfolios, portfolio_pools
from matchmaker.matching import history
from matchmaker.matching.registry import load_encoder


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--dev-per-sector", type=int, default=5)
    p.add_argument("--test-per-sector", type=int, default=40, help="skipped, never created")
    p.add_argument("--spare-per-sector", type=int, default=10)
    p.add_argument("--portfolio-spare", type=int, default=0, help="as in bench.quality")
    p.add_argument("--priors", default="2,1,0.5")
    p.add_argument("--weights", default="0,0.30,0.45,0.60", help="weights.history")
    p.add_argument("--words-shares", default="0.25,0,0.5")
    p.add_argument("--description-members", default="0,1,2")
    return p.parse_args(argv)


def floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",") if x]


def main(argv: Sequence[str] | None = None) -> list[dict[str, Any]]:
    args = parse(argv)
    dev, _, spare = portfolio_pools(args.data, args)
    encoder = load_encoder("")
    out: list[dict[str, Any]] = []
    defaults = (history.HISTORY_PRIOR, history.WORDS_SHARE)
    with tempfile.TemporaryDirectory() as tmp, engine(Path(tmp), encoder) as client:
        made = create_many(
            client,
            "incubators",
            [incubator_body(s.name, s.description, s.domain) for s in SECTORS],
        )
        incubator_id = {s.key: made[s.name] for s in SECTORS}
        sector_of = {i: k for k, i in incubator_id.items()}
        bodies = [startup_body(c, "prototype", True) for c in spare]
        bodies += [startup_body(c, "early_revenue", True) for c in dev]
        startup_id = create_many(client, "startups", bodies)
        accept_portfolios(client, dev, startup_id, incubator_id)
        matcher = client.app.state.runtime.matcher  # type: ignore[attr-defined]
        base = matcher.weights

        def ranked(company: Company) -> list[str]:
            path = f"/v1/startups/{startup_id[company.name]}/matches"
            got = ranked_ids(client, path, target="incubators", limit=len(SECTORS))
            return [sector_of[x] for x in got]

        print(
            "| prior | weights.history | words share | portfolio (left out) hit@1 / MRR "
            "| spare hit@1 / MRR | all hit@1 / hit@3 / MRR |\n|---|---|---|---|---|---|"
        )
        grid = list(
            itertools.product(floats(args.priors), floats(args.weights), floats(args.words_shares))
        )
        # Without history weight the prior and the words share change nothing: one row.
        grid = [g for n, g in enumerate(grid) if g[1] or not any(h[1] == 0 for h in grid[:n])]
        try:
            for prior, weight, share in grid:
                history.HISTORY_PRIOR, history.WORDS_SHARE = prior, share
                matcher.weights = dataclasses.replace(base, history=weight)
                rows = {"dev": Scores(), "spare": Scores(), "all": Scores()}
                for group, companies in (("dev", dev), ("spare", spare)):
                    for company in companies:
                        order = ranked(company)
                        rows[group].add(order, {company.label})
                        rows["all"].add(order, {company.label})
                s = {k: v.summary() for k, v in rows.items()}
                out.append({"prior": prior, "weight": weight, "words_share": share} | s)
                print(
                    f"| {prior:g} | {weight:.2f} | {share:.2f} "
                    f"| {s['dev']['hit@1']:.3f} / {s['dev']['mrr']:.3f} "
                    f"| {s['spare']['hit@1']:.3f} / {s['spare']['mrr']:.3f} "
                    f"| {s['all']['hit@1']:.3f} / {s['all']['hit@3']:.3f} "
                    f"/ {s['all']['mrr']:.3f} |",
                    flush=True,
                )
        finally:
            history.HISTORY_PRIOR, history.WORDS_SHARE = defaults
            matcher.weights = base
        emulated = description_in_centroid(
            client, dev, spare, startup_id, incubator_id, floats(args.description_members)
        )
    print(f"\n{len(dev)} portfolio queries (own decision left out), {len(spare)} spare")
    print("\n| description as members of the centroid | all hit@1 / hit@3 / MRR |\n|---|---|")
    for members, r in emulated.items():
        print(f"| {members:g} | {r['hit@1']:.3f} / {r['hit@3']:.3f} / {r['mrr']:.3f} |")
    return out


def description_in_centroid(
    client: TestClient,
    dev: list[Company],
    spare: list[Company],
    startup_id: dict[str, int],
    incubator_id: dict[str, int],
    members: list[float],
) -> dict[float, dict[str, float]]:
    """Tuning queries re-ranked with the target's vector in its centroid (module doc)."""
    store = client.app.state.runtime.store  # type: ignore[attr-defined]
    keys = list(incubator_id)
    accepted = {k: [startup_id[c.name] for c in dev if c.label == k] for k in keys}
    incubators = store.indexes["incubator"].vectors([incubator_id[k] for k in keys])
    sector_of = {incubator_id[k]: n for n, k in enumerate(keys)}
    rows = {m: Scores() for m in members}
    outside: list[bool] = []  # a words half outside [0, 1]: the dense fit was recomputed wrong
    for company in dev + spare:
        sid = startup_id[company.name]
        page = call(
            client,
            "GET",
            f"/v1/startups/{sid}/matches",
            params={"target": "incubators", "limit": len(keys)},
        )
        mine = store.indexes["startup"].vectors([sid])[0]
        for m in members:
            scores: list[float] = [0.0] * len(keys)
            for match in page["matches"]:
                n = sector_of[int(match["profile"]["id"])]
                part = match["components"]["history"]
                ids = [i for i in accepted[keys[n]] if i != sid]
                total = store.indexes["startup"].vectors(ids).astype(np.float64).sum(axis=0)
                dense = dense_fit(mine, total)
                words = (part["value"] - (1 - history.WORDS_SHARE) * dense) / history.WORDS_SHARE
                outside.append(not -0.001 <= words <= 1.001)
                variant = dense_fit(mine, total + m * incubators[n])
                value = part["value"] + (1 - history.WORDS_SHARE) * (variant - dense)
                scores[n] = match["score"] - part["contribution"] + part["weight"] * value
            rows[m].add(by_score(keys, scores), {company.label})
    log(f"words half outside [0, 1] in {sum(outside)} of {len(outside)} matches")
    return {m: s.summary() for m, s in rows.items()}


def dense_fit(startup: np.ndarray, total: np.ndarray) -> float:
    """history.py's dense value: cosine to the centroid (``total``'s direction), scaled."""
    cosine = float(startup @ total) / float(np.linalg.norm(total))
    return min(1.0, max(0.0, (cosine - history.FLOOR) / (history.CEILING - history.FLOOR)))


if __name__ == "__main__":
    main(sys.argv[1:])
