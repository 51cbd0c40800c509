"""Why each startup landed where it did: structured facts first, then one readable sentence
(put into words by camps.wording, in English here and in any language when read).

Every reason is read off the final allocation and the preference lists it used, never off a
guess, so the data can be checked against the numbers (the property tests do exactly that).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from matchmaker.camps import wording
from matchmaker.camps.allocation import Allocation
from matchmaker.camps.schemas import ExplanationDetail

HostReason = Literal["full", "host_cap", "floor", "unexplained"]
Status = Literal["placed", "locked", "unplaced"]
Outcome = Literal[
    "placed", "locked", "no_eligible_host", "no_acceptable_host", "camp_cap", "outranked"
]
MAX_ALTERNATIVES = 3


@dataclass(frozen=True)
class HostNote:
    """A host the startup preferred to where it landed, and why that host did not take it."""

    host_id: int
    choice: int  # 1-based position in the startup's preference list
    reason: HostReason
    places: int
    locked: int  # places held by locked assignments
    your_rank: int  # 1-based position in the host's preference list
    last_admitted_rank: int | None  # lowest-ranked startup the host took on its own ranking
    quota: str | None = None  # the host cap or floor involved


@dataclass(frozen=True)
class IneligibleNote:
    """A host the startup ranked but may not join, with the rules it fails."""

    host_id: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Alternative:
    """A host an unplaced startup came nearest to, or one with places left that it may join."""

    host_id: int
    kind: Literal["free_places", "closest"]
    free_places: int
    places_short: int | None = None  # positions below the host's last admitted startup


@dataclass(frozen=True)
class Explanation:
    startup_id: int
    status: Status
    outcome: Outcome
    host_id: int | None
    choice: int | None  # 1-based position of the host in the startup's list
    choices: int
    preference_source: str
    ahead: tuple[HostNote, ...]
    ineligible: tuple[IneligibleNote, ...]
    alternatives: tuple[Alternative, ...]
    quota: str | None
    sentence: str


class _Facts:
    """Per-host facts of the final allocation, computed once for all explanations."""

    def __init__(self, alloc: Allocation) -> None:
        m = alloc.market
        self.alloc = alloc
        self.s_index = m.startup_index()
        self.h_index = m.host_index()
        self.holders: list[list[int]] = [[] for _ in m.hosts]
        for s, h in alloc.assignments.items():
            self.holders[self.h_index[h]].append(self.s_index[s])
        self.locked = {self.s_index[s] for s in alloc.locked}
        self.kept = {
            self.h_index[h]: {self.s_index[s] for s in ids} for h, ids in alloc.floor_kept.items()
        }
        self.caps: list[list[tuple[str, frozenset[int], int]]] = [[] for _ in m.hosts]
        for h, name, ids, bound in alloc.host_caps:
            members = frozenset(self.s_index[s] for s in ids)
            self.caps[self.h_index[h]].append((name, members, bound))

    def merit_last(self, j: int) -> int | None:
        rank = self.alloc.market.host_rank[j]
        kept = self.kept.get(j, set())
        ranks = [rank[t] for t in self.holders[j] if t not in self.locked and t not in kept]
        return max(ranks) + 1 if ranks else None

    def note(self, i: int, j: int, choice: int) -> HostNote:
        m = self.alloc.market
        rank = m.host_rank[j]
        places = m.hosts[j].places
        holders = self.holders[j]
        below = [t for t in holders if t not in self.locked and rank[t] > rank[i]]
        reason: HostReason = "unexplained"
        quota: str | None = None
        at_cap = [
            (name, members)
            for name, members, bound in self.caps[j]
            if i in members and sum(t in members for t in holders) >= bound
        ]
        kept = self.kept.get(j, set())
        if len(holders) >= places and not below:
            reason = "full"
        elif at_cap and not any(t in at_cap[0][1] for t in below):
            reason, quota = "host_cap", at_cap[0][0]
        elif (len(holders) >= places or at_cap) and below and all(t in kept for t in below):
            reason = "floor"
            quota = ", ".join(sorted(self._floor_names(below)))
        return HostNote(
            host_id=m.hosts[j].id,
            choice=choice,
            reason=reason,
            places=places,
            locked=sum(1 for t in holders if t in self.locked),
            your_rank=rank[i] + 1,
            last_admitted_rank=self.merit_last(j),
            quota=quota,
        )

    def _floor_names(self, startups: list[int]) -> set[str]:
        ids = {self.alloc.market.applicants[t].id for t in startups}
        return {name for name, members in self.alloc.floor_members.items() if ids & members}


def _unplaced(
    facts: _Facts, i: int
) -> tuple[Outcome, tuple[HostNote, ...], tuple[Alternative, ...]]:
    alloc = facts.alloc
    m = alloc.market
    prefs = m.startup_prefs[i]
    s_id = m.applicants[i].id
    notes = tuple(facts.note(i, j, c + 1) for c, j in enumerate(prefs))
    if s_id in alloc.excluded_by_cap:
        outcome: Outcome = "camp_cap"
        notes = ()
    elif prefs:
        outcome = "outranked"
    elif any(i_ == i for i_, _ in m.scores):
        outcome = "no_acceptable_host"
    else:
        outcome = "no_eligible_host"
    free = []
    for j, h in enumerate(m.hosts):
        left = h.places - len(facts.holders[j])
        if left > 0 and (i, j) in m.scores:
            free.append(Alternative(h.id, "free_places", left))
    closest = []
    for note in notes:
        if note.last_admitted_rank is not None:
            short = note.your_rank - note.last_admitted_rank
            closest.append((short, note.choice, note.host_id))
    alternatives = free[:MAX_ALTERNATIVES] + [
        Alternative(h, "closest", 0, short) for short, _c, h in sorted(closest)[:MAX_ALTERNATIVES]
    ]
    return outcome, notes, tuple(alternatives)


def explain(alloc: Allocation, names: Mapping[int, str] | None = None) -> dict[int, Explanation]:
    """One explanation per applicant, keyed by startup id."""
    names = names or {}
    facts = _Facts(alloc)
    m = alloc.market
    out: dict[int, Explanation] = {}
    for i, a in enumerate(m.applicants):
        prefs = m.startup_prefs[i]
        source = m.source[i]
        ineligible = tuple(
            IneligibleNote(h, m.ineligible[(i, facts.h_index[h])])
            for h in a.ranking
            if (i, facts.h_index[h]) in m.ineligible
        )
        host = alloc.assignments.get(a.id)
        alternatives: tuple[Alternative, ...] = ()
        quota = None
        if host is not None and a.id in alloc.locked:
            status: Status = "locked"
            outcome: Outcome = "locked"
            j = facts.h_index[host]
            choice = prefs.index(j) + 1 if j in prefs else None
            ahead: tuple[HostNote, ...] = ()
        elif host is not None:
            status, outcome = "placed", "placed"
            j = facts.h_index[host]
            choice = prefs.index(j) + 1
            ahead = tuple(facts.note(i, k, c + 1) for c, k in enumerate(prefs[: choice - 1]))
        else:
            status, choice = "unplaced", None
            outcome, ahead, alternatives = _unplaced(facts, i)
            if outcome == "camp_cap":
                quota = alloc.excluded_by_cap[a.id]
        note = Explanation(
            startup_id=a.id,
            status=status,
            outcome=outcome,
            host_id=host,
            choice=choice,
            choices=len(prefs),
            preference_source=source,
            ahead=ahead,
            ineligible=ineligible,
            alternatives=alternatives,
            quota=quota,
            sentence="",
        )
        detail = ExplanationDetail.model_validate(note)
        out[a.id] = replace(note, sentence=wording.sentence(detail, host, names))
    return out
