"""Acting on matches, reading them and their history. Flushes, never commits.

Which side a caller acts for comes from its key (see ``matchmaker.access.policy``): the
startup side if it manages the startup, the target side if it manages the incubator,
partner or scenario. A caller that manages both (an admin, or a platform that submitted both
profiles) says which with ``as_side``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from matchmaker.access import policy
from matchmaker.access.principal import Principal
from matchmaker.db import WROTE_MATCHES
from matchmaker.error_schemas import AccessDetail, ResourceRef, TransitionDetail
from matchmaker.errors import Conflict, Forbidden, InvalidInput, NotFound
from matchmaker.profiles.service import decode_cursor, encode_cursor
from matchmaker.reviews import repository
from matchmaker.reviews.models import Match, MatchEvent
from matchmaker.reviews.schemas import Contacts, MatchActionCreate
from matchmaker.reviews.workflow import Decision, Side, State, TransitionRefused, apply
from matchmaker.webhooks import events as webhook_events


@dataclass(frozen=True)
class Snapshot:
    """The engine's score of a pair at the moment of a decision, and what produced it."""

    score: float | None
    model: str | None
    ranking_version: str | None


NO_SNAPSHOT = Snapshot(None, None, None)
# (session, startup, target kind, target) -> the pair's current score
Scorer = Callable[[Session, Any, str, Any], Snapshot]


class InvalidTransition(Conflict):
    """The action is not allowed in the match's current state."""

    code = "invalid_transition"
    detail_type = TransitionDetail


def act(
    session: Session,
    principal: Principal,
    body: MatchActionCreate,
    scorer: Scorer | None = None,
) -> tuple[Match, bool]:
    """Apply one side's action; returns the record and whether this call created it."""
    startup = _load(session, "startup", body.startup_id)
    target_kind, target_id = body.target
    target = _load(session, target_kind, target_id)
    side = _side(principal, startup, target_kind, target, body.as_side)
    match = repository.find_pair(session, startup.id, target_kind, target.id, lock=True)
    created = match is None
    outcome = _outcome(side, body, match)
    if not outcome.changed:
        assert match is not None  # a new record always changes something
        return match, False
    if match is None:
        match = _insert(session, startup.id, target_kind, target.id)
    snapshot = scorer(session, startup, target_kind, target) if scorer else NO_SNAPSHOT
    from_state = match.state
    if side is Side.startup:
        match.startup_decision = outcome.decision.value
    else:
        match.target_decision = outcome.decision.value
    match.state = outcome.state.value
    match.score, match.model = snapshot.score, snapshot.model
    match.ranking_version = snapshot.ranking_version
    session.add(
        MatchEvent(
            match_id=match.id,
            actor_account_id=principal.account_id,
            side=side.value,
            action=body.action.value,
            from_state=from_state,
            to_state=outcome.state.value,
            reason=body.reason.value if body.reason else None,
            note=body.note,
            score=snapshot.score,
            model=snapshot.model,
            ranking_version=snapshot.ranking_version,
        )
    )
    session.info[WROTE_MATCHES] = True
    try:
        session.flush()
    except StaleDataError as exc:
        raise Conflict(f"match {match.id} changed while you acted on it; try again") from exc
    # In this transaction: the state change and its webhook event commit (or not) together.
    webhook_events.match_state_changed(session, match, from_state, body.action.value, side.value)
    return match, created


def get(session: Session, principal: Principal, match_id: int) -> Match:
    """A match the caller is a party to (any, for an admin); 404 otherwise."""
    match = session.get(Match, match_id)
    if match is None or not _is_party(session, principal, match):
        raise NotFound(f"no match with id {match_id}", ResourceRef(kind="match", id=match_id))
    return match


def list_page(
    session: Session,
    principal: Principal,
    filters: dict[str, int | None],
    states: list[str],
    limit: int,
    cursor: str | None,
) -> tuple[list[Match], str | None]:
    """The caller's matches (both sides), filtered, in id order."""
    after = decode_cursor(cursor) if cursor is not None else None
    rows = repository.page(session, principal, filters, states, limit, after)
    next_cursor = encode_cursor(rows[limit - 1].id) if len(rows) > limit else None
    return rows[:limit], next_cursor


def events(session: Session, principal: Principal, match_id: int) -> list[MatchEvent]:
    """The full, ordered history of a match the caller is a party to."""
    match = get(session, principal, match_id)
    return repository.events_of(session, match.id)


def contacts(session: Session, match: Match) -> Contacts | None:
    """Both sides' contact emails while the match is connected; never before (or after)."""
    if match.state != State.connected:
        return None
    startup = _load(session, "startup", match.startup_id)
    target = _load(session, match.target_kind, match.target_id)
    email = target.contact_email
    if match.target_kind == "scenario" and not email and target.publisher_partner_id:
        publisher = session.get(policy.MODELS["partner"], target.publisher_partner_id)
        email = publisher.contact_email if publisher else None
    return Contacts(startup_email=startup.contact_email, target_email=email)


def _outcome(side: Side, body: MatchActionCreate, match: Match | None) -> Any:
    startup_decision = _decision(match.startup_decision) if match else None
    target_decision = _decision(match.target_decision) if match else None
    try:
        return apply(side, body.action, startup_decision, target_decision)
    except TransitionRefused as exc:
        detail = TransitionDetail(
            match_id=match.id if match else None,
            state=match.state if match else State.new.value,
            side=side.value,
            action=body.action.value,
        )
        raise InvalidTransition(exc.reason, detail) from exc


def _insert(session: Session, startup_id: int, target_kind: str, target_id: int) -> Match:
    match = Match(startup_id=startup_id, target_kind=target_kind, state=State.new.value)
    setattr(match, f"{target_kind}_id", target_id)
    session.add(match)
    try:
        session.flush()
    except IntegrityError as exc:
        # Both sides acted on a new pair at once and the other insert won. A savepoint could
        # recover here, but pysqlite's savepoints would commit the outer transaction.
        raise Conflict("the other side acted on this match at the same time; try again") from exc
    return match


def _decision(value: str | None) -> Decision | None:
    return Decision(value) if value else None


def _load(session: Session, kind: str, profile_id: int) -> Any:
    obj = session.get(policy.MODELS[kind], profile_id)
    if obj is None:
        raise NotFound(f"no {kind} with id {profile_id}", ResourceRef(kind=kind, id=profile_id))
    return obj


def _side(
    principal: Principal, startup: Any, target_kind: str, target: Any, wanted: Side | None
) -> Side:
    sides = []
    if policy.can_manage(principal, "startup", startup):
        sides.append(Side.startup)
    if policy.can_manage(principal, target_kind, target):
        sides.append(Side.target)
    if not sides:
        raise Forbidden(
            f"this key manages neither startup {startup.id} nor {target_kind} {target.id}",
            AccessDetail(
                role=principal.role.value, kind=target_kind, id=target.id, startup_id=startup.id
            ),
        )
    if wanted is not None:
        if wanted not in sides:
            raise Forbidden(f"this key cannot act for the {wanted.value} side of this match")
        return wanted
    if len(sides) > 1:
        raise InvalidInput("as_side", "this key manages both sides; say which: startup or target")
    return sides[0]


def _is_party(session: Session, principal: Principal, match: Match) -> bool:
    if principal.is_admin:
        return True
    startup = _load(session, "startup", match.startup_id)
    if policy.can_manage(principal, "startup", startup):
        return True
    target = _load(session, match.target_kind, match.target_id)
    return policy.can_manage(principal, match.target_kind, target)
