"""Who may read which analytics: a target's managers their own, an admin everything."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from matchmaker.access import policy
from matchmaker.access.principal import Principal
from matchmaker.analytics.schemas import ReportScope
from matchmaker.error_schemas import AccessDetail
from matchmaker.errors import Forbidden, InvalidInput
from matchmaker.kinds import INCUBATOR, PARTNER
from matchmaker.profiles import service as profiles


@dataclass(frozen=True)
class Scope:
    """One incubator's or partner's pairs and lists (``kind``, ``id``), or all (None)."""

    kind: str | None = None
    id: int | None = None

    def read(self) -> ReportScope:
        if self.kind == "incubator":
            return ReportScope(kind="incubator", id=self.id)
        if self.kind == "partner":
            return ReportScope(kind="partner", id=self.id)
        return ReportScope(kind="service", id=None)


SERVICE = Scope()


def resolve(
    session: Session, principal: Principal, incubator_id: int | None, partner_id: int | None
) -> Scope:
    """The scope asked for, 404 for an unknown profile, 403 unless the caller manages it."""
    if incubator_id is not None and partner_id is not None:
        raise InvalidInput("partner_id", "give incubator_id or partner_id, not both")
    for kind, profile_id in ((INCUBATOR, incubator_id), (PARTNER, partner_id)):
        if profile_id is not None:
            policy.check_manage(principal, kind.name, profiles.get(session, kind, profile_id))
            return Scope(kind.name, profile_id)
    if not principal.is_admin:
        raise Forbidden(
            "the whole service's analytics need an admin key; a manager passes incubator_id, "
            "a partner platform partner_id",
            AccessDetail(role=principal.role.value),
        )
    return SERVICE
