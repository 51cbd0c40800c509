"""The scenario kind, as the generic profile code sees it."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from matchmaker.errors import InvalidInput
from matchmaker.partners.models import Partner
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.scenarios.models import Scenario
from matchmaker.scenarios.schemas import ScenarioCreate, ScenarioRead, ScenarioUpdate
from matchmaker.vocab import trl_facet


def _facets(s: Scenario) -> dict[str, list[str]]:
    return {
        "domain": list(s.domains),
        "region": [s.region],
        "status": [s.status],
        "mode": [s.collaboration_mode],
        "trl": trl_facet(s.min_trl),
    }


def _check_publisher(session: Session, values: dict[str, Any]) -> None:
    publisher = values.get("publisher")
    if isinstance(publisher, int):
        partner = session.get(Partner, publisher)
        if partner is None:
            raise InvalidInput("publisher", f"no partner with id {publisher}")
        # Keep the name too, so the scenario still says who published it if the partner goes.
        values["publisher_name"] = partner.name


KIND = ProfileKind(
    name="scenario",
    plural="scenarios",
    model=Scenario,
    create=ScenarioCreate,
    update=ScenarioUpdate,
    read=ScenarioRead,
    title_attr="title",
    facets=_facets,
    check_refs=_check_publisher,
    dedupe_attrs=("title", "publisher"),
    filters=frozenset({"domain", "region", "status"}),
)
