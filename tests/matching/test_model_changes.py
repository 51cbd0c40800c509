"""A missing model fails clearly at start-up; vectors of another model are never mixed in."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from matchmaker.app import create_app
from matchmaker.cli import cli
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder, ModelLoadError, SentenceTransformerEncoder
from matchmaker.matching.models import Embedding
from tests.conftest import as_admin
from tests.matching.helpers import ids_of, make, matches


def test_missing_model_is_a_clear_startup_error_not_a_download(tmp_path: object) -> None:
    with pytest.raises(ModelLoadError, match="MATCHMAKER_MODEL"):
        SentenceTransformerEncoder("/nonexistent/model-dir")
    with pytest.raises(ModelLoadError, match="offline"):
        SentenceTransformerEncoder("someone/not-installed-model")


def test_vectors_of_another_model_stop_matching_until_reindex(
    settings: Settings, encoder: Encoder, db_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    with TestClient(create_app(settings, encoder)) as first:
        as_admin(first)
        inc = make(first, "incubators")
        startup = make(first, "startups", domains=["robotics"])
    with db_engine.begin() as conn:
        # As if these vectors had been made by the model configured before.
        conn.execute(
            update(Embedding).where(Embedding.kind == "incubator").values(model="old/model")
        )

    with TestClient(create_app(settings, encoder)) as second:
        as_admin(second)
        ready = second.get("/readyz")
        assert ready.status_code == 503
        assert "matchmaker reindex" in ready.json()["index"]["problem"]
        refused = second.get(f"/v1/startups/{startup}/matches")
        assert refused.status_code == 503
        assert "reindex" in refused.json()["message"]

    monkeypatch.setenv("MATCHMAKER_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("MATCHMAKER_DATA_DIR", str(settings.data_dir))
    result = CliRunner().invoke(cli, ["reindex"])
    assert result.exit_code == 0, result.output
    assert "1 incubators" in result.output
    assert "1 startups" in result.output

    with TestClient(create_app(settings, encoder)) as third:
        as_admin(third)
        assert third.get("/readyz").status_code == 200
        assert inc in ids_of(matches(third, f"/v1/startups/{startup}/matches"))
