"""Matchmaking-day schedules: every pair meets once, nobody is in two places at a time.

1. The pairs form a bipartite graph (startups, hosts). It is edge-coloured with as many
   colours as the busiest participant has meetings (Kőnig's theorem says this is always
   possible for bipartite graphs; the colouring swaps two colours along an alternating path
   when the obvious colour is taken). Each colour is a round of meetings with no conflict.
2. Rounds go into the day's slots in order, largest round first. A meeting that would break
   a per-day limit (``max_per_host_per_day``, ``max_per_startup_per_day``) waits.
3. Waiting meetings, and rounds that found no slot, take the earliest slot where both sides
   are free and within their limits. Whatever still has no slot is returned as unscheduled
   with the reason, never dropped.

Everything is ordered by ids, so the same pairs and settings give the same schedule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

Side = Literal["startup", "host"]


def N_(message: str) -> str:  # noqa: N802 - the gettext convention: extracted, translated later
    return message


# Why a pair has no slot: English here, put into the asked language by camps.days.
NO_SLOT_LEFT = N_("no slot left where both are free within the daily limits")
NO_SLOTS = N_("the day plan has no slots")
# A day's local times are in UTC within a day of it; the calendar's first and last days may
# fall outside what datetime can hold there.
_EARLIEST, _LATEST = date.min, date.max


class ScheduleInputError(ValueError):
    """Settings that cannot describe a matchmaking day."""


@dataclass(frozen=True)
class DayPlan:
    """When meetings can happen; times are local to ``timezone``."""

    days: tuple[date, ...]
    start: time = time(9, 0)
    end: time = time(17, 0)
    slot_minutes: int = 30
    gap_minutes: int = 0
    breaks: tuple[tuple[time, time], ...] = ((time(12, 0), time(13, 30)),)
    timezone: str = "Asia/Shanghai"
    max_per_host_per_day: int | None = None
    max_per_startup_per_day: int | None = None


@dataclass(frozen=True)
class Slot:
    index: int
    day: date
    starts_at: datetime  # UTC
    ends_at: datetime  # UTC


@dataclass(frozen=True)
class Meeting:
    startup_id: int
    host_id: int
    slot: Slot


@dataclass(frozen=True)
class Unscheduled:
    startup_id: int
    host_id: int
    reason: str


@dataclass(frozen=True)
class Schedule:
    slots: tuple[Slot, ...]
    meetings: tuple[Meeting, ...]
    unscheduled: tuple[Unscheduled, ...]

    def of(self, side: Side, participant_id: int) -> list[Meeting]:
        """One participant's meetings in time order."""
        mine = [
            m
            for m in self.meetings
            if (m.startup_id if side == "startup" else m.host_id) == participant_id
        ]
        return sorted(mine, key=lambda m: m.slot.index)


def slots_of(plan: DayPlan) -> list[Slot]:
    """The plan's meeting slots in time order, skipping breaks."""
    if plan.slot_minutes <= 0 or plan.gap_minutes < 0:
        raise ScheduleInputError("slot_minutes must be positive and gap_minutes not negative")
    try:
        zone = ZoneInfo(plan.timezone)
    except (KeyError, ValueError) as exc:
        raise ScheduleInputError(f"unknown time zone {plan.timezone!r}") from exc
    length = timedelta(minutes=plan.slot_minutes)
    out: list[Slot] = []
    for day in sorted(set(plan.days)):
        if not _EARLIEST < day < _LATEST:
            continue  # its times may not be writable in UTC; camps are refused such days
        t = datetime.combine(day, plan.start, zone)
        end = datetime.combine(day, plan.end, zone)
        pauses = sorted(
            (datetime.combine(day, a, zone), datetime.combine(day, b, zone)) for a, b in plan.breaks
        )
        while t + length <= end:
            clash = next((b for a, b in pauses if t < b and a < t + length), None)
            if clash is not None:
                t = clash
                continue
            out.append(Slot(len(out), day, t.astimezone(UTC), (t + length).astimezone(UTC)))
            t += length + timedelta(minutes=plan.gap_minutes)
    return out


