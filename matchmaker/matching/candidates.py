"""The candidates of one ranked list: rows loaded in one query, checked against the filters,
and joined with those the targets' decisions point to (``history.py``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from matchmaker.matching.facts import FACT_COLUMNS, Facts
from matchmaker.matching.history import HistoryFit
from matchmaker.matching.index import Ids, Scores
from matchmaker.profiles.kinds import ProfileKind

if TYPE_CHECKING:
    from matchmaker.matching.service import MatchFilters


@dataclass
class Found:
    """What decisions add to a search: the candidates' history fits (from their ids and
    vectors, all at once) and extra candidate ids."""

    fits_of: Callable[[list[int], np.ndarray | None], list[HistoryFit | None]] | None = None
    extra: list[int] = field(default_factory=list)
    needs_vectors: bool = True


def cosines(vectors: np.ndarray, query: np.ndarray) -> Scores:
    """``vectors @ query`` in float64, rounded once to float32: the products of float32
    vectors are exact in float64, so a pair's similarity is the same float whichever side
    asks and whichever path found it (FAISS, a filtered gather, the history's extra
    candidates and ``score_many`` each sum in their own order, a last bit apart)."""
    return (np.asarray(vectors, np.float64) @ np.asarray(query, np.float64)).astype(np.float32)


def joined(
    found: Found, ids: Ids, vector: np.ndarray, index: Any
) -> tuple[dict[int, HistoryFit | None], Ids, Scores]:
    """The search's candidates with the extra ones, the similarity of each (from the stored
    vectors, as ``cosines``) and the history fit of each."""
    if found.fits_of is not None:
        seen = set(ids.tolist())
        extra = [i for i in dict.fromkeys(found.extra) if i not in seen and i in index]
        if extra:
            ids = np.concatenate([ids, np.asarray(extra, np.int64)])
    ids, vectors = index.present_vectors(ids)
    sims = cosines(vectors, vector)
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


def candidate_rows(
    session: Session, target: ProfileKind, ids: Ids, sims: Scores
) -> Iterator[tuple[int, float, Any]]:
    """(id, similarity, row) of the candidates, in one query of the columns facts read
    (plain rows: building ORM objects cost more than scoring them)."""
    table = target.model.__table__
    columns = [table.c[name] for name in FACT_COLUMNS[target.name] if name in table.c]
    rows = session.execute(select(*columns).where(table.c.id.in_(ids.tolist())))
    by_id = {row.id: row for row in rows}
    for pid, sim in zip(ids.tolist(), sims.tolist(), strict=True):
        row = by_id.get(pid)
        if row is not None:  # else deleted after the search
            yield pid, float(sim), row
