"""Likely duplicates are found by name and stored vectors, listed for admins only; the demo's
own duplicates are found and merged."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from matchmaker.demo import seed
from tests.conftest import KeyFactory
from tests.factories import startup_body

QIANGU = (
    "Qiangu builds magnetometers based on nitrogen-vacancy centres in diamond, read out with "
    "a laser and microwave pulses, reaching about 10 pT/Hz at room temperature."
)


def _create(client: TestClient, **body: Any) -> int:
    r = client.post("/v1/startups", json=startup_body(**body))
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def _pairs(client: TestClient, kind: str = "startup") -> list[dict[str, Any]]:
    r = client.get("/v1/admin/duplicates", params={"kind": kind})
    assert r.status_code == 200, r.text
    assert r.json()["kind"] == kind
    return list(r.json()["pairs"])


def test_another_spelling_with_the_same_text_is_a_likely_duplicate(client: TestClient) -> None:
    first = _create(client, name="Qiangu Quantum Sensing", description=QIANGU)
    again = _create(client, name="QianGu Quantum-Sensing Co., Ltd.", description=QIANGU)
    _create(
        client,
        name="Luyang Quantum Networks",
        description="Decoy-state BB84 quantum key distribution systems for metro fibre networks.",
    )
    pairs = _pairs(client)
    assert [(p["keep"]["id"], p["merge"]["id"]) for p in pairs] == [(first, again)]
    pair = pairs[0]
    assert pair["name_similarity"] == 1.0
    assert pair["cosine"] > 0.99
    assert {r["code"] for r in pair["reasons"]} == {
        "same_name",
        "similar_name_and_text",
        "near_identical_text",
    }


def test_a_shared_website_with_related_text_is_a_duplicate_under_any_name(
    client: TestClient,
) -> None:
    a = _create(client, name="Photon Nest Labs", website="https://photonnest.example.cn")
    b = _create(
        client,
        name="光巢实验室",
        website="http://www.photonnest.example.cn/zh/",
        description="We build solid-state lidar sensors and perception software for trucks.",
    )
    pairs = _pairs(client)
    assert [(p["keep"]["id"], p["merge"]["id"]) for p in pairs] == [(a, b)]
    assert [r["code"] for r in pairs[0]["reasons"]][0] == "same_website"
    assert pairs[0]["keep"]["website"] == "photonnest.example.cn"


def test_only_an_admin_may_list_duplicates(client: TestClient, auth: KeyFactory) -> None:
    r = client.get("/v1/admin/duplicates", params={"kind": "startup"}, headers=auth("founder"))
    assert r.status_code == 403
    assert client.get("/v1/admin/duplicates", params={"kind": "robot"}).status_code == 422
    assert client.get("/v1/admin/duplicates").status_code == 422


def test_the_demo_duplicates_are_found_and_merged(client: TestClient) -> None:
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    counts = seed.load(runtime.settings, runtime)
    pairs = _pairs(client)
    found = {(p["keep"]["title"], p["merge"]["title"]) for p in pairs}
    assert found == {
        ("Qiangu Quantum Sensing", "QianGu Quantum-Sensing Co., Ltd."),
        ("天枢人形机器人", "北京天枢人形机器人科技有限公司"),
    }
    for kind in ("incubator", "partner", "scenario"):
        assert _pairs(client, kind) == []
    for pair in pairs:
        body = {"kind": "startup", "keep_id": pair["keep"]["id"], "merge_id": pair["merge"]["id"]}
        assert client.post("/v1/admin/duplicates/merge", json=body).status_code == 201
    assert _pairs(client) == []
    listed = client.get("/v1/startups", params={"limit": 100}).json()["items"]
    assert len(listed) == counts["startups"] - 2
