"""The public data behind bench/quality.py, read at run time, and the profiles written for it.

Nothing here is copied from the data: the sector incubators are our own text, written from
what each sector is about, before and without reading the test one-liners.
"""

from __future__ import annotations

import csv
import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("MATCHMAKER_BENCH_DATA", ROOT.parent / "shared" / "data"))

# One domain every benchmark startup declares and no sector incubator covers, so the domain,
# stage, TRL and region components are the same for every candidate and the ranking has to
# come from text (or, in the history test, from decisions): a declared sector would be the
# answer itself.
NEUTRAL_DOMAIN = "new_materials"
PLACE = {"city": "Boulder", "region": "abroad", "country": "US"}


@dataclass(frozen=True)
class Sector:
    key: str
    industries: tuple[str, ...]  # Techstars `industry` values that belong to it
    domain: str
    name: str
    description: str


SECTORS: tuple[Sector, ...] = (
    Sector(
        "ai",
        ("Artificial intelligence and machine learning", "Big Data"),
        "ai",
        "Applied AI and Data Incubator",
        "Machine learning, large language models, computer vision and predictive analytics. "
        "We back teams building AI models, data platforms and automation software that turn "
        "data into decisions for enterprises, with GPU compute credits and data partners.",
    ),
    Sector(
        "blockchain",
        ("Cryptocurrency/Blockchain",),
        "blockchain",
        "Web3 and Digital Assets Incubator",
        "Blockchain infrastructure, crypto and decentralized finance. We back teams building "
        "protocols, wallets, tokens, smart contracts, bitcoin and ethereum tooling, NFT and "
        "on-chain payments, with security audits and exchange partners.",
    ),
    Sector(
        "climate",
        ("Cleantech", "Climate tech"),
        "new_energy",
        "Climate and Clean Energy Incubator",
        "Decarbonisation, renewable energy, solar, wind, batteries, carbon capture, energy "
        "efficiency, electrification, recycling and sustainable materials. We back teams "
        "cutting emissions and waste, with pilot sites at utilities and industrial partners.",
    ),
    Sector(
        "health",
        ("Healthtech", "Digital health"),
        "medical_devices",
        "Digital Health and Medtech Incubator",
        "Healthcare technology: medical devices, diagnostics, telehealth, patient care, "
        "clinical software, mental health, hospitals and pharma. We back teams improving care "
        "for patients and clinicians, with clinical pilots and regulatory advice.",
    ),
    Sector(
        "agrifood",
        ("Agtech", "Foodtech"),
        "agritech",
        "Agriculture and Food Innovation Incubator",
        "Agtech and food technology: farms, crops, livestock, soil, precision agriculture, "
        "food production, alternative proteins, restaurants and grocery supply. We back teams "
        "feeding people sustainably, with test farms and food industry partners.",
    ),
    Sector(
        "robotics",
        ("Robotics and Drones",),
        "robotics",
        "Robotics and Drones Incubator",
        "Robots, drones, autonomous machines, robotic arms, unmanned aerial vehicles, "
        "perception, motion control and automation hardware. We back hardware teams with a "
        "machine shop, a flight test field and manufacturing partners.",
    ),
    Sector(
        "manufacturing",
        ("Manufacturing", "3D printing", "Industrials", "Supply chain technology"),
        "intelligent_manufacturing",
        "Advanced Manufacturing and Supply Chain Incubator",
        "Factories, 3D printing and additive manufacturing, industrial equipment, "
        "construction, logistics, warehouses, shipping and supply chain software. We back "
        "teams making production and freight faster and cheaper, with a pilot line.",
    ),
    Sector(
        "space",
        ("Space tech",),
        "aerospace",
        "Space and Aerospace Incubator",
        "Space technology: satellites, launch vehicles, rockets, orbital services, earth "
        "observation, aviation and aerospace components. We back teams building for orbit "
        "and the sky, with test facilities and aerospace and defense partners.",
    ),
    Sector(
        "mobility",
        ("Mobility tech", "Micromobility", "Carsharing", "Ridesharing"),
        "intelligent_vehicles",
        "Mobility and Transportation Incubator",
        "Transportation and mobility: cars, electric vehicles, fleets, ride sharing, scooters, "
        "parking, autonomous driving, traffic and public transit. We back teams moving people "
        "and goods, with automaker and city transport partners.",
    ),
    Sector(
        "iot",
        ("Internet of Things",),
        "advanced_communications",
        "Connected Devices and IoT Incubator",
        "Internet of Things: sensors, connected devices, smart home, wireless networks, "
        "embedded systems, edge computing and device management. We back teams connecting "
        "physical things to the cloud, with an electronics lab and telecom partners.",
    ),
    Sector(
        "security",
        ("Cybersecurity",),
        "industrial_software",
        "Cybersecurity and Trust Incubator",
        "Cybersecurity: identity, authentication, fraud prevention, privacy, compliance, "
        "threat detection, encryption and risk management for companies and their data. We "
        "back security teams with red-team mentors and enterprise security buyers.",
    ),
)


