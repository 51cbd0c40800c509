"""A replica with no usable snapshot rebuilds its index from the tables in one streamed scan
of the vectors: asking for them 5,000 ids at a time cost minutes at a million profiles on
PostgreSQL (bench/RESULTS.md, section 18)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import create_engine, event, insert
from sqlalchemy.engine import Engine

from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.models import Embedding
from matchmaker.runtime import open_runtime

ROWS = 12_000  # more than two of the 5,000-id queries a rebuild used to send


@contextmanager
def vector_reads() -> Iterator[list[str]]:
    """The statements any engine sends that read stored vectors."""
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "embedding.vector" in statement and statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def test_a_rebuild_from_the_tables_reads_the_vectors_in_one_scan(
    settings: Settings, encoder: Encoder, tmp_path: Path
) -> None:
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(ROWS, encoder.dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    now = datetime.now(UTC)
    engine = create_engine(settings.resolved_database_url())
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(Embedding),
                [
                    {
                        "kind": "startup",
                        "profile_id": i + 1,
                        "model": encoder.name,
                        "dim": encoder.dim,
                        "content_hash": f"{i:064d}",
                        "vector": vectors[i].astype("<f4").tobytes(),
                        "updated_at": now,
                    }
                    for i in range(ROWS)
                ],
            )
    finally:
        engine.dispose()

    with vector_reads() as reads:
        runtime = open_runtime(settings.model_copy(update={"data_dir": tmp_path / "r"}), encoder)
    try:
        assert len(reads) == 1  # the startups' scan; the empty kinds need no read at all
        index = runtime.store.indexes["startup"]
        assert sorted(index.ids().tolist()) == list(range(1, ROWS + 1))
        some = np.asarray([1, 5_001, ROWS], dtype=np.int64)
        assert np.array_equal(index.vectors(some), vectors[some - 1])
    finally:
        runtime.engine.dispose()  # no snapshot: the next test's tables differ
