"""The incubator kind, as the generic profile code sees it."""

from __future__ import annotations

from matchmaker.incubators.models import Incubator
from matchmaker.incubators.schemas import IncubatorCreate, IncubatorRead, IncubatorUpdate
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.vocab import IncubatorKind, trl_facet


def _facets(i: Incubator) -> dict[str, list[str]]:
    return {
        "domain": list(i.domains),
        "stage": list(i.stages),
        "region": [i.region],
        "kind": [i.kind],
        "service": list(i.services),
        "trl": trl_facet(i.trl_min, i.trl_max) if i.trl_max is not None else [],
    }


KIND = ProfileKind(
    name="incubator",
    plural="incubators",
    model=Incubator,
    create=IncubatorCreate,
    update=IncubatorUpdate,
    read=IncubatorRead,
    title_attr="name",
    facets=_facets,
    kind_vocab=IncubatorKind,
    filters=frozenset({"domain", "stage", "region", "kind"}),
)
