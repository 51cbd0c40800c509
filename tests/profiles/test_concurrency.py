"""Concurrent writes to one record: one wins, the other gets 412 (or 409), nothing is lost.

Two requests run in two threads against the same app. A barrier in ``before_flush`` holds
each request after it has read the record and validated its change but before it writes, so
both really overlap instead of running one after the other by luck of scheduling.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.orm import Session

from tests.factories import BODIES, startup_body
from tests.profiles.helpers import KINDS, Response, create, row_counts


@pytest.fixture
def overlap(client: TestClient) -> Callable[..., list[Response]]:
    """Run requests in parallel, each held before its first write until all have got there."""
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    barrier = threading.Barrier(2, timeout=20)

    def hold_first_flush(session: Session, *_: Any) -> None:
        # Only the first flush of a request waits: the winner's later flushes must not wait
        # for a loser that is itself waiting for the winner's row lock.
        if not session.info.get("held"):
            session.info["held"] = True
            barrier.wait()

    def run(*calls: Callable[[], Response]) -> list[Response]:
        barrier.reset()
        event.listen(sessions, "before_flush", hold_first_flush)
        try:
            with ThreadPoolExecutor(len(calls)) as pool:
                return [f.result() for f in [pool.submit(call) for call in calls]]
        finally:
            event.remove(sessions, "before_flush", hold_first_flush)

    return run


@pytest.mark.parametrize("plural", KINDS)
@pytest.mark.parametrize("with_if_match", [True, False], ids=["if-match", "no-if-match"])
def test_two_concurrent_updates_one_wins_the_other_gets_412(
    client: TestClient,
    overlap: Callable[..., list[Response]],
    plural: str,
    with_if_match: bool,
) -> None:
    created = create(client, plural, BODIES[plural]())
    url = f"/v1/{plural}/{created['id']}"
    headers = {"If-Match": client.get(url).headers["ETag"]} if with_if_match else {}

    def write(text: str) -> Callable[[], Response]:
        return lambda: client.patch(url, json={"description": text}, headers=headers)

    responses = overlap(write("Writer A"), write("Writer B"))

    codes = sorted(r.status_code for r in responses)
    assert codes == [200, 412], [r.text for r in responses]
    winner = next(r for r in responses if r.status_code == 200)
    loser = next(r for r in responses if r.status_code == 412)
    assert loser.json()["error"] == "precondition_failed"
    final = client.get(url)
    # The winner's change is what is stored, exactly once: the loser neither overwrote it
    # nor was applied on top of it.
    assert final.json() == winner.json()
    assert final.json()["version"] == 2
    assert final.headers["ETag"] == 'W/"2"'


def test_a_concurrent_update_and_delete_do_not_both_succeed(
    client: TestClient, overlap: Callable[..., list[Response]]
) -> None:
    created = create(client, "startups", startup_body())
    url = f"/v1/startups/{created['id']}"
    responses = overlap(
        lambda: client.patch(url, json={"pitch": "Still here"}, headers={"If-Match": 'W/"1"'}),
        lambda: client.delete(url, headers={"If-Match": 'W/"1"'}),
    )
    patch, delete = (r.status_code for r in responses)
    assert sorted((patch, delete)) in ([200, 412], [204, 412]), [r.text for r in responses]
    after = client.get(url)
    if delete == 204:
        assert after.status_code == 404
        assert row_counts(client)["facets"] == 0
    else:
        assert after.json()["pitch"] == "Still here"


def test_two_concurrent_identical_creates_store_one_and_point_at_it(
    client: TestClient, overlap: Callable[..., list[Response]]
) -> None:
    body = startup_body(name="Twin Lidar", website="https://twin-lidar.cn")
    responses = overlap(
        lambda: client.post("/v1/startups", json=body),
        lambda: client.post("/v1/startups", json=body),
    )
    codes = sorted(r.status_code for r in responses)
    assert codes == [201, 409], [r.text for r in responses]
    winner = next(r for r in responses if r.status_code == 201).json()
    loser = next(r for r in responses if r.status_code == 409).json()
    assert loser["detail"]["existing_id"] == winner["id"]
    assert row_counts(client)["startups"] == 1
