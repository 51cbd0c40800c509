"""Keeping camp-wide floors reachable while deferred acceptance runs.

A floor ("at least 30% of places for Tianjin and Hebei startups") is a target number of
members of a group. The allocation keeps a witness: a maximum flow that places group members
on hosts that are still open to them (the host they are held by, or one further down their
list) within each host's places. Before a host rejects a group member it asks
:meth:`FloorWitness.can_release`; the witness reroutes itself around that pair if it can. When
deferred acceptance ends, every member the witness uses is held somewhere (a member with no
open host left cannot be in it), so every floor that was reachable at the start is met.

The network: source -> floor group (capacity: target) -> member -> open host -> sink (capacity:
places). Groups must be disjoint. Augmenting paths may also swap one member of a group for
another of the same group, which keeps that group's count.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

_FREE = -1


class FloorWitness:
    """An incremental maximum flow of floor-group members to the hosts still open to them."""

    def __init__(
        self,
        prefs: Sequence[Sequence[int]],
        ptr: list[int],
        places: Sequence[int],
        group_of: dict[int, int],
        required: Sequence[int],
    ) -> None:
        # ``ptr`` is deferred acceptance's own list of next-proposal positions: the hosts open
        # to a member are prefs[member][ptr[member]:], so edges vanish as rejections happen.
        self._prefs = prefs
        self._ptr = ptr
        self._places = list(places)
        self._group_of = group_of
        self._members: list[list[int]] = [[] for _ in required]
        for member in sorted(group_of):
            self._members[group_of[member]].append(member)
        self._assigned: dict[int, int] = {}  # member -> host
        self._at_host: list[set[int]] = [set() for _ in places]
        self.count = [0] * len(required)
        # Fill groups in quota order, so an earlier floor wins a conflict with a later one.
        for g, need in enumerate(required):
            while self.count[g] < need and self._augment(g, forbid=None):
                pass
        self.target = list(self.count)
        # A pair that could not be released stays so: open hosts only ever disappear, so the
        # flow without it can only shrink. Only a lowered target (force_release) resets this.
        self._pinned: set[tuple[int, int]] = set()

    def _open_hosts(self, member: int, forbid: tuple[int, int] | None) -> list[int]:
        hosts = self._prefs[member][self._ptr[member] :]
        # Least preferred first: deferred acceptance removes hosts from the front of a list,
        # so a witness resting on the tail is disturbed least.
        return [h for h in reversed(hosts) if forbid is None or (member, h) != forbid]

    def _augment(self, group: int, forbid: tuple[int, int] | None) -> bool:
        """Add one member of ``group`` to the flow along a shortest augmenting path."""
        came: dict[int, tuple[str, int]] = {}  # member -> ("start"|"host"|"swap", ref)
        entered_by: dict[int, int] = {}  # host -> member that would move in
        seen_groups = {group}
        queue: deque[int] = deque()
        for m in self._members[group]:
            if m not in self._assigned:
                came[m] = ("start", group)
                queue.append(m)
        while queue:
            member = queue.popleft()
            for h in self._open_hosts(member, forbid):
                if h in entered_by:
                    continue
                entered_by[h] = member
                if len(self._at_host[h]) < self._places[h]:
                    self._apply(h, entered_by, came)
                    return True
                for other in sorted(self._at_host[h]):
                    if other in came:
                        continue
                    came[other] = ("host", h)
                    queue.append(other)
                    g = self._group_of[other]
                    if g in seen_groups:
                        continue
                    seen_groups.add(g)
                    for swap in self._members[g]:
                        if swap not in self._assigned and swap not in came:
                            came[swap] = ("swap", other)
                            queue.append(swap)
        return False

    def _apply(
        self, host: int, entered_by: dict[int, int], came: dict[int, tuple[str, int]]
    ) -> None:
        while True:
            member = entered_by[host]
            how, ref = came[member]
            if how == "host":
                self._at_host[ref].discard(member)
            self._assigned[member] = host
            self._at_host[host].add(member)
            if how == "start":
                self.count[ref] += 1
                return
            if how == "host":
                host = ref
                continue
            # A swap: ``member`` replaces ``ref`` of the same group; ref leaves the flow and
            # its place goes to whoever wanted that host.
            left = self._assigned.pop(ref)
            self._at_host[left].discard(ref)
            host = left

    def can_release(self, member: int, host: int) -> bool:
        """Whether ``host`` may reject ``member`` with every floor still reachable.

        On True the witness has already stopped using the pair; on False it is unchanged.
        """
        if self._assigned.get(member) != host:
            return True
        if (member, host) in self._pinned:
            return False
        g = self._group_of[member]
        del self._assigned[member]
        self._at_host[host].discard(member)
        self.count[g] -= 1
        if self._augment(g, forbid=(member, host)):
            return True
        self._assigned[member] = host
        self._at_host[host].add(member)
        self.count[g] += 1
        self._pinned.add((member, host))
        return False

    def force_release(self, member: int, host: int) -> None:
        """Reject anyway (another constraint left no choice): the group's target drops."""
        if self._assigned.get(member) != host:
            return
        g = self._group_of[member]
        del self._assigned[member]
        self._at_host[host].discard(member)
        self.count[g] -= 1
        if not self._augment(g, forbid=(member, host)):
            self.target[g] -= 1
            self._pinned.clear()
