"""The first stage's score bound (bounds.py) is never below the engine's score: random pairs
of every kind, from both sides, against ``ranking.rank_key`` (pure arithmetic: no model, no
database)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date, datetime, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from matchmaker.matching.bounds import ScoreBound, facts_part, without_shared_domain
from matchmaker.matching.calibration import REFERENCE
from matchmaker.matching.facts import Facts
from matchmaker.matching.filters import FacetMasks
from matchmaker.matching.history import (
    Decisions,
    HistoryFit,
    fits_of_startups,
    share_range,
    value_ceiling,
    value_ceilings,
)
from matchmaker.matching.history_words import HistoryWords, Words, WordsFit, words_fit
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
    shares: tuple[float, float],
    ceiling: float = 1.0,
) -> float:
    ids = np.asarray([other.id], dtype=np.int64)
    masks = masks_of(other)
    least, most = shares
    part = facts_part(query, other.kind, masks, weights, ids)
    made = ScoreBound(part, weights, most, ceiling, least)
    return float(made.at(similarity)[0])


@settings(max_examples=600, deadline=None)
@given(
    startup=startups,
    target=st.one_of(incubators, partners, scenarios),
    similarity=st.floats(-0.2, 1.0),
    above=st.floats(0, 0.3),
    fit=fits,
    own=st.booleans(),
)
def test_the_bound_is_never_below_the_score_from_either_side(
    startup: Facts,
    target: Facts,
    similarity: float,
    above: float,
    fit: HistoryFit | None,
    own: bool,
) -> None:
    weights = Weights()
    _, raw = rank_key(startup, target, similarity, weights, fit, TODAY)
    # What the first stage knows: a similarity at least the pair's, and the range of history
    # shares of the target's decisions, whether or not one of them is the pair's own (which
    # its fit leaves out).
    ceiling = similarity + above
    shares, value = (0.0, 0.0), 1.0
    if fit is not None:
        shares = share_range(fit.accepted + fit.declined + own)
        value = min(1.0, fit.value + above)
        assert shares[0] <= fit.share <= shares[1]
    from_target = bound(target, startup, ceiling, weights, shares, value)
    from_startup = bound(startup, target, ceiling, weights, shares, value)
    assert from_target >= raw
    assert from_startup >= raw
    if not startup.domains & target.domains:
        # The ceiling of those with domains, none shared (the others are always looked at).
        least, most = shares
        if startup.domains:
            assert without_shared_domain(target, weights, most, value, least)(ceiling) >= raw
        if target.domains:
            assert without_shared_domain(startup, weights, most, value, least)(ceiling) >= raw


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
    today = datetime.now(UTC).date()
    _, raw = rank_key(startup, target, 0.42, Weights(), None, today)
    assert raw <= bound(target, startup, 0.42, Weights(), (0.0, 0.0)) <= raw + 2e-3
    # With a history fit whose share and value the first stage knows: tight too.
    fit = HistoryFit(value=0.3, accepted=5, declined=2, like_accepted=0, like_declined=0)
    _, raw = rank_key(startup, target, 0.42, Weights(), fit, today)
    shares = (fit.share, fit.share)
    assert raw <= bound(target, startup, 0.42, Weights(), shares, fit.value) <= raw + 2e-3


@settings(max_examples=200, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    accepted=st.integers(0, 6),
    declined=st.integers(0, 4),
)
def test_no_history_fit_is_above_the_ceiling_of_its_cosine_with_the_accepted_centre(
    seed: int, accepted: int, declined: int
) -> None:
    """evidence.startups_found bounds the history value of a startup it did not search from
    the last one's cosine with the accepted startups' centre (``history.value_ceiling``),
    and pool._own_words from the startup's own cosine and own words' fit: a startup's fit,
    its own decision left out, declined ones pulling. With no accepted startup, a cosine
    of -1 stands for the centre."""
    rng = np.random.default_rng(seed)
    vectors = {i: v / np.linalg.norm(v) for i, v in enumerate(rng.normal(size=(12, 8)), 1)}
    decisions = Decisions(tuple(range(1, accepted + 1)), tuple(range(7, 7 + declined)))
    centre = np.sum([vectors[i] for i in decisions.accepted] or [np.zeros(8)], axis=0)
    ids = list(vectors)
    matrix = np.stack([vectors[i] for i in ids]).astype(np.float32)
    words = rng.uniform(0, 1, size=len(ids))
    lexical = [WordsFit(float(w), ()) for w in words]
    fits = fits_of_startups(ids, matrix, decisions, vectors, REFERENCE, lexical)
    cos = np.asarray(
        [float(vectors[i] @ centre / np.linalg.norm(centre)) if accepted else -1.0 for i in ids]
    )
    own = value_ceilings(cos, words)
    for n, (pid, fit) in enumerate(zip(ids, fits, strict=True)):
        if fit is not None:
            assert fit.value <= value_ceiling(cos[n], float(words.max())) + 1e-4
            assert fit.value <= own[n] + 1e-4, pid


VOCAB = ["solar", "battery", "lidar", "quantum", "truck", "mining", "glass", "drone"]
verdicts = st.sampled_from(["accept", "decline", "elsewhere", "none"])


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(some(st.sampled_from(VOCAB), max_size=6), min_size=2, max_size=8),
    verdict=st.lists(verdicts, min_size=8, max_size=8),
    outsider=some(st.sampled_from(VOCAB), max_size=8),
)
def test_no_words_fit_is_above_the_most_of_its_targets_document(
    texts: list[frozenset[str]], verdict: list[str], outsider: frozenset[str]
) -> None:
    """``Document.most`` bounds the words' fit of any startup with the target (the first
    stage's bound of those it has not read): undecided ones, and decided ones, whose own
    decision leaves the document and the statistics."""
    words = {i: tuple(sorted(t)) for i, t in enumerate(texts, 1)}

    def decided(what: str) -> tuple[int, ...]:
        return tuple(i for i in words if verdict[i - 1] == what)

    mine = Decisions(accepted=decided("accept"), declined=decided("decline"))
    decisions = {10: mine, 20: Decisions(accepted=decided("elsewhere"))}

    def load(ids: Collection[int]) -> dict[int, tuple[int, Words]]:
        return {i: (1, words[i]) for i in ids if i in words}

    cache = HistoryWords(lambda kind, i: 0, lambda kind: 0)
    corpus = cache.corpus("incubator", decisions, load)
    doc = cache.document("incubator", 10, mine, corpus, load)
    for pid, own in [*words.items(), (99, tuple(sorted(outsider)))]:
        assert words_fit(pid, own, doc).value <= doc.most + 1e-12
