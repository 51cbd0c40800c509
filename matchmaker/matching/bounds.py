"""An upper bound of the score of every profile of one kind against one query, from the
facet masks alone: what lets the first stage of a list prove it missed no better candidate.

The first stage scores the profiles nearest to the query's description, but the facts carry
most of a score's weight, so a profile further away can score higher (bench/first_stage.py).
Any profile not yet scored is at most as similar as the least similar one scored (the search
returned the nearest), so its score is at most ``bound(that similarity)``. A profile whose
bound is not above the list's last shown score cannot enter the list; the others are
searched next (``pool.py``). The bound is never below the engine's score
(tests/matching/test_bounds.py checks it on random pairs of every kind): each component is
taken at its exact value where the masks hold what it reads (domains, stage, TRL, needs) and
at its largest possible value where they do not (city, country, international programs,
history), the history fit is counted where counting it raises the bound, and the penalties
the masks do not settle (TRL shortfall, stale profile) are left out.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from matchmaker.matching.facts import Facts
from matchmaker.matching.filters import Bits, FacetMasks
from matchmaker.matching.scoring import (
    NEED_TO_MODE,
    NO_SHARED_DOMAIN_PENALTY,
    Weights,
    region_fit,
    stage_fit,
    trl_fit,
)
from matchmaker.vocab import TRL_LEVELS

# float32 throughout: the bound covers every id at once, and its error is far below SLACK.
Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]
Applies = tuple[Floats, npt.NDArray[np.bool_]]
STARTUP = "startup"
# Above the rounding of the shown contributions (each to 4 decimals) and the float32 noise
# of a similarity recomputed from the stored vectors.
SLACK = 1e-3


def _stage_value(startup_stage: str, accepted: frozenset[str]) -> float:
    """scoring.stage_fit's value for a startup stage against accepted stages."""
    startup = Facts(STARTUP, 0, "", frozenset(), "", "", "", stage=startup_stage)
    fit = stage_fit(startup, Facts("incubator", 0, "", frozenset(), "", "", "", stages=accepted))
    assert fit is not None  # both sides set
    return fit[0]


@cache
def _region_ceiling(startup_region: str, target_region: str) -> float:
    """The largest region_fit between the two regions, over what the masks do not hold
    (cities, countries, international programs, the need to go abroad)."""
    best = 0.0
    s0 = Facts(STARTUP, 0, "", frozenset(), startup_region, "X", "X")
    for city, country, abroad, subkind in itertools.product(
        ("X", "Y"), ("X", "Y"), (False, True), (None, "offshore_carrier")
    ):
        s = replace(s0, needs=frozenset({"international_expansion"}) if abroad else frozenset())
        t = Facts("incubator", 0, "", frozenset(), target_region, country, city, subkind=subkind)
        best = max(best, region_fit(s, t)[0])
    return best


@dataclass(frozen=True, slots=True)
class FactsPart:
    """What the masks say of each id against one query: the facts' weighted sum and total
    weight (each criterion at its largest possible value), the no-shared-domain penalty,
    and whether it shares a domain or has none."""

    known: Floats
    known_weight: Floats
    penalty: Floats
    shares: npt.NDArray[np.bool_]

    def take(self, positions: Ints) -> FactsPart:
        return FactsPart(
            self.known[positions],
            self.known_weight[positions],
            self.penalty[positions],
            self.shares[positions],
        )


