"""Liveness and readiness: /healthz says the process is up, /readyz whether it can serve."""

from __future__ import annotations

from pathlib import Path

from alembic.script import ScriptDirectory
from fastapi.testclient import TestClient

from matchmaker import migrations_state
from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from matchmaker.vocab import VOCABULARIES
from tests.factories import startup_body


def _head() -> str | None:
    return ScriptDirectory.from_config(migrations_state.alembic_config("")).get_current_head()


def test_healthz_answers_without_a_key(client: TestClient) -> None:
    response = client.get("/healthz", headers={"Authorization": ""})
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_is_200_on_a_database_at_head(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ready"] is True
    assert body["current"] == body["head"] == _head()
    assert body["error"] is None


def test_readyz_names_the_model_and_counts_each_kind_indexed(
    client: TestClient, encoder: Encoder
) -> None:
    before = client.get("/readyz").json()["index"]
    assert before["model"] == encoder.name
    assert before["problem"] is None
    created = client.post("/v1/startups", json=startup_body(name="Photonic Chips"))
    assert created.status_code == 201, created.text
    after = client.get("/readyz").json()["index"]
    assert after["indexed"] == {**before["indexed"], "startup": before["indexed"]["startup"] + 1}


def test_readyz_is_503_on_an_unmigrated_database(tmp_path: Path, encoder: Encoder) -> None:
    settings = Settings(data_dir=tmp_path / "data")  # the default SQLite file, never migrated
    with TestClient(create_app(settings, encoder)) as client:
        assert client.get("/healthz").status_code == 200
        response = client.get("/readyz")
    assert response.status_code == 503, response.text
    body = response.json()
    assert body["ready"] is False
    assert body["current"] is None
    assert body["head"] == _head()
    assert "matchmaker migrate" in body["error"]


def test_after_migrating_readyz_waits_for_a_restart(tmp_path: Path, encoder: Encoder) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    with TestClient(create_app(settings, encoder)) as client:
        migrations_state.upgrade(settings.resolved_database_url())
        response = client.get("/readyz")
        # The schema is at head now, but the indexes were never loaded from it.
        assert response.status_code == 503
        assert response.json()["current"] == _head()
        assert "not loaded" in response.json()["index"]["problem"]
    with TestClient(create_app(settings, encoder)) as client:
        assert client.get("/readyz").status_code == 200


def test_readyz_is_503_on_a_database_behind_head(tmp_path: Path, encoder: Encoder) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrations_state.upgrade(url, "0001")
    with TestClient(create_app(Settings(database_url=url, data_dir=tmp_path), encoder)) as client:
        response = client.get("/readyz")
    assert response.status_code == 503, response.text
    assert response.json()["current"] == "0001"


def test_readyz_is_503_when_the_database_is_unreachable(tmp_path: Path, encoder: Encoder) -> None:
    # Nothing listens on port 9 of the loopback interface.
    url = "postgresql+psycopg://postgres@127.0.0.1:9/nothing"
    with TestClient(create_app(Settings(database_url=url, data_dir=tmp_path), encoder)) as client:
        response = client.get("/readyz")
    assert response.status_code == 503, response.text
    assert "unreachable" in response.json()["error"]


def test_vocabularies_list_every_value_with_labels(client: TestClient) -> None:
    response = client.get("/v1/vocabularies", headers={"Authorization": ""})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == set(VOCABULARIES)
    for name, vocab in VOCABULARIES.items():
        assert [item["value"] for item in body[name]] == [v.value for v in vocab]
        for item in body[name]:
            assert item["label"]
            assert item["label_zh"]
    domains = {item["value"]: item for item in body["domains"]}
    assert domains["integrated_circuits"]["label"] == "Integrated circuits"
    assert domains["integrated_circuits"]["label_zh"] == "集成电路"
