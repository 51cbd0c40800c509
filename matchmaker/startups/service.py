"""The startup kind, as the generic profile code sees it."""

from __future__ import annotations

from matchmaker.profiles.kinds import ProfileKind
from matchmaker.startups.models import Startup
from matchmaker.startups.schemas import StartupCreate, StartupRead, StartupUpdate
from matchmaker.vocab import trl_facet


def _facets(s: Startup) -> dict[str, list[str]]:
    return {
        "domain": list(s.domains),
        "stage": [s.stage],
        "region": [s.region],
        "need": list(s.needs),
        "trl": trl_facet(s.trl, s.trl),
    }


KIND = ProfileKind(
    name="startup",
    plural="startups",
    model=Startup,
    create=StartupCreate,
    update=StartupUpdate,
    read=StartupRead,
    title_attr="name",
    facets=_facets,
    filters=frozenset({"domain", "stage", "region"}),
)
