"""Path and query parameter types shared by every router (the API's and the pages').

Ids are positive 32-bit integers on every backend: 0, a negative number or one no integer
column holds is a 422 naming the parameter on every route, never a 404 or a database error.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from matchmaker.profiles.schemas import MAX_ID

PathId = Annotated[int, Path(ge=1, le=MAX_ID, description="a positive id")]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
