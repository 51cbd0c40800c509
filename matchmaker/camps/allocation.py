"""Camp allocation: startup-proposing deferred acceptance with places, eligibility and quotas.

How it works (matchmaker/camps/README.md says the same for users):

* **Preferences** come from each side's ranking, else from the reciprocal score, ties by id
  (see :mod:`matchmaker.camps.market`). Only eligible, mutually acceptable pairs can match.
* **Deferred acceptance** (Gale–Shapley with capacities, McVitie–Wilson order: one proposal at
  a time from a queue started in ascending startup id). A host holds its best proposers up to
  its places; when a proposal overflows it, the host rejects one, the rejected startup
  proposes to its next host. Without quotas this is the startup-optimal stable matching.
* **Host caps** (``Quota.host_id`` set, ``at_most``): the host rejects its lowest-ranked
  startup of a group that would exceed the cap (type-specific ceilings, still stable).
* **Floors** (camp-wide ``at_least``): reserved places handled inside deferred acceptance. The
  target is first cut to what any assignment could reach (a maximum flow); a host then never
  rejects a startup whose rejection would make a reachable floor unreachable, and rejects the
  next-lowest instead (recorded as "kept for the floor"). Floors are met whenever reachable.
* **Camp caps** (camp-wide ``at_most``, e.g. at most 3 startups per city): resolved by camp
  priority (explicit, else each startup's best score): if the matching puts too many of a
  group in the camp, the lowest-priority ones are left out and deferred acceptance is re-run
  without them; leaving a startup out only helps the others, so this ends within a few runs.
* **Locked** assignments (kept from an earlier run) take their places and count toward
  quotas before anything else.

Stability guaranteed (and property-tested): for every startup s that was not left out by a
camp cap and every host h it prefers to its own, h is full (or at s's cap) with startups it
ranks above s, locked ones, or ones kept for a floor. Every startup left out by a camp cap
has lower camp priority than every placed member of that group, and the cap is met exactly.
"""

from __future__ import annotations

from bisect import insort
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from matchmaker.camps.floors import FloorWitness
from matchmaker.camps.market import (
    AllocationInputError,
    Applicant,
    Eligibility,
    Host,
    Market,
    Quota,
    ScoreFn,
    build_market,
    validate,
)
from matchmaker.camps.quotas import (
    Cap,
    QuotaOutcome,
    cap_groups,
    justifying_cap,
    over_cap,
    quota_report,
)

MAX_RUNS = 50


@dataclass
class _Run:
    """The state of one deferred-acceptance run."""

    held: list[list[int]]  # host index -> sorted host ranks of the startups it holds
    ptr: list[int]
    floor_kept: list[set[int]]  # host index -> applicants kept for a floor at some point
    floor_targets: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Allocation:
    """The result: who goes where, the quota report, and what explains each outcome."""

    market: Market
    assignments: dict[int, int]  # startup id -> host id, locked ones included
    locked: dict[int, int]
    unplaced: tuple[int, ...]
    excluded_by_cap: dict[int, str]  # startup id -> name of the camp cap that left it out
    floor_kept: dict[int, frozenset[int]]  # host id -> startups it holds for a floor
    quota_report: tuple[QuotaOutcome, ...]
    camp_priority: tuple[int, ...]  # startup ids, highest first
    runs: int
    host_caps: tuple[tuple[int, str, frozenset[int], int], ...] = ()  # host id, name, ids, bound
    floor_members: dict[str, frozenset[int]] = field(default_factory=dict)  # name -> ids

    def preferences(self) -> dict[str, Any]:
        """Both sides' preference lists in ids, stored with a run for reproducibility."""
        m = self.market
        return {
            "startups": {
                str(a.id): [m.hosts[j].id for j in m.startup_prefs[i]]
                for i, a in enumerate(m.applicants)
            },
            "hosts": {
                str(h.id): [m.applicants[i].id for i in m.host_prefs[j]]
                for j, h in enumerate(m.hosts)
            },
        }


