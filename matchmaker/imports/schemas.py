"""Import job responses."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class RowErrorRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    row: int = Field(description="CSV: data record from 1; JSONL: line; JSON: element from 1")
    field: str
    reason: str


class ImportJobRead(BaseModel):
    """An import job: its status, what it did so far, and the first row errors."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": 7,
                    "kind": "startups",
                    "format": "csv",
                    "source": "crm",
                    "filename": "startups.csv",
                    "status": "finished",
                    "rows_read": 3,
                    "created": 1,
                    "updated": 1,
                    "unchanged": 0,
                    "failed": 1,
                    "message": None,
                    "created_at": "2026-11-28T10:00:00Z",
                    "started_at": "2026-11-28T10:00:01Z",
                    "finished_at": "2026-11-28T10:00:02Z",
                    "errors": [
                        {
                            "row": 3,
                            "field": "trl",
                            "reason": "Input should be less than or equal to 9",
                        }
                    ],
                }
            ]
        },
    )

    id: int
    kind: str
    format: str
    source: str
    filename: str
    status: Literal["queued", "running", "finished", "failed"] = Field(
        description="queued, running, finished (rows may have failed) or failed"
    )
    rows_read: int
    created: int
    updated: int
    unchanged: int
    failed: int = Field(description="rows not imported; see errors")
    message: str | None = Field(description="why a failed job could not run at all")
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    errors: list[RowErrorRead] = []
