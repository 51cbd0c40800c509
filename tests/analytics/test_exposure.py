"""The exposure report counts the startups each served list showed, by group, against the pool."""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any

from matchmaker.analytics.export import EXPOSURE_COLUMNS
from tests.analytics.conftest import STARTUPS, World

BUCKET = {"beijing": "beijing", "tianjin": "tianjin", "hebei": "hebei"}


def _served(world: World, limit: int) -> list[dict[str, Any]]:
    r = world.get(f"/v1/incubators/{world.incubator}/matches", world.manager, limit=limit)
    assert r.status_code == 200, r.text
    return list(r.json()["matches"])


def _rows(report: dict[str, Any], dimension: str) -> dict[str, dict[str, Any]]:
    return {r["group"]: r for r in report["rows"] if r["dimension"] == dimension}


def test_exposures_by_region_are_the_lists_served_against_the_pool(world: World) -> None:
    lists = [_served(world, 5), _served(world, 2)]
    r = world.get("/v1/analytics/exposure", world.manager, incubator_id=world.incubator, k=10)
    assert r.status_code == 200, r.text
    report = r.json()
    shown = [m["profile"]["region"] for served in lists for m in served]
    expected = Counter(BUCKET.get(region, "elsewhere") for region in shown)
    assert report["exposures"] == len(shown) > 0
    assert report["pool"] == len(STARTUPS)
    regions = _rows(report, "region")
    assert list(regions) == ["beijing", "tianjin", "hebei", "elsewhere"]
    for group, row in regions.items():
        assert row["exposures"] == expected[group], group
        pool = 2 if group == "elsewhere" else 1
        assert row["pool"] == pool
        assert row["pool_share"] == round(pool / len(STARTUPS), 4)
        share = expected[group] / len(shown)
        assert row["exposure_share"] == round(share, 4)
        assert row["ratio"] == round(share / (pool / len(STARTUPS)), 3)
    founders = _rows(report, "first_time_founders")
    assert {g: row["pool"] for g, row in founders.items()} == {
        "first_time": 2,
        "experienced": 1,
        "unknown": 2,
    }
    assert sum(row["exposures"] for row in founders.values()) == len(shown)
    stages = _rows(report, "stage")
    assert stages["pilot"]["pool"] == 2
    assert stages["idea"]["pool"] == 0
    assert stages["idea"]["ratio"] is None


def test_only_the_top_k_of_each_list_counts(world: World) -> None:
    first, second = _served(world, 5), _served(world, 5)
    report = world.get("/v1/analytics/exposure", incubator_id=world.incubator, k=1).json()
    assert report["k"] == 1
    assert report["exposures"] == 2
    top = Counter(BUCKET.get(s[0]["profile"]["region"], "elsewhere") for s in (first, second))
    regions = _rows(report, "region")
    assert {g: row["exposures"] for g, row in regions.items() if row["exposures"]} == dict(top)
    assert sum(row["startups_shown"] for row in regions.values()) == 1  # the same first one


def test_lists_of_other_targets_and_of_startups_are_not_a_managers_exposure(world: World) -> None:
    r = world.get(f"/v1/incubators/{world.other_incubator}/matches", world.outsider)
    assert r.status_code == 200
    assert r.json()["matches"]
    startup = world.startups["Haidian Grippers"]
    assert world.get(f"/v1/startups/{startup}/matches", world.founder).status_code == 200
    mine = world.get("/v1/analytics/exposure", world.manager, incubator_id=world.incubator)
    assert mine.json()["exposures"] == 0
    assert all(row["ratio"] is None for row in mine.json()["rows"])
    whole = world.get("/v1/analytics/exposure").json()
    assert whole["scope"] == {"kind": "service", "id": None}
    assert whole["exposures"] == len(r.json()["matches"])


def test_the_exposure_report_as_csv(world: World) -> None:
    _served(world, 5)
    r = world.get("/v1/analytics/exposure", world.admin, format="csv")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    lines = list(csv.DictReader(io.StringIO(r.text)))
    assert tuple(lines[0].keys()) == EXPOSURE_COLUMNS
    assert len(lines) == 4 + 5 + 3  # regions, stages, founder groups
    json_rows = world.get("/v1/analytics/exposure").json()["rows"]
    assert [(x["dimension"], x["group"], x["exposures"]) for x in lines] == [
        (row["dimension"], row["group"], str(row["exposures"])) for row in json_rows
    ]


def test_who_may_read_which_exposure_report(world: World) -> None:
    path = "/v1/analytics/exposure"
    assert world.get(path, world.manager, incubator_id=world.incubator).status_code == 200
    assert world.get(path, world.outsider, incubator_id=world.incubator).status_code == 403
    assert world.get(path, world.manager).status_code == 403
    assert world.get(path, world.founder).status_code == 403
    assert world.get(path, world.admin).status_code == 200
    too_many = world.get(path, world.admin, k=1000)
    assert too_many.status_code == 422
    assert too_many.json()["detail"][0]["field"] == "k"
