"""What a camp may ask for: a bounded length, and rules that can be met."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import update

from matchmaker.camps import days
from matchmaker.camps.models import Camp
from matchmaker.camps.schemas import MAX_CAMP_DAYS
from tests.camps.conftest import World


def _camp(world: World, **changes: Any) -> Any:
    body = {
        "name": "x",
        "starts_on": "2026-10-01",
        "ends_on": "2026-10-02",
        "location": "x",
        "timezone": "Asia/Shanghai",
        "hosts": [{"incubator_id": world.incubators[0], "places": 2}],
        **changes,
    }
    return world.client.post("/v1/camps", json=body, headers=world.organiser)


def _refusal(r: Any) -> dict[str, str]:
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "validation_failed"
    return dict(r.json()["detail"][0])


def test_a_camp_lasts_at_most_max_camp_days(world: World) -> None:
    last = date(2026, 10, 1) + timedelta(days=MAX_CAMP_DAYS - 1)
    assert _camp(world, ends_on=last.isoformat()).status_code == 201
    error = _refusal(_camp(world, ends_on=(last + timedelta(days=1)).isoformat()))
    assert error["field"] == "ends_on"
    assert f"at most {MAX_CAMP_DAYS} days" in error["reason"]
    assert last.isoformat() in error["reason"]
    error = _refusal(_camp(world, starts_on="2098-12-01", ends_on="2099-12-31"))
    assert error["field"] == "ends_on"
    assert f"at most {MAX_CAMP_DAYS} days" in error["reason"]
    assert _refusal(_camp(world, ends_on="9999-12-31"))["field"] == "ends_on"
    error = _refusal(_camp(world, ends_on="2026-09-30"))
    assert error == {"field": "ends_on", "reason": "must not be before starts_on"}


def test_camp_days_are_in_this_century(world: World) -> None:
    error = _refusal(_camp(world, starts_on="9999-12-30", ends_on="9999-12-31"))
    assert error["field"] == "starts_on"
    assert "2099-12-31" in error["reason"]
    error = _refusal(_camp(world, starts_on="1999-12-31"))
    assert error["field"] == "starts_on"
    error = _refusal(_camp(world, day_plan={"days": ["2026-10-01", "2100-01-01"]}))
    assert error["field"] == "day_plan.days.1"


def test_the_day_plan_of_a_long_stored_camp_covers_its_first_max_camp_days() -> None:
    camp = Camp(
        starts_on=date(2026, 10, 1), ends_on=date(9999, 12, 31), day_plan={}, timezone="UTC"
    )
    plan = days.day_plan(camp)
    assert len(plan.days) == MAX_CAMP_DAYS
    assert plan.days[0] == camp.starts_on


def test_the_schedule_of_a_long_stored_camp_answers(world: World) -> None:
    """A camp stored before the limit, running to the end of the calendar."""
    world.allocate()
    sessions = world.client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as session, session.begin():
        session.execute(
            update(Camp).where(Camp.id == world.camp["id"]).values(ends_on=date(9999, 12, 31))
        )
    r = world.client.get(world.url("/schedule"), headers=world.organiser)
    assert r.status_code == 200, r.text
    per_day = 8  # 09:00-17:00 in 45-minute slots around the 12:00-13:30 break
    assert r.json()["slots"] == MAX_CAMP_DAYS * per_day
    meetings = len(r.json()["meetings"])
    assert meetings > 0
    r = world.client.get(world.url("/schedule"), params={"format": "ics"}, headers=world.organiser)
    assert r.status_code == 200
    assert r.text.count("BEGIN:VEVENT") == meetings
