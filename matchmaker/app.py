"""The application factory. Heavy objects are built once, in the lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from matchmaker import __version__
from matchmaker.access.cache import PrincipalCache
from matchmaker.access.router import router as access_router
from matchmaker.analytics.router import router as analytics_router
from matchmaker.camps.router import router as camps_router
from matchmaker.config import Settings
from matchmaker.duplicates.router import router as duplicates_router
from matchmaker.errors import install_error_handlers
from matchmaker.health.router import router as health_router
from matchmaker.incubators.router import router as incubators_router
from matchmaker.matching.encoder import Encoder
from matchmaker.observability.middleware import RequestMiddleware
from matchmaker.observability.router import router as metrics_router
from matchmaker.partners.router import router as partners_router
from matchmaker.platform import contract
from matchmaker.platform import setup as platform
from matchmaker.platform.bodylimit import BodyLimitMiddleware
from matchmaker.recommendations.matches import router as matching_router
from matchmaker.reviews.router import router as reviews_router
from matchmaker.runtime import open_runtime
from matchmaker.scenarios.router import router as scenarios_router
from matchmaker.staleness.router import router as staleness_router
from matchmaker.startups.router import router as startups_router
from matchmaker.web.router import router as web_router

DESCRIPTION = """
Matches hard-tech startups with technology business incubators, multinational partners and
application scenarios, with ranked and explained recommendations.

Every `/v1` route except `/v1/vocabularies` needs an API key: `Authorization: Bearer mm_...`
(`matchmaker keys create`, or `POST /v1/keys` with an admin key). No key or a bad, revoked or
expired one gets 401; a key whose role or scope does not allow the action gets 403.

Every error has the body `{"error": code, "message": text, "detail": ...}`; validation errors
list `{"field", "reason"}` in `detail`.
"""


def create_app(settings: Settings | None = None, encoder: Encoder | None = None) -> FastAPI:
    """The app; ``encoder`` lets tests share one loaded model across many apps."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Loading the model takes seconds of CPU: keep it off the event loop.
        runtime = await run_in_threadpool(open_runtime, settings, encoder)
        app.state.runtime = runtime
        app.state.settings = settings
        app.state.engine = runtime.engine
        app.state.sessions = runtime.sessions
        workers = platform.start(runtime, settings)  # idempotency hook; import, webhook workers
        try:
            yield
        finally:
            await run_in_threadpool(workers.stop)
            await run_in_threadpool(runtime.close)

    app = FastAPI(
        title="Matchmaker",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=contract.operation_id,
    )
    install_error_handlers(app)
    # Verified keys, shared by the rate limiter and the principal dependency (access.cache).
    app.state.principals = PrincipalCache()
    app.include_router(health_router)
    app.include_router(metrics_router)
    for router in (
        startups_router,
        incubators_router,
        partners_router,
        scenarios_router,
        matching_router,
    ):
        app.include_router(router)
    app.include_router(access_router)
    app.include_router(reviews_router)
    app.include_router(camps_router)
    app.include_router(analytics_router)
    app.include_router(duplicates_router)
    app.include_router(staleness_router)
    platform.install(app, settings)  # recommendations, imports, webhooks; limits, idempotency
    app.include_router(web_router)  # the browser pages, at /
    # Before any layer that reads a body: no other layer reads a body over the limit.
    app.add_middleware(BodyLimitMiddleware, settings=settings)
    # Added last, so outermost: it times and logs every answer, 413s, 429s and errors included.
    app.add_middleware(RequestMiddleware)
    return app
