"""The score snapshot recorded with each decision, taken from the app's matching engine."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from matchmaker.reviews import feedback
from matchmaker.reviews.service import Scorer, Snapshot


def scorer_for(app: Any) -> Scorer | None:
    """A scorer over the app's matcher, or None when the app runs without one."""
    matcher = getattr(getattr(app.state, "runtime", None), "matcher", None)
    if matcher is None:
        return None

    def score(session: Session, startup: Any, kind: str, target: Any) -> Snapshot:
        return feedback.snapshot(matcher, session, startup, kind, target)

    return score
