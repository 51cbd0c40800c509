"""Liveness, readiness and the vocabularies clients build forms from."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from matchmaker import migrations_state
from matchmaker.vocab import VOCABULARIES, label

router = APIRouter()


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
def healthz() -> dict[str, str]:
    """The process is up."""
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
    """The database answers, its schema is at head, and the indexes hold this model's vectors."""
    state = migrations_state.check(request.app.state.engine)
    runtime = request.app.state.runtime
    store = runtime.store
    problem = store.mismatch()
    if not runtime.indexes_loaded:
        problem = "indexes were not loaded: the schema was not at head when the server started"
    body: dict[str, Any] = state.as_dict()
    body["index"] = {
        "model": store.encoder.name,
        "problem": problem,
        "indexed": {kind: len(index) for kind, index in store.indexes.items()},
    }
    ready = state.ready and problem is None
    body["ready"] = ready
    return JSONResponse(body, status_code=200 if ready else 503)


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
