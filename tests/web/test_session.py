"""The session cookie, CSRF, sign-in and sign-out, and double opt-in on the pages, over HTTP."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from matchmaker.access import service as access
from matchmaker.access import sessions as web_sessions
from matchmaker.access.models import BrowserSession
from matchmaker.db import utcnow
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


def _manager_with_incubator(client: TestClient) -> tuple[str, int]:
    incubator = client.post("/v1/incubators", json=BODIES["incubators"]()).json()["id"]
    return mint_key(client, "manager", incubator_ids=[incubator]), incubator


def _session_rows(client: TestClient) -> list[BrowserSession]:
    with client.app.state.sessions() as session:  # type: ignore[attr-defined]
        return list(session.scalars(select(BrowserSession).order_by(BrowserSession.id)))


def test_a_cookie_copied_before_signing_out_opens_nothing_afterwards(client: TestClient) -> None:
    key, incubator = _manager_with_incubator(client)
    browser = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(browser, key)
    assert browser.get(f"/incubators/{incubator}").status_code == 200
    copied = browser.cookies[COOKIE]
    r = browser.post("/signout", data={"csrf": _csrf(browser, "/")}, follow_redirects=False)
    assert r.status_code == 303
    assert _session_rows(client) == []  # ended on the server, not only in this browser
    thief = _browser(client.app)  # type: ignore[arg-type]
    thief.cookies.set(COOKIE, copied)
    r = thief.get(f"/incubators/{incubator}", follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (303, f"/signin?next=/incubators/{incubator}")
    assert not _signed_in(thief)


def test_the_server_keeps_only_a_hash_of_the_session_token(client: TestClient) -> None:
    browser = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(browser, mint_key(client, "founder"))
    body = browser.cookies[COOKIE].partition(".")[0]
    token = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))["s"]
    (row,) = _session_rows(client)
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in {row.token_hash, str(row.id)}
    assert row.revoked_at is None
    assert row.expires_at - row.created_at == web_sessions.LIFETIME


def test_rotating_or_revoking_the_key_ends_its_sessions(client: TestClient) -> None:
    key, incubator = _manager_with_incubator(client)
    browsers = [_browser(client.app) for _ in range(2)]  # type: ignore[arg-type]
    for browser in browsers:
        _sign_in(browser, key)
        assert _signed_in(browser)
    r = client.post(f"/v1/keys/{_session_rows(client)[0].key_id}/rotate", json={})
    assert r.status_code == 201, r.text
    assert all(row.revoked_at is not None for row in _session_rows(client))
    assert not any(_signed_in(browser) for browser in browsers)
    # The new key signs in again; revoking it ends that session the same way.
    again = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(again, r.json()["key"])
    assert again.get(f"/incubators/{incubator}").status_code == 200
    assert client.delete(f"/v1/keys/{r.json()['id']}").status_code == 204
    assert all(row.revoked_at is not None for row in _session_rows(client))
    assert not _signed_in(again)


def test_an_expired_session_ends_and_old_rows_are_cleaned_up(client: TestClient) -> None:
    key = mint_key(client, "founder")
    browser = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(browser, key)
    with client.app.state.sessions() as session, session.begin():  # type: ignore[attr-defined]
        session.execute(update(BrowserSession).values(expires_at=utcnow() - timedelta(seconds=1)))
    assert not _signed_in(browser)
    (stale,) = _session_rows(client)
    fresh = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(fresh, key)  # signing in deletes what has expired or been revoked
    assert [row.id for row in _session_rows(client)] != [stale.id]
    assert len(_session_rows(client)) == 1
    assert _signed_in(fresh)


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
