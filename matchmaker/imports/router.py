"""Routes: upload a file to import, and follow the job."""

from __future__ import annotations

import json
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, Response, UploadFile, status
from pydantic import BaseModel
from pydantic_core import PydanticCustomError

from matchmaker.access import policy
from matchmaker.access.principal import PrincipalDep
from matchmaker.db import SessionDep
from matchmaker.errors import Forbidden, InvalidInput, NotFound, Unauthorized, error_responses
from matchmaker.imports import service
from matchmaker.imports.errors import ImportQueueFull
from matchmaker.imports.mapping import MappingError, parse
from matchmaker.imports.models import ImportJob
from matchmaker.imports.readers import FORMATS, detect_format
from matchmaker.imports.schemas import ImportJobRead, RowErrorRead
from matchmaker.imports.worker import upload_dir
from matchmaker.kinds import BY_PLURAL
from matchmaker.params import PathId
from matchmaker.platform import jsonbody
from matchmaker.platform.routes import OneHopRoute
from matchmaker.profiles.schemas import clean_line
from matchmaker.recommendations.schemas import Target

router = APIRouter(route_class=OneHopRoute, prefix="/v1/imports", tags=["imports"])
_MAPPING_EXAMPLE = json.dumps(
    {
        "external_id": "crm_id",
        "fields": {
            "name": "company",
            "domains": {"column": "sectors", "split": ";"},
            "stage": {"value": "prototype"},
            "trl": "trl",
            "location.region": {"value": "beijing"},
        },
    }
)


class _RoleOnly(BaseModel):
    """No fields: asks ``check_create`` about the caller's role alone."""


def read(session: Any, job: ImportJob, errors: int) -> ImportJobRead:
    out = ImportJobRead.model_validate(job)
    out.errors = [
        RowErrorRead.model_validate(e) for e in service.errors_of(session, job.id, errors)
    ]
    return out


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ImportJobRead,
    responses=error_responses(Unauthorized, Forbidden, ImportQueueFull),
)
def create_import(
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    response: Response,
    file: Annotated[UploadFile, File(description="CSV (with a header), JSON array or JSONL")],
    kind: Annotated[Target, Form(description="the profile kind every row becomes")],
    source: Annotated[
        str,
        Form(
            min_length=1,
            max_length=100,
            pattern=r"^[A-Za-z0-9_.:-]+$",
            description="names where the external ids come from; re-importing the same "
            "source updates the profiles it created",
        ),
    ] = "api",
    format: Annotated[
        str | None, Form(description=f"one of {', '.join(FORMATS)}; default: from the name")
    ] = None,
    mapping: Annotated[
        str | None,
        Form(description="column mapping as JSON (see README)", examples=[_MAPPING_EXAMPLE]),
    ] = None,
) -> ImportJobRead:
    """Upload a file of profiles; it is imported in the background. Poll the job for progress."""
    profile_kind = BY_PLURAL[kind.value]
    # The role check now; rows naming partners they may not speak for fail one by one.
    policy.check_create(session, principal, profile_kind.name, _RoleOnly())
    filename = _filename(file.filename)
    fmt = format or detect_format(filename)
    if fmt not in FORMATS:
        raise InvalidInput("format", f"say which: {', '.join(FORMATS)}")
    raw_mapping = _mapping(mapping, profile_kind.create)
    settings = request.app.state.settings
    folder = upload_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{uuid.uuid4().hex}.{fmt}"
    try:
        with open(path, "wb") as out:
            # The body was held to MATCHMAKER_MAX_UPLOAD_BYTES before it was parsed.
            while chunk := file.file.read(1 << 20):
                out.write(chunk)
        job = service.create_job(
            session,
            kind=kind.value,
            fmt=fmt,
            source=source,
            filename=filename[:300],
            path=path,
            mapping=raw_mapping,
            account_id=principal.account_id,
            per_account=settings.imports_per_account,
        )
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    response.headers["Location"] = f"/v1/imports/{job.id}"
    return read(session, job, 0)


def _filename(sent: str | None) -> str:
    # The name is stored and shown like any other text, so it is held to the same rules: a
    # NUL in it was a 500 on PostgreSQL and kept as sent on SQLite.
    try:
        return clean_line(sent or "")
    except PydanticCustomError as exc:
        raise InvalidInput("file", f"the file name {exc.message()}") from exc


def _mapping(text: str | None, schema: Any) -> dict[str, Any] | None:
    if text is None or not text.strip():
        return None
    try:
        raw = jsonbody.loads(text)
    except jsonbody.DuplicateKeys as exc:
        fields = [
            {"field": jsonbody.said(("mapping", *path)), "reason": jsonbody.REASON}
            for path in exc.paths
        ]
        raise InvalidInput.from_fields(fields) from None
    except json.JSONDecodeError as exc:
        raise InvalidInput("mapping", f"not valid JSON: {exc.msg}") from exc
    if not isinstance(raw, dict):
        # JSON null, a list or a number would read as "no mapping" or crash further on.
        raise InvalidInput(
            "mapping", 'must be a JSON object with "fields" (leave it out to map by column name)'
        )
    try:
        parse(raw, schema)
    except MappingError as exc:
        at = f"mapping.{exc.path}" if exc.path else "mapping"
        raise InvalidInput(at, exc.reason) from exc
    return raw


@router.get("", response_model=list[ImportJobRead], responses=error_responses(Unauthorized))
def list_imports(
    session: SessionDep,
    principal: PrincipalDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[ImportJobRead]:
    """Your account's import jobs, newest first (without their row errors)."""
    return [read(session, j, 0) for j in service.list_for(session, principal, limit)]


@router.get(
    "/{import_id}",
    response_model=ImportJobRead,
    responses=error_responses(Unauthorized, NotFound),
)
def read_import(
    session: SessionDep,
    principal: PrincipalDep,
    import_id: PathId,
    errors: Annotated[int, Query(ge=0, le=1000, description="how many row errors to list")] = 100,
) -> ImportJobRead:
    """One import job: status, counts and the first row errors (row, field, reason)."""
    return read(session, service.get(session, principal, import_id), errors)
