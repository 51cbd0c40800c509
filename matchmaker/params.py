"""Path and query parameter types shared by every router (the API's and the pages').

Ids are positive 32-bit integers on every backend: 0, a negative number or one no integer
column holds is a 422 naming the parameter on every route, never a 404 or a database error.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import BeforeValidator

from matchmaker.profiles.schemas import MAX_ID

PathId = Annotated[int, Path(ge=1, le=MAX_ID, description="a positive id")]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ID)]


def _iso_date(value: Any) -> Any:
    # pydantic's lax date also takes "0" (a Unix time) and datetimes; the schema says
    # YYYY-MM-DD, so that is all a query takes.
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
