"""The incubator kind, as the generic profile code sees it."""

from __future__ import annotations

from matchmaker.incubators.models import Incubator
from matchmaker.incubators.schemas import IncubatorCreate, IncubatorRead, IncubatorUpdate
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.vocab import IncubatorKind


def _facets(i: Incubator) -> dict[str, list[str]]:
    return {
        "domain": list(i.domains),
        "stage": list(i.stages),
        "region": [i.region],
        "kind": [i.kind],
        "service": list(i.services),
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
