"""Liveness, readiness and the vocabularies clients build forms from."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from matchmaker.errors import RETRY_AFTER_SECONDS
from matchmaker.health.service import readiness
from matchmaker.platform.routes import OneHopRoute
from matchmaker.vocab import VOCABULARIES, label

router = APIRouter(route_class=OneHopRoute)


class Health(BaseModel):
    status: Literal["ok"]


class IndexReadiness(BaseModel):
    model: str
    problem: str | None
    indexed: dict[str, int]


class Readiness(BaseModel):
    """What /readyz found; more keys may be added, so clients should ignore unknown ones."""

    model_config = ConfigDict(extra="allow")

    ready: bool
    current: str | None
    head: str | None
    error: str | None
    index: IndexReadiness


class VocabularyItem(BaseModel):
    value: str
    label: str
    label_zh: str


@router.get("/healthz", tags=["health"], response_model=Health)
async def healthz() -> dict[str, str]:
    """The process is up."""
    # Async: a liveness probe must answer even when every pool thread is busy.
    return {"status": "ok"}


@router.get(
    "/readyz",
    tags=["health"],
    responses={
        200: {"model": Readiness, "description": "Ready to serve"},
        503: {"model": Readiness, "description": "Not ready: the body says what is missing"},
    },
)
def readyz(request: Request) -> JSONResponse:
    """200 when the database answers at the latest schema, its storage can be written and the
    indexes hold this model's vectors; otherwise 503, and ``down`` names what does not work."""
    ready, body = readiness(request.app.state.runtime, request.app.state.engine)
    headers = None if ready else {"Retry-After": str(RETRY_AFTER_SECONDS)}
    return JSONResponse(body, status_code=200 if ready else 503, headers=headers)


@router.get(
    "/v1/vocabularies", tags=["vocabularies"], response_model=dict[str, list[VocabularyItem]]
)
def vocabularies() -> dict[str, list[dict[str, Any]]]:
    """Every controlled vocabulary, with English and Chinese labels."""
    return {
        name: [
            {"value": v.value, "label": label(v.value), "label_zh": label(v.value, "zh")}
            for v in vocab
        ]
        for name, vocab in VOCABULARIES.items()
    }
