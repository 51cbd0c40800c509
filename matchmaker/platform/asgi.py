"""Small ASGI pieces the platform middlewares share: the API's error response, spending a
token off the event loop, and the rate headers added to a response on its way out."""

from __future__ import annotations

from fastapi.encoders import jsonable_encoder
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response
from starlette.types import Message, Send

from matchmaker.errors import ErrorBody
from matchmaker.platform.ratelimit import Limiter, Verdict


def error(
    status: int,
    code: str,
    message: str,
    headers: dict[str, str] | None = None,
    field: str | None = None,
) -> Response:
    # 422s name the field like every other validation error of the API.
    detail = [{"field": field, "reason": message}] if field else None
    body = ErrorBody(error=code, message=message, detail=detail)
    return JSONResponse(jsonable_encoder(body), status_code=status, headers=headers)


async def take(limiter: Limiter, bucket: str) -> Verdict:
    # A Redis round trip blocks: off the event loop; the in-memory buckets cost less than the
    # thread-pool hop would.
    if limiter.blocking:
        return await run_in_threadpool(limiter.take, bucket)
    return limiter.take(bucket)


def rate_headers(limiter: Limiter, verdict: Verdict) -> list[tuple[bytes, bytes]]:
    return [
        (b"x-ratelimit-limit", str(limiter.per_minute).encode()),
        (b"x-ratelimit-remaining", str(verdict.remaining).encode()),
    ]


def with_headers(send: Send, extra: list[tuple[bytes, bytes]]) -> Send:
    if not extra:
        return send

    async def sender(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return sender
