"""Merge one profile into another of the same kind, keeping every match and its history.

What the merged profile had moves to the kept one: its matches with their events, camp
applications, rankings and assignments (startups), camp places and account bindings
(incubators, partners), published scenarios (partners), match notices and import
references. Where both profiles have a match with the same other side, the record in the
more advanced state survives (``ADVANCE``: connected, accepted, declined or withdrawn,
shortlisted, new; a tie keeps the kept profile's record) and the other record's events are
moved onto it, so both histories stay readable in one timeline. Where both applied to (or
were ranked in, or placed in) the same camp, the kept profile's entry stays and the merged
one's is dropped; both hosting the same camp is refused (409): their places, rankings and
assignments cannot be joined without a person deciding.

The merged profile is then deleted through ``profiles.service.remove``, so its embedding,
index entry and filter masks go exactly as for any delete. Nothing commits here: the request's
session owns the one transaction.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session, aliased

from matchmaker.access.models import AccountIncubator, AccountPartner
from matchmaker.camps.models import (
    CampApplication,
    CampAssignment,
    CampAssignmentEvent,
    CampHost,
    CampHostRanking,
)
from matchmaker.duplicates.models import ProfileMerge
from matchmaker.error_schemas import ResourceRef
from matchmaker.errors import Conflict, InvalidInput
from matchmaker.imports.models import ExternalRef
from matchmaker.kinds import SCENARIO
from matchmaker.profiles import service as profiles
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.reviews.models import Match, MatchEvent
from matchmaker.scenarios.models import Scenario
from matchmaker.webhooks.models import MatchNotice

log = logging.getLogger(__name__)

# How far a match went: the survivor of two records of one pair is the one further along.
ADVANCE = {
    "new": 0,
    "shortlisted": 1,
    "declined": 2,
    "withdrawn": 2,
    "accepted": 3,
    "connected": 4,
}


def merge(
    session: Session,
    kind: ProfileKind,
    keep_id: int,
    merge_id: int,
    actor_account_id: int | None,
) -> ProfileMerge:
    """Move everything of ``merge_id`` to ``keep_id``, delete ``merge_id``; the audit row."""
    if keep_id == merge_id:
        raise InvalidInput("merge_id", "must be another profile than keep_id")
    keep = profiles.get(session, kind, keep_id)
    gone = profiles.get(session, kind, merge_id)
    moved: dict[str, int] = {}
    moved.update(_matches(session, kind.name, keep_id, merge_id))
    moved["match_notices"] = _notices(session, kind.name, keep_id, merge_id)
    if kind.name == "startup":
        moved.update(_startup_camps(session, keep_id, merge_id))
    if kind.name in ("incubator", "partner"):
        moved["camp_hosts"] = _camp_hosts(session, kind.name, keep_id, merge_id)
        binding = AccountIncubator if kind.name == "incubator" else AccountPartner
        column = getattr(binding, f"{kind.name}_id")
        moved["account_bindings"] = _move(
            session, binding, column, merge_id, keep_id, ("account_id",)
        )
    if kind.name == "partner":
        moved["scenarios"] = _publisher(session, keep, merge_id)
    refs = update(ExternalRef).where(
        ExternalRef.kind == kind.name, ExternalRef.profile_id == merge_id
    )
    moved["external_refs"] = _count(session.execute(refs.values(profile_id=keep_id)))
    if keep.owner_account_id is None and gone.owner_account_id is not None:
        keep.owner_account_id = gone.owner_account_id  # someone can still manage it
    title = str(getattr(gone, kind.title_attr))
    audit = ProfileMerge(
        kind=kind.name,
        keep_id=keep_id,
        merged_id=merge_id,
        merged_title=title,
        merged_dedupe_key=gone.dedupe_key,
        actor_account_id=actor_account_id,
        moved=moved,
    )
    session.add(audit)
    profiles.remove(session, kind, gone, None)
    session.flush()
    log.info("merged %s %s into %s: %s", kind.name, merge_id, keep_id, moved)
    return audit


def _count(result: Any) -> int:
    return max(int(getattr(result, "rowcount", 0) or 0), 0)


def _matches(session: Session, kind: str, keep_id: int, merge_id: int) -> dict[str, int]:
    """Move the merged profile's match records; two records of one pair become one."""
    mine = Match.startup_id if kind == "startup" else getattr(Match, f"{kind}_id")
    moved = conflicts = events = 0
    for record in list(session.scalars(select(Match).where(mine == merge_id))):
        twin = session.scalar(select(Match).where(mine == keep_id, _same_other_side(kind, record)))
        if twin is not None:
            conflicts += 1
            ahead = ADVANCE[record.state] > ADVANCE[twin.state]
            winner, loser = (record, twin) if ahead else (twin, record)
            events += _count(
                session.execute(
                    update(MatchEvent)
                    .where(MatchEvent.match_id == loser.id)
                    .values(match_id=winner.id)
                )
            )
            session.delete(loser)
            session.flush()  # the pair's unique index must be free before the move below
            if winner is twin:
                continue
        setattr(record, mine.key, keep_id)
        moved += 1
    session.flush()
    return {"matches": moved, "match_conflicts": conflicts, "match_events_joined": events}


