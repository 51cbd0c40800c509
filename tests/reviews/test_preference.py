"""Rocchio preference arithmetic, on small fake unit vectors (no encoder involved)."""

from __future__ import annotations

import numpy as np

from matchmaker.reviews.preference import PRIOR, effect, rocchio, shrink


def unit(*xs: float) -> np.ndarray:
    v = np.asarray(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def rows(*vs: np.ndarray) -> np.ndarray:
    return np.stack(vs) if vs else np.empty((0, 3), dtype=np.float32)


PROFILE = unit(1, 1, 0)  # half robotics (x), half fintech (y)
ROBOTICS = [unit(1, 0, 0.1), unit(1, 0.1, 0), unit(0.9, 0, 0.2)]
FINTECH = [unit(0, 1, 0.1), unit(0.1, 1, 0)]


def test_without_feedback_the_profile_is_the_query() -> None:
    q = rocchio(PROFILE, rows(), rows(), alpha=0.5, beta=0.25)
    np.testing.assert_allclose(q, PROFILE, rtol=1e-6)


def test_accepts_pull_and_declines_push_and_the_result_is_unit_length() -> None:
    q = rocchio(PROFILE, rows(*ROBOTICS), rows(*FINTECH), alpha=0.5, beta=0.25)
    assert abs(float(np.linalg.norm(q)) - 1) < 1e-5
    unseen_robot, unseen_fintech = unit(1, 0, 0), unit(0, 1, 0)
    assert float(q @ unseen_robot) > float(PROFILE @ unseen_robot)
    assert float(q @ unseen_fintech) < float(PROFILE @ unseen_fintech)


def test_strength_grows_with_the_number_of_decisions_but_stays_below_alpha() -> None:
    assert shrink(0) == 0
    assert shrink(1) < shrink(3) < shrink(10) < 1
    assert shrink(int(PRIOR)) == 0.5
    one = rocchio(PROFILE, rows(ROBOTICS[0]), rows(), alpha=0.5, beta=0)
    three = rocchio(PROFILE, rows(*ROBOTICS), rows(), alpha=0.5, beta=0)
    axis = unit(1, 0, 0)
    assert float(PROFILE @ axis) < float(one @ axis) < float(three @ axis)


def test_zero_strength_turns_feedback_off() -> None:
    q = rocchio(PROFILE, rows(*ROBOTICS), rows(*FINTECH), alpha=0, beta=0)
    np.testing.assert_allclose(q, PROFILE, rtol=1e-6)


def test_feedback_that_cancels_the_profile_keeps_the_profile() -> None:
    q = rocchio(PROFILE, rows(), rows(PROFILE), alpha=0, beta=1 / shrink(1))
    np.testing.assert_allclose(q, PROFILE, rtol=1e-6)


def test_effect_counts_similar_decided_startups_and_the_shift() -> None:
    q = rocchio(PROFILE, rows(*ROBOTICS), rows(*FINTECH), alpha=0.5, beta=0.25)
    eff = effect(PROFILE, q, unit(1, 0.05, 0.05), rows(*ROBOTICS), rows(*FINTECH))
    assert eff.similar_accepted == 3
    assert eff.similar_declined == 0
    assert eff.shift > 0
    assert eff.note().startswith("similar to 3 startups you accepted")
    eff = effect(PROFILE, q, unit(0.05, 1, 0), rows(*ROBOTICS), rows(*FINTECH))
    assert (eff.similar_accepted, eff.similar_declined) == (0, 2)
    assert eff.shift < 0
    assert "similar to 2 startups you declined" in eff.note()
