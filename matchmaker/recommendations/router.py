"""Routes: recommendations for one unsaved profile, or a batch of them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Request

from matchmaker.access.principal import PrincipalDep
from matchmaker.db import SessionDep
from matchmaker.deps import MatcherDep
from matchmaker.errors import ServiceUnavailable, Unauthorized, error_responses
from matchmaker.platform import ratelimit
from matchmaker.platform.routes import OneHopRoute
from matchmaker.recommendations import service
from matchmaker.recommendations.language import LanguageDep, in_language
from matchmaker.recommendations.schemas import (
    MAX_BATCH,
    MAX_BATCH_TEXT,
    STARTUP_EXAMPLE,
    BatchRecommendation,
    BatchRequest,
    Recommendation,
    RecommendationRequest,
)

router = APIRouter(route_class=OneHopRoute, prefix="/v1/recommendations", tags=["recommendations"])
ERRORS = error_responses(Unauthorized, ServiceUnavailable)

_SINGLE_EXAMPLES = {
    "startup": {"summary": "A startup, against incubators and partners", "value": STARTUP_EXAMPLE},
    "incubator": {
        "summary": "An incubator, against startups",
        "value": {
            "kind": "incubators",
            "profile": {
                "name": "Binhai Robotics Hub",
                "kind": "municipal_incubator",
                "description": "Robotics incubator with a shared machining shop and test field.",
                "location": {"city": "Tianjin", "region": "tianjin", "country": "CN"},
                "domains": ["robotics", "intelligent_manufacturing"],
                "capacity": 8,
            },
        },
    },
}
_BATCH_EXAMPLE = {
    "kind": "startups",
    "profiles": [
        STARTUP_EXAMPLE["profile"],
        {
            "name": "Weld Vision",
            "pitch": "AI inspection of welds on car body lines",
            "domains": ["ai", "intelligent_manufacturing"],
            "stage": "pilot",
            "trl": 6,
            "location": {"city": "Beijing", "region": "beijing", "country": "CN"},
        },
    ],
    "targets": ["scenarios"],
    "filters": {"limit": 3},
}


@router.post("", response_model=Recommendation, responses=ERRORS)
def recommend(
    session: SessionDep,
    matcher: MatcherDep,
    _: PrincipalDep,
    body: Annotated[RecommendationRequest, Body(openapi_examples=_SINGLE_EXAMPLES)],
    lang: LanguageDep,
) -> Recommendation:
    """Ranked, explained matches for a profile that is not stored; nothing is saved."""
    found = service.recommend(
        session, matcher, body.kind, [body.profile], body.targets, body.filters, batch=False
    )[0]
    return _in_language(found, lang)


@router.post(
    "/batch",
    response_model=BatchRecommendation,
    responses=ERRORS,
    description=f"Up to {MAX_BATCH} unsaved profiles of one kind, embedded in one batch; "
    "one result per profile, in order. Nothing is saved. The profiles' texts (every string "
    f"field) may add up to {MAX_BATCH_TEXT} characters. A batch costs one request of the "
    "rate limit per profile (at most the burst); when the bucket holds fewer, it gets 429 "
    "with `Retry-After`.",
)
def recommend_batch(
    request: Request,
    session: SessionDep,
    matcher: MatcherDep,
    principal: PrincipalDep,
    body: Annotated[
        BatchRequest,
        Body(openapi_examples={"startups": {"summary": "Two startups", "value": _BATCH_EXAMPLE}}),
    ],
    lang: LanguageDep,
) -> BatchRecommendation:
    """Recommendations for a batch of unsaved profiles."""
    # Charged before the work: each profile costs what a single recommendation does.
    ratelimit.charge(
        request.app.state, principal, len(body.profiles), f"a batch of {len(body.profiles)}"
    )
    items = service.recommend(
        session, matcher, body.kind, body.profiles, body.targets, body.filters, batch=True
    )
    return BatchRecommendation(items=[_in_language(item, lang) for item in items])


def _in_language(found: Recommendation, lang: str) -> Recommendation:
    return Recommendation(results=[in_language(r, lang) for r in found.results])
