"""Matches for profiles that are never stored.

Each profile becomes a transient ORM object of its kind (never added to the session), so the
engine ranks and explains it exactly as it would a stored one; a batch is embedded with one
call to the encoder. Nothing is written: the session is only read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from pydantic import BaseModel
from sqlalchemy.orm import Session

from matchmaker.errors import InvalidInput
from matchmaker.kinds import BY_PLURAL, STARTUP
from matchmaker.matching.applicable import BODY_NAMES, check_applicable
from matchmaker.matching.rerank import RerankRequest
from matchmaker.matching.service import Matcher, MatchFilters
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.profiles.models import ProfileBase
from matchmaker.recommendations.schemas import Filters, Recommendation, Target

STARTUP_TARGETS = (Target.incubators, Target.partners, Target.scenarios)


def transient(
    session: Session, kind: ProfileKind, data: BaseModel, field: str = "profile"
) -> ProfileBase:
    """An unsaved ``kind`` row holding ``data``, assigned as the profile service assigns it;
    ``field`` is where the body holds it (``profile``, ``profiles.3``)."""
    values: dict[str, Any] = data.model_dump()
    if kind.check_refs:
        try:
            kind.check_refs(session, values)  # resolves e.g. a scenario publisher's name
        except InvalidInput as exc:  # it names the profile's field; the body nests the profile
            raise InvalidInput.from_fields(
                [{**f, "field": f"{field}.{f['field']}"} for f in exc.detail]
            ) from exc
    obj = kind.model()
    for name, value in values.items():
        if name == "location":
            obj.city, obj.region, obj.country = value["city"], value["region"], value["country"]
        else:
            setattr(obj, name, value)
    return obj


def target_kinds(kind: ProfileKind, targets: Sequence[Target] | None) -> list[ProfileKind]:
    """The kinds to rank against; 422 for a direction the engine does not rank."""
    if kind.name == STARTUP.name:
        wanted = list(dict.fromkeys(targets or STARTUP_TARGETS))
        if Target.startups in wanted:
            raise InvalidInput(
                "targets", "a startup is matched with incubators, partners or scenarios"
            )
    else:
        wanted = list(dict.fromkeys(targets or [Target.startups]))
        if wanted != [Target.startups]:
            raise InvalidInput("targets", f"{kind.plural} are matched with startups only")
    return [BY_PLURAL[t.value] for t in wanted]


def recommend(
    session: Session,
    matcher: Matcher,
    kind_name: str,
    profiles: Sequence[BaseModel],
    targets: Sequence[Target] | None,
    filters: Filters,
    *,
    batch: bool,
) -> list[Recommendation]:
    """Ranked, explained matches for each unsaved profile, embedded in one batch; ``batch``
    says whether the body held them as ``profiles`` or one as ``profile``."""
    kind = BY_PLURAL[kind_name]
    wanted = target_kinds(kind, targets)
    match_filters = MatchFilters(
        domains=[str(d) for d in filters.domains],
        stages=[str(s) for s in filters.stages],
        regions=[str(r) for r in filters.regions],
        kinds=[str(k) for k in filters.kinds],
        min_score=filters.min_score,
        limit=filters.limit,
        rerank=RerankRequest(
            diversity=filters.diversity.value if filters.diversity else None,
            mmr_lambda=filters.mmr_lambda,
            one_per_org=filters.one_per_org,
            fair_regions=None
            if filters.fair_regions is None
            else tuple(g.value for g in filters.fair_regions),
            fair_share=filters.fair_share,
        ),
    )
    # A filter must apply to every target kind (its list would be empty); a startup's default
    # targets are all three kinds, so say how to narrow them.
    hint = "; set targets to the kinds it applies to" if len(wanted) > 1 else ""
    for target in wanted:
        check_applicable(target, match_filters, BODY_NAMES, hint)
    fields = [f"profiles.{i}" for i in range(len(profiles))] if batch else ["profile"]
    rows = [transient(session, kind, p, f) for p, f in zip(profiles, fields, strict=True)]
    vectors = matcher.encode(kind, rows)
    out = []
    for row, vector in zip(rows, vectors, strict=True):
        query = np.asarray(vector)
        results = [
            matcher.matches(session, kind, row, target, match_filters, query) for target in wanted
        ]
        out.append(Recommendation(results=results))
    return out
