"""Ranking metrics of the quality benchmark: hit rate at 1 and 3, MRR, and chance level."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from math import comb
from typing import TypeVar

import numpy as np

K = TypeVar("K", bound=Hashable)


def first_hit(
    ranked: Sequence[K], relevant: Collection[K], cutoff: int | None = None
) -> int | None:
    """1-based rank of the first relevant item within ``cutoff``, or None."""
    for position, item in enumerate(ranked[:cutoff], start=1):
        if item in relevant:
            return position
    return None


class Scores:
    """Per-query ranks of one method, summarised as hit@1, hit@3 and MRR."""

    def __init__(self) -> None:
        self.hit1: list[float] = []
        self.hit3: list[float] = []
        self.rr: list[float] = []

    def add(self, ranked: Sequence[K], relevant: Collection[K], cutoff: int | None = None) -> None:
        rank = first_hit(ranked, relevant, cutoff)
        self.add_expected(
            float(rank == 1), float(rank is not None and rank <= 3), 1 / rank if rank else 0.0
        )

    def add_expected(self, hit1: float, hit3: float, rr: float) -> None:
        self.hit1.append(hit1)
        self.hit3.append(hit3)
        self.rr.append(rr)

    def summary(self) -> dict[str, float]:
        def mean(xs: list[float]) -> float:
            return round(float(np.mean(xs)), 4) if xs else 0.0

        return {
            "hit@1": mean(self.hit1),
            "hit@3": mean(self.hit3),
            "mrr": mean(self.rr),
            "n": len(self.rr),
        }


def random_expectation(n: int, relevant: int, cutoff: int | None = None) -> tuple[float, ...]:
    """Exact expected (hit@1, hit@3, reciprocal rank) of a uniformly random order.

    The first relevant item is at rank i with probability C(n-i, r-1) / C(n, r).
    """
    if relevant <= 0 or n <= 0:
        return (0.0, 0.0, 0.0)
    total = comb(n, relevant)
    p = [comb(n - i, relevant - 1) / total for i in range(1, n - relevant + 2)]
    limit = len(p) if cutoff is None else min(cutoff, len(p))
    return (p[0], sum(p[:3]), sum(p[i] / (i + 1) for i in range(limit)))


def by_score(items: Sequence[K], scores: Sequence[float] | np.ndarray) -> list[K]:
    """``items`` ordered by descending score; ties keep the given order."""
    order = np.argsort(-np.asarray(scores, dtype=np.float64), kind="stable")
    return [items[int(i)] for i in order]


def unit(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (zero rows stay zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.asarray(vectors / np.where(norms == 0, 1, norms))


def table(rows: dict[str, dict[str, float]]) -> str:
    """A markdown table of methods' hit@1, hit@3 and MRR."""
    lines = ["| method | hit@1 | hit@3 | MRR |", "|---|---|---|---|"]
    for method, r in rows.items():
        lines.append(f"| {method} | {r['hit@1']:.3f} | {r['hit@3']:.3f} | {r['mrr']:.3f} |")
    return "\n".join(lines)
