"""Pure ranking arithmetic on hand-made facts (no model involved: similarity is a number)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from matchmaker.matching.facts import Facts
from matchmaker.matching.history import HistoryFit
from matchmaker.matching.ranking import score_pair
from matchmaker.matching.scoring import (
    NO_SHARED_DOMAIN_PENALTY,
    TRL_SHORTFALL_PENALTY,
    Weights,
    exclusion,
    region_fit,
    stage_fit,
    trl_fit,
)

TODAY = date(2026, 11, 28)
STARTUP = Facts(
    kind="startup",
    id=1,
    title="S",
    domains=frozenset({"robotics"}),
    region="tianjin",
    country="CN",
    city="Tianjin",
    words=30,
    stage="pilot",
    trl=5,
    needs=frozenset({"pilot_line", "funding"}),
)
INCUBATOR = Facts(
    kind="incubator",
    id=2,
    title="I",
    domains=frozenset({"robotics", "ai"}),
    region="beijing",
    country="CN",
    city="Beijing",
    words=30,
    subkind="national_incubator",
    stages=frozenset({"prototype", "pilot"}),
    trl_min=3,
    trl_max=7,
    services=frozenset({"pilot_line"}),
    capacity=2,
)
SCENARIO = Facts(
    kind="scenario",
    id=3,
    title="P",
    domains=frozenset({"robotics"}),
    region="hebei",
    country="CN",
    city="Baoding",
    words=30,
    min_trl=7,
    modes=frozenset({"pilot_procurement"}),
    status="open",
)


@pytest.mark.parametrize(
    ("startup", "target", "expected"),
    [
        (STARTUP, INCUBATOR, 0.9),  # Tianjin and Beijing: one collaborative region
        (STARTUP, replace(INCUBATOR, region="tianjin"), 1.0),
        (STARTUP, replace(INCUBATOR, region="china_other", city="Shenzhen"), 0.5),
        (STARTUP, replace(INCUBATOR, region="abroad", country="DE"), 0.2),
        (
            replace(STARTUP, needs=frozenset({"international_expansion"})),
            replace(INCUBATOR, region="abroad", country="DE", subkind="offshore_carrier"),
            1.0,
        ),
        (
            replace(STARTUP, region="abroad", country="FI"),
            replace(INCUBATOR, programs=frozenset({"cross_border_accelerator_camp"})),
            1.0,
        ),
        (replace(STARTUP, region="abroad", country="FI"), INCUBATOR, 0.4),
    ],
)
def test_region_fit(startup: Facts, target: Facts, expected: float) -> None:
    assert region_fit(startup, target)[0] == expected


def test_stage_and_trl_fit() -> None:
    value, note = stage_fit(STARTUP, INCUBATOR)  # type: ignore[misc]
    assert (value, note.english) == (1.0, "accepts pilot-stage startups")
    assert stage_fit(replace(STARTUP, stage="early_revenue"), INCUBATOR)[0] == 0.5  # type: ignore[index]
    assert stage_fit(replace(STARTUP, stage="growth"), INCUBATOR)[0] == 0.0  # type: ignore[index]
    assert stage_fit(STARTUP, SCENARIO) is None
    assert trl_fit(STARTUP, INCUBATOR)[0] == 1.0  # type: ignore[index]
    value, note, gap = trl_fit(STARTUP, SCENARIO)  # type: ignore[misc]
    assert (round(value, 3), gap) == (0.333, 2)
    assert note.english == "the scenario requires TRL 7; the startup is at TRL 5"


def test_weights_are_renormalised_over_the_criteria_that_apply() -> None:
    pair = score_pair(STARTUP, SCENARIO, 0.5, Weights(), TODAY)
    assert "stage" not in pair.components  # scenarios have no stages
    criteria = [c for c in pair.components.values() if c.contribution >= 0]
    assert sum(c.weight for c in criteria) == pytest.approx(1.0, abs=1e-3)


def test_contributions_penalties_included_add_up_exactly_to_the_score() -> None:
    pair = score_pair(STARTUP, SCENARIO, 0.5, Weights(), TODAY)
    shortfall = pair.components["trl_shortfall"]
    assert shortfall.contribution == pytest.approx(-TRL_SHORTFALL_PENALTY * 2 / 3, abs=1e-4)
    assert round(sum(c.contribution for c in pair.components.values()), 4) == pair.score
    for c in pair.components.values():
        assert c.contribution == pytest.approx(
            (1 if c.contribution >= 0 else -1) * c.value * c.weight, abs=1e-4
        )


def test_a_trl_shortfall_costs_in_proportion_to_the_gap() -> None:
    costs = [
        -score_pair(replace(STARTUP, trl=7 - gap), SCENARIO, 0.5, Weights(), TODAY)
        .components["trl_shortfall"]
        .contribution
        for gap in (1, 2, 3)
    ]
    assert costs == pytest.approx([TRL_SHORTFALL_PENALTY * g / 3 for g in (1, 2, 3)], abs=1e-4)


def test_sharing_no_domain_costs_more_than_missing_the_trl_by_one_level() -> None:
    near_miss = score_pair(replace(STARTUP, trl=6), SCENARIO, 0.5, Weights(), TODAY)
    unrelated = replace(SCENARIO, domains=frozenset({"biopharma"}), min_trl=5)
    stranger = score_pair(STARTUP, unrelated, 0.5, Weights(), TODAY)
    assert stranger.components["no_shared_domain"].contribution == -NO_SHARED_DOMAIN_PENALTY
    assert (near_miss.score or 0) > (stranger.score or 0)
    # Only text similarity far higher lets the stranger through.
    assert (near_miss.score or 0) > (
        score_pair(STARTUP, unrelated, 0.6, Weights(), TODAY).score or 0
    )
    assert (near_miss.score or 0) < (
        score_pair(STARTUP, unrelated, 0.95, Weights(), TODAY).score or 0
    )


def test_a_penalty_never_takes_a_score_below_zero() -> None:
    bare = replace(STARTUP, domains=frozenset({"ai"}), trl=1, needs=frozenset())
    pair = score_pair(bare, replace(SCENARIO, region="abroad", country="DE"), 0.0, Weights(), TODAY)
    assert pair.score is not None
    assert pair.score >= 0
    assert round(sum(c.contribution for c in pair.components.values()), 4) == pair.score


def test_scenario_needs_discriminate_by_the_scenarios_collaboration_mode() -> None:
    wants_pilot = replace(STARTUP, needs=frozenset({"pilot_scenario"}))
    served = score_pair(wants_pilot, SCENARIO, 0.5, Weights(), TODAY).components["needs"]
    invest = replace(SCENARIO, modes=frozenset({"investment"}))
    unserved = score_pair(wants_pilot, invest, 0.5, Weights(), TODAY).components["needs"]
    assert (served.value, unserved.value) == (1.0, 0.0)


def test_history_weight_grows_with_the_decisions_and_is_absent_without_them() -> None:
    assert "history" not in score_pair(STARTUP, INCUBATOR, 0.5, Weights(), TODAY).components
    weights = []
    for n in (1, 4, 20):
        fit = HistoryFit(value=0.8, accepted=n, declined=0, like_accepted=n, like_declined=0)
        pair = score_pair(STARTUP, INCUBATOR, 0.5, Weights(), TODAY, fit)
        assert round(sum(c.contribution for c in pair.components.values()), 4) == pair.score
        weights.append(pair.components["history"].weight)
    assert weights == sorted(weights)
    assert weights[-1] <= Weights().history


def test_a_qualified_startup_beats_an_otherwise_identical_unqualified_one() -> None:
    qualified = score_pair(replace(STARTUP, trl=7), SCENARIO, 0.5, Weights(), TODAY)
    short = score_pair(STARTUP, SCENARIO, 0.5, Weights(), TODAY)
    assert (qualified.score or 0) > (short.score or 0)
    assert short.trl_shortfall == 2
    assert qualified.trl_shortfall == 0


def test_hard_exclusions() -> None:
    assert exclusion(replace(INCUBATOR, capacity=0), TODAY) == "the incubator has no open places"
    assert exclusion(replace(SCENARIO, status="closed"), TODAY) == "the scenario is closed"
    assert exclusion(replace(SCENARIO, deadline=date(2026, 1, 1)), TODAY) is not None
    assert exclusion(INCUBATOR, TODAY) is None


def test_reciprocal_term_punishes_one_sided_fits() -> None:
    both = score_pair(STARTUP, INCUBATOR, 0.5, Weights(), TODAY).components["reciprocal"]
    # The incubator covers the startup's asks, but takes neither its stage nor its TRL.
    one_sided = score_pair(
        replace(STARTUP, stage="growth", trl=9), INCUBATOR, 0.5, Weights(), TODAY
    ).components["reciprocal"]
    assert one_sided.value < both.value
