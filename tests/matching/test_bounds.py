"""The first stage's score bound (bounds.py) is never below the engine's score: random pairs
of every kind, from both sides, against ``ranking.rank_key`` (pure arithmetic: no model, no
database)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from matchmaker.matching.bounds import ScoreBound, without_shared_domain
from matchmaker.matching.calibration import REFERENCE
from matchmaker.matching.facts import Facts
from matchmaker.matching.filters import FacetMasks
from matchmaker.matching.history import (
    HISTORY_PRIOR,
    Decisions,
    HistoryFit,
    fits_of_startups,
    value_ceiling,
)
from matchmaker.matching.history_words import WordsFit
from matchmaker.matching.ranking import rank_key
from matchmaker.matching.scoring import NEED_TO_MODE, Weights
from matchmaker.vocab import Domain, Need, Region, Stage, trl_facet

TODAY = date(2026, 12, 7)
DOMAINS = [d.value for d in Domain][:6]
NEEDS = [n.value for n in Need]
MODES = sorted(set(NEED_TO_MODE.values()))
STAGES = [s.value for s in Stage]
REGIONS = [r.value for r in Region]
TARGET_ID, STARTUP_ID = 7, 3

some = st.frozensets
common = {
    "domains": some(st.sampled_from(DOMAINS), max_size=3),
    "region": st.sampled_from(REGIONS),
    "country": st.sampled_from(["CN", "DE", "US"]),
    "city": st.sampled_from(["", "Shijiazhuang", "Wuhan"]),
    "words": st.integers(0, 40),
    "updated_at": st.sampled_from(
        [None, datetime(2026, 12, 1, tzinfo=UTC), datetime(2024, 1, 1, tzinfo=UTC)]
    ),
}
trl = st.one_of(st.none(), st.integers(1, 9))
startups = st.builds(
    Facts,
    kind=st.just("startup"),
    id=st.just(STARTUP_ID),
    title=st.just("s"),
    stage=st.one_of(st.none(), st.sampled_from(STAGES)),
    trl=trl,
    needs=some(st.sampled_from(NEEDS), max_size=4),
    **common,
)
incubators = st.builds(
    Facts,
    kind=st.just("incubator"),
    id=st.just(TARGET_ID),
    title=st.just("i"),
    subkind=st.sampled_from(["university", "offshore_carrier"]),
    stages=some(st.sampled_from(STAGES), max_size=3),
    trl_min=st.one_of(st.none(), st.integers(1, 5)),
    trl_max=st.one_of(st.none(), st.integers(5, 9)),
    services=some(st.sampled_from(NEEDS), max_size=5),
    capacity=st.just(3),
    programs=some(st.sampled_from(["cross_border_accelerator_camp", "deep_incubation"])),
    **common,
)
partners = st.builds(
    Facts,
    kind=st.just("partner"),
    id=st.just(TARGET_ID),
    title=st.just("p"),
    subkind=st.sampled_from(["multinational_corporation", "investor"]),
    stages=some(st.sampled_from(STAGES), max_size=3),
    modes=some(st.sampled_from(MODES), max_size=3),
    **common,
)
scenarios = st.builds(
    Facts,
    kind=st.just("scenario"),
    id=st.just(TARGET_ID),
    title=st.just("c"),
    modes=some(st.sampled_from(MODES), min_size=1, max_size=1),
    min_trl=trl,
    status=st.just("open"),
    **common,
)
fits = st.one_of(
    st.none(),
    st.builds(
        HistoryFit,
        value=st.floats(0, 1),
        accepted=st.integers(0, 6),
        declined=st.integers(0, 6),
        like_accepted=st.just(0),
        like_declined=st.just(0),
    ),
)


def trl_of(f: Facts) -> list[str]:
    """The TRL facet, as the kinds' facet functions write it."""
    if f.kind == "startup":
        return trl_facet(f.trl, f.trl)
    if f.kind == "incubator":
        return trl_facet(f.trl_min, f.trl_max) if f.trl_max is not None else []
    return trl_facet(f.min_trl) if f.kind == "scenario" else []


def masks_of(f: Facts) -> FacetMasks:
    """The masks the store holds of one profile (the kinds' own facet functions, by field)."""
    facets: dict[str, list[str]] = {
        "domain": sorted(f.domains),
        "region": [f.region],
        "stage": [f.stage] if f.stage else sorted(f.stages),
        "need": sorted(f.needs),
        "service": sorted(f.services),
        "mode": sorted(f.modes),
        "kind": [f.subkind] if f.subkind else [],
        "trl": trl_of(f),
    }
    masks = FacetMasks()
    masks.set([f.id], [facets], [0])
    return masks


