"""Webhook requests and responses. The secret appears only in ``WebhookCreated``."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from matchmaker.profiles.schemas import Number, clean_line, clean_text
from matchmaker.webhooks.events import EventType


def _unique(events: list[EventType]) -> list[EventType]:
    if len(set(events)) != len(events):
        raise ValueError("events must be unique")
    return events


class WebhookCreate(BaseModel):
    """Where to POST which events. ``min_score`` applies to ``match.found`` only."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "url": "https://platform.example.com/hooks/matchmaker",
                    "events": ["match.found", "match.state_changed", "import.finished"],
                    "min_score": 0.65,
                    "description": "incubator portal",
                }
            ]
        },
    )

    # clean_line: a NUL was stored on SQLite and a 500 on PostgreSQL, as in any other text.
    url: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=8, max_length=2000),
        AfterValidator(clean_line),
    ]
    events: Annotated[list[EventType], Field(min_length=1, max_length=3), AfterValidator(_unique)]
    min_score: Number | None = Field(
        default=None, ge=0, le=1, description="match.found threshold; default from settings"
    )
    description: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=200), AfterValidator(clean_text)
    ] = ""


class WebhookRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    url: str
    events: list[EventType]
    min_score: float
    description: str
    active: bool
    created_at: datetime


class WebhookCreated(WebhookRead):
    """A new subscription. ``secret`` signs every delivery and is shown this once."""

    secret: str = Field(examples=["whsec_3q2-7wVx..."])


class AttemptRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    attempted_at: datetime
    status_code: int | None
    latency_ms: int
    error: str | None


class DeliveryRead(BaseModel):
    """One event sent (or being sent) to one webhook, with every attempt."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": 17,
                    "webhook_id": 3,
                    "event_id": "evt_42",
                    "event": "match.state_changed",
                    "status": "delivered",
                    "attempts": 3,
                    "next_attempt_at": None,
                    "last_status_code": 200,
                    "last_error": None,
                    "created_at": "2026-11-28T10:00:00Z",
                    "delivered_at": "2026-11-28T10:00:07Z",
                    "attempt_log": [
                        {
                            "attempted_at": "2026-11-28T10:00:00Z",
                            "status_code": 503,
                            "latency_ms": 12,
                            "error": None,
                        },
                        {
                            "attempted_at": "2026-11-28T10:00:02Z",
                            "status_code": None,
                            "latency_ms": 10000,
                            "error": "timed out",
                        },
                        {
                            "attempted_at": "2026-11-28T10:00:07Z",
                            "status_code": 200,
                            "latency_ms": 15,
                            "error": None,
                        },
                    ],
                }
            ]
        },
    )

    id: int
    webhook_id: int
    event_id: str
    event: str
    status: Literal["pending", "delivered", "failed"] = Field(
        description="pending, delivered or failed (attempts exhausted)"
    )
    attempts: int = Field(
        description="Attempts since the delivery was created or last replayed: the retry "
        "budget, which ends in failed at MATCHMAKER_WEBHOOK_MAX_ATTEMPTS (8). A replay starts "
        "it again from 0, so after one it can be less than attempt_log's length."
    )
    next_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None
    attempt_log: list[AttemptRead] = Field(
        description="Every attempt, oldest first, including those made before a replay."
    )


class DeliveryPage(BaseModel):
    items: list[DeliveryRead]
    next_cursor: str | None = None


class PingQueued(BaseModel):
    status: Literal["queued"]
