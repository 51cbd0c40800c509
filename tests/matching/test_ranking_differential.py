"""score_pair's numbers against ranking_batch.rank_keys on random pairs of every kind.

ranking_batch re-computes the score of a whole candidate set in numpy, in code of its own
(it shares only the component functions of scoring.py with ranking.py), so the two are
independent oracles of each other: weights, the reciprocal term, history, penalties, the
staleness factor, rounding and thin profiles all have to agree on every pair. No model:
similarity is a number."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from matchmaker.matching.facts import Facts
from matchmaker.matching.ranking import rank_key, score_pair
from matchmaker.matching.ranking_batch import rank_keys
from matchmaker.matching.scoring import Weights
from tests.matching.helpers import random_history_fit

TODAY = date(2026, 12, 6)
DOMAINS = ("ai", "robotics", "quantum", "photonics")
STAGES = ("idea", "prototype", "pilot", "early_revenue", "growth")
NEEDS = ("funding", "lab_equipment", "pilot_scenario", "market_access", "workspace", "mentoring")
MODES = ("investment", "joint_rd", "pilot_procurement", "co_incubation")
REGIONS = ("beijing", "tianjin", "hebei", "china_other", "abroad")


def _some(rng: random.Random, pool: tuple[str, ...], low: int = 0) -> frozenset[str]:
    return frozenset(rng.sample(pool, rng.randint(low, min(3, len(pool)))))


def _facts(rng: random.Random, kind: str, n: int) -> Facts:
    region = rng.choice(REGIONS)
    age = rng.choice([None, 1, 100, 400, 1000])
    common = {
        "kind": kind,
        "id": n,
        "title": f"{kind} {n}",
        "domains": _some(rng, DOMAINS),
        "region": region,
        "country": rng.choice(["DE", "SG"]) if region == "abroad" else "CN",
        "city": rng.choice(["Beijing", "Shenzhen", ""]),
        # Few words now and then, so that thin profiles (no score) come up.
        "words": rng.choice([0, 3, 30]),
        "updated_at": None
        if age is None
        else datetime.combine(TODAY - timedelta(days=age), datetime.min.time(), UTC),
    }
    if kind == "startup":
        return Facts(
            stage=rng.choice([None, *STAGES]),
            trl=rng.choice([None, *range(1, 10)]),
            needs=_some(rng, (*NEEDS, "international_expansion")),
            **common,  # type: ignore[arg-type]
        )
    if kind == "incubator":
        low = rng.randint(1, 6)
        return Facts(
            subkind=rng.choice(["national_incubator", "offshore_carrier"]),
            stages=_some(rng, STAGES),
            trl_min=low,
            trl_max=rng.randint(low, 9),
            services=_some(rng, NEEDS),
            capacity=rng.choice([None, 0, 1, 3]),
            programs=_some(rng, ("offshore_incubation",)),
            **common,  # type: ignore[arg-type]
        )
    if kind == "partner":
        return Facts(
            subkind="multinational_corporation",
            stages=_some(rng, STAGES),
            modes=_some(rng, MODES),
            **common,  # type: ignore[arg-type]
        )
    return Facts(
        min_trl=rng.choice([None, *range(1, 10)]),
        modes=_some(rng, MODES, low=1),
        status="open",
        deadline=rng.choice([None, TODAY, TODAY + timedelta(days=30)]),
        **common,  # type: ignore[arg-type]
    )


def _weights(rng: random.Random) -> Weights:
    if rng.random() < 0.3:
        return Weights()
    names = ("semantic", "domain", "stage", "trl", "region", "needs", "reciprocal", "history")
    return Weights(
        **{name: rng.choice([0.0, 0.05, 0.1, 0.2, 0.35]) for name in names},
        stale_after_days=rng.choice([30, 180, 365]),
    )


@pytest.mark.parametrize("kind", ["incubator", "partner", "scenario"])
def test_score_pair_agrees_with_the_batch_ranker_on_random_pairs(kind: str) -> None:
    rng = random.Random(f"differential {kind}")
    for n in range(150):
        startup = _facts(rng, "startup", n)
        targets = [_facts(rng, kind, 1000 * n + k) for k in range(4)]
        sims = [rng.choice([-0.2, 0.0, 0.31, 0.5, 0.77, 1.0, 1.2]) for _ in targets]
        fits = [random_history_fit(rng) for _ in targets]
        weights = _weights(rng)
        batch = rank_keys([(startup, t) for t in targets], sims, weights, fits, TODAY)
        for t, sim, fit, key in zip(targets, sims, fits, batch, strict=True):
            pair = score_pair(startup, t, sim, weights, TODAY, fit)
            assert (pair.score, pair.raw_score) == key, (n, t)
            assert rank_key(startup, t, sim, weights, fit, TODAY) == key
            # What a client adds up is exactly the raw score.
            total = round(sum(c.contribution for c in pair.components.values()), 4)
            assert total == pair.raw_score
