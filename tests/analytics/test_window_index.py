"""A report reads the exposure log as an index range over served_at, not the whole log: the
database's own plan for each query a report sends says so, on both backends."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from tests.analytics.conftest import World
from tests.analytics.window_helpers import days_ago, served_to_incubator


@contextmanager
def _sent(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """The statements over the exposure log sent while the block runs, with their parameters."""
    seen: list[tuple[str, Any]] = []

    def listen(_c: Any, _cur: Any, statement: str, parameters: Any, _x: Any, many: bool) -> None:
        if "FROM exposure" in statement and statement.lstrip().startswith("SELECT") and not many:
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", listen)


def _plan(engine: Engine, statement: str, parameters: Any) -> str:
    with engine.connect() as conn, conn.begin():
        if engine.dialect.name == "sqlite":
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            return "\n".join(str(row[-1]) for row in rows)
        # A handful of rows is cheaper to read whole; the question is whether an index
        # answers the window at all, as it must once the log is large.
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        rows = conn.exec_driver_sql(f"EXPLAIN {statement}", parameters)
        return "\n".join(str(row[0]) for row in rows)


def test_each_query_of_a_scoped_report_reads_a_served_at_range_of_an_index(world: World) -> None:
    served_to_incubator(world, datetime.combine(days_ago(3), time.min, UTC), "Munich Motion")
    engine: Engine = world.client.app.state.engine  # type: ignore[attr-defined]
    window = {"incubator_id": world.incubator, "since": days_ago(10).isoformat()}
    with _sent(engine) as seen:
        assert world.get("/v1/analytics/exposure", world.manager, **window).status_code == 200
        assert world.get("/v1/analytics/funnel", world.manager, **window).status_code == 200
    # exposure_counts (one per dimension), then first_exposures' two directions
    assert len(seen) == 3 + 2
    for statement, parameters in seen:
        assert "served_at >=" in statement, statement
        assert "served_at <" in statement, statement
        plan = _plan(engine, statement, parameters)
        assert "ix_exposure_" in plan, plan
        assert "served_at" in plan, plan  # the window is part of the index condition
