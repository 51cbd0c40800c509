"""Verified keys are cached, and revocation still takes effect on the next request."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import event, update
from sqlalchemy.engine import Connection

from matchmaker.access import service as access
from matchmaker.access.cache import PrincipalCache
from matchmaker.access.models import ApiKey, Role
from matchmaker.db import utcnow
from tests.conftest import KeyFactory


def _statements(client: TestClient, path: str, headers: dict[str, str]) -> list[str]:
    """The SQL statements one request runs."""
    seen: list[str] = []

    def record(conn: Connection, cursor: object, statement: str, *_: object) -> None:
        seen.append(statement)

    engine = client.app.state.engine  # type: ignore[attr-defined]
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.get(path, headers=headers).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen


def test_a_verified_key_costs_one_query_on_its_next_requests(
    client: TestClient, auth: KeyFactory
) -> None:
    founder = auth("founder")
    cold = _statements(client, "/v1/startups", founder)
    warm = _statements(client, "/v1/startups", founder)
    key_reads = [s for s in warm if "FROM api_key" in s]
    assert len(key_reads) == 1, warm
    assert "secret_hash" not in key_reads[0]  # state only: the secret was verified before
    assert len(warm) < len(cold)


def test_a_key_revoked_outside_the_app_fails_on_its_next_request(
    client: TestClient, auth: KeyFactory
) -> None:
    founder = auth("founder")
    me = client.get("/v1/keys/me", headers=founder).json()  # now cached
    with client.app.state.sessions() as session, session.begin():  # type: ignore[attr-defined]
        # As another process would (the CLI, another replica): this app is not told.
        session.execute(
            update(ApiKey).where(ApiKey.id == me["key"]["id"]).values(revoked_at=utcnow())
        )
    r = client.get("/v1/keys/me", headers=founder)
    assert r.status_code == 401
    assert "revoked" in r.json()["message"]


def test_a_cached_key_still_expires(client: TestClient, auth: KeyFactory) -> None:
    founder = auth("founder")
    me = client.get("/v1/keys/me", headers=founder).json()
    with client.app.state.sessions() as session, session.begin():  # type: ignore[attr-defined]
        past = utcnow() - timedelta(seconds=1)
        session.execute(update(ApiKey).where(ApiKey.id == me["key"]["id"]).values(expires_at=past))
    r = client.get("/v1/keys/me", headers=founder)
    assert r.status_code == 401
    assert "expired" in r.json()["message"]


def test_only_the_exact_key_finds_a_cached_principal(client: TestClient, auth: KeyFactory) -> None:
    founder = auth("founder")
    assert client.get("/v1/keys/me", headers=founder).status_code == 200
    plaintext = founder["Authorization"].removeprefix("Bearer ")
    forged = plaintext[:-1] + ("A" if plaintext[-1] != "A" else "B")  # same prefix, other secret
    r = client.get("/v1/keys/me", headers={"Authorization": f"Bearer {forged}"})
    assert r.status_code == 401


def test_entries_expire_and_the_least_recently_used_go_first(client: TestClient) -> None:
    now = [0.0]
    cache = PrincipalCache(ttl=10, max_entries=2, clock=lambda: now[0])
    with client.app.state.sessions() as session, session.begin():  # type: ignore[attr-defined]
        issued = [access.create_key(session, Role.founder) for _ in range(3)]
        principals = [access.authenticate(session, i.plaintext) for i in issued]
    a, b, c = (i.plaintext for i in issued)
    cache.put(a, principals[0])
    cache.put(b, principals[1])
    assert cache.get(a) == principals[0]  # a is now the most recent
    cache.put(c, principals[2])
    assert cache.get(b) is None
    assert cache.get(a) == principals[0]
    now[0] = 10.0
    assert cache.get(a) is None
    assert cache.get(c) is None
