"""The review workflow through HTTP: double opt-in, audit trail, 409s, idempotency, scope."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import KeyFactory
from tests.reviews.conftest import Parties, create


def test_contacts_are_revealed_to_both_sides_only_once_both_accepted(parties: Parties) -> None:
    r = parties.act(parties.founder, action="accept")
    assert r.status_code == 201
    match = r.json()
    assert (match["state"], match["startup_decision"], match["target_decision"]) == (
        "accepted",
        "accepted",
        None,
    )
    assert match["contacts"] is None
    assert (
        parties.client.get(f"/v1/matches/{match['id']}", headers=parties.manager).json()["contacts"]
        is None
    )

    r = parties.act(parties.manager, action="accept")
    assert r.status_code == 200
    assert r.json()["state"] == "connected"
    expected = {
        "startup_email": "ceo@robotics.example.cn",
        "target_email": "desk@incubator.example.cn",
    }
    for side in (parties.founder, parties.manager):
        assert (
            parties.client.get(f"/v1/matches/{match['id']}", headers=side).json()["contacts"]
            == expected
        )

    # Withdrawing after connecting hides them again.
    assert parties.act(parties.founder, action="withdraw").json()["contacts"] is None


def test_scenario_contacts_reach_the_startup_through_the_platform(parties: Parties) -> None:
    first = parties.act(parties.platform, action="accept", scenario_id=parties.scenario)
    assert first.status_code == 201
    r = parties.act(parties.founder, action="accept", scenario_id=parties.scenario)
    assert r.json()["state"] == "connected"
    assert r.json()["contacts"]["target_email"] == "pilots@partner.example"


def test_every_change_leaves_exactly_one_event_and_the_chain_is_unbroken(parties: Parties) -> None:
    steps = [
        (parties.founder, "shortlist", True),
        (parties.founder, "shortlist", False),  # repeat: idempotent
        (parties.manager, "shortlist", True),
        (parties.manager, "accept", True),
        (parties.manager, "accept", False),
    ]
    match_id = None
    changes = 0
    for headers, action, changed in steps:
        r = parties.act(headers, action=action, note=f"{action} note")
        assert r.status_code in (200, 201)
        match_id = r.json()["id"]
        changes += bool(changed)
        assert len(parties.events(match_id)) == changes
    assert match_id is not None
    r = parties.act(parties.founder, action="accept")
    assert r.json()["state"] == "connected"
    changes += 1
    r = parties.act(parties.manager, action="withdraw", note="funding fell through")
    changes += 1
    assert (
        parties.act(parties.founder, action="accept").status_code == 200
    )  # own repeat: nothing to do
    assert parties.act(parties.founder, action="decline", reason="not_now").status_code == 409

    events = parties.events(match_id)
    assert len(events) == changes
    assert events[0]["from_state"] == "new"
    for before, after in zip(events, events[1:], strict=False):
        assert after["from_state"] == before["to_state"]
        assert after["created_at"] >= before["created_at"]
    record = parties.client.get(f"/v1/matches/{match_id}", headers=parties.founder).json()
    assert events[-1]["to_state"] == record["state"] == "withdrawn"
    assert [e["side"] for e in events] == ["startup", "target", "target", "startup", "target"]
    assert events[-1]["note"] == "funding fell through"
    assert events[-1]["actor_account_id"] is not None


def test_repeating_an_action_is_idempotent(parties: Parties) -> None:
    first = parties.act(parties.manager, action="shortlist").json()
    again = parties.act(parties.manager, action="shortlist")
    assert again.status_code == 200
    assert again.json()["version"] == first["version"]
    assert again.json()["updated_at"] == first["updated_at"]
    assert len(parties.events(first["id"], parties.manager)) == 1


def test_invalid_transitions_get_409_with_a_clear_reason(parties: Parties) -> None:
    # Withdrawing what nobody acted on creates nothing.
    r = parties.act(parties.founder, action="withdraw")
    assert r.status_code == 409
    assert "has not shortlisted or accepted" in r.json()["message"]
    assert parties.client.get("/v1/matches", headers=parties.founder).json()["items"] == []

    match_id = parties.act(parties.founder, action="accept").json()["id"]
    r = parties.act(parties.founder, action="decline", reason="not_now")
    assert r.status_code == 409
    assert r.json()["error"] == "invalid_transition"
    assert "withdraw instead" in r.json()["message"]
    assert parties.act(parties.founder, action="shortlist").status_code == 409

    parties.act(parties.founder, action="withdraw")
    r = parties.act(parties.manager, action="accept")
    assert r.status_code == 409
    assert "withdrawn" in r.json()["message"]
    assert r.json()["detail"]["state"] == "withdrawn"
    assert len(parties.events(match_id)) == 2  # refused actions leave no trace


def test_a_declined_match_is_final_for_both_sides(parties: Parties) -> None:
    parties.act(parties.founder, action="accept")
    r = parties.act(
        parties.manager, action="decline", reason="no_capacity", note="full until spring"
    )
    assert r.json()["state"] == "declined"
    assert parties.act(parties.founder, action="withdraw").status_code == 409
    assert parties.act(parties.manager, action="accept").status_code == 409
    assert parties.act(parties.manager, action="decline", reason="no_capacity").status_code == 200
    event = parties.events(r.json()["id"])[-1]
    assert (event["reason"], event["note"]) == ("no_capacity", "full until spring")


def test_the_side_comes_from_the_key(parties: Parties, client: TestClient) -> None:
    assert parties.act(parties.outsider_founder, action="accept").status_code == 403
    assert parties.act(parties.outsider_manager, action="accept").status_code == 403
    assert parties.act(parties.founder, action="accept", as_side="target").status_code == 403
    # An admin manages both sides, so must say which.
    r = client.post(
        "/v1/matches",
        json={
            "startup_id": parties.startup,
            "incubator_id": parties.incubator,
            "action": "shortlist",
        },
    )
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == "as_side"
    r = client.post(
        "/v1/matches",
        json={
            "startup_id": parties.startup,
            "incubator_id": parties.incubator,
            "action": "shortlist",
            "as_side": "target",
        },
    )
    assert (r.status_code, r.json()["target_decision"]) == (201, "shortlisted")


def test_decline_rules_name_the_field_they_concern(parties: Parties) -> None:
    for body, field, reason in (
        ({"action": "decline"}, "reason", "a decline needs a reason"),
        ({"action": "accept", "reason": "not_now"}, "reason", "only when declining"),
        ({"action": "decline", "reason": "other"}, "note", "needs a note"),
        ({"action": "decline", "reason": "other", "note": "x\u202ey"}, "note", "U+202E"),
        ({"action": "decline", "reason": "not_now", "startup_id": True}, "startup_id", "integer"),
    ):
        r = parties.act(parties.founder, **body)
        assert r.status_code == 422, body
        detail = r.json()["detail"]
        assert [d["field"] for d in detail] == [field], detail
        assert reason in detail[0]["reason"], detail


def test_requests_are_validated(parties: Parties) -> None:
    bad: list[dict[str, Any]] = [
        {"action": "decline"},  # no reason
        {"action": "decline", "reason": "too_cold"},  # not in the vocabulary
        {"action": "decline", "reason": "other"},  # other needs a note
        {"action": "accept", "reason": "not_now"},  # reasons only for declines
        {"action": "accept", "incubator_id": parties.incubator, "partner_id": parties.partner},
        {"action": "like"},
        {"action": "accept", "note": "x" * 1001},
        {"action": "accept", "surprise": True},
    ]
    for body in bad:
        assert parties.act(parties.founder, **body).status_code == 422, body
    r = parties.client.post("/v1/matches", json={"startup_id": parties.startup, "action": "accept"})
    assert r.status_code == 422
    assert parties.act(parties.founder, action="accept", incubator_id=999_999).status_code == 404
    assert parties.act(parties.founder, action="accept", startup_id=999_999).status_code == 404
    assert (
        parties.act(parties.founder, action="decline", reason="other", note="pivoting").status_code
        == 201
    )


def test_matches_are_invisible_to_outsiders(parties: Parties) -> None:
    match_id = parties.act(parties.founder, action="accept").json()["id"]
    for outsider in (parties.outsider_founder, parties.outsider_manager, parties.platform):
        assert parties.client.get(f"/v1/matches/{match_id}", headers=outsider).status_code == 404
        assert (
            parties.client.get(f"/v1/matches/{match_id}/events", headers=outsider).status_code
            == 404
        )
        assert parties.client.get("/v1/matches", headers=outsider).json()["items"] == []
    assert parties.client.get(f"/v1/matches/{match_id}").status_code == 200  # admin


def test_managers_list_their_incubator_matches_by_state_page_by_page(
    parties: Parties, auth: KeyFactory
) -> None:
    startups = [parties.startup] + [
        create(parties.client, "startups", parties.founder) for _ in range(6)
    ]
    for i, startup in enumerate(startups):
        parties.act(parties.founder, action="accept", startup_id=startup)
        if i % 3 == 1:
            parties.act(parties.manager, action="accept", startup_id=startup)
        elif i % 3 == 2:
            parties.act(
                parties.manager, action="decline", startup_id=startup, reason="stage_mismatch"
            )
    # A match elsewhere that the manager must not see.
    parties.act(parties.founder, action="accept", partner_id=parties.partner)

    def listed(headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        cursor: str | None = None
        while True:
            query = {**params, "limit": 2, **({"cursor": cursor} if cursor else {})}
            page = parties.client.get("/v1/matches", params=query, headers=headers).json()
            items += page["items"]
            cursor = page["next_cursor"]
            if cursor is None:
                return items

    everything = listed(parties.manager)
    assert len(everything) == len({m["id"] for m in everything}) == 7
    assert {m["incubator_id"] for m in everything} == {parties.incubator}
    states = {s: listed(parties.manager, state=s) for s in ("accepted", "connected", "declined")}
    assert [len(states[s]) for s in ("accepted", "connected", "declined")] == [3, 2, 2]
    both = listed(parties.manager, state=["connected", "declined"])
    assert len(both) == 4
    assert len(listed(parties.founder)) == 8  # the founder sees the partner match too
    assert len(listed(parties.founder, incubator_id=parties.incubator, state="connected")) == 2
    assert listed(parties.manager, startup_id=startups[1]) == states["connected"][:1]
    assert listed(auth("manager")) == []


def test_events_record_the_score_and_what_produced_it(parties: Parties) -> None:
    match = parties.act(parties.founder, action="accept").json()
    event = parties.events(match["id"])[0]
    assert 0 <= event["score"] <= 1
    assert event["model"]
    assert event["ranking_version"]
    assert (match["score"], match["model"], match["ranking_version"]) == (
        event["score"],
        event["model"],
        event["ranking_version"],
    )


def test_deleting_a_profile_removes_its_matches(parties: Parties, client: TestClient) -> None:
    match_id = parties.act(parties.founder, action="accept").json()["id"]
    assert client.delete(f"/v1/incubators/{parties.incubator}").status_code == 204
    assert client.get(f"/v1/matches/{match_id}").status_code == 404
