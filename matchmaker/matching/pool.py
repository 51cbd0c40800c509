"""The scored candidates of one ranked list, and the first stage that finds them.

The first stage searches the ``k`` profiles nearest to the query's description. Facts carry
most of a score's weight, so a profile further away can score higher; asked for 10 and for
100, a list used to show two different "best 10" (bench/first_stage.py). So the pool widens:
every profile not yet scored is at most as similar as the least similar one the last search
returned, which bounds its score (``bounds.ScoreBound``). While some profile's bound is above
the score the list's last place needs, the most promising are scored: up to GATHER_MAX of
them by their bounds at their own similarities (in a target's list, also at their own
cosine with its accepted startups' centre and their own words' fit); more than that, first
those whose facts promise most, then the nearest WIDE of them. When none is left, no
unscored profile can enter the list: its top is the engine's top over every profile that
passes the filters, whatever the limit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from sqlalchemy.orm import Session

from matchmaker.matching.bound_cache import BoundCache
from matchmaker.matching.bounds import FactsPart, ScoreBound, facts_part, without_shared_domain
from matchmaker.matching.calibration import Calibration
from matchmaker.matching.candidates import CandidateFacts, Found, joined, passes
from matchmaker.matching.cosine import cosines
from matchmaker.matching.encoder import Ids, Index, Mask, Scores
from matchmaker.matching.facts import Facts
from matchmaker.matching.filters import FacetMasks
from matchmaker.matching.history import HistoryFit, value_ceilings
from matchmaker.matching.ranking_batch import rank_keys
from matchmaker.matching.scoring import Weights, exclusion
from matchmaker.profiles.kinds import ProfileKind

if TYPE_CHECKING:
    from matchmaker.matching.service import MatchFilters

log = logging.getLogger(__name__)

# Batches scored after the first, at most (then a warning), unless the engine is configured
# otherwise (Settings.first_stage_batches): lists without decisions need one or two at 100k
# startups; with decisions the bound is looser (bench/RESULTS.md, section 22).
MAX_ROUNDS = 2
# Up to this many profiles left to check, their own similarities are computed and they are
# scored best bound first; above it, the nearest of them are searched.
GATHER_MAX = 4096
# Above GATHER_MAX, this many of the nearest are searched at a time, and scored best bound
# first.
WIDE = 1024
# Scored at a time, best bound first, beyond the places the list needs filled.
BATCH = 10
# (judged first, -raw score, id): the order of a list.
Key = tuple[int, float, int]


@dataclass(frozen=True, slots=True)
class Ask:
    """What one list asks: who asks, among which kind, with which filters."""

    mine: Facts
    target: ProfileKind
    vector: np.ndarray
    filters: MatchFilters
    excluded: frozenset[int]
    today: date

    @property
    def startup_asks(self) -> bool:
        return self.mine.kind == "startup"


@dataclass
class Pool:
    """Candidates scored so far, each (order key, similarity, facts), with their history."""

    session: Session
    ask: Ask
    index: Index
    candidates: CandidateFacts
    calibration: Calibration
    weights: Weights
    found: Found
    keyed: list[tuple[Key, float, Facts]] = field(default_factory=list)
    fits: dict[int, HistoryFit | None] = field(default_factory=dict)
    seen: set[int] = field(default_factory=set)

    def add(self, ids: Ids, extra: bool = False) -> None:
        """Score ``ids`` (with the decisions' extra candidates when ``extra``)."""
        self.seen.update(ids.tolist())
        found = self.found if extra else Found(self.found.fits_of, [], self.found.needs_vectors)
        fits, ids, sims = joined(found, ids, self.ask.vector, self.index)
        self.seen.update(ids.tolist())
        self.fits.update(fits)
        if len(ids) == 0:
            return
        sims = self.calibration.scale_many(sims)
        ask = self.ask
        kept: list[tuple[float, Facts]] = []
        pairs: list[tuple[Facts, Facts]] = []
        for pid, sim, other in self.candidates.load(self.session, ask.target, ids, sims):
            if pid in ask.excluded or not passes(ask.filters, other):  # declined, or filtered out
                continue
            sides = (ask.mine, other) if ask.startup_asks else (other, ask.mine)
            if exclusion(sides[1], ask.today):  # the non-startup side is full, or closed
                continue
            kept.append((sim, other))
            pairs.append(sides)
        # The numbers of every candidate at once (score_pair's arithmetic, in numpy).
        sims_kept, fits_kept = [s for s, _ in kept], [fits.get(o.id) for _, o in kept]
        keys = rank_keys(pairs, sims_kept, self.weights, fits_kept, ask.today)
        for (sim, other), (score, raw) in zip(kept, keys, strict=True):
            if ask.filters.min_score is not None and (score or 0) < ask.filters.min_score:
                continue
            # Judged matches first by score, then low-confidence ones by the same
            # arithmetic; ties by id.
            self.keyed.append(((0 if score is not None else 1, -raw, other.id), sim, other))

    def ordered(self) -> list[tuple[Key, float, Facts]]:
        self.keyed.sort(key=lambda item: item[0])
        return self.keyed

    def needed(self, places: int) -> float:
        """The raw score a new candidate must exceed to take one of the first ``places``
        (below 0: any candidate could)."""
        last = self.ordered()[places - 1][0] if len(self.keyed) >= places else None
        if last is None or last[0] == 1:
            # A place is free, or held by a low-confidence match that any judged one
            # outranks: only the minimum score, if asked, rules a candidate out.
            min_score = self.ask.filters.min_score
            return -1.0 if min_score is None else min_score - 1e-9
        return -last[1]

    def history_shares(self) -> tuple[float, float]:
        """The least and the largest share of ``weights.history`` an unscored candidate's
        fit can have."""
        return (0.0, 0.0) if self.found.fits_of is None else self.found.history_shares


def widen(
    pool: Pool,
    masks: FacetMasks,
    allowed: Mask | None,
    k: int,
    places: int,
    nearest: tuple[Ids, Scores],
    most: int = MAX_ROUNDS,
    cache: BoundCache | None = None,
) -> int:
    """Score the first search's results (``nearest``: the ``k`` nearest allowed profiles and
    their raw similarities) and then, a few at a time, every profile whose bound says it
    could take one of the first ``places``; the batches scored after the first.
    ``allowed``: who passes the filters and the hard rules (None: everyone). A search that
    returned fewer than ``k`` left no one out. After ``most`` batches it stops with a
    warning: the list may then miss a profile the bound could not rule out. ``cache``
    keeps the facts' part of the bound between requests."""
    first, sims = nearest
    floor = _least(pool, sims, k)
    if floor is None:
        pool.add(first, extra=True)
        return 0
    ask, (least, share) = pool.ask, pool.history_shares()
    universe = _universe(pool, masks, allowed, first)
    ceiling = pool.found.history_ceiling
    part = _part(ask, masks, pool.weights, universe, cache)
    bound = ScoreBound(part, pool.weights, share, ceiling, least)
    # With the nearest, those whose facts promise most: they set the score a place needs,
    # which rules most of the others out before any more is searched.
    promise = bound.at(floor)
    take = min(places + BATCH, len(universe))
    promising = universe[np.argpartition(-promise, take - 1)[:take]] if take else universe
    pool.add(np.concatenate([first, promising]), extra=True)
    unshared = without_shared_domain(ask.mine, pool.weights, share, ceiling, least)
    alive = np.ones(len(universe), dtype=bool)
    batches = 0
    while floor is not None:
        if batches >= most:
            return _stopped(batches)
        # Neither rule lets one back in: the place's score only rises, the floor only falls.
        needed = pool.needed(places)
        alive &= bound.at(floor) > needed
        if unshared(floor) <= needed:
            alive &= bound.shares
        alive[_positions(universe, pool.seen)] = False
        ids = universe[alive]
        if not len(ids):
            return batches
        if len(ids) <= GATHER_MAX:
            ids, vectors = pool.index.present_vectors(ids)
            raw, floor = cosines(vectors, ask.vector[None, :])[:, 0], None
        else:
            # The nearest of them; those left are at most as similar as the last one.
            among = np.zeros(int(ids[-1]) + 1, dtype=bool)
            among[ids] = True
            ids, raw = pool.index.search(ask.vector, WIDE, among)
            floor = _least(pool, raw, WIDE)
            ids, vectors = pool.index.present_vectors(ids)
            raw = cosines(vectors, ask.vector[None, :])[:, 0]
        scaled = pool.calibration.scale_many(raw).astype(np.float64)
        positions, centre = np.searchsorted(universe, ids), _centre_cosines(pool, vectors)
        history = None if centre is None else value_ceilings(centre, pool.found.words_ceiling)
        bounds = bound.at(scaled, positions, history)
        if pool.found.words_of is not None:
            bounds = _own_words(pool, bound, bounds, ids, scaled, positions, centre, places)
        made, done = _best_first(pool, bounds, ids, places + BATCH, places, most - batches)
        batches += made
        if not done:
            return _stopped(batches)
    return batches


def _part(
    ask: Ask, masks: FacetMasks, weights: Weights, universe: Ids, cache: BoundCache | None
) -> FactsPart:
    """The facts' part of the bound of each of ``universe``."""
    if cache is not None:
        part = cache.part(ask.mine, ask.target.name, masks, weights)
        if not len(universe) or int(universe[-1]) < len(part.known):
            return part.take(universe)
    return facts_part(ask.mine, ask.target.name, masks, weights, universe)


def _universe(pool: Pool, masks: FacetMasks, allowed: Mask | None, first: Ids) -> Ids:
    """The ids the first stage may still have to score (sorted): those that exist, are
    allowed, and are neither declined nor among the ``first`` search's results."""
    keep = masks.bits("region")[0] != 0  # every profile has a region: those that exist
    size = len(keep)
    if allowed is not None:
        n = min(len(allowed), size)
        keep[:n] &= allowed[:n]
        keep[n:] = False
    ask = pool.ask
    for out in (first, np.fromiter(ask.excluded, np.int64, len(ask.excluded))):
        keep[out[(out >= 0) & (out < size)]] = False
    return np.flatnonzero(keep)


def _centre_cosines(pool: Pool, vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32] | None:
    """Each candidate's calibrated cosine with the accepted startups' centre (None: no
    centre), which bounds the dense half of its history value."""
    centre = pool.found.centre
    if centre is None:
        return None
    return pool.calibration.scale_many(cosines(vectors, centre[None, :])[:, 0])


def _own_words(
    pool: Pool,
    bound: ScoreBound,
    bounds: npt.NDArray[np.float64],
    ids: Ids,
    scaled: npt.NDArray[np.float64],
    positions: Ids,
    centre: npt.NDArray[np.float32] | None,
    places: int,
) -> npt.NDArray[np.float64]:
    """``bounds`` with each candidate's own words' fit in place of the most any startup's
    can have, for those the looser bound lets in: reading a startup's words costs far less
    than scoring it, and the words were most of the bound's slack (bench/RESULTS.md,
    section 22.2)."""
    assert pool.found.words_of is not None
    open_ = np.flatnonzero(bounds > pool.needed(places))
    if not len(open_):
        return bounds
    words = pool.found.words_of(ids[open_].tolist())
    # No accepted startup: the dense half of the value is 0 (a cosine of -1 says so).
    cos = np.full(len(open_), -1.0) if centre is None else centre[open_]
    out = bounds.copy()
    out[open_] = bound.at(scaled[open_], positions[open_], value_ceilings(cos, words))
    return out


def _stopped(batches: int) -> int:
    # A profile the bound could not rule out is left unscored: the list may miss it.
    log.warning("first stage stopped after %d more batches", batches)
    return batches


def _positions(universe: Ids, ids: set[int]) -> Ids:
    """Where those of ``ids`` that are in ``universe`` (sorted) are."""
    if not ids:
        return np.zeros(0, dtype=np.int64)
    arr = np.fromiter(ids, np.int64, len(ids))
    at = np.searchsorted(universe, arr)
    inside = at < len(universe)
    at, arr = at[inside], arr[inside]
    found: Ids = at[universe[at] == arr]
    return found


def _best_first(
    pool: Pool, bounds: npt.NDArray[np.float64], ids: Ids, k: int, places: int, most: int
) -> tuple[int, bool]:
    """Score ``ids`` in the order of their ``bounds``, ``k`` at a time, until the next
    bound cannot take a place: the batches, and False when it stopped after ``most``."""
    order = np.argsort(-bounds, kind="stable")
    ids, bounds = ids[order], bounds[order]
    for batch, start in enumerate(range(0, len(ids), k)):
        if bounds[start] <= pool.needed(places):
            return batch, True
        if batch == most:
            return batch, False
        pool.add(ids[start : start + k])
    return -(-len(ids) // k), True


def _least(pool: Pool, sims: Scores, k: int) -> float | None:
    """The calibrated similarity of a search's least similar result; None when it returned
    fewer than ``k`` (nothing is left to find)."""
    if len(sims) < k:
        return None
    return float(pool.calibration.scale_many(sims[-1:])[0])
