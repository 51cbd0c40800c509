"""Camp explanations in the language Accept-Language asks for, as match explanations are."""

from __future__ import annotations

import re

from matchmaker.camps import wording
from matchmaker.camps.schemas import ExplanationDetail
from tests.camps.conftest import World

# Latin words of an English sentence; names in these camps are English ("Incubator 12").
ENGLISH = re.compile(r"\b(placed|choice|places|eligible|ranked|camp|host)\b", re.IGNORECASE)


def _sentences(view: dict[str, object]) -> list[str]:
    rows = [*view["assignments"], *view["unplaced"]]  # type: ignore[misc]
    return [str(row["explanation"]) for row in rows]


def test_allocation_explanations_follow_accept_language(world: World) -> None:
    english = world.allocate()
    r = world.client.get(
        world.url("/allocation"), headers={**world.organiser, "Accept-Language": "zh-CN,en;q=0.5"}
    )
    assert r.status_code == 200
    assert r.headers["Content-Language"] == "zh-CN"
    assert "Accept-Language" in r.headers["Vary"]
    chinese = r.json()
    assert len(_sentences(chinese)) == len(_sentences(english)) == len(world.startups)
    for text in _sentences(chinese):
        assert ENGLISH.search(text) is None, text
        assert text.startswith(("已入选", "未入选", "保留在")), text
    # Only the sentences change: the facts are the same in every language.
    assert [a["explanation_detail"] for a in chinese["assignments"]] == [
        a["explanation_detail"] for a in english["assignments"]
    ]
    r = world.client.get(
        world.url("/allocation"), headers={**world.organiser, "Accept-Language": "en"}
    )
    assert r.headers["Content-Language"] == "en"
    assert _sentences(r.json()) == _sentences(english)
    assert all(t.startswith(("Placed with", "Not placed")) for t in _sentences(english))


def test_a_managers_move_is_explained_in_the_asked_language(world: World) -> None:
    result = world.allocate()
    taken: dict[int, int] = {}
    for a in result["assignments"]:
        taken[a["host_id"]] = taken.get(a["host_id"], 0) + 1
    free = next(h["id"] for h in world.camp["hosts"] if taken.get(h["id"], 0) < h["places"])
    moved = next(a for a in result["assignments"] if a["host_id"] != free)
    r = world.client.patch(
        world.url(f"/assignments/{moved['startup_id']}"),
        json={"host_id": free},
        headers={**world.organiser, "Accept-Language": "zh"},
    )
    assert r.status_code == 200, r.text
    assert r.headers["Content-Language"] == "zh-CN"
    assert r.json()["explanation"] == "由加速营管理者安排在此。"


def test_eligibility_reasons_and_alternatives_are_put_into_chinese() -> None:
    detail = ExplanationDetail(
        status="unplaced",
        outcome="outranked",
        choice=None,
        choices=1,
        preference_source="ranking",
        ahead=[
            {
                "host_id": 1,
                "choice": 1,
                "reason": "full",
                "places": 8,
                "locked": 2,
                "your_rank": 11,
                "last_admitted_rank": 9,
                "quota": None,
            }
        ],
        ineligible=[
            {
                "host_id": 2,
                "reasons": [
                    "works in none of the domains ai, robotics",
                    "stage idea is not one of growth, pilot",
                    "TRL 3 is outside 5-9",
                ],
            }
        ],
        alternatives=[
            {"host_id": 3, "kind": "free_places", "free_places": 2, "places_short": None},
            {"host_id": 1, "kind": "closest", "free_places": 0, "places_short": 2},
        ],
        quota=None,
    )
    names = {1: "Bridge", 2: "Kessler", 3: "Zhongguancun"}
    assert wording.sentence(detail, None, names, "en") == (
        "Not placed: your 1st choice, Bridge, filled its 8 places (2 of them locked) with "
        "startups it ranked above you. Nearest alternatives: Zhongguancun has 2 places left; "
        "Bridge (you were 2 places short). You ranked Kessler, but you are not eligible there: "
        "works in none of the domains ai, robotics; stage idea is not one of growth, pilot; "
        "TRL 3 is outside 5-9."
    )
    assert wording.sentence(detail, None, names, "zh") == (
        "未入选：您的第 1 志愿Bridge的 8 个名额（其中 2 个已锁定）已由其排在您之前的初创企业占满。"
        "最接近的选择：Zhongguancun还剩 2 个名额；Bridge（您差 2 个名次）。"
        "您选择了Kessler，但不符合其条件：不属于以下任一领域：人工智能、机器人；"
        "阶段“创意”不在成长期、中试之中；技术成熟度 3 不在 5-9 之间。"
    )


