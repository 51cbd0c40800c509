"""Decisions are kept in memory between requests (reviews/feedback.py DecisionCache) and read
again exactly when the database's decision counter moved: after a decision, a deleted
profile whose records cascade away, by this process or any other on the same database."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete

from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from matchmaker.reviews import feedback, repository
from matchmaker.reviews.models import DecisionVersion
from tests.conftest import app_process
from tests.matching.helpers import make

ROBOTS = (
    "Collaborative robot arms for electronics assembly lines, with force sensing.",
    "Autonomous mobile robots that move pallets in warehouses using lidar SLAM.",
    "Robotic welding cells with seam tracking for shipbuilding.",
)


def _history(client: TestClient, startup: int, incubator: int) -> dict[str, Any] | None:
    r = client.get(f"/v1/startups/{startup}/matches", params={"target": "incubators"})
    assert r.status_code == 200, r.text
    pair = next(m for m in r.json()["matches"] if m["profile"]["id"] == incubator)
    history: dict[str, Any] | None = pair["components"].get("history")
    return history


def _accept(client: TestClient, startup: int, incubator: int) -> None:
    body = {"startup_id": startup, "incubator_id": incubator, "action": "accept"}
    r = client.post("/v1/matches", json={**body, "as_side": "target"})
    assert r.status_code == 201, r.text


def _version(client: TestClient) -> int:
    with client.app.state.runtime.sessions() as session:  # type: ignore[attr-defined]
        return repository.decisions_version(session)


def test_decisions_by_another_process_and_cascades_show_in_the_next_list(
    settings: Settings, encoder: Encoder
) -> None:
    # An hour's feed poll: the reader learns of the other process's writes only from the
    # database, as a replica between two polls would.
    with app_process(settings, encoder, index_refresh_seconds=3600.0) as reader:
        lab = make(reader, "incubators", name="Robot Lab", domains=["robotics"])
        first, second, asking = (
            make(reader, "startups", domains=["robotics"], pitch=text) for text in ROBOTS
        )
        assert _history(reader, asking, lab) is None  # no decisions yet: read and kept

        with app_process(settings, encoder, "writer") as writer:
            _accept(writer, first, lab)
            _accept(writer, second, lab)
            shown = _history(reader, asking, lab)
            assert shown is not None
            assert "(of 2 accepted" in shown["note"]

            # A deletion cascades to the startup's match record: no decision was made, and
            # still the counter moved and the reader's next list counts one accept.
            assert writer.delete(f"/v1/startups/{first}").status_code == 204
        shown = _history(reader, asking, lab)
        assert shown is not None
        assert "(of 1 accepted" in shown["note"]


def test_decisions_are_read_once_until_the_counter_moves(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    lab = make(client, "incubators", domains=["robotics"])
    decided, asking = (make(client, "startups", domains=["robotics"], pitch=t) for t in ROBOTS[:2])
    reads: list[str] = []
    real = feedback.decisions

    def counted(session: Any, kind: str, ids: Any) -> Any:
        reads.append(kind)
        return real(session, kind, ids)

    monkeypatch.setattr(feedback, "decisions", counted)
    for _ in range(3):
        _history(client, asking, lab)
    assert reads == ["incubator"]
    _accept(client, decided, lab)  # the writing request reads for itself, and keeps nothing
    reads.clear()
    for _ in range(3):
        assert _history(client, asking, lab) is not None
    assert reads == ["incubator"]


def test_a_list_reads_the_counter_once_however_often_it_asks_for_decisions(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The manager's list asks for its incubator's decisions and for the kind's statistics.
    lab = make(client, "incubators", domains=["robotics"])
    decided = make(client, "startups", domains=["robotics"], pitch=ROBOTS[0])
    make(client, "startups", domains=["robotics"], pitch=ROBOTS[1])
    _accept(client, decided, lab)
    counted: list[int] = []
    real, beside = repository.decisions_version, repository.decisions_version_beside

    def counter(session: Any) -> int:
        counted.append(1)
        return real(session)

    def counter_beside(session: Any, other: Any) -> tuple[int, int]:
        counted.append(1)  # the stamp of a kept answer reads it with the feed's head
        return beside(session, other)

    monkeypatch.setattr(repository, "decisions_version", counter)
    monkeypatch.setattr(repository, "decisions_version_beside", counter_beside)
    r = client.get(f"/v1/incubators/{lab}/matches")
    assert r.status_code == 200, r.text
    assert any("history" in m["components"] for m in r.json()["matches"])
    assert counted == [1]


def test_the_counter_moves_on_every_write_to_a_match_record(client: TestClient) -> None:
    lab = make(client, "incubators", domains=["robotics"])
    startup = make(client, "startups", domains=["robotics"], pitch=ROBOTS[0])
    start = _version(client)
    _accept(client, startup, lab)  # an insert, and an update to record the decision
    after_accept = _version(client)
    assert after_accept > start
    r = client.post(
        "/v1/matches",
        json={"startup_id": startup, "incubator_id": lab, "action": "accept", "as_side": "startup"},
    )
    assert r.status_code in (200, 201), r.text  # the startup side: an update
    after_update = _version(client)
    assert after_update > after_accept
    assert client.delete(f"/v1/startups/{startup}").status_code == 204  # a cascaded delete
    assert _version(client) > after_update

    # A table emptied by hand counts again from the first write.
    with client.app.state.runtime.sessions() as session, session.begin():  # type: ignore[attr-defined]
        session.execute(delete(DecisionVersion))
    assert _version(client) == 0
    other = make(client, "startups", domains=["robotics"], pitch=ROBOTS[1])
    _accept(client, other, lab)
    assert _version(client) > 0
