"""Benchmark 1: ingest through the public path vs raw ``SentenceTransformer.encode``.

The path: one transaction that creates every profile with ``profiles.create`` (validation,
duplicate check, row and facets), then commits; the engine embeds the batch in the commit
hook, stores the vectors and updates the index after the commit. The reference: the raw
model's ``encode`` of the same texts at the same batch size, timed in the same run (before
and after the paths; their mean).
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
from sqlalchemy import create_engine, make_url, select, text

from bench.common import log, ratio
from matchmaker import migrations_state
from matchmaker.config import Settings
from matchmaker.kinds import STARTUP
from matchmaker.matching.encoder import SentenceTransformerEncoder
from matchmaker.matching.models import Embedding
from matchmaker.matching.texts import compose, content_hash
from matchmaker.profiles import service as profiles
from matchmaker.runtime import open_runtime
from matchmaker.startups.schemas import StartupCreate


def flat(body: dict[str, Any]) -> SimpleNamespace:
    """A body with its location spread out, as the ORM row has it (for ``compose``)."""
    values = {k: v for k, v in body.items() if k != "location"}
    return SimpleNamespace(**values, **body["location"])


def texts_of(bodies: list[dict[str, Any]]) -> list[str]:
    return [compose("startup", flat(b)) for b in bodies]


def raw_encode(encoder: SentenceTransformerEncoder, texts: list[str]) -> tuple[float, np.ndarray]:
    """Seconds for the bare model to embed ``texts`` at the encoder's batch size."""
    model = encoder._model  # the very model the engine uses, called directly
    start = time.perf_counter()
    out = model.encode(
        texts,
        batch_size=encoder.batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return time.perf_counter() - start, np.asarray(out, dtype=np.float32)


@contextmanager
def pg_database(admin_url: str) -> Iterator[str]:
    """A throwaway PostgreSQL database, migrated; dropped afterwards."""
    name = f"mm_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(make_url(admin_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        migrations_state.upgrade(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


class PathIngest:
    """A runtime over one database, creating profiles through the profiles service."""

    def __init__(self, encoder: SentenceTransformerEncoder, url: str, data_dir: Path) -> None:
        settings = Settings(
            database_url=url, data_dir=data_dir, encode_batch_size=encoder.batch_size
        )
        self.runtime = open_runtime(settings, encoder)
        self.done: list[dict[str, Any]] = []

    def __call__(self, bodies: list[dict[str, Any]]) -> float:
        """Seconds to create ``bodies`` in one transaction, embedding and indexing included."""
        start = time.perf_counter()
        with self.runtime.sessions() as session, session.begin():
            for body in bodies:
                profiles.create(session, STARTUP, StartupCreate.model_validate(body))
        seconds = time.perf_counter() - start
        self.done += bodies
        return seconds

    def close(self) -> None:
        with self.runtime.sessions() as session:
            hashes = set(session.scalars(select(Embedding.content_hash)))
        indexed = len(self.runtime.store.indexes["startup"])
        self.runtime.engine.dispose()
        # The same texts as the reference: otherwise the ratio would compare different work.
        assert hashes == {content_hash(t) for t in texts_of(self.done)}, "texts differ"
        assert indexed == len(self.done)


def run(
    encoder: SentenceTransformerEncoder,
    bodies: list[dict[str, Any]],
    work: Path,
    pg_url: str | None,
    rounds: int,
) -> tuple[dict[str, Any], np.ndarray]:
    """The ingest figures, and the reference vectors (the pool for the scaled datasets).

    The profiles are split into ``rounds`` transactions; in each round the raw encode and
    every path run on the same chunk in a rotating order, so a burst of load from other
    processes hits both sides. Ratio: raw seconds / path seconds (1.0: the path costs
    nothing beyond the model).
    """
    texts = texts_of(bodies)
    raw_encode(encoder, texts[:32])  # warm the model's threads and caches
    sqlite = work / "ingest-sqlite"
    sqlite.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{sqlite / 'mm.db'}"
    migrations_state.upgrade(url)
    with contextlib.ExitStack() as stack:
        paths: dict[str, PathIngest] = {"sqlite": PathIngest(encoder, url, sqlite)}
        if pg_url:
            pg = stack.enter_context(pg_database(pg_url))
            paths["postgresql"] = PathIngest(encoder, pg, work / "ingest-pg")
        names = ["raw", *paths]
        seconds: dict[str, list[float]] = {name: [] for name in names}
        vectors: list[np.ndarray] = []
        size = -(-len(bodies) // rounds)
        for r in range(rounds):
            chunk = bodies[r * size : (r + 1) * size]
            if not chunk:
                break
            log(f"ingest: round {r + 1}/{rounds}, {len(chunk)} profiles")
            for name in names[r % len(names) :] + names[: r % len(names)]:
                if name == "raw":
                    s, v = raw_encode(encoder, texts_of(chunk))
                    vectors.append(v)
                else:
                    s = paths[name](chunk)
                seconds[name].append(s)
        for p in paths.values():
            p.close()
    raw_s = sum(seconds["raw"])
    out: dict[str, Any] = {
        "profiles": len(bodies),
        "rounds": len(seconds["raw"]),
        "batch_size": encoder.batch_size,
        "raw_encode": {
            "seconds": round(raw_s, 3),
            "texts_per_s": round(len(texts) / raw_s, 2),
        },
        "target_ratio_min": 0.9,
    }
    for name in paths:
        total = sum(seconds[name])
        per_round = [a / b for a, b in zip(seconds["raw"], seconds[name], strict=True)]
        out[name] = {
            "seconds": round(total, 3),
            "profiles_per_s": round(len(bodies) / total, 2),
            "ratio_vs_raw_encode": ratio(raw_s, total),
            "median_round_ratio": round(float(np.median(per_round)), 3),
        }
    if not pg_url:
        out["postgresql"] = {"skipped": "no PostgreSQL URL (MATCHMAKER_TEST_POSTGRES_URL)"}
    return out, np.concatenate(vectors)
