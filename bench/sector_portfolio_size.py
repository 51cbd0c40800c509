"""How far a larger portfolio takes the raw model on the sector test (no engine, no tuning).

    .venv/bin/python -m bench.sector_portfolio_size

The portfolio protocol's same-information baselines (bench/sector_portfolio.py) on the sector
test's 366 queries, unchanged, while each sector's portfolio grows from its 5 dev startups by
the spare ones after the test queries in the seeded order (so the queries stay the same; the
three smallest sectors have no spare and keep 5, security reaches 7). Raw model, one-liners
only: cosine to the description, to the portfolio centroid, to both (the sum of the two unit
vectors), and to the mean of the 3 nearest portfolio startups mixed half and half with the
description. It measures baselines only; nothing is chosen from it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bench.quality_data import DEFAULT_DATA, SECTORS, sector_pools
from bench.quality_metrics import Scores, by_score, unit
from matchmaker.matching.registry import load_encoder


def main(argv: Sequence[str] | None = None) -> None:
    data = Path(argv[0]) if argv else DEFAULT_DATA
    encoder = load_encoder("")
    keys = [s.key for s in SECTORS]
    description = unit(encoder.encode([f"{s.name}. {s.description}" for s in SECTORS]))
    print(
        "| spare added | portfolio sizes | description | centroid | description + centroid "
        "| description + 3 nearest |\n|---|---|---|---|---|---|"
    )
    for extra in (0, 5, 15, 35, 95):
        dev, test, spare = sector_pools(data, 13, 5, 40, extra)
        portfolio = dev + spare
        queries = unit(encoder.encode([c.text for c in test]))
        members = unit(encoder.encode([c.text for c in portfolio]))
        label = np.asarray([c.label for c in portfolio])
        centroid = unit(np.stack([members[label == k].mean(axis=0) for k in keys]))
        rows = {m: Scores() for m in ("description", "centroid", "both", "nearest")}
        for company, query in zip(test, queries, strict=True):
            sims = members @ query
            nearest = [np.sort(sims[label == k])[-3:].mean() for k in keys]
            ranked = {
                "description": description @ query,
                "centroid": centroid @ query,
                "both": unit(description + centroid) @ query,
                "nearest": 0.5 * np.asarray(nearest) + 0.5 * (description @ query),
            }
            for method, scores in ranked.items():
                rows[method].add(by_score(keys, scores), {company.label})
        sizes = sorted({int((label == k).sum()) for k in keys})
        cells = " | ".join(
            f"{s['hit@1']:.3f} / {s['mrr']:.3f}" for s in (r.summary() for r in rows.values())
        )
        print(f"| {extra} | {min(sizes)}-{max(sizes)} | {cells} |", flush=True)
    print(f"\n{len(test)} test queries, hit@1 / MRR")


if __name__ == "__main__":
    main(sys.argv[1:])
