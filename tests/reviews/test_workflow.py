"""The double opt-in state machine, as pure functions."""

from __future__ import annotations

import itertools

import pytest

from matchmaker.reviews.workflow import (
    FINAL,
    Action,
    Decision,
    Side,
    State,
    TransitionRefused,
    apply,
    state_of,
)

S, T = Side.startup, Side.target


def test_state_follows_from_both_decisions() -> None:
    d = Decision
    assert state_of(None, None) is State.new
    assert state_of(d.shortlisted, None) is State.shortlisted
    assert state_of(None, d.accepted) is State.accepted
    assert state_of(d.shortlisted, d.accepted) is State.accepted
    assert state_of(d.accepted, d.accepted) is State.connected
    assert state_of(d.accepted, d.declined) is State.declined
    assert state_of(d.withdrawn, d.accepted) is State.withdrawn


def test_both_sides_accepting_connects_in_either_order() -> None:
    for first, second in ((S, T), (T, S)):
        one = apply(first, Action.accept, None, None)
        assert one.state is State.accepted
        startup, target = (one.decision, None) if first is S else (None, one.decision)
        two = apply(second, Action.accept, startup, target)
        assert two.state is State.connected


def test_repeating_ones_own_action_changes_nothing() -> None:
    for action, decision in zip(Action, Decision, strict=True):
        outcome = apply(S, action, decision, Decision.accepted)
        assert not outcome.changed
        assert outcome.decision is decision


@pytest.mark.parametrize(
    ("action", "own", "words"),
    [
        (Action.withdraw, None, "has not shortlisted or accepted"),
        (Action.shortlist, Decision.accepted, "already accepted"),
        (Action.decline, Decision.accepted, "withdraw instead"),
    ],
)
def test_steps_back_are_refused_with_a_reason(
    action: Action, own: Decision | None, words: str
) -> None:
    with pytest.raises(TransitionRefused, match=words):
        apply(S, action, own, None)


def test_nothing_but_a_repeat_happens_after_a_final_state() -> None:
    finals = [
        (Decision.declined, None),
        (None, Decision.withdrawn),
        (Decision.accepted, Decision.declined),
    ]
    for (startup, target), side, action in itertools.product(finals, Side, Action):
        assert state_of(startup, target) in FINAL
        own = startup if side is S else target
        if own is not None and own.value.startswith(action.value[:5]):
            continue  # the side's own final decision, repeated: idempotent
        with pytest.raises(TransitionRefused, match="which is final"):
            apply(side, action, startup, target)


def test_accepting_a_withdrawn_match_names_who_withdrew() -> None:
    with pytest.raises(TransitionRefused, match="withdrawn \\(by the other side\\)"):
        apply(S, Action.accept, Decision.shortlisted, Decision.withdrawn)


def test_every_reachable_pair_of_decisions_has_one_state() -> None:
    options = [None, *Decision]
    for startup, target in itertools.product(options, options):
        assert isinstance(state_of(startup, target), State)
