"""Ranked, explained matches in every direction, and bundles.

Candidates come from FAISS (restricted to the ids that pass the filters and hard rules),
plus those the targets' decisions point to (``history.py``), and are re-ranked by the
hybrid score, ordered by (score desc, id asc), so deterministically.

``Matcher.score_pair`` / ``score_many`` are the only way to score a pair outside a ranked
list (review snapshots, pages, webhooks, camps): one arithmetic, the same inputs (both
profiles' stored vectors and the target's decisions), so a pair has one score wherever it
is shown and whichever side asks.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

import numpy as np
from sqlalchemy.orm import Session

from matchmaker.db import WROTE_MATCHES
from matchmaker.errors import ServiceUnavailable
from matchmaker.matching import feed
from matchmaker.matching.answers import Answers
from matchmaker.matching.bound_cache import BoundCache
from matchmaker.matching.calibration import Calibration
from matchmaker.matching.candidates import CandidateFacts
from matchmaker.matching.cosine import cosines
from matchmaker.matching.encoder import Index, Mask, Vectors
from matchmaker.matching.evidence import HistoryEvidence
from matchmaker.matching.facts import Facts, facts_of
from matchmaker.matching.history import HistorySource, VersionedHistory
from matchmaker.matching.history_words import startup_words
from matchmaker.matching.messages import Message
from matchmaker.matching.pool import MAX_ROUNDS, Ask, Pool, widen
from matchmaker.matching.ranking import score_pair
from matchmaker.matching.reads import ref as ref
from matchmaker.matching.reads import to_read as to_read
from matchmaker.matching.registry import calibration_of
from matchmaker.matching.rerank import MIN_POOL, POOL_FACTOR, RerankOptions, RerankRequest, choose
from matchmaker.matching.schemas import MatchList
from matchmaker.matching.scoring import (
    HARD_RULE_COLUMNS,
    RANKING_VERSION,
    PairScore,
    Weights,
    exclusion_message,
    utc_today,
)
from matchmaker.matching.store import INDEX_OPS, INFLIGHT, PENDING, EmbeddingStore
from matchmaker.matching.texts import compose
from matchmaker.matching.wording import explanation
from matchmaker.profiles.kinds import ProfileKind

MAX_LIMIT = 100
# Kinds by name: the engine gets the kinds themselves from its store (``Matcher.kind``).
STARTUP, SCENARIO = "startup", "scenario"

# (session, query kind, query id, target kind) -> ids never to propose (e.g. declined pairs)
ExclusionHook = Callable[[Session, str, int, str], Collection[int]]
T = TypeVar("T")
# session.info keys of writes the stamp cannot see before they commit and are applied.
_WRITES = (PENDING, INDEX_OPS, INFLIGHT, feed.FEED, WROTE_MATCHES)


@dataclass(frozen=True)
class MatchFilters:
    domains: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    min_score: float | None = None
    limit: int = 10
    # Diversity and regional balance (``rerank.py``); unset options take the matcher's defaults.
    rerank: RerankRequest = field(default_factory=RerankRequest)

    def key(self) -> Hashable:
        """The filters as a dict key (their lists as tuples)."""
        lists = (self.domains, self.stages, self.regions, self.kinds)
        return (*(tuple(x) for x in lists), self.min_score, self.limit, self.rerank)


@dataclass(frozen=True, slots=True)
class Scored:
    """One shown candidate: the engine's pair score, the other side's facts, and why
    re-ranking put it where it is (None when the plain order did)."""

    pair: PairScore
    facts: Facts
    why: Message | None = None


@dataclass
class Ranked:
    """The shown candidates, best first, and what re-ranking says about the whole list."""

    items: list[Scored] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    # Why nobody is proposed to the asking target at all (full, closed), if so.
    excluded: Message | None = None


class Matcher:
    """Ranks matches for stored or unsaved profiles over the store's indexes."""

    def __init__(
        self,
        store: EmbeddingStore,
        weights: Weights,
        history: HistorySource | None = None,
        rerank: RerankOptions | None = None,
        first_stage_batches: int = MAX_ROUNDS,
        answers: int = 0,
    ) -> None:
        self.store = store
        self.weights = weights
        # The service's re-ranking defaults (Settings.rerank_*): all off unless configured.
        self.rerank = rerank or RerankOptions()
        # Batches the first stage may add before its list's top is proved (pool.widen).
        self.first_stage_batches = first_stage_batches
        self.exclusion_hooks: list[ExclusionHook] = []
        self.candidates = CandidateFacts()
        self.bounds = BoundCache()
        # Finished lists and bundles, reused while their stamp holds (``remembered``).
        self.answers = Answers(answers)
        # Raw cosines of the model, mapped onto the scale the thresholds were set on.
        self.calibration: Calibration = calibration_of(store.encoder.name)
        self.evidence = HistoryEvidence(
            store.kinds[STARTUP],
            lambda: store.indexes[STARTUP],
            store.applied_version,
            store.generation,
            self.calibration,
        )
        self.history = history

    @property
    def history(self) -> HistorySource | None:
        """Where the targets' decisions come from (reviews installs it); None: no history."""
        return self.evidence.source

    @history.setter
    def history(self, source: HistorySource | None) -> None:
        self.evidence.source = source

    # -- public -------------------------------------------------------------------------
    def kind(self, name: str) -> ProfileKind:
        return self.store.kinds[name]

    @property
    def model(self) -> str:
        """The name of the model whose vectors are searched and scored."""
        return self.store.encoder.name

    def indexed(self) -> dict[str, int]:
        """Vectors held in this process's indexes, by kind (readiness, metrics)."""
        return {kind: len(index) for kind, index in self.store.indexes.items()}

    @property
    def feed_position(self) -> int:
        """Every change-feed id at or below this one is applied here (or was given up on)."""
        return self.store.cursor.position

    def problem(self) -> str | None:
        """Why no honest score can be given now (the index holds another model's vectors)."""
        return self.store.mismatch()

    def encode(self, kind: ProfileKind, profiles: Sequence[Any]) -> Vectors:
        """Vectors of unsaved profiles, embedded in one batch."""
        return self.store.encoder.encode([compose(kind.name, p) for p in profiles])

    def excluded(
        self, session: Session, kind: str, profile_id: int, other_kind: str, other_id: int
    ) -> bool:
        """The pair may never be proposed (e.g. it was declined)."""
        return any(
            other_id in hook(session, kind, profile_id, other_kind) for hook in self.exclusion_hooks
        )

    def index_of(self, kind: str) -> Index:
        """The stored vectors of ``kind``, to read (e.g. duplicate detection's neighbours);
        writes go through the profile services only."""
        return self.store.indexes[kind]

    def search(
        self, kind: ProfileKind, vector: np.ndarray, k: int, among: Collection[int]
    ) -> list[tuple[int, float]]:
        """The ``k`` profiles of ``kind`` among ``among`` nearest to ``vector``."""
        ids, sims = self.store.indexes[kind.name].search(vector, k, among)
        return list(zip(ids.tolist(), self.calibration.scale_many(sims).tolist(), strict=True))

    def score_pair(
        self, session: Session, startup: Any, kind: str, target: Any, today: date | None = None
    ) -> PairScore:
        """The explained score of one (startup, ``kind`` target) pair, as a ranked list has it."""
        return self.score_many(session, [startup], [(kind, target)], today=today)[0][0]

    def score_many(
        self,
        session: Session,
        startups: Sequence[Any],
        targets: Sequence[tuple[str, Any]],
        weights: Weights | None = None,
        today: date | None = None,
    ) -> list[list[PairScore]]:
        """Scores of every (startup, target) pair, by startup then target, from the stored
        vectors (embedded when not stored) and each target's decisions."""
        weights = weights or self.weights
        today = today or utc_today()
        if not startups or not targets:
            return [[] for _ in startups]
        left = np.stack([self.vector_of(self.kind(STARTUP), s) for s in startups])
        facts = [facts_of(STARTUP, s) for s in startups]
        words = [startup_words(s) for s in startups]
        columns: list[list[PairScore]] = []
        for kind, row in targets:
            right = self.vector_of(self.kind(kind), row)[None, :]
            sims = self.calibration.scale_many(cosines(left, right)[:, 0])
            other = facts_of(kind, row)
            fits = self.evidence.fits_for_target(
                session, kind, other.id, [f.id for f in facts], left, words
            )
            columns.append(
                [
                    score_pair(f, other, float(sim), weights, today, fits[i])
                    for i, (f, sim) in enumerate(zip(facts, sims.tolist(), strict=True))
                ]
            )
        return [[column[i] for column in columns] for i in range(len(startups))]

    def stamp(self, session: Session) -> Hashable | None:
        """Everything a stored profile's list or bundle reads beside its question, as one
        value: equal stamps, equal answers (``answers.py``). None when ``session`` holds
        writes the stamp cannot see yet, or the decisions carry no counter."""
        if not isinstance(self.history, VersionedHistory):
            return None
        if session.new or session.dirty or session.deleted:
            return None
        if any(key in session.info for key in _WRITES):
            return None
        # Another process's write is in the database before this one applies it from the
        # feed, and a list reads the candidates' facts from the database: the feed's head.
        decisions, head = self.history.version_beside(session, feed.HEAD)
        return (
            tuple(sorted((kind, self.store.generation(kind)) for kind in self.store.kinds)),
            head,
            decisions,
            utc_today(),
            self.model,
            self.weights,
            self.rerank,
            self.first_stage_batches,
        )

    def remembered(
        self,
        session: Session,
        question: Hashable,
        compute: Callable[[], T],
        weigh: Callable[[T], int],
    ) -> T:
        """``compute()``, or the answer it gave to ``question`` under the same stamp, kept at
        ``weigh``'s count of matches (``answers.Answers``). For callers whose transaction has
        only read: a write the stamp cannot see is refused reuse (``stamp``), but a caller's
        own state outside the session is not checked."""
        stamp = self.stamp(session) if self.answers.entries else None
        if stamp is None:
            return compute()
        return self.answers.get_or((question, stamp), compute, weigh)

    def matches(
        self,
        session: Session,
        kind: ProfileKind,
        profile: Any,
        target: ProfileKind,
        filters: MatchFilters,
        query_vector: np.ndarray | None = None,
        reuse: bool = False,
    ) -> MatchList:
        """Matches of ``profile`` (a ``kind`` row, stored or not) among ``target`` rows;
        with ``reuse``, a stored profile's list is kept and served again while nothing it
        read moved (``remembered``)."""
        if reuse and query_vector is None and getattr(profile, "id", None):
            question = (kind.name, profile.id, profile.version, target.name, filters.key())
            return self.remembered(
                session,
                question,
                lambda: self.matches(session, kind, profile, target, filters, query_vector),
                lambda found: len(found.matches),
            )
        ranked = self.score_candidates(session, kind, profile, target, filters, query_vector)
        return MatchList(
            query=ref(kind.name, profile),
            target=target.plural,
            model=self.model,
            ranking_version=RANKING_VERSION,
            matches=[to_read(s.pair, s.facts, s.why) for s in ranked.items[: filters.limit]],
            rerank_notes=[explanation(m) for m in ranked.notes],
            excluded=explanation(ranked.excluded) if ranked.excluded else None,
        )

    def score_candidates(
        self,
        session: Session,
        kind: ProfileKind,
        profile: Any,
        target: ProfileKind,
        filters: MatchFilters,
        query_vector: np.ndarray | None = None,
    ) -> Ranked:
        """The best ``filters.limit`` scored candidates, best first, each with the facts of
        the other side; re-ranked from a wider pool when ``filters.rerank`` asks for it."""
        problem = self.store.mismatch()
        if problem:
            raise ServiceUnavailable(problem)
        if (kind.name == STARTUP) == (target.name == STARTUP):
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
        mine = facts_of(kind.name, profile)
        today = utc_today()
        if kind.name != STARTUP and (closed := exclusion_message(mine, today)):
            # A full incubator or a closed scenario is proposed to no one: its list says why,
            # or its manager would see only that nobody fits.
            return Ranked(excluded=closed)
        k = min(max(filters.limit * 5, 50), 1000) + (len(excluded) if allowed is None else 0)
        index = self.store.indexes[target.name]
        nearest = index.search(vector, k, allowed)
        if kind.name == STARTUP:
            words = startup_words(profile)
            found = self.evidence.targets_found(
                session, target.name, mine.id, vector, words, allowed, k
            )
        else:
            found = self.evidence.startups_found(session, kind.name, mine.id, allowed, k)
        ask = Ask(mine, target, vector, filters, frozenset(excluded), today)
        pool = Pool(session, ask, index, self.candidates, self.calibration, self.weights, found)
        # The search's own similarities only chose the candidates: every path scores a
        # pair with the same ``cosines`` of the stored vectors.
        options = filters.rerank.over(self.rerank)
        places = max(filters.limit * POOL_FACTOR, MIN_POOL) if options.active else filters.limit
        masks = self.store.filters[target.name]
        widen(pool, masks, allowed, k, places, nearest, self.first_stage_batches, self.bounds)
        keyed = pool.ordered()
        if not keyed:
            return Ranked()
        shown = [(-key[1], other) for key, _, other in keyed]
        order, notes = choose(session, target, index, shown, filters.limit, options)
        out = Ranked(notes=notes)
        for position, why in order:
            _, sim, other = keyed[position]
            startup, tgt = (mine, other) if kind.name == STARTUP else (other, mine)
            pair = score_pair(startup, tgt, sim, self.weights, today, pool.fits.get(other.id))
            out.items.append(Scored(pair, other, why))
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
        today = utc_today().toordinal() if target.name in HARD_RULE_COLUMNS else None
        return self.store.filters[target.name].allowed(criteria, today)