def facts_part(
    query: Facts, kind: str, masks: FacetMasks, weights: Weights, ids: Ints
) -> FactsPart:
    """The facts' part of the bound of each of ``ids`` (profiles of ``kind``, the masks'
    kind) against ``query`` (a profile of the other side)."""
    asks = query.kind == STARTUP
    domains, domain_bit = masks.bits("domain")
    field = domains[ids]
    shared = _count(field, _mask(query.domains, domain_bit))
    theirs = _count(field, ALL)
    mine = np.float32(len(query.domains))
    startup_domains, target_domains = (mine, theirs) if asks else (theirs, mine)
    regions, region_bit = masks.bits("region")

    def region_of(values: frozenset[str]) -> tuple[float, bool]:
        pairs = ((query.region, v) if asks else (v, query.region) for v in values)
        return max((_region_ceiling(*pair) for pair in pairs), default=1.0), True

    known, known_weight = _terms(
        _ratio(shared, startup_domains),
        _ratio(shared, target_domains),
        _stage(query, masks, ids),
        _needs(query, kind, masks, ids),
        _table(regions[ids], region_bit, region_of)[0],
        _trl(query, masks, ids),
        weights,
    )
    penalty = np.float32(NO_SHARED_DOMAIN_PENALTY) * (
        (startup_domains > 0) & (target_domains > 0) & (shared == 0)
    )
    # Those the first stage must look at even when no profile without a shared domain can
    # take a place: sharing one, or having none (no penalty, see above).
    return FactsPart(known, known_weight, penalty, (shared > 0) | (theirs == 0))


class ScoreBound:
    """An upper bound of the score against a query of each of some profiles (their
    ``FactsPart``, ``facts_part``) at a given calibrated similarity or below.
    ``history_share``: the largest share of ``weights.history`` a candidate's history fit
    can have (0 when no history applies); ``history_least``: the least (0 when a candidate
    may have no fit); ``history_ceiling``: the largest value it can have.

    ``at`` adds the similarity's part, for all of the profiles or for some (by position),
    as often as the first stage asks."""

    def __init__(
        self,
        part: FactsPart,
        weights: Weights,
        history_share: float,
        history_ceiling: float = 1.0,
        history_least: float = 0.0,
    ) -> None:
        self.weights = weights
        self.shares = part.shares
        self.penalty = part.penalty
        self.known, self.known_weight = part.known, part.known_weight
        self.history_weight = weights.history * history_share
        self.history_least = weights.history * history_least
        self.history_ceiling = history_ceiling

    def at(
        self,
        similarity: float | npt.NDArray[np.float64],
        positions: Ints | None = None,
        history: npt.NDArray[np.float64] | None = None,
    ) -> npt.NDArray[np.float64]:
        """The bound of each id (or of those at ``positions`` in ``ids``, ``similarity``
        then one per position or one for all) when its similarity is at most that, and its
        history value at most ``history`` (one per position; else the ceiling given)."""
        pick = slice(None) if positions is None else positions
        semantic = self.weights.semantic * np.clip(similarity, 0.0, 1.0)
        known, weight = self.known[pick], self.known_weight[pick]
        best: npt.NDArray[Any] = (semantic + known) / weight
        if self.history_weight:
            # The fit's weight w at its least or its most, whichever bounds higher:
            # (a + w·v) / (b + w) is monotonic in w.
            value = self.history_ceiling if history is None else history
            hw, lw = self.history_weight, self.history_least
            least = (semantic + known + lw * value) / (weight + lw)
            best = np.maximum(least, (semantic + known + hw * value) / (weight + hw))
        return np.asarray(np.maximum(0.0, best - self.penalty[pick]) + SLACK, dtype=np.float64)


def without_shared_domain(
    query: Facts,
    weights: Weights,
    history_share: float,
    history_ceiling: float = 1.0,
    history_least: float = 0.0,
) -> Callable[[float], float]:
    """The bound, by similarity, of any profile that has domains but shares none with
    ``query``, whatever its other facts (the history fit as ``ScoreBound``'s): the first
    stage need not look at those when this is below the list's last place."""
    hw, lw = weights.history * history_share, weights.history * history_least
    parts = [
        (total + w * history_ceiling, weight + w)
        for total, weight in _unshared_terms(weights)
        for w in (lw, hw)
    ]
    penalty = NO_SHARED_DOMAIN_PENALTY if query.domains else 0.0

    def at(similarity: float) -> float:
        semantic = weights.semantic * max(0.0, min(1.0, similarity))
        best = max((semantic + total) / weight for total, weight in parts)
        return max(0.0, best - penalty) + SLACK

    return at


