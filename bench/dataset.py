"""Large synthetic datasets written straight into the database (not through the API).

At 100k profiles and above, embedding every text would take hours on two cores, so the
scaled sets reuse real vectors: a pool of synthetic profiles is embedded by the model, and
each scaled profile copies the facts and texts of one pool profile (its "base") with its own
name and place, and gets the vector normalise(v_base + w * v_other + noise), w ~ U(0, 0.35),
noise ~ N(0, 0.35^2 / 384) per dimension: about 0.9 cosine to its base, so the set keeps the
pool's topic structure without a million exact duplicates. The rows, facets and embeddings
are inserted with SQL Core in large batches; the engine then loads them as it would at start.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import numpy as np
from sqlalchemy import insert
from sqlalchemy.engine import Engine

from matchmaker.kinds import STARTUP
from matchmaker.matching.models import Embedding
from matchmaker.matching.texts import compose, content_hash
from matchmaker.profiles.models import ProfileFacet
from matchmaker.startups.models import Startup
from matchmaker.vocab import Region

BATCH = 20_000
NOISE = 0.35
REGION_P = {"beijing": 0.45, "tianjin": 0.15, "hebei": 0.12, "china_other": 0.18, "abroad": 0.10}


def scaled_vectors(pool: np.ndarray, bases: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One vector per entry of ``bases`` (indexes into ``pool``), as the module says."""
    n, dim = len(bases), pool.shape[1]
    other = pool[rng.integers(0, len(pool), n)]
    w = rng.uniform(0, 0.35, size=(n, 1)).astype(np.float32)
    x = pool[bases] + w * other
    x += rng.normal(scale=NOISE / np.sqrt(dim), size=(n, dim)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    out: np.ndarray = x.astype(np.float32)
    return out


def _row(body: dict[str, Any], pid: int, place: dict[str, str], now: datetime) -> dict[str, Any]:
    name = f"{body['name'].rsplit(' ', 1)[0]} {pid}"
    return {
        "id": pid,
        "name": name,
        "pitch": body["pitch"],
        "description": body["description"],
        "domains": body["domains"],
        "tags": body["tags"],
        "stage": body["stage"],
        "trl": body["trl"],
        "needs": body["needs"],
        "languages": body["languages"],
        "qualifications": [],
        "website": None,
        "city": place["city"],
        "region": place["region"],
        "country": place["country"],
        "dedupe_key": STARTUP.dedupe_key({"name": name, "website": None}),
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }


def _places(rng: np.random.Generator, n: int) -> Iterator[dict[str, str]]:
    from bench.synth import CITIES, COUNTRY

    regions = list(REGION_P)
    picks = rng.choice(len(regions), size=n, p=list(REGION_P.values()))
    for r in picks:
        region = regions[int(r)]
        city = str(rng.choice(CITIES[region]))
        country = COUNTRY.get(city, "FI") if region == Region.abroad else "CN"
        yield {"city": city, "region": region, "country": country}


def insert_startups(
    engine: Engine,
    pool_bodies: Sequence[dict[str, Any]],
    pool_vectors: np.ndarray,
    first_id: int,
    count: int,
    model: str,
    seed: int,
) -> None:
    """Insert ``count`` scaled startups with ids from ``first_id`` (rows, facets, vectors)."""
    rng = np.random.default_rng(seed)
    now = datetime.now(UTC)
    dim = pool_vectors.shape[1]
    for start in range(0, count, BATCH):
        n = min(BATCH, count - start)
        ids = range(first_id + start, first_id + start + n)
        bases = rng.integers(0, len(pool_bodies), n)
        vectors = scaled_vectors(pool_vectors, bases, rng)
        rows = [
            _row(pool_bodies[int(b)], pid, place, now)
            for pid, b, place in zip(ids, bases, _places(rng, n), strict=True)
        ]
        facets = []
        embeddings = []
        for row, vec in zip(rows, vectors, strict=True):
            ns = SimpleNamespace(**row)
            for name, values in STARTUP.facets(ns).items():
                for value in set(values):
                    facets.append(
                        {"kind": "startup", "profile_id": row["id"], "name": name, "value": value}
                    )
            embeddings.append(
                {
                    "kind": "startup",
                    "profile_id": row["id"],
                    "model": model,
                    "dim": dim,
                    "content_hash": content_hash(compose("startup", ns)),
                    "vector": vec.astype("<f4").tobytes(),
                    "updated_at": now,
                }
            )
        if engine.dialect.name == "postgresql":
            _copy(engine, [(Startup, rows), (ProfileFacet, facets), (Embedding, embeddings)])
            continue
        with engine.begin() as conn:
            conn.execute(insert(Startup), rows)
            conn.execute(insert(ProfileFacet), facets)
            conn.execute(insert(Embedding), embeddings)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.exec_driver_sql("SELECT setval('startup_id_seq', (SELECT max(id) FROM startup))")


def _copy(engine: Engine, tables: Sequence[tuple[Any, list[dict[str, Any]]]]) -> None:
    """PostgreSQL: the rows through COPY (text format, lines made here), in one transaction.
    Executemany, even as multi-row VALUES, wrote about 1,000 startups a second with their
    facets and vectors on the loaded machine, and psycopg's ``write_row`` was most of
    COPY's time: a million would have taken most of an hour."""
    raw = engine.raw_connection()
    try:
        cur: Any = raw.cursor()  # psycopg's own cursor: it has copy()
        with cur:
            for model, rows in tables:
                columns = list(rows[0])
                names = ", ".join(columns)
                with cur.copy(f"COPY {model.__table__.name} ({names}) FROM STDIN") as copy:
                    lines = ["\t".join([_field(row[c]) for c in columns]) for row in rows]
                    copy.write("\n".join(lines) + "\n")
        raw.commit()
    finally:
        raw.close()


def _field(value: Any) -> str:
    """One value in COPY's text format (called ~10 million times for a million startups:
    the common types first)."""
    kind = type(value)
    if kind is str:
        return value.translate(_ESCAPE)  # type: ignore[no-any-return]
    if kind is int:
        return str(value)
    if value is None:
        return "\\N"
    if kind is bytes:
        return "\\\\x" + value.hex()  # type: ignore[no-any-return]
    if isinstance(value, datetime):
        return value.isoformat()
    return json.dumps(value).translate(_ESCAPE)


_ESCAPE = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
