"""The reciprocal score of a (startup, camp host) pair, from the matching engine.

The engine's hybrid score (``matching.ranking.score_pair``: semantic similarity, domains,
stage, TRL, region with Beijing–Tianjin–Hebei as one region, needs, and the reciprocal term)
is computed for every eligible pair once, from the stored vectors. Two deliberate
differences from recommendations: an incubator's open capacity does not exclude it (the camp
has its own places), and low-confidence pairs use their raw score (a camp must still order
every applicant). Without a matcher (no model loaded) similarity counts as 0 and the rest of
the arithmetic is unchanged; the run records which source it used.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import numpy as np

from matchmaker.kinds import BY_NAME, STARTUP
from matchmaker.matching.facts import facts_of
from matchmaker.matching.ranking import score_pair
from matchmaker.matching.scoring import RANKING_VERSION, Weights
from matchmaker.matching.service import Matcher

Scores = dict[tuple[int, int], float]  # (startup id, camp host id) -> score


def _vectors(matcher: Matcher, kind: str, rows: Sequence[Any]) -> np.ndarray:
    return np.stack([matcher.vector_of(BY_NAME[kind], row) for row in rows])


def pair_scores(
    matcher: Matcher | None,
    startups: Sequence[Any],
    hosts: Sequence[tuple[int, str, Any]],  # (camp host id, "incubator"|"partner", row)
    weights: Weights | None = None,
) -> tuple[Scores, str]:
    """Scores of every (startup, host) pair, rounded to 6 places, and their source."""
    weights = weights or (matcher.weights if matcher else Weights())
    today = datetime.now(UTC).date()
    sims = np.zeros((len(startups), len(hosts)), dtype=np.float32)
    if matcher is not None and startups and hosts:
        left = _vectors(matcher, STARTUP.name, startups)
        for col, (_hid, kind, row) in enumerate(hosts):
            sims[:, col] = left @ _vectors(matcher, kind, [row])[0]
    startup_facts = [facts_of("startup", s) for s in startups]
    out: Scores = {}
    for col, (host_id, kind, row) in enumerate(hosts):
        target = facts_of(kind, row)
        for r, (s, facts) in enumerate(zip(startups, startup_facts, strict=True)):
            pair = score_pair(facts, target, float(sims[r, col]), weights, today)
            # Rounded: the stored inputs must reproduce the same order on any machine.
            out[(s.id, host_id)] = round(pair.raw_score, 6)
    source = f"engine:{RANKING_VERSION}" if matcher is not None else f"facts:{RANKING_VERSION}"
    return out, source
