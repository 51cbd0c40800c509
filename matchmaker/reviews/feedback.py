"""How review decisions feed back into ranking.

1. A pair that was declined (or withdrawn) is never proposed again, in either direction:
   ``excluded_ids`` is registered as one of the matcher's exclusion hooks.
2. A target's accepted and declined startups are the engine's ``HistorySource``: they become
   the ``history`` component of every pair with that target, from both sides
   (``matchmaker.matching.history``).

The matching engine stays ignorant of reviews: it takes the hooks, and this module supplies
them; the engine scores the snapshot recorded with each decision (``snapshot``).
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ScalarSelect, select
from sqlalchemy.orm import Session

from matchmaker.access import policy
from matchmaker.access.principal import Principal
from matchmaker.db import WROTE_MATCHES
from matchmaker.matching.history import Decisions
from matchmaker.matching.schemas import MatchList
from matchmaker.matching.scoring import RANKING_VERSION
from matchmaker.matching.service import Matcher, MatchFilters
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.reviews import repository
from matchmaker.reviews.service import NO_SNAPSHOT, Snapshot
from matchmaker.reviews.workflow import Decision

STARTUP = "startup"


@dataclass(frozen=True)
class Viewer:
    """Who asks for recommendations."""

    principal: Principal


def decisions(
    session: Session, target_kind: str, target_ids: Collection[int] | None
) -> dict[int, Decisions]:
    """The target sides' own decisions (not the startups'), by target id, from the
    database."""
    accepted: dict[int, list[int]] = {}
    declined: dict[int, list[int]] = {}
    for target_id, startup_id, decision in repository.decisions_of(
        session, target_kind, target_ids
    ):
        accepted.setdefault(target_id, [])
        declined.setdefault(target_id, [])
        if decision == Decision.accepted:
            accepted[target_id].append(startup_id)
        elif decision == Decision.declined:
            declined[target_id].append(startup_id)
    return {t: Decisions(tuple(accepted[t]), tuple(declined[t])) for t in accepted}


class DecisionCache:
    """Every target's decisions per kind, read again only when the database's decision
    counter moved (migration 0013's triggers move it on any write to a match record, by any
    process, cascades and merges included).

    Every ranked list needs all decisions of the target kind (the history component and its
    words' statistics): read per request, they cost 52-55 ms of a match at 10,000 decisions
    (bench/RESULTS.md, section 20). A request now reads one counter.
    """

    def __init__(self) -> None:
        self._kinds: dict[str, tuple[int, dict[int, Decisions]]] = {}
        self._lock = threading.Lock()

    def __call__(
        self, session: Session, target_kind: str, target_ids: Collection[int] | None
    ) -> dict[int, Decisions]:
        # A session that wrote match records sees its own uncommitted rows and counter;
        # were it rolled back, another commit could bring the counter to that value: it
        # reads afresh every time and keeps nothing.
        wrote = bool(session.info.get(WROTE_MATCHES))
        # One request asks several times (its target's decisions, the kind's statistics):
        # the counter is read once per session and the answer is the same all along.
        seen: dict[str, dict[int, Decisions]] = session.info.setdefault(_SEEN, {})
        every = None if wrote else seen.get(target_kind)
        if every is None:
            every = self._current(session, target_kind, keep=not wrote)
            if not wrote:
                seen[target_kind] = every
        if target_ids is None:
            return every
        return {t: every[t] for t in target_ids if t in every}

    def version(self, session: Session) -> int:
        """The database's decision counter, read once per session that wrote no match
        record (one that did reads it afresh: its own writes move it)."""
        if session.info.get(WROTE_MATCHES):
            return repository.decisions_version(session)
        version: int | None = session.info.get(_VERSION)
        if version is None:
            version = session.info[_VERSION] = repository.decisions_version(session)
        return version

    def version_beside(self, session: Session, other: ScalarSelect[Any]) -> tuple[int, int]:
        """``version`` and ``other``, one statement when the counter is not read yet."""
        wrote = bool(session.info.get(WROTE_MATCHES))
        version: int | None = None if wrote else session.info.get(_VERSION)
        if version is not None:
            return version, int(session.scalar(select(other)) or 0)
        version, value = repository.decisions_version_beside(session, other)
        if not wrote:
            session.info[_VERSION] = version
        return version, value

    def _current(self, session: Session, target_kind: str, keep: bool) -> dict[int, Decisions]:
        # The counter before the rows: a write committed between the two reads leaves rows
        # newer than the counter says, read again next time, never older.
        version = self.version(session)
        with self._lock:
            hit = self._kinds.get(target_kind)
        if hit is not None and hit[0] == version:
            return hit[1]
        every = decisions(session, target_kind, None)
        if keep:
            with self._lock:
                self._kinds[target_kind] = (version, every)
        return every


_SEEN = "decisions_seen"  # session.info: the decisions this session was given, by kind
_VERSION = "decisions_version"  # session.info: the decision counter this session read


def excluded_ids(session: Session, query_kind: str, query_id: int, target_kind: str) -> set[int]:
    """Ids never to propose to ``query_kind`` ``query_id``: its declined or withdrawn pairs."""
    if not query_id:
        return set()
    if query_kind == STARTUP:
        return repository.final_target_ids(session, query_id, target_kind)
    return repository.final_startup_ids(session, query_kind, query_id)


def install(matcher: Matcher) -> None:
    """Register the exclusion hook and the decisions (once) on a matcher."""
    if excluded_ids not in matcher.exclusion_hooks:
        matcher.exclusion_hooks.append(excluded_ids)
    matcher.history = DecisionCache()


def recommend(
    session: Session,
    matcher: Matcher,
    viewer: Viewer,
    kind: ProfileKind,
    profile: Any,
    target: ProfileKind,
    filters: MatchFilters,
    reuse: bool = False,
) -> MatchList:
    """Matches for a profile the viewer manages, decisions included; ``reuse`` for a caller
    that has only read (``Matcher.matches``).

    Recommendations are scoped: they reveal whom a target declined (those never appear), so
    only whoever manages the profile (or an admin) may read them.
    """
    policy.check_manage(viewer.principal, kind.name, profile)
    return matcher.matches(session, kind, profile, target, filters, reuse=reuse)


def snapshot(matcher: Matcher, session: Session, startup: Any, kind: str, target: Any) -> Snapshot:
    """The engine's current score of one pair, as every list and page shows it."""
    if matcher.problem():  # vectors of another model: no honest score to record
        return NO_SNAPSHOT
    pair = matcher.score_pair(session, startup, kind, target)
    score = pair.score if pair.score is not None else pair.raw_score
    return Snapshot(round(score, 4), matcher.model, RANKING_VERSION)
