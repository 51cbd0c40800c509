"""The API's route class: a sync endpoint and the validation of its answer in one thread hop,
and JSON bodies read by ``matchmaker.platform.jsonbody`` (a key given twice is refused).

FastAPI runs a sync endpoint in the thread pool and then validates its return value in the
pool again, a second hop per request; on a two-core server each hop cost about 0.1-0.25 ms
of a 4-12 ms request (bench/RESULTS.md, section 21). Here the endpoint is wrapped in a
coroutine that awaits the same pool once, so the answer is validated on the event loop,
where a coroutine endpoint's answer is validated anyway.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response

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


class OneHopRoute(APIRoute):
    """``route_class`` of the API's routers; their JSON bodies may not repeat a key."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, one_hop(endpoint), **kwargs)

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(UniqueKeysRequest(request.scope, request.receive))
            except DuplicateKeys as exc:
                # The same 422 as any other invalid body, naming each repeated key's path.
                raise RequestValidationError(exc.errors()) from None

        return route
