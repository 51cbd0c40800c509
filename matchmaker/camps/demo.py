"""A demo camp over the demo profiles: the Beijing–Munich cross-border accelerator camp.

Six hosts (the Munich offshore carrier, two Beijing incubators, a Tianjin incubator and two
multinational R&D centres) share 32 places. Every demo startup applies (the demo data has
42, two of them duplicates of others, so 42 applicants for 32 places); those that want to go
abroad (they need international expansion, or are abroad already) rank the Munich carrier
and the German R&D centre first, the rest leave it to the engine. Quotas: at least 30% of
places for Tianjin and Hebei startups, at most 12 startups from any one city. Needs the demo
profiles (``matchmaker seed-demo``); running it twice returns the same camp. The demo incubator
manager (the ``demo-manager`` account of seed-demo, who manages the Zhongguancun host) runs it,
so its key can rank, allocate and see every result in the API and on the camp pages.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from matchmaker.access.demo import DEMO_ACCOUNTS
from matchmaker.access.models import Account, Role
from matchmaker.camps import service
from matchmaker.camps.limits import MAX_APPLICATIONS
from matchmaker.camps.models import Camp
from matchmaker.camps.schemas import ApplicationCreate, CampCreate, HostRef
from matchmaker.demo.seed import DATA
from matchmaker.errors import NotFound
from matchmaker.incubators.models import Incubator
from matchmaker.partners.models import Partner
from matchmaker.startups.models import Startup

NAME = "Beijing–Munich Cross-Border Accelerator Camp 2026"
HOSTS: tuple[tuple[str, str, int], ...] = (
    ("incubator", "Beijing-Bavaria Innovation Bridge Munich", 8),
    ("incubator", "Chaoyang Global Innovation Gateway", 6),
    ("incubator", "Zhongguancun Frontier Hard Tech Incubator", 6),
    ("incubator", "Binhai Advanced Manufacturing Incubator", 5),
    ("partner", "Kessler Automation Beijing R&D Centre", 4),
    ("partner", "Meridian Semiconductor China R&D Center", 3),
)
DEMO_MANAGER = next(slug for slug, role, _ in DEMO_ACCOUNTS if role is Role.manager)
GOING_ABROAD = ("Beijing-Bavaria Innovation Bridge Munich", "Kessler Automation Beijing R&D Centre")


def _profile_id(session: Session, kind: str, name: str) -> int:
    model = Incubator if kind == "incubator" else Partner
    found = session.scalar(select(model.id).where(model.name == name))
    if found is None:
        raise NotFound(f"demo {kind} {name!r} is missing; run `matchmaker seed-demo` first")
    return int(found)


def load_demo_camp(session: Session, max_applications: int = MAX_APPLICATIONS) -> Camp:
    """Create (once) the demo camp and its applications; returns the camp."""
    existing = session.scalar(select(Camp).where(Camp.name == NAME))
    if existing is not None:
        return existing
    ids = {name: (kind, _profile_id(session, kind, name)) for kind, name, _ in HOSTS}
    body = CampCreate.model_validate(
        {
            "name": NAME,
            "starts_on": date(2026, 9, 14),
            "ends_on": date(2026, 9, 16),
            "location": "Beijing-Bavaria Innovation Bridge, Munich",
            "timezone": "Europe/Berlin",
            "hosts": [
                {f"{kind}_id": ids[name][1], "places": places} for kind, name, places in HOSTS
            ],
            "eligibility": {"trl_min": 3},
            "quotas": [
                {
                    "name": "30% of places for Tianjin and Hebei",
                    "attribute": "region",
                    "values": ["tianjin", "hebei"],
                    "at_least_share": 0.3,
                },
                {
                    "name": "at most 12 startups from one city",
                    "attribute": "city",
                    "per_value": True,
                    "at_most": 12,
                },
            ],
            "day_plan": {"slot_minutes": 30, "max_per_host_per_day": 10},
        }
    )
    camp = service.create_camp(session, None, body)
    camp.owner_account_id = session.scalar(select(Account.id).where(Account.slug == DEMO_MANAGER))
    abroad = [HostRef.model_validate({f"{ids[n][0]}_id": ids[n][1]}) for n in GOING_ABROAD]
    names = [s["name"] for s in json.loads(DATA.read_text(encoding="utf-8"))["startups"]]
    demo = select(Startup).where(Startup.name.in_(names)).order_by(Startup.id)
    for startup in session.scalars(demo):
        wants_out = "international_expansion" in startup.needs or startup.region == "abroad"
        service.apply(
            session,
            None,
            camp,
            ApplicationCreate(
                startup_id=startup.id,
                host_preferences=list(abroad) if wants_out else [],
            ),
            max_applications=max_applications,
        )
    session.flush()
    return camp
