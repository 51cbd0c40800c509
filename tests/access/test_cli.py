"""``matchmaker keys ...`` and the demo keys ``seed-demo`` prints, against the test database."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from matchmaker.access.cli import keys_cli, print_demo_keys
from matchmaker.config import Settings
from tests.conftest import bearer
from tests.factories import BODIES

KEY = re.compile(r"mm_[0-9a-f]{12}_[A-Za-z0-9_-]{20,}")


@pytest.fixture
def env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    values = {
        "MATCHMAKER_DATABASE_URL": settings.database_url,
        "MATCHMAKER_DATA_DIR": str(settings.data_dir),
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


def test_keys_create_list_and_revoke(client: TestClient, env: dict[str, str]) -> None:
    incubator = client.post("/v1/incubators", json=BODIES["incubators"]()).json()["id"]
    runner = CliRunner()
    result = runner.invoke(
        keys_cli,
        ["create", "--role", "manager", "--incubator", str(incubator), "--name", "Ms Li"],
    )
    assert result.exit_code == 0, result.output
    key = KEY.search(result.output)
    assert key is not None
    me = client.get("/v1/keys/me", headers=bearer(key.group())).json()
    assert (me["role"], me["incubator_ids"], me["name"]) == ("manager", [incubator], "Ms Li")

    listed = runner.invoke(keys_cli, ["list"])
    assert listed.exit_code == 0
    assert key.group() not in listed.output
    assert key.group()[:15] in listed.output  # the prefix, to recognise it

    revoked = runner.invoke(keys_cli, ["revoke", str(me["key"]["id"])])
    assert revoked.exit_code == 0, revoked.output
    assert client.get("/v1/keys/me", headers=bearer(key.group())).status_code == 401


def test_keys_create_refuses_unknown_incubators(client: TestClient, env: dict[str, str]) -> None:
    result = CliRunner().invoke(keys_cli, ["create", "--role", "manager", "--incubator", "999"])
    assert result.exit_code == 1
    assert "no incubator with id 999" in result.output
    assert not KEY.search(result.output)


def test_demo_keys_are_fresh_on_every_run_and_scoped(
    client: TestClient, env: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    for kind in ("startups", "incubators", "partners"):
        assert client.post(f"/v1/{kind}", json=BODIES[kind]()).status_code == 201
    print_demo_keys()
    first = dict(re.findall(r"^\s+(\w+)\s+(mm_\S+)", capsys.readouterr().out, re.M))
    assert set(first) == {"admin", "founder", "manager", "partner"}
    print_demo_keys()
    second = dict(re.findall(r"^\s+(\w+)\s+(mm_\S+)", capsys.readouterr().out, re.M))
    for role in first:
        assert first[role] != second[role]
        assert client.get("/v1/keys/me", headers=bearer(first[role])).status_code == 401
        me = client.get("/v1/keys/me", headers=bearer(second[role])).json()
        assert me["role"] == role
    founder, manager = bearer(second["founder"]), bearer(second["manager"])
    startup = client.get("/v1/startups").json()["items"][0]["id"]
    incubator = client.get("/v1/incubators").json()["items"][0]["id"]
    patch = {"pitch": "demo pitch"}
    assert client.patch(f"/v1/startups/{startup}", json=patch, headers=founder).status_code == 200
    assert client.get(f"/v1/incubators/{incubator}/matches", headers=manager).status_code == 200
    assert client.get("/v1/keys/me", headers=bearer(second["partner"])).json()["partner_ids"]
