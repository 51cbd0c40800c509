"""Logistic regression on component values, and the held-out metrics that judge it.

A small numpy implementation: the features are the few ranking components, the data a few
hundred decisions, and the weights must stay non-negative to remain weights (the engine
renormalises them), which a generic solver does not offer.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Decision:
    """One decided pair: who decided, when, the outcome, and the pair's component values."""

    group: Hashable  # the target profile that was judged (for MRR)
    decided_at: str  # ISO time; the time split sorts on it
    accepted: bool
    values: Mapping[str, float]
    current_score: float


def design(decisions: Sequence[Decision], names: Sequence[str]) -> Matrix:
    """One row per decision, one column per component (0 where it does not apply)."""
    return np.array([[d.values.get(n, 0.0) for n in names] for d in decisions], dtype=np.float64)


def fit_logistic(
    x: Matrix, y: npt.NDArray[np.float64], l2: float = 0.01, steps: int = 3000, lr: float = 0.5
) -> tuple[npt.NDArray[np.float64], float]:
    """Non-negative coefficients and an intercept maximising the L2-penalised likelihood.

    Projected gradient descent: after each step negative coefficients are set to 0, since
    a component that predicts declines should get no weight rather than a negative one.
    """
    n, k = x.shape
    coef = np.zeros(k)
    intercept = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ coef + intercept)))
        err = p - y
        coef = np.maximum(coef - lr * (x.T @ err / n + l2 * coef), 0.0)
        intercept -= lr * float(err.mean())
    return coef, intercept


def as_weights(coef: npt.NDArray[np.float64], names: Sequence[str]) -> dict[str, float]:
    """Coefficients scaled to sum to 1 (the engine renormalises weights anyway)."""
    total = float(coef.sum())
    if total <= 0:
        return {}
    return {n: round(float(c) / total, 4) for n, c in zip(names, coef, strict=True)}


def weighted_scores(x: Matrix, weights: Mapping[str, float], names: Sequence[str]) -> Matrix:
    w = np.array([weights.get(n, 0.0) for n in names], dtype=np.float64)
    return np.asarray(x @ w)


def auc(scores: Sequence[float] | Matrix, labels: Sequence[bool]) -> float | None:
    """Probability that an accepted pair outscores a declined one (ties count half)."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=bool)
    pos, neg = s[y], s[~y]
    if not len(pos) or not len(neg):
        return None
    greater = (pos[:, None] > neg[None, :]).sum()
    ties = (pos[:, None] == neg[None, :]).sum()
    return float((greater + 0.5 * ties) / (len(pos) * len(neg)))


def mrr(
    scores: Sequence[float] | Matrix, labels: Sequence[bool], groups: Sequence[Hashable]
) -> tuple[float | None, int]:
    """Mean reciprocal rank of the first accepted pair within each judged profile's decisions.

    Only groups with at least one accept and one decline count; the second value is their
    number. Equal scores rank the declined pair first (no credit for a tie).
    """
    by_group: dict[Hashable, list[tuple[float, bool]]] = {}
    for score, label, group in zip(scores, labels, groups, strict=True):
        by_group.setdefault(group, []).append((float(score), bool(label)))
    reciprocal = []
    for rows in by_group.values():
        if all(label for _, label in rows) or not any(label for _, label in rows):
            continue
        ordered = sorted(rows, key=lambda r: (-r[0], r[1]))
        first = next(i for i, (_, label) in enumerate(ordered, start=1) if label)
        reciprocal.append(1 / first)
    return (float(np.mean(reciprocal)) if reciprocal else None), len(reciprocal)


def _keep_unexercised(
    fitted: dict[str, float], x: Matrix, names: Sequence[str], current: Mapping[str, float]
) -> dict[str, float]:
    """Components with one value across all decisions keep their current weight.

    The decisions say nothing about such a component (the intercept absorbs it), so the fit
    would give it 0 and switch off a rule that was merely never exercised. The others share
    the rest of the weight in proportion to their fitted coefficients.
    """
    if not fitted:
        return fitted
    constant = {n for n, col in zip(names, x.T, strict=True) if np.ptp(col) < 1e-9}
    kept = {n: current.get(n, 0.0) for n in constant}
    total = sum(current.get(n, 0.0) for n in names) or 1.0
    rest = max(0.0, 1.0 - sum(kept.values()) / total)
    varied = sum(w for n, w in fitted.items() if n not in constant)
    return {
        n: round(kept[n] / total if n in constant else rest * w / (varied or 1.0), 4)
        for n, w in fitted.items()
    }


@dataclass(frozen=True)
class Result:
    names: list[str]
    current: dict[str, float]
    fitted: dict[str, float]
    train: int
    test: int
    metrics: dict[str, dict[str, float | int | None]]


def tune(
    decisions: Sequence[Decision], current: Mapping[str, float], holdout: float = 0.3
) -> Result:
    """Fit on the earlier decisions, compare with the current weights on the later ones."""
    ordered = sorted(decisions, key=lambda d: d.decided_at)
    cut = int(round(len(ordered) * (1 - holdout)))
    train, test = ordered[:cut], ordered[cut:]
    names = sorted({n for d in ordered for n in d.values})
    y = np.array([d.accepted for d in train], dtype=np.float64)
    x_train = design(train, names)
    coef, _ = fit_logistic(x_train, y)
    fitted = _keep_unexercised(as_weights(coef, names), x_train, names, current)
    x_test = design(test, names)
    labels = [d.accepted for d in test]
    groups = [d.group for d in test]
    metrics: dict[str, dict[str, float | int | None]] = {}
    for label, scores in (
        ("current", np.array([d.current_score for d in test], dtype=np.float64)),
        ("fitted", weighted_scores(x_test, fitted, names)),
    ):
        group_mrr, n_groups = mrr(scores, labels, groups)
        metrics[label] = {"auc": auc(scores, labels), "mrr": group_mrr, "groups": n_groups}
    return Result(names, dict(current), fitted, len(train), len(test), metrics)
