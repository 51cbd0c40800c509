"""Cases where the right answer is obvious to a person, through HTTP with the real model."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.matching.helpers import ids_of, make, matches

BEIJING = {"city": "Beijing", "region": "beijing", "country": "CN"}
TIANJIN = {"city": "Tianjin", "region": "tianjin", "country": "CN"}
MUNICH = {"city": "Munich", "region": "abroad", "country": "DE"}


def _unrelated_incubators(client: TestClient) -> list[int]:
    return [
        make(
            client,
            "incubators",
            name="Green Harvest Agritech Park",
            domains=["agritech"],
            description="Greenhouses, seed breeding labs and smart irrigation pilots.",
            stages=["idea", "prototype", "pilot"],
            trl_min=1,
            trl_max=9,
        ),
        make(
            client,
            "incubators",
            name="BioPharma Valley Incubator",
            domains=["biomedicine"],
            description="GMP facilities and clinical trial support for new drugs.",
            stages=["prototype", "pilot"],
            trl_min=1,
            trl_max=9,
        ),
        make(
            client,
            "incubators",
            name="Battery Works Hub",
            domains=["energy_storage"],
            description="Cell testing lines and pilot production for battery chemistries.",
            stages=["prototype", "pilot"],
            trl_min=1,
            trl_max=9,
        ),
    ]


def test_quantum_startup_and_quantum_incubator_rank_first_for_each_other(
    client: TestClient,
) -> None:
    unrelated = _unrelated_incubators(client)
    quantum_inc = make(
        client,
        "incubators",
        name="Quantum Frontier Incubator",
        domains=["quantum", "photonics"],
        description="Dilution refrigerators, optical tables and NV-centre diamond growth for "
        "quantum sensing and quantum computing teams.",
        stages=["idea", "prototype", "pilot"],
        trl_min=1,
        trl_max=7,
        services=["lab_equipment", "funding"],
    )
    quantum = make(
        client,
        "startups",
        name="Diamond Q Sensing",
        domains=["quantum"],
        pitch="NV-diamond quantum magnetometers for brain imaging",
        description="Room-temperature quantum sensors based on nitrogen-vacancy centres in "
        "diamond measure tiny magnetic fields.",
        needs=["lab_equipment"],
        trl=4,
    )
    for name, domains, text in [
        ("Harvest Drones", ["agritech"], "Crop spraying drones for smallholder farms."),
        ("CellForge", ["energy_storage"], "Sodium-ion battery cells for home storage."),
        ("Antibody Labs", ["biomedicine"], "Bispecific antibodies for solid tumours."),
    ]:
        make(client, "startups", name=name, domains=domains, pitch=text, description=text)

    for_startup = matches(client, f"/v1/startups/{quantum}/matches", target="incubators")
    assert ids_of(for_startup)[0] == quantum_inc
    assert set(ids_of(for_startup)[1:]) <= set(unrelated)
    for_incubator = matches(client, f"/v1/incubators/{quantum_inc}/matches")
    assert ids_of(for_incubator)[0] == quantum
    assert for_startup[0]["matched_domains"] == ["quantum"]
    assert "quantum" in for_startup[0]["reason"]


def test_trl3_startup_never_above_qualified_ones_for_trl7_scenario_without_saying_why(
    client: TestClient,
) -> None:
    scenario = make(
        client,
        "scenarios",
        title="AI weld inspection on a car body line",
        min_trl=7,
        domains=["ai", "intelligent_manufacturing"],
        description="Camera-based inspection of spot welds on a running production line.",
    )
    text = "Deep-learning visual inspection of welds and surface defects on production lines."
    low = make(
        client,
        "startups",
        name="Early Weld AI",
        trl=3,
        stage="prototype",
        domains=["ai", "intelligent_manufacturing"],
        pitch=text,
        description=text,
        needs=["pilot_scenario"],
    )
    qualified = [
        make(
            client,
            "startups",
            name=f"Proven Inspect {n}",
            trl=7 + n % 2,
            stage="early_revenue",
            domains=["ai", "intelligent_manufacturing"],
            pitch=text,
            description=text + extra,
            needs=["pilot_scenario"],
        )
        for n, extra in enumerate([" Deployed at two plants.", " Sold to an OEM."])
    ]
    found = matches(client, f"/v1/scenarios/{scenario}/matches")
    order = ids_of(found)
    assert set(qualified) | {low} <= set(order)
    by_id = {m["profile"]["id"]: m for m in found}
    low_match = by_id[low]
    assert "TRL 7" in " ".join(low_match["improve"])
    if any(order.index(low) < order.index(q) for q in qualified):
        assert "below the scenario's minimum" in low_match["reason"]
    else:
        assert all(order.index(q) < order.index(low) for q in qualified)


def test_full_incubator_is_never_proposed(client: TestClient) -> None:
    full = make(client, "incubators", name="Full Robotics Hub", capacity=0)
    open_ = make(client, "incubators", name="Open Robotics Hub", capacity=3)
    startup = make(
        client,
        "startups",
        domains=["robotics"],
        pitch="Welding robots",
        description="Collaborative welding robots for small factories.",
    )
    found = ids_of(
        matches(client, f"/v1/startups/{startup}/matches", target="incubators", limit=100)
    )
    assert open_ in found
    assert full not in found
    # ... and it comes back once it has a place again.
    client.patch(f"/v1/incubators/{full}", json={"capacity": 1})
    assert full in ids_of(matches(client, f"/v1/startups/{startup}/matches", limit=100))


def test_tianjin_robotics_startup_prefers_beijing_incubator_over_equal_one_abroad(
    client: TestClient,
) -> None:
    text = (
        "Robotics incubator with machining workshops, robot test cells and a pilot line "
        "for industrial and service robots."
    )
    common = {
        "domains": ["robotics"],
        "description": text,
        "stages": ["prototype", "pilot"],
        "trl_min": 3,
        "trl_max": 7,
        "services": ["lab_equipment", "pilot_line"],
        "kind": "municipal_incubator",
    }
    beijing = make(
        client,
        "incubators",
        name="Robotics Hub Beijing",
        location=BEIJING,
        website="https://rh-bj.example.cn",
        **common,
    )
    abroad = make(
        client,
        "incubators",
        name="Robotics Hub Munich",
        location=MUNICH,
        website="https://rh-muc.example.com",
        **common,
    )
    startup = make(
        client,
        "startups",
        name="Binhai Arms",
        location=TIANJIN,
        domains=["robotics"],
        pitch="Low-cost robot arms for assembly lines",
        description="Six-axis robot arms for electronics assembly.",
        needs=["lab_equipment", "pilot_line"],
    )
    found = matches(client, f"/v1/startups/{startup}/matches", target="incubators")
    order = ids_of(found)
    assert order.index(beijing) < order.index(abroad)
    region = found[order.index(beijing)]["components"]["region"]
    assert "collaborative region" in region["note"]
