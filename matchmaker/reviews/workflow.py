"""The double opt-in state machine, as pure functions over one match's two decisions.

Each side (the startup, and the incubator, partner or scenario) holds one decision:
none, ``shortlisted``, ``accepted``, ``declined`` or ``withdrawn``. The match's state follows
from the pair:

- ``declined`` if either side declined, ``withdrawn`` if either side withdrew: both final;
- ``connected`` when both accepted (contact details are revealed to both sides);
- ``accepted`` when one side accepted;
- ``shortlisted`` when a side shortlisted and nobody accepted;
- ``new`` when nobody has acted (a record is created by the first action, so ``new`` is
  only ever the ``from_state`` of a match's first event).

Per side: ``shortlist`` needs no decision yet; ``accept`` needs none or a shortlist;
``decline`` needs none or a shortlist (a side that accepted withdraws instead);
``withdraw`` needs a shortlist or an accept. Repeating one's own last action changes
nothing. Anything else is refused with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    new = "new"
    shortlisted = "shortlisted"
    accepted = "accepted"
    connected = "connected"
    declined = "declined"
    withdrawn = "withdrawn"


class Action(StrEnum):
    shortlist = "shortlist"
    accept = "accept"
    decline = "decline"
    withdraw = "withdraw"


class Decision(StrEnum):
    shortlisted = "shortlisted"
    accepted = "accepted"
    declined = "declined"
    withdrawn = "withdrawn"


class Side(StrEnum):
    startup = "startup"
    target = "target"


FINAL = frozenset({State.declined, State.withdrawn})

_DECISION = {
    Action.shortlist: Decision.shortlisted,
    Action.accept: Decision.accepted,
    Action.decline: Decision.declined,
    Action.withdraw: Decision.withdrawn,
}
# Which of its own earlier decisions a side may move on from with each action.
_ALLOWED_FROM: dict[Action, frozenset[Decision | None]] = {
    Action.shortlist: frozenset({None}),
    Action.accept: frozenset({None, Decision.shortlisted}),
    Action.decline: frozenset({None, Decision.shortlisted}),
    Action.withdraw: frozenset({Decision.shortlisted, Decision.accepted}),
}


class TransitionRefused(Exception):
    """The action is not allowed from here; ``reason`` says why, for a person."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Outcome:
    """What an action does: the side's new decision and the match's new state."""

    decision: Decision
    state: State
    changed: bool


def state_of(startup: Decision | None, target: Decision | None) -> State:
    pair = {startup, target}
    if Decision.declined in pair:
        return State.declined
    if Decision.withdrawn in pair:
        return State.withdrawn
    if startup is Decision.accepted and target is Decision.accepted:
        return State.connected
    if Decision.accepted in pair:
        return State.accepted
    if Decision.shortlisted in pair:
        return State.shortlisted
    return State.new


def apply(side: Side, action: Action, startup: Decision | None, target: Decision | None) -> Outcome:
    """The outcome of ``side`` taking ``action``; raises TransitionRefused if it may not."""
    own, other = (startup, target) if side is Side.startup else (target, startup)
    state = state_of(startup, target)
    wanted = _DECISION[action]
    if own is wanted:
        return Outcome(wanted, state, changed=False)
    if state in FINAL:
        by = "your side" if own in (Decision.declined, Decision.withdrawn) else "the other side"
        raise TransitionRefused(
            f"cannot {action.value}: the match is {state.value} (by {by}), which is final"
        )
    if own not in _ALLOWED_FROM[action]:
        raise TransitionRefused(_refusal(action))
    # state_of treats both sides alike, so which of the two is ``wanted`` does not matter.
    return Outcome(wanted, state_of(wanted, other), changed=True)


def _refusal(action: Action) -> str:
    if action is Action.withdraw:
        return "cannot withdraw: your side has not shortlisted or accepted this match"
    # Final states were refused before: what is left is a step back after one's own accept.
    if action is Action.shortlist:
        return "cannot shortlist: your side has already accepted"
    return f"cannot {action.value}: your side already accepted; withdraw instead"
