"""Thread-pool hops per request (matchmaker.platform.routes, db.get_session): a read or a
match runs the key check, the endpoint and the commit in the pool, and nothing else."""

from __future__ import annotations

import inspect
import threading
from collections import Counter
from typing import Any

import anyio.to_thread
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from matchmaker.platform.routes import OneHopRoute
from matchmaker.web.deps import WebRoute
from tests.factories import incubator_body, startup_body
from tests.platform.helpers import all_routes


@pytest.fixture
def hops(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """The names of the functions each request sent to the thread pool."""
    seen: Counter[str] = Counter()
    run_sync = anyio.to_thread.run_sync

    async def counting(func: Any, *args: Any, **kwargs: Any) -> Any:
        inner = getattr(func, "func", func)  # run_in_threadpool hands over a partial
        seen[getattr(inner, "__name__", repr(inner))] += 1
        return await run_sync(func, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counting)
    return seen


def _hops_of(client: TestClient, hops: Counter[str], path: str) -> Counter[str]:
    hops.clear()
    r = client.get(path)
    assert r.status_code == 200, r.text
    return Counter(hops)


def test_a_read_and_a_match_send_the_key_check_the_endpoint_and_the_commit(
    client: TestClient, hops: Counter[str]
) -> None:
    startup = client.post("/v1/startups", json=startup_body()).json()["id"]
    client.post("/v1/incubators", json=incubator_body())
    read = _hops_of(client, hops, f"/v1/startups/{startup}")
    assert read == Counter({"get_principal": 1, "read_profile": 1, "_end": 1})
    listed = _hops_of(client, hops, "/v1/startups?domain=ai")
    assert listed == Counter({"get_principal": 1, "list_profiles": 1, "_end": 1})
    matched = _hops_of(client, hops, f"/v1/startups/{startup}/matches?target=incubators")
    assert matched == Counter({"get_principal": 1, "startup_matches": 1, "_end": 1})


def test_every_sync_api_route_runs_in_one_hop(client: TestClient) -> None:
    """A router created without ``route_class=OneHopRoute`` would quietly cost every request
    of its routes a second hop; pages (WebRoute) answer with responses, which FastAPI does
    not validate, so they have no second hop to save."""
    sync = [
        r
        for r in all_routes(client.app.routes)  # type: ignore[attr-defined]
        if isinstance(r, APIRoute)
        and not isinstance(r, WebRoute)
        and not inspect.iscoroutinefunction(inspect.unwrap(r.endpoint))
    ]
    assert sync, "no sync API route found: the walk over the routers is broken"
    assert [r.path for r in sync if not isinstance(r, OneHopRoute)] == []


def test_liveness_answers_while_every_pool_thread_is_busy(client: TestClient) -> None:
    """A probe sends no key; it gets its answer with no pool thread free, where a sync
    route waits for one. (Through ``client``: its event loop is the one whose pool is
    taken; another TestClient would run on a loop of its own.)"""
    holders = [object() for _ in range(1000)]

    async def take_all() -> int:
        limiter = anyio.to_thread.current_default_thread_limiter()
        for holder in holders[: int(limiter.total_tokens)]:
            await limiter.acquire_on_behalf_of(holder)
        return int(limiter.total_tokens)

    async def give_back(taken: int) -> None:
        limiter = anyio.to_thread.current_default_thread_limiter()
        for holder in holders[:taken]:
            limiter.release_on_behalf_of(holder)

    def ask(path: str, into: list[Any]) -> None:
        into.append(client.get(path, headers={"Authorization": ""}))

    assert client.portal is not None
    taken = client.portal.call(take_all)
    health: list[Any] = []
    vocab: list[Any] = []
    try:
        probe = threading.Thread(target=ask, args=("/healthz", health), daemon=True)
        probe.start()
        probe.join(20)
        waiting = threading.Thread(target=ask, args=("/v1/vocabularies", vocab), daemon=True)
        waiting.start()
        waiting.join(0.5)
        assert not vocab, "a sync route answered with no pool thread free"
    finally:
        client.portal.call(give_back, taken)
    assert health
    assert health[0].status_code == 200
    assert health[0].json() == {"status": "ok"}
    waiting.join(20)
    assert vocab
    assert vocab[0].status_code == 200
