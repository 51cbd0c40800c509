"""Request bodies over a size limit are refused with 413 before anything parses them.

Pure ASGI middleware, outside every other layer: a declared ``Content-Length`` over the limit
is answered at once without reading a byte of the body; a body without one (chunked) is
counted as it streams, and the request is answered 413 as soon as the count passes the limit,
whatever the route was doing with it. Uploads of files to import have their own, larger limit.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from matchmaker.config import Settings
from matchmaker.params import whole_number
from matchmaker.platform.asgi import error

# Routes that take a file upload (multipart) and so get the upload limit.
UPLOAD_PATHS = frozenset({"/v1/imports"})


class BodyTooLarge(Exception):
    """Raised into the route by ``receive`` once a streamed body passes the limit."""


def _human(size: int) -> str:
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if size >= 1 << shift and size % (1 << shift) == 0:
            return f"{size >> shift} {unit}"
    return f"{size} bytes"


class BodyLimitMiddleware:
    """413 for request bodies over ``max_body_bytes`` (``max_upload_bytes`` for uploads)."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.max_body = settings.max_body_bytes
        self.max_upload = settings.max_upload_bytes

    def limit_for(self, scope: Scope, headers: Headers) -> int:
        content_type = headers.get("content-type", "")
        if scope["path"] in UPLOAD_PATHS and content_type.startswith("multipart/form-data"):
            return self.max_upload
        return self.max_body

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = error(
            413,
            "payload_too_large",
            f"the request body is larger than {_human(limit)}",
            # The rest of the body is never read: the connection cannot carry another request.
            {"Connection": "close"},
            field="body",
        )
        await response(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        limit = self.limit_for(scope, headers)
        # A length that is not plain digits is left to the count of the bytes received.
        declared = whole_number(headers.get("content-length", ""), max_digits=18)
        if declared is not None and declared > limit:
            await self._refuse(scope, receive, send, limit)
            return
        received = 0
        too_large = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, too_large
            if too_large:
                raise BodyTooLarge
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    too_large = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            # Whatever the route made of the cut body (an error of its own, usually), the
            # client gets the 413; once a response has started it is left alone.
            if too_large and not started:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            # Routes may wrap the BodyTooLarge they got in an error of their own.
            if not too_large or started:
                raise
        if too_large and not started:
            await self._refuse(scope, receive, send, limit)
