"""The API's route class: a sync endpoint and the validation of its answer in one thread hop,
no query parameter the route does not declare, and JSON bodies read by
``matchmaker.platform.jsonbody`` (a key given twice is refused).

FastAPI runs a sync endpoint in the thread pool and then validates its return value in the
pool again, a second hop per request; on a two-core server each hop cost about 0.1-0.25 ms
of a 4-12 ms request (bench/RESULTS.md, section 21). Here the endpoint is wrapped in a
coroutine that awaits the same pool once, so the answer is validated on the event loop,
where a coroutine endpoint's answer is validated anyway.

FastAPI ignores a query parameter nobody declared, so ``?domian=ai`` or a filter the route
does not have would quietly answer as if it were not there. Every route of this class
refuses one (``params.check_query``), from the parameters its endpoint and dependencies
declare: a new route cannot forget to.
"""

from __future__ import annotations

import functools
import inspect
import types
import typing
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.responses import Response

from matchmaker.params import check_query
from matchmaker.platform.jsonbody import DuplicateKeys, UniqueKeysRequest


def one_hop(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """``endpoint`` as a coroutine function running it in the thread pool; FastAPI reads the
    parameters of the original (``inspect.unwrap``), so the API does not change."""
    if not inspect.isfunction(endpoint) or inspect.iscoroutinefunction(endpoint):
        return endpoint
    if inspect.isgeneratorfunction(endpoint):  # a streamed body: FastAPI iterates it itself
        return endpoint

    @functools.wraps(endpoint)
    async def run(*args: Any, **kwargs: Any) -> Any:
        return await run_in_threadpool(endpoint, *args, **kwargs)

    return run


def _query_fields(dependant: Dependant) -> Iterator[tuple[str, Any]]:
    """(name, annotation) of each query parameter of a route, its dependencies' included."""
    for field in dependant.query_params:
        yield field.alias, field.field_info.annotation
    for sub in dependant.dependencies:
        yield from _query_fields(sub)


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_is_list(arg) for arg in typing.get_args(annotation))
    return origin in (list, set, tuple, frozenset)


class OneHopRoute(APIRoute):
    """``route_class`` of the API's routers: no undeclared query parameter, and no JSON
    body that repeats a key."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        # The last of the route's own dependencies: after the key check (no key is a 401
        # whatever the query), before the endpoint's parameters open a session.
        kwargs["dependencies"] = [*(kwargs.get("dependencies") or ()), Depends(self._strict)]
        super().__init__(path, one_hop(endpoint), **kwargs)
        fields = list(_query_fields(self.dependant))
        self.query_names = frozenset(name for name, _ in fields)
        self.repeatable = frozenset(name for name, annotation in fields if _is_list(annotation))

    async def _strict(self, request: Request) -> None:  # async: no thread-pool hop
        check_query(request.query_params, self.query_names, self.repeatable)

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(UniqueKeysRequest(request.scope, request.receive))
            except DuplicateKeys as exc:
                # The same 422 as any other invalid body, naming each repeated key's path.
                raise RequestValidationError(exc.errors()) from None

        return route
