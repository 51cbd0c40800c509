"""HTTP routes for the matches and bundles of stored profiles (the engine is ``matching``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.params import Depends as DependsParam

from matchmaker.access import policy
from matchmaker.access.principal import REQUIRE_KEY, PrincipalDep
from matchmaker.analytics import log as exposures
from matchmaker.db import SessionDep
from matchmaker.deps import MatcherDep
from matchmaker.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    ServiceUnavailable,
    Unauthorized,
    error_responses,
)
from matchmaker.kinds import BY_PLURAL, INCUBATOR, PARTNER, SCENARIO, STARTUP
from matchmaker.matching.applicable import QUERY_NAMES, check_applicable
from matchmaker.matching.bundle import bundle
from matchmaker.matching.rerank import RerankRequest
from matchmaker.matching.schemas import (
    BundleResponse,
    Diversity,
    MatchList,
    RegionGroup,
    TargetKind,
)
from matchmaker.matching.service import MAX_LIMIT, Matcher, MatchFilters
from matchmaker.params import PathId
from matchmaker.platform.routes import OneHopRoute
from matchmaker.profiles import service as profiles
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.recommendations.language import LanguageDep, in_language
from matchmaker.reviews import feedback
from matchmaker.reviews.router import ViewerDep
from matchmaker.vocab import Domain, OrganisationKind, Region, Stage

# Recommendations need a key that manages the queried profile (see reviews.feedback.recommend).
router = APIRouter(
    route_class=OneHopRoute, prefix="/v1", tags=["matching"], dependencies=REQUIRE_KEY
)
ERRORS = error_responses(NotFound, ServiceUnavailable, Unauthorized, Forbidden)


async def rerank_options(  # async: no thread-pool hop for parsing the query
    diversity: Annotated[
        Diversity | None,
        Query(description="mmr: maximal marginal relevance, fewer near-copies in the list"),
    ] = None,
    mmr_lambda: Annotated[
        float | None,
        Query(ge=0, le=1, description="with diversity=mmr: 1 is score alone, 0 diversity alone"),
    ] = None,
    one_per_org: Annotated[
        bool | None, Query(description="at most one profile per organisation")
    ] = None,
    fair_regions: Annotated[
        list[RegionGroup] | None,
        Query(description="region groups given a minimum share of every top-k"),
    ] = None,
    fair_share: Annotated[
        float | None,
        Query(ge=0, le=1, description="the minimum share of each of fair_regions; 0 turns it off"),
    ] = None,
) -> RerankRequest:
    """Re-ranking options; omitted ones take the service's defaults (README "Diverse and
    balanced lists")."""
    return RerankRequest(
        diversity=diversity.value if diversity else None,
        mmr_lambda=mmr_lambda,
        one_per_org=one_per_org,
        fair_regions=None if fair_regions is None else tuple(g.value for g in fair_regions),
        fair_share=fair_share,
    )


RerankDep = Annotated[RerankRequest, Depends(rerank_options)]


async def match_filters(  # async: no thread-pool hop for parsing the query
    rerank: RerankDep,
    domain: Annotated[list[Domain] | None, Query(description="only these domains")] = None,
    stage: Annotated[list[Stage] | None, Query()] = None,
    region: Annotated[list[Region] | None, Query()] = None,
    kind: Annotated[
        list[OrganisationKind] | None, Query(description="incubator or partner kinds")
    ] = None,
    min_score: Annotated[float | None, Query(ge=0, le=1)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 10,
) -> MatchFilters:
    return MatchFilters(
        domains=[str(d) for d in domain or []],
        stages=[str(s) for s in stage or []],
        regions=[str(r) for r in region or []],
        kinds=[str(k) for k in kind or []],
        min_score=min_score,
        limit=limit,
        rerank=rerank,
    )


FiltersDep = Annotated[MatchFilters, Depends(match_filters)]


def _matches(
    session: SessionDep,
    matcher: Matcher,
    kind: ProfileKind,
    profile_id: int,
    target: ProfileKind,
    filters: MatchFilters,
    viewer: feedback.Viewer,
) -> MatchList:
    check_applicable(target, filters, QUERY_NAMES)
    profile = profiles.get(session, kind, profile_id)
    # A GET has written nothing before this: its answer may be one kept from before.
    found = feedback.recommend(session, matcher, viewer, kind, profile, target, filters, reuse=True)
    exposures.record_list(session, found)
    return found


@router.get("/startups/{profile_id}/matches", response_model=MatchList, responses=ERRORS)
def startup_matches(
    session: SessionDep,
    matcher: MatcherDep,
    profile_id: PathId,
    filters: FiltersDep,
    viewer: ViewerDep,
    lang: LanguageDep,
    target: TargetKind = TargetKind.incubators,
) -> MatchList:
    """Incubators, partners or scenarios for a startup, ranked and explained."""
    target_kind = BY_PLURAL[target.value]
    found = _matches(session, matcher, STARTUP, profile_id, target_kind, filters, viewer)
    return in_language(found, lang)


def _startups_only(kind: ProfileKind) -> DependsParam:
    """A dependency refusing ``target`` on a route that can only list startups.

    The route declares no ``target``, so the query check would refuse it anyway; this says
    why, where "unknown parameter" would leave a client wondering how to ask for partners.
    """

    async def refuse_target(request: Request) -> None:  # async: no thread-pool hop
        if "target" in request.query_params:
            reason = f"{kind.plural} are matched with startups only; leave target out"
            raise InvalidInput("target", reason)

    dependency: DependsParam = Depends(refuse_target)
    return dependency


def _add_reverse_route(kind: ProfileKind, description: str) -> None:
    """GET /v1/<kind>/{id}/matches: the startups that fit one incubator, partner or scenario."""

    def reverse_matches(
        session: SessionDep,
        matcher: MatcherDep,
        profile_id: PathId,
        filters: FiltersDep,
        viewer: ViewerDep,
        lang: LanguageDep,
    ) -> MatchList:
        found = _matches(session, matcher, kind, profile_id, STARTUP, filters, viewer)
        return in_language(found, lang)

    router.add_api_route(
        f"/{kind.plural}/{{profile_id}}/matches",
        reverse_matches,
        methods=["GET"],
        response_model=MatchList,
        responses=ERRORS,
        dependencies=[_startups_only(kind)],
        name=f"{kind.name}_matches",
        summary=f"Startups for {description}",
        description=f"Startups that fit {description}, ranked and explained.",
    )


for _kind, _description in (
    (INCUBATOR, "an incubator"),
    (PARTNER, "a partner"),
    (SCENARIO, "an application scenario"),
):
    _add_reverse_route(_kind, _description)


@router.get("/startups/{profile_id}/bundle", response_model=BundleResponse, responses=ERRORS)
def startup_bundle(
    session: SessionDep,
    matcher: MatcherDep,
    principal: PrincipalDep,
    profile_id: PathId,
    lang: LanguageDep,
    rerank: RerankDep,
) -> BundleResponse:
    """An incubator, a partner and a scenario chosen to fit the startup and each other."""
    startup = profiles.get(session, STARTUP, profile_id)
    policy.check_manage(principal, STARTUP.name, startup)
    found = matcher.remembered(
        session,
        ("bundle", startup.id, startup.version, rerank),
        lambda: bundle(matcher, session, startup, rerank),
        lambda _: 3,  # an incubator, a partner and a scenario
    )
    exposures.record_bundle(session, found)
    return in_language(found, lang)
