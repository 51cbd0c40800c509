"""Partner request and response schemas."""

from __future__ import annotations

from pydantic import BaseModel, EmailStr

from matchmaker.profiles.schemas import (
    Description,
    Domains,
    Languages,
    Location,
    Name,
    ReadBase,
    Schema,
    Url,
    make_update_model,
    unique_list,
)
from matchmaker.vocab import CollaborationMode, Domain, PartnerKind, Stage


class PartnerFields(BaseModel):
    name: Name
    kind: PartnerKind
    description: Description = ""
    location: Location
    domains: Domains
    collaboration_modes: unique_list(CollaborationMode, min_length=1)  # type: ignore[valid-type]
    stages: unique_list(Stage, min_length=1) = list(Stage)  # type: ignore[valid-type]
    languages: Languages = ["zh"]
    website: Url | None = None


class PartnerCreate(Schema, PartnerFields):
    """A new partner. ``contact_email`` is private: never listed publicly."""

    contact_email: EmailStr | None = None


PartnerUpdate = make_update_model(PartnerCreate, "PartnerUpdate")


class PartnerRead(ReadBase, PartnerFields):
    """A partner's public fields."""

    domains: list[Domain]
