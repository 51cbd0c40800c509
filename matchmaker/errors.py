"""Domain errors carry their HTTP status; one handler renders every error body.

Every error response has the shape ``{"error": code, "message": text, "detail": ...}``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from matchmaker import error_schemas
from matchmaker.db_errors import connection_failure, storage_failure
from matchmaker.error_schemas import (
    FIELDS,
    AccessDetail,
    DuplicateDetail,
    FieldError,
    ResourceRef,
    VersionDetail,
)

log = logging.getLogger(__name__)


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: str
    message: str
    detail: Any = None


Detail = BaseModel | list[FieldError] | list[dict[str, str]] | None


class DomainError(Exception):
    """An error a route answers with. Each subclass is one error code of the API: its status,
    and the type of its ``detail`` (``detail_type``, None for none), which the OpenAPI schema
    declares per code (matchmaker.error_schemas)."""

    status_code = 400
    code = "bad_request"
    headers: dict[str, str] = {}
    detail_type: Any = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        error_schemas.register(cls.code, cls.status_code, cls.detail_type, cls.__doc__ or cls.code)

    def __init__(self, message: str, detail: Detail = None) -> None:
        super().__init__(message)
        expected = list if self.detail_type == FIELDS else self.detail_type
        if detail is not None and (expected is None or not isinstance(detail, expected)):
            # A bug at the raise site: the schema promises clients another shape.
            raise TypeError(f"{self.code}'s detail must be {self.detail_type}, not {detail!r}")
        self.message = message
        self.detail: Any = detail


class Unauthorized(DomainError):
    """No API key, or one that is unknown, revoked or expired."""

    status_code = 401
    code = "unauthorized"
    headers = {"WWW-Authenticate": 'Bearer realm="matchmaker"'}


class Forbidden(DomainError):
    """The key is valid but its role or scope does not allow this."""

    status_code = 403
    code = "forbidden"
    detail_type = AccessDetail


class NotFound(DomainError):
    """No such record (detail names it), or no such path (no detail)."""

    status_code = 404
    code = "not_found"
    detail_type = ResourceRef


class Conflict(DomainError):
    """The request conflicts with the record's current state (detail names the record)."""

    status_code = 409
    code = "conflict"
    detail_type: Any = ResourceRef


class Duplicate(Conflict):
    """Such a record exists already: detail gives its id and URL."""

    code = "duplicate"
    detail_type: Any = DuplicateDetail


class PreconditionFailed(DomainError):
    """If-Match names an older version, or another request changed the record first."""

    status_code = 412
    code = "precondition_failed"
    detail_type = VersionDetail


class InvalidInput(DomainError):
    """Invalid input: detail lists field and reason"""

    status_code = 422
    code = "validation_failed"
    detail_type = FIELDS

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}", [{"field": field, "reason": reason}])

    @classmethod
    def from_fields(cls, fields: list[dict[str, str]]) -> InvalidInput:
        """One error naming several fields, as the request validation handler renders them."""
        err = cls(fields[0]["field"], fields[0]["reason"])
        err.message, err.detail = _summary(fields), fields
        return err


class RateLimited(DomainError):
    """Too many requests for this account (its keys and web sessions share one budget); wait
    `Retry-After` s"""

    status_code = 429
    code = "rate_limited"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.headers = {"Retry-After": str(retry_after)}


class ServiceUnavailable(DomainError):
    """The service cannot answer this now (e.g. the model is still loading); retry later."""

    status_code = 503
    code = "unavailable"


# Seconds a client is asked to wait when the database is down: a PostgreSQL restart or a
# fail-over takes a few seconds.
RETRY_AFTER_SECONDS = 5


class DatabaseUnavailable(ServiceUnavailable):
    """The database cannot be reached right now; retry after `Retry-After` seconds."""

    code = "database_unavailable"
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}


class StorageUnwritable(DatabaseUnavailable):
    """The database's storage cannot be written (read-only, full or failing disk)."""

    code = "storage_unwritable"


def unavailable(exc: BaseException) -> DatabaseUnavailable | None:
    """The 503 that a database error means, or None when it is not an outage (a bug)."""
    if isinstance(exc, DatabaseUnavailable):
        return exc
    if storage_failure(exc):
        return StorageUnwritable(
            "the database cannot be written: its storage is read-only, full or failing; "
            "nothing was changed, retry later"
        )
    if connection_failure(exc):
        return DatabaseUnavailable("the database is unreachable; nothing was changed, retry later")
    return None