class _Engine:
    def __init__(
        self,
        market: Market,
        places: list[int],
        host_caps: list[Cap],
        floor_groups: dict[int, int],
        floor_required: list[int],
    ) -> None:
        self.m = market
        self.places = places
        self.caps_at: list[list[Cap]] = [[] for _ in market.hosts]
        for cap in host_caps:
            assert cap.host is not None
            self.caps_at[cap.host].append(cap)
        self.floor_groups = floor_groups
        self.floor_required = floor_required

    def run(self, active: Sequence[int]) -> _Run:
        m = self.m
        n_hosts = len(m.hosts)
        state = _Run(
            held=[[] for _ in range(n_hosts)],
            ptr=[0] * len(m.applicants),
            floor_kept=[set() for _ in range(n_hosts)],
        )
        # Startups left out never propose: they never enter the queue, and the witness reads
        # the pointers of its groups' members only, all of them active.
        active_set = set(active)
        groups = {i: g for i, g in self.floor_groups.items() if i in active_set}
        witness = (
            FloorWitness(m.startup_prefs, state.ptr, self.places, groups, self.floor_required)
            if self.floor_required
            else None
        )
        # Ascending startup id: applicants are indexed in id order (allocate sorts them).
        queue = deque(sorted(active))
        while queue:
            i = queue.popleft()
            prefs = m.startup_prefs[i]
            if state.ptr[i] >= len(prefs):
                continue
            j = prefs[state.ptr[i]]
            insort(state.held[j], m.host_rank[j][i])
            victim = self._reject(j, state, witness)
            if victim is not None:
                state.held[j].remove(m.host_rank[j][victim])
                state.ptr[victim] += 1
                queue.append(victim)
        if witness is not None:
            state.floor_targets = list(witness.target)
        return state

    def _reject(self, j: int, state: _Run, witness: FloorWitness | None) -> int | None:
        """Which startup host ``j`` lets go after a proposal, if it must let one go."""
        ranks = state.held[j]
        prefs = self.m.host_prefs[j]
        over_places = len(ranks) > self.places[j]
        violated = [
            c for c in self.caps_at[j] if sum(prefs[r] in c.members for r in ranks) > c.bound
        ]
        if not over_places and not violated:
            return None
        # Removing one startup must fix every violation: it has to be in every violated group
        # (any startup when no cap is violated). Candidates are host ranks, best first.
        candidates = [r for r in ranks if all(prefs[r] in c.members for c in violated)]
        for pos in reversed(range(len(candidates))):
            cand = prefs[candidates[pos]]
            if witness is None or cand not in self.floor_groups or witness.can_release(cand, j):
                state.floor_kept[j].update(prefs[r] for r in candidates[pos + 1 :])
                return cand
        # Every candidate is needed for a floor; a cap leaves no choice but the lowest.
        victim = prefs[candidates[-1]]
        assert witness is not None
        witness.force_release(victim, j)
        return victim


def _priority_order(market: Market, explicit: Sequence[int] | None) -> list[int]:
    """Applicant indices by camp priority: the explicit list, then best score, then id."""
    best: dict[int, float] = {}
    for (i, _j), value in market.scores.items():
        best[i] = max(best.get(i, value), value)
    index = market.startup_index()
    # A repeated id keeps its first position (a later one would silently demote it).
    head = list(dict.fromkeys(index[s] for s in explicit or () if s in index))
    listed = set(head)
    rest = sorted(
        (i for i in range(len(market.applicants)) if i not in listed),
        key=lambda i: (-best.get(i, float("-inf")), market.applicants[i].id),
    )
    return head + rest


