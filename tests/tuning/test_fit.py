"""The arithmetic of `matchmaker tune`: logistic fit, weights, AUC, MRR and the time split.

Pure numbers: no model and no database (the end-to-end test is test_tune.py).
"""

from __future__ import annotations

import numpy as np
import pytest

from matchmaker.tuning.fit import Decision, as_weights, auc, fit_logistic, mrr, tune


def test_the_fit_weighs_the_feature_that_predicts_acceptance() -> None:
    rng = np.random.default_rng(0)
    x = rng.random((400, 3))
    y = (x[:, 1] > 0.5).astype(np.float64)  # only the second column decides
    coef, _ = fit_logistic(x, y)
    assert coef[1] > 5 * max(coef[0], coef[2])


def test_a_feature_that_predicts_declines_gets_no_weight_rather_than_a_negative_one() -> None:
    rng = np.random.default_rng(1)
    x = rng.random((300, 2))
    y = (x[:, 0] < 0.5).astype(np.float64)
    coef, _ = fit_logistic(x, y)
    assert coef[0] == 0.0
    assert (coef >= 0).all()


def test_weights_are_the_coefficients_scaled_to_one() -> None:
    assert as_weights(np.array([3.0, 1.0]), ["a", "b"]) == {"a": 0.75, "b": 0.25}
    assert as_weights(np.array([0.0, 0.0]), ["a", "b"]) == {}


def test_auc_counts_ordered_pairs_and_half_ties() -> None:
    assert auc([0.9, 0.1], [True, False]) == 1.0
    assert auc([0.1, 0.9], [True, False]) == 0.0
    assert auc([0.5, 0.5, 0.2], [True, False, False]) == pytest.approx(0.75)
    assert auc([0.3], [True]) is None


def test_mrr_ranks_within_each_group_and_gives_ties_no_credit() -> None:
    scores = [0.9, 0.8, 0.7, 0.5, 0.5]
    labels = [False, True, False, True, False]
    groups = ["a", "a", "a", "b", "b"]
    value, n = mrr(scores, labels, groups)
    assert n == 2
    assert value == pytest.approx((1 / 2 + 1 / 2) / 2)
    assert mrr([0.4], [True], ["only accepts"]) == (None, 0)


def _decision(t: int, accepted: bool, region: float) -> Decision:
    return Decision(
        group=t % 3,
        decided_at=f"2026-01-01T00:{t:02d}:00Z",
        accepted=accepted,
        values={"semantic": 0.4 + 0.01 * (t % 5), "region": region},
        current_score=0.5,
    )


def test_tune_fits_on_earlier_decisions_and_scores_the_later_ones() -> None:
    # Decided in time order; the later 30% are held out.
    decisions = [_decision(t, t % 2 == 0, 1.0 if t % 2 == 0 else 0.2) for t in range(40)]
    result = tune(list(reversed(decisions)), {"semantic": 0.7, "region": 0.3}, holdout=0.3)
    assert (result.train, result.test) == (28, 12)
    assert result.fitted["region"] > result.current["region"]
    assert result.metrics["fitted"]["auc"] == 1.0
    assert result.metrics["current"]["auc"] == 0.5  # the current score was flat


def test_a_component_the_decisions_never_vary_keeps_its_current_weight() -> None:
    decisions = [
        Decision(
            group=t % 2,
            decided_at=f"2026-01-01T00:{t:02d}:00Z",
            accepted=t % 2 == 0,
            values={"region": 1.0 if t % 2 == 0 else 0.0, "trl": 1.0},
            current_score=0.5,
        )
        for t in range(30)
    ]
    result = tune(decisions, {"region": 0.5, "trl": 0.5}, holdout=0.3)
    assert result.fitted == {"region": 0.5, "trl": 0.5}
