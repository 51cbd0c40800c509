"""The reciprocal score of a (startup, camp host) pair, from the matching engine.

The engine's hybrid score (``Matcher.score_many``: semantic similarity, domains, stage, TRL,
region with Beijing–Tianjin–Hebei as one region, needs, the reciprocal term, the host's
decision history and the penalties) for every eligible pair, from the stored vectors: the
same score the pair has in every list and page. Two deliberate differences from
recommendations: an incubator's open capacity does not exclude it (the camp has its own
places), and low-confidence pairs use their raw score (a camp must still order every
applicant). Without a matcher (no model loaded) similarity counts as 0 and the rest of the
arithmetic is unchanged (``score_without_vectors``); the run records which source it used.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from matchmaker.matching.ranking import score_without_vectors
from matchmaker.matching.scoring import RANKING_VERSION, PairScore, Weights
from matchmaker.matching.service import Matcher

Scores = dict[tuple[int, int], float]  # (startup id, camp host id) -> score


def camp_score(pair: PairScore) -> float:
    """The number a camp orders by: the raw score, rounded so stored inputs replay anywhere."""
    return round(pair.raw_score, 6)


def scored_pairs(
    session: Session,
    matcher: Matcher | None,
    startups: Sequence[Any],
    targets: Sequence[tuple[str, Any]],  # ("incubator"|"partner", row)
    weights: Weights | None = None,
) -> list[list[PairScore]]:
    """The engine's scored pairs (components, notes), by startup then target."""
    if matcher is not None:
        return matcher.score_many(session, startups, targets, weights)
    return score_without_vectors(startups, targets, weights or Weights())


def pair_scores(
    session: Session,
    matcher: Matcher | None,
    startups: Sequence[Any],
    hosts: Sequence[tuple[int, str, Any]],  # (camp host id, "incubator"|"partner", row)
    weights: Weights | None = None,
) -> tuple[Scores, str]:
    """Scores of every (startup, host) pair, rounded to 6 places, and their source."""
    rows = scored_pairs(
        session, matcher, startups, [(kind, row) for _, kind, row in hosts], weights
    )
    out: Scores = {}
    for s, pairs in zip(startups, rows, strict=True):
        for (host_id, _, _), pair in zip(hosts, pairs, strict=True):
            out[(s.id, host_id)] = camp_score(pair)
    source = f"engine:{RANKING_VERSION}" if matcher is not None else f"facts:{RANKING_VERSION}"
    return out, source
