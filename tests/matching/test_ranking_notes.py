"""What score_pair says about a pair besides its score, and what the reason picks from it
(found by mutation testing, docs/testing.md): the pair's identity, rounding as shown, each
component's note and message, the reciprocal asks, history and the costs in the reason. No
model: similarity is a number; expectations are re-computed from scoring.py's component
functions or written out."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from statistics import fmean

import pytest

from matchmaker.matching.history import HistoryFit
from matchmaker.matching.messages import Message
from matchmaker.matching.ranking import rank_key, reason, reason_parts, score_pair
from matchmaker.matching.scoring import (
    NO_SHARED_DOMAIN_PENALTY,
    STALE_PENALTY,
    Component,
    PairScore,
    Weights,
    exclusion,
    needs_fit,
    reciprocal_note,
    region_fit,
    stage_fit,
    trl_fit,
)
from tests.matching.test_scoring_arithmetic import INCUBATOR, SCENARIO, STARTUP, TODAY


def test_a_pair_score_names_its_pair_and_rounds_as_shown() -> None:
    pair = score_pair(STARTUP, INCUBATOR, 0.612345, Weights(), TODAY)
    assert (pair.startup_id, pair.target_kind, pair.target_id) == (1, "incubator", 2)
    assert pair.similarity == 0.6123
    semantic = pair.components["semantic"]
    assert semantic.value == 0.6123
    assert semantic.message == Message("semantic", {"similarity": 0.61})
    # Each weight is its share of the weights of the components that apply, to 4 places.
    w = Weights()
    names = [n for n in pair.components if n in ("semantic", "domain", "stage", "trl")]
    names += ["region", "needs", "reciprocal"]
    total = sum(w.of(n) for n in set(names))
    assert semantic.weight == round(w.semantic / total, 4)
    assert pair.matched_domains == sorted(STARTUP.domains & INCUBATOR.domains)
    needs = needs_fit(STARTUP, INCUBATOR)
    assert needs is not None
    assert pair.matched_needs == needs[2]
    assert pair.excluded is None
    # Every note is its message in English; a component without a message has no note.
    for name, c in pair.components.items():
        assert c.note == (c.message.english if c.message else ""), name
    assert pair.components["domain"].message == Message(
        "domain_shared", {"domains": pair.matched_domains}
    )
    # No TRL shortfall against an incubator: no penalty component at all.
    assert "trl_shortfall" not in pair.components


def test_a_closed_target_is_scored_and_marked_excluded() -> None:
    late = replace(SCENARIO, deadline=TODAY - timedelta(days=1))
    pair = score_pair(STARTUP, late, 0.5, Weights(), TODAY)
    assert pair.excluded is not None
    assert pair.excluded == exclusion(late, TODAY)


def test_no_shared_domain_has_no_domain_note_and_its_cost_is_in_the_reason() -> None:
    other = replace(INCUBATOR, domains=frozenset({"agritech"}))
    pair = score_pair(STARTUP, other, 0.9, Weights(), TODAY)
    domain = pair.components["domain"]
    assert (domain.value, domain.message, domain.note) == (0.0, None, "")
    penalty = pair.components["no_shared_domain"]
    assert penalty.contribution == -NO_SHARED_DOMAIN_PENALTY
    assert penalty.message == Message("no_shared_domain")
    cost = round(NO_SHARED_DOMAIN_PENALTY, 2)
    assert reason_parts(pair, "Lab")[-1] == Message("reason_no_shared_domain", {"cost": cost})
    assert reason(pair, "Lab").endswith(f"; {cost:.2f} for no shared domain.")


def test_a_shortfall_of_one_level_costs_a_third_of_the_penalty_in_four_places() -> None:
    short = replace(STARTUP, trl=6)  # SCENARIO asks for TRL 7
    pair = score_pair(short, SCENARIO, 0.6, Weights(), TODAY)
    penalty = pair.components["trl_shortfall"]
    assert penalty.value == 0.3333
    assert penalty.message == Message("trl_shortfall", {"gap": 1})


def test_the_reciprocal_note_gives_each_sides_asks_to_two_places() -> None:
    s = replace(STARTUP, domains=frozenset({"robotics", "ai", "quantum"}))
    t = replace(INCUBATOR, domains=frozenset({"robotics", "photonics"}))
    pair = score_pair(s, t, 0.5, Weights(), TODAY)
    needs, stage, trl = needs_fit(s, t), stage_fit(s, t), trl_fit(s, t)
    forward = fmean([1 / 3, region_fit(s, t)[0]] + ([needs[0]] if needs else []))
    backward = fmean([1 / 2] + ([stage[0]] if stage else []) + ([trl[0]] if trl else []))
    message = pair.components["reciprocal"].message
    assert message == Message(
        "reciprocal", {"forward": round(forward, 2), "backward": round(backward, 2)}
    )
    # Both asks have more than two decimals here, so the rounding shows.
    assert round(forward, 2) != round(forward, 3)
    assert round(backward, 2) != round(backward, 3)


@pytest.mark.parametrize(
    ("forward", "backward", "code"),
    [
        (0.8, 0.5, "reciprocal"),
        (0.497, 0.9, "reciprocal"),  # shown as 0.50: met, as it reads
        (0.494, 0.9, "reciprocal_startup_unmet"),
        (0.9, 0.0, "reciprocal_target_unmet"),
        (0.38, 0.0, "reciprocal_neither"),
    ],
)
def test_the_reciprocal_note_names_the_side_whose_asks_are_not_met(
    forward: float, backward: float, code: str
) -> None:
    asks = {"forward": round(forward, 2), "backward": round(backward, 2)}
    assert reciprocal_note(forward, backward) == Message(code, asks)


def test_a_pair_that_fits_neither_way_is_not_said_to_fit_both_ways() -> None:
    far = replace(STARTUP, stage="idea", trl=1, domains=frozenset({"quantum"}))
    reciprocal = score_pair(far, INCUBATOR, 0.5, Weights(), TODAY).components["reciprocal"]
    assert reciprocal.value < 0.35
    assert reciprocal.message is not None
    assert reciprocal.message.code == "reciprocal_neither"
    assert reciprocal.note.startswith("fits neither way: both sides' asks are mostly not met (")


def test_a_targets_history_is_noted_for_its_kind_and_named_in_the_reason() -> None:
    fit = HistoryFit(value=0.5, accepted=6, declined=2, like_accepted=4, like_declined=0)
    pair = score_pair(STARTUP, INCUBATOR, 0.2, Weights(), TODAY, fit)
    history = pair.components["history"]
    assert history.message == fit.note("incubator")
    # History at 0.5 is named (like shared domains, from a quarter), right after the domain.
    parts = reason_parts(pair, "Lab")
    assert [p.code for p in parts[1:3]] == ["domain_shared", "history"]
    # A history that found no startup like this one says nothing in favour of the pair.
    none_alike = replace(fit, like_accepted=0)
    pair = score_pair(STARTUP, INCUBATOR, 0.2, Weights(), TODAY, none_alike)
    assert "accepted no startup" in pair.components["history"].note
    assert "history" not in [p.code for p in reason_parts(pair, "Lab")]


def test_a_partly_covered_need_is_named_in_the_reason_by_what_is_offered() -> None:
    s = replace(STARTUP, needs=frozenset({"pilot_line", "funding", "mentoring", "lab_equipment"}))
    t = replace(INCUBATOR, services=frozenset({"pilot_line", "mentoring", "lab_equipment"}))
    pair = score_pair(s, t, 0.2, Weights(), TODAY)
    needs = pair.components["needs"]
    assert needs.value == 0.75
    assert needs.message is not None
    assert needs.message.code == "needs_offers_missing"
    covered = needs.message.params["covered"]
    assert Message("needs_offers", {"covered": covered}) in reason_parts(pair, "Lab")
    assert "offers lab equipment, mentoring, pilot line" in reason(pair, "Lab")
    assert "does not offer" not in reason(pair, "Lab")
    # And the hint says what is missing.
    assert pair.hints[-1] == Message(
        "hint_needs_missing", {"kind": "incubator", "missing": ["funding"]}
    )


def _strong(names: dict[str, tuple[float, float]]) -> PairScore:
    """A pair with the named components at (value, contribution), each with a message."""
    components = {
        name: Component(value, 0.1, contribution, f"{name} note", Message("note", {"text": name}))
        for name, (value, contribution) in names.items()
    }
    return PairScore(
        startup_id=1,
        target_kind="incubator",
        target_id=2,
        similarity=0.9,
        score=0.8,
        raw_score=0.8,
        components=components,
        matched_domains=[],
        matched_needs=[],
    )


def test_the_reason_orders_criteria_by_kind_not_by_contribution() -> None:
    # In each pair the criterion named first contributes less, and still comes first.
    for first, second in (
        ("domain", "history"),
        ("history", "needs"),
        ("needs", "trl"),
        ("region", "stage"),
        ("stage", "semantic"),
    ):
        pair = _strong({second: (0.9, 0.3), first: (0.8, 0.1)})
        texts = [p.params["text"] for p in reason_parts(pair, "Lab")[1:]]
        assert texts == [first, second], (first, second)
    # At most three, the first three kinds.
    every = {n: (0.9, 0.1) for n in ("semantic", "stage", "region", "trl", "needs", "domain")}
    texts = [p.params["text"] for p in reason_parts(_strong(every), "Lab")[1:]]
    assert texts == ["domain", "needs", "trl"]


def _updated(days_ago: int) -> datetime:
    day = TODAY - timedelta(days=days_ago)
    return datetime(day.year, day.month, day.day, 15, 30, tzinfo=UTC)


def test_a_stale_target_costs_a_fifth_of_the_rest_to_four_places_and_says_how_to_fix_it() -> None:
    weights = Weights(semantic=0.3, domain=0.25, stale_after_days=365)  # these sum to 1.05
    old = replace(INCUBATOR, updated_at=_updated(400))
    pair = score_pair(STARTUP, old, 0.61, weights, TODAY)
    positive = sum(c.contribution for n, c in pair.components.items() if c.contribution > 0)
    penalty = pair.components["stale_profile"]
    cost = round(positive * STALE_PENALTY, 4)
    assert cost != round(positive * STALE_PENALTY, 5)  # the rounding shows here
    assert penalty.contribution == -cost
    # Weights are shares of their sum, to four places.
    assert pair.components["semantic"].weight == round(0.3 / 1.05, 4)
    assert pair.hints[-1] == Message("hint_stale", {"kinds": ["incubator"], "days": 365})
    assert pair.matched_needs == ["pilot_line"]
    # Without needs there is nothing matched, and no needs component.
    plain = score_pair(replace(STARTUP, needs=frozenset()), old, 0.61, weights, TODAY)
    assert plain.matched_needs == []
    assert "needs" not in plain.components


def test_rank_key_scores_as_of_the_day_it_is_given() -> None:
    # Updated exactly a threshold ago: not stale on TODAY, stale on any later day.
    weights = Weights(stale_after_days=365)
    edge = replace(INCUBATOR, updated_at=_updated(365))
    on_today = score_pair(STARTUP, edge, 0.6, weights, TODAY)
    assert "stale_profile" not in on_today.components
    assert rank_key(STARTUP, edge, 0.6, weights, None, TODAY) == (
        on_today.score,
        on_today.raw_score,
    )


def test_the_reason_gives_each_cost_to_two_places() -> None:
    components = {
        "domain": Component(0.0, 0.2, 0.0),
        "trl_shortfall": Component(1 / 3, 0.18, -0.0537, "below"),
        "no_shared_domain": Component(1.0, 0.05, -0.0466, "none shared"),
        # Built by hand without a message: the cost alone.
        "stale_profile": Component(1.0, 0.2, -0.0123, "old"),
    }
    pair = PairScore(
        startup_id=1,
        target_kind="scenario",
        target_id=3,
        similarity=0.1,
        score=0.2,
        raw_score=0.2,
        components=components,
        matched_domains=[],
        matched_needs=[],
        trl_shortfall=1,
    )
    assert reason_parts(pair, "Pilot")[1:] == [
        Message("reason_trl_shortfall", {"cost": 0.05, "gap": 1}),
        Message("reason_no_shared_domain", {"cost": 0.05}),
        Message("reason_stale", {"cost": 0.01}),
    ]


def test_a_domain_share_of_exactly_a_quarter_is_named_in_the_reason() -> None:
    s = replace(STARTUP, domains=frozenset({"robotics", "quantum", "photonics", "biomedicine"}))
    pair = score_pair(s, INCUBATOR, 0.2, Weights(), TODAY)
    assert pair.components["domain"].value == 0.25
    assert "domain_shared" in [p.code for p in reason_parts(pair, "Lab")]


def test_a_penalty_that_found_nothing_left_is_not_a_cost_in_the_reason() -> None:
    """A startup far below a scenario's TRL that shares nothing with it: the shortfall takes
    what the score had, so the missing domain takes nothing, shown as 0.0, not -0.0, and the
    reason does not count it as a cost."""
    far = replace(STARTUP, trl=1, domains=frozenset({"agritech"}))
    pair = score_pair(far, SCENARIO, 0.0, Weights(semantic=0.0), TODAY)
    assert pair.score == 0.0
    penalty = pair.components["no_shared_domain"]
    assert penalty.contribution == 0.0
    assert math.copysign(1.0, penalty.contribution) == 1.0
    codes = [m.code for m in reason_parts(pair, "Pilot")]
    assert "reason_no_shared_domain" not in codes
    assert sum(c.contribution for c in pair.components.values()) == pytest.approx(0.0, abs=1e-9)
