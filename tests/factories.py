"""Typed builders of valid request bodies; tests override only what they are about."""

from __future__ import annotations

import itertools
from typing import Any

_seq = itertools.count(1)


def startup_body(**overrides: Any) -> dict[str, Any]:
    n = next(_seq)
    body: dict[str, Any] = {
        "name": f"Startup {n}",
        "pitch": "Solid-state lidar for mining trucks",
        "description": "We build solid-state lidar sensors and perception software.",
        "domains": ["intelligent_vehicles", "ai"],
        "tags": ["lidar"],
        "stage": "prototype",
        "trl": 4,
        "founded_year": 2022,
        "team_size": 12,
        "funding_raised_usd": 1_500_000,
        "location": {"city": "Beijing", "region": "beijing", "country": "CN"},
        "needs": ["lab_equipment", "pilot_scenario"],
        "languages": ["zh", "en"],
        "qualifications": [],
        "contact_email": f"founder{n}@example.com",
    }
    body.update(overrides)
    return body


def incubator_body(**overrides: Any) -> dict[str, Any]:
    n = next(_seq)
    body: dict[str, Any] = {
        "name": f"Incubator {n}",
        "description": "Hard-tech incubator with shared labs and a pilot line.",
        "kind": "national_incubator",
        "location": {"city": "Beijing", "region": "beijing", "country": "CN"},
        "domains": ["robotics", "intelligent_manufacturing"],
        "stages": ["prototype", "pilot"],
        "trl_min": 3,
        "trl_max": 7,
        "services": ["lab_equipment", "pilot_line", "funding"],
        "capacity": 5,
        "fund_size_usd": 20_000_000,
        "languages": ["zh"],
        "programs": ["deep_incubation"],
        "website": f"https://incubator{n}.example.cn",
    }
    body.update(overrides)
    return body


def partner_body(**overrides: Any) -> dict[str, Any]:
    n = next(_seq)
    body: dict[str, Any] = {
        "name": f"Partner {n}",
        "kind": "multinational_corporation",
        "description": "Industrial automation group with a Beijing R&D centre.",
        "location": {"city": "Beijing", "region": "beijing", "country": "CN"},
        "domains": ["robotics"],
        "collaboration_modes": ["joint_rd", "pilot_procurement"],
        "stages": ["pilot", "early_revenue"],
    }
    body.update(overrides)
    return body


def scenario_body(**overrides: Any) -> dict[str, Any]:
    n = next(_seq)
    body: dict[str, Any] = {
        "title": f"Scenario {n}",
        "description": "Visual inspection of welds on an automotive production line.",
        "publisher": "Tianjin Auto Works",
        "domains": ["ai", "intelligent_manufacturing"],
        "min_trl": 6,
        "location": {"city": "Tianjin", "region": "tianjin", "country": "CN"},
        "collaboration_mode": "pilot_procurement",
        "budget_usd": 300_000,
        "deadline": "2027-06-30",
        "status": "open",
    }
    body.update(overrides)
    return body


BODIES = {
    "startups": startup_body,
    "incubators": incubator_body,
    "partners": partner_body,
    "scenarios": scenario_body,
}
