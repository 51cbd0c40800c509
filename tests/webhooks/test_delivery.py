"""Signed deliveries to a real receiver: verification, retries, timeouts, replay."""

from __future__ import annotations

from fastapi.testclient import TestClient

from matchmaker.webhooks import signing
from tests.conftest import KeyFactory
from tests.webhooks.helpers import act, body, make_pair, subscribe, wait_delivered
from tests.webhooks.receiver import receiver


def test_a_state_change_arrives_signed_and_verifies(
    hook_client: TestClient, hook_auth: KeyFactory
) -> None:
    pair = make_pair(hook_client, hook_auth)
    with receiver() as rx:
        hook = subscribe(hook_client, pair.founder, rx.url, ["match.state_changed"])
        assert hook["secret"].startswith("whsec_")
        assert act(hook_client, pair, pair.manager, "shortlist") == 201
        rx.wait_for(lambda got: len(got) == 1)
    (request,) = rx.requests
    h = {k.lower(): v for k, v in request.headers.items()}
    assert signing.verify(
        hook["secret"],
        request.body,
        h[signing.TIMESTAMP_HEADER.lower()],
        h[signing.SIGNATURE_HEADER.lower()],
    )
    assert not signing.verify(
        "whsec_wrong", request.body, h["x-matchmaker-timestamp"], h["x-matchmaker-signature"]
    )
    event = body(request)
    assert event["type"] == h["x-matchmaker-event"] == "match.state_changed"
    assert event["id"] == h["x-matchmaker-event-id"]
    assert event["data"]["startup_id"] == pair.startup
    assert event["data"]["target_id"] == pair.incubator
    assert (event["data"]["from_state"], event["data"]["to_state"]) == ("new", "shortlisted")
    # The secret was shown once: reads never carry it.
    read = hook_client.get(f"/v1/webhooks/{hook['id']}", headers=pair.founder).json()
    assert "secret" not in read
    assert all(
        "secret" not in h for h in hook_client.get("/v1/webhooks", headers=pair.founder).json()
    )


def test_a_receiver_failing_twice_gets_the_event_exactly_once(
    hook_client: TestClient, hook_auth: KeyFactory
) -> None:
    pair = make_pair(hook_client, hook_auth)
    with receiver(script=[500, 503]) as rx:
        hook = subscribe(hook_client, pair.manager, rx.url, ["match.state_changed"])
        assert act(hook_client, pair, pair.founder, "shortlist") == 201
        delivery = wait_delivered(hook_client, hook["id"], pair.manager, "match.state_changed")
        # Delivered: nothing more is sent for it. A ping queued after it arrives after it.
        ping = hook_client.post(f"/v1/webhooks/{hook['id']}/ping", headers=pair.manager)
        assert ping.status_code == 202
        rx.wait_for(lambda got: any(body(r)["type"] == "ping" for r in got))
    changes = [r for r in rx.requests if body(r)["type"] == "match.state_changed"]
    assert [r.answered for r in changes] == [500, 503, 200]
    assert len({body(r)["id"] for r in changes}) == 1
    assert delivery["status"] == "delivered"
    assert delivery["attempts"] == 3
    assert [a["status_code"] for a in delivery["attempt_log"]] == [500, 503, 200]
    assert all(a["latency_ms"] >= 0 for a in delivery["attempt_log"])


def test_a_timeout_is_retried(hook_client: TestClient, hook_auth: KeyFactory) -> None:
    pair = make_pair(hook_client, hook_auth)
    # The worker gives up on an answer after 5 s (see conftest); the first takes 6.
    with receiver(delays=[6.0]) as rx:
        hook = subscribe(hook_client, pair.manager, rx.url, ["match.state_changed"])
        assert act(hook_client, pair, pair.founder, "shortlist") == 201
        delivery = wait_delivered(hook_client, hook["id"], pair.manager, "match.state_changed")
    first, second = delivery["attempt_log"]
    assert first["status_code"] is None
    assert first["error"].startswith("timeout")
    assert second["status_code"] == 200
    assert delivery["status"] == "delivered"


def test_replay_sends_the_same_event_again(hook_client: TestClient, hook_auth: KeyFactory) -> None:
    pair = make_pair(hook_client, hook_auth)
    with receiver() as rx:
        hook = subscribe(hook_client, pair.founder, rx.url, ["match.state_changed"])
        assert act(hook_client, pair, pair.manager, "shortlist") == 201
        rx.wait_for(lambda got: len(got) == 1)
        (delivery,) = hook_client.get(
            f"/v1/webhooks/{hook['id']}/deliveries", headers=pair.founder
        ).json()["items"]
        url = f"/v1/webhooks/{hook['id']}/deliveries/{delivery['id']}/replay"
        assert hook_client.post(url, headers=pair.manager).status_code == 404  # not theirs
        r = hook_client.post(url, headers=pair.founder)
        assert r.status_code == 202, r.text
        assert r.json()["status"] == "pending"
        rx.wait_for(lambda got: len(got) == 2)
        replayed = wait_delivered(hook_client, hook["id"], pair.founder, delivery["event"])
    # attempts is the retry budget, counted again from the replay; the log keeps every attempt.
    assert (replayed["attempts"], len(replayed["attempt_log"])) == (1, 2)
    described = hook_client.get("/openapi.json").json()["components"]["schemas"]["DeliveryRead"]
    assert "last replayed" in described["properties"]["attempts"]["description"]
    first, again = rx.requests
    assert first.body == again.body
    assert first.headers["X-Matchmaker-Event-Id"] == again.headers["X-Matchmaker-Event-Id"]
    assert signing.verify(
        hook["secret"],
        again.body,
        again.headers["X-Matchmaker-Timestamp"],
        again.headers["X-Matchmaker-Signature"],
    )
