"""One router factory for the four profile kinds, so the HTTP rules live in one place.

No ``from __future__ import annotations`` here: FastAPI must see the closure's schema
classes, not their names.
"""

import inspect
import re
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Query, Request, Response, status
from fastapi.params import Depends as DependsParam

from matchmaker.access import policy
from matchmaker.access.principal import REQUIRE_KEY, PrincipalDep
from matchmaker.db import SessionDep
from matchmaker.errors import (
    Duplicate,
    Forbidden,
    InvalidInput,
    NotFound,
    PreconditionFailed,
    Unauthorized,
    error_responses,
)
from matchmaker.params import PathId
from matchmaker.platform.routes import OneHopRoute
from matchmaker.profiles import service
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.profiles.schemas import STALE_AFTER_DAYS, STORED, Page, clean_text
from matchmaker.vocab import Domain, Region, ScenarioStatus, Stage

# What If-Match accepts: "*" or an ETag of this API.
IF_MATCH_PATTERN = r'^(\*|(W/)?"[0-9]{1,9}"|[0-9]{1,9})$'
_ETAG = re.compile(r'(?:W/)?"([0-9]{1,9})"|([0-9]{1,9})')


def etag(version: int) -> str:
    return f'W/"{version}"'


def parse_if_match(value: str | None) -> int | None:
    """Accept ``W/"3"``, ``"3"`` or ``3``; ``*`` means any version."""
    if value is None or value.strip() == "*":
        return None
    match = _ETAG.fullmatch(value.strip())
    if match is None:
        raise InvalidInput("If-Match", 'expected the ETag returned by a read, e.g. W/"3"')
    return int(match.group(1) or match.group(2))


# Patterns are declared in the schema (json_schema_extra) and enforced by the parsers below,
# which give a reason a person can act on rather than "should match pattern".
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"


def clean_query(q: str | None) -> str | None:
    """The text query, refused like body text if no database could compare it."""
    if q is None:
        return None
    try:
        return clean_text(q)
    except ValueError as exc:
        raise InvalidInput("q", str(exc)) from exc


IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        json_schema_extra={"pattern": IF_MATCH_PATTERN},
        description='ETag from a read (W/"<version>"), or * for any version; stale gets 412',
    ),
]
Cursor = Annotated[
    str | None,
    Query(
        json_schema_extra={"pattern": service.CURSOR_PATTERN},
        description="`next_cursor` of the previous page; leave out for the first page",
    ),
]


def facet_filters(kind: ProfileKind) -> DependsParam:
    """The filters of one kind as repeatable query parameters, and no others.

    Built per kind so the schema advertises exactly what the route accepts: a startup list
    has no ``kind`` or ``status`` filter to offer.
    """
    types: dict[str, Any] = {
        "domain": Domain,
        "stage": Stage,
        "region": Region,
        # Typed per kind so the schema lists the allowed values and bad ones get 422.
        "kind": kind.kind_vocab or str,
        "status": ScenarioStatus,
    }
    params = [
        inspect.Parameter(
            name,
            inspect.Parameter.KEYWORD_ONLY,
            default=None,
            annotation=Annotated[list[types[name]] | None, Query()],  # type: ignore[valid-type]
        )
        for name in types
        if name in kind.filters
    ]

    async def facets(**values: list[Any] | None) -> dict[str, list[str]]:  # async: no hop
        return {name: [str(v) for v in values.get(name) or []] for name in kind.filters}

    facets.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    dependency: DependsParam = Depends(facets)
    return dependency


async def read_context(request: Request) -> dict[str, int]:
    """How reads validate: staleness by the service's MATCHMAKER_STALE_AFTER_DAYS, and the
    values as stored (the text checks ran when they were written)."""
    return {STALE_AFTER_DAYS: request.app.state.settings.stale_after_days, STORED: True}


ReadContext = Annotated[dict[str, int], Depends(read_context)]


