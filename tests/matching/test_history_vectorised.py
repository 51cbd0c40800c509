"""The vectorised history component gives the numbers of the per-pair arithmetic (centroid
of the decided startups) on real-model vectors, in both directions (one target and many
startups, one startup and many targets), and both directions agree bit for bit on every pair."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest
from numpy.typing import NDArray

from matchmaker.matching.calibration import REFERENCE, Calibration
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.history import (
    CEILING,
    DECLINED_PULL,
    FLOOR,
    LIKE,
    Decisions,
    HistoryFit,
    decided_rows,
    fits_of_startups,
    fits_of_targets,
)

# The per-candidate arithmetic the engine used before, kept here only as the oracle.
Vector = NDArray[np.float32]


def _centroid_cosine(startup: Vector, decided: list[Vector]) -> float:
    if not decided:
        return 0.0
    centroid = np.asarray(decided, np.float64).sum(axis=0)
    return float(centroid @ startup.astype(np.float64) / np.linalg.norm(centroid))


def oracle(
    startup_id: int,
    startup: Vector,
    decisions: Decisions,
    vectors: dict[int, Vector],
    calibration: Calibration,
) -> tuple[float, int, int, int, int] | None:
    """(unrounded value, accepted, declined, like accepted, like declined) of one pair."""
    accepted = [vectors[i] for i in decisions.accepted if i != startup_id and i in vectors]
    declined = [vectors[i] for i in decisions.declined if i != startup_id and i in vectors]
    if not accepted and not declined:
        return None
    a_sims = np.asarray(accepted, np.float32) @ startup if accepted else np.empty(0, np.float32)
    d_sims = np.asarray(declined, np.float32) @ startup if declined else np.empty(0, np.float32)
    a_sims, d_sims = calibration.scale_many(a_sims), calibration.scale_many(d_sims)
    a, d = (
        calibration.scale(_centroid_cosine(startup, side)) if side else 0.0
        for side in (accepted, declined)
    )
    raw = a - (DECLINED_PULL * max(0.0, d - a) if declined else 0.0)
    value = min(1.0, max(0.0, (raw - FLOOR) / (CEILING - FLOOR)))
    return (
        value,
        len(accepted),
        len(declined),
        int((a_sims >= LIKE).sum()),
        int((d_sims >= LIKE).sum()),
    )


TECH = ["solid-state batteries", "perovskite solar cells", "quantum sensors", "lidar",
        "industrial robots", "CRISPR diagnostics", "green hydrogen electrolysers",
        "satellite propulsion", "carbon capture sorbents", "microfluidic chips",
        "power electronics in GaN", "fusion magnets"]  # fmt: skip
MARKET = ["for electric trucks", "for hospitals", "for farms", "for grid operators",
          "for drone fleets", "for chip fabs"]  # fmt: skip


@pytest.fixture(scope="module")
def vectors(encoder: Encoder) -> dict[int, Vector]:
    """Startups 1..72 with real-model vectors: every technology for every market."""
    texts = [f"We build {t} {m}." for t, m in itertools.product(TECH, MARKET)]
    return {i + 1: v for i, v in enumerate(encoder.encode(texts))}


def _decisions(ids: list[int], seed: int) -> dict[int, Decisions]:
    """Forty targets with 0 to 30 decisions each, some on startups with no vector, some
    repeated, some on one startup both ways."""
    rng = random.Random(seed)
    out: dict[int, Decisions] = {}
    pool = [*ids, 999, 1000]  # the last two have no vector
    for tid in range(1, 41):
        n = rng.choice([0, 1, 2, 3, 5, 8, 30])
        picks = [rng.choice(pool) for _ in range(n)]
        cut = rng.randint(0, n)
        out[tid] = Decisions(tuple(picks[:cut]), tuple(picks[cut:]))
    return out


def _agrees(fit: HistoryFit | None, expected: tuple[float, int, int, int, int] | None) -> None:
    if expected is None:
        assert fit is None
        return
    assert fit is not None
    value, *counts = expected
    assert [fit.accepted, fit.declined, fit.like_accepted, fit.like_declined] == counts
    # float32 rounding (1e-6) may only tip the 4-decimal rounding at its boundary.
    assert abs(fit.value - value) <= 0.5e-4 + 1e-6
    if abs((value * 1e4) % 1 - 0.5) > 1e-2:
        assert fit.value == round(value, 4)


@pytest.mark.parametrize("calibration", [REFERENCE, Calibration(0.822, 0.847, 0.888)])
@pytest.mark.parametrize("seed", [1, 2])
def test_vectorised_history_matches_the_per_candidate_arithmetic(
    vectors: dict[int, Vector], calibration: Calibration, seed: int
) -> None:
    ids = sorted(vectors)
    decisions = _decisions(ids, seed)
    matrix = np.stack([vectors[i] for i in ids])
    by_target = {
        tid: fits_of_startups(ids, matrix, d, vectors, calibration) for tid, d in decisions.items()
    }
    compared = 0
    kept = decided_rows(decisions, vectors)  # what a running engine keeps between requests
    for row, sid in enumerate(ids):
        by_startup = fits_of_targets(sid, vectors[sid], decisions, vectors, calibration)
        assert set(by_startup) == set(decisions)
        # Kept rows give the same bits, a decided startup's own rows left out all the same.
        assert fits_of_targets(sid, vectors[sid], decisions, vectors, calibration, None, kept) == (
            by_startup
        )
        for tid, d in decisions.items():
            expected = oracle(sid, vectors[sid], d, vectors, calibration)
            _agrees(by_target[tid][row], expected)
            # Both sides of a pair: the same numbers, bit for bit.
            assert by_startup[tid] == by_target[tid][row]
            compared += expected is not None
    assert compared > 1000  # most pairs carry history


def test_no_decisions_and_no_candidates(vectors: dict[int, Vector]) -> None:
    ids = sorted(vectors)[:3]
    matrix = np.stack([vectors[i] for i in ids])
    assert fits_of_startups(ids, matrix, Decisions(), vectors) == [None, None, None]
    only_self = Decisions(accepted=(ids[0],))
    assert fits_of_startups(ids[:1], matrix[:1], only_self, vectors) == [None]
    assert fits_of_startups([], matrix[:0], only_self, vectors) == []
    assert fits_of_targets(ids[0], matrix[0], {7: only_self}, vectors) == {7: None}
    assert fits_of_targets(ids[0], matrix[0], {}, vectors) == {}
