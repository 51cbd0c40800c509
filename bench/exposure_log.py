"""What logging a served list of 10 costs a request: the exposure log written in the request's
transaction, or handed to the buffered writer (matchmaker.analytics.writer).

    .venv/bin/python -m bench.exposure_log                         # SQLite, a temporary file
    .venv/bin/python -m bench.exposure_log postgresql+psycopg://postgres@127.0.0.1:5432/db

Each sample is one read transaction (``SELECT 1``, as a GET route's is) with and without the
log, interleaved, so load from other processes hits both alike; the figure that counts is the
difference of the medians. The database must be empty or migrated (it is migrated first).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from matchmaker import migrations_state
from matchmaker.analytics import log, writer
from matchmaker.db import make_engine
from matchmaker.matching.schemas import MatchRead, ProfileRef

ROUNDS = 400


def _shown() -> tuple[ProfileRef, list[MatchRead]]:
    query = ProfileRef(kind="incubator", id=1, title="i", region="beijing", city="")
    shown = [
        MatchRead(
            profile=ProfileRef(kind="startup", id=i, title="s", region="beijing", city=""),
            score=0.5,
            confidence="high",
            similarity=0.5,
            components={},
            matched_domains=[],
            matched_needs=[],
            reason="",
            improve=[],
        )
        for i in range(1, 11)
    ]
    return query, shown


def _compare(sessions: sessionmaker[Session], label: str) -> None:
    query, shown = _shown()

    def once(logged: bool) -> float:
        start = time.perf_counter()
        with sessions() as session, session.begin():
            session.execute(text("SELECT 1"))
            if logged:
                log.record(session, query, shown)
        return (time.perf_counter() - start) * 1000

    for _ in range(50):  # warm the pool and the caches
        once(True)
        once(False)
    with_log, without = [], []
    for _ in range(ROUNDS):
        with_log.append(once(True))
        without.append(once(False))
    a, b = statistics.median(with_log), statistics.median(without)
    p95 = int(ROUNDS * 0.95)
    print(
        f"{label}: with the log p50 {a:.3f} ms (p95 {sorted(with_log)[p95]:.3f}), without "
        f"p50 {b:.3f} ms (p95 {sorted(without)[p95]:.3f}); cost p50 {a - b:+.3f} ms"
    )


def main() -> None:
    url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    migrations_state.upgrade(url)
    sessions = sessionmaker(make_engine(url))
    backend = url.split(":")[0]
    _compare(sessions, f"{backend}, in the request's transaction")
    buffered = writer.install(sessions)
    try:
        _compare(sessions, f"{backend}, buffered writer")
    finally:
        writer.uninstall(sessions, buffered)


if __name__ == "__main__":
    main()
