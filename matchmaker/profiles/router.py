"""One router factory for the four profile kinds, so the HTTP rules live in one place.

No ``from __future__ import annotations`` here: FastAPI must see the closure's schema
classes, not their names.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, Query, Response, status

from matchmaker.db import SessionDep
from matchmaker.errors import Duplicate, InvalidInput, NotFound, PreconditionFailed, error_responses
from matchmaker.profiles import service
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.profiles.schemas import Page
from matchmaker.vocab import Domain, Region, Stage


def etag(version: int) -> str:
    return f'W/"{version}"'


def parse_if_match(value: str | None) -> int | None:
    """Accept ``W/"3"``, ``"3"`` or ``3``; ``*`` means any version."""
    if value is None or value.strip() == "*":
        return None
    raw = value.strip().removeprefix("W/").strip('"')
    if not raw.isdigit():
        raise InvalidInput("If-Match", 'expected the ETag returned by a read, e.g. W/"3"')
    return int(raw)


IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description='ETag from a read (W/"<version>"); stale gets 412'),
]


def make_router(kind: ProfileKind) -> APIRouter:
    router = APIRouter(prefix=f"/v1/{kind.plural}", tags=[kind.plural])
    Read, Create, Update = kind.read, kind.create, kind.update  # noqa: N806

    def to_read(obj: Any) -> Any:
        return Read.model_validate(obj)

    @router.post(
        "",
        status_code=status.HTTP_201_CREATED,
        response_model=Read,
        responses=error_responses(Duplicate),
        summary=f"Create a {kind.name}",
    )
    def create_profile(
        session: SessionDep,
        response: Response,
        body: Annotated[Create, Body()],  # type: ignore[valid-type]
    ) -> Any:
        obj = service.create(session, kind, body)
        response.headers["ETag"] = etag(obj.version)
        response.headers["Location"] = f"/v1/{kind.plural}/{obj.id}"
        return to_read(obj)

    @router.get(
        "",
        response_model=Page[Read],  # type: ignore[valid-type]
        summary=f"List {kind.plural}",
    )
    def list_profiles(
        session: SessionDep,
        domain: Annotated[list[Domain] | None, Query()] = None,
        stage: Annotated[list[Stage] | None, Query()] = None,
        region: Annotated[list[Region] | None, Query()] = None,
        kind_: Annotated[list[str] | None, Query(alias="kind")] = None,
        status_: Annotated[list[str] | None, Query(alias="status")] = None,
        q: Annotated[str | None, Query(max_length=200, description="text in the name")] = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        cursor: Annotated[str | None, Query(max_length=100)] = None,
    ) -> Any:
        facets = {
            "domain": [str(v) for v in domain or []],
            "stage": [str(v) for v in stage or []],
            "region": [str(v) for v in region or []],
            "kind": kind_ or [],
            "status": status_ or [],
        }
        rows, next_cursor = service.list_page(session, kind, facets, q, limit, cursor)
        return {"items": [to_read(r) for r in rows], "next_cursor": next_cursor}

    @router.get(
        "/{profile_id}",
        response_model=Read,
        responses=error_responses(NotFound),
        summary=f"Read a {kind.name}",
    )
    def read_profile(session: SessionDep, profile_id: int, response: Response) -> Any:
        obj = service.get(session, kind, profile_id)
        response.headers["ETag"] = etag(obj.version)
        return to_read(obj)

    @router.patch(
        "/{profile_id}",
        response_model=Read,
        responses=error_responses(NotFound, Duplicate, PreconditionFailed),
        summary=f"Update part of a {kind.name}",
    )
    def update_profile(
        session: SessionDep,
        profile_id: int,
        body: Annotated[Update, Body()],  # type: ignore[valid-type]
        response: Response,
        if_match: IfMatch = None,
    ) -> Any:
        obj = service.get(session, kind, profile_id)
        obj = service.update(session, kind, obj, body, parse_if_match(if_match))
        response.headers["ETag"] = etag(obj.version)
        return to_read(obj)

    @router.delete(
        "/{profile_id}",
        status_code=status.HTTP_204_NO_CONTENT,
        responses=error_responses(NotFound, PreconditionFailed),
        summary=f"Delete a {kind.name}",
    )
    def delete_profile(session: SessionDep, profile_id: int, if_match: IfMatch = None) -> None:
        obj = service.get(session, kind, profile_id)
        service.remove(session, kind, obj, parse_if_match(if_match))

    return router
