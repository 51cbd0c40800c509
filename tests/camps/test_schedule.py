"""Matchmaking-day schedules and their iCalendar files."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchmaker.camps import schedule as schedule_module
from matchmaker.camps.ics import calendar, fold
from matchmaker.camps.schedule import (
    DayPlan,
    Meeting,
    ScheduleInputError,
    Slot,
    schedule,
    slots_of,
)

DAY = date(2026, 5, 12)
FAST = settings(max_examples=80, deadline=None)

pair_lists = st.lists(st.tuples(st.integers(1, 9), st.integers(101, 105)), max_size=30)


@st.composite
def plans(draw: st.DrawFn) -> DayPlan:
    return DayPlan(
        days=tuple(DAY.replace(day=DAY.day + d) for d in range(draw(st.integers(1, 2)))),
        start=time(9, 0),
        end=time(draw(st.integers(10, 14)), 0),
        slot_minutes=draw(st.sampled_from([20, 30, 45])),
        gap_minutes=draw(st.sampled_from([0, 5])),
        breaks=((time(11, 0), time(11, 30)),) if draw(st.booleans()) else (),
        max_per_host_per_day=draw(st.none() | st.integers(1, 4)),
        max_per_startup_per_day=draw(st.none() | st.integers(1, 3)),
    )


def _degree(pairs: set[tuple[int, int]]) -> int:
    counts: dict[tuple[str, int], int] = {}
    for s, h in pairs:
        counts[("s", s)] = counts.get(("s", s), 0) + 1
        counts[("h", h)] = counts.get(("h", h), 0) + 1
    return max(counts.values(), default=0)


@FAST
@given(pair_lists, plans())
def test_nobody_is_double_booked_and_limits_hold(
    pairs: list[tuple[int, int]], plan: DayPlan
) -> None:
    result = schedule(pairs, plan)
    seen: set[tuple[str, int, int]] = set()
    per_day: dict[tuple[str, int, date], int] = {}
    for m in result.meetings:
        for key in (("s", m.startup_id, m.slot.index), ("h", m.host_id, m.slot.index)):
            assert key not in seen
            seen.add(key)
        for side, who in (("s", m.startup_id), ("h", m.host_id)):
            per_day[(side, who, m.slot.day)] = per_day.get((side, who, m.slot.day), 0) + 1
    for (side, _who, _day), n in per_day.items():
        limit = plan.max_per_host_per_day if side == "h" else plan.max_per_startup_per_day
        assert limit is None or n <= limit
    met = [(m.startup_id, m.host_id) for m in result.meetings]
    left = [(u.startup_id, u.host_id) for u in result.unscheduled]
    assert sorted(met + left) == sorted(set(pairs))  # each pair exactly once


@FAST
@given(pair_lists, plans(), st.randoms(use_true_random=False))
def test_without_limits_every_pair_fits_when_the_busiest_has_enough_slots(
    pairs: list[tuple[int, int]], plan: DayPlan, rnd: random.Random
) -> None:
    plan = DayPlan(days=plan.days, end=plan.end, slot_minutes=plan.slot_minutes)
    result = schedule(pairs, plan)
    if _degree(set(pairs)) <= len(result.slots):
        assert result.unscheduled == ()
        # Kőnig: the rounds use exactly as many slots as the busiest participant needs.
        assert len({m.slot.index for m in result.meetings}) == _degree(set(pairs))
    shuffled = list(pairs)
    rnd.shuffle(shuffled)
    assert schedule(shuffled, plan) == result


def test_slots_skip_breaks_and_are_in_utc() -> None:
    plan = DayPlan(
        days=(DAY,),
        start=time(9),
        end=time(14),
        slot_minutes=60,
        breaks=((time(11, 30), time(12, 30)),),
    )
    slots = slots_of(plan)
    # Beijing is UTC+8: 09:00, 10:00, then the 11:00 slot would overlap the break.
    assert [s.starts_at.strftime("%H:%M") for s in slots] == ["01:00", "02:00", "04:30"]
    assert all(s.starts_at.tzinfo is UTC for s in slots)


def test_unknown_time_zone_is_refused() -> None:
    with pytest.raises(ScheduleInputError, match="time zone"):
        slots_of(DayPlan(days=(DAY,), timezone="Mars/Olympus"))


def test_pairs_that_cannot_fit_are_returned_with_a_reason() -> None:
    plan = DayPlan(days=(DAY,), start=time(9), end=time(10), slot_minutes=30, breaks=())
    result = schedule([(1, 101), (2, 101), (3, 101)], plan)
    assert len(result.meetings) == 2
    [left] = result.unscheduled
    assert "no slot left" in left.reason


def _unfold(text: str) -> list[str]:
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_ics_is_rfc5545_text_with_utc_times_stable_uids_and_escaping() -> None:
    plan = DayPlan(days=(DAY,), breaks=())
    result = schedule([(7, 101), (7, 102), (8, 101)], plan)
    mine = result.of("startup", 7)
    stamp = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    text = calendar(
        mine,
        camp_id=3,
        camp_name="Beijing–Munich camp; spring, 2026",
        location="Zhongguancun, Haidian; Beijing",
        title=lambda m: f"Meeting with host {m.host_id}",
        description=lambda m: "量子传感 " * 20,
        stamp=stamp,
    )
    raw_lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in raw_lines)
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert "X-WR-CALNAME:Beijing–Munich camp\\; spring\\, 2026" in lines
    events = [i for i, line in enumerate(lines) if line == "BEGIN:VEVENT"]
    assert len(events) == len(mine) == 2
    for start, meeting in zip(events, mine, strict=True):
        props = dict(line.split(":", 1) for line in lines[start + 1 : start + 8])
        assert props["UID"] == f"camp-3-startup-7-host-{meeting.host_id}@matchmaker"
        assert props["DTSTAMP"] == "20260501T080000Z"
        assert props["DTSTART"] == meeting.slot.starts_at.strftime("%Y%m%dT%H%M%SZ")
        assert props["DTEND"] == meeting.slot.ends_at.strftime("%Y%m%dT%H%M%SZ")
        assert props["LOCATION"] == "Zhongguancun\\, Haidian\\; Beijing"
    assert any(line == "DESCRIPTION:" + "量子传感 " * 20 for line in lines)


def test_folding_never_splits_a_utf8_character() -> None:
    line = "SUMMARY:" + "孵化器" * 40
    folded = fold(line)
    for piece in folded.split("\r\n"):
        assert len(piece.encode("utf-8")) <= 75
        piece.encode("utf-8").decode("utf-8")
    assert folded.replace("\r\n ", "") == line


def test_meetings_of_a_participant_are_in_time_order() -> None:
    result = schedule([(1, 101), (1, 102), (1, 103), (2, 101)], DayPlan(days=(DAY,)))
    mine: list[Meeting] = result.of("startup", 1)
    assert [m.slot.index for m in mine] == sorted(m.slot.index for m in mine)
    assert {m.host_id for m in result.of("host", 101)} == {101}


def test_days_at_the_end_of_the_calendar_have_no_slots_instead_of_failing() -> None:
    # 9999-12-31 17:00 in Los Angeles is in year 10000 in UTC, which datetime cannot hold.
    last = date(9999, 12, 31)
    plan = DayPlan(days=(last - timedelta(days=1), last), timezone="America/Los_Angeles")
    assert {s.day for s in slots_of(plan)} == {last - timedelta(days=1)}
    first = DayPlan(days=(date(1, 1, 1),), start=time(1), timezone="Asia/Shanghai")
    assert slots_of(first) == []


def test_waiting_meetings_skip_the_days_a_side_has_filled(monkeypatch: pytest.MonkeyPatch) -> None:
    # A host that meets one startup a day: each waiting meeting used to try every slot of
    # every earlier day, quadratic in the meetings (300 over a year took 20 s).
    days = tuple(DAY + timedelta(days=n) for n in range(60))
    plan = DayPlan(days=days, start=time(8), end=time(20), breaks=(), max_per_host_per_day=1)
    per_day = len(slots_of(DayPlan(days=(DAY,), start=time(8), end=time(20), breaks=())))
    pairs = [(s, 101) for s in range(1, 61)]
    tries = 0
    fits = schedule_module._Book.fits

    def counted(book: schedule_module._Book, s: int, h: int, slot: Slot) -> bool:
        nonlocal tries
        tries += 1
        return fits(book, s, h, slot)

    monkeypatch.setattr(schedule_module._Book, "fits", counted)
    result = schedule(pairs, plan)
    assert len(result.meetings) == len(pairs)
    assert sorted(m.slot.day for m in result.meetings) == list(days)
    assert tries <= 2 * len(pairs) * per_day  # old code: about len(pairs) ** 2 / 2 * per_day
