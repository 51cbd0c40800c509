"""Admin routes: likely duplicate profiles, and the merge of one into another."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query, status

from matchmaker.access import service as access
from matchmaker.access.principal import REQUIRE_KEY, PrincipalDep
from matchmaker.db import SessionDep
from matchmaker.deps import MatcherDep
from matchmaker.duplicates import detect, merge
from matchmaker.duplicates.schemas import (
    DuplicateList,
    DuplicatePair,
    DuplicateProfile,
    DuplicateReason,
    MergeCreate,
    MergeRead,
    ProfileKindName,
)
from matchmaker.errors import (
    Conflict,
    Forbidden,
    NotFound,
    ServiceUnavailable,
    Unauthorized,
    error_responses,
)
from matchmaker.kinds import BY_NAME
from matchmaker.platform.routes import OneHopRoute

router = APIRouter(
    route_class=OneHopRoute,
    prefix="/v1/admin/duplicates",
    tags=["admin"],
    responses=error_responses(Unauthorized, Forbidden),
    dependencies=REQUIRE_KEY,
)


def _profile(p: detect.Profile) -> DuplicateProfile:
    return DuplicateProfile(id=p.id, title=p.title, website=p.website)


def _pair(p: detect.Pair) -> DuplicatePair:
    return DuplicatePair(
        keep=_profile(p.keep),
        merge=_profile(p.merge),
        name_similarity=p.name_similarity,
        cosine=p.cosine,
        reasons=[DuplicateReason(code=r.code, text=r.text) for r in p.reasons],
    )


@router.get(
    "",
    response_model=DuplicateList,
    responses=error_responses(ServiceUnavailable),
    summary="List likely duplicate profiles",
)
def list_duplicates(
    session: SessionDep,
    principal: PrincipalDep,
    matcher: MatcherDep,
    kind: Annotated[ProfileKindName, Query(description="which kind of profile to check")],
) -> DuplicateList:
    """Pairs of one kind that are likely one organisation, by name similarity and the cosine
    of their stored vectors, with the rules each pair meets (admin only)."""
    access.require_admin(principal, "list duplicate profiles")
    problem = matcher.problem()
    if problem:  # cosines of another model's vectors would mean nothing
        raise ServiceUnavailable(problem)
    pairs = detect.find(session, BY_NAME[kind.value], matcher.index_of(kind.value))
    return DuplicateList(kind=kind, pairs=[_pair(p) for p in pairs])


@router.post(
    "/merge",
    status_code=status.HTTP_201_CREATED,
    response_model=MergeRead,
    responses=error_responses(NotFound, Conflict),
    summary="Merge a duplicate profile into another",
)
def merge_duplicates(
    session: SessionDep, principal: PrincipalDep, body: Annotated[MergeCreate, Body()]
) -> MergeRead:
    """Move the matches (with their events), camp entries and bindings of ``merge_id`` to
    ``keep_id`` and delete ``merge_id``, in one transaction; returns the audit record."""
    access.require_admin(principal, "merge profiles")
    audit = merge.merge(
        session, BY_NAME[body.kind.value], body.keep_id, body.merge_id, principal.account_id
    )
    return MergeRead.model_validate(audit)
