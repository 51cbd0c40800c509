"""Checks of a new camp that look at more than one value: a day plan that can hold meetings,
and quotas over values a startup can have.

They run when a camp is written, not when one is read: a camp stored before a check existed
still reads and schedules (a break that ends before it starts just never clashes).
"""

from __future__ import annotations

from datetime import time

from matchmaker.camps.schemas import CampCreate, DayPlanIn, QuotaIn
from matchmaker.errors import InvalidInput
from matchmaker.profiles.formats import countries
from matchmaker.vocab import Region

Problem = dict[str, str]


def check(data: CampCreate) -> None:
    """Refuse, naming every field at fault and why, what could never work."""
    problems = _day_plan(data) + [p for n, q in enumerate(data.quotas) for p in _quota(n, q)]
    if problems:
        raise InvalidInput.from_fields(problems)


def _hhmm(at: time) -> str:
    return at.strftime("%H:%M")


def _day_plan(data: CampCreate) -> list[Problem]:
    plan: DayPlanIn = data.day_plan
    out: list[Problem] = []
    if plan.end <= plan.start:
        out.append(_problem("day_plan.end", f"must be after day_plan.start ({_hhmm(plan.start)})"))
    for n, day in enumerate(plan.days or []):
        if not data.starts_on <= day <= data.ends_on:
            span = f"{data.starts_on.isoformat()} to {data.ends_on.isoformat()}"
            out.append(_problem(f"day_plan.days.{n}", f"must be a day of the camp, {span}"))
    earlier: list[tuple[int, time, time]] = []
    for n, (a, b) in enumerate(plan.breaks):
        field = f"day_plan.breaks.{n}"
        if b <= a:
            out.append(_problem(field, f"ends at {_hhmm(b)}, not after it starts ({_hhmm(a)})"))
            continue
        if a < plan.start or b > plan.end:
            hours = f"{_hhmm(plan.start)} to {_hhmm(plan.end)}"
            out.append(_problem(field, f"must be within the day, {hours}"))
            continue
        clash = next(((m, c, d) for m, c, d in earlier if a < d and c < b), None)
        if clash is not None:
            m, c, d = clash
            out.append(_problem(field, f"overlaps break {m} ({_hhmm(c)}-{_hhmm(d)})"))
            continue
        earlier.append((n, a, b))
    return out


REGIONS = tuple(r.value for r in Region)


def _quota(n: int, quota: QuotaIn) -> list[Problem]:
    # Startups' regions and countries come from fixed lists: a value off the list is a typing
    # mistake, and a floor over it could never be met nor a cap ever bind.
    out: list[Problem] = []
    for k, value in enumerate(quota.values):
        field = f"quotas.{n}.values.{k}"
        if quota.attribute == "region" and value not in REGIONS:
            out.append(_problem(field, f"{value!r} is not a region; use {', '.join(REGIONS)}"))
        elif quota.attribute == "country" and value not in countries():
            out.append(
                _problem(
                    field,
                    f"{value!r} is not an assigned ISO 3166-1 country code; write it as "
                    "startups' locations do, in capitals, such as CN or DE",
                )
            )
    return out


def _problem(field: str, reason: str) -> Problem:
    return {"field": field, "reason": reason}
