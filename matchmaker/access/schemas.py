"""Key request and response schemas. A key's plaintext appears only in ``KeyIssued``."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from matchmaker.access.models import Role
from matchmaker.profiles.schemas import Id, Int, clean_line

Days = Annotated[Int, Field(ge=1, le=3650, description="days until the key stops working")]
Ids = Annotated[list[Id], Field(max_length=100)]


class KeyCreate(BaseModel):
    """A new account of ``role`` and its first key (admins only)."""

    model_config = ConfigDict(extra="forbid")

    role: Role
    name: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=200), AfterValidator(clean_line)
    ] = ""
    incubator_ids: Ids = Field(default=[], description="incubators a manager key manages")
    partner_ids: Ids = Field(default=[], description="partners a partner-platform key acts for")
    expires_in_days: Days | None = None


class KeyRotate(BaseModel):
    """Options of a rotation; by default the new key keeps the old key's lifetime."""

    model_config = ConfigDict(extra="forbid")

    expires_in_days: Days | None = None


class KeyRead(BaseModel):
    """A key's metadata; never its secret."""

    id: int
    account_id: int
    role: Role
    name: str
    prefix: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None


class KeyIssued(KeyRead):
    """A new key. ``key`` is shown this once: store it now."""

    key: str
    incubator_ids: list[int]
    partner_ids: list[int]


class Me(BaseModel):
    """The caller: its account, role, bindings and the key in use."""

    account_id: int
    role: Role
    name: str
    incubator_ids: list[int]
    partner_ids: list[int]
    key: KeyRead
