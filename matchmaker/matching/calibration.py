"""Each model's cosine scale, mapped onto the one the engine's thresholds were set on.

The thresholds that read a similarity — "the descriptions are related" (0.5), the history
component's FLOOR / LIKE / CEILING, and through the score every ``min_score`` and the
webhook threshold — were set on all-MiniLM-L6-v2's cosines. Other models spread their
cosines differently (multilingual-e5 puts unrelated texts near 0.82 and related ones near
0.85), so a raw 0.5 means nothing there. Rather than a copy of every threshold per model,
each model carries three measured anchors of its own scale and the engine maps its raw
cosine onto the reference scale, piecewise linearly through the same three anchors measured
on MiniLM; every threshold then keeps its meaning under any model. The anchors are measured
by ``python -m bench.bilingual`` (bench/QUALITY.md, "Calibration").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True, slots=True)
class Calibration:
    """Raw cosines of one model: the median of pairs from different domains (unrelated), the
    median of pairs from the same domain (related), the 90th percentile of those (close)."""

    unrelated: float
    related: float
    close: float

    def __post_init__(self) -> None:
        if not -1.0 <= self.unrelated < self.related < self.close < 1.0:
            raise ValueError(f"calibration anchors must rise within (-1, 1): {self}")

    def scale(self, cosine: float) -> float:
        """``cosine`` on the reference scale (identity for the reference model)."""
        return float(self.scale_many(np.asarray([cosine], np.float32))[0])

    def scale_many(self, cosines: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        if self == REFERENCE:
            return cosines
        xs = [-1.0, self.unrelated, self.related, self.close, 1.0]
        ys = [-1.0, REFERENCE.unrelated, REFERENCE.related, REFERENCE.close, 1.0]
        return np.interp(cosines, xs, ys).astype(np.float32)

    def raw(self, reference: float) -> float:
        """The raw cosine of this model that means ``reference`` on the reference scale."""
        xs = [-1.0, REFERENCE.unrelated, REFERENCE.related, REFERENCE.close, 1.0]
        ys = [-1.0, self.unrelated, self.related, self.close, 1.0]
        return float(np.interp(reference, xs, ys))


# all-MiniLM-L6-v2 on the English half of bench/bilingual.json (python -m bench.bilingual).
REFERENCE = Calibration(unrelated=0.102, related=0.275, close=0.453)
