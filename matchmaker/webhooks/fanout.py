"""Turn committed outbox rows into deliveries, one per subscribed webhook.

Runs in the worker, in one transaction per batch: the deliveries, the derived events and the
``dispatched_at`` mark commit together, so a crash re-reads the batch and the unique
(webhook, outbox row) pair keeps a re-read from doubling anything.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from matchmaker.kinds import BY_NAME, STARTUP
from matchmaker.matching.facts import facts_of
from matchmaker.matching.schemas import MatchRead
from matchmaker.matching.service import Matcher, MatchFilters, ref, to_read
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.webhooks import audience
from matchmaker.webhooks.events import PING, PROFILE_SAVED, EventType, emit
from matchmaker.webhooks.models import MatchNotice, OutboxEvent, Webhook, WebhookDelivery

BATCH = 100
MATCHES_PER_PROFILE = 10


def envelope(row: OutboxEvent) -> str:
    """The exact body every subscriber of this event receives (and that is signed)."""
    body = {
        "id": f"evt_{row.id}",
        "type": row.event,
        "created_at": row.created_at.astimezone(UTC).isoformat(),
        "data": row.payload,
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def dispatch(session: Session, matcher: Matcher | None) -> int:
    """Fan out up to BATCH undispatched rows; returns how many rows were handled."""
    stmt = select(OutboxEvent).where(OutboxEvent.dispatched_at.is_(None)).order_by(OutboxEvent.id)
    if session.get_bind().dialect.name == "postgresql":
        # Two workers (the app's and a CLI's) then take different rows instead of waiting.
        stmt = stmt.with_for_update(skip_locked=True)
    rows = list(session.scalars(stmt.limit(BATCH)))
    if not rows:
        return 0
    hooks: dict[int, list[Webhook]] = defaultdict(list)
    for hook in session.scalars(select(Webhook).where(Webhook.active.is_(True))):
        hooks[hook.account_id].append(hook)
    now = datetime.now(UTC)
    for row in rows:
        if row.event == PROFILE_SAVED:
            if matcher is not None:
                _derive_matches(session, matcher, row.payload, hooks)
        else:
            for hook in _subscribers(session, row, hooks):
                session.add(
                    WebhookDelivery(
                        webhook_id=hook.id,
                        outbox_id=row.id,
                        event=row.event,
                        body=envelope(row),
                        status="pending",
                        attempts=0,
                        next_attempt_at=now,
                    )
                )
        row.dispatched_at = now
    session.flush()
    return len(rows)


def _subscribers(
    session: Session, row: OutboxEvent, hooks: dict[int, list[Webhook]]
) -> list[Webhook]:
    if row.event == PING:
        return [h for h in hooks.get(row.account_id or 0, []) if h.id == row.payload["webhook_id"]]
    if row.account_id is not None:
        accounts = {row.account_id}
    elif row.event == EventType.match_state_changed:
        p = row.payload
        accounts = audience.accounts_of(session, STARTUP.name, p["startup_id"])
        accounts |= audience.accounts_of(session, p["target_kind"], p["target_id"])
    else:
        accounts = set()
    out = []
    for account in sorted(accounts):
        for hook in hooks.get(account, []):
            if row.event not in hook.events:
                continue
            if (
                row.event == EventType.match_found
                and row.payload["match"]["score"] < hook.min_score
            ):
                continue
            out.append(hook)
    return out


def _opposite(kind: ProfileKind) -> list[ProfileKind]:
    if kind.name == STARTUP.name:
        return [BY_NAME["incubator"], BY_NAME["partner"], BY_NAME["scenario"]]
    return [STARTUP]


def _derive_matches(
    session: Session, matcher: Matcher, payload: dict[str, Any], hooks: dict[int, list[Webhook]]
) -> None:
    """A saved profile: announce it as match.found to every subscriber it newly fits."""
    kind = BY_NAME[payload["kind"]]
    profile = session.get(kind.model, payload["id"])
    if profile is None or matcher.problem():
        return
    thresholds = {
        account: min(h.min_score for h in account_hooks if EventType.match_found in h.events)
        for account, account_hooks in hooks.items()
        if any(EventType.match_found in h.events for h in account_hooks)
    }
    owners = audience.accounts_of(session, kind.name, profile.id)
    for account, threshold in sorted(thresholds.items()):
        if account in owners:
            found = _matches_of_own(session, matcher, kind, profile, threshold)
        else:
            found = _fits_for_theirs(session, matcher, kind, profile, account, threshold)
        for mine_kind, mine, match in found:
            _announce(session, account, mine_kind, mine, match)


def _matches_of_own(
    session: Session, matcher: Matcher, kind: ProfileKind, profile: Any, threshold: float
) -> list[tuple[ProfileKind, Any, MatchRead]]:
    filters = MatchFilters(min_score=threshold, limit=MATCHES_PER_PROFILE)
    out = []
    for target in _opposite(kind):
        for m in matcher.matches(session, kind, profile, target, filters).matches:
            if m.score is not None:
                out.append((kind, profile, m))
    return out


def _fits_for_theirs(
    session: Session,
    matcher: Matcher,
    kind: ProfileKind,
    profile: Any,
    account: int,
    threshold: float,
) -> list[tuple[ProfileKind, Any, MatchRead]]:
    """How ``profile`` scores for the account's own profiles of the other side, best first."""
    vector = matcher.vector_of(kind, profile)
    facts = facts_of(kind.name, profile)
    out = []
    for theirs_kind in _opposite(kind):
        ids = audience.profiles_of(session, account, theirs_kind.name)
        if not ids:
            continue
        for other_id, _ in matcher.search(theirs_kind, vector, MATCHES_PER_PROFILE, ids):
            theirs = session.get(theirs_kind.model, other_id)
            # The same rule the engine applies: a declined pair is never proposed again.
            if theirs is None or matcher.excluded(
                session, theirs_kind.name, other_id, kind.name, profile.id
            ):
                continue
            if kind.name == STARTUP.name:
                pair = matcher.score_pair(session, profile, theirs_kind.name, theirs)
            else:
                pair = matcher.score_pair(session, theirs, kind.name, profile)
            if pair.excluded or pair.score is None or pair.score < threshold:
                continue
            out.append((theirs_kind, theirs, to_read(pair, facts)))
    return out


def _announce(
    session: Session, account: int, mine_kind: ProfileKind, mine: Any, match: MatchRead
) -> None:
    if mine_kind.name == STARTUP.name:
        startup_id, target_kind, target_id = mine.id, str(match.profile.kind), match.profile.id
    else:
        startup_id, target_kind, target_id = match.profile.id, mine_kind.name, mine.id
    key = (account, startup_id, target_kind, target_id)
    if session.get(MatchNotice, key) is not None:
        return
    session.add(
        MatchNotice(
            account_id=account,
            startup_id=startup_id,
            target_kind=target_kind,
            target_id=target_id,
        )
    )
    emit(
        session,
        EventType.match_found,
        {
            "profile": ref(mine_kind.name, mine).model_dump(mode="json"),
            "match": match.model_dump(mode="json"),
        },
        account_id=account,
    )