@cache
def _unshared_terms(weights: Weights) -> tuple[tuple[float, float], ...]:
    """The facts' sum and weight of a profile sharing no domain, with or without each of
    the criteria that may not apply (stage, needs, TRL), each at its largest value."""
    one = np.ones(1, dtype=np.float32)
    out = []
    for stage, needs, trl in itertools.product((False, True), repeat=3):
        total, weight = _terms(
            0 * one,
            0 * one,
            (one * stage, one > (not stage)),
            (one * needs, one > (not needs)),
            one,
            (one * trl, one > (not trl)),
            weights,
        )
        out.append((float(total[0]), float(weight[0])))
    return tuple(out)


def _terms(
    forward: Floats,
    backward: Floats,
    stage: Applies,
    needs: Applies,
    region: Floats,
    trl: Applies,
    weights: Weights,
) -> tuple[Floats, Floats]:
    """The facts' weighted sum and the total weight without the history fit, as
    ranking._contributions has them, each component at its largest possible value."""
    (stage_value, stage_applies), (needs_value, needs_applies) = stage, needs
    trl_value, trl_applies = trl
    f32 = np.float32
    fwd = (forward + region + needs_value) / (2 + needs_applies.astype(f32))
    bwd = (backward + stage_value + trl_value) / (
        1 + stage_applies.astype(f32) + trl_applies.astype(f32)
    )
    known = (
        f32(weights.domain) * forward
        + f32(weights.stage) * stage_value
        + f32(weights.trl) * trl_value
        + f32(weights.region) * region
        + f32(weights.needs) * needs_value
        + f32(weights.reciprocal) * _ratio(2 * fwd * bwd, fwd + bwd)
    )
    known_weight = (
        f32(weights.semantic + weights.domain + weights.region + weights.reciprocal)
        + f32(weights.stage) * stage_applies
        + f32(weights.trl) * trl_applies
        + f32(weights.needs) * needs_applies
    )
    return known, np.asarray(known_weight, dtype=np.float32)


ALL = np.uint64(2**64 - 1)
# A bit field with more values than this is not tabulated (2**n entries).
TABLE_BITS = 12


def _mask(values: Iterable[str], bit_of: dict[str, int]) -> np.uint64:
    out = 0
    for v in values:
        out |= bit_of.get(v, 0)
    return np.uint64(out)


def _count(field: Bits, mask: np.uint64) -> Floats:
    """Per id, how many of the values in ``mask`` it has."""
    counts: npt.NDArray[np.uint8] = np.bitwise_count(field & mask)
    return counts.astype(np.float32)


def _ratio(a: Floats, b: Floats | np.float32) -> Floats:
    """a / b, 0 where b is 0."""
    out = np.zeros(np.shape(a), dtype=np.float32)
    np.divide(a, b, out=out, where=np.broadcast_to(b > 0, np.shape(a)))
    return out


def _table(
    field: Bits, bit_of: dict[str, int], fn: Callable[[frozenset[str]], tuple[float, bool]]
) -> Applies:
    """``fn`` of each id's set of values (value, applies), by a table of every set: for
    facets of a few values (stages, regions, modes)."""
    if len(bit_of) > TABLE_BITS:
        raise ValueError(f"{len(bit_of)} values: too many to tabulate")
    width = max(bit_of.values(), default=0).bit_length()
    index = field.astype(np.intp)
    # Only the sets some profile has: a few, of the 2**width there could be.
    present = np.zeros(1 << width, dtype=bool)
    present[index] = True
    values = np.zeros(1 << width, dtype=np.float32)
    applies = np.zeros(1 << width, dtype=bool)
    for code in np.flatnonzero(present).tolist():
        members = frozenset(v for v, bit in bit_of.items() if code & bit)
        values[code], applies[code] = fn(members)
    return values[index], applies[index]