def error_responses(*errors: type[DomainError]) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route, so the OpenAPI schema lists the codes it can answer with and
    each one's typed body (a 422 ``validation_failed`` always)."""
    by_status: dict[int, list[str]] = {422: [InvalidInput.code]}
    for err in errors:
        by_status.setdefault(err.status_code, []).append(err.code)
    return {status: error_schemas.response(codes) for status, codes in by_status.items()}


def _render(
    status: int,
    code: str,
    message: str,
    detail: Any = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorBody(error=code, message=message, detail=jsonable_encoder(detail))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


_REQUEST_PARTS = ("body", "query", "path", "header", "cookie")


def _field_name(loc: tuple[Any, ...], error_type: str) -> str:
    if error_type == "json_invalid" or not loc:
        return "body"  # the rest of loc is a character offset, not a field
    # Drop the "body"/"query" prefix: clients name fields, not request parts.
    parts = loc[1:] if loc[0] in _REQUEST_PARTS else loc
    return ".".join(str(p) for p in parts) or str(loc[0])


def _reason(error: Mapping[str, Any]) -> str:
    msg = str(error.get("msg", "invalid"))
    # pydantic prefixes the message of a ValueError raised in a validator; clients need not see it.
    msg = msg.removeprefix("Value error, ")
    ctx = error.get("ctx") or {}
    if error.get("type") == "json_invalid" and "error" in ctx:
        msg = f"{msg}: {ctx['error']}"
    return msg


def validation_fields(errors: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """pydantic errors as ``[{field, reason}]``, the ``detail`` of a 422."""
    return [
        {"field": _field_name(tuple(e.get("loc", ())), str(e.get("type"))), "reason": _reason(e)}
        for e in errors
    ]


def _summary(fields: list[dict[str, str]]) -> str:
    return "; ".join(f"{f['field']}: {f['reason']}" for f in fields[:5]) or "invalid input"


def _not_json(request: Request, errors: Iterable[Mapping[str, Any]]) -> str | None:
    """The media type of a body FastAPI did not read as JSON because it was labelled as
    something else (it then fails as "not a dictionary"); None for any other error."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if not media_type or media_type == "application/json" or media_type.endswith("+json"):
        return None
    whole_body = any(tuple(e.get("loc", ())) == ("body",) for e in errors)
    return media_type if whole_body else None


def allowed_methods(request: Request) -> str:
    """Every method some route takes at this path, for the ``Allow`` header of a 405.

    The router names only the methods of the first route that matched the path, while a path
    such as ``/v1/startups`` is served by one route per method; so ask every route about each.
    """
    path = {"type": "http", "path": request.url.path, "root_path": "", "headers": []}
    allowed = [
        method
        for method in _METHODS
        if any(
            route.matches({**path, "method": method})[0] is Match.FULL
            for route in request.app.router.routes
        )
    ]
    return ", ".join(allowed)


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def _unreadable_body(request: Request, detail: str) -> str:
    # An upload's body is multipart: calling it JSON sent its sender to the wrong mistake.
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type == "multipart/form-data":
        return f"is not valid multipart form data ({detail})"
    if media_type == "application/x-www-form-urlencoded":
        return f"is not valid form data ({detail})"
    return f"cannot be read as JSON ({detail})"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain(_: Request, exc: DomainError) -> JSONResponse:
        return _render(exc.status_code, exc.code, exc.message, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        media_type = _not_json(request, exc.errors())
        if media_type is not None:
            reason = f"send it as JSON with Content-Type: application/json (got {media_type})"
            fields = [{"field": "body", "reason": reason}]
            return _render(415, "unsupported_media_type", _summary(fields), fields)
        fields = validation_fields(exc.errors())
        return _render(422, "validation_failed", _summary(fields), fields)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:
            # FastAPI's only 400 is a body it cannot decode (e.g. not UTF-8): to a client that is
            # the same mistake as malformed JSON, which is a 422.
            fields = [{"field": "body", "reason": _unreadable_body(request, str(exc.detail))}]
            return _render(422, "validation_failed", _summary(fields), fields)
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(request)
        return _render(exc.status_code, code, str(exc.detail), headers=headers)

    @app.exception_handler(SQLAlchemyError)
    async def _database(_: Request, exc: SQLAlchemyError) -> JSONResponse:
        down = unavailable(exc)
        if down is None:
            log.error("database error", exc_info=exc)
            return _render(500, "internal_error", "internal error")
        log.warning("answered 503 %s: %s", down.code, exc)
        return _render(down.status_code, down.code, down.message, None, down.headers)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        # Middleware errors land here (outside the handlers above): an outage is still a 503.
        down = unavailable(exc)
        if down is not None:
            return _render(down.status_code, down.code, down.message, None, down.headers)
        # Never leak internals; the traceback goes to the server log via uvicorn.
        return _render(500, "internal_error", "internal error")
