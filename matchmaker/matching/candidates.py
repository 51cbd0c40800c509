"""The candidates of one ranked list: rows loaded in one query, checked against the filters,
and joined with those the targets' decisions point to (``history.py``)."""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import BindParameter, Select, bindparam, select
from sqlalchemy.orm import Session

from matchmaker.matching.cosine import cosines
from matchmaker.matching.encoder import Ids, Index, Scores
from matchmaker.matching.facts import FACT_COLUMNS, Facts, facts_of
from matchmaker.matching.history import HistoryFit
from matchmaker.profiles.kinds import ProfileKind

if TYPE_CHECKING:
    from matchmaker.matching.service import MatchFilters

# (version, updated_at) of a row: a write through the ORM moves both.
Stamp = tuple[int, datetime]


@dataclass
class Found:
    """What decisions add to a search: the candidates' history fits (from their ids and
    vectors, all at once) and extra candidate ids."""

    fits_of: Callable[[list[int], np.ndarray | None], list[HistoryFit | None]] | None = None
    extra: list[int] = field(default_factory=list)
    needs_vectors: bool = True
    # The largest history value a candidate outside ``extra`` can have (the first stage's
    # bound, pool.py); 1 when nothing smaller is known.
    history_ceiling: float = 1.0
    # The accepted startups' centre, whose cosine with a candidate bounds its history value
    # (history.value_ceiling); None when there is none.
    centre: np.ndarray | None = None
    # The largest words' fit a candidate can have (history_words.Document.most), and each
    # candidate's own (by id), where a target's decisions give a document.
    words_ceiling: float = 1.0
    words_of: Callable[[list[int]], np.ndarray] | None = None
    # The largest and the least share of ``weights.history`` a candidate's fit can have
    # (HistoryFit.share; the least 0 when a candidate may have no fit).
    history_shares: tuple[float, float] = (0.0, 1.0)


def joined(
    found: Found, ids: Ids, vector: np.ndarray, index: Index
) -> tuple[dict[int, HistoryFit | None], Ids, Scores]:
    """The search's candidates with the extra ones, the similarity of each and the history
    fit of each.

    Similarities are computed again from the stored vectors (``cosine.cosines``), not taken
    from the search: a pair must have the same similarity from both sides, and FAISS's
    float32 sums differ in the last bits with the query's side. Candidates removed since
    the search are dropped."""
    if found.fits_of is not None:
        seen = set(ids.tolist())
        extra = [i for i in dict.fromkeys(found.extra) if i not in seen and i in index]
        if extra:
            ids = np.concatenate([ids, np.asarray(extra, np.int64)])
    ids, vectors = index.present_vectors(ids)
    sims = cosines(vectors, np.asarray(vector, np.float32)[None, :])[:, 0]
    if found.fits_of is None:
        return {}, ids, sims
    pids = ids.tolist()
    fits = found.fits_of(pids, vectors if found.needs_vectors else None)
    return dict(zip(pids, fits, strict=True)), ids, sims


def passes(filters: MatchFilters, other: Facts) -> bool:
    """The loaded row agrees with the filters (the masks may trail a concurrent write)."""
    if filters.domains and not other.domains & set(filters.domains):
        return False
    if filters.regions and other.region not in filters.regions:
        return False
    stages = other.stages | ({other.stage} if other.stage else set())
    if filters.stages and not stages & set(filters.stages):
        return False
    return not filters.kinds or other.subkind in filters.kinds


class CandidateFacts:
    """The facts of candidate rows, read once per profile version.

    A ranked list reads about a hundred candidates, and building their facts (JSON columns,
    the word count of each description) cost a quarter of a match request
    (bench/RESULTS.md, section 19). Each request still asks the database which candidates
    exist and at which (version, updated_at), so a write by any process or replica is seen
    at once; only the facts of an unchanged row come from memory.
    """

    def __init__(self, size: int = 20_000) -> None:
        self.size = size  # rows kept per kind, least recently used dropped first
        self._rows: dict[str, OrderedDict[int, tuple[Stamp, Facts]]] = {}
        self._lock = threading.Lock()

    def load(
        self, session: Session, target: ProfileKind, ids: Ids, sims: Scores
    ) -> Iterator[tuple[int, float, Facts]]:
        """(id, similarity, facts) of the candidates that still exist, in ``ids``' order."""
        wanted = ids.tolist()
        stamps: dict[int, Stamp] = {
            row.id: (row.version, row.updated_at)
            for row in session.execute(_stamps(target), {"ids": wanted})
        }
        found: dict[int, Facts] = {}
        with self._lock:
            cached = self._rows.setdefault(target.name, OrderedDict())
            for pid, stamp in stamps.items():
                hit = cached.get(pid)
                if hit is not None and hit[0] == stamp:
                    cached.move_to_end(pid)
                    found[pid] = hit[1]
        missing = [pid for pid in stamps if pid not in found]
        if missing:
            rows = session.execute(_facts(target), {"ids": missing})
            fresh = {
                row.id: ((row.version, row.updated_at), facts_of(target.name, row)) for row in rows
            }
            with self._lock:
                for pid, (stamp, facts) in fresh.items():
                    cached[pid] = (stamp, facts)
                    found[pid] = facts
                while len(cached) > self.size:
                    cached.popitem(last=False)
        for pid, sim in zip(wanted, sims.tolist(), strict=True):
            other = found.get(pid)
            if other is not None:  # else deleted after the search
                yield pid, float(sim), other


# Statements built once per kind: building a select cost about a third of running it.
@functools.cache
def _stamps(target: ProfileKind) -> Select[Any]:
    table = target.model.__table__
    ids: BindParameter[list[int]] = bindparam("ids", expanding=True)
    return select(table.c.id, table.c.version, table.c.updated_at).where(table.c.id.in_(ids))


@functools.cache
def _facts(target: ProfileKind) -> Select[Any]:
    table = target.model.__table__
    columns = [table.c[n] for n in FACT_COLUMNS[target.name] if n in table.c]
    ids: BindParameter[list[int]] = bindparam("ids", expanding=True)
    return select(*columns, table.c.version).where(table.c.id.in_(ids))
