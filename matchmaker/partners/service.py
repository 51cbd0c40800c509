"""The partner kind, as the generic profile code sees it."""

from __future__ import annotations

from matchmaker.partners.models import Partner
from matchmaker.partners.schemas import PartnerCreate, PartnerRead, PartnerUpdate
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.vocab import PartnerKind


def _facets(p: Partner) -> dict[str, list[str]]:
    return {
        "domain": list(p.domains),
        "stage": list(p.stages),
        "region": [p.region],
        "kind": [p.kind],
        "mode": list(p.collaboration_modes),
    }


KIND = ProfileKind(
    name="partner",
    plural="partners",
    model=Partner,
    create=PartnerCreate,
    update=PartnerUpdate,
    read=PartnerRead,
    title_attr="name",
    facets=_facets,
    kind_vocab=PartnerKind,
    filters=frozenset({"domain", "stage", "region", "kind"}),
)
