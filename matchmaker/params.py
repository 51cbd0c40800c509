"""Path and query parameter types shared by every router (the API's and the pages'), and the
check that refuses a query parameter an API route does not declare.

Ids are positive 32-bit integers on every backend, written in digits: 0, a negative number,
one no integer column holds or one such as ``1.0`` is a 422 naming the parameter on every
route, never a 404, another record's URL or a database error.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from datetime import date
from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import BeforeValidator
from starlette.datastructures import QueryParams

from matchmaker.errors import InvalidInput
from matchmaker.profiles.schemas import MAX_ID


def _digits(value: Any) -> Any:
    # pydantic's lax int also reads "1.0", "+1", " 1" and "1_0" as ids, so /v1/startups/1.0
    # served startup 1: one record would have many URLs. A sign is let through for the
    # range check to name, as it does for 0.
    if isinstance(value, str) and not re.fullmatch(r"-?[0-9]+", value):
        raise ValueError("an id is a whole number written in digits, e.g. 42")
    return value


# The digits check after Path: before it, pydantic could not keep the range as the integer
# schema's own, and the OpenAPI schema would say "ge"/"le" instead of minimum/maximum.
PathId = Annotated[
    int, Path(ge=1, le=MAX_ID, description="a positive id"), BeforeValidator(_digits)
]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ID)]


def _iso_date(value: Any) -> Any:
    # pydantic's lax date also takes "0" (a Unix time) and datetimes; the schema says
    # YYYY-MM-DD, so that is all a query takes.
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


def whole_number(value: str, max_digits: int = 9) -> int | None:
    """The number ``value`` writes in ASCII digits, or None for anything else.

    Not ``str.isdigit()`` then ``int()``: isdigit is true for "²" and other Unicode digits
    that int() refuses, and int() refuses more than 4,300 digits; either was a 500.
    """
    if not re.fullmatch(f"[0-9]{{1,{max_digits}}}", value):
        return None
    return int(value)


# Facet filters of the lists: one a route does not take is named as such, not as a typo.
FILTERS = frozenset({"domain", "stage", "region", "kind", "status"})


def check_query(
    params: QueryParams, declared: Collection[str], repeatable: Collection[str]
) -> None:
    """422 for a query parameter the route does not declare, or a single-valued one given
    more than once; unknown body fields are refused the same way.

    A mistyped filter (``?domian=ai``) would otherwise return an unfiltered list; a repeated
    single-valued parameter would silently keep only its last value.
    """
    counts = Counter(name for name, _ in params.multi_items())
    for name, n in counts.items():
        if name not in declared:
            filters = ", ".join(sorted(FILTERS.intersection(declared)))
            if name in FILTERS and filters:  # a filter of another kind or list
                raise InvalidInput(name, f"not a filter of this list; use one of: {filters}")
            known = ", ".join(sorted(declared)) or "none"
            raise InvalidInput(name or "query", f"unknown query parameter (known: {known})")
        if n > 1 and name not in repeatable:
            raise InvalidInput(name, "given more than once")
