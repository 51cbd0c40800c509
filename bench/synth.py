"""Realistic synthetic profiles: request bodies built from the project's vocabularies.

Deterministic for a seed. Each startup has a primary domain whose technology phrases make up
its pitch and description, so texts about the same field embed close together as real ones
do. Region weights are Beijing-heavy (the policy's home) and "ai" is the most common domain,
so the benchmark's filter (domain ai, region beijing) selects about a tenth of startups.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from matchmaker.vocab import Domain, IncubatorKind, Need, Program, Region, Stage

TECH: dict[str, list[str]] = {
    "ai": [
        "computer vision for defect inspection",
        "large language models for industrial documents",
        "speech recognition for noisy factories",
        "edge inference chips for cameras",
        "predictive maintenance from sensor data",
    ],
    "integrated_circuits": [
        "RISC-V microcontrollers",
        "analog front-end chips for sensors",
        "EDA tools for chip layout",
        "silicon carbide power devices",
        "advanced packaging with chiplets",
    ],
    "quantum": [
        "quantum key distribution networks",
        "superconducting qubit control electronics",
        "quantum gravimeters for exploration",
        "cold-atom clocks",
        "quantum-safe cryptography libraries",
    ],
    "biomedicine": [
        "mRNA vaccine delivery",
        "antibody drug conjugates",
        "cell therapy manufacturing",
        "AI-designed small molecules",
        "organoid drug screening",
    ],
    "medical_devices": [
        "portable ultrasound probes",
        "surgical robots for orthopaedics",
        "continuous glucose monitors",
        "low-dose CT detectors",
        "wearable ECG patches",
    ],
    "new_energy": [
        "perovskite solar cells",
        "green hydrogen electrolysers",
        "offshore wind blade monitoring",
        "hydrogen fuel cell stacks",
        "smart inverters for rooftop solar",
    ],
    "energy_storage": [
        "sodium-ion batteries",
        "solid-state battery electrolytes",
        "flow batteries for grid storage",
        "battery management systems",
        "second-life battery packs",
    ],
    "new_materials": [
        "graphene thermal films",
        "high-entropy alloys",
        "bio-based plastics",
        "aerogel insulation",
        "carbon fibre composites",
    ],
    "robotics": [
        "collaborative robot arms",
        "legged inspection robots",
        "dexterous robot grippers",
        "autonomous mobile robots for warehouses",
        "humanoid robot joints",
    ],
    "intelligent_manufacturing": [
        "digital twins of production lines",
        "machine vision for welding seams",
        "flexible assembly cells",
        "additive manufacturing of metal parts",
        "MES software for small factories",
    ],
    "aerospace": [
        "commercial small satellites",
        "reusable rocket engines",
        "drone logistics",
        "satellite remote sensing analytics",
        "eVTOL flight control",
    ],
    "intelligent_vehicles": [
        "solid-state lidar",
        "autonomous driving for mining trucks",
        "vehicle-to-everything roadside units",
        "driver monitoring cameras",
        "high-definition maps",
    ],
    "advanced_communications": [
        "6G terahertz transceivers",
        "low-earth-orbit satellite modems",
        "private 5G networks for ports",
        "optical transceiver modules",
        "Wi-Fi 7 chipsets",
    ],
    "agritech": [
        "vertical farming systems",
        "crop disease detection by drones",
        "precision irrigation sensors",
        "gene-edited seeds",
        "livestock health monitoring",
    ],
    "environmental_tech": [
        "carbon capture sorbents",
        "industrial wastewater treatment",
        "air quality sensor networks",
        "battery recycling",
        "methane leak detection",
    ],
    "photonics": [
        "silicon photonics chips",
        "ultrafast lasers for micromachining",
        "infrared imaging sensors",
        "micro-LED displays",
        "fibre-optic sensing",
    ],
    "blockchain": [
        "supply-chain traceability ledgers",
        "digital identity wallets",
        "trade finance settlement",
        "carbon credit registries",
        "data exchange with privacy computing",
    ],
    "industrial_software": [
        "CAE simulation software",
        "PLM for equipment makers",
        "industrial IoT platforms",
        "low-code SCADA",
        "scheduling optimisation for plants",
    ],
}
DOMAINS = [d.value for d in Domain]
# Primary-domain weights: AI and the policy's priority fields are the most common.
DOMAIN_P = np.array([12, 4, 2, 3, 3, 3, 3, 3, 4, 4, 2, 3, 2, 1.5, 2, 2, 1, 2.5], dtype=np.float64)
DOMAIN_P /= DOMAIN_P.sum()
REGIONS = [r.value for r in Region]
REGION_P = np.array([0.45, 0.15, 0.12, 0.18, 0.10])
CITIES = {
    "beijing": ["Beijing"],
    "tianjin": ["Tianjin"],
    "hebei": ["Shijiazhuang", "Baoding", "Langfang", "Tangshan"],
    "china_other": ["Shanghai", "Shenzhen", "Hangzhou", "Chengdu", "Wuhan", "Xi'an"],
    "abroad": ["Singapore", "Munich", "Boston", "Tel Aviv", "Tokyo", "Helsinki"],
}
COUNTRY = {"Singapore": "SG", "Munich": "DE", "Boston": "US", "Tel Aviv": "IL", "Tokyo": "JP"}
STAGES = [s.value for s in Stage]
STAGE_P = np.array([0.12, 0.30, 0.28, 0.20, 0.10])
STAGE_TRL = {"idea": (1, 3), "prototype": (3, 5), "pilot": (5, 7), "early_revenue": (6, 8)}
NEEDS = [n.value for n in Need]
SYLLABLES = ["zhi", "xin", "hua", "tian", "yun", "kai", "ming", "rui", "bo", "feng", "lan", "jing"]
CUSTOMERS = ["steel mills", "hospitals", "logistics parks", "utilities", "carmakers", "farms"]


def _place(rng: np.random.Generator) -> dict[str, str]:
    region = REGIONS[rng.choice(len(REGIONS), p=REGION_P)]
    city = str(rng.choice(CITIES[region]))
    country = COUNTRY.get(city, "FI") if region == "abroad" else "CN"
    return {"city": city, "region": region, "country": country}


def _name(rng: np.random.Generator, n: int) -> str:
    parts = rng.choice(SYLLABLES, size=2)
    return f"{parts[0].capitalize()}{parts[1]} Tech {n}"


def _domains(rng: np.random.Generator) -> list[str]:
    first = DOMAINS[rng.choice(len(DOMAINS), p=DOMAIN_P)]
    extra = int(rng.choice(3, p=[0.55, 0.35, 0.10]))
    others = [d for d in rng.choice(DOMAINS, size=extra + 1, replace=False) if d != first]
    return [first, *others[:extra]]


def startup(rng: np.random.Generator, n: int) -> dict[str, Any]:
    """One startup create body (the API's StartupCreate)."""
    domains = _domains(rng)
    tech = str(rng.choice(TECH[domains[0]]))
    second = str(rng.choice(TECH[domains[-1]]))
    stage = STAGES[rng.choice(len(STAGES), p=STAGE_P)]
    lo, hi = STAGE_TRL.get(stage, (7, 9))
    customer = str(rng.choice(CUSTOMERS))
    needs = sorted(rng.choice(NEEDS, size=int(rng.integers(1, 4)), replace=False).tolist())
    return {
        "name": _name(rng, n),
        "pitch": f"{tech.capitalize()} for {customer}",
        "description": (
            f"We develop {tech} and {second}. Our team came out of a university lab and "
            f"has pilots with {customer}; we are looking for partners to scale production."
        ),
        "domains": domains,
        "tags": [tech.split()[-1]],
        "stage": stage,
        "trl": int(rng.integers(lo, hi + 1)),
        "location": _place(rng),
        "needs": needs,
        "languages": ["zh", "en"] if rng.random() < 0.5 else ["zh"],
    }


def incubator(rng: np.random.Generator, n: int) -> dict[str, Any]:
    """One incubator create body; about one in ten has no open places."""
    domains = _domains(rng)
    kinds = [k.value for k in IncubatorKind]
    stages = sorted(rng.choice(STAGES, size=int(rng.integers(1, 4)), replace=False).tolist())
    trl_min = int(rng.integers(1, 6))
    focus = ", ".join(str(rng.choice(TECH[d])) for d in domains)
    return {
        "name": f"{_name(rng, n)} Incubator",
        "description": f"Hard-tech incubator for {focus}, with shared labs and pilot lines.",
        "kind": str(rng.choice(kinds)),
        "location": _place(rng),
        "domains": domains,
        "stages": stages,
        "trl_min": trl_min,
        "trl_max": int(rng.integers(trl_min, 10)),
        "services": sorted(rng.choice(NEEDS, size=int(rng.integers(2, 6)), replace=False).tolist()),
        "capacity": 0 if rng.random() < 0.1 else int(rng.integers(1, 30)),
        "programs": [str(rng.choice([p.value for p in Program]))],
        "website": f"https://incubator{n}.example.cn",
    }


def startups(count: int, seed: int = 0, start: int = 1) -> Iterator[dict[str, Any]]:
    rng = np.random.default_rng(seed)
    for n in range(start, start + count):
        yield startup(rng, n)


def incubators(count: int, seed: int = 1, start: int = 1) -> Iterator[dict[str, Any]]:
    rng = np.random.default_rng(seed)
    for n in range(start, start + count):
        yield incubator(rng, n)
