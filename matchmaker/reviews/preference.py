"""Rocchio-style preference: a target's decisions move the vector it is matched with.

For an incubator, partner or scenario with profile vector ``p``, accepted startups ``A`` and
declined startups ``D`` (all unit vectors)::

    q = normalise(p + alpha * s(|A|) * mean(A) - beta * s(|D|) * mean(D))
    s(n) = n / (n + PRIOR)

``s`` shrinks the pull of a handful of decisions: with the defaults (alpha 0.5, beta 0.25,
PRIOR 2) one accept weighs 0.17 against the profile's 1.0, three weigh 0.30, ten 0.42; so the
profile keeps the upper hand and a few decisions reorder near-ties rather than the whole list.
Only the semantic component of the score uses ``q``; the rule-based components still compare
the profiles themselves, so feedback never overrides a hard fact such as TRL or capacity.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Vector = NDArray[np.float32]
Matrix = NDArray[np.float32]

PRIOR = 2.0
# Cosine above which a candidate counts as "similar to" a decided startup in explanations;
# for all-MiniLM-L6-v2, texts about the same technology typically score 0.5 or more.
SIMILAR = 0.5


def shrink(n: int) -> float:
    return n / (n + PRIOR) if n > 0 else 0.0


def rocchio(
    profile: Vector, accepted: Matrix, declined: Matrix, alpha: float, beta: float
) -> Vector:
    """The preference vector (unit length); the profile vector when there is no feedback."""
    q = profile.astype(np.float64)
    if len(accepted) and alpha > 0:
        q = q + alpha * shrink(len(accepted)) * accepted.astype(np.float64).mean(axis=0)
    if len(declined) and beta > 0:
        q = q - beta * shrink(len(declined)) * declined.astype(np.float64).mean(axis=0)
    norm = float(np.linalg.norm(q))
    if norm < 1e-6:  # feedback cancelled the profile out: keep the profile
        return profile.astype(np.float32)
    return (q / norm).astype(np.float32)


@dataclass(frozen=True)
class Effect:
    """How feedback moved one candidate: similar decided startups and the similarity shift."""

    similar_accepted: int
    similar_declined: int
    similarity_before: float
    similarity_after: float

    @property
    def shift(self) -> float:
        return self.similarity_after - self.similarity_before

    def note(self) -> str:
        parts = []
        if self.similar_accepted:
            parts.append(f"similar to {_startups(self.similar_accepted)} you accepted")
        if self.similar_declined:
            parts.append(f"similar to {_startups(self.similar_declined)} you declined")
        if not parts:
            return f"your past decisions moved its similarity by {self.shift:+.2f}"
        return "; ".join(parts) + f" (similarity {self.shift:+.2f})"


def effect(
    profile: Vector, query: Vector, candidate: Vector, accepted: Matrix, declined: Matrix
) -> Effect:
    """The effect of the preference vector ``query`` on one ``candidate``."""
    return Effect(
        similar_accepted=_count_similar(candidate, accepted),
        similar_declined=_count_similar(candidate, declined),
        similarity_before=float(np.dot(profile, candidate)),
        similarity_after=float(np.dot(query, candidate)),
    )


def _count_similar(candidate: Vector, others: Matrix) -> int:
    if not len(others):
        return 0
    return int((others @ candidate >= SIMILAR).sum())


def _startups(n: int) -> str:
    return "1 startup" if n == 1 else f"{n} startups"
