"""match.found and import.finished events; who may subscribe where, and see what."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import KeyFactory
from tests.factories import incubator_body, startup_body
from tests.webhooks.helpers import body, subscribe
from tests.webhooks.receiver import receiver

ROBOTICS = {"domains": ["robotics"], "pitch": "Dexterous robot hands for assembly lines"}


def _ping_and_wait(
    client: TestClient, hook: dict[str, object], headers: dict[str, str], rx: object
) -> None:
    # Events are sent in outbox order: once a later ping arrives, everything before it has.
    assert client.post(f"/v1/webhooks/{hook['id']}/ping", headers=headers).status_code == 202
    rx.wait_for(lambda got: any(body(r)["type"] == "ping" for r in got))  # type: ignore[attr-defined]


def test_a_new_startup_is_announced_to_the_manager_it_fits(
    hook_client: TestClient, hook_auth: KeyFactory
) -> None:
    incubator = hook_client.post(
        "/v1/incubators", json=incubator_body(name="Robot Works", domains=["robotics"])
    ).json()["id"]
    bio = hook_client.post(
        "/v1/incubators", json=incubator_body(name="Bio Valley", domains=["biomedicine"])
    ).json()["id"]
    manager = hook_auth("manager", incubator_ids=[incubator])
    founder = hook_auth("founder")
    with receiver() as rx:
        hook = subscribe(hook_client, manager, rx.url, ["match.found"], min_score=0.3)
        startup = hook_client.post(
            "/v1/startups", json=startup_body(name="Arm Lab", **ROBOTICS), headers=founder
        ).json()["id"]
        rx.wait_for(lambda got: any(body(r)["type"] == "match.found" for r in got))
        # Saved again: the same pair is not announced twice.
        patch = hook_client.patch(
            f"/v1/startups/{startup}",
            json={"pitch": "Robot hands, now with touch"},
            headers=founder,
        )
        assert patch.status_code == 200, patch.text
        _ping_and_wait(hook_client, hook, manager, rx)
    found = [body(r) for r in rx.requests if body(r)["type"] == "match.found"]
    assert len(found) == 1
    data = found[0]["data"]
    assert data["profile"] == {
        "kind": "incubator",
        "id": incubator,
        "title": "Robot Works",
        "region": "beijing",
        "city": "Beijing",
    }
    assert data["match"]["profile"]["id"] == startup
    assert data["match"]["score"] >= 0.3
    assert data["match"]["reason"]
    assert bio not in {f["data"]["profile"]["id"] for f in found}  # not the manager's


def test_a_founder_hears_of_matches_for_its_own_new_startup(
    hook_client: TestClient, hook_auth: KeyFactory
) -> None:
    incubator = hook_client.post(
        "/v1/incubators", json=incubator_body(name="Robot Works", domains=["robotics"])
    ).json()["id"]
    founder = hook_auth("founder")
    with receiver() as rx:
        subscribe(hook_client, founder, rx.url, ["match.found"], min_score=0.3)
        startup = hook_client.post(
            "/v1/startups", json=startup_body(name="Arm Lab", **ROBOTICS), headers=founder
        ).json()["id"]
        rx.wait_for(lambda got: len(got) >= 1)
    data = body(rx.requests[0])["data"]
    assert data["profile"]["id"] == startup
    assert data["match"]["profile"] == {
        "kind": "incubator",
        "id": incubator,
        "title": "Robot Works",
        "region": "beijing",
        "city": "Beijing",
    }


def test_an_import_job_announces_that_it_finished(
    hook_client: TestClient, hook_auth: KeyFactory
) -> None:
    platform = hook_auth("partner")
    csv_text = (
        "external_id,name,domains,stage,trl,region\n"
        "a1,Arm Lab,robotics,prototype,4,beijing\n"
        "a2,Broken,robotics,prototype,42,beijing\n"
    )
    with receiver() as rx:
        subscribe(hook_client, platform, rx.url, ["import.finished"])
        r = hook_client.post(
            "/v1/imports",
            files={"file": ("s.csv", csv_text.encode(), "text/csv")},
            data={"kind": "startups", "source": "crm"},
            headers=platform,
        )
        assert r.status_code == 202, r.text
        rx.wait_for(lambda got: len(got) == 1)
    data = body(rx.requests[0])["data"]
    assert data["import_id"] == r.json()["id"]
    assert (data["status"], data["created"], data["failed"]) == ("finished", 1, 1)


def test_urls_are_checked_and_webhooks_are_private(client: TestClient, auth: KeyFactory) -> None:
    founder, other = auth("founder"), auth("founder")
    for url, reason in (
        ("http://127.0.0.1:9/hook", "must not point at a loopback, private or reserved address"),
        ("http://localhost/hook", "must not point at this server's own network"),
        ("ftp://example.com/hook", "must be an absolute http:// or https:// URL"),
    ):
        r = client.post(
            "/v1/webhooks", json={"url": url, "events": ["match.found"]}, headers=founder
        )
        assert r.status_code == 422
        assert r.json()["detail"] == [{"field": "url", "reason": reason}]
    r = client.post(
        "/v1/webhooks",
        json={"url": "https://hooks.example.com/mm", "events": ["ping"]},
        headers=founder,
    )
    assert r.status_code == 422  # ping is sent on request, not subscribed to
    hook = subscribe(client, founder, "https://hooks.example.com/mm", ["match.found"])
    assert hook["min_score"] == client.app.state.settings.webhook_match_min_score  # type: ignore[attr-defined]
    for method, path in (
        ("GET", f"/v1/webhooks/{hook['id']}"),
        ("GET", f"/v1/webhooks/{hook['id']}/deliveries"),
        ("POST", f"/v1/webhooks/{hook['id']}/ping"),
        ("DELETE", f"/v1/webhooks/{hook['id']}"),
    ):
        assert client.request(method, path, headers=other).status_code == 404
    assert client.get("/v1/webhooks", headers=other).json() == []
    assert client.delete(f"/v1/webhooks/{hook['id']}", headers=founder).status_code == 204
    assert client.get(f"/v1/webhooks/{hook['id']}", headers=founder).status_code == 404
