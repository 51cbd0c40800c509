"""A stored profile's list or bundle asked again is served as kept, and never once anything
it read has moved: a decision, a profile written, the day (``matching/answers.py``)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select

from matchmaker.analytics import log
from matchmaker.analytics.models import Exposure
from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.kinds import STARTUP
from matchmaker.matching import service as matching_service
from matchmaker.matching.answers import Answers, Tally
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.models import ProfileChange
from matchmaker.matching.service import Matcher
from matchmaker.profiles import service as profiles
from matchmaker.startups.schemas import StartupCreate
from tests.conftest import KeyFactory, as_admin
from tests.factories import incubator_body, startup_body
from tests.profiles.helpers import create


def _matcher(client: TestClient) -> Matcher:
    return client.app.state.runtime.matcher  # type: ignore[attr-defined,no-any-return]


def _tally(client: TestClient) -> Tally:
    return _matcher(client).answers.tally()


def _world(client: TestClient, auth: KeyFactory) -> dict[str, Any]:
    founder = auth("founder")
    startups = [
        int(create_as(client, "startups", startup_body(name=f"Lidar {n}"), founder)["id"])
        for n in range(3)
    ]
    incubators = [
        int(create(client, "incubators", incubator_body(domains=["intelligent_vehicles"]))["id"])
        for _ in range(3)
    ]
    manager = auth("manager", incubator_ids=[incubators[0]])
    return {"founder": founder, "manager": manager, "s": startups, "i": incubators}


def create_as(
    client: TestClient, plural: str, body: dict[str, Any], headers: dict[str, str]
) -> dict[str, Any]:
    response = client.post(f"/v1/{plural}", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def _list(client: TestClient, path: str, headers: dict[str, str], **params: Any) -> Any:
    response = client.get(path, headers=headers, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _ids(found: Any) -> list[int]:
    return [m["profile"]["id"] for m in found["matches"]]


def test_a_list_asked_again_is_the_kept_answer_and_is_logged_again(
    client: TestClient, auth: KeyFactory
) -> None:
    w = _world(client, auth)
    path = f"/v1/incubators/{w['i'][0]}/matches"
    first = _list(client, path, w["manager"])
    before = _tally(client)
    second = _list(client, path, w["manager"])
    after = _tally(client)
    assert second == first
    assert (after.hits - before.hits, after.misses - before.misses) == (1, 0)
    # Every serving is an exposure, kept or not.
    with client.app.state.sessions() as session, session.begin():  # type: ignore[attr-defined]
        log.flush(session)
        logged = session.scalar(select(func.count()).select_from(Exposure))
    assert logged == 2 * len(first["matches"]) > 0
    # Other filters, another question.
    _list(client, path, w["manager"], limit=2)
    assert _tally(client).misses == after.misses + 1


def test_a_decision_is_seen_by_the_next_list_on_both_sides(
    client: TestClient, auth: KeyFactory
) -> None:
    w = _world(client, auth)
    incubator, startup = w["i"][0], w["s"][0]
    manager_path = f"/v1/incubators/{incubator}/matches"
    founder_path = f"/v1/startups/{startup}/matches"
    assert startup in _ids(_list(client, manager_path, w["manager"], limit=50))
    assert incubator in _ids(_list(client, founder_path, w["founder"], limit=50))
    _list(client, manager_path, w["manager"], limit=50)  # kept now
    body = {
        "startup_id": startup,
        "incubator_id": incubator,
        "action": "decline",
        "reason": "domain_mismatch",
    }
    assert client.post("/v1/matches", json=body, headers=w["manager"]).status_code == 201
    assert startup not in _ids(_list(client, manager_path, w["manager"], limit=50))
    assert incubator not in _ids(_list(client, founder_path, w["founder"], limit=50))


def test_a_profile_written_is_seen_by_the_next_list(client: TestClient, auth: KeyFactory) -> None:
    w = _world(client, auth)
    startup, full = w["s"][0], w["i"][1]
    path = f"/v1/startups/{startup}/matches"
    assert full in _ids(_list(client, path, w["founder"], limit=50))
    _list(client, path, w["founder"], limit=50)
    # A target's facts (no text changed): the hard rules now keep it out.
    assert client.patch(f"/v1/incubators/{full}", json={"capacity": 0}).is_success
    assert full not in _ids(_list(client, path, w["founder"], limit=50))
    # The asking profile itself: its new stage is in every explanation of its list.
    kept = _list(client, path, w["founder"], limit=50)
    edited = client.patch(f"/v1/startups/{startup}", json={"stage": "pilot"}, headers=w["founder"])
    assert edited.is_success, edited.text
    again = _list(client, path, w["founder"], limit=50)
    assert again != kept
    assert again["query"]["id"] == startup


def test_a_bundle_asked_again_is_kept_until_a_profile_moves(
    client: TestClient, auth: KeyFactory
) -> None:
    w = _world(client, auth)
    path = f"/v1/startups/{w['s'][0]}/bundle"
    first = _list(client, path, w["founder"])
    hits = _tally(client).hits
    assert _list(client, path, w["founder"]) == first
    assert _tally(client).hits == hits + 1
    new = create(client, "incubators", incubator_body(domains=["intelligent_vehicles"]))
    misses = _tally(client).misses
    _list(client, path, w["founder"])
    assert _tally(client).misses == misses + 1, f"not asked again after {new['id']} was added"


def test_a_new_day_is_a_new_question(
    client: TestClient, auth: KeyFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = _world(client, auth)
    path = f"/v1/startups/{w['s'][0]}/matches"
    _list(client, path, w["founder"])
    misses = _tally(client).misses
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)

    def today() -> date:
        return tomorrow

    monkeypatch.setattr(matching_service, "utc_today", today)
    _list(client, path, w["founder"])
    assert _tally(client).misses == misses + 1


def test_a_kept_list_is_still_refused_to_whoever_may_not_read_it(
    client: TestClient, auth: KeyFactory
) -> None:
    w = _world(client, auth)
    path = f"/v1/incubators/{w['i'][0]}/matches"
    _list(client, path, w["manager"])
    _list(client, path, w["manager"])
    other = auth("manager", incubator_ids=[w["i"][1]])
    assert client.get(path, headers=other).status_code == 403
    assert client.get(f"/v1/startups/{w['s'][0]}/bundle", headers=other).status_code == 403


def test_a_kept_answer_is_told_in_each_readers_language(
    client: TestClient, auth: KeyFactory
) -> None:
    w = _world(client, auth)
    path = f"/v1/startups/{w['s'][0]}/matches"
    english = client.get(path, headers=w["founder"])
    hits = _tally(client).hits
    chinese = client.get(path, headers={**w["founder"], "Accept-Language": "zh"})
    assert _tally(client).hits == hits + 1
    assert chinese.headers["Content-Language"].startswith("zh")
    en, zh = english.json()["matches"][0], chinese.json()["matches"][0]
    assert en["score"] == zh["score"]
    assert en["reason"] != zh["reason"]
    # The kept answer itself stays English.
    assert client.get(path, headers=w["founder"]).json() == english.json()


def test_a_session_that_wrote_is_never_given_a_kept_answer(client: TestClient) -> None:
    matcher = _matcher(client)
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    with sessions() as session, session.begin():
        assert matcher.stamp(session) is not None
    with sessions() as session, session.begin():
        body = StartupCreate.model_validate(startup_body())
        profiles.create(session, STARTUP, body)
        session.flush()
        assert matcher.stamp(session) is None
        session.rollback()


def test_nothing_is_kept_when_the_setting_is_zero(settings: Settings, encoder: Encoder) -> None:
    quiet = settings.model_copy(update={"answers_kept": 0})
    with TestClient(create_app(quiet, encoder)) as raw:
        client = as_admin(raw)
        startup = int(create(client, "startups", startup_body())["id"])
        create(client, "incubators", incubator_body())
        for _ in range(2):
            assert client.get(f"/v1/startups/{startup}/matches").status_code == 200
        assert _tally(client) == Tally(0, 0, 0)


def test_answers_are_kept_within_their_budget_of_matches() -> None:
    answers = Answers(entries=3)  # 3 answers, 30 matches
    for n in range(3):
        answers.get_or(("ten", n), lambda n=n: f"list {n}", lambda _: 10)  # type: ignore[misc]
    assert answers.tally().entries == 3
    # A long list takes the place of the least recently used ones, not more than the budget.
    answers.get_or(("ten", 0), lambda: "never computed", lambda _: 10)  # now the most recent
    assert answers.get_or("long", lambda: "twenty", lambda _: 20) == "twenty"
    assert answers.tally().entries == 2
    assert answers.get_or(("ten", 0), lambda: "recomputed", lambda _: 10) == "list 0"
    assert answers.get_or(("ten", 1), lambda: "recomputed", lambda _: 10) == "recomputed"
    # An answer larger than the whole budget is served, never kept.
    assert answers.get_or("huge", lambda: "forty", lambda _: 40) == "forty"
    assert answers.get_or("huge", lambda: "again", lambda _: 40) == "again"


def test_the_stamp_reads_the_feed_head_and_the_decision_counter_in_one_statement(
    client: TestClient, auth: KeyFactory
) -> None:
    w = _world(client, auth)
    matcher = _matcher(client)
    sessions = client.app.state.runtime.sessions  # type: ignore[attr-defined]
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    with sessions() as session:
        engine = session.get_bind()
        event.listen(engine, "before_cursor_execute", seen)
        try:
            stamp = matcher.stamp(session)
            again = matcher.stamp(session)  # the counter is read once a session
        finally:
            event.remove(engine, "before_cursor_execute", seen)
    assert stamp is not None
    assert again == stamp
    assert len(statements) == 2, statements
    assert "profile_change" in statements[0]
    assert "decision_version" in statements[0]
    # What it read: the feed's head (six profiles written) and the counter (no decision).
    assert isinstance(stamp, tuple)
    assert stamp[1] == _feed_head(client) >= len(w["s"]) + len(w["i"])
    assert stamp[2] == 0


def _feed_head(client: TestClient) -> int:
    sessions = client.app.state.runtime.sessions  # type: ignore[attr-defined]
    with sessions() as session:
        return int(session.scalar(select(func.max(ProfileChange.id))) or 0)