def _rounds(pairs: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """A proper edge colouring with max-degree colours, as lists of pairs per colour."""
    at: dict[tuple[str, int], dict[int, tuple[str, int]]] = {}

    def free(node: tuple[str, int]) -> int:
        used = at.setdefault(node, {})
        c = 0
        while c in used:
            c += 1
        return c

    for s, h in pairs:
        u, v = ("s", s), ("h", h)
        a, b = free(u), free(v)
        if a in at[v]:
            # Swap a and b along the a/b path from v; in a bipartite graph it cannot reach
            # u, and afterwards a is free at v.
            path: list[tuple[tuple[str, int], tuple[str, int], int]] = []
            x, c = v, a
            while c in at[x]:
                y = at[x][c]
                path.append((x, y, c))
                x, c = y, (b if c == a else a)
            for x, y, c in path:
                del at[x][c], at[y][c]
            for x, y, c in path:
                d = b if c == a else a
                at[x][d], at[y][d] = y, x
        at[u][a], at[v][a] = v, u
    rounds: dict[int, list[tuple[int, int]]] = {}
    for (kind, s), colours in at.items():
        if kind == "s":
            for c, (_, h) in colours.items():
                rounds.setdefault(c, []).append((s, h))
    return [sorted(r) for _, r in sorted(rounds.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


class _Book:
    def __init__(self, slots: Sequence[Slot], plan: DayPlan) -> None:
        self.slots = slots
        self.plan = plan
        self.busy: set[tuple[str, int, int]] = set()  # (side, id, slot)
        self.per_day: dict[tuple[str, int, date], int] = {}

    def fits(self, s: int, h: int, slot: Slot) -> bool:
        if ("s", s, slot.index) in self.busy or ("h", h, slot.index) in self.busy:
            return False
        limits = (
            ("s", s, self.plan.max_per_startup_per_day),
            ("h", h, self.plan.max_per_host_per_day),
        )
        return all(
            limit is None or self.per_day.get((side, who, slot.day), 0) < limit
            for side, who, limit in limits
        )

    def day_open(self, s: int, h: int, day: date, slots: int) -> bool:
        """Whether both sides may still meet on ``day``, which has ``slots`` slots."""
        limits = (
            ("s", s, self.plan.max_per_startup_per_day),
            ("h", h, self.plan.max_per_host_per_day),
        )
        return all(
            self.per_day.get((side, who, day), 0) < min(slots, limit or slots)
            for side, who, limit in limits
        )

    def first_fit(self, s: int, h: int, days: Mapping[date, Sequence[Slot]]) -> Slot | None:
        """The earliest slot where both are free within their limits.

        Days a side has filled are skipped whole: a host limited to one meeting a day would
        otherwise have every earlier slot of the camp tried for each of its waiting
        meetings, quadratic in them (300 took 20 s over a year of 5-minute slots).
        """
        for day, slots in days.items():
            if self.day_open(s, h, day, len(slots)):
                found = next((x for x in slots if self.fits(s, h, x)), None)
                if found is not None:
                    return found
        return None

    def take(self, s: int, h: int, slot: Slot) -> Meeting:
        for side, who in (("s", s), ("h", h)):
            self.busy.add((side, who, slot.index))
            key = (side, who, slot.day)
            self.per_day[key] = self.per_day.get(key, 0) + 1
        return Meeting(s, h, slot)


def schedule(pairs: Iterable[tuple[int, int]], plan: DayPlan) -> Schedule:
    """Give each (startup id, host id) pair one slot with no double booking."""
    unique = sorted(set(pairs))
    slots = slots_of(plan)
    book = _Book(slots, plan)
    meetings: list[Meeting] = []
    waiting: list[tuple[int, int]] = []
    for r, pairs_in_round in enumerate(_rounds(unique)):
        if r >= len(slots):
            waiting.extend(pairs_in_round)
            continue
        for s, h in pairs_in_round:
            if book.fits(s, h, slots[r]):
                meetings.append(book.take(s, h, slots[r]))
            else:
                waiting.append((s, h))
    days: dict[date, list[Slot]] = {}  # in time order, as the slots are
    for x in slots:
        days.setdefault(x.day, []).append(x)
    unscheduled: list[Unscheduled] = []
    for s, h in sorted(waiting):
        slot = book.first_fit(s, h, days)
        if slot is None:
            unscheduled.append(Unscheduled(s, h, NO_SLOT_LEFT if slots else NO_SLOTS))
        else:
            meetings.append(book.take(s, h, slot))
    meetings.sort(key=lambda m: (m.slot.index, m.host_id, m.startup_id))
    return Schedule(tuple(slots), tuple(meetings), tuple(unscheduled))
