"""The request's transaction (db.get_session): committed when the route returns, rolled back
when it fails, and closed even when the request is cancelled (a client that disconnects)."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable, Callable
from types import SimpleNamespace
from typing import Any, cast

import anyio
import anyio.from_thread
import pytest
from fastapi import Request
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matchmaker.access.models import Account
from matchmaker.config import Settings
from matchmaker.db import get_session, make_engine, make_sessionmaker


def _request(settings: Settings) -> tuple[Request, Any]:
    engine = make_engine(settings.database_url)
    app = SimpleNamespace(state=SimpleNamespace(sessions=make_sessionmaker(engine)))
    return cast(Request, SimpleNamespace(app=app, state=SimpleNamespace())), engine


def _in_loop(run: Callable[[], Awaitable[None]]) -> None:
    # An event loop of its own thread: in a test process another test (the browser's sync
    # API) may keep a loop running in the main thread, where anyio.run would refuse to start.
    with anyio.from_thread.start_blocking_portal() as portal:
        portal.call(run)


def _accounts(engine: Any) -> int:
    with Session(engine) as session:
        return int(session.scalar(select(func.count()).select_from(Account)) or 0)


async def _opened(request: Request) -> tuple[AsyncGenerator[Session, None], Session]:
    gen = cast(AsyncGenerator[Session, None], get_session(request))
    session = await gen.__anext__()
    session.add(Account(role="founder", name="written in the request"))
    session.flush()  # the transaction now holds a connection
    return gen, session


def test_the_transaction_commits_when_the_route_returns(settings: Settings) -> None:
    request, engine = _request(settings)

    async def run() -> None:
        gen, session = await _opened(request)
        with pytest.raises(StopAsyncIteration):
            await gen.__anext__()
        assert not session.in_transaction()

    _in_loop(run)
    assert _accounts(engine) == 1
    assert engine.pool.checkedout() == 0
    engine.dispose()


def test_the_transaction_rolls_back_when_the_route_fails(settings: Settings) -> None:
    request, engine = _request(settings)

    async def run() -> None:
        gen, _ = await _opened(request)
        with pytest.raises(ValueError, match="the route failed"):
            await gen.athrow(ValueError("the route failed"))

    _in_loop(run)
    assert _accounts(engine) == 0
    assert engine.pool.checkedout() == 0
    engine.dispose()


def test_a_cancelled_request_still_rolls_back_and_returns_its_connection(
    settings: Settings,
) -> None:
    request, engine = _request(settings)

    async def run() -> None:
        cancelled = anyio.get_cancelled_exc_class()
        gen, session = await _opened(request)
        with anyio.CancelScope() as scope:
            scope.cancel()  # every await in here is cancelled, as on a disconnect
            with pytest.raises(cancelled):
                await gen.athrow(cancelled())
        assert not session.in_transaction()

    _in_loop(run)
    assert _accounts(engine) == 0
    assert engine.pool.checkedout() == 0
    engine.dispose()
