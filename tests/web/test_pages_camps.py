"""Camp pages over HTTP: who may open, rank and allocate, and that the pages act through the
camps services (the API reads back what a form saved)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from matchmaker.camps import service
from matchmaker.camps.models import Camp, CampAllocationRun
from matchmaker.web.session import LANG_COOKIE
from tests.camps.conftest import World, build_world
from tests.conftest import KeyFactory, bearer, mint_key
from tests.web.test_session import _browser, _csrf, _sign_in

SHOWN = re.compile(r'name="shown" value="(\d+)"')


@pytest.fixture
def camp(client: TestClient, auth: KeyFactory) -> World:
    return build_world(client, auth)


def _as(world: World, headers: dict[str, str]) -> TestClient:
    """A browser signed in with the key behind ``headers``."""
    browser = _browser(world.client.app)  # type: ignore[arg-type]
    _sign_in(browser, headers["Authorization"].removeprefix("Bearer "))
    return browser


def _runs(world: World) -> int:
    sessions = world.client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(CampAllocationRun)) or 0


def _ranking(world: World, host_id: int) -> list[int]:
    sessions = world.client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as session:
        return service.rankings(session, session.get_one(Camp, world.camp["id"]))[host_id]


def test_who_may_open_rank_and_allocate(camp: World, auth: KeyFactory) -> None:
    cid = camp.camp["id"]
    mine = camp.host(camp.incubators[0])
    theirs = camp.host(camp.incubators[1])

    runner = _as(camp, camp.organiser)
    listed = runner.get("/camps")
    assert listed.status_code == 200
    assert camp.camp["name"] in listed.text
    assert "You run it" in listed.text
    page = runner.get(f"/camps/{cid}")
    assert page.status_code == 200
    assert "Run allocation" in page.text
    assert runner.get(f"/camps/{cid}/hosts/{theirs}").status_code == 200  # runs every host

    host = _as(camp, camp.host_manager)
    assert "You host" in host.get("/camps").text
    page = host.get(f"/camps/{cid}")
    assert page.status_code == 200
    assert "Run allocation" not in page.text
    assert f'href="/camps/{cid}/hosts/{mine}"' in page.text
    assert f'href="/camps/{cid}/hosts/{theirs}"' not in page.text
    assert host.get(f"/camps/{cid}/hosts/{mine}").status_code == 200
    assert host.get(f"/camps/{cid}/hosts/{theirs}").status_code == 403
    refused = host.post(f"/camps/{cid}/allocate", data={"csrf": _csrf(host, f"/camps/{cid}")})
    assert refused.status_code == 403
    assert refused.headers["content-type"].startswith("text/html")
    assert _runs(camp) == 0
    form = {"csrf": _csrf(host, f"/camps/{cid}"), "shown": [str(s) for s in camp.startups]}
    assert host.post(f"/camps/{cid}/hosts/{theirs}", data=form).status_code == 403

    stranger = _as(camp, auth("manager"))
    assert "You run or host no camp yet." in stranger.get("/camps").text
    for path in ("", "/schedule", "/schedule.ics", f"/hosts/{mine}"):
        assert stranger.get(f"/camps/{cid}{path}").status_code == 403, path
    founder = _as(camp, camp.founders[0])
    assert founder.get(f"/camps/{cid}").status_code == 403
    assert runner.get("/camps/99999").status_code == 404
    # Without this session's CSRF token nothing runs.
    assert runner.post(f"/camps/{cid}/allocate").status_code == 403
    assert _runs(camp) == 0


def test_a_host_ranks_by_form_and_the_runner_allocates_from_the_page(camp: World) -> None:
    cid = camp.camp["id"]
    mine = camp.host(camp.incubators[0])
    host = _as(camp, camp.host_manager)
    page = host.get(f"/camps/{cid}/hosts/{mine}").text
    shown = SHOWN.findall(page)
    assert sorted(int(s) for s in shown) == sorted(camp.startups)
    assert page.count("Camp score") == len(camp.startups)  # each applicant is explained
    first, second = int(shown[-1]), int(shown[0])
    form = {
        "csrf": _csrf(host, f"/camps/{cid}/hosts/{mine}"),
        "shown": shown,
        f"rank-{first}": "1",
        f"rank-{second}": "2",
        "accept_unranked": "on",
    }
    saved = host.post(f"/camps/{cid}/hosts/{mine}", data=form)
    assert saved.status_code == 200
    assert "Ranking saved: 2 applicants ranked." in saved.text
    assert _ranking(camp, mine) == [first, second]
    assert SHOWN.findall(saved.text)[:2] == [str(first), str(second)]  # ranked ones first

    form.update({"csrf": _csrf(host, f"/camps/{cid}/hosts/{mine}"), f"rank-{first}": "first"})
    bad = host.post(f"/camps/{cid}/hosts/{mine}", data=form)
    assert "Enter whole numbers from 1, or leave blank." in bad.text
    assert _ranking(camp, mine) == [first, second]  # unchanged

    runner = _as(camp, camp.organiser)
    done = runner.post(
        f"/camps/{cid}/allocate",
        data={"csrf": _csrf(runner, f"/camps/{cid}")},
        follow_redirects=False,
    )
    assert (done.status_code, done.headers["location"]) == (303, f"/camps/{cid}#allocation")
    assert _runs(camp) == 1
    page = runner.get(f"/camps/{cid}").text
    api = camp.client.get(f"/v1/camps/{cid}/allocation", headers=camp.organiser).json()
    assert f"Allocation done: {len(api['assignments'])} placed" in page
    for a in api["assignments"]:
        assert a["explanation"].replace("'", "&#39;") in page  # the run's own sentences
    for u in api["unplaced"]:
        assert u["explanation"].replace("'", "&#39;") in page
    for q in api["quota_report"]:
        assert q["name"] in page
    # A host's manager sees the assignments to its own host only, as in the API.
    own = [a for a in api["assignments"] if a["host_id"] == mine]
    host_page = host.get(f"/camps/{cid}").text
    others = [a for a in api["assignments"] if a["host_id"] != mine]
    assert all(a["startup_name"] in host_page for a in own)
    assert all(a["explanation"].replace("'", "&#39;") not in host_page for a in others)

    schedule = runner.get(f"/camps/{cid}/schedule")
    assert schedule.status_code == 200
    assert schedule.text.count("<tr>") - 1 == len(api["assignments"])  # one meeting each
    ics = runner.get(f"/camps/{cid}/schedule.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert "attachment" in ics.headers["content-disposition"]
    same = camp.client.get(
        f"/v1/camps/{cid}/schedule", params={"format": "ics"}, headers=camp.organiser
    )

    def events(text: str) -> list[str]:
        return [line for line in text.split("\r\n") if not line.startswith("DTSTAMP:")]

    assert ics.text.startswith("BEGIN:VCALENDAR\r\n")
    assert events(ics.text) == events(same.text)


def test_a_ranking_with_digits_int_cannot_read_is_refused_on_the_page(camp: World) -> None:
    cid = camp.camp["id"]
    mine = camp.host(camp.incubators[0])
    host = _as(camp, camp.host_manager)
    here = f"/camps/{cid}/hosts/{mine}"
    first = camp.startups[0]
    # "²" is a digit to str.isdigit() but not to int(); 5,000 digits is past int()'s limit.
    for shown, rank in (("²", "1"), ("9" * 5000, "1"), (str(first), "²"), (str(first), "1" * 5000)):
        form = {"csrf": _csrf(host, here), "shown": [shown], f"rank-{first}": rank}
        r = host.post(here, data=form)
        assert r.status_code == 200, (shown[:5], rank[:5])
        assert r.headers["content-type"].startswith("text/html")
        assert "Enter whole numbers from 1, or leave blank." in r.text
    assert _ranking(camp, mine) == []


def test_the_camp_pages_read_in_chinese(camp: World) -> None:
    cid = camp.camp["id"]
    runner = _as(camp, camp.organiser)
    runner.cookies.set(LANG_COOKIE, "zh")
    camp.client.post(f"/v1/camps/{cid}/allocate", headers=camp.organiser)
    page = runner.get(f"/camps/{cid}").text
    for chinese in ("申请企业", "运行名额分配", "配额报告", "分配结果", "对接会日程"):
        assert chinese in page
    assert "Run allocation" not in page
    assert "Quota report" not in page
    # The explanations too, not only the page around them.
    assert "已入选您" in page
    assert "Placed with your" not in page
    assert "加速营" in runner.get("/camps").text


def test_the_quota_reports_reason_reads_in_chinese_on_the_page(camp: World) -> None:
    body = {
        "name": "three from Tianjin",
        "starts_on": "2026-10-01",
        "ends_on": "2026-10-01",
        "location": "Tianjin",
        "hosts": [{"incubator_id": camp.incubators[1], "places": 3}],
        "quotas": [{"name": "three", "attribute": "region", "values": ["tianjin"], "at_least": 3}],
    }
    made = camp.client.post("/v1/camps", json=body, headers=camp.organiser)
    assert made.status_code == 201, made.text
    cid = made.json()["id"]
    for s in camp.startups[:3]:  # one of them from Tianjin
        r = camp.client.post(
            f"/v1/camps/{cid}/applications", json={"startup_id": s}, headers=camp.owner(s)
        )
        assert r.status_code == 201, r.text
    assert camp.client.post(f"/v1/camps/{cid}/allocate", headers=camp.organiser).is_success
    runner = _as(camp, camp.organiser)
    runner.cookies.set(LANG_COOKIE, "zh")
    page = runner.get(f"/camps/{cid}").text
    assert "该组只有 1 家初创企业申请" in page
    assert "of the group applied" not in page


def test_a_key_from_the_api_is_not_a_page_session(camp: World) -> None:
    cid = camp.camp["id"]
    key = mint_key(camp.client, "admin")
    anonymous = _browser(camp.client.app)  # type: ignore[arg-type]
    r = anonymous.get(f"/camps/{cid}", headers=bearer(key), follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (303, f"/signin?next=/camps/{cid}")
