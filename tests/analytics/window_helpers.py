"""Exposure rows written at a chosen time, as the log would have written them then."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import insert

from matchmaker.analytics.models import Exposure
from matchmaker.db import utcnow
from tests.analytics.conftest import World


def today() -> date:
    return utcnow().date()


def days_ago(n: int) -> date:
    return today() - timedelta(days=n)


def backdate(client: TestClient, at: datetime, query: tuple[str, int], shown: list[int]) -> None:
    """A list of startups ``shown`` (in rank order) served for ``query`` at ``at``."""
    rows = [
        {
            "served_at": at,
            "query_kind": query[0],
            "query_id": query[1],
            "shown_kind": "startup",
            "shown_id": startup,
            "rank": rank,
        }
        for rank, startup in enumerate(shown, start=1)
    ]
    with client.app.state.sessions() as session, session.begin():  # type: ignore[attr-defined]
        session.execute(insert(Exposure), rows)


def served_to_incubator(world: World, at: datetime, *names: str) -> None:
    """The manager's incubator was shown the startups ``names`` at ``at``."""
    shown = [world.startups[n] for n in names]
    backdate(world.client, at, ("incubator", world.incubator), shown)
