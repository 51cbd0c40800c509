"""Quotas of a camp allocation: the groups caps apply to, who a camp cap leaves out, and
the quota report (required, achieved, why)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from matchmaker.camps.market import Market, Quota


@dataclass(frozen=True)
class QuotaOutcome:
    """One row of the quota report: what was asked, what the allocation achieved, and why."""

    name: str
    kind: Literal["at_least", "at_most"]
    group: str
    host_id: int | None
    required: int
    achieved: int
    met: bool
    reason: str | None = None


@dataclass
class Cap:
    quota: Quota
    group: str
    host: int | None  # host index, None for camp-wide
    members: frozenset[int]  # applicant indices
    bound: int  # remaining after locked assignments


def cap_groups(market: Market, quotas: Sequence[Quota], host_index: Mapping[int, int]) -> list[Cap]:
    caps: list[Cap] = []
    for q in quotas:
        if q.kind != "at_most":
            continue
        groups: dict[str, set[int]] = {}
        for i, a in enumerate(market.applicants):
            key = q.group_of(a)
            if key is not None:
                groups.setdefault(key, set()).add(i)
        host = host_index[q.host_id] if q.host_id is not None else None
        for key in sorted(groups):
            label = key if q.per_value else ",".join(sorted(q.values))
            caps.append(Cap(q, label, host, frozenset(groups[key]), q.at_most or 0))
    return caps


def over_cap(
    caps: list[Cap], placed: dict[int, int], active: list[int], position: dict[int, int]
) -> dict[int, str]:
    """Startups to leave out so that every camp cap holds: the lowest camp priority first.

    Smaller groups go first, so with nested caps (city within region) the region cap only
    trims what the city caps left. Unplaced members ranked below the cap's last kept member
    go too: leaving startups out only helps the rest, so the kept ones stay placed and those
    below could never get in; without this each re-run refills the vacancies from the same
    group and the loop takes many more runs.
    """
    out: dict[int, str] = {}
    for cap in sorted(caps, key=lambda c: len(c.members)):
        inside = sorted(
            (i for i in placed if i in cap.members and i not in out), key=position.__getitem__
        )
        bound = max(cap.bound, 0)
        if len(inside) <= bound:
            continue
        last_kept = position[inside[bound - 1]] if bound else -1
        for i in inside[bound:]:
            out[i] = cap.quota.name
        for i in active:
            if i in cap.members and i not in placed and position[i] > last_kept:
                out.setdefault(i, cap.quota.name)
    return out


def justifying_cap(
    i: int, caps: list[Cap], placed: dict[int, int], position: dict[int, int]
) -> str | None:
    """A camp cap that is full with startups of higher camp priority than ``i``, if any."""
    for cap in caps:
        if i not in cap.members:
            continue
        inside = [t for t in placed if t in cap.members]
        if len(inside) >= cap.bound and all(position[t] < position[i] for t in inside):
            return cap.quota.name
    return None


# The reasons below are read back by wording.quota_reason to be put into other languages:
# change them together.
def _startups(n: int) -> str:
    return f"{n} startup" if n == 1 else f"{n} startups"


def quota_report(
    market: Market,
    quotas: tuple[Quota, ...],
    caps: list[Cap],
    floors: list[Quota],
    floor_required: list[int],
    floor_targets: list[int],
    assignments: dict[int, int],
    excluded: dict[int, str],
    total_places: int,
) -> tuple[QuotaOutcome, ...]:
    by_id = {a.id: a for a in market.applicants}
    s_index = market.startup_index()
    rows: list[QuotaOutcome] = []
    for q in quotas:
        if q.kind == "at_least":
            g = floors.index(q)
            required = q.floor(total_places)
            achieved = sum(1 for s in assignments if q.group_of(by_id[s]) is not None)
            reason = None
            if achieved < required:
                # Every run with a floor builds the floor witness, so its targets are known.
                reachable = required - floor_required[g] + floor_targets[g]
                lost = sum(1 for i in excluded if q.group_of(market.applicants[i]) is not None)
                applied = sum(1 for a in market.applicants if q.group_of(a) is not None)
                if applied < required:
                    reason = f"only {_startups(applied)} of the group applied"
                else:
                    reason = (
                        f"only {_startups(reachable)} of the group could be placed at all, "
                        "given eligibility, both sides' rankings and the hosts' places"
                    )
                # Deferred acceptance places every member the floor witness counts on, and
                # the witness's target drops whenever a host cap forces one out: so only camp
                # caps (which leave members out of the run) can explain fewer than reachable.
                if lost:
                    reason += f"; camp caps left out {lost} of them"
            rows.append(
                QuotaOutcome(
                    q.name,
                    "at_least",
                    ",".join(sorted(q.values)),
                    None,
                    required,
                    achieved,
                    achieved >= required,
                    reason,
                )
            )
            continue
        for cap in (c for c in caps if c.quota is q):
            host_id = market.hosts[cap.host].id if cap.host is not None else None
            achieved = sum(
                1
                for s, h in assignments.items()
                if s_index[s] in cap.members and host_id in (None, h)
            )
            bound = q.at_most or 0
            reason = None if achieved <= bound else "locked assignments already exceed the cap"
            rows.append(
                QuotaOutcome(
                    q.name,
                    "at_most",
                    cap.group,
                    host_id,
                    bound,
                    achieved,
                    achieved <= bound,
                    reason,
                )
            )
    return tuple(rows)
