"""How ranking combines the components, explains a pair and words its reason, checked
against the README's formula re-computed here from the component functions (no model:
similarity is a number)."""

from __future__ import annotations

from dataclasses import replace
from statistics import fmean
from typing import Any

import numpy as np
import pytest

from matchmaker.matching.facts import Facts
from matchmaker.matching.ranking import rank_key, reason, score_pair
from matchmaker.matching.scoring import (
    NO_SHARED_DOMAIN_PENALTY,
    PENALTIES,
    TRL_SHORTFALL_PENALTY,
    Component,
    PairScore,
    Weights,
    needs_fit,
    region_fit,
    stage_fit,
    trl_fit,
)
from tests.matching.test_fast_paths import _facts
from tests.matching.test_scoring_arithmetic import INCUBATOR, SCENARIO, STARTUP, TODAY

WEIGHTS = Weights(semantic=0.3, domain=0.2, stage=0.05, trl=0.15, region=0.1, needs=0.12)


def _expected(s: Facts, t: Facts, similarity: float, w: Weights) -> tuple[dict[str, float], float]:
    """Each component's value and the score, by the formula in README "How matching works":
    sum(weight * value) / sum(weight) over the components that apply, the reciprocal term
    the harmonic mean of how well each side's asks are met, minus the penalties (a third of
    TRL_SHORTFALL_PENALTY per level below a scenario's minimum; NO_SHARED_DOMAIN_PENALTY when
    both list domains and share none), never below 0."""
    mine = len(s.domains & t.domains)
    values = {
        "semantic": min(1.0, max(0.0, similarity)),
        "domain": mine / len(s.domains) if s.domains else 0.0,
        "region": region_fit(s, t)[0],
    }
    stage, trl, needs = stage_fit(s, t), trl_fit(s, t), needs_fit(s, t)
    for name, fit in (("stage", stage), ("trl", trl), ("needs", needs)):
        if fit is not None:
            values[name] = fit[0]
    forward = fmean([values["domain"], values["region"], *([needs[0]] if needs else [])])
    backward = fmean(
        [mine / len(t.domains) if t.domains else 0.0]
        + [f[0] for f in (stage, trl) if f is not None]
    )
    both = forward > 0 and backward > 0
    values["reciprocal"] = 2 * forward * backward / (forward + backward) if both else 0.0
    total = sum(getattr(w, n) for n in values)
    score = sum(getattr(w, n) * v for n, v in values.items()) / total
    if trl is not None and trl[2] > 0:
        score -= min(score, TRL_SHORTFALL_PENALTY * min(1.0, trl[2] / 3))
    if s.domains and t.domains and not s.domains & t.domains:
        score -= min(score, NO_SHARED_DOMAIN_PENALTY)
    return values, score


def test_scores_follow_the_documented_formula_on_random_pairs() -> None:
    rng = np.random.default_rng(19)
    for n in range(300):
        s, t = _facts(rng, "startup", n), _facts(rng, "incubator", n)
        if n % 3 == 0:  # scenarios: TRL minimums and shortfalls, no stages
            t = replace(t, kind="scenario", min_trl=int(rng.integers(1, 10)), status="open")
        sim = float(rng.uniform(-0.3, 1.3))
        values, score = _expected(s, t, sim, WEIGHTS)
        pair = score_pair(s, t, sim, WEIGHTS, TODAY)
        criteria = {k: c for k, c in pair.components.items() if k not in PENALTIES}
        assert {k: c.value for k, c in criteria.items()} == pytest.approx(values, abs=1e-4)
        assert pair.raw_score == pytest.approx(score, abs=1e-3)
        assert sum(c.weight for c in criteria.values()) == pytest.approx(1, abs=1e-3)
        thin = s.thin or t.thin
        assert pair.score == (None if thin else pair.raw_score)
        assert pair.confidence == ("low" if thin else "high")
        assert rank_key(s, t, sim, WEIGHTS) == (pair.score, pair.raw_score)


def test_a_pair_without_weights_scores_zero_instead_of_failing() -> None:
    zeros: dict[str, Any] = {n: 0.0 for n in Weights.__dataclass_fields__}
    nothing = Weights(**{**zeros, "stale_after_days": Weights().stale_after_days})
    pair = score_pair(STARTUP, INCUBATOR, 0.8, nothing, TODAY)
    assert pair.score == 0.0
    assert rank_key(STARTUP, INCUBATOR, 0.8, nothing) == (0.0, 0.0)


def test_the_shortfall_below_a_scenarios_minimum_is_reported_in_levels() -> None:
    pair = score_pair(replace(STARTUP, trl=4), SCENARIO, 0.5, Weights(), TODAY)
    assert pair.trl_shortfall == 3
    assert "scenario requires TRL 7" in " ".join(h.english for h in pair.hints)
    assert score_pair(replace(STARTUP, trl=8), SCENARIO, 0.5, Weights(), TODAY).trl_shortfall == 0


