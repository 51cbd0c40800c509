"""What the pages need, composed from the services the API uses; no rule is decided here.

Who may see or change what comes from ``matchmaker.access.policy``; states, transitions and
contacts from ``matchmaker.reviews``; scores and explanations from ``matchmaker.matching``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from matchmaker.access import policy
from matchmaker.access import service as access
from matchmaker.access import sessions as web_sessions
from matchmaker.access.models import Account
from matchmaker.access.principal import Principal
from matchmaker.errors import NotFound
from matchmaker.kinds import BY_NAME, STARTUP
from matchmaker.matching.facts import facts_of
from matchmaker.matching.schemas import MatchRead
from matchmaker.matching.service import Matcher, to_read
from matchmaker.profiles import service as profiles
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.profiles.models import ProfileBase
from matchmaker.reviews import service as reviews
from matchmaker.reviews.models import TARGET_KINDS, Match, MatchEvent
from matchmaker.reviews.schemas import Contacts, MatchActionCreate
from matchmaker.reviews.service import Scorer
from matchmaker.reviews.workflow import Action, Decision, Side, TransitionRefused, apply

# Enough for any one incubator's review queue; the pages say when a list was cut.
MAX_RECORDS = 500


def principal_for(session: Session, token: str | None) -> Principal | None:
    """The principal of a signed-in session, or None once it ended or its key stopped working."""
    key = web_sessions.live_key(session, token)
    account = session.get(Account, key.account_id) if key is not None else None
    if key is None or account is None:
        return None
    return access.principal_of(session, account, key.id)


def sign_in(session: Session, plaintext: str) -> tuple[Principal, str]:
    """The principal behind an API key (401 exactly as the API would answer) and the token
    of the new server-side session."""
    principal = access.authenticate(session, plaintext)
    return principal, web_sessions.start(session, principal)


def sign_out(session: Session, token: str | None) -> None:
    """End the session on the server: its cookie, or any copy of it, opens nothing after."""
    web_sessions.end(session, token)


def managed(session: Session, principal: Principal, kind: ProfileKind) -> list[ProfileBase]:
    """The profiles of ``kind`` this principal manages (the policy's own clause)."""
    model = kind.model
    stmt = select(model).where(policy.managed_clause(principal, kind.name)).order_by(model.id)
    return list(session.scalars(stmt.limit(MAX_RECORDS)))


def may_create(principal: Principal, kind: str) -> bool:
    return principal.role in policy.CREATORS[kind]


def records(session: Session, principal: Principal, filters: dict[str, int | None]) -> list[Match]:
    """Every match record the principal may see that fits ``filters`` (id order)."""
    out: list[Match] = []
    cursor: str | None = None
    while len(out) < MAX_RECORDS:
        page, cursor = reviews.list_page(session, principal, filters, [], 100, cursor)
        out.extend(page)
        if cursor is None:
            break
    return out


def allowed_actions(side: Side, record: Match | None) -> list[Action]:
    """The actions the workflow accepts from ``side`` now (repeats excluded)."""
    startup = Decision(record.startup_decision) if record and record.startup_decision else None
    target = Decision(record.target_decision) if record and record.target_decision else None
    allowed = []
    for action in Action:
        try:
            if apply(side, action, startup, target).changed:
                allowed.append(action)
        except TransitionRefused:
            continue
    return allowed


def explain(
    session: Session, matcher: Matcher, startup: Any, kind: str, target: Any, side: Side
) -> MatchRead | None:
    """The engine's current explained score of one pair, from ``side``'s point of view.

    The engine's ``score_pair``, as in a ranked list, for pairs shown outside one: match
    records and detail pages. None while the index holds another model's vectors.
    """
    if matcher.problem():
        return None
    pair = matcher.score_pair(session, startup, kind, target)
    other = facts_of(kind, target) if side is Side.startup else facts_of(STARTUP.name, startup)
    return to_read(pair, other)


@dataclass
class Card:
    """One startup–target pair as a page shows it, for the side the viewer acts for."""

    startup: Any
    kind: str
    target: Any
    side: Side
    match: MatchRead | None
    record: Match | None
    actions: list[Action]

    @property
    def other(self) -> Any:
        return self.target if self.side is Side.startup else self.startup

    @property
    def other_kind(self) -> str:
        return self.kind if self.side is Side.startup else STARTUP.name

    @property
    def state(self) -> str:
        return self.record.state if self.record else "new"

    @property
    def score(self) -> float | None:
        return self.match.score if self.match else None


def card(
    startup: Any,
    kind: str,
    target: Any,
    side: Side,
    match: MatchRead | None,
    record: Match | None,
) -> Card:
    return Card(startup, kind, target, side, match, record, allowed_actions(side, record))


@dataclass
class PairView:
    """A pair's detail page: the card, the full history and, once connected, contacts."""

    card: Card
    sides: list[Side]
    events: list[MatchEvent]
    contacts: Contacts | None


def viewer_sides(principal: Principal, startup: Any, kind: str, target: Any) -> list[Side]:
    sides = []
    if policy.can_manage(principal, STARTUP.name, startup):
        sides.append(Side.startup)
    if policy.can_manage(principal, kind, target):
        sides.append(Side.target)
    return sides


def pair_view(
    session: Session,
    matcher: Matcher,
    principal: Principal,
    startup_id: int,
    kind: str,
    target_id: int,
    wanted: Side | None,
) -> PairView:
    """The pair for someone who manages one of its sides; 404 for anyone else."""
    if kind not in TARGET_KINDS:
        raise NotFound(f"no kind {kind}")
    startup = profiles.get(session, STARTUP, startup_id)
    target = profiles.get(session, BY_NAME[kind], target_id)
    sides = viewer_sides(principal, startup, kind, target)
    if not sides:  # the same answer as for a match record one is not a party to
        raise NotFound(f"no match of startup {startup_id} with {kind} {target_id}")
    side = wanted if wanted in sides else sides[-1]
    filters: dict[str, int | None] = {"startup_id": startup.id, f"{kind}_id": target.id}
    found, _ = reviews.list_page(session, principal, filters, [], 1, None)
    record = found[0] if found else None
    events = reviews.events(session, principal, record.id) if record else []
    contacts = reviews.contacts(session, record) if record else None
    shown = card(
        startup, kind, target, side, explain(session, matcher, startup, kind, target, side), record
    )
    return PairView(shown, sides, events, contacts)


def act(
    session: Session,
    principal: Principal,
    body: MatchActionCreate,
    scorer: Scorer | None,
) -> Match:
    """The API's action, unchanged: the review service decides everything."""
    match, _ = reviews.act(session, principal, body, scorer)
    return match


def get_record(session: Session, principal: Principal, match_id: int) -> Match:
    return reviews.get(session, principal, match_id)