def make_router(kind: ProfileKind) -> APIRouter:
    # Router-wide responses replace FastAPI's default 422 schema with the API's error body.
    router = APIRouter(
        route_class=OneHopRoute,
        prefix=f"/v1/{kind.plural}",
        tags=[kind.plural],
        responses=error_responses(Unauthorized),
        dependencies=REQUIRE_KEY,
    )
    Read, Create, Update = kind.read, kind.create, kind.update  # noqa: N806
    Facets = Annotated[dict[str, list[str]], facet_filters(kind)]  # noqa: N806

    def to_read(obj: Any, context: dict[str, int]) -> Any:
        return Read.model_validate(obj, context=context)

    @router.post(
        "",
        status_code=status.HTTP_201_CREATED,
        response_model=Read,
        responses=error_responses(Duplicate, Forbidden),
        summary=f"Create a {kind.name}",
    )
    def create_profile(
        session: SessionDep,
        context: ReadContext,
        principal: PrincipalDep,
        response: Response,
        body: Annotated[Create, Body()],  # type: ignore[valid-type]
    ) -> Any:
        policy.check_create(session, principal, kind.name, body)
        obj = service.create(session, kind, body, owner_account_id=principal.account_id)
        response.headers["ETag"] = etag(obj.version)
        response.headers["Location"] = f"/v1/{kind.plural}/{obj.id}"
        return to_read(obj, context)

    @router.get(
        "",
        response_model=Page[Read],  # type: ignore[valid-type]
        summary=f"List {kind.plural}",
    )
    def list_profiles(
        session: SessionDep,
        context: ReadContext,
        facets: Facets,
        q: Annotated[
            str | None,
            Query(
                max_length=200,
                json_schema_extra={"pattern": TEXT_PATTERN},
                description=f"words in the {kind.title_attr} or description (each space-separated "
                "term must appear; Chinese is matched without spaces)",
            ),
        ] = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        cursor: Cursor = None,
    ) -> Any:
        rows, next_cursor = service.list_page(session, kind, facets, clean_query(q), limit, cursor)
        return {"items": [to_read(r, context) for r in rows], "next_cursor": next_cursor}

    @router.get(
        "/{profile_id}",
        response_model=Read,
        responses=error_responses(NotFound),
        summary=f"Read a {kind.name}",
    )
    def read_profile(
        session: SessionDep, context: ReadContext, profile_id: PathId, response: Response
    ) -> Any:
        obj = service.get(session, kind, profile_id)
        response.headers["ETag"] = etag(obj.version)
        return to_read(obj, context)

    @router.patch(
        "/{profile_id}",
        response_model=Read,
        responses=error_responses(NotFound, Duplicate, PreconditionFailed, Forbidden),
        summary=f"Update part of a {kind.name}",
    )
    def update_profile(
        session: SessionDep,
        context: ReadContext,
        principal: PrincipalDep,
        profile_id: PathId,
        body: Annotated[Update, Body()],  # type: ignore[valid-type]
        response: Response,
        if_match: IfMatch = None,
    ) -> Any:
        obj = service.get(session, kind, profile_id)
        policy.check_update(session, principal, kind.name, obj, body)
        obj = service.update(session, kind, obj, body, parse_if_match(if_match))
        response.headers["ETag"] = etag(obj.version)
        return to_read(obj, context)

    @router.delete(
        "/{profile_id}",
        status_code=status.HTTP_204_NO_CONTENT,
        responses=error_responses(NotFound, PreconditionFailed, Forbidden),
        summary=f"Delete a {kind.name}",
    )
    def delete_profile(
        session: SessionDep,
        principal: PrincipalDep,
        profile_id: PathId,
        if_match: IfMatch = None,
    ) -> None:
        obj = service.get(session, kind, profile_id)
        policy.check_manage(principal, kind.name, obj)
        service.remove(session, kind, obj, parse_if_match(if_match))

    return router
