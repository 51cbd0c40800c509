"""Explanations carry codes and parameters, and come in Chinese when the request asks."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from matchmaker.matching.messages import TEMPLATES
from matchmaker.web.i18n import negotiate
from tests.matching.helpers import make

LATIN_SENTENCE = re.compile(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+")


def _seed(client: TestClient) -> int:
    make(
        client,
        "incubators",
        name="北京机器人孵化器",
        domains=["robotics", "ai"],
        services=["pilot_line"],
        description="为机器人初创企业提供中试线、测试场地和投融资对接。",
    )
    make(client, "incubators", name="芯片中心", domains=["integrated_circuits"], trl_min=6)
    return make(
        client,
        "startups",
        name="智臂科技",
        domains=["robotics", "ai"],
        needs=["pilot_line", "funding"],
        pitch="通过示教学习装配任务的协作机械臂",
        description="我们研发通过模仿学习训练的协作机械臂，帮助工厂快速部署新的装配任务。",
    )


def _get(client: TestClient, path: str, language: str | None) -> Any:
    headers = {"Accept-Language": language} if language else {}
    r = client.get(path, headers=headers)
    assert r.status_code == 200, r.text
    return r


def _texts(match: dict[str, Any]) -> list[str]:
    notes = [c["note"] for c in match["components"].values() if c["note"]]
    return [match["reason"], *match["improve"], *notes]


def test_every_reason_hint_and_note_carries_its_code_and_parameters(client: TestClient) -> None:
    startup = _seed(client)
    r = _get(client, f"/v1/startups/{startup}/matches", None)
    assert r.headers["content-language"] == "en"
    found = r.json()["matches"]
    assert len(found) == 2
    for match in found:
        parts = match["reason_parts"]
        assert parts[0]["code"] in {"reason_strong", "reason_good", "reason_partial"}
        assert parts[0]["params"]["title"] == match["profile"]["title"]
        assert parts[0]["params"]["score"] == match["score"]
        assert all(p["code"] in TEMPLATES for p in parts)
        assert [p["text"] for p in match["improve_parts"]] == match["improve"]
        for component in match["components"].values():
            said = component["explanation"]
            if said is not None:
                assert said["text"] == component["note"]
                assert said["code"] in TEMPLATES
    near = found[0]
    assert near["components"]["domain"]["explanation"] == {
        "code": "domain_shared",
        "params": {"domains": ["ai", "robotics"]},
        "text": "shares ai and robotics",
    }
    assert {
        "code": "hint_needs_missing",
        "params": {"kind": "incubator", "missing": ["funding"]},
        "text": "the incubator does not offer funding",
    } in near["improve_parts"]


@pytest.mark.parametrize("language", ["zh", "zh-CN", "zh-Hans;q=0.9, en;q=0.5", "en;q=0.1, zh-TW"])
def test_accept_language_zh_gives_chinese_text_and_the_same_codes(
    client: TestClient, language: str
) -> None:
    startup = _seed(client)
    english = _get(client, f"/v1/startups/{startup}/matches", None).json()
    r = _get(client, f"/v1/startups/{startup}/matches", language)
    assert r.headers["content-language"] == "zh-CN"
    assert "accept-language" in r.headers["vary"].lower()
    chinese = r.json()
    for en, zh in zip(english["matches"], chinese["matches"], strict=True):
        # The numbers and codes do not depend on the language; the words do.
        assert zh["score"] == en["score"]
        assert [p["code"] for p in zh["reason_parts"]] == [p["code"] for p in en["reason_parts"]]
        assert [p["params"] for p in zh["reason_parts"]] == [
            p["params"] for p in en["reason_parts"]
        ]
        assert zh["reason"] != en["reason"]
        for text in _texts(zh):
            assert not LATIN_SENTENCE.search(text.replace(zh["profile"]["title"], "")), text
        assert "契合" in zh["reason"]


def test_english_stays_the_default_and_q_values_decide(client: TestClient) -> None:
    startup = _seed(client)
    for language in ("en", "zh;q=0, en", "fr, de;q=0.5", "en-GB, zh;q=0.8", "*"):
        r = _get(client, f"/v1/startups/{startup}/matches", language)
        assert r.headers["content-language"] == "en", language
        assert r.json()["matches"][0]["reason"].split(" (")[0] in {
            "Strong fit",
            "Good fit",
            "Partial fit",
        }


def test_bundles_and_recommendations_follow_accept_language(client: TestClient) -> None:
    startup = _seed(client)
    r = _get(client, f"/v1/startups/{startup}/bundle", "zh")
    assert r.headers["content-language"] == "zh-CN"
    body = r.json()
    assert body["bundle"] is None
    assert body["message_parts"][0]["code"] == "bundle_missing"
    assert "没有足够可信的匹配" in body["message"]
    first = _get(client, f"/v1/startups/{startup}/matches", None).json()["matches"][0]
    r = _get(client, f"/v1/incubators/{first['profile']['id']}/matches", "zh")  # the reverse
    assert r.headers["content-language"] == "zh-CN"
    assert "契合" in r.json()["matches"][0]["reason"]


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        (None, "en"),
        ("", "en"),
        ("zh", "zh"),
        ("ZH-hans-CN", "zh"),
        ("en-US,en;q=0.9,zh-CN;q=0.8", "en"),
        ("en;q=0.5, zh;q=0.6", "zh"),
        ("zh;q=0", "en"),
        ("zh;q=nan, en;q=0.1", "en"),
        ("zh;q=abc", "en"),
        (";;,,=;q=", "en"),
        ("de, zh;q=0.2", "zh"),
    ],
)
def test_accept_language_is_negotiated_by_q_value(header: str | None, lang: str) -> None:
    assert negotiate(header) == lang
