"""The bodies webhook receivers get, as models: published under the schema's ``webhooks``.

Only documentation: the worker sends the outbox rows (events.py) in the envelope of
fanout.envelope. tests/webhooks check real deliveries against these models.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Literal

from fastapi import FastAPI
from pydantic import BaseModel, Field

from matchmaker.matching.schemas import MatchRead, ProfileRef


class PingData(BaseModel):
    webhook_id: int


class MatchFoundData(BaseModel):
    profile: ProfileRef = Field(description="your profile")
    match: MatchRead = Field(description="the new match, as the match endpoints show it")


class MatchStateChangedData(BaseModel):
    match_id: int
    startup_id: int
    target_kind: Literal["incubator", "partner", "scenario"]
    target_id: int
    from_state: str
    to_state: str
    action: str
    side: str


class ImportFinishedData(BaseModel):
    import_id: int
    kind: str
    source: str
    status: Literal["finished", "failed"]
    rows_read: int
    created: int
    updated: int
    unchanged: int
    failed: int


class _Envelope(BaseModel):
    id: str = Field(description="evt_<n>: the same on every retry, deduplicate on it")
    created_at: datetime


class PingEvent(_Envelope):
    type: Literal["ping"]
    data: PingData


class MatchFoundEvent(_Envelope):
    type: Literal["match.found"]
    data: MatchFoundData


class MatchStateChangedEvent(_Envelope):
    type: Literal["match.state_changed"]
    data: MatchStateChangedData


class ImportFinishedEvent(_Envelope):
    type: Literal["import.finished"]
    data: ImportFinishedData


EVENTS: dict[str, type[_Envelope]] = {
    "ping": PingEvent,
    "match.found": MatchFoundEvent,
    "match.state_changed": MatchStateChangedEvent,
    "import.finished": ImportFinishedEvent,
}
_SIGNED = (
    "Sent as POST with X-Matchmaker-Event, X-Matchmaker-Event-Id, X-Matchmaker-Delivery, "
    "X-Matchmaker-Timestamp and X-Matchmaker-Signature: v1=<hex HMAC-SHA256 of "
    '"<timestamp>.<raw body>" keyed with the webhook secret>. Answer 2xx within 10 s.'
)


def publish(app: FastAPI) -> None:
    """List every event under the schema's top-level ``webhooks`` (OpenAPI 3.1)."""
    for name, model in EVENTS.items():
        app.webhooks.add_api_route(
            name,
            _receiver(model),
            methods=["POST"],
            operation_id=f"event_{name.replace('.', '_')}",
            summary=f"The {name} event",
            description=_SIGNED,
            status_code=204,
        )


def _receiver(model: type[_Envelope]) -> Callable[..., Any]:
    def receive(body: Any) -> None:
        """Your endpoint: what it receives."""

    # The real type, not the string this module's annotations would leave for FastAPI.
    receive.__annotations__ = {"body": model, "return": None}
    return receive
