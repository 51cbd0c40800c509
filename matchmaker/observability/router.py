"""``GET /metrics``: the Prometheus exposition of this process.

It needs no API key: Prometheus scrapes with a static credential, not a key minted per
account. It is open when ``MATCHMAKER_METRICS_TOKEN`` is unset (the deployments in deploy/
keep it off the public side: HAProxy refuses /metrics, Kubernetes scrapes pod addresses) and
asks for ``Authorization: Bearer <token>`` when it is set.
"""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from matchmaker.errors import Unauthorized
from matchmaker.observability.metrics import CONTENT_TYPE

router = APIRouter()


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    """Prometheus metrics (request latency, encoding, indexes, webhook queue, imports)."""
    token = request.app.state.settings.metrics_token
    if token is not None:
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        expected = token.get_secret_value().encode()
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), expected):
            raise Unauthorized("/metrics needs Authorization: Bearer <MATCHMAKER_METRICS_TOKEN>")
    # The scrape reads the database: off the event loop.
    body = await run_in_threadpool(request.app.state.runtime.metrics.render)
    return Response(body, media_type=CONTENT_TYPE)