def bound(
    query: Facts,
    other: Facts,
    similarity: float,
    weights: Weights,
    share: float,
    ceiling: float = 1.0,
) -> float:
    ids = np.asarray([other.id], dtype=np.int64)
    masks = masks_of(other)
    made = ScoreBound(query, other.kind, masks, weights, share, ids, ceiling)
    return float(made.at(similarity)[0])


@settings(max_examples=600, deadline=None)
@given(
    startup=startups,
    target=st.one_of(incubators, partners, scenarios),
    similarity=st.floats(-0.2, 1.0),
    above=st.floats(0, 0.3),
    fit=fits,
)
def test_the_bound_is_never_below_the_score_from_either_side(
    startup: Facts, target: Facts, similarity: float, above: float, fit: HistoryFit | None
) -> None:
    weights = Weights()
    _, raw = rank_key(startup, target, similarity, weights, fit, TODAY)
    # What the first stage knows: a similarity at least the pair's, the largest history
    # share of the target's decisions (the pair's own startup can only lower it).
    ceiling = similarity + above
    share, value = 0.0, 1.0
    if fit is not None:
        n = fit.accepted + fit.declined + 1
        share, value = n / (n + HISTORY_PRIOR), min(1.0, fit.value + above)
    from_target = bound(target, startup, ceiling, weights, share, value)
    from_startup = bound(startup, target, ceiling, weights, share, value)
    assert from_target >= raw
    assert from_startup >= raw
    if not startup.domains & target.domains:
        # The ceiling of those with domains, none shared (the others are always looked at).
        if startup.domains:
            assert without_shared_domain(target, weights, share, value)(ceiling) >= raw
        if target.domains:
            assert without_shared_domain(startup, weights, share, value)(ceiling) >= raw


def test_the_bound_is_tight_where_the_masks_hold_every_fact() -> None:
    """A pair whose every fact is in the masks (no TRL, no city, no history): the bound is
    the score itself, give or take the slack, so the first stage prunes what it can."""
    startup = Facts(
        "startup", STARTUP_ID, "s", frozenset({"ai", "robotics"}), "beijing", "CN", "",
        words=30, stage="pilot", needs=frozenset({"funding", "workspace"}),
        updated_at=datetime.now(UTC) - timedelta(days=1),
    )  # fmt: skip
    target = Facts(
        "incubator", TARGET_ID, "i", frozenset({"ai"}), "tianjin", "CN", "",
        words=30, subkind="university", stages=frozenset({"pilot", "growth"}),
        services=frozenset({"funding"}), capacity=3,
    )  # fmt: skip
    _, raw = rank_key(startup, target, 0.42, Weights(), None, datetime.now(UTC).date())
    assert raw <= bound(target, startup, 0.42, Weights(), 0.0) <= raw + 2e-3


@settings(max_examples=200, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    accepted=st.integers(1, 6),
    declined=st.integers(0, 4),
    words=st.floats(0, 1),
)
def test_no_history_fit_is_above_the_ceiling_of_its_cosine_with_the_accepted_centre(
    seed: int, accepted: int, declined: int, words: float
) -> None:
    """evidence.startups_found bounds the history value of a startup it did not search from
    the last one's cosine with the accepted startups' centre (``history.value_ceiling``):
    a startup's fit, its own decision left out, declined ones pulling, any words' fit."""
    rng = np.random.default_rng(seed)
    vectors = {i: v / np.linalg.norm(v) for i, v in enumerate(rng.normal(size=(12, 8)), 1)}
    decisions = Decisions(tuple(range(1, accepted + 1)), tuple(range(7, 7 + declined)))
    centre = np.sum([vectors[i] for i in decisions.accepted], axis=0)
    centre /= np.linalg.norm(centre)
    ids = list(vectors)
    matrix = np.stack([vectors[i] for i in ids]).astype(np.float32)
    lexical = [WordsFit(words, ()) for _ in ids]
    fits = fits_of_startups(ids, matrix, decisions, vectors, REFERENCE, lexical)
    for pid, fit in zip(ids, fits, strict=True):
        if fit is not None:
            assert fit.value <= value_ceiling(float(vectors[pid] @ centre)) + 1e-4
