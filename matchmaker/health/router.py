"""Liveness, readiness and the vocabularies clients build forms from."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from matchmaker.errors import RETRY_AFTER_SECONDS
from matchmaker.health.service import readiness
from matchmaker.vocab import VOCABULARIES, label

router = APIRouter()


@router.get("/healthz", tags=["health"])
def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz", tags=["health"])
def readyz(request: Request) -> JSONResponse:
    """200 when the database answers at the latest schema, its storage can be written and the
    indexes hold this model's vectors; otherwise 503, and ``down`` names what does not work."""
    ready, body = readiness(request.app.state.runtime, request.app.state.engine)
    headers = None if ready else {"Retry-After": str(RETRY_AFTER_SECONDS)}
    return JSONResponse(body, status_code=200 if ready else 503, headers=headers)


@router.get("/v1/vocabularies", tags=["vocabularies"])
def vocabularies() -> dict[str, list[dict[str, Any]]]:
    """Every controlled vocabulary, with English and Chinese labels."""
    return {
        name: [
            {"value": v.value, "label": label(v.value), "label_zh": label(v.value, "zh")}
            for v in vocab
        ]
        for name, vocab in VOCABULARIES.items()
    }