def test_the_schedule_and_its_calendar_follow_accept_language(world: World) -> None:
    world.allocate()
    zh = {**world.organiser, "Accept-Language": "zh-CN"}
    r = world.client.get(world.url("/schedule"), headers=zh)
    assert r.headers["Content-Language"] == "zh-CN"
    assert r.json()["meetings"]
    r = world.client.get(world.url("/schedule"), params={"format": "ics"}, headers=zh)
    assert r.status_code == 200
    assert r.headers["Content-Language"] == "zh-CN"
    assert "Accept-Language" in r.headers["Vary"]
    text = r.text.replace("\r\n ", "")  # unfold
    assert "对接日" in text
    assert " meets " not in text
    assert "matchmaking day" not in text
    r = world.client.get(world.url("/schedule"), params={"format": "ics"}, headers=world.organiser)
    assert r.headers["Content-Language"] == "en"
    assert " meets " in r.text.replace("\r\n ", "")


def test_a_pair_without_a_slot_is_told_why_in_the_asked_language(world: World) -> None:
    body = {
        "name": "too short a day",
        "starts_on": "2026-10-01",
        "ends_on": "2026-10-01",
        "location": "x",
        "hosts": [{"incubator_id": world.incubators[0], "places": 1}],
        "day_plan": {"start": "09:00", "end": "09:10", "slot_minutes": 30, "breaks": []},
    }
    r = world.client.post("/v1/camps", json=body, headers=world.organiser)
    assert r.status_code == 201, r.text
    url = f"/v1/camps/{r.json()['id']}"
    startup = world.startups[0]
    r = world.client.post(
        f"{url}/applications", json={"startup_id": startup}, headers=world.owner(startup)
    )
    assert r.status_code == 201, r.text
    assert world.client.post(f"{url}/allocate", headers=world.organiser).status_code == 200
    zh = {**world.organiser, "Accept-Language": "zh"}
    (missing,) = world.client.get(f"{url}/schedule", headers=zh).json()["unscheduled"]
    assert missing["reason"] == "对接日安排中没有时段"
    (missing,) = world.client.get(f"{url}/schedule", headers=world.organiser).json()["unscheduled"]
    assert missing["reason"] == "the day plan has no slots"


def test_every_reason_of_the_quota_report_is_put_into_chinese() -> None:
    cases = {
        "only 1 startup of the group applied": "该组只有 1 家初创企业申请",
        "only 2 startups of the group applied": "该组只有 2 家初创企业申请",
        (
            "only 1 startup of the group could be placed at all, given eligibility, both "
            "sides' rankings and the hosts' places; camp caps left out 2 of them"
        ): "受资格条件、双方排序和各承办方名额所限，该组最多只能安排 1 家初创企业；"
        "加速营上限排除了其中 2 家",
        "locked assignments already exceed the cap": "已锁定的分配已超出上限",
    }
    for english, chinese in cases.items():
        assert wording.quota_reason(english, "zh") == chinese
        assert wording.quota_reason(english, "en") == english
    assert wording.quota_reason(None, "zh") is None
    # Words this version does not write (a later one's, stored in a shared database): as stored.
    assert wording.quota_reason("a reason of the future", "zh") == "a reason of the future"


def test_the_quota_reports_reason_follows_accept_language(world: World) -> None:
    # Three places kept for Tianjin, where two of the applicants are.
    body = {
        "name": "three from Tianjin",
        "starts_on": "2026-10-01",
        "ends_on": "2026-10-01",
        "location": "Tianjin",
        "hosts": [{"incubator_id": world.incubators[1], "places": 3}],
        "quotas": [
            {
                "name": "three from Tianjin",
                "attribute": "region",
                "values": ["tianjin"],
                "at_least": 3,
            }
        ],
    }
    r = world.client.post("/v1/camps", json=body, headers=world.organiser)
    assert r.status_code == 201, r.text
    url = f"/v1/camps/{r.json()['id']}"
    for s in world.startups[:3]:  # Beijing, Tianjin, Baoding
        r = world.client.post(f"{url}/applications", json={"startup_id": s}, headers=world.owner(s))
        assert r.status_code == 201, r.text
    r = world.client.post(
        f"{url}/allocate", headers={**world.organiser, "Accept-Language": "zh-CN"}
    )
    assert r.status_code == 200, r.text
    assert r.headers["Content-Language"] == "zh-CN"
    (row,) = r.json()["quota_report"]
    assert (row["required"], row["achieved"], row["met"]) == (3, 1, False)
    assert row["reason"] == "该组只有 1 家初创企业申请"
    r = world.client.get(f"{url}/allocation", headers={**world.organiser, "Accept-Language": "en"})
    assert r.headers["Content-Language"] == "en"
    (row,) = r.json()["quota_report"]
    assert row["reason"] == "only 1 startup of the group applied"
