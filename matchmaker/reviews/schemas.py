"""Review request and response schemas."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from matchmaker.profiles.schemas import Id, clean_text
from matchmaker.reviews.workflow import Action, Decision, Side, State
from matchmaker.vocab import DeclineReason

Note = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=1000),
    AfterValidator(clean_text),
]


class MatchActionCreate(BaseModel):
    """One side acting on a startup–target pair; the first action creates the record."""

    model_config = ConfigDict(extra="forbid")

    startup_id: Id
    incubator_id: Id | None = None
    partner_id: Id | None = None
    scenario_id: Id | None = None
    action: Action
    # validate_default: a missing reason or note is checked too, and reported on its own field.
    reason: DeclineReason | None = Field(
        default=None,
        validate_default=True,
        description="why, when declining (required then; see decline_reasons)",
    )
    note: Note | None = Field(
        default=None, validate_default=True, description="free text kept in the audit trail"
    )
    as_side: Side | None = Field(
        default=None,
        description="which side you act for; needed only when your key manages both sides "
        "(always for an admin)",
    )

    @model_validator(mode="after")
    def _consistent(self) -> MatchActionCreate:
        targets = [t for t in (self.incubator_id, self.partner_id, self.scenario_id) if t]
        if len(targets) != 1:
            raise ValueError("give exactly one of incubator_id, partner_id, scenario_id")
        return self

    @field_validator("reason")
    @classmethod
    def _reason_with_decline(
        cls, reason: DeclineReason | None, info: ValidationInfo
    ) -> DeclineReason | None:
        action = info.data.get("action")
        if action is Action.decline and reason is None:
            raise PydanticCustomError(
                "value_error", "a decline needs a reason from the decline_reasons vocabulary"
            )
        if action is not None and action is not Action.decline and reason is not None:
            raise PydanticCustomError(
                "value_error", "a reason is given only when declining; use note instead"
            )
        return reason

    @field_validator("note")
    @classmethod
    def _note_for_other(cls, note: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("reason") is DeclineReason.other and not note:
            raise PydanticCustomError("value_error", "reason 'other' needs a note saying why")
        return note

    @property
    def target(self) -> tuple[str, int]:
        for kind in ("incubator", "partner", "scenario"):
            value = getattr(self, f"{kind}_id")
            if value:
                return kind, value
        raise AssertionError("validated: exactly one target")


class Contacts(BaseModel):
    """Both sides' contact details: present only while the match is connected."""

    startup_email: str | None
    target_email: str | None


class MatchRecordRead(BaseModel):
    """A match record: the pair, its state, each side's decision and the score behind it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    startup_id: int
    target_kind: str
    target_id: int
    incubator_id: int | None
    partner_id: int | None
    scenario_id: int | None
    state: State
    startup_decision: Decision | None
    target_decision: Decision | None
    score: float | None = Field(
        description="the pair's score when the last decision was recorded, with `model` and "
        "`ranking_version`; the pair's lists show its score now, which later decisions and "
        "edits move"
    )
    model: str | None
    ranking_version: str | None
    version: int
    created_at: datetime
    updated_at: datetime
    contacts: Contacts | None = None


class MatchEventRead(BaseModel):
    """One audit event: who did what, when, from which state to which, and why."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    match_id: int
    actor_account_id: int | None
    side: Side
    action: Action
    from_state: State
    to_state: State
    reason: DeclineReason | None
    note: str | None
    score: float | None = Field(description="the pair's score when this event was recorded")
    model: str | None
    ranking_version: str | None
    created_at: datetime


class MatchPage(BaseModel):
    """One page of match records; pass ``next_cursor`` back as ``cursor``."""

    items: list[MatchRecordRead]
    next_cursor: str | None = None
