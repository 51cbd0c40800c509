"""Wiring of the partner-platform features into the app: routes, middleware, OpenAPI, workers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from sqlalchemy import event
from sqlalchemy.orm import Session

from matchmaker import error_schemas
from matchmaker.analytics import log as exposures
from matchmaker.analytics import writer as exposure_writer
from matchmaker.config import Settings
from matchmaker.imports import service as imports
from matchmaker.imports.router import router as imports_router
from matchmaker.imports.worker import ImportWorker
from matchmaker.matching.refresh import IndexRefresher
from matchmaker.platform import contract, idempotency, leases, presence
from matchmaker.platform.idempotency import HEADER, KEY_PATTERN, MAX_KEY_LENGTH
from matchmaker.platform.middleware import PlatformMiddleware
from matchmaker.platform.ratelimit import limiter_for
from matchmaker.recommendations.router import router as recommendations_router
from matchmaker.web import limits
from matchmaker.webhooks import events, payloads
from matchmaker.webhooks.router import router as webhooks_router
from matchmaker.webhooks.worker import DeliveryWorker

ROUTERS = (recommendations_router, imports_router, webhooks_router)
# Never refused, so neither authenticated nor counted: the load balancer's and Kubernetes'
# probes, the Prometheus scrape (with a token of its own, not a key) and the stylesheet every
# page loads. The docs and /openapi.json are not here: cheap, but nothing breaks if an address
# flooding them waits, and one rule (no key, no session: the address pays) is simpler.
FREE_PATHS = ("/healthz", "/readyz", "/metrics", "/static/")


def install(app: FastAPI, settings: Settings) -> None:
    """Add the routes, the rate-limit/idempotency middleware and their OpenAPI description."""
    for router in ROUTERS:
        app.include_router(router)
    # On app.state too: a route whose cost grows with its body charges the rest itself.
    app.state.limiter = limiter_for(
        settings.rate_limit_per_minute,
        settings.rate_limit_burst,
        settings.redis_url,
        settings.redis_prefix,
    )
    # Pages asked for without a session and API calls without a usable key, by client
    # address: one budget per address for both, in a store of their own rates.
    anonymous = limiter_for(
        settings.anonymous_rate_limit_per_minute,
        settings.anonymous_rate_limit_burst,
        settings.redis_url,
        settings.redis_prefix,
    )
    app.add_middleware(
        PlatformMiddleware,
        settings=settings,
        limiter=app.state.limiter,
        browsers=limits.PAGES,
        anonymous=anonymous,
        free=FREE_PATHS,
    )
    payloads.publish(app)
    app.openapi = _openapi(app)  # type: ignore[method-assign]


@dataclass
class Workers:
    """The background threads of one app; ``stop()`` ends them."""

    imports: ImportWorker | None = None
    deliveries: DeliveryWorker | None = None
    refresher: IndexRefresher | None = None
    _unlisten: list[Callable[[], None]] = field(default_factory=list)

    def stop(self) -> None:
        for undo in self._unlisten:
            undo()
        for worker in (self.imports, self.deliveries, self.refresher):
            if worker is not None:
                worker.stop()


def start(runtime: Any, settings: Settings) -> Workers:
    """Hook Idempotency-Key claims into request transactions; start the index-refresh worker
    (unless index_refresh_seconds is 0) and the import and webhook workers (unless
    workers_enabled is false: `matchmaker worker` runs those). ``stop()`` undoes all."""
    workers = Workers()
    workers._unlisten.append(idempotency.track_commits(runtime.sessions))
    # Every process serving lists logs them through its own buffered writer.
    logged = exposure_writer.install(runtime.sessions)
    workers._unlisten.append(lambda: exposure_writer.uninstall(runtime.sessions, logged))
    # Claims this process makes can be seen to die from other machines (PostgreSQL only).
    process = leases.this_process()
    presence.enter(runtime.engine, process)
    workers._unlisten.append(lambda: presence.leave(runtime.engine, process))
    if settings.index_refresh_seconds > 0:
        # Every process serving matches keeps its index up to date, workers or not.
        workers.refresher = IndexRefresher(
            runtime.store,
            runtime.sessions,
            settings.index_refresh_seconds,
            timedelta(hours=settings.feed_retention_hours),
            reader=runtime.reader,
            reader_timeout=timedelta(hours=settings.feed_reader_timeout_hours),
            hold_max=timedelta(hours=settings.feed_hold_max_hours),
        )
        workers.refresher.start()
    if not settings.workers_enabled:
        return workers
    workers.imports = ImportWorker(runtime.sessions, settings)
    attempts = runtime.metrics.webhook_attempts
    workers.deliveries = DeliveryWorker(
        runtime.sessions,
        runtime.matcher,
        settings,
        housekeeping=exposures.housekeeping(runtime.sessions, settings.analytics_retention_days),
        on_attempt=lambda result: attempts.labels(result.outcome).inc(),
    )

    def wake(session: Session) -> None:
        # Committed work for a worker: start it now rather than at its next poll.
        if session.info.pop(events.WAKE, False) and workers.deliveries is not None:
            workers.deliveries.wake()
        if session.info.pop(imports.WAKE, False) and workers.imports is not None:
            workers.imports.wake()

    event.listen(runtime.sessions, "after_commit", wake)
    workers._unlisten.append(lambda: event.remove(runtime.sessions, "after_commit", wake))
    workers.imports.start()
    workers.deliveries.start()
    return workers


_IDEMPOTENCY_PARAM = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "Send the same key to retry safely: the same request gets the first "
    "response again; a different request with the key gets 422. Remembered per API key "
    "for `idempotency_ttl_hours`.",
    "schema": {
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_KEY_LENGTH,
        "pattern": KEY_PATTERN,
    },
}
# Answered by middleware or by the database layer on every route, whatever it declares.
_OUTAGE = ["database_unavailable", "storage_unwritable"]
_IDEMPOTENCY_CONFLICTS = ["idempotency_in_progress", "idempotency_response_lost"]


def _openapi(app: FastAPI) -> Callable[[], dict[str, Any]]:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
            webhooks=app.webhooks.routes,
        )
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, component in error_schemas.components().items():
            schemas.setdefault(name, component)
        contract.apply(schema)
        for path, operations in schema.get("paths", {}).items():
            if not path.startswith("/v1/"):
                continue
            for method, operation in operations.items():
                responses = operation.setdefault("responses", {})
                error_schemas.add_codes(responses, 429, ["rate_limited"])
                error_schemas.add_codes(responses, 503, _OUTAGE)
                body = operation.get("requestBody", {}).get("content", {})
                if body:
                    error_schemas.add_codes(responses, 413, ["payload_too_large"])
                if "application/json" in body:
                    error_schemas.add_codes(responses, 415, ["unsupported_media_type"])
                if method == "post":
                    params = operation.setdefault("parameters", [])
                    if not any(p.get("name") == HEADER.title() for p in params):
                        params.append(_IDEMPOTENCY_PARAM)
                    error_schemas.add_codes(responses, 409, _IDEMPOTENCY_CONFLICTS)
                    error_schemas.add_codes(responses, 422, ["idempotency_key_reused"])
        app.openapi_schema = schema
        return schema

    return openapi
