"""Chinese names and descriptions: validated and stored as given, limits counted in
characters (not bytes) on both databases, imported from UTF-8 files, shown on the pages."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from tests.factories import startup_body
from tests.imports.helpers import run
from tests.profiles.helpers import assert_invalid, create

# 200 characters, 600 bytes in UTF-8: the name's limit is in characters.
LONGEST_NAME = ("北京智能机器人科技有限公司" * 16)[:200]


def test_chinese_profiles_round_trip_and_limits_count_characters(client: TestClient) -> None:
    description = "我们研发协作机械臂，用于汽车焊接产线。\n第二段：视觉检测与力控。"
    made = create(
        client,
        "startups",
        startup_body(name=LONGEST_NAME, pitch="焊" * 280, description=description),
    )
    got = client.get(f"/v1/startups/{made['id']}").json()
    assert (got["name"], got["pitch"], got["description"]) == (
        LONGEST_NAME,
        "焊" * 280,
        description,
    )
    assert len(got["name"].encode()) == 600
    too_long = client.post("/v1/startups", json=startup_body(name=LONGEST_NAME + "司"))
    assert_invalid(too_long, "name")
    assert_invalid(client.post("/v1/startups", json=startup_body(pitch="焊" * 281)), "pitch")
    # Full-width punctuation and the ideographic space are text, not control characters.
    spaced = create(client, "startups", startup_body(name="智臂　科技（北京）"))
    assert spaced["name"] == "智臂　科技（北京）"


def test_a_utf8_csv_and_json_of_chinese_profiles_import_as_written(client: TestClient) -> None:
    mapping = {
        "external_id": "编号",
        "fields": {
            "name": "名称",
            "description": "简介",
            "domains": {"column": "领域", "split": "；", "map": {"机器人": "robotics"}},
            "stage": {"value": "prototype"},
            "trl": "trl",
            "location.city": "城市",
            "location.region": {"column": "城市", "map": {"天津": "tianjin"}},
        },
    }
    csv = "编号,名称,简介,领域,trl,城市\nz1,津港机器人,港口自动化的巡检机器人。,机器人,5,天津\n"
    job = run(client, "\ufeff" + csv, "初创企业.csv", mapping=mapping, source="zh-csv")
    assert (job["status"], job["created"], job["failed"]) == ("finished", 1, 0), job
    rows = [
        {
            "编号": "z2",
            "名称": "冀北氢能",
            "简介": "氢燃料电池。",
            "领域": "机器人",
            "trl": 4,
            "城市": "天津",
        }
    ]
    job = run(
        client, json.dumps(rows, ensure_ascii=False), "企业.json", mapping=mapping, source="zh-json"
    )
    assert (job["status"], job["created"], job["failed"]) == ("finished", 1, 0), job
    found = client.get("/v1/startups", params={"q": "机器人"}).json()["items"]
    assert [(s["name"], s["location"]["city"]) for s in found] == [("津港机器人", "天津")]
    assert client.get("/v1/startups", params={"q": "氢能"}).json()["items"][0]["name"] == "冀北氢能"
