"""Ranked, explained matches in every direction, and bundles.

Candidates come from FAISS (restricted in the index to the ids that pass the request's
filters and the hard rules), are loaded in one query, and are re-ranked by the hybrid
score. Results are ordered by (score desc, id asc), so they are deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from matchmaker.errors import ServiceUnavailable
from matchmaker.kinds import BY_NAME, SCENARIO, STARTUP
from matchmaker.matching.facts import FACT_COLUMNS, Facts, facts_of
from matchmaker.matching.index import Ids, Mask, Scores
from matchmaker.matching.ranking import rank_key, reason, score_pair
from matchmaker.matching.schemas import ComponentRead, MatchList, MatchRead, ProfileRef
from matchmaker.matching.scoring import (
    HARD_RULE_COLUMNS,
    RANKING_VERSION,
    PairScore,
    Weights,
    exclusion,
)
from matchmaker.matching.store import EmbeddingStore
from matchmaker.matching.texts import compose
from matchmaker.profiles.kinds import ProfileKind

MAX_LIMIT = 100

# (session, query kind, query id, target kind) -> ids never to propose (e.g. declined pairs)
ExclusionHook = Callable[[Session, str, int, str], Collection[int]]


@dataclass(frozen=True)
class MatchFilters:
    domains: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    min_score: float | None = None
    limit: int = 10


class Matcher:
    """Ranks matches for stored or unsaved profiles over the store's indexes."""

    def __init__(self, store: EmbeddingStore, weights: Weights) -> None:
        self.store = store
        self.weights = weights
        self.exclusion_hooks: list[ExclusionHook] = []

    # -- public -------------------------------------------------------------------------
    def matches(
        self,
        session: Session,
        kind: ProfileKind,
        profile: Any,
        target: ProfileKind,
        filters: MatchFilters,
        query_vector: np.ndarray | None = None,
    ) -> MatchList:
        """Matches of ``profile`` (a ``kind`` row, stored or not) among ``target`` rows."""
        scored = self.score_candidates(session, kind, profile, target, filters, query_vector)
        return MatchList(
            query=ref(kind.name, profile),
            target=target.plural,
            model=self.store.encoder.name,
            ranking_version=RANKING_VERSION,
            matches=[to_read(p, facts) for p, facts in scored[: filters.limit]],
        )

    def score_candidates(
        self,
        session: Session,
        kind: ProfileKind,
        profile: Any,
        target: ProfileKind,
        filters: MatchFilters,
        query_vector: np.ndarray | None = None,
    ) -> list[tuple[PairScore, Facts]]:
        """The best ``filters.limit`` scored candidates, best first, each with the facts of
        the other side."""
        problem = self.store.mismatch()
        if problem:
            raise ServiceUnavailable(problem)
        if (kind.name == STARTUP.name) == (target.name == STARTUP.name):
            raise ValueError("one side of a match is a startup")
        vector = query_vector if query_vector is not None else self.vector_of(kind, profile)
        allowed = self._allowed_ids(target, filters)
        excluded: set[int] = set()
        for hook in self.exclusion_hooks:
            excluded.update(hook(session, kind.name, profile.id or 0, target.name))
        if allowed is not None and excluded:
            gone = np.fromiter(excluded, np.int64, len(excluded))
            allowed = allowed.copy()
            allowed[gone[(gone >= 0) & (gone < len(allowed))]] = False
        k = min(max(filters.limit * 5, 50), 1000) + (len(excluded) if allowed is None else 0)
        ids, sims = self.store.indexes[target.name].search(vector, k, allowed)
        if len(ids) == 0:
            return []
        mine = facts_of(kind.name, profile)
        today = datetime.now(UTC).date()
        keyed: list[tuple[tuple[int, float, int], float, Facts]] = []
        for pid, sim, row in _rows(session, target, ids, sims):
            if pid in excluded:  # declined
                continue
            other = facts_of(target.name, row)
            if not _passes(filters, other):
                continue
            startup, tgt = (mine, other) if kind.name == STARTUP.name else (other, mine)
            if exclusion(tgt, today):  # the non-startup side has no places, or is closed
                continue
            score, raw = rank_key(startup, tgt, sim, self.weights)
            if filters.min_score is not None and (score or 0) < filters.min_score:
                continue
            # Judged matches first by score, then low-confidence ones by the same
            # arithmetic; ties by id.
            keyed.append(((0 if score is not None else 1, -raw, other.id), sim, other))
        # Explanations only for what is shown: the order is the same, from the same numbers.
        keyed.sort(key=lambda item: item[0])
        out: list[tuple[PairScore, Facts]] = []
        for _, sim, other in keyed[: filters.limit]:
            startup, tgt = (mine, other) if kind.name == STARTUP.name else (other, mine)
            out.append((score_pair(startup, tgt, sim, self.weights, today), other))
        return out

    def vector_of(self, kind: ProfileKind, profile: Any) -> np.ndarray:
        index = self.store.indexes[kind.name]
        if profile.id and profile.id in index:
            return np.asarray(index.vectors([profile.id])[0])
        # Not indexed (unsaved, or written before the engine knew it): embed it now.
        return np.asarray(self.store.encoder.encode([compose(kind.name, profile)])[0])

    # -- internals ----------------------------------------------------------------------
    def _allowed_ids(self, target: ProfileKind, filters: MatchFilters) -> Mask | None:
        """A mask (by id) of those passing the filters and hard rules; None when nothing
        restricts them.

        Read from the store's in-memory masks: a database query here cost seconds at a
        million profiles. Rows are checked again once loaded (``_passes``, ``exclusion``).
        """
        criteria = {
            "domain": filters.domains,
            "stage": filters.stages,
            "region": filters.regions,
            "kind": filters.kinds,
        }
        # Hard rules first, so top-k is not spent on profiles that can never be shown.
        today = datetime.now(UTC).date().toordinal() if target.name in HARD_RULE_COLUMNS else None
        return self.store.filters[target.name].allowed(criteria, today)


def _passes(filters: MatchFilters, other: Facts) -> bool:
    """The loaded row agrees with the filters (the masks may trail a concurrent write)."""
    if filters.domains and not other.domains & set(filters.domains):
        return False
    if filters.regions and other.region not in filters.regions:
        return False
    stages = other.stages | ({other.stage} if other.stage else set())
    if filters.stages and not stages & set(filters.stages):
        return False
    return not filters.kinds or other.subkind in filters.kinds


def _rows(
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


def ref(kind: str, row: Any) -> ProfileRef:
    title = row.title if kind == SCENARIO.name else row.name
    return ProfileRef(kind=kind, id=row.id or 0, title=title, region=row.region, city=row.city)


def to_read(p: PairScore, other: Facts) -> MatchRead:
    profile = ProfileRef(
        kind=other.kind, id=other.id, title=other.title, region=other.region, city=other.city
    )
    return MatchRead(
        profile=profile,
        score=p.score,
        confidence=p.confidence,
        similarity=p.similarity,
        components={name: ComponentRead(**vars(c)) for name, c in p.components.items()},
        matched_domains=p.matched_domains,
        matched_needs=p.matched_needs,
        reason=reason(p, other.title),
        improve=p.hints,
    )


def kind_of(name: str) -> ProfileKind:
    return BY_NAME[name]
