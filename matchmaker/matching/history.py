"""What a target's past decisions say about a startup: the ``history`` component.

An incubator, partner or scenario that accepted startups like this one is likelier to accept
it; one that declined startups like it, less. For a pair (startup s, target t) with the
startups t accepted (A) and declined (D), s itself left out so that deciding on a pair never
scores the pair against itself::

    a = mean of the TOP_K highest cosines between s and A      (0 when A is empty)
    d = mean of the TOP_K highest cosines between s and D      (0 when D is empty)
    value = clip((a - DECLINED_PULL * d - FLOOR) / (CEILING - FLOOR), 0, 1)
    weight = weights.history * n / (n + HISTORY_PRIOR),  n = |A| + |D|

The value is the same whichever side asks, so it is part of the pair's score in both
directions. The weight grows with the evidence: a new target has no history component at
all (its score is the other criteria's, never starved for lack of decisions), two decisions
weigh half the maximum. Only similarity to the decided startups counts, not their number, so
a popular target gains nothing for being popular; full incubators are excluded by capacity
before any of this. The engine asks a ``HistorySource`` for the decisions: it does not know
where they are recorded.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from numpy.typing import NDArray
from sqlalchemy.orm import Session

from matchmaker.matching.calibration import REFERENCE, Calibration
from matchmaker.matching.messages import Message

Matrix = NDArray[np.float32]

TOP_K = 3
DECLINED_PULL = 0.5
HISTORY_PRIOR = 2.0
# On the reference scale (all-MiniLM-L6-v2's cosines; other models' are mapped onto it by
# their calibration): unrelated startups' descriptions sit near 0.15, same-technology ones
# at 0.6 and above; the value spans that range.
FLOOR, CEILING = 0.15, 0.75
# Cosine from which a decided startup counts as "like" this one in the explanation.
LIKE = 0.5


@dataclass(frozen=True, slots=True)
class Decisions:
    """The startups one target side accepted and declined (ids)."""

    accepted: tuple[int, ...] = ()
    declined: tuple[int, ...] = ()


class HistorySource(Protocol):
    """Decisions of targets of ``target_kind``: of ``target_ids``, or of all when None."""

    def __call__(
        self, session: Session, target_kind: str, target_ids: Collection[int] | None
    ) -> dict[int, Decisions]: ...


@dataclass(frozen=True, slots=True)
class HistoryFit:
    """The history component of one pair."""

    value: float
    accepted: int  # decisions counted (the pair's own startup left out)
    declined: int
    like_accepted: int  # of them, how many resemble the startup (cosine >= LIKE)
    like_declined: int

    @property
    def share(self) -> float:
        """The fraction of ``weights.history`` this much evidence earns."""
        n = self.accepted + self.declined
        return n / (n + HISTORY_PRIOR)

    def note(self, target_kind: str) -> Message:
        return Message(
            "history_declined" if self.like_declined else "history",
            {
                "kind": target_kind,
                "like_accepted": self.like_accepted,
                "like_declined": self.like_declined,
                "accepted": self.accepted,
                "declined": self.declined,
                "fit": round(self.value, 2),
            },
        )


def _top_mean(sims: NDArray[np.float32]) -> float:
    if not len(sims):
        return 0.0
    k = min(TOP_K, len(sims))
    return float(np.partition(sims, len(sims) - k)[-k:].mean())


def fit(
    startup_id: int,
    startup: NDArray[np.float32],
    decisions: Decisions,
    vectors: dict[int, NDArray[np.float32]],
    calibration: Calibration = REFERENCE,
) -> HistoryFit | None:
    """The history component of (startup, target), from the target's decisions and the
    decided startups' vectors; None when the target has decided on no other startup."""
    accepted = [vectors[i] for i in decisions.accepted if i != startup_id and i in vectors]
    declined = [vectors[i] for i in decisions.declined if i != startup_id and i in vectors]
    if not accepted and not declined:
        return None
    a_sims = np.asarray(accepted, np.float32) @ startup if accepted else np.empty(0, np.float32)
    d_sims = np.asarray(declined, np.float32) @ startup if declined else np.empty(0, np.float32)
    a_sims, d_sims = calibration.scale_many(a_sims), calibration.scale_many(d_sims)
    raw = _top_mean(a_sims) - DECLINED_PULL * _top_mean(d_sims)
    value = min(1.0, max(0.0, (raw - FLOOR) / (CEILING - FLOOR)))
    return HistoryFit(
        value=round(value, 4),
        accepted=len(accepted),
        declined=len(declined),
        like_accepted=int((a_sims >= LIKE).sum()),
        like_declined=int((d_sims >= LIKE).sum()),
    )