def _same_other_side(kind: str, record: Match) -> Any:
    """The condition for a record of the same pair: same target (a startup merge) or same
    startup (a target merge)."""
    if kind == "startup":
        return getattr(Match, f"{record.target_kind}_id") == record.target_id
    return Match.startup_id == record.startup_id


def _notices(session: Session, kind: str, keep_id: int, merge_id: int) -> int:
    """``match.found`` notices: an account told of a pair is not told of it again."""
    if kind == "startup":
        return _move(
            session,
            MatchNotice,
            MatchNotice.startup_id,
            merge_id,
            keep_id,
            ("account_id", "target_kind", "target_id"),
        )
    return _move(
        session,
        MatchNotice,
        MatchNotice.target_id,
        merge_id,
        keep_id,
        ("account_id", "startup_id", "target_kind"),
        MatchNotice.target_kind == kind,
    )


def _startup_camps(session: Session, keep_id: int, merge_id: int) -> dict[str, int]:
    return {
        "camp_applications": _move(
            session, CampApplication, CampApplication.startup_id, merge_id, keep_id, ("camp_id",)
        ),
        "camp_rankings": _move(
            session,
            CampHostRanking,
            CampHostRanking.startup_id,
            merge_id,
            keep_id,
            ("camp_host_id",),
        ),
        "camp_assignments": _move(
            session, CampAssignment, CampAssignment.startup_id, merge_id, keep_id, ("camp_id",)
        ),
        "camp_assignment_events": _count(
            session.execute(
                update(CampAssignmentEvent)
                .where(CampAssignmentEvent.startup_id == merge_id)
                .values(startup_id=keep_id)
            )
        ),
    }


def _camp_hosts(session: Session, kind: str, keep_id: int, merge_id: int) -> int:
    column = getattr(CampHost, f"{kind}_id")
    both = session.scalar(
        select(CampHost.camp_id)
        .where(column == merge_id)
        .where(CampHost.camp_id.in_(select(CampHost.camp_id).where(column == keep_id)))
        .limit(1)
    )
    if both is not None:
        raise Conflict(
            f"both {kind}s host camp {both}: remove one of them from the camp first, then merge",
            ResourceRef(kind="camp", id=both),
        )
    moved = update(CampHost).where(column == merge_id).values({column.key: keep_id})
    return _count(session.execute(moved))


def _publisher(session: Session, keep: Any, merge_id: int) -> int:
    """The merged partner's scenarios are published by the kept one: the id, the name kept
    beside it and the dedupe key (title + publisher) change; the text, and so the vector,
    does not."""
    moved = 0
    for scenario in list(
        session.scalars(select(Scenario).where(Scenario.publisher_partner_id == merge_id))
    ):
        key = SCENARIO.dedupe_key({"title": scenario.title, "publisher": keep.id})
        clash = session.scalar(
            select(Scenario.id).where(Scenario.dedupe_key == key, Scenario.id != scenario.id)
        )
        if clash is not None:
            raise Conflict(
                f"partner {keep.id} already publishes a scenario titled {scenario.title!r} "
                f"(scenario {clash}): merge the two scenarios first",
                ResourceRef(kind="scenario", id=clash),
            )
        scenario.publisher_partner_id, scenario.publisher_name = keep.id, keep.name
        scenario.dedupe_key = key
        moved += 1
    session.flush()
    return moved


def _move(
    session: Session,
    model: Any,
    column: Any,
    old: int,
    new: int,
    together: tuple[str, ...],
    *where: Any,
) -> int:
    """Point ``model`` rows from ``old`` to ``new``; a row the kept profile already has (the
    same ``together`` values) is dropped instead: the kept one stands."""
    twin = aliased(model)
    clash = exists().where(
        getattr(twin, column.key) == new,
        *[getattr(twin, c) == getattr(model, c) for c in together],
    )
    session.execute(delete(model).where(column == old, clash, *where))
    result = session.execute(update(model).where(column == old, *where).values({column.key: new}))
    return _count(result)
