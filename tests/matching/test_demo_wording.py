"""The words of the demo's explanations (seeded as `matchmaker seed-demo` does, real model,
HTTP) in English and Chinese: each note says what its numbers say."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from matchmaker.kinds import INCUBATOR, PARTNER, SCENARIO, STARTUP
from matchmaker.lexical import citable
from matchmaker.matching.scoring import ASKS_MET
from tests.conftest import KeyFactory

Demo = dict[str, dict[str, int]]


def _matches(client: TestClient, path: str, lang: str = "en", **params: Any) -> list[Any]:
    r = client.get(path, params={"limit": 100, **params}, headers={"Accept-Language": lang})
    assert r.status_code == 200, r.text
    return list(r.json()["matches"])


def _by_id(found: list[Any]) -> dict[int, Any]:
    return {m["profile"]["id"]: m for m in found}


def test_the_reciprocal_note_says_both_ways_only_when_both_sides_asks_are_met(
    client: TestClient, demo: Demo
) -> None:
    startup = demo[STARTUP.name]["Qiangu Quantum Sensing"]
    codes = set()
    for kind in (INCUBATOR, PARTNER, SCENARIO):
        for m in _matches(client, f"/v1/startups/{startup}/matches", target=kind.plural):
            reciprocal = m["components"]["reciprocal"]
            said = reciprocal["explanation"]
            met = {side: said["params"][side] >= ASKS_MET for side in ("forward", "backward")}
            codes.add(said["code"])
            # "Both ways" exactly when both sides' asks are met, so never at a low value.
            assert (said["code"] == "reciprocal") == all(met.values()), reciprocal
            assert ("both ways" in reciprocal["note"]) == all(met.values()), reciprocal
            if all(met.values()):
                assert reciprocal["value"] >= ASKS_MET, reciprocal
    assert {"reciprocal", "reciprocal_neither"} <= codes, codes
    # Nothing fits the drone scenario either way (its value is 0): it says so in both languages.
    drone = demo[SCENARIO.name]["Drone inspection of power lines and pipelines in Xiong'an"]
    path = f"/v1/startups/{startup}/matches"
    english = _by_id(_matches(client, path, target="scenarios"))[drone]["components"]
    chinese = _by_id(_matches(client, path, "zh", target="scenarios"))[drone]["components"]
    assert english["reciprocal"]["value"] == 0.0
    assert english["reciprocal"]["note"] == (
        "fits neither way: both sides' asks are mostly not met "
        "(startup's asks 0.38, target's asks 0.00)"
    )
    assert chinese["reciprocal"]["note"] == (
        "双向都不契合：双方的需求和要求大多未被满足（初创企业的需求 0.38，对方的要求 0.00）"
    )


def test_stage_and_region_notes_name_vocabulary_values_by_their_words(
    client: TestClient, demo: Demo
) -> None:
    startup = demo[STARTUP.name]["Qiangu Quantum Sensing"]
    gateway = demo[INCUBATOR.name]["Chaoyang Global Innovation Gateway"]
    path = f"/v1/startups/{startup}/matches"
    english = _by_id(_matches(client, path, target="incubators"))[gateway]["components"]
    chinese = _by_id(_matches(client, path, "zh", target="incubators"))[gateway]["components"]
    assert (
        english["stage"]["note"]
        == "accepts pilot, early revenue, growth; the startup is at prototype"
    )
    assert chinese["stage"]["note"] == "接收中试、初步营收、成长期阶段；该初创企业处于样机阶段"
    field_test = demo[SCENARIO.name]["Perovskite-silicon tandem module field test at Bashang park"]
    luyang = demo[STARTUP.name]["Luyang Quantum Networks"]
    path = f"/v1/scenarios/{field_test}/matches"
    english = _by_id(_matches(client, path))[luyang]["components"]
    chinese = _by_id(_matches(client, path, "zh"))[luyang]["components"]
    assert english["region"]["note"] == "different regions of China (Elsewhere in China, Hebei)"
    assert chinese["region"]["note"] == "中国的不同地区（国内其他地区、河北）"
    # No note of the startup's lists shows a vocabulary code (early_revenue, china_other).
    for kind in (INCUBATOR, PARTNER, SCENARIO):
        for m in _matches(client, f"/v1/startups/{startup}/matches", target=kind.plural):
            for name, component in m["components"].items():
                assert "_" not in component["note"], (name, component["note"])


def test_the_history_line_cites_only_words_that_say_something(
    client: TestClient, demo: Demo, auth: KeyFactory
) -> None:
    incubator = demo[INCUBATOR.name]["Zhongguancun Frontier Hard Tech Incubator"]
    manager = auth("manager", incubator_ids=[incubator])
    startups = demo[STARTUP.name]
    for name, action in (
        ("芯模微系统", "accept"),
        ("路思自动驾驶", "accept"),
        ("光径光子", "decline"),
    ):
        body = {"startup_id": startups[name], "incubator_id": incubator, "action": action}
        if action == "decline":
            body |= {"reason": "other", "note": "not now"}
        assert client.post("/v1/matches", json=body, headers=manager).status_code == 201
    r = client.get(f"/v1/incubators/{incubator}/matches", params={"limit": 100}, headers=manager)
    assert r.status_code == 200, r.text
    notes = {m["profile"]["id"]: m["components"]["history"] for m in r.json()["matches"]}
    cited = [n["explanation"]["params"].get("words", []) for n in notes.values()]
    assert sum(map(len, cited)) > 20  # the check below means something
    # No number ('16'), single character ('与') or function word ('以及', '一步').
    assert all(citable(w) and w != "公司" for words in cited for w in words), cited
    for note in notes.values():
        if note["explanation"]["params"]["like_accepted"] == 0:
            assert "like this one, sharing" not in note["note"], note["note"]
    # An automotive chip startup shares the AEC-Q100 qualification with an accepted one,
    # though none of them is like it: said as such.
    xinhe = notes[startups["Xinhe Automotive Microelectronics"]]
    assert xinhe["explanation"]["code"] == "history_unlike_words"
    assert xinhe["note"].startswith(
        "this incubator accepted no startup like this one; "
        "those it accepted share only 'q100', 'aec' with it (of 2 accepted, 1 declined; fit "
    )