def test_hints_say_what_would_make_the_pair_fit() -> None:
    s = replace(STARTUP, domains=frozenset({"robotics", "quantum_tech"}), stage="growth")
    far = replace(INCUBATOR, region="china_other", city="Shenzhen", trl_min=7, trl_max=9)
    hints = [h.english for h in score_pair(s, far, 0.5, Weights(), TODAY).hints]
    assert hints == [
        "the incubator does not cover the startup's quantum tech",
        "accepts prototype, pilot; the startup is at growth",
        "takes TRL 7–9; the startup is at TRL 5",
        "different regions of China (Tianjin, Elsewhere in China)",
        "the incubator does not offer funding",
    ]
    other = replace(INCUBATOR, domains=frozenset({"ai", "biomedicine", "new_energy", "photonics"}))
    assert score_pair(STARTUP, other, 0.5, Weights(), TODAY).hints[0].english == (
        "no shared domain: the incubator works on ai, biomedicine and new energy"
    )
    # A full fit leaves nothing to improve (Tianjin and Beijing count as one region).
    fit = replace(STARTUP, needs=frozenset({"pilot_line"}))
    assert score_pair(fit, INCUBATOR, 0.5, Weights(), TODAY).hints == []


def test_a_thin_profile_gets_no_score_and_says_what_is_missing() -> None:
    thin = replace(STARTUP, words=2, needs=frozenset(), domains=frozenset({"robotics"}))
    pair = score_pair(thin, INCUBATOR, 0.5, Weights(), TODAY)
    assert pair.score is None
    assert pair.raw_score > 0
    assert pair.hints[-1].english.startswith("a profile has too little description")
    assert reason(pair, "Lab") == (
        "Lab: too little information to judge this match; the profiles need more "
        "description and facts."
    )


def _pair(score: float, shortfall: int = 0, **values: float) -> PairScore:
    notes = {
        "domain": "shares robotics",
        "needs": "offers pilot line; does not offer funding",
        "trl": "takes TRL 3–7 (startup at TRL 5)",
        "region": "same region (Beijing)",
        "stage": "accepts pilot-stage startups",
        "semantic": "the descriptions are related (similarity 0.60)",
        "reciprocal": "fits both ways",
    }
    components = {n: Component(v, 0.1, 0.1 * v, notes[n]) for n, v in values.items()}
    if shortfall:
        cost = TRL_SHORTFALL_PENALTY * min(1.0, shortfall / 3)
        components["trl_shortfall"] = Component(
            min(1.0, shortfall / 3), TRL_SHORTFALL_PENALTY, -cost, "below the minimum"
        )
    return PairScore(
        startup_id=1,
        target_kind="incubator",
        target_id=2,
        similarity=0.6,
        score=score,
        raw_score=score,
        components=components,
        matched_domains=[],
        matched_needs=[],
        trl_shortfall=shortfall,
    )


@pytest.mark.parametrize(
    ("score", "verdict"),
    [
        (0.7, "Strong fit (0.70)"),
        (0.69, "Good fit (0.69)"),
        (0.5, "Good fit (0.50)"),
        (0.49, "Partial fit (0.49)"),
    ],
)
def test_the_verdict_follows_the_score(score: float, verdict: str) -> None:
    assert reason(_pair(score), "Lab") == f"{verdict} with Lab."


def test_the_reason_names_up_to_three_strong_criteria_shared_domains_first() -> None:
    pair = _pair(0.8, semantic=0.9, region=1.0, trl=0.75, needs=0.8, domain=0.5, reciprocal=1.0)
    assert reason(pair, "Lab") == (
        "Strong fit (0.80) with Lab: shares robotics; offers pilot line; "
        "takes TRL 3–7 (startup at TRL 5)."
    )
    # Weak criteria (below 0.75, or a domain share below 0.25) are left out.
    weak = _pair(0.55, semantic=0.75, region=0.74, stage=1.0, domain=0.0)
    assert reason(weak, "Lab") == (
        "Good fit (0.55) with Lab: accepts pilot-stage startups; "
        "the descriptions are related (similarity 0.60)."
    )
    assert (
        reason(_pair(0.4, semantic=0.74, reciprocal=1.0), "Lab") == "Partial fit (0.40) with Lab."
    )


@pytest.mark.parametrize(
    ("shortfall", "words"), [(1, "1 TRL level below"), (2, "2 TRL levels below")]
)
def test_the_reason_says_why_a_short_startup_ranks_lower(shortfall: int, words: str) -> None:
    assert reason(_pair(0.3, shortfall), "Pilot") == (
        f"Partial fit (0.30) with Pilot; {0.06 * shortfall:.2f} because the startup is {words} "
        "the scenario's minimum."
    )
