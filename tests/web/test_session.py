"""The session cookie, CSRF, sign-in and sign-out, and double opt-in on the pages, over HTTP."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient

from matchmaker.access import service as access
from matchmaker.web.session import COOKIE
from tests.conftest import mint_key
from tests.factories import BODIES

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def _browser(app: FastAPI, https: bool = False) -> TestClient:
    """A cookie-keeping client with no API key: pages authenticate by cookie only."""
    return TestClient(app, base_url="https://testserver" if https else "http://testserver")


def _csrf(browser: TestClient, path: str = "/signin") -> str:
    match = CSRF.search(browser.get(path).text)
    assert match is not None
    return match.group(1)


def _sign_in(browser: TestClient, key: str) -> None:
    r = browser.post("/signin", data={"key": key, "csrf": _csrf(browser)}, follow_redirects=False)
    assert r.status_code == 303, r.text


def _signed_in(browser: TestClient) -> bool:
    r = browser.get("/", follow_redirects=False)
    return not (r.status_code == 303 and r.headers["location"].startswith("/signin"))


def test_the_session_cookie_is_httponly_strict_and_secure_over_https(client: TestClient) -> None:
    key = mint_key(client, "founder")
    for https in (False, True):
        browser = _browser(client.app, https=https)  # type: ignore[arg-type]
        csrf = _csrf(browser)
        r = browser.post("/signin", data={"key": key, "csrf": csrf}, follow_redirects=False)
        cookie = r.headers["set-cookie"]
        assert cookie.startswith(f"{COOKIE}=")
        assert "HttpOnly" in cookie
        assert "SameSite=strict" in cookie
        assert ("Secure" in cookie) is https
        assert key not in cookie  # the key itself never leaves the server again
        assert _signed_in(browser)


def test_a_form_without_this_sessions_csrf_token_is_refused(client: TestClient) -> None:
    key = mint_key(client, "founder")
    browser = _browser(client.app)  # type: ignore[arg-type]
    _csrf(browser)
    assert browser.post("/signin", data={"key": key}).status_code == 403
    other = _browser(client.app)  # type: ignore[arg-type]
    stolen = _csrf(other)  # another visitor's token does not fit this session
    assert browser.post("/signin", data={"key": key, "csrf": stolen}).status_code == 403
    assert not _signed_in(browser)


def test_a_tampered_cookie_counts_as_no_session(client: TestClient) -> None:
    browser = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(browser, mint_key(client, "founder"))
    value = browser.cookies[COOKIE]
    body, _, mac = value.partition(".")
    tampered = _browser(client.app)  # type: ignore[arg-type]
    tampered.cookies.set(COOKIE, body + "." + mac[::-1])
    assert _signed_in(tampered) is False
    intact = _browser(client.app)  # type: ignore[arg-type]
    intact.cookies.set(COOKIE, value)
    assert _signed_in(intact)  # the same cookie, unmodified, is a session
    forged = _browser(client.app)  # type: ignore[arg-type]
    forged.cookies.set(COOKIE, '{"k":1,"a":1}.' + mac)
    r = forged.get("/", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/signin?next=/"


def test_a_revoked_key_ends_its_web_session(client: TestClient) -> None:
    key = mint_key(client, "founder")
    browser = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(browser, key)
    assert _signed_in(browser)
    with client.app.state.sessions() as session, session.begin():  # type: ignore[attr-defined]
        principal = access.authenticate(session, key)
        access.revoke(session, principal, principal.key_id)
    assert not _signed_in(browser)


def test_bad_keys_are_refused_and_sign_in_never_redirects_off_site(client: TestClient) -> None:
    browser = _browser(client.app)  # type: ignore[arg-type]
    r = browser.post("/signin", data={"key": "mm_000000000000_nope", "csrf": _csrf(browser)})
    assert r.status_code == 401
    assert "This key is not valid" in r.text
    key = mint_key(client, "founder")
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        r = browser.post(
            "/signin",
            data={"key": key, "csrf": _csrf(browser), "next": target},
            follow_redirects=False,
        )
        assert (r.status_code, r.headers["location"]) == (303, "/"), target
        browser.post("/signout", data={"csrf": _csrf(browser, "/")})


def test_signing_out_ends_the_session(client: TestClient) -> None:
    browser = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(browser, mint_key(client, "manager"))
    r = browser.post("/signout", data={"csrf": _csrf(browser, "/")}, follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (303, "/signin")
    assert not _signed_in(browser)


def _pair_page(browser: TestClient, startup: int, incubator: int) -> str:
    r = browser.get(f"/pairs/{startup}/incubator/{incubator}")
    assert r.status_code == 200, r.text
    return r.text


def _act(browser: TestClient, startup: int, incubator: int, **fields: str) -> None:
    path = f"/pairs/{startup}/incubator/{incubator}"
    data = {
        "csrf": _csrf(browser, path),
        "startup_id": str(startup),
        "kind": "incubator",
        "target_id": str(incubator),
        "next": path,
        **fields,
    }
    r = browser.post("/matches", data=data, follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (303, path)


def test_contacts_show_on_the_pair_page_only_once_both_sides_accept(client: TestClient) -> None:
    founder_key = mint_key(client, "founder")
    founder = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(founder, founder_key)
    startup_body = BODIES["startups"](contact_email="ceo@grippers.example.cn")
    r = client.post(
        "/v1/startups", json=startup_body, headers={"Authorization": f"Bearer {founder_key}"}
    )
    startup = r.json()["id"]
    incubator = client.post(
        "/v1/incubators", json=BODIES["incubators"](contact_email="desk@foundry.example.cn")
    ).json()["id"]
    manager = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(manager, mint_key(client, "manager", incubator_ids=[incubator]))

    # A decline needs a reason: the review service's rule, shown as a message.
    _act(manager, startup, incubator, action="decline", as_side="target")
    assert "decline needs a reason" in _pair_page(manager, startup, incubator)

    _act(founder, startup, incubator, action="accept", as_side="startup")
    for browser in (founder, manager):
        assert "ceo@grippers.example.cn" not in _pair_page(browser, startup, incubator)
        assert "desk@foundry.example.cn" not in _pair_page(browser, startup, incubator)
    _act(manager, startup, incubator, action="accept", as_side="target")
    for browser in (founder, manager):
        page = _pair_page(browser, startup, incubator)
        assert "mailto:ceo@grippers.example.cn" in page
        assert "mailto:desk@foundry.example.cn" in page
    # The history lists both decisions; an outsider cannot see the pair at all.
    assert _pair_page(manager, startup, incubator).count("<tr>") == 3  # header + 2 events
    outsider = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(outsider, mint_key(client, "manager"))
    assert outsider.get(f"/pairs/{startup}/incubator/{incubator}").status_code == 404
