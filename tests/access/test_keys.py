"""API keys: 401 for every kind of bad key, hashes only in the database, rotate, revoke."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from matchmaker.access.models import ApiKey
from matchmaker.db import utcnow
from tests.conftest import KeyFactory, bearer
from tests.factories import incubator_body

OPEN_PATHS = {"/v1/vocabularies"}


def _session(client: TestClient):  # type: ignore[no-untyped-def]
    return client.app.state.sessions()  # type: ignore[attr-defined]


def test_missing_key_gets_401_with_a_bearer_challenge(anonymous: TestClient) -> None:
    r = anonymous.get("/v1/startups")
    assert r.status_code == 401
    assert r.headers["WWW-Authenticate"].startswith("Bearer")
    assert r.json()["error"] == "unauthorized"


def test_malformed_unknown_and_wrong_secret_keys_get_401(
    client: TestClient, anonymous: TestClient
) -> None:
    good = client.headers["Authorization"].removeprefix("Bearer ")
    prefix = good.split("_")[1]
    for header in (
        "Bearer nonsense",
        "Bearer mm_000000000000_abcdef",
        f"Bearer mm_{prefix}_{'x' * 43}",  # right prefix, wrong secret
        f"Bearer {good[:-1]}",
        f"Basic {good}",
        good,  # no scheme
    ):
        r = anonymous.get("/v1/startups", headers={"Authorization": header})
        assert r.status_code == 401, header


def test_revoked_key_fails_from_the_next_request(client: TestClient, auth: KeyFactory) -> None:
    founder = auth("founder")
    me = client.get("/v1/keys/me", headers=founder).json()
    assert client.delete(f"/v1/keys/{me['key']['id']}", headers=founder).status_code == 204
    r = client.get("/v1/startups", headers=founder)
    assert r.status_code == 401
    assert "revoked" in r.json()["message"]


def test_expired_key_fails(client: TestClient) -> None:
    issued = client.post("/v1/keys", json={"role": "founder", "expires_in_days": 30}).json()
    headers = bearer(issued["key"])
    assert client.get("/v1/keys/me", headers=headers).status_code == 200
    with _session(client) as session, session.begin():
        session.execute(
            update(ApiKey)
            .where(ApiKey.id == issued["id"])
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    r = client.get("/v1/keys/me", headers=headers)
    assert r.status_code == 401
    assert "expired" in r.json()["message"]


def test_only_the_hash_of_a_key_is_stored(client: TestClient) -> None:
    issued = client.post("/v1/keys", json={"role": "partner", "name": "Platform X"}).json()
    plaintext = issued["key"]
    secret = plaintext.split("_", 2)[2]
    with _session(client) as session:
        rows = session.execute(select(ApiKey.__table__)).all()
    stored = [str(value) for row in rows for value in row]
    assert not any(secret in value or plaintext in value for value in stored)
    mine = next(r for r in rows if r.id == issued["id"])
    assert mine.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert all("key" not in k for k in client.get("/v1/keys").json()[0])  # listed: no secrets


def test_rotation_returns_a_new_key_and_revokes_the_old(
    client: TestClient, auth: KeyFactory
) -> None:
    old = auth("founder")
    key_id = client.get("/v1/keys/me", headers=old).json()["key"]["id"]
    r = client.post(f"/v1/keys/{key_id}/rotate", headers=old)
    assert r.status_code == 201
    new = bearer(r.json()["key"])
    assert client.get("/v1/startups", headers=old).status_code == 401
    me = client.get("/v1/keys/me", headers=new).json()
    assert me["role"] == "founder"
    assert me["key"]["id"] == r.json()["id"] != key_id
    # A revoked key cannot be rotated again.
    assert client.post(f"/v1/keys/{key_id}/rotate").status_code == 409


def test_only_an_admin_creates_keys(client: TestClient, auth: KeyFactory) -> None:
    for role in ("founder", "manager", "partner"):
        r = client.post("/v1/keys", json={"role": "admin"}, headers=auth(role))
        assert r.status_code == 403, role
    assert client.post("/v1/keys", json={"role": "admin"}).status_code == 201


def test_keys_of_other_accounts_are_invisible(client: TestClient, auth: KeyFactory) -> None:
    alice, bob = auth("founder"), auth("founder")
    bob_key = client.get("/v1/keys/me", headers=bob).json()["key"]["id"]
    assert client.delete(f"/v1/keys/{bob_key}", headers=alice).status_code == 404
    assert client.post(f"/v1/keys/{bob_key}/rotate", headers=alice).status_code == 404
    listed = client.get("/v1/keys", headers=alice).json()
    assert [k["id"] for k in listed] != []
    assert bob_key not in [k["id"] for k in listed]
    assert client.get("/v1/startups", headers=bob).status_code == 200  # still live
    # An admin sees and may revoke any key.
    assert bob_key in [k["id"] for k in client.get("/v1/keys").json()]
    assert client.delete(f"/v1/keys/{bob_key}").status_code == 204
    assert client.get("/v1/startups", headers=bob).status_code == 401


def test_manager_key_is_bound_to_the_incubators_it_names(client: TestClient) -> None:
    inc = client.post("/v1/incubators", json=incubator_body()).json()["id"]
    issued = client.post("/v1/keys", json={"role": "manager", "incubator_ids": [inc]}).json()
    assert issued["incubator_ids"] == [inc]
    me = client.get("/v1/keys/me", headers=bearer(issued["key"])).json()
    assert (me["role"], me["incubator_ids"], me["partner_ids"]) == ("manager", [inc], [])


def test_bindings_must_exist_and_fit_the_role(client: TestClient) -> None:
    inc = client.post("/v1/incubators", json=incubator_body()).json()["id"]
    cases = [
        ({"role": "manager", "incubator_ids": [inc + 1000]}, "incubator_ids"),
        ({"role": "partner", "partner_ids": [999]}, "partner_ids"),
        ({"role": "founder", "incubator_ids": [inc]}, "incubator_ids"),
        ({"role": "admin", "partner_ids": [1]}, "partner_ids"),
    ]
    for body, field in cases:
        r = client.post("/v1/keys", json=body)
        assert r.status_code == 422, body
        assert r.json()["detail"][0]["field"] == field


def test_every_v1_route_but_vocabularies_needs_a_key(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    routes = [(m.upper(), p) for p, ops in paths.items() if p.startswith("/v1") for m in ops]
    assert len(routes) > 20
    for n, (method, route) in enumerate(routes):
        path = re.sub(r"\{[^}]+\}", "1", route)
        # A stranger per route: one address's calls without a key are limited (30 at once).
        stranger = TestClient(client.app, client=(f"192.0.2.{n % 250}", 50000))
        r = stranger.request(method, path)
        expected = 200 if route in OPEN_PATHS else 401
        assert r.status_code == expected, (method, route)
        if expected == 401:
            described = paths[route][method.lower()]["responses"]
            assert "401" in described, (method, route)  # documented for API clients


def test_health_docs_and_vocabularies_stay_open(anonymous: TestClient) -> None:
    for path in ("/healthz", "/readyz", "/openapi.json", "/docs", "/v1/vocabularies"):
        assert anonymous.get(path).status_code == 200, path
    schemes = anonymous.get("/openapi.json").json()["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())
