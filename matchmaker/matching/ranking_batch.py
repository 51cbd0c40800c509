"""``rank_key`` for a whole candidate set at once: the numbers of ``score_pair``, in numpy.

A match request ranks ~100 candidates and explains ten. Ranking them one ``rank_key`` at a
time built every component's ``Message`` and branched per pair in Python; here the rules
stay those of scoring.py (each fit function is called, once per distinct set of the facts
it reads, and its value cached), and the arithmetic of ``ranking._contributions`` runs over
columns in the same order, so every sum is the same sequence of float additions. Two steps
must match Python bit for bit and are checked per row: ``round(x, 4)`` (numpy's rounding
differs from Python's only next to a half, where the row is re-rounded by Python) and
``statistics.fmean`` (an exactly rounded ``math.fsum``, taken per row).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from datetime import date

import numpy as np
import numpy.typing as npt

from matchmaker.matching.facts import Facts
from matchmaker.matching.history import HistoryFit
from matchmaker.matching.scoring import (
    NO_SHARED_DOMAIN_PENALTY,
    STALE_PENALTY,
    TRL_SHORTFALL_PENALTY,
    Weights,
    is_international,
    is_stale,
    needs_fit,
    region_fit,
    stage_fit,
    trl_fit,
)

Floats = npt.NDArray[np.float64]
# A fit's (value, shortfall) by the facts it reads; NaN value: the criterion does not apply.
# The rules are constants of the code, so what a key gives never changes in a process.
_CACHE: dict[Hashable, tuple[float, int]] = {}
_CACHE_LIMIT = 100_000
_NONE = (math.nan, 0)


def _cached(key: Hashable, compute: Callable[[], tuple[float, int]]) -> tuple[float, int]:
    hit = _CACHE.get(key)
    if hit is None:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        hit = _CACHE[key] = compute()
    return hit


def _stage(s: Facts, t: Facts) -> tuple[float, int]:
    def compute() -> tuple[float, int]:
        fit = stage_fit(s, t)
        return (fit[0], 0) if fit else _NONE

    return _cached(("stage", s.stage, t.kind, t.stages), compute)


def _trl(s: Facts, t: Facts) -> tuple[float, int]:
    def compute() -> tuple[float, int]:
        fit = trl_fit(s, t)
        return (fit[0], fit[2]) if fit else _NONE

    return _cached(("trl", s.trl, t.kind, t.min_trl, t.trl_min, t.trl_max), compute)


def _region(s: Facts, t: Facts) -> tuple[float, int]:
    key = (
        "region",
        s.region,
        s.country,
        s.city.casefold(),
        "international_expansion" in s.needs,
        t.region,
        t.country,
        t.city.casefold(),
        is_international(t),
    )
    return _cached(key, lambda: (region_fit(s, t)[0], 0))


def _needs(s: Facts, t: Facts) -> tuple[float, int]:
    def compute() -> tuple[float, int]:
        fit = needs_fit(s, t)
        return (fit[0], 0) if fit else _NONE

    served = t.services if t.kind == "incubator" else t.modes
    return _cached(("needs", s.needs, t.kind, served), compute)


def round4(x: Floats) -> Floats:
    """Python's ``round(v, 4)`` of every element (correctly rounded, ties to even)."""
    scaled = x * 10_000.0
    out: Floats = np.rint(scaled) / 10_000.0
    # x * 10_000 is off the exact product by at most half an ulp (~1e-12 here): only a
    # product within 1e-9 of a half can round to the other side.
    near = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-9
    for i in np.flatnonzero(near):
        out[i] = round(float(x[i]), 4)
    return out


def _fmean(columns: list[Floats], present: list[npt.NDArray[np.bool_]]) -> Floats:
    """``statistics.fmean`` of each row's present values: fsum / count."""
    count = np.sum(present, axis=0, dtype=np.float64)
    values = np.where(np.array(present), np.array(columns), 0.0)
    # One float addition is exactly rounded, as fsum is: only rows of three values need
    # fsum (a 0.0 for an absent value changes no sum).
    total = values[0] + values[1] + values[2]
    for i in np.flatnonzero(count == 3):
        total[i] = math.fsum(values[:, i].tolist())
    out: Floats = total / count
    return out


