"""Benchmarks 2-4 on one growing SQLite dataset: match latency, filtered match, unsaved profile.

Every timing is interleaved with its reference on the same query (raw FAISS search on the
very index the engine searches; the raw model encode of the same text), so load from other
processes hits both sides alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import faiss
import numpy as np
from sqlalchemy import select

from bench.common import ratio, summary
from bench.ingest import PathIngest, flat, raw_encode
from matchmaker.incubators.models import Incubator
from matchmaker.kinds import INCUBATOR, STARTUP
from matchmaker.matching.encoder import SentenceTransformerEncoder
from matchmaker.matching.index import VectorIndex
from matchmaker.matching.service import Matcher, MatchFilters
from matchmaker.matching.texts import compose
from matchmaker.profiles.service import matching_ids
from matchmaker.runtime import Runtime
from matchmaker.startups.models import Startup

K = 50  # candidates the matcher asks FAISS for at limit 10
FILTER = MatchFilters(domains=["ai"], regions=["beijing"], limit=10)


@dataclass
class Scale:
    runtime: Runtime
    incubators: list[Incubator]

    @property
    def matcher(self) -> Matcher:
        return self.runtime.matcher

    @property
    def index(self) -> VectorIndex:
        # The FAISS implementation itself: its raw index is timed beside it.
        index = self.runtime.store.indexes["startup"]
        assert isinstance(index, VectorIndex)
        return index


def interleaved(calls: dict[str, Any], queries: int, repeat: int) -> dict[str, list[float]]:
    """Per query index, each call in turn (order rotating); milliseconds per call."""
    import time

    out: dict[str, list[float]] = {name: [] for name in calls}
    names = list(calls)
    for _ in range(repeat):
        for q in range(queries):
            for name in names[q % len(names) :] + names[: q % len(names)]:
                start = time.perf_counter()
                calls[name](q)
                out[name].append((time.perf_counter() - start) * 1000)
    return out


def load_incubators(scale_runtime: Runtime) -> list[Incubator]:
    with scale_runtime.sessions() as session:
        return list(session.scalars(select(Incubator).order_by(Incubator.id)))


def match_latency(scale: Scale, queries: int, repeat: int) -> dict[str, Any]:
    """Benchmark 2 at the current size: matcher vs raw FAISS on the same query and index."""
    index = scale.index
    incs = scale.incubators[:queries]
    vectors = scale.runtime.store.indexes["incubator"].vectors([i.id for i in incs])
    raw = index._index  # the FAISS object the engine searches
    params = faiss.SearchParametersIVF(nprobe=index.nprobe) if index.approximate else None  # type: ignore[call-arg]
    with scale.runtime.sessions() as session:
        calls = {
            "raw_faiss": lambda q: raw.search(vectors[q : q + 1], K, params=params),
            "vector_index": lambda q: index.search(vectors[q], K),
            "matcher": lambda q: scale.matcher.matches(
                session, INCUBATOR, incs[q], STARTUP, MatchFilters(limit=10)
            ),
        }
        interleaved(calls, min(3, len(incs)), 1)  # warm-up
        ms = interleaved(calls, len(incs), repeat)
    out: dict[str, Any] = {name: summary(v) for name, v in ms.items()}
    out["ratio_p50_matcher_vs_raw_faiss"] = ratio(
        out["matcher"]["p50_ms"], out["raw_faiss"]["p50_ms"]
    )
    out["approximate"] = index.approximate
    out["nprobe"] = index.nprobe if index.approximate else None
    out["nlist"] = int(raw.nlist) if index.approximate else None
    return out


def recall(scale: Scale, queries: int, sweep: tuple[int, ...]) -> dict[str, Any]:
    """Recall@10 of the index (and of other nprobe values) against exact search."""
    index = scale.index
    if not index.approximate:
        return {"approximate": False, "recall_at_10": 1.0}
    rng = np.random.default_rng(7)
    ids = index.ids()
    inc = scale.runtime.store.indexes["incubator"]
    q_inc = inc.vectors(inc.ids()[:queries])
    q_startups = index.vectors(rng.choice(ids, size=queries, replace=False))
    xq = np.vstack([q_inc, q_startups]).astype(np.float32)
    xb = index.vectors(ids)
    _, truth_pos = faiss.knn(xq, xb, 10, metric=faiss.METRIC_INNER_PRODUCT)
    truth = ids[truth_pos]
    del xb
    raw = index._index
    out: dict[str, Any] = {"queries": len(xq), "nlist": int(raw.nlist), "by_nprobe": {}}
    for nprobe in sorted(set(sweep) | {index.nprobe}):
        params = faiss.SearchParametersIVF(nprobe=nprobe)  # type: ignore[call-arg]
        _, found = raw.search(xq, 10, params=params)
        hits = sum(len(set(found[i]) & set(truth[i])) for i in range(len(xq)))
        one = [t for t in (_time_one(raw, xq[i : i + 1], params) for i in range(0, len(xq), 4))]
        out["by_nprobe"][str(nprobe)] = {
            "recall_at_10": round(hits / (10 * len(xq)), 4),
            "raw_faiss_p50_ms": round(float(np.median(one)), 3),
        }
    out["engine_nprobe"] = index.nprobe
    out["recall_at_10"] = out["by_nprobe"][str(index.nprobe)]["recall_at_10"]
    return out


def _time_one(raw: Any, q: np.ndarray, params: Any) -> float:
    import time

    start = time.perf_counter()
    raw.search(q, K, params=params)
    return (time.perf_counter() - start) * 1000


def filtered(scale: Scale, queries: int, repeat: int, old_sql_reps: int) -> dict[str, Any]:
    """Benchmark 3: domain + region filter; exact recall against brute force on the subset."""
    index = scale.index
    incs = scale.incubators[:queries]
    vectors = scale.runtime.store.indexes["incubator"].vectors([i.id for i in incs])
    allowed = scale.matcher._allowed_ids(STARTUP, FILTER)
    assert allowed is not None
    subset = np.flatnonzero(allowed)
    subset = subset[np.isin(subset, index.ids())]
    sub_vectors = index.vectors(subset)
    raw = index._index
    bitmap = np.zeros(int(subset.max()) + 1, dtype=bool)
    bitmap[subset] = True
    packed = np.packbits(bitmap, bitorder="little")
    sel = faiss.IDSelectorBitmap(len(packed), faiss.swig_ptr(packed))
    if index.approximate:
        params: Any = faiss.SearchParametersIVF(sel=sel, nprobe=raw.nlist)  # type: ignore[call-arg]
    else:
        params = faiss.SearchParameters(sel=sel)  # type: ignore[call-arg]
    hits = 0
    for q in range(len(incs)):
        truth = subset[np.argsort(-(sub_vectors @ vectors[q]), kind="stable")[:10]]
        got, _ = index.search(vectors[q], 10, allowed)
        hits += len(set(truth.tolist()) & set(got.tolist()))
    with scale.runtime.sessions() as session:
        calls = {
            "raw_faiss_bitmap": lambda q: raw.search(vectors[q : q + 1], K, params=params),
            "matcher": lambda q: scale.matcher.matches(
                session, INCUBATOR, incs[q], STARTUP, FILTER
            ),
        }
        interleaved(calls, min(3, len(incs)), 1)
        ms = interleaved(calls, len(incs), repeat)
        old = interleaved({"old_sql_allowed_ids": lambda q: _old_allowed(session)}, old_sql_reps, 1)
    out: dict[str, Any] = {name: summary(v) for name, v in ms.items()}
    out["old_sql_allowed_ids"] = summary(old["old_sql_allowed_ids"])
    out["selectivity"] = round(len(subset) / max(1, len(index)), 4)
    out["allowed"] = len(subset)
    out["recall_at_10_vs_exact"] = round(hits / (10 * len(incs)), 4)
    out["ratio_p50_matcher_vs_raw_faiss"] = ratio(
        out["matcher"]["p50_ms"], out["raw_faiss_bitmap"]["p50_ms"]
    )
    return out


def _old_allowed(session: Any) -> set[int]:
    """The allowed-id query the engine ran before (a SQL query over profile_facet)."""
    stmt = select(Startup.id)
    stmt = stmt.where(Startup.id.in_(matching_ids(STARTUP, "domain", FILTER.domains)))
    stmt = stmt.where(Startup.id.in_(matching_ids(STARTUP, "region", FILTER.regions)))
    return set(session.scalars(stmt))


def unsaved(
    scale: Scale,
    encoder: SentenceTransformerEncoder,
    startup_bodies: list[dict[str, Any]],
    incubator_bodies: list[dict[str, Any]],
    repeat: int,
) -> dict[str, Any]:
    """Benchmark 4: matches for a profile not in the database (one encode) vs one raw encode."""
    out: dict[str, Any] = {"target_ratio_max": 1.3}
    cases: dict[str, tuple[Any, Any, list[Any]]] = {
        "startup_to_incubators": (STARTUP, INCUBATOR, [_startup(b) for b in startup_bodies]),
        "incubator_to_startups": (INCUBATOR, STARTUP, [_incubator(b) for b in incubator_bodies]),
    }
    with scale.runtime.sessions() as session:
        for name, (kind, target, objs) in cases.items():
            texts = [compose(kind.name, o) for o in objs]
            calls = {
                "raw_encode": lambda q: raw_encode(encoder, [texts[q]]),  # noqa: B023
                "matcher": lambda q: scale.matcher.matches(  # noqa: B023
                    session,
                    kind,  # noqa: B023
                    objs[q],  # noqa: B023
                    target,  # noqa: B023
                    MatchFilters(limit=10),
                ),
            }
            interleaved(calls, min(2, len(objs)), 1)
            ms = interleaved(calls, len(objs), repeat)
            fig: dict[str, Any] = {n: summary(v) for n, v in ms.items()}
            fig["ratio_p50"] = ratio(fig["matcher"]["p50_ms"], fig["raw_encode"]["p50_ms"])
            fig["searched"] = len(scale.runtime.store.indexes[target.name])
            out[name] = fig
    return out


def _startup(body: dict[str, Any]) -> Startup:
    ns = vars(flat(body))
    return Startup(**{k: v for k, v in ns.items()}, qualifications=[])


def _incubator(body: dict[str, Any]) -> Incubator:
    ns = vars(flat(body))
    return Incubator(**{k: v for k, v in ns.items()}, languages=["zh"])


def add_incubators(
    encoder: SentenceTransformerEncoder, url: str, data_dir: Path, bodies: list[dict[str, Any]]
) -> None:
    """Incubators through the public path (real embeddings): the queries of benchmark 2."""
    from matchmaker.incubators.schemas import IncubatorCreate
    from matchmaker.profiles import service as profiles

    ingest = PathIngest(encoder, url, data_dir)
    try:
        with ingest.runtime.sessions() as session, session.begin():
            for body in bodies:
                profiles.create(session, INCUBATOR, IncubatorCreate.model_validate(body))
    finally:
        ingest.runtime.close()


def today() -> date:
    return datetime.now(UTC).date()
