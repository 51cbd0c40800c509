"""The vectorised ranking (``rank_keys``) gives ``score_pair``'s numbers for every pair of the
demo profiles, real-model similarities, in both directions (one startup and many targets, one
target and many startups), with history fits, stale profiles and both calibrations' ranges;
and the match routes still show the same scores as the pair's explanation."""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, date, datetime, timedelta

import numpy as np
from fastapi.testclient import TestClient
from sqlalchemy import select

from matchmaker.config import Settings
from matchmaker.demo import seed
from matchmaker.kinds import INCUBATOR, PARTNER, SCENARIO, STARTUP
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.facts import Facts, facts_of
from matchmaker.matching.history import HistoryFit
from matchmaker.matching.ranking import rank_key, score_pair
from matchmaker.matching.ranking_batch import rank_keys, round4
from matchmaker.matching.scoring import PairScore, Weights
from matchmaker.matching.texts import compose
from tests.matching.helpers import random_history_fit

TARGETS = (INCUBATOR, PARTNER, SCENARIO)
TODAY = date(2026, 12, 6)


def _demo_facts(
    client: TestClient, settings: Settings, encoder: Encoder
) -> dict[str, tuple[list[Facts], np.ndarray]]:
    """Every demo profile's facts and real-model vector, by kind; some made stale (a third
    updated 400 days before TODAY) so that the penalty is exercised in both directions."""
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    seed.load(settings, runtime)
    rng = random.Random(15)
    out: dict[str, tuple[list[Facts], np.ndarray]] = {}
    with runtime.sessions() as session:
        for kind in (STARTUP, *TARGETS):
            rows = session.scalars(select(kind.model).order_by(kind.model.id)).all()
            old = datetime.combine(TODAY - timedelta(days=400), datetime.min.time(), UTC)
            facts = [
                dataclasses.replace(
                    facts_of(kind.name, row),
                    updated_at=old if rng.random() < 0.33 else datetime.now(UTC),
                )
                for row in rows
            ]
            vectors = encoder.encode([compose(kind.name, row) for row in rows])
            out[kind.name] = (facts, vectors)
    return out


def test_rank_keys_are_score_pairs_numbers_on_the_demo_profiles(
    client: TestClient, settings: Settings, encoder: Encoder
) -> None:
    demo = _demo_facts(client, settings, encoder)
    for weights in (Weights(), Weights(semantic=0.5, stale_after_days=30)):
        _check(demo, weights)


def _check(demo: dict[str, tuple[list[Facts], np.ndarray]], weights: Weights) -> None:
    startups, s_vectors = demo[STARTUP.name]
    rng = random.Random(7)
    checked = 0
    for kind in TARGETS:
        targets, t_vectors = demo[kind.name]
        sims = (s_vectors @ t_vectors.T).astype(np.float32)
        fits = {
            (i, j): random_history_fit(rng)
            for i in range(len(startups))
            for j in range(len(targets))
        }
        expected = {
            (i, j): score_pair(s, t, float(sims[i, j]), weights, TODAY, fits[(i, j)])
            for i, s in enumerate(startups)
            for j, t in enumerate(targets)
        }
        # The founder's direction: one startup, every target.
        for i, s in enumerate(startups):
            keys = rank_keys(
                [(s, t) for t in targets],
                sims[i].tolist(),
                weights,
                [fits[(i, j)] for j in range(len(targets))],
                TODAY,
            )
            for j, key in enumerate(keys):
                pair = expected[(i, j)]
                assert key == (pair.score, pair.raw_score), (s.title, targets[j].title)
                checked += 1
        # The target's direction: one target, every startup (similarities as numpy).
        for j, t in enumerate(targets):
            keys = rank_keys(
                [(s, t) for s in startups],
                sims[:, j].astype(np.float64),
                weights,
                [fits[(i, j)] for i in range(len(startups))],
                TODAY,
            )
            for i, key in enumerate(keys):
                pair = expected[(i, j)]
                assert key == (pair.score, pair.raw_score)
                assert key == rank_key(
                    startups[i], t, float(sims[i, j]), weights, fits[(i, j)], TODAY
                )
    assert checked == len(startups) * sum(len(demo[k.name][0]) for k in TARGETS)
    # The demo data exercises what the arithmetic branches on.
    every = [p for kind in TARGETS for p in _all_pairs(demo, kind.name, weights)]
    names = {name for p in every for name in p.components}
    assert {"stage", "trl", "needs", "history", "stale_profile", "trl_shortfall"} <= names


def _all_pairs(
    demo: dict[str, tuple[list[Facts], np.ndarray]], kind: str, weights: Weights
) -> list[PairScore]:
    startups, s_vectors = demo[STARTUP.name]
    targets, t_vectors = demo[kind]
    fit = HistoryFit(value=0.5, accepted=3, declined=1, like_accepted=1, like_declined=0)
    return [
        score_pair(s, t, float(s_vectors[i] @ t_vectors[j]), weights, TODAY, fit)
        for i, s in enumerate(startups)
        for j, t in enumerate(targets)
    ]


def test_round4_is_pythons_round_next_to_halves() -> None:
    rng = np.random.default_rng(4)
    # Values on and next to every kind of tie, and plain ones.
    ties = np.arange(0, 20_001, dtype=np.float64) / 20_000
    near = np.concatenate([ties, np.nextafter(ties, 2), np.nextafter(ties, -1)])
    values = np.concatenate([near, rng.uniform(-1, 2, 20_000)])
    assert round4(values).tolist() == [round(v, 4) for v in values.tolist()]


def test_rank_keys_of_nothing() -> None:
    assert rank_keys([], [], Weights(), [], TODAY) == []
