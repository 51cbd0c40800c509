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


def _fields(r: Any) -> dict[str, str]:
    assert r.status_code == 422, r.text
    return {e["field"]: e["reason"] for e in r.json()["detail"]}


def test_a_break_must_end_after_it_starts_within_the_day_and_not_overlap(world: World) -> None:
    plan = {
        "breaks": [["14:00", "13:00"], ["12:00", "13:00"], ["12:30", "13:30"], ["18:00", "19:00"]]
    }
    errors = _fields(_camp(world, day_plan=plan))
    assert errors == {
        "day_plan.breaks.0": "ends at 13:00, not after it starts (14:00)",
        "day_plan.breaks.2": "overlaps break 1 (12:00-13:00)",
        "day_plan.breaks.3": "must be within the day, 09:00 to 17:00",
    }
    errors = _fields(_camp(world, day_plan={"start": "17:00", "end": "09:00", "breaks": []}))
    assert errors == {"day_plan.end": "must be after day_plan.start (17:00)"}
    errors = _fields(_camp(world, day_plan={"days": ["2026-10-02", "2026-10-03"]}))
    assert errors == {"day_plan.days.1": "must be a day of the camp, 2026-10-01 to 2026-10-02"}
    ok = {"breaks": [["10:30", "10:45"], ["12:00", "13:00"]], "days": ["2026-10-02"]}
    assert _camp(world, day_plan=ok).status_code == 201


def test_quota_values_of_regions_and_countries_must_be_on_their_lists(world: World) -> None:
    quotas = [
        {"name": "Tianjin", "attribute": "region", "values": ["tianjin", "tianjn"], "at_least": 1},
        {"name": "Germany", "attribute": "country", "values": ["de"], "at_most": 1},
        {"name": "Europe", "attribute": "country", "values": ["EU"], "at_most": 1},
    ]
    errors = _fields(_camp(world, quotas=quotas))
    assert set(errors) == {"quotas.0.values.1", "quotas.1.values.0", "quotas.2.values.0"}
    assert errors["quotas.0.values.1"].startswith("'tianjn' is not a region; use beijing, ")
    assert "in capitals, such as CN or DE" in errors["quotas.1.values.0"]
    assert "'EU' is not an assigned ISO 3166-1 country code" in errors["quotas.2.values.0"]
    good = [
        {"name": "BTH", "attribute": "region", "values": ["tianjin", "hebei"], "at_least": 1},
        {"name": "Germany", "attribute": "country", "values": ["DE"], "at_most": 1},
        {"name": "per city", "attribute": "city", "per_value": True, "at_most": 1},
    ]
    assert _camp(world, quotas=good).status_code == 201


def test_a_camp_stored_before_these_checks_still_reads_and_schedules(world: World) -> None:
    world.allocate()
    odd = {"days": ["9999-12-31", "2026-06-01"], "breaks": [["14:00", "13:00"]]}
    sessions = world.client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as session, session.begin():
        session.execute(update(Camp).where(Camp.id == world.camp["id"]).values(day_plan=odd))
    r = world.client.get(world.url(), headers=world.organiser)
    assert r.status_code == 200, r.text
    assert r.json()["day_plan"]["days"] == odd["days"]
    r = world.client.get(world.url("/schedule"), headers=world.organiser)
    assert r.status_code == 200, r.text
    assert {m["starts_at"][:10] for m in r.json()["meetings"]} <= {"2026-06-01", "2026-05-31"}