def _stage(query: Facts, masks: FacetMasks, ids: Ints) -> Applies:
    """stage_fit's value by id (0 where it does not apply), and where it applies."""
    field, bit_of = masks.bits("stage")

    def fit(values: frozenset[str]) -> tuple[float, bool]:
        if query.kind == STARTUP:
            startup_stage, accepted = query.stage, values
        else:
            startup_stage, accepted = next(iter(values), None), query.stages
        if startup_stage is None or not accepted:
            return 0.0, False
        return _stage_value(startup_stage, frozenset(accepted)), True

    return _table(field[ids], bit_of, fit)


def _needs(query: Facts, kind: str, masks: FacetMasks, ids: Ints) -> Applies:
    """needs_fit's value by id (0 where it does not apply), and where it applies."""
    size = len(ids)
    if query.kind == STARTUP:
        if not query.needs:
            return np.zeros(size, dtype=np.float32), np.zeros(size, dtype=bool)
        if kind == "incubator":
            services, bit_of = masks.bits("service")
            covered = _count(services[ids], _mask(query.needs, bit_of))
            return covered / np.float32(len(query.needs)), np.ones(size, dtype=bool)
        # Partners and scenarios serve needs through their modes, a need once if its mode
        # is offered (two needs may share a mode).
        servable = [n for n in query.needs if n in NEED_TO_MODE]
        if not servable:
            return np.zeros(size, dtype=np.float32), np.zeros(size, dtype=bool)
        modes, bit_of = masks.bits("mode")
        return _table(
            modes[ids],
            bit_of,
            lambda offered: (
                sum(NEED_TO_MODE[n] in offered for n in servable) / len(servable),
                True,
            ),
        )
    needs, bit_of = masks.bits("need")
    field = needs[ids]
    if query.kind == "incubator":
        could, served = ALL, _mask(query.services, bit_of)
    else:
        could = _mask(NEED_TO_MODE, bit_of)
        served = _mask([n for n in NEED_TO_MODE if NEED_TO_MODE[n] in query.modes], bit_of)
    total = _count(field, could)
    return _ratio(_count(field, served), total), total > 0


def _trl(query: Facts, masks: FacetMasks, ids: Ints) -> Applies:
    """trl_fit's value by id (0 where it does not apply), and where it applies: from the TRL
    facet (a startup's level; the levels an incubator's range or a scenario's minimum
    accepts)."""
    field, bit_of = masks.bits("trl")
    if query.kind == STARTUP:
        level = query.trl
        if level is None:
            return _never(len(ids))

        def fit(levels: frozenset[str]) -> tuple[float, bool]:
            if not levels:
                return 0.0, False
            accepted = [int(v) for v in levels]
            return _trl_value(level, min(accepted), max(accepted)), True

        return _table(field[ids], bit_of, fit)
    if query.kind == "incubator" and query.trl_min is not None and query.trl_max is not None:
        low, high = query.trl_min, query.trl_max
    elif query.kind == "scenario" and query.min_trl is not None:
        low, high = query.min_trl, TRL_LEVELS[-1]
    else:
        return _never(len(ids))

    def level_fit(levels: frozenset[str]) -> tuple[float, bool]:
        if not levels:
            return 0.0, False
        return _trl_value(int(next(iter(levels))), low, high), True

    return _table(field[ids], bit_of, level_fit)


def _trl_value(level: int, low: int, high: int) -> float:
    """scoring.trl_fit's value for a level against the accepted levels ``low``-``high`` (a
    scenario's minimum accepts every level above it: the same value as that range)."""
    startup = Facts(STARTUP, 0, "", frozenset(), "", "", "", trl=level)
    target = Facts("incubator", 0, "", frozenset(), "", "", "", trl_min=low, trl_max=high)
    fit = trl_fit(startup, target)
    assert fit is not None  # both sides set
    return fit[0]


def _never(size: int) -> Applies:
    return np.zeros(size, dtype=np.float32), np.zeros(size, dtype=bool)
