"""The engine's fast paths give the answers the slow ones did.

Filters and hard rules come from in-memory masks (not a query per request), so they must
agree with the database after writes, deletes and restarts, including changes made by
another process while this one was down; ranking computes numbers for every candidate and
explanations for those shown, so the numbers must be score_pair's own.
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import numpy as np
from fastapi.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.facts import Facts
from matchmaker.matching.ranking import rank_key, score_pair
from matchmaker.matching.scoring import Weights
from tests.conftest import as_admin
from tests.matching.helpers import ids_of, make, matches

PLACES = {
    "beijing": {"city": "Beijing", "region": "beijing", "country": "CN"},
    "tianjin": {"city": "Tianjin", "region": "tianjin", "country": "CN"},
    "hebei": {"city": "Baoding", "region": "hebei", "country": "CN"},
}


def _expected(client: TestClient, domain: str, region: str) -> set[int]:
    """The database's answer: the list API filters with SQL over profile_facet."""
    r = client.get("/v1/incubators", params={"domain": domain, "region": region, "limit": 100})
    assert r.status_code == 200, r.text
    return {i["id"] for i in r.json()["items"] if i["capacity"] > 0}


def _filtered(client: TestClient, startup: int, domain: str, region: str) -> set[int]:
    path = f"/v1/startups/{startup}/matches"
    return set(ids_of(matches(client, path, domain=domain, region=region, limit=100)))


def _incubators(client: TestClient) -> list[int]:
    made = []
    for n, (domain, region, capacity) in enumerate(
        itertools.product(["robotics", "quantum"], ["beijing", "tianjin", "hebei"], [0, 3])
    ):
        made.append(
            make(
                client,
                "incubators",
                name=f"Lab {n}",
                domains=[domain, "ai"] if n % 2 else [domain],
                location=PLACES[region],
                capacity=capacity,
            )
        )
    return made


def test_filtered_matches_equal_the_database_after_updates_and_deletes(
    client: TestClient,
) -> None:
    incs = _incubators(client)
    startup = make(client, "startups", domains=["robotics"])
    for domain, region in [("robotics", "beijing"), ("quantum", "hebei"), ("ai", "tianjin")]:
        assert _filtered(client, startup, domain, region) == _expected(client, domain, region)
    # Move one in, close one, delete one: the masks follow each commit.
    moved, closed, gone = incs[1], incs[3], incs[5]
    assert client.patch(f"/v1/incubators/{moved}", json={"location": PLACES["hebei"]}).is_success
    assert client.patch(f"/v1/incubators/{closed}", json={"capacity": 0}).is_success
    assert client.delete(f"/v1/incubators/{gone}").status_code == 204
    for domain, region in [("robotics", "hebei"), ("robotics", "beijing"), ("ai", "hebei")]:
        found = _filtered(client, startup, domain, region)
        assert found == _expected(client, domain, region)
        assert closed not in found
        assert gone not in found
    assert moved in _filtered(client, startup, "robotics", "hebei")


def test_masks_catch_up_with_changes_made_while_down(settings: Settings, encoder: Encoder) -> None:
    with TestClient(create_app(settings, encoder)) as first:
        as_admin(first)
        incs = _incubators(first)
        startup = make(first, "startups", domains=["quantum"])
        scenario = make(first, "scenarios", domains=["quantum"], min_trl=1)
        assert scenario in ids_of(
            matches(first, f"/v1/startups/{startup}/matches", target="scenarios")
        )
    other = settings.model_copy(update={"data_dir": settings.data_dir.parent / "elsewhere"})
    with TestClient(create_app(other, encoder)) as writer:
        as_admin(writer)
        # Neither a region move nor a closed scenario changes much text: the catch-up must
        # still see them (profiles changed since the snapshot are reread).
        assert writer.patch(f"/v1/incubators/{incs[0]}", json={"capacity": 0}).is_success
        assert writer.patch(f"/v1/incubators/{incs[1]}", json={"capacity": 9}).is_success
        assert writer.patch(
            f"/v1/incubators/{incs[7]}", json={"location": PLACES["beijing"]}
        ).is_success
        assert writer.patch(f"/v1/scenarios/{scenario}", json={"status": "closed"}).is_success
        assert writer.delete(f"/v1/incubators/{incs[9]}").status_code == 204
        added = make(writer, "incubators", domains=["quantum"], location=PLACES["beijing"])
    with TestClient(create_app(settings, encoder)) as second:
        as_admin(second)
        for domain, region in [("quantum", "beijing"), ("robotics", "beijing"), ("ai", "hebei")]:
            assert _filtered(second, startup, domain, region) == _expected(second, domain, region)
        assert added in _filtered(second, startup, "quantum", "beijing")
        assert incs[1] in _filtered(second, startup, "robotics", "beijing")
        assert scenario not in ids_of(
            matches(second, f"/v1/startups/{startup}/matches", target="scenarios")
        )


def _facts(rng: np.random.Generator, kind: str, n: int) -> Facts:
    domains = ["ai", "robotics", "quantum", "photonics"]
    stages = ["idea", "prototype", "pilot", "early_revenue", "growth"]
    needs = ["funding", "lab_equipment", "pilot_scenario", "market_access", "workspace"]

    def pick(pool: list[str], k: int) -> frozenset[str]:
        return frozenset(str(x) for x in rng.choice(pool, size=k, replace=False))

    region = str(rng.choice(["beijing", "tianjin", "hebei", "china_other", "abroad"]))
    common: dict[str, Any] = {
        "kind": kind,
        "id": n,
        "title": f"{kind} {n}",
        "domains": pick(domains, int(rng.integers(1, 4))),
        "region": region,
        "country": "DE" if region == "abroad" else "CN",
        "city": str(rng.choice(["Beijing", "Shanghai", ""])),
        "words": int(rng.integers(0, 30)),
    }
    if kind == "startup":
        return Facts(
            stage=str(rng.choice(stages)),
            trl=int(rng.integers(1, 10)),
            needs=pick(needs, int(rng.integers(0, 4))),
            **common,
        )
    trl_min = int(rng.integers(1, 6))
    return Facts(
        subkind=str(rng.choice(["national_incubator", "offshore_carrier"])),
        stages=pick(stages, int(rng.integers(0, 3))),
        trl_min=trl_min,
        trl_max=int(rng.integers(trl_min, 10)),
        services=pick(needs, int(rng.integers(0, 4))),
        capacity=3,
        programs=frozenset(),
        **common,
    )


def test_rank_key_is_score_pairs_arithmetic() -> None:
    rng = np.random.default_rng(3)
    weights = Weights()
    for n in range(300):
        s, t = _facts(rng, "startup", n), _facts(rng, "incubator", n)
        sim = float(rng.uniform(-0.2, 1.0))
        pair = score_pair(s, t, sim, weights, date(2026, 1, 1))
        assert rank_key(s, t, sim, weights) == (pair.score, pair.raw_score)
