"""Request dependencies shared by the API and the pages: the engine, reached once per request
from the app's runtime (built in the lifespan)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from matchmaker.matching.service import Matcher


# Async: a sync dependency is run in the thread pool, a hop that costs more than these do.
async def get_matcher(request: Request) -> Matcher:
    matcher: Matcher = request.app.state.runtime.matcher
    return matcher


async def get_optional_matcher(request: Request) -> Matcher | None:
    """The engine, or None in an app built without one (camps then score on facts alone)."""
    runtime = getattr(request.app.state, "runtime", None)
    return runtime.matcher if runtime is not None else None


MatcherDep = Annotated[Matcher, Depends(get_matcher)]
OptionalMatcherDep = Annotated[Matcher | None, Depends(get_optional_matcher)]
