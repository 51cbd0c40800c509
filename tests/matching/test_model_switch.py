"""Switching model: reindex re-embeds while the old model's server keeps answering."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.engine import Engine

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.models import Embedding
from matchmaker.matching.reindex import reindex
from matchmaker.runtime import open_runtime
from tests.conftest import as_admin
from tests.matching.helpers import ids_of, make, matches


def test_switch_to_a_512_d_model_serves_throughout_and_ends_on_the_new_vectors(
    settings: Settings, encoder: Encoder, use_encoder: Encoder, db_engine: Engine
) -> None:
    assert encoder.dim != use_encoder.dim
    with TestClient(create_app(settings, encoder)) as old:
        as_admin(old)
        incubators = [make(old, "incubators") for _ in range(3)]
        startups = [make(old, "startups", domains=["robotics"]) for _ in range(4)]

        # The new model's server, before reindex: it starts, but says what to do.
        with TestClient(create_app(settings, use_encoder)) as early:
            as_admin(early)
            problem = early.get("/readyz").json()["index"]["problem"]
            assert "384-d" in problem
            assert "512-d" in problem
            assert "matchmaker reindex" in problem

        runtime = open_runtime(settings, use_encoder)
        done = threading.Event()
        failures: list[BaseException] = []

        def run() -> None:
            try:
                reindex(runtime.store, runtime.sessions, progress=False)
            except BaseException as exc:  # noqa: BLE001 - reported by the test below
                failures.append(exc)
            finally:
                done.set()

        worker = threading.Thread(target=run)
        worker.start()
        served = 0
        try:
            # The old server answers from its own index all along.
            while not done.is_set() or served < 3:
                found = matches(old, f"/v1/startups/{startups[served % 4]}/matches")
                assert set(ids_of(found)) == set(incubators)
                served += 1
        finally:
            worker.join()
            runtime.close()
        assert not failures, failures
        assert served >= 3

    with db_engine.connect() as conn:
        rows = conn.execute(select(Embedding.model, Embedding.dim, Embedding.vector)).all()
    assert {(m, d) for m, d, _ in rows} == {(use_encoder.name, 512)}
    assert len(rows) == len(incubators) + len(startups)
    assert all(len(np.frombuffer(v, dtype="<f4")) == 512 for _, _, v in rows)

    with TestClient(create_app(settings, use_encoder)) as new:
        as_admin(new)
        assert new.get("/readyz").status_code == 200
        found = matches(new, f"/v1/startups/{startups[0]}/matches")
        assert set(ids_of(found)) == set(incubators)


@pytest.mark.parametrize("model", ["use-multilingual"])
def test_cli_reindex_with_matchmaker_model_switches_the_stored_vectors(
    model: str,
    settings: Settings,
    encoder: Encoder,
    db_engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer.testing import CliRunner

    from matchmaker.cli import cli

    with TestClient(create_app(settings, encoder)) as first:
        as_admin(first)
        make(first, "incubators")
    monkeypatch.setenv("MATCHMAKER_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("MATCHMAKER_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("MATCHMAKER_MODEL", model)
    result = CliRunner().invoke(cli, ["reindex"])
    assert result.exit_code == 0, result.output
    assert "1 incubators" in result.output
    with db_engine.connect() as conn:
        dims = set(conn.execute(select(Embedding.dim)).scalars())
    assert dims == {512}