def allocate(
    applicants: Sequence[Applicant],
    hosts: Sequence[Host],
    score: ScoreFn,
    *,
    eligibility: Eligibility | None = None,
    quotas: Sequence[Quota] = (),
    locked: Mapping[int, int] | None = None,
    camp_priority: Sequence[int] | None = None,
) -> Allocation:
    """Allocate applicants to hosts' places (see the module docstring for the rules)."""
    apps = tuple(sorted(applicants, key=lambda a: a.id))
    hosts_t = tuple(sorted(hosts, key=lambda h: h.id))
    quotas_t = tuple(quotas)
    validate(apps, hosts_t, quotas_t)
    market = build_market(apps, hosts_t, score, eligibility)
    s_index, h_index = market.startup_index(), market.host_index()
    locked = dict(locked or {})
    for s, h in locked.items():
        if s not in s_index or h not in h_index:
            raise AllocationInputError(f"locked assignment ({s}, {h}) names an unknown id")
    places = [h.places for h in hosts_t]
    locked_idx = {s_index[s]: h_index[h] for s, h in locked.items()}
    for j in locked_idx.values():
        places[j] -= 1
    if over := [hosts_t[j].id for j, p in enumerate(places) if p < 0]:
        raise AllocationInputError(f"locked assignments exceed the places of hosts {over}")

    caps = cap_groups(market, quotas_t, h_index)
    for cap in caps:  # locked startups use up cap room first
        used = sum(1 for i, j in locked_idx.items() if i in cap.members and cap.host in (None, j))
        # Locks beyond the cap leave no room, not negative room: a negative bound would make
        # the cap look broken by every holding, members of its group or not.
        cap.bound = max(0, cap.bound - used)
    host_caps = [c for c in caps if c.host is not None]
    camp_caps = [c for c in caps if c.host is None]

    floors = [q for q in quotas_t if q.kind == "at_least"]
    total_places = sum(h.places for h in hosts_t)
    floor_groups: dict[int, int] = {}
    floor_required: list[int] = []
    for g, q in enumerate(floors):
        members = [i for i, a in enumerate(apps) if q.group_of(a) is not None]
        for i in members:
            if i in floor_groups:
                raise AllocationInputError(f"floors overlap on startup {apps[i].id}")
            if i not in locked_idx:
                floor_groups[i] = g
        already = sum(1 for i in members if i in locked_idx)
        floor_required.append(max(0, q.floor(total_places) - already))

    engine = _Engine(market, places, host_caps, floor_groups, floor_required)
    order = _priority_order(market, camp_priority)
    position = {i: p for p, i in enumerate(order)}
    excluded: dict[int, str] = {}
    runs = 0
    while True:
        runs += 1
        active = [i for i in range(len(apps)) if i not in locked_idx and i not in excluded]
        state = engine.run(active)
        placed = {market.host_prefs[j][r]: j for j, ranks in enumerate(state.held) for r in ranks}
        newly = over_cap(camp_caps, placed, active, position)
        if newly and runs >= MAX_RUNS:
            # Out of runs (only conceivable with crossing caps): caps still hold, at the
            # price of leaving those places empty.
            excluded.update(newly)
            placed = {i: j for i, j in placed.items() if i not in newly}
            break
        if newly:
            excluded.update(newly)
            continue
        if runs >= MAX_RUNS:
            break
        # Caps over overlapping groups can leave a startup out under a cap that ends up
        # slack; name the cap that justifies each exclusion, or let the startup back in.
        unjustified: list[int] = []
        for i in sorted(excluded, key=position.__getitem__):
            name = justifying_cap(i, camp_caps, placed, position)
            if name is None:
                unjustified.append(i)
            else:
                excluded[i] = name
        if not unjustified:
            break
        del excluded[unjustified[0]]

    assignments = {apps[i].id: hosts_t[j].id for i, j in placed.items()}
    assignments.update(locked)
    floor_kept = {
        hosts_t[j].id: frozenset(apps[i].id for i in kept if placed.get(i) == j)
        for j, kept in enumerate(state.floor_kept)
        if any(placed.get(i) == j for i in kept)
    }
    report = quota_report(
        market,
        quotas_t,
        caps,
        floors,
        floor_required,
        state.floor_targets,
        assignments,
        excluded,
        total_places,
    )
    return Allocation(
        market=market,
        assignments=assignments,
        locked=locked,
        unplaced=tuple(a.id for a in apps if a.id not in assignments),
        excluded_by_cap={apps[i].id: name for i, name in excluded.items()},
        floor_kept=floor_kept,
        quota_report=report,
        camp_priority=tuple(apps[i].id for i in order),
        runs=runs,
        host_caps=tuple(
            (
                hosts_t[c.host].id,
                c.quota.name,
                frozenset(apps[i].id for i in c.members),
                c.quota.at_most or 0,
            )
            for c in host_caps
            if c.host is not None
        ),
        floor_members={
            q.name: frozenset(a.id for a in apps if q.group_of(a) is not None) for q in floors
        },
    )
