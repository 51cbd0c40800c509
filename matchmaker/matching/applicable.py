"""Which match filters a target kind can be filtered by.

A filter on a facet the target kind does not have (a stage for scenarios, a kind for
startups) or a kind of another kind (an incubator kind asked of partners) matches no
profile: the list came back empty, as if nothing fitted. Such a request is a 422 naming the
filter and saying which filters the target kind takes.
"""

from __future__ import annotations

from collections.abc import Mapping

from matchmaker.errors import InvalidInput
from matchmaker.matching.service import MatchFilters
from matchmaker.profiles.kinds import ProfileKind

# The facet each list of MatchFilters filters on; ProfileKind.filters names a kind's facets
# (the same masks: matching.filters.FILTER_FACETS, candidates.passes).
FACET_OF = {"domains": "domain", "stages": "stage", "regions": "region", "kinds": "kind"}
# How a request names each facet: the match routes' query, the recommendations' body.
QUERY_NAMES = {facet: facet for facet in FACET_OF.values()}
BODY_NAMES = {facet: f"filters.{attr}" for attr, facet in FACET_OF.items()}


def check_applicable(
    target: ProfileKind, filters: MatchFilters, names: Mapping[str, str], hint: str = ""
) -> None:
    """422 on the first filter ``target`` cannot be filtered by; ``names`` names each facet
    as the request does, ``hint`` is added to the reason."""
    usable = ", ".join(names[f] for f in FACET_OF.values() if f in target.filters)
    for attr, facet in FACET_OF.items():
        values: list[str] = getattr(filters, attr)
        if not values:
            continue
        if facet not in target.filters:
            reason = f"{target.plural} have no {facet}; filters for {target.plural}: {usable}"
            raise InvalidInput(names[facet], reason + hint)
        kinds = [str(k) for k in target.kind_vocab or ()]
        wrong = [v for v in values if facet == "kind" and v not in kinds]
        if wrong:
            reason = f"{wrong[0]} is not one of the {target.name} kinds: "
            raise InvalidInput(names[facet], reason + ", ".join(kinds) + hint)
