"""Every report covers a window of UTC days: the last 90 by default, since to until both
included, a 422 naming the field for a window it cannot cover."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest

from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from tests.analytics.conftest import World
from tests.analytics.window_helpers import days_ago, served_to_incubator, today
from tests.conftest import app_process

EXPOSURE = "/v1/analytics/exposure"
FUNNEL = "/v1/analytics/funnel"


def _midnight(day_offset: int) -> datetime:
    return datetime.combine(days_ago(day_offset), time.min, UTC)


def _report(world: World, path: str, **params: Any) -> dict[str, Any]:
    r = world.get(path, world.manager, incubator_id=world.incubator, **params)
    assert r.status_code == 200, r.text
    report: dict[str, Any] = r.json()
    return report


def test_both_reports_cover_the_last_90_days_by_default_and_say_so(world: World) -> None:
    expected = {"since": days_ago(89).isoformat(), "until": today().isoformat(), "days": 90}
    assert _report(world, EXPOSURE)["window"] == expected
    assert _report(world, FUNNEL)["window"] == expected


def test_the_default_length_is_a_setting(
    world: World, settings: Settings, encoder: Encoder
) -> None:
    with app_process(settings, encoder, analytics_window_days=7) as other:
        report = other.get(EXPOSURE).json()
    assert report["window"] == {
        "since": days_ago(6).isoformat(),
        "until": today().isoformat(),
        "days": 7,
    }


def test_an_old_burst_of_lists_is_not_in_todays_figures(world: World) -> None:
    burst = _midnight(200) + timedelta(hours=9)
    for _ in range(50):  # a script reloading a dashboard, 200 days ago
        served_to_incubator(world, burst, "Munich Motion", "Shenzhen Cobots")
    served_to_incubator(world, _midnight(1), "Haidian Grippers")

    recent = _report(world, EXPOSURE)
    assert recent["exposures"] == 1
    regions = {r["group"]: r["exposures"] for r in recent["rows"] if r["dimension"] == "region"}
    assert regions == {"beijing": 1, "tianjin": 0, "hebei": 0, "elsewhere": 0}

    then = days_ago(200).isoformat()
    old = _report(world, EXPOSURE, since=then, until=then)
    assert old["window"] == {"since": then, "until": then, "days": 1}
    assert old["exposures"] == 100
    both = _report(world, EXPOSURE, since=then)
    assert both["exposures"] == 101
    assert both["window"]["days"] == 201


def test_since_and_until_days_are_both_included_whole(world: World) -> None:
    since, until = days_ago(20), days_ago(10)
    start = datetime.combine(since, time.min, UTC)
    end = datetime.combine(until + timedelta(days=1), time.min, UTC)
    served_to_incubator(world, start - timedelta(microseconds=1), "Munich Motion")
    served_to_incubator(world, start, "Haidian Grippers")
    served_to_incubator(world, end - timedelta(microseconds=1), "Binhai Welding Vision")
    served_to_incubator(world, end, "Baoding Robot Joints")
    window = {"since": since.isoformat(), "until": until.isoformat()}

    report = _report(world, EXPOSURE, **window)
    regions = {r["group"]: r["exposures"] for r in report["rows"] if r["dimension"] == "region"}
    assert regions == {"beijing": 1, "tianjin": 1, "hebei": 0, "elsewhere": 0}
    assert _report(world, FUNNEL, **window)["total"]["recommended"] == 2


def test_a_past_window_counts_the_steps_taken_in_it_not_later_ones(world: World) -> None:
    served_to_incubator(world, _midnight(100), "Binhai Welding Vision", "Haidian Grippers")
    world.act(world.manager, "Binhai Welding Vision", action="decline", reason="no_capacity")
    then = {"since": days_ago(100).isoformat(), "until": days_ago(95).isoformat()}

    past = _report(world, FUNNEL, **then)["total"]
    assert (past["recommended"], past["declined"], past["decisions"]) == (2, 0, 0)
    now = _report(world, FUNNEL)["total"]
    # Declined today; the list that showed it is older than the default window.
    assert (now["recommended"], now["declined"], now["decisions"]) == (1, 1, 1)
    assert now["declined_reasons"]["no_capacity"] == 1
    # Over both, the pairs entered with the old list, and one was declined since.
    months = _report(world, FUNNEL, group_by="month", since=then["since"])
    assert [row["group"] for row in months["rows"]] == [days_ago(100).strftime("%Y-%m")]
    assert (months["total"]["recommended"], months["total"]["declined"]) == (2, 1)


def test_a_list_served_again_is_another_impression_but_the_same_pair(world: World) -> None:
    first = world.get(f"/v1/incubators/{world.incubator}/matches", world.manager, limit=3)
    again = world.get(f"/v1/incubators/{world.incubator}/matches", world.manager, limit=3)
    shown = [m["profile"]["id"] for m in first.json()["matches"]]
    assert shown == [m["profile"]["id"] for m in again.json()["matches"]]
    assert shown
    assert _report(world, EXPOSURE)["exposures"] == 2 * len(shown)
    assert _report(world, FUNNEL)["total"]["recommended"] == len(shown)


def test_the_csv_file_names_its_window(world: World) -> None:
    since = days_ago(30).isoformat()
    for path, name in ((EXPOSURE, "exposure"), (FUNNEL, "funnel")):
        r = world.get(path, world.manager, incubator_id=world.incubator, since=since, format="csv")
        assert r.status_code == 200, r.text
        expected = f'filename="{name}_{since}_{today().isoformat()}.csv"'
        assert expected in r.headers["content-disposition"]


@pytest.mark.parametrize(
    ("params", "field", "words"),
    [
        ({"since": 10, "until": 20}, "until", "on or after since"),
        ({"since": -1}, "until", "today"),  # since tomorrow, until left out: today
        ({"since": 400}, "since", "at most 366 days"),
        ({"since": 366, "until": 0}, "since", "at most 366 days"),
        ({"until": -2}, "until", "between 2000-01-01 and"),
        ({"since": "1999-12-31"}, "since", "between 2000-01-01 and"),
        ({"since": "2026-13-01"}, "since", "date"),
        ({"until": "yesterday"}, "until", "YYYY-MM-DD"),
        ({"since": "1733600000"}, "since", "YYYY-MM-DD"),
    ],
)
def test_a_window_the_report_cannot_cover_is_a_422_naming_the_field(
    world: World, params: dict[str, Any], field: str, words: str
) -> None:
    query = {
        key: days_ago(value).isoformat() if isinstance(value, int) else value
        for key, value in params.items()
    }
    for path in (EXPOSURE, FUNNEL):
        r = world.get(path, world.manager, incubator_id=world.incubator, **query)
        assert r.status_code == 422, r.text
        detail = r.json()["detail"][0]
        assert detail["field"] == field
        assert words in detail["reason"]
