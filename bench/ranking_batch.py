"""The ranking step of one match request: ``rank_key`` per candidate against ``rank_keys``.

A request scores about 100 candidates (``Matcher.score_candidates``: max(limit x 5, 50) from
the index plus those the decisions add). Facts are drawn from the vocabularies with a fixed
seed, a third of the pairs with a history fit; both directions (one startup and many
incubators, one incubator and many startups). Best of 5 x 200 calls, ms per request.

    .venv/bin/python -m bench.ranking_batch [--candidates 100]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta

from matchmaker.matching.facts import Facts
from matchmaker.matching.history import HistoryFit
from matchmaker.matching.ranking import rank_key
from matchmaker.matching.ranking_batch import rank_keys
from matchmaker.matching.scoring import Weights
from matchmaker.vocab import Domain, Need, Region, Stage

TODAY = date(2026, 12, 6)


def facts(rng: random.Random, kind: str, n: int) -> Facts:
    region = rng.choice(list(Region))
    updated = datetime.now(UTC) - timedelta(days=rng.choice([10, 500]))
    common = {
        "kind": kind,
        "id": n,
        "title": f"{kind} {n}",
        "domains": frozenset(rng.sample(list(Domain), rng.randint(1, 3))),
        "region": str(region),
        "country": "DE" if region == Region.abroad else "CN",
        "city": rng.choice(["Beijing", "Tianjin", ""]),
        "words": 30,
        "updated_at": updated,
    }
    if kind == "startup":
        return Facts(
            stage=str(rng.choice(list(Stage))),
            trl=rng.randint(1, 9),
            needs=frozenset(rng.sample(list(Need), rng.randint(0, 4))),
            **common,  # type: ignore[arg-type]
        )
    low = rng.randint(1, 5)
    return Facts(
        subkind="national_incubator",
        stages=frozenset(rng.sample(list(Stage), rng.randint(1, 3))),
        trl_min=low,
        trl_max=rng.randint(low, 9),
        services=frozenset(rng.sample(list(Need), rng.randint(1, 5))),
        capacity=3,
        **common,  # type: ignore[arg-type]
    )


def best_ms(fn: Callable[[], object], rounds: int = 5, calls: int = 200) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        best = min(best, (time.perf_counter() - start) / calls * 1000)
    return best


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--candidates", type=int, default=100)
    n = p.parse_args(argv).candidates
    rng = random.Random(15)
    weights = Weights()
    one_startup = facts(rng, "startup", 0)
    one_incubator = facts(rng, "incubator", 0)
    incubators = [facts(rng, "incubator", i + 1) for i in range(n)]
    startups = [facts(rng, "startup", i + 1) for i in range(n)]
    sims = [rng.uniform(0.1, 0.8) for _ in range(n)]
    fits = [
        HistoryFit(round(rng.random(), 4), 5, 2, 1, 0) if rng.random() < 0.33 else None
        for _ in range(n)
    ]
    print("| direction | rank_key per candidate, ms | rank_keys, ms | ratio |")
    print("|---|---|---|---|")
    for label, pairs in (
        ("founder (one startup, incubators)", [(one_startup, t) for t in incubators]),
        ("manager (one incubator, startups)", [(s, one_incubator) for s in startups]),
    ):

        def one_by_one(pairs: list[tuple[Facts, Facts]] = pairs) -> object:
            return [
                rank_key(s, t, sim, weights, fit, TODAY)
                for (s, t), sim, fit in zip(pairs, sims, fits, strict=True)
            ]

        def at_once(pairs: list[tuple[Facts, Facts]] = pairs) -> object:
            return rank_keys(pairs, sims, weights, fits, TODAY)

        old, new = best_ms(one_by_one), best_ms(at_once)
        same = rank_keys(pairs, sims, weights, fits, TODAY) == [
            rank_key(s, t, sim, weights, fit, TODAY)
            for (s, t), sim, fit in zip(pairs, sims, fits, strict=True)
        ]
        assert same, "rank_keys disagrees with rank_key"
        print(f"| {label}, {n} candidates | {old:.2f} | {new:.2f} | {old / new:.1f}x |")


if __name__ == "__main__":
    main()