def rank_keys(
    pairs: Sequence[tuple[Facts, Facts]],
    similarities: Sequence[float] | Floats,
    weights: Weights,
    fits: Sequence[HistoryFit | None],
    today: date,
) -> list[tuple[float | None, float]]:
    """``rank_key(startup, target, similarity, weights, fit, today)`` of every pair."""
    n = len(pairs)
    if n == 0:
        return []
    after = weights.stale_after_days
    # One side is the same profile in every pair: its facts are read once.
    seen: dict[int, tuple[bool, bool]] = {}

    def stale_thin(f: Facts) -> tuple[bool, bool]:
        hit = seen.get(id(f))
        if hit is None:
            hit = seen[id(f)] = (is_stale(f.updated_at, today, after), f.thin)
        return hit

    rows = [
        (
            len(s.domains & t.domains),
            len(s.domains),
            len(t.domains),
            *_stage(s, t),
            *_trl(s, t),
            _region(s, t)[0],
            _needs(s, t)[0],
            ss[0] or ts[0],
            ss[1] or ts[1],
        )
        for s, t in pairs
        for ss, ts in ((stale_thin(s), stale_thin(t)),)
    ]
    (matched, s_domains, t_domains, stage, _, trl, gap, region, needs, old, thin) = (
        np.array(column, dtype=np.float64) for column in zip(*rows, strict=True)
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        forward_domain = np.where(s_domains > 0, matched / s_domains, 0.0)
        backward_domain = np.where(t_domains > 0, matched / t_domains, 0.0)
    has_stage, has_trl, has_needs = ~np.isnan(stage), ~np.isnan(trl), ~np.isnan(needs)
    history = np.array([f.value if f else math.nan for f in fits], dtype=np.float64)
    share = np.array([f.share if f else 0.0 for f in fits], dtype=np.float64)
    has_history = ~np.isnan(history)
    everywhere = np.ones(n, dtype=np.bool_)
    forward = _fmean([forward_domain, region, needs], [everywhere, everywhere, has_needs])
    backward = _fmean([backward_domain, stage, trl], [everywhere, has_stage, has_trl])
    with np.errstate(divide="ignore", invalid="ignore"):
        ok = (forward > 0) & (backward > 0)
        reciprocal = np.where(ok, 2 * forward * backward / (forward + backward), 0.0)
    sim = np.clip(np.asarray(similarities, dtype=np.float64), 0.0, 1.0)
    # (value, weight, applies) in the order ranking._parts puts them in its dict.
    history_weight = weights.history * share
    columns = [
        (sim, np.full(n, weights.semantic), everywhere),
        (forward_domain, np.full(n, weights.domain), everywhere),
        (stage, np.full(n, weights.stage), has_stage),
        (trl, np.full(n, weights.trl), has_trl),
        (region, np.full(n, weights.region), everywhere),
        (needs, np.full(n, weights.needs), has_needs),
        (reciprocal, np.full(n, weights.reciprocal), everywhere),
        (history, history_weight, has_history),
    ]
    total_weight = np.zeros(n)
    for _, w, applies in columns:
        total_weight = total_weight + np.where(applies, w, 0.0)
    total_weight = np.where(total_weight == 0, 1.0, total_weight)
    positive = np.zeros(n)
    total = np.zeros(n)
    for value, w, applies in columns:
        c = np.where(applies, round4(np.where(applies, w / total_weight * value, 0.0)), 0.0)
        positive = positive + c
        total = total + c
    # The penalties, in ranking._contributions' order and with its caps.
    shortfall = gap > 0
    severity = np.minimum(1.0, gap / 3)
    cost = np.minimum(round4(TRL_SHORTFALL_PENALTY * severity), round4(positive))
    cost = np.where(shortfall, cost, 0.0)
    positive, total = positive - cost, total - cost
    no_domain = (s_domains > 0) & (t_domains > 0) & (matched == 0)
    cost = np.minimum(round4(np.full(n, NO_SHARED_DOMAIN_PENALTY * 1.0)), round4(positive))
    cost = np.where(no_domain, cost, 0.0)
    positive, total = positive - cost, total - cost
    cost = np.where(old > 0, round4(positive * STALE_PENALTY * 1.0), 0.0)
    total = total - cost
    raws = round4(total).tolist()
    return [(None if t else raw, raw) for t, raw in zip(thin.tolist(), raws, strict=True)]
