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


def _oracle(
    side: Side, action: Action, startup: Decision | None, target: Decision | None
) -> tuple[Decision | None, Decision | None] | None:
    """The module docstring's rules, re-stated as a table: the pair of decisions after the
    action, None when it is refused."""
    own = startup if side is S else target
    wanted = {
        Action.shortlist: Decision.shortlisted,
        Action.accept: Decision.accepted,
        Action.decline: Decision.declined,
        Action.withdraw: Decision.withdrawn,
    }[action]
    if own == wanted:
        return startup, target
    finished = {Decision.declined, Decision.withdrawn}
    if startup in finished or target in finished:
        return None
    may_follow: dict[Action, list[Decision | None]] = {
        Action.shortlist: [None],
        Action.accept: [None, Decision.shortlisted],
        Action.decline: [None, Decision.shortlisted],
        Action.withdraw: [Decision.shortlisted, Decision.accepted],
    }
    if own not in may_follow[action]:
        return None
    return (wanted, target) if side is S else (startup, wanted)


def _state_oracle(startup: Decision | None, target: Decision | None) -> State:
    both = [startup, target]
    if Decision.declined in both:
        return State.declined
    if Decision.withdrawn in both:
        return State.withdrawn
    if both.count(Decision.accepted) == 2:
        return State.connected
    if Decision.accepted in both:
        return State.accepted
    return State.shortlisted if Decision.shortlisted in both else State.new


def test_every_action_from_every_pair_of_decisions_follows_the_rules() -> None:
    options = [None, *Decision]
    for startup, target, side, action in itertools.product(options, options, Side, Action):
        expected = _oracle(side, action, startup, target)
        if expected is None:
            with pytest.raises(TransitionRefused):
                apply(side, action, startup, target)
            continue
        outcome = apply(side, action, startup, target)
        assert outcome.state is _state_oracle(*expected)
        assert outcome.decision is (expected[0] if side is S else expected[1])
        assert outcome.changed == (expected != (startup, target))


@pytest.mark.parametrize(
    ("side", "startup", "target", "words"),
    [
        (S, Decision.declined, None, "declined (by your side)"),
        (T, None, Decision.withdrawn, "withdrawn (by your side)"),
        (T, Decision.declined, Decision.shortlisted, "declined (by the other side)"),
    ],
)
def test_a_refusal_after_a_final_state_says_which_side_ended_it(
    side: Side, startup: Decision | None, target: Decision | None, words: str
) -> None:
    with pytest.raises(TransitionRefused) as refused:
        apply(side, Action.accept, startup, target)
    assert refused.value.reason == f"cannot accept: the match is {words}, which is final"


@pytest.mark.parametrize(
    ("action", "own", "reason"),
    [
        (Action.withdraw, None, "cannot withdraw: your side has not shortlisted or accepted"),
        (Action.shortlist, Decision.accepted, "cannot shortlist: your side has already accepted"),
        (Action.decline, Decision.accepted, "cannot decline: your side already accepted"),
    ],
)
def test_refusals_name_the_sides_own_decision(
    action: Action, own: Decision | None, reason: str
) -> None:
    with pytest.raises(TransitionRefused) as refused:
        apply(T, action, None, own)
    assert refused.value.reason.startswith(reason)
    assert str(refused.value) == refused.value.reason


def test_the_state_does_not_depend_on_which_side_holds_which_decision() -> None:
    options = [None, *Decision]
    for startup, target in itertools.product(options, options):
        assert state_of(startup, target) is state_of(target, startup)
