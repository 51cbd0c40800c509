"""The funnel counts what happened through the API: lists served, then review actions."""

from __future__ import annotations

import csv
import io

from matchmaker.analytics.export import FUNNEL_COLUMNS
from matchmaker.vocab import DeclineReason
from tests.analytics.conftest import World
from tests.conftest import KeyFactory
from tests.factories import BODIES


def _listed(world: World) -> set[int]:
    r = world.get(f"/v1/incubators/{world.incubator}/matches", world.manager, limit=3)
    assert r.status_code == 200, r.text
    return {m["profile"]["id"] for m in r.json()["matches"]}


def _review(world: World) -> None:
    world.act(world.manager, "Haidian Grippers", action="shortlist")
    world.act(world.manager, "Haidian Grippers", action="accept")
    world.act(world.founder, "Haidian Grippers", action="accept")  # connected
    world.act(world.manager, "Binhai Welding Vision", action="decline", reason="no_capacity")
    world.act(world.founder, "Baoding Robot Joints", action="shortlist")


def test_a_managers_funnel_follows_the_lists_served_and_the_actions_taken(world: World) -> None:
    listed = _listed(world)
    assert listed  # the engine recommended someone
    _review(world)
    acted = {world.startups[n] for n in ("Haidian Grippers", "Binhai Welding Vision")}
    acted.add(world.startups["Baoding Robot Joints"])

    r = world.get("/v1/analytics/funnel", world.manager, incubator_id=world.incubator)
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["scope"] == {"kind": "incubator", "id": world.incubator}
    total = report["total"]
    assert total["recommended"] == len(listed | acted)
    assert (total["shortlisted"], total["accepted"], total["connected"]) == (2, 1, 1)
    assert (total["declined"], total["withdrawn"]) == (1, 0)
    assert total["declined_reasons"]["no_capacity"] == 1
    assert sum(total["declined_reasons"].values()) == 1
    assert set(total["declined_reasons"]) == {r.value for r in DeclineReason}
    # The manager decided twice (accept, decline); the founder's actions are not the target's.
    assert total["decisions"] == 2
    assert 0 <= total["median_hours_to_decision"] < 1
    assert report["rows"] == []


def test_the_funnel_is_broken_down_by_region_stage_domain_and_month(world: World) -> None:
    listed = _listed(world)
    _review(world)
    regions = world.get(
        "/v1/analytics/funnel", world.manager, incubator_id=world.incubator, group_by="region"
    ).json()
    rows = {row["group"]: row for row in regions["rows"]}
    assert list(rows) == ["beijing", "tianjin", "hebei", "elsewhere"]
    assert rows["beijing"]["connected"] == 1
    assert rows["tianjin"]["declined"] == 1
    assert rows["hebei"]["shortlisted"] == 1
    assert sum(row["recommended"] for row in rows.values()) == regions["total"]["recommended"]

    stages = world.get(
        "/v1/analytics/funnel", world.admin, incubator_id=world.incubator, group_by="stage"
    ).json()
    by_stage = {row["group"]: row["shortlisted"] for row in stages["rows"]}
    assert by_stage["prototype"] == 1
    assert by_stage["pilot"] == 1
    assert by_stage["idea"] == 0

    domains = world.get("/v1/analytics/funnel", group_by="domain").json()
    by_domain = {row["group"]: row["recommended"] for row in domains["rows"]}
    # Every startup here has both domains: each pair counts once in each.
    assert by_domain["robotics"] == by_domain["intelligent_manufacturing"]
    assert by_domain["robotics"] == domains["total"]["recommended"] >= len(listed)

    months = world.get("/v1/analytics/funnel", group_by="month").json()
    assert len(months["rows"]) == 1  # everything happened now
    assert months["rows"][0]["group"] == months["rows"][0]["group"][:7]
    assert months["rows"][0]["recommended"] == months["total"]["recommended"]


def test_lists_served_to_a_startup_count_as_recommended_too(world: World) -> None:
    startup = world.startups["Munich Motion"]
    r = world.get(f"/v1/startups/{startup}/matches", world.founder, target="incubators")
    assert r.status_code == 200, r.text
    shown = {m["profile"]["id"] for m in r.json()["matches"]}
    assert world.incubator in shown
    report = world.get("/v1/analytics/funnel", incubator_id=world.incubator).json()
    assert report["total"]["recommended"] == 1
    whole = world.get("/v1/analytics/funnel").json()
    assert whole["scope"] == {"kind": "service", "id": None}
    assert whole["total"]["recommended"] == len(shown)


def test_the_funnel_as_csv_has_one_line_per_group_and_the_total(world: World) -> None:
    _listed(world)
    _review(world)
    asked: list[tuple[dict[str, str], dict[str, str]]] = [
        ({"format": "csv"}, {}),
        ({}, {"Accept": "text/csv"}),
    ]
    for fmt, accept in asked:
        params = {"incubator_id": str(world.incubator), "group_by": "region", **fmt}
        headers = {**world.manager, **accept}
        r = world.client.get("/v1/analytics/funnel", params=params, headers=headers)
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith("text/csv")
        assert "attachment" in r.headers["content-disposition"]
        lines = list(csv.DictReader(io.StringIO(r.text)))
        assert tuple(lines[0].keys()) == FUNNEL_COLUMNS
        assert [line["group"] for line in lines] == [
            "beijing",
            "tianjin",
            "hebei",
            "elsewhere",
            "total",
        ]
        total = lines[-1]
        assert (total["connected"], total["declined_no_capacity"]) == ("1", "1")
        assert total["declined_other"] == "0"


def test_who_may_read_which_funnel(world: World) -> None:
    path = "/v1/analytics/funnel"
    mine = {"incubator_id": world.incubator}
    assert world.get(path, world.manager, **mine).status_code == 200
    assert world.get(path, world.admin, **mine).status_code == 200
    assert world.get(path, world.admin).status_code == 200
    refused = world.get(path, world.outsider, **mine)
    assert refused.status_code == 403
    assert refused.json()["error"] == "forbidden"
    assert world.get(path, world.manager).status_code == 403  # the whole service: admins
    assert world.get(path, world.founder).status_code == 403
    assert world.get(path, world.admin, incubator_id=999_999).status_code == 404
    both = world.get(path, world.admin, incubator_id=world.incubator, partner_id=1)
    assert both.status_code == 422
    assert both.json()["detail"][0]["field"] == "partner_id"
    bad = world.get(path, world.admin, group_by="planet")
    assert bad.status_code == 422
    assert world.client.get(path, headers={"Authorization": ""}).status_code == 401


def test_a_partner_platform_reads_its_partners_funnel(world: World, auth: KeyFactory) -> None:
    partner = world.client.post(
        "/v1/partners", json=BODIES["partners"](domains=["robotics"]), headers=world.admin
    ).json()["id"]
    platform = auth("partner", partner_ids=[partner])
    served = world.get(f"/v1/partners/{partner}/matches", platform)
    assert served.status_code == 200, served.text
    shown = {m["profile"]["id"] for m in served.json()["matches"]}
    assert shown
    report = world.get("/v1/analytics/funnel", platform, partner_id=partner)
    assert report.status_code == 200, report.text
    assert report.json()["scope"] == {"kind": "partner", "id": partner}
    assert report.json()["total"]["recommended"] == len(shown)
    assert world.get(
        "/v1/analytics/funnel", platform, incubator_id=world.incubator
    ).status_code == (403)
    assert world.get("/v1/analytics/funnel", world.manager, partner_id=partner).status_code == 403