@dataclass(frozen=True)
class Company:
    name: str
    text: str  # the startup's pitch (sector test) or its synthetic blurb (history test)
    label: str  # sector key (sector test) or category (history test)
    truth: frozenset[str] = field(default_factory=frozenset)  # accelerators (history test)


def _stable(seed: int, key: str) -> str:
    return hashlib.sha256(f"{seed}:{key}".encode()).hexdigest()


def sector_split(
    data: Path, seed: int, dev_per_sector: int, test_per_sector: int
) -> tuple[list[Company], list[Company]]:
    """(dev, test) Techstars startups, the same count per sector, picked by a seeded hash.

    Dev startups are never ranked as test queries; in the sector test's portfolio protocol
    they are each sector incubator's past accepts (bench/sector_portfolio.py).
    """
    dev, test, _ = sector_pools(data, seed, dev_per_sector, test_per_sector, 0)
    return dev, test


def sector_pools(
    data: Path, seed: int, dev_per_sector: int, test_per_sector: int, spare_per_sector: int
) -> tuple[list[Company], list[Company], list[Company]]:
    """``sector_split``'s (dev, test), and up to ``spare_per_sector`` more per sector taken
    after the test ones: never test queries, so they may tune (only the larger sectors have
    any)."""
    path = data / "techstars_portfolio" / "techstars_portfolio_companies.csv"
    by_sector: dict[str, list[Company]] = {s.key: [] for s in SECTORS}
    sector_of = {ind: s.key for s in SECTORS for ind in s.industries}
    seen: set[str] = set()
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            key, pitch, name = sector_of.get(row["industry"]), row["one_liner"], row["name"]
            if key is None or len(pitch.split()) < 4 or name.casefold() in seen:
                continue
            seen.add(name.casefold())
            by_sector[key].append(Company(name[:200], pitch.strip()[:280], key))
    dev: list[Company] = []
    test: list[Company] = []
    spare: list[Company] = []
    for rows in by_sector.values():
        rows.sort(key=lambda c: _stable(seed, c.name))
        end = dev_per_sector + test_per_sector
        dev += rows[:dev_per_sector]
        test += rows[dev_per_sector:end]
        spare += rows[end : end + spare_per_sector]
    return dev, test, spare


def sector_prior(data: Path) -> Counter[str]:
    """Portfolio size of each sector: the popularity baseline of the sector test."""
    sector_of = {ind: s.key for s in SECTORS for ind in s.industries}
    path = data / "techstars_portfolio" / "techstars_portfolio_companies.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f)
        return Counter(sector_of[r["industry"]] for r in rows if r["industry"] in sector_of)


@dataclass
class History:
    cutoff: str
    accelerators: list[str]
    past: list[tuple[Company, str]]  # (startup, accelerator that accepted it before cutoff)
    later: list[Company]  # startups first linked on or after cutoff, with their truth


def _blurb(row: dict[str, str]) -> str:
    category = row["company_category_code"].replace("_", " ")
    where = ", ".join(p for p in (row["company_city"], row["company_state_code"]) if p)
    founded = row["company_founded_at"][:4]
    text = f"{category.capitalize()} startup"
    if where:
        text += f" based in {where}"
    return text + (f", founded in {founded}." if founded else ".")


def history_split(
    data: Path,
    cutoff: str,
    seed: int,
    min_past: int = 8,
    max_accelerators: int = 100,
    max_past_each: int = 10_000,
    max_later: int = 10_000,
) -> History:
    """Accelerators known by the startups they funded before ``cutoff``; later startups.

    Only companies with CrunchBase attributes (a category) are used, and every company gets
    the same kind of text (category, city, year): richer text exists only for YC and
    Techstars companies, and using it would give the label away.
    """
    path = data / "derived" / "cb2013_accelerator_links.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["company_category_code"] and r["funded_when"]]
    before = [r for r in rows if r["funded_when"] < cutoff]
    counts = Counter(r["accelerator"] for r in before)
    kept = sorted((a for a, n in counts.items() if n >= min_past), key=lambda a: (-counts[a], a))
    kept = kept[:max_accelerators]
    past_names = {r["company_name"] for r in before}
    past: dict[tuple[str, str], tuple[Company, str]] = {}
    for r in sorted(before, key=lambda r: _stable(seed, r["company_name"])):
        accelerator = r["accelerator"]
        taken = sum(1 for _, a in past if a == accelerator)
        if accelerator in kept and taken < max_past_each:
            company = Company(r["company_name"], _blurb(r), r["company_category_code"])
            past.setdefault((r["company_name"], accelerator), (company, accelerator))
    truth: dict[str, set[str]] = {}
    first: dict[str, dict[str, str]] = {}
    for r in rows:
        name = r["company_name"]
        if r["funded_when"] >= cutoff and r["accelerator"] in kept and name not in past_names:
            truth.setdefault(name, set()).add(r["accelerator"])
            first.setdefault(name, r)
    later = [
        Company(name, _blurb(first[name]), first[name]["company_category_code"], frozenset(t))
        for name, t in truth.items()
    ]
    later.sort(key=lambda c: _stable(seed, c.name))
    return History(cutoff, kept, list(past.values()), later[:max_later])
