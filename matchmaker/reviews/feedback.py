"""How review decisions feed back into ranking.

1. A pair that was declined (or withdrawn) is never proposed again, in either direction:
   ``excluded_ids`` is registered as one of the matcher's exclusion hooks.
2. A target's accepted and declined startups move its query vector (``preference``); each
   proposed startup then carries ``feedback``, the effect on it ("similar to 3 startups you
   accepted", with the similarity shift).

The matching engine stays ignorant of reviews: it takes exclusion hooks and an optional
query vector, and this module supplies both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from matchmaker.access import policy
from matchmaker.access.principal import Principal
from matchmaker.kinds import BY_NAME
from matchmaker.matching.facts import facts_of
from matchmaker.matching.ranking import score_pair
from matchmaker.matching.schemas import MatchList
from matchmaker.matching.scoring import RANKING_VERSION
from matchmaker.matching.service import Matcher, MatchFilters
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.reviews import preference, repository
from matchmaker.reviews.schemas import FeedbackRead
from matchmaker.reviews.service import NO_SNAPSHOT, Snapshot
from matchmaker.reviews.workflow import Decision

STARTUP = "startup"


@dataclass(frozen=True)
class Viewer:
    """Who asks for recommendations, and how strongly a target's decisions count."""

    principal: Principal
    alpha: float
    beta: float


@dataclass(frozen=True)
class Feedback:
    """The startups a target side has accepted and declined."""

    accepted_startup_ids: tuple[int, ...]
    declined_startup_ids: tuple[int, ...]


def feedback_for(session: Session, target_kind: str, target_id: int) -> Feedback:
    """The target side's own decisions (not the startups'), as positive and negative examples."""
    decisions = repository.target_decisions(session, target_kind, target_id)
    return Feedback(
        accepted_startup_ids=tuple(s for s, d in decisions if d == Decision.accepted),
        declined_startup_ids=tuple(s for s, d in decisions if d == Decision.declined),
    )


def excluded_ids(session: Session, query_kind: str, query_id: int, target_kind: str) -> set[int]:
    """Ids never to propose to ``query_kind`` ``query_id``: its declined or withdrawn pairs."""
    if not query_id:
        return set()
    if query_kind == STARTUP:
        return repository.final_target_ids(session, query_id, target_kind)
    return repository.final_startup_ids(session, query_kind, query_id)


def install(matcher: Matcher) -> None:
    """Register the exclusion hook (once) on a matcher."""
    if excluded_ids not in matcher.exclusion_hooks:
        matcher.exclusion_hooks.append(excluded_ids)


@dataclass(frozen=True)
class Preference:
    """A target's profile vector, the preference vector and the examples behind it."""

    profile: preference.Vector
    query: preference.Vector
    accepted: preference.Matrix
    declined: preference.Matrix


def preference_of(
    session: Session, matcher: Matcher, kind: ProfileKind, profile: Any, alpha: float, beta: float
) -> Preference | None:
    """The Rocchio preference of a target profile, or None when it has decided nothing."""
    if kind.name == STARTUP or not profile.id:
        return None
    fb = feedback_for(session, kind.name, profile.id)
    index = matcher.store.indexes[STARTUP]
    accepted = _vectors(index, fb.accepted_startup_ids)
    declined = _vectors(index, fb.declined_startup_ids)
    if not len(accepted) and not len(declined):
        return None
    base = matcher.vector_of(kind, profile)
    query = preference.rocchio(base, accepted, declined, alpha, beta)
    return Preference(base, query, accepted, declined)


def recommend(
    session: Session,
    matcher: Matcher,
    viewer: Viewer,
    kind: ProfileKind,
    profile: Any,
    target: ProfileKind,
    filters: MatchFilters,
) -> MatchList:
    """Matches for a profile the viewer manages, with the target's feedback applied.

    Recommendations are scoped: they reveal whom a target declined (those never appear), so
    only whoever manages the profile (or an admin) may read them.
    """
    policy.check_manage(viewer.principal, kind.name, profile)
    return ranked(session, matcher, kind, profile, target, filters, viewer.alpha, viewer.beta)


def ranked(
    session: Session,
    matcher: Matcher,
    kind: ProfileKind,
    profile: Any,
    target: ProfileKind,
    filters: MatchFilters,
    alpha: float,
    beta: float,
) -> MatchList:
    """``matcher.matches`` with the target's feedback applied and explained on each match."""
    pref = preference_of(session, matcher, kind, profile, alpha, beta)
    if pref is None:
        return matcher.matches(session, kind, profile, target, filters)
    result = matcher.matches(session, kind, profile, target, filters, pref.query)
    index = matcher.store.indexes[target.name]
    ids = [m.profile.id for m in result.matches if m.profile.id in index]
    vectors = dict(zip(ids, index.vectors(ids), strict=True)) if ids else {}
    for match in result.matches:
        vector = vectors.get(match.profile.id)
        if vector is None:
            continue
        eff = preference.effect(pref.profile, pref.query, vector, pref.accepted, pref.declined)
        semantic = match.components.get("semantic")
        weight = semantic.weight if semantic else 0.0
        match.feedback = FeedbackRead(
            accepted_examples=len(pref.accepted),
            declined_examples=len(pref.declined),
            similar_accepted=eff.similar_accepted,
            similar_declined=eff.similar_declined,
            similarity_shift=round(eff.shift, 4),
            contribution=round(eff.shift * weight, 4),
            note=eff.note(),
        )
    return result


def snapshot(matcher: Matcher, session: Session, startup: Any, kind: str, target: Any) -> Snapshot:
    """The engine's current score of one pair (without feedback), for the audit trail."""
    if matcher.store.mismatch():  # vectors of another model: no honest score to record
        return NO_SNAPSHOT
    sim = float(
        np.dot(
            matcher.vector_of(BY_NAME[STARTUP], startup), matcher.vector_of(BY_NAME[kind], target)
        )
    )
    today = datetime.now(UTC).date()
    pair = score_pair(
        facts_of(STARTUP, startup), facts_of(kind, target), sim, matcher.weights, today
    )
    score = pair.score if pair.score is not None else pair.raw_score
    return Snapshot(round(score, 4), matcher.store.encoder.name, RANKING_VERSION)


def _vectors(index: Any, ids: tuple[int, ...]) -> preference.Matrix:
    present = [i for i in ids if i in index]
    if not present:
        return np.empty((0, index.dim), dtype=np.float32)
    return np.asarray(index.vectors(present), dtype=np.float32)
