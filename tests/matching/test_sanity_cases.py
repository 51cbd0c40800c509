"""Sanity cases on the demo data (seeded as `matchmaker seed-demo` does), real model, HTTP:
scenarios ranked by fit, bars that add up in every direction, one score per pair whoever
asks and wherever it is shown (API lists, the pair page, the decision's snapshot)."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from matchmaker.kinds import INCUBATOR, PARTNER, SCENARIO, STARTUP
from tests.conftest import mint_key
from tests.web.test_session import _browser, _sign_in

TARGETS = (INCUBATOR, PARTNER, SCENARIO)
Pairs = dict[tuple[int, str, int], dict[str, Any]]  # (startup, kind, target) -> match


def _matches(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    r = client.get(path, params={"limit": 100, **params})
    assert r.status_code == 200, r.text
    return list(r.json()["matches"])


def _both_sides(client: TestClient, demo: dict[str, dict[str, int]]) -> tuple[Pairs, Pairs]:
    """Every demo pair as the startup sees it and as the target sees it."""
    from_startup: Pairs = {}
    from_target: Pairs = {}
    for sid in demo[STARTUP.name].values():
        for kind in TARGETS:
            for m in _matches(client, f"/v1/startups/{sid}/matches", target=kind.plural):
                from_startup[(sid, kind.name, m["profile"]["id"])] = m
    for kind in TARGETS:
        for tid in demo[kind.name].values():
            for m in _matches(client, f"/v1/{kind.plural}/{tid}/matches"):
                from_target[(m["profile"]["id"], kind.name, tid)] = m
    return from_startup, from_target


def _assert_adds_up(match: dict[str, Any]) -> None:
    total = round(sum(c["contribution"] for c in match["components"].values()), 4)
    assert total == (match["score"] if match["score"] is not None else total), match


def test_demo_startup_1_gets_the_scenarios_it_fits_first(
    client: TestClient, demo: dict[str, dict[str, int]]
) -> None:
    startup = demo[STARTUP.name]["Qiangu Quantum Sensing"]
    found = _matches(client, f"/v1/startups/{startup}/matches", target="scenarios")
    order = [m["profile"]["title"] for m in found]
    fitting = [
        "Intraoperative fluorescence imaging module for surgical navigation",
        "Quantum-secured communication link between two data centres",
    ]
    unrelated = [
        "Low-power edge AI accelerator evaluation for in-vehicle cameras",
        "Co-development of antibody-drug conjugate candidates",
    ]
    assert max(order.index(t) for t in fitting) < min(order.index(t) for t in unrelated), order
    by_title = {m["profile"]["title"]: m for m in found}
    surgical = by_title[fitting[0]]["components"]
    # One TRL level short is a drawn penalty of a third of the full one.
    assert surgical["trl_shortfall"]["contribution"] < 0
    assert by_title[unrelated[0]]["components"]["no_shared_domain"]["contribution"] < 0
    for m in found:
        _assert_adds_up(m)
    # `needs` tells scenarios apart (it used to be 1.0 for every one).
    needs = {m["components"]["needs"]["value"] for m in found if "needs" in m["components"]}
    assert len(needs) > 1
    # The pair's card draws the penalty, with a legend, and the same score.
    browser = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(browser, mint_key(client, "admin"))
    surgical_id = by_title[fitting[0]]["profile"]["id"]
    page = browser.get(f"/pairs/{startup}/scenario/{surgical_id}").text
    assert 'class="chart-penalty"' in page
    assert "penalty, subtracted" in page
    assert f"Score <strong>{by_title[fitting[0]]['score']:.2f}</strong>" in page


def test_contributions_add_up_to_the_score_in_every_direction(
    client: TestClient, demo: dict[str, dict[str, int]]
) -> None:
    from_startup, from_target = _both_sides(client, demo)
    penalised = 0
    for side in (from_startup, from_target):
        kinds = {kind for (_, kind, _) in side}
        assert kinds == {"incubator", "partner", "scenario"}
        for m in side.values():
            _assert_adds_up(m)
            penalised += any(c["contribution"] < 0 for c in m["components"].values())
    assert penalised > 0  # the penalties are among what adds up


def test_every_demo_pair_scores_the_same_from_both_sides(
    client: TestClient, demo: dict[str, dict[str, int]], auth: Any
) -> None:
    # Decisions first, so the history component takes part in the comparison.
    incubator = demo[INCUBATOR.name]["Zhongguancun Frontier Hard Tech Incubator"]
    startups = sorted(demo[STARTUP.name].values())
    manager = auth("manager", incubator_ids=[incubator])
    snapshots = {}
    for sid, action in zip(startups[:6], ["decline"] * 2 + ["accept"] * 4, strict=True):
        body: dict[str, Any] = {"startup_id": sid, "incubator_id": incubator, "action": action}
        if action == "decline":
            body["reason"] = "domain_mismatch"
        r = client.post("/v1/matches", json=body, headers=manager)
        assert r.status_code == 201, r.text
        snapshots[sid] = r.json()["score"]
    from_startup, from_target = _both_sides(client, demo)
    assert from_startup.keys() == from_target.keys()
    assert len(from_startup) > 300
    with_history = 0
    for pair, m in from_startup.items():
        assert m["score"] == from_target[pair]["score"], pair
        assert m["components"] == from_target[pair]["components"], pair
        with_history += "history" in m["components"]
    assert with_history > 0
    # The last decision's snapshot is the score the lists show now: its own decision never
    # counts in its history, and no other decision came after it.
    last = startups[5]
    assert snapshots[last] == from_startup[(last, INCUBATOR.name, incubator)]["score"]
    assert snapshots[last] == from_target[(last, INCUBATOR.name, incubator)]["score"]
    # And the pair page shows the same number.
    browser = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(browser, mint_key(client, "manager", incubator_ids=[incubator]))
    for sid in startups[6:10]:
        page = browser.get(f"/pairs/{sid}/incubator/{incubator}")
        assert page.status_code == 200
        shown = re.search(r"Score <strong>([0-9.]+)</strong>", page.text)
        assert shown is not None
        assert float(shown.group(1)) == round(
            from_startup[(sid, INCUBATOR.name, incubator)]["score"], 2
        )
