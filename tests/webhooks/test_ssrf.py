"""Webhook URLs cannot reach the server's own network: not at registration, however the address
is written, and not at delivery, whatever the name resolves to by then; redirects are not
followed. The resolvers here are test doubles of the one ``urls.Resolver`` interface."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from matchmaker.access import service as access
from matchmaker.errors import InvalidInput
from matchmaker.webhooks import delivery, urls
from matchmaker.webhooks.models import Webhook
from tests.conftest import KeyFactory
from tests.webhooks.helpers import subscribe, wait_delivered
from tests.webhooks.receiver import receiver

PUBLIC = "93.184.215.14"


def no_dns(host: str, port: int) -> list[str]:
    return []


def resolves_to(*addresses: str) -> urls.Resolver:
    def resolve(host: str, port: int) -> list[str]:
        return list(addresses)

    return resolve


LOOPBACK_FORMS = [
    "http://2130706433:8080/",
    "http://0x7f000001:8080/",
    "http://0X7F000001/",
    "http://127.1:8080/",
    "http://127.0.1/",
    "http://0:8080/",
    "http://0177.0.0.1:8080/",
    "http://0177.0x0.0.01/",
    "http://017700000001/",
    "http://127.000.000.001/",
    "http://127.0.0.1./",
    "http://[::1]/",
    "http://[0:0:0:0:0:0:0:1]:9000/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[::127.0.0.1]/",
    "http://[64:ff9b::127.0.0.1]/",
    "http://[64:ff9b::a00:1]/",
    "http://[2002:7f00:1::1]/",
    "http://[2002:c0a8:101::1]/",
    "http://[::]/",
    "http://0.0.0.0/",
]
PRIVATE_FORMS = [
    "http://10.0.0.1/",
    "http://0xa000001/",
    "http://172.16.5.4/",
    "http://192.168.1.1/",
    "http://3232235777/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::ffff:169.254.169.254]/",
    "http://100.64.0.1/",
    "http://[fc00::1]/",
    "http://[fd12:3456:789a::1]/",
    "http://[fe80::1]/",
    "http://[fe80::1%25eth0]/",
    "http://224.0.0.251/",
    "http://[ff02::1]/",
    "http://240.0.0.1/",
    "http://255.255.255.255/",
    "http://192.0.2.1/",
]
OWN_NETWORK_FORMS = ["http://localhost/", "http://LOCALHOST./", "http://api.localhost:8000/"]
CREDENTIAL_FORMS = [
    "http://user@127.0.0.1/",
    "http://hooks.example.com@127.0.0.1/",
    "http://127.0.0.1:80@hooks.example.com/",
    "http://hooks.example.com%40127.0.0.1@x/",
]
MALFORMED_FORMS = ["http://[::1/", "http://[zz]/", "http://[127.0.0.1]/"]


def test_every_bypass_form_is_refused_at_registration_with_422_on_url(
    client: TestClient, auth: KeyFactory
) -> None:
    partner = auth("partner")
    for url in (
        LOOPBACK_FORMS + PRIVATE_FORMS + OWN_NETWORK_FORMS + CREDENTIAL_FORMS + MALFORMED_FORMS
    ):
        body = {"url": url, "events": ["match.found"]}
        r = client.post("/v1/webhooks", json=body, headers=partner)
        assert r.status_code == 422, (url, r.text)
        assert [d["field"] for d in r.json()["detail"]] == ["url"], url
    assert client.get("/v1/webhooks", headers=partner).json() == []


@pytest.mark.parametrize("url", LOOPBACK_FORMS + PRIVATE_FORMS)
def test_every_written_form_of_a_private_address_is_refused(url: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        urls.check(url, allow_private=False, resolver=no_dns)
    assert refused.value.detail == [{"field": "url", "reason": urls.PRIVATE}]
    with pytest.raises(urls.UrlRefused):  # and at delivery, should one be stored
        urls.pin(url, allow_private=False, resolver=no_dns)


@pytest.mark.parametrize("url", OWN_NETWORK_FORMS + CREDENTIAL_FORMS)
def test_local_names_and_userinfo_are_refused(url: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        urls.check(url, allow_private=False, resolver=resolves_to(PUBLIC))
    assert refused.value.detail[0]["field"] == "url"


@pytest.mark.parametrize(
    "url",
    ["https://hooks.example.com/mm", "http://93.184.215.14:8080/x", "https://[2606:4700::1111]/"],
)
def test_public_addresses_and_names_are_accepted(url: str) -> None:
    assert urls.check(url, allow_private=False, resolver=resolves_to(PUBLIC)) == url


def test_a_name_with_any_private_address_is_refused_at_registration() -> None:
    mixed = resolves_to(PUBLIC, "10.1.2.3")
    with pytest.raises(InvalidInput, match="resolves to one"):
        urls.check("https://hooks.example.com/mm", allow_private=False, resolver=mixed)


def test_delivery_resolves_again_and_connects_to_the_address_it_checked() -> None:
    pinned = urls.pin("https://hooks.example.com:8443/in?x=1", False, resolves_to(PUBLIC))
    assert pinned == urls.Pinned(
        f"https://{PUBLIC}:8443/in?x=1", "hooks.example.com:8443", "hooks.example.com"
    )
    # The name changed its answer since registration (DNS rebinding): nothing is sent.
    for answer in (["127.0.0.1"], [PUBLIC, "::1"], ["::ffff:10.0.0.1"]):
        with pytest.raises(urls.UrlRefused):
            urls.pin("https://hooks.example.com/in", False, resolves_to(*answer))


def test_a_delivery_goes_to_the_pinned_address_with_the_name_in_host_and_tls() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    job = delivery.Job(1, 2, "ping", "https://hooks.example.com/in", "whsec_x", "{}")
    with httpx.Client(transport=httpx.MockTransport(answer)) as client:
        result = delivery.send(client, job, False, resolves_to(PUBLIC))
        assert result.ok
        refused = delivery.send(client, job, False, resolves_to("192.168.0.7"))
    (request,) = seen
    assert request.url.host == PUBLIC
    assert request.headers["Host"] == "hooks.example.com"
    assert request.extensions["sni_hostname"] == "hooks.example.com"
    # Refused before connecting: nothing that would tell a port's state or a host's distance.
    assert (refused.status_code, refused.latency_ms) == (None, 0)
    assert refused.error is not None
    assert refused.error.startswith("refused: url must not")


def _store_hook(client: TestClient, headers: dict[str, str], url: str) -> int:
    """A subscription as registration would store it, for a name that resolves privately
    only later (here: localhost, which really resolves to 127.0.0.1)."""
    with client.app.state.sessions() as session, session.begin():  # type: ignore[attr-defined]
        principal = access.authenticate(session, headers["Authorization"].split()[1])
        hook = Webhook(
            account_id=principal.account_id,
            url=url,
            events=["match.found"],
            secret="whsec_test",
            min_score=0.5,
            description="",
            active=True,
        )
        session.add(hook)
        session.flush()
        return int(hook.id)


def _first_attempt(client: TestClient, hook_id: int, headers: dict[str, str]) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        items = client.get(f"/v1/webhooks/{hook_id}/deliveries", headers=headers).json()["items"]
        if items and items[0]["attempt_log"]:
            return dict(items[0])
        time.sleep(0.05)
    raise AssertionError("the ping was never attempted")


def test_a_name_resolving_to_loopback_is_refused_at_delivery_and_reveals_nothing(
    client: TestClient, auth: KeyFactory
) -> None:
    partner = auth("partner")
    with receiver() as rx:
        port = rx.url.split(":")[2].split("/")[0]
        url = f"http://localhost:{port}/hook"
        body = {"url": url, "events": ["match.found"]}
        r = client.post("/v1/webhooks", json=body, headers=partner)
        assert r.status_code == 422  # at registration
        hook_id = _store_hook(client, partner, url)
        assert client.post(f"/v1/webhooks/{hook_id}/ping", headers=partner).status_code == 202
        row = _first_attempt(client, hook_id, partner)
        time.sleep(0.5)  # a request already on its way would have arrived by now
        assert rx.requests == []
    (attempt,) = row["attempt_log"]
    assert (attempt["status_code"], attempt["latency_ms"]) == (None, 0)
    assert attempt["error"] == row["last_error"] == f"refused: url {urls.OWN_NETWORK}"


def test_a_redirect_is_not_followed(hook_client: TestClient, hook_auth: KeyFactory) -> None:
    founder = hook_auth("founder")
    with receiver() as target, receiver(script=[302]) as bouncer:
        bouncer.location = target.url
        hook = subscribe(hook_client, founder, bouncer.url, ["match.found"])
        assert hook_client.post(f"/v1/webhooks/{hook['id']}/ping", headers=founder).status_code
        bouncer.wait_for(lambda got: len(got) >= 1)
        wait_delivered(hook_client, hook["id"], founder, "ping")
    assert target.requests == []
    assert [r.answered for r in bouncer.requests][:1] == [302]


def test_a_url_with_a_nul_or_other_control_character_is_refused_on_url(
    client: TestClient, auth: KeyFactory
) -> None:
    partner = auth("partner")
    for url in ("https://93.184.216.34/hook\x00", "https://93.184.216.34/a\x1fb"):
        r = client.post(
            "/v1/webhooks", json={"url": url, "events": ["match.found"]}, headers=partner
        )
        assert r.status_code == 422, (url, r.text)
        assert [d["field"] for d in r.json()["detail"]] == ["url"], url
        assert "control characters" in r.json()["detail"][0]["reason"]
    assert client.get("/v1/webhooks", headers=partner).json() == []
